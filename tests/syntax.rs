//! Front-end tests: layout tokens, strings, precedence, errors, limits, and
//! the conformance corpus.

use weft::diag::SyntaxKind;
use weft::syntax::{self, ast::*};

fn corpus(dir: &str) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in rd.flatten() {
        let p = entry.path();
        if p.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        n += 1;
        let text = std::fs::read_to_string(&p).unwrap();
        if let Err(e) = syntax::parse(&text) {
            let line = text[..(e.span.start as usize).min(text.len())].matches('\n').count() + 1;
            failures.push(format!("{}:{line}: {e}", p.display()));
        }
    }
    assert!(failures.is_empty(), "{n} files, failures:\n{}", failures.join("\n"));
}

#[test]
fn corpus_core() {
    corpus("/work/shared/conformance/core");
}

#[test]
fn corpus_asyncio() {
    corpus("/work/shared/conformance/asyncio");
}
