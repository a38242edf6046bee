//! What python's `site` module gives the prompt, where the builtins do not
//! have it yet: `exit`, `quit` and `help`.

use crate::embed::Interpreter;
use crate::object::Value;

/// What python's `site` module adds for the prompt, where the builtins do
/// not have it yet: `exit`, `quit` and `help`.
const SITE: &str = r#"
class _Quitter:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Use {self.name}() or Ctrl-D (i.e. EOF) to exit"
    def __call__(self, code=None):
        raise SystemExit(code)

def _help(obj=None):
    """Print the documentation of obj."""
    if obj is None:
        print("Type help(object) for help about object.")
        return
    kind = type(obj).__name__
    name = getattr(obj, "__qualname__", None) or getattr(obj, "__name__", None)
    print(f"Help on {kind} {name}:" if name else f"Help on {kind} object:")
    print()
    sig = ""
    code = getattr(obj, "__code__", None)
    if code is not None:
        names = code.co_varnames[:code.co_argcount]
        sig = "(" + ", ".join(names) + ")"
    if name:
        print(f"{name}{sig}")
    doc = getattr(obj, "__doc__", None)
    if doc:
        for line in doc.strip().splitlines():
            print("    " + line.strip())
    print()
"#;

pub fn install_site(interp: &mut Interpreter) {
    let r = interp.guarded(|vm| -> crate::object::PyResult<()> {
        let file = crate::source::SourceFile::new("<weft site>", SITE);
        let Ok(code) = crate::syntax::parse(SITE)
            .and_then(|m| crate::compile::compile(&m, &file, crate::compile::Mode::Module))
        else {
            return Ok(());
        };
        let ns = vm.new_dict();
        let Value::Obj(ns) = ns else { return Ok(()) };
        let nk = vm.intern("__name__");
        let nv = vm.new_str("site");
        vm.dict_set_str(ns, nk, nv);
        vm.run_module_code(&code, ns)?;
        let b = vm.builtins;
        for (name, from) in [("exit", None), ("quit", None), ("help", Some("_help"))] {
            let k = vm.intern(name);
            if vm.dict_get_str(b, k).is_some() {
                continue;
            }
            let v = match from {
                Some(f) => {
                    let fk = vm.intern(f);
                    vm.dict_get_str(ns, fk)
                }
                None => {
                    let qk = vm.intern("_Quitter");
                    let q = vm.dict_get_str(ns, qk);
                    match q {
                        Some(q) => Some(vm.call(q, &[k])?),
                        None => None,
                    }
                }
            };
            if let Some(v) = v {
                vm.dict_set_str(b, k, v);
            }
        }
        Ok(())
    });
    if let Ok(Err(e)) = r {
        if std::env::var_os("WEFT_DEBUG_SITE").is_some() {
            let text = interp.vm.format_exception(e);
            eprint!("{text}");
        }
    }
}
