//! Generates the parser from grammar/weft.lalrpop into OUT_DIR.

fn main() {
    println!("cargo:rerun-if-changed=grammar");
    println!("cargo:rerun-if-changed=stdlib");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    lalrpop::Configuration::new()
        .set_in_dir("grammar")
        .set_out_dir(out)
        .emit_rerun_directives(false)
        .process()
        .expect("lalrpop failed on grammar/weft.lalrpop");
}
