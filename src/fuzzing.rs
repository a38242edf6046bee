//! What the fuzz targets (fuzz/) and their regression test
//! (tests/fuzz_regressions.rs) run, kept in the crate so the API they use
//! is compiled and checked by every build, not only by `cargo fuzz`.

use crate::embed::Interpreter;
use crate::vm::interrupt::HostLimits;

/// Safepoints (calls and loop iterations) a fuzzed program may run.
pub const STEP_BUDGET: u64 = 200_000;
/// Wall time a fuzzed program may run.
pub const TIME_BUDGET: std::time::Duration = std::time::Duration::from_secs(2);

/// Source -> syntax tree; errors are fine, panics are not.
pub fn parse(text: &str) {
    let _ = crate::syntax::parse(text);
}

/// Source -> bytecode; errors are fine, panics are not.
pub fn compile(text: &str) {
    let file = crate::source::SourceFile::new("<fuzz>", text);
    if let Ok(m) = crate::syntax::parse(text) {
        let _ = crate::compile::compile(&m, &file, crate::compile::Mode::Module);
    }
}

/// Run `text` as `__main__` in an interpreter with no capabilities, under
/// the step and time budgets, output discarded. Returns how the run ended;
/// `Err` only for an internal error (a Rust panic the embedding boundary
/// caught), which is always a bug. (Under libFuzzer the panic hook aborts
/// first, so the fuzzer sees the panic itself.)
pub fn run_sandboxed(text: &str) -> Result<(), String> {
    let mut it = Interpreter::new();
    it.vm.stdout.set_sink(Box::new(std::io::sink()));
    it.vm.set_limits(HostLimits {
        steps_left: Some(STEP_BUDGET),
        deadline: Some(std::time::Instant::now() + TIME_BUDGET),
        hit: None,
    });
    match it.run_source("<fuzz>", text) {
        Err(crate::embed::RunError::Internal { message, traceback }) => {
            Err(format!("{message}\n{traceback}"))
        }
        _ => Ok(()),
    }
}
