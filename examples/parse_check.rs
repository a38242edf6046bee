//! Parse every `.py` file under a folder and list those weft's parser
//! rejects (a quick check of how much of a code base weft can read):
//!
//!     cargo run --release --example parse_check -- /usr/lib/python3.11

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: parse_check FOLDER");
        std::process::exit(2);
    };
    let mut stack = vec![std::path::PathBuf::from(root)];
    let (mut n, mut failed) = (0, 0);
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in rd.flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().and_then(|e| e.to_str()) == Some("py") {
                let Ok(text) = std::fs::read_to_string(&p) else {
                    continue;
                };
                n += 1;
                if let Err(e) = weft::syntax::parse(&text) {
                    failed += 1;
                    let at = (e.span.start as usize).min(text.len());
                    let line = text[..at].matches('\n').count() + 1;
                    println!("{}:{line}: {e}", p.display());
                }
            }
        }
    }
    println!("{n} files, {failed} rejected");
}
