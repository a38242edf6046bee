//! Writes into OUT_DIR the parser lalrpop generated from grammar/weft.lalrpop
//! (through the weft-aot crate, aot/), the index of the weft modules
//! embedded from stdlib/ (so adding a module is adding a file:
//! `stdlib/NAME.py` is module NAME, `stdlib/PKG/__init__.py` package PKG,
//! `stdlib/PKG/SUB.py` module PKG.SUB), and their code compiled ahead of
//! time by weft's own compiler (aot/lib.rs), which imports decode instead
//! of compiling the source at run time.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=grammar");
    println!("cargo:rerun-if-changed=stdlib");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("weft.rs"), weft_aot::PARSER).expect("write weft.rs");
    write_stdlib_index(Path::new(&out));
}

/// `OUT_DIR/stdlib_index.rs`: a sorted `&[(name, is_package, source)]`.
fn write_stdlib_index(out: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("stdlib");
    let mut entries = Vec::new();
    collect(&root, "", &mut entries);
    entries.sort();
    let mut code = String::from("&[\n");
    for (name, is_pkg, path) in &entries {
        code.push_str(&format!(
            "    ({name:?}, {is_pkg}, include_str!({:?})),\n",
            path.display()
        ));
    }
    code.push_str("]\n");
    std::fs::write(out.join("stdlib_index.rs"), code).expect("write stdlib_index.rs");
    write_stdlib_code(out, &entries);
}

/// `OUT_DIR/stdlib_code.rs`: a sorted `&[(name, encoded code)]` of the
/// modules that compile (one that does not is compiled at import, which
/// reports its error), with each blob in `OUT_DIR/code/`.
fn write_stdlib_code(out: &Path, entries: &[(String, bool, std::path::PathBuf)]) {
    let dir = out.join("code");
    std::fs::create_dir_all(&dir).expect("create OUT_DIR/code");
    let mut index = String::from("&[\n");
    for (name, _, path) in entries {
        let text = std::fs::read_to_string(path).expect("read a stdlib module");
        let Some(bytes) = weft_aot::compile_module(&format!("<weft stdlib {name}>"), &text) else {
            continue;
        };
        let blob = dir.join(format!("{name}.bin"));
        std::fs::write(&blob, bytes).expect("write a stdlib code blob");
        index.push_str(&format!(
            "    ({name:?}, include_bytes!({:?}).as_slice()),\n",
            blob.display()
        ));
    }
    index.push_str("]\n");
    std::fs::write(out.join("stdlib_code.rs"), index).expect("write stdlib_code.rs");
}

fn collect(dir: &Path, prefix: &str, out: &mut Vec<(String, bool, std::path::PathBuf)>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    for e in rd.flatten() {
        let path = e.path();
        let fname = e.file_name().to_string_lossy().to_string();
        if path.is_dir() {
            if path.join("__init__.py").is_file() {
                println!("cargo:rerun-if-changed={}", path.display());
                collect(&path, &format!("{prefix}{fname}."), out);
            }
        } else if let Some(stem) = fname.strip_suffix(".py") {
            if stem == "__init__" {
                let pkg = prefix.trim_end_matches('.').to_string();
                out.push((pkg, true, path));
            } else {
                out.push((format!("{prefix}{stem}"), false, path));
            }
        }
    }
}
