//! Generates weft's parser from ../grammar into OUT_DIR (weft's own build
//! script copies it from here instead of running lalrpop a second time).

fn main() {
    let grammar = concat!(env!("CARGO_MANIFEST_DIR"), "/../grammar");
    println!("cargo:rerun-if-changed={grammar}");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    lalrpop::Configuration::new()
        .set_in_dir(grammar)
        .set_out_dir(&out)
        .emit_rerun_directives(false)
        .process()
        .expect("lalrpop failed on grammar/weft.lalrpop");
}
