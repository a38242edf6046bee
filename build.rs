//! Generates the parser from grammar/weft.lalrpop into OUT_DIR, and the
//! index of the weft modules embedded from stdlib/ (so adding a module is
//! adding a file: `stdlib/NAME.py` is module NAME, `stdlib/PKG/__init__.py`
//! package PKG, `stdlib/PKG/SUB.py` module PKG.SUB).

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=grammar");
    println!("cargo:rerun-if-changed=stdlib");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(&out)
        .emit_rerun_directives(false)
        .process()
        .expect("lalrpop failed on grammar/weft.lalrpop");
    write_stdlib_index(Path::new(&out));
}

/// `OUT_DIR/stdlib_index.rs`: a sorted `&[(name, is_package, source)]`.
fn write_stdlib_index(out: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("stdlib");
    let mut entries = Vec::new();
    collect(&root, "", &mut entries);
    entries.sort();
    let mut code = String::from("&[\n");
    for (name, is_pkg, path) in entries {
        code.push_str(&format!(
            "    ({name:?}, {is_pkg}, include_str!({:?})),\n",
            path.display()
        ));
    }
    code.push_str("]\n");
    std::fs::write(out.join("stdlib_index.rs"), code).expect("write stdlib_index.rs");
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
