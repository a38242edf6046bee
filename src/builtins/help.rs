//! `help`, `exit` and `quit`: the objects CPython's site module adds to the
//! built-ins (`_sitebuiltins.Quitter` and `_sitebuiltins._Helper`).
//!
//! help(obj) prints the plain text pydoc prints. The text is built by the
//! weft code in `RENDER` (it reads attributes, docstrings and signatures,
//! which calls user code: natural in weft), compiled on the first call to
//! help so start-up never parses it. The natives it needs are here: a
//! native's signature from its declared text (`object::sig`) and the
//! docstrings of the built-in functions, which weft's natives lack.
//! One file so that the REPL's help (diag) and this one stay one.

use crate::object::*;
use crate::vm::Vm;

use super::{add_method, set_class_attr};

/// `exit` / `quit`: calling one raises SystemExit.
#[derive(Debug)]
struct Quitter {
    class: ObjRef,
    name: &'static str,
}

impl NativeObj for Quitter {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// `help`: calling it prints documentation.
#[derive(Debug)]
struct Helper {
    class: ObjRef,
}

impl NativeObj for Helper {
    fn class(&self) -> ObjRef {
        self.class
    }
    fn trace(&self, _out: &mut Vec<Value>) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

pub fn install(vm: &mut Vm) {
    let q = vm.native_class("_sitebuiltins.Quitter", None);
    let modv = vm.intern("_sitebuiltins");
    set_class_attr(vm, q, "__module__", modv);
    add_method(vm, q, "__repr__()", |vm, a| {
        let name = quitter_name(vm, a.pos[0]);
        Ok(vm.new_str(format!("Use {name}() or Ctrl-D (i.e. EOF) to exit")))
    });
    add_method(vm, q, "__call__(code=None)", |vm, a| {
        let code = a.get(vm, 1, "code").unwrap_or(Value::None);
        // As site's Quitter: close sys.stdin first (errors ignored).
        let sk = vm.intern("sys");
        if let Some(sys) = vm.dict_get_str(vm.modules, sk) {
            let ik = vm.intern("stdin");
            let ck = vm.intern("close");
            if let Ok(stdin) = vm.getattr(sys, ik) {
                if let Ok(close) = vm.getattr(stdin, ck) {
                    let _ = vm.call(close, &[]);
                }
            }
        }
        let args = vm.new_tuple(vec![code]);
        Err(vm.new_exception(vm.t.system_exit, args))
    });
    for name in ["exit", "quit"] {
        let v = vm.alloc(Obj::NativeObj(Box::new(Quitter { class: q, name })));
        vm.set_builtin(name, v);
    }
    let h = vm.native_class("_sitebuiltins._Helper", None);
    set_class_attr(vm, h, "__module__", modv);
    add_method(vm, h, "__repr__()", |vm, _| {
        Ok(vm.new_str("Type help() for interactive help, or help(object) for help about object."))
    });
    add_method(vm, h, "__call__(*args, **kwds)", |vm, a| {
        let ns = renderer(vm)?;
        let k = vm.intern("help");
        let Some(f) = vm.dict_get_str(ns, k) else {
            return Err(vm.runtime_error("help's renderer has no help()"));
        };
        vm.call(f, &a.pos[1..])
    });
    let v = vm.alloc(Obj::NativeObj(Box::new(Helper { class: h })));
    vm.set_builtin("help", v);
}

fn quitter_name(vm: &Vm, v: Value) -> &'static str {
    match v {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::NativeObj(n) => n
                .as_any()
                .downcast_ref::<Quitter>()
                .map_or("exit", |q| q.name),
            _ => "exit",
        },
        _ => "exit",
    }
}

/// The namespace of the renderer, compiled and run on first use and kept
/// in sys.modules as `_weft_help`.
fn renderer(vm: &mut Vm) -> PyResult<ObjRef> {
    let name = vm.intern("_weft_help");
    let mods = Value::Obj(vm.modules);
    if let Some(Value::Obj(m)) = vm.dict_get_str(vm.modules, name) {
        if let Obj::Module(md) = vm.heap.get(m) {
            return Ok(md.dict);
        }
    }
    let b = vm.builtins;
    let ck = vm.intern("compile");
    let ek = vm.intern("exec");
    let (Some(compile), Some(exec)) = (vm.dict_get_str(b, ck), vm.dict_get_str(b, ek)) else {
        return Err(vm.runtime_error("help needs the compile and exec built-ins"));
    };
    let dict = vm.heap.alloc(Obj::Dict(Box::default()));
    let m = vm.alloc(Obj::Module(Box::new(Module { name, dict })));
    let nk = vm.n.name;
    vm.dict_set_str(dict, nk, name);
    vm.dict_set(mods, name, m)?;
    for (k, decl, f) in [
        (
            "_native_sig",
            "_native_sig(f, bound, /)",
            native_sig as NativeFnPtr,
        ),
        ("_native_doc", "_native_doc(f, /)", native_doc),
    ] {
        let v = vm.new_native(decl, k, f);
        let key = vm.intern(k);
        vm.dict_set_str(dict, key, v);
    }
    let src = vm.new_str(RENDER);
    let file = vm.new_str("<weft help>");
    let mode = vm.new_str("exec");
    let code = vm.call(compile, &[src, file, mode]);
    let r = code.and_then(|code| vm.call(exec, &[code, Value::Obj(dict)]));
    if let Err(e) = r {
        let _ = vm.dict_del(vm.modules, name);
        return Err(e);
    }
    Ok(dict)
}

/// `(params)` of a native from its declared text; unbound methods get the
/// receiver CPython shows (`center(self, width, fillchar=' ', /)`). None
/// when the native declares nothing or CPython shows no signature.
fn native_sig(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let bound = vm.truthy(a.pos[1])?;
    let (sig, qual) = match a.pos[0] {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::BuiltinFn(nf) => (nf.sig, nf.qualname.clone()),
            _ => return Ok(Value::None),
        },
        _ => return Ok(Value::None),
    };
    if BUILTIN_DOCS.iter().any(|(n, has, _)| *n == qual && !has) {
        return Ok(Value::None);
    }
    let Some(open) = sig.text.find('(') else {
        return Ok(Value::None);
    };
    // A default's text is shown as its repr (`end='\\n'`).
    let params = sig.text[open..].replace('\n', "\\n");
    let params = params.as_str();
    let text = if sig.method && !bound {
        if params == "()" {
            "(self)".to_string()
        } else {
            format!("(self, {}", &params[1..])
        }
    } else {
        params.to_string()
    };
    Ok(vm.new_str(text))
}

/// The docstring of a built-in function (None for other natives).
fn native_doc(vm: &mut Vm, a: Args) -> PyResult<Value> {
    let qual = match a.pos[0] {
        Value::Obj(r) => match vm.heap.get(r) {
            Obj::BuiltinFn(nf) => nf.qualname.clone(),
            _ => return Ok(Value::None),
        },
        _ => return Ok(Value::None),
    };
    match BUILTIN_DOCS.iter().find(|(n, _, _)| *n == qual) {
        Some((_, _, doc)) => Ok(vm.new_str(*doc)),
        None => Ok(Value::None),
    }
}

/// Docstrings of the built-in functions, CPython 3.11's text (help()
/// prints what python prints); `false`: CPython shows no signature for
/// it, only `(...)` and the forms its docstring spells out.
const BUILTIN_DOCS: &[(&str, bool, &str)] = &[
    ("abs", true, "Return the absolute value of the argument."),
    ("aiter", true, "Return an AsyncIterator for an AsyncIterable object."),
    ("all", true, "Return True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True."),
    ("anext", true, "async anext(aiterator[, default])\n\nReturn the next item from the async iterator.  If default is given and the async\niterator is exhausted, it is returned instead of raising StopAsyncIteration."),
    ("any", true, "Return True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False."),
    ("ascii", true, "Return an ASCII-only representation of an object.\n\nAs repr(), return a string containing a printable representation of an\nobject, but escape the non-ASCII characters in the string returned by\nrepr() using \\\\x, \\\\u or \\\\U escapes. This generates a string similar\nto that returned by repr() in Python 2."),
    ("bin", true, "Return the binary representation of an integer.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'"),
    ("breakpoint", false, "breakpoint(*args, **kws)\n\nCall sys.breakpointhook(*args, **kws).  sys.breakpointhook() must accept\nwhatever arguments are passed.\n\nBy default, this drops you into the pdb debugger."),
    ("callable", true, "Return whether the object is callable (i.e., some kind of function).\n\nNote that classes are callable, as are instances of classes with a\n__call__() method."),
    ("chr", true, "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."),
    ("compile", true, "Compile source into a code object that can be executed by exec() or eval().\n\nThe source code may represent a Python module, statement or expression.\nThe filename will be used for run-time error messages.\nThe mode must be 'exec' to compile a module, 'single' to compile a\nsingle (interactive) statement, or 'eval' to compile an expression.\nThe flags argument, if present, controls which future statements influence\nthe compilation of the code.\nThe dont_inherit argument, if true, stops the compilation inheriting\nthe effects of any future statements in effect in the code calling\ncompile; if absent or false these statements do influence the compilation,\nin addition to any features explicitly specified."),
    ("delattr", true, "Deletes the named attribute from the given object.\n\ndelattr(x, 'y') is equivalent to ``del x.y``"),
    ("dir", false, "dir([object]) -> list of strings\n\nIf called without an argument, return the names in the current scope.\nElse, return an alphabetized list of names comprising (some of) the attributes\nof the given object, and of attributes reachable from it.\nIf the object supplies a method named __dir__, it will be used; otherwise\nthe default dir() logic is used and returns:\n  for a module object: the module's attributes.\n  for a class object:  its attributes, and recursively the attributes\n    of its bases.\n  for any other object: its attributes, its class's attributes, and\n    recursively the attributes of its class's base classes."),
    ("divmod", true, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."),
    ("eval", true, "Evaluate the given source in the context of globals and locals.\n\nThe source may be a string representing a Python expression\nor a code object as returned by compile().\nThe globals must be a dictionary and locals can be any mapping,\ndefaulting to the current globals and locals.\nIf only globals is given, locals defaults to it."),
    ("exec", true, "Execute the given source in the context of globals and locals.\n\nThe source may be a string representing one or more Python statements\nor a code object as returned by compile().\nThe globals must be a dictionary and locals can be any mapping,\ndefaulting to the current globals and locals.\nIf only globals is given, locals defaults to it.\nThe closure must be a tuple of cellvars, and can only be used\nwhen source is a code object requiring exactly that many cellvars."),
    ("format", true, "Return value.__format__(format_spec)\n\nformat_spec defaults to the empty string.\nSee the Format Specification Mini-Language section of help('FORMATTING') for\ndetails."),
    ("getattr", false, "getattr(object, name[, default]) -> value\n\nGet a named attribute from an object; getattr(x, 'y') is equivalent to x.y.\nWhen a default argument is given, it is returned when the attribute doesn't\nexist; without it, an exception is raised in that case."),
    ("globals", true, "Return the dictionary containing the current scope's global variables.\n\nNOTE: Updates to this dictionary *will* affect name lookups in the current\nglobal scope and vice-versa."),
    ("hasattr", true, "Return whether the object has an attribute with the given name.\n\nThis is done by calling getattr(obj, name) and catching AttributeError."),
    ("hash", true, "Return the hash value for the given object.\n\nTwo objects that compare equal must also have the same hash value, but the\nreverse is not necessarily true."),
    ("hex", true, "Return the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   '0xc0ffee'"),
    ("id", true, "Return the identity of an object.\n\nThis is guaranteed to be unique among simultaneously existing objects.\n(CPython uses the object's memory address.)"),
    ("input", true, "Read a string from standard input.  The trailing newline is stripped.\n\nThe prompt string, if given, is printed to standard output without a\ntrailing newline before reading input.\n\nIf the user hits EOF (*nix: Ctrl-D, Windows: Ctrl-Z+Return), raise EOFError.\nOn *nix systems, readline is used if available."),
    ("isinstance", true, "Return whether an object is an instance of a class or of a subclass thereof.\n\nA tuple, as in ``isinstance(x, (A, B, ...))``, may be given as the target to\ncheck against. This is equivalent to ``isinstance(x, A) or isinstance(x, B)\nor ...`` etc."),
    ("issubclass", true, "Return whether 'cls' is derived from another class or is the same class.\n\nA tuple, as in ``issubclass(x, (A, B, ...))``, may be given as the target to\ncheck against. This is equivalent to ``issubclass(x, A) or issubclass(x, B)\nor ...``."),
    ("iter", false, "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nGet an iterator from an object.  In the first form, the argument must\nsupply its own iterator, or be a sequence.\nIn the second form, the callable is called until it returns the sentinel."),
    ("len", true, "Return the number of items in a container."),
    ("locals", true, "Return a dictionary containing the current scope's local variables.\n\nNOTE: Whether or not updates to this dictionary will affect name lookups in\nthe local scope and vice-versa is *implementation dependent* and not\ncovered by any backwards compatibility guarantees."),
    ("max", false, "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its biggest item. The\ndefault keyword-only argument specifies an object to return if\nthe provided iterable is empty.\nWith two or more arguments, return the largest argument."),
    ("min", false, "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its smallest item. The\ndefault keyword-only argument specifies an object to return if\nthe provided iterable is empty.\nWith two or more arguments, return the smallest argument."),
    ("next", false, "next(iterator[, default])\n\nReturn the next item from the iterator. If default is given and the iterator\nis exhausted, it is returned instead of raising StopIteration."),
    ("oct", true, "Return the octal representation of an integer.\n\n   >>> oct(342391)\n   '0o1234567'"),
    ("ord", true, "Return the Unicode code point for a one-character string."),
    ("pow", true, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments\n\nSome types, such as ints, are able to use a more efficient algorithm when\ninvoked using the three argument form."),
    ("print", true, "Prints the values to a stream, or to sys.stdout by default.\n\n  sep\n    string inserted between values, default a space.\n  end\n    string appended after the last value, default a newline.\n  file\n    a file-like object (stream); defaults to the current sys.stdout.\n  flush\n    whether to forcibly flush the stream."),
    ("repr", true, "Return the canonical string representation of the object.\n\nFor many object types, including most builtins, eval(repr(obj)) == obj."),
    ("round", true, "Round a number to a given precision in decimal digits.\n\nThe return value is an integer if ndigits is omitted or None.  Otherwise\nthe return value has the same type as the number.  ndigits may be negative."),
    ("setattr", true, "Sets the named attribute on the given object to the specified value.\n\nsetattr(x, 'y', v) is equivalent to ``x.y = v``"),
    ("sorted", true, "Return a new list containing all items from the iterable in ascending order.\n\nA custom key function can be supplied to customize the sort order, and the\nreverse flag can be set to request the result in descending order."),
    ("sum", true, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers\n\nWhen the iterable is empty, return the start value.\nThis function is intended specifically for use with numeric values and may\nreject non-numeric types."),
    ("vars", false, "vars([object]) -> dictionary\n\nWithout arguments, equivalent to locals().\nWith an argument, equivalent to object.__dict__."),
];

/// The renderer: pydoc's plain-text layout (TextDoc), written for weft.
const RENDER: &str = r##"# The text help() prints, in the shape of CPython's pydoc TextDoc (plain
# text: no bold). Written for weft from pydoc's documented output.
import sys

_HIDDEN = {'__author__', '__builtins__', '__cached__', '__credits__', '__date__',
           '__doc__', '__file__', '__spec__', '__loader__', '__module__',
           '__name__', '__package__', '__path__', '__qualname__', '__slots__',
           '__version__'}
_FUNC = type(lambda: 0)
_NATIVE = type(len)


def _is_function(o):
    return type(o) is _FUNC


def _is_builtin(o):
    return type(o) is _NATIVE


def _is_method(o):
    return type(o).__name__ == 'method'


def _is_routine(o):
    return _is_function(o) or _is_builtin(o) or _is_method(o)


def _is_module(o):
    return type(o) is type(sys)


def _is_class(o):
    return isinstance(o, type)


def _is_data_descriptor(o):
    t = type(o)
    return not _is_class(o) and (hasattr(t, '__set__') or hasattr(t, '__delete__'))


def cleandoc(doc):
    lines = doc.expandtabs().split('\n')
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def _own_doc(obj):
    if _is_builtin(obj):
        return _native_doc(obj)
    try:
        doc = obj.__doc__
    except AttributeError:
        return None
    if doc is None:
        return None
    if obj is not type and not _is_class(obj):
        typedoc = type(obj).__doc__
        if isinstance(typedoc, str) and typedoc == doc:
            return None
    return doc


def _find_class(func):
    mod = sys.modules.get(getattr(func, '__module__', None))
    if mod is None:
        return None
    cls = mod
    for part in func.__qualname__.split('.')[:-1]:
        cls = getattr(cls, part, None)
    return cls if _is_class(cls) else None


def _find_doc(obj):
    if _is_method(obj):
        name = obj.__func__.__name__
        me = obj.__self__
        cls = me if _is_class(me) and getattr(getattr(me, name, None), '__func__', None) is obj.__func__ else type(me)
    elif _is_function(obj):
        name = obj.__name__
        cls = _find_class(obj)
        if cls is None or getattr(cls, name, None) is not obj:
            return None
    elif isinstance(obj, property):
        return None
    else:
        return None
    for base in cls.__mro__:
        if base is object:
            return _OBJECT_DOCS.get(name)
        d = base.__dict__.get(name)
        if d is None:
            continue
        if isinstance(d, (staticmethod, classmethod)):
            d = d.__func__
        doc = _own_doc(d)
        if doc is not None:
            return doc
    return None


def getdoc(obj):
    doc = _own_doc(obj)
    if doc is None:
        try:
            doc = _find_doc(obj)
        except Exception:
            doc = None
    if not isinstance(doc, str):
        return ''
    doc = cleandoc(doc).rstrip()
    while doc.startswith(' ') or doc.startswith('\n'):
        stripped = doc.lstrip(' ')
        if stripped.startswith('\n'):
            doc = stripped[1:]
        else:
            break
    return doc


def _indent(text, prefix='    '):
    if not text:
        return ''
    lines = [prefix + line for line in text.split('\n')]
    if lines:
        lines[-1] = lines[-1].rstrip()
    return '\n'.join(lines)


def _section(title, contents):
    return title + '\n' + _indent(contents).rstrip() + '\n\n'


def classname(cls, modname):
    name = cls.__qualname__
    if cls.__module__ != modname:
        name = cls.__module__ + '.' + name
    return name


def _format_annotation(a):
    if getattr(a, '__module__', None) == 'typing':
        return repr(a).replace('typing.', '')
    if isinstance(a, type) and not hasattr(a, '__origin__'):
        if a.__module__ == 'builtins':
            return a.__qualname__
        return a.__module__ + '.' + a.__qualname__
    return repr(a)


def _param(name, ann, default, has_default):
    text = name
    if ann is not _MISSING:
        text += ': ' + _format_annotation(ann)
    if has_default:
        text += (' = ' if ann is not _MISSING else '=') + repr(default)
    return text


_MISSING = object()

# The docstrings of object's methods, which pydoc shows for a method
# without its own docstring that overrides one of them.
_OBJECT_DOCS = {
    '__init__': 'Initialize self.  See help(type(self)) for accurate signature.',
    '__repr__': 'Return repr(self).',
    '__str__': 'Return str(self).',
    '__eq__': 'Return self==value.',
    '__ne__': 'Return self!=value.',
    '__lt__': 'Return self<value.',
    '__le__': 'Return self<=value.',
    '__gt__': 'Return self>value.',
    '__ge__': 'Return self>=value.',
    '__hash__': 'Return hash(self).',
    '__format__': 'Default object formatter.',
    '__getattribute__': 'Return getattr(self, name).',
    '__setattr__': 'Implement setattr(self, name, value).',
    '__delattr__': 'Implement delattr(self, name).',
    '__reduce__': 'Helper for pickle.',
    '__reduce_ex__': 'Helper for pickle.',
    '__sizeof__': 'Size of object in memory, in bytes.',
    '__dir__': 'Default dir() implementation.',
    '__init_subclass__': 'This method is called when a class is subclassed.\n\nThe default implementation does nothing. It may be\noverridden to extend subclasses.\n',
    '__subclasshook__': 'Abstract classes can override this to customize issubclass().\n\nThis is invoked early on by abc.ABCMeta.__subclasscheck__().\nIt should return True, False or NotImplemented.  If it returns\nNotImplemented, the normal algorithm is used.  Otherwise, it\noverrides the normal algorithm (and the outcome is cached).\n',
    '__new__': 'Create and return a new object.  See help(type) for accurate signature.',
}


def signature(obj):
    """The text of obj's signature, '(a, b=1)', or None."""
    bound = False
    if _is_method(obj):
        bound = True
        obj = obj.__func__
    if _is_builtin(obj):
        return _native_sig(obj, bound)
    if _is_class(obj):
        for name in ('__init__', '__new__'):
            for base in obj.__mro__:
                if base is object:
                    break
                f = base.__dict__.get(name)
                if f is None:
                    continue
                if isinstance(f, staticmethod):
                    f = f.__func__
                if _is_function(f):
                    s = _func_sig(f, True)
                    return s
            else:
                continue
        return None
    if not _is_function(obj):
        return None
    return _func_sig(obj, bound)


def _func_sig(f, drop_first):
    co = f.__code__
    names = co.co_varnames
    n = co.co_argcount
    posonly = co.co_posonlyargcount
    kwonly = co.co_kwonlyargcount
    i = n + kwonly
    varargs = varkw = None
    if co.co_flags & 4:
        varargs = names[i]
        i += 1
    if co.co_flags & 8:
        varkw = names[i]
    defaults = f.__defaults__ or ()
    kwdefaults = f.__kwdefaults__ or {}
    ann = getattr(f, '__annotations__', None) or {}
    parts = []
    first_default = n - len(defaults)
    for k in range(n):
        if drop_first and k == 0:
            continue
        name = names[k]
        has = k >= first_default
        parts.append(_param(name, ann.get(name, _MISSING),
                            defaults[k - first_default] if has else None, has))
        if k == posonly - 1:
            parts.append('/')
    if varargs is not None:
        a = ann.get(varargs, _MISSING)
        parts.append('*' + varargs + ('' if a is _MISSING else ': ' + _format_annotation(a)))
    elif kwonly:
        parts.append('*')
    for name in names[n:n + kwonly]:
        has = name in kwdefaults
        parts.append(_param(name, ann.get(name, _MISSING), kwdefaults.get(name), has))
    if varkw is not None:
        a = ann.get(varkw, _MISSING)
        parts.append('**' + varkw + ('' if a is _MISSING else ': ' + _format_annotation(a)))
    text = '(' + ', '.join(parts) + ')'
    if 'return' in ann:
        text += ' -> ' + _format_annotation(ann['return'])
    return text


def describe(obj):
    if _is_module(obj):
        if hasattr(obj, '__path__'):
            return 'package ' + obj.__name__
        return 'module ' + obj.__name__
    if _is_builtin(obj):
        return 'built-in function ' + obj.__name__
    if isinstance(obj, property):
        return 'property'
    if _is_class(obj):
        return 'class ' + obj.__name__
    if _is_function(obj):
        return 'function ' + obj.__name__
    if _is_method(obj):
        return 'method ' + obj.__name__
    return type(obj).__name__


def getmodule(obj):
    if _is_module(obj):
        return obj
    if _is_builtin(obj):
        q = obj.__qualname__
        if '.' in q:
            m = sys.modules.get(q.rsplit('.', 1)[0])
            if m is not None:
                return m
        return sys.modules.get('builtins')
    name = getattr(obj, '__module__', None)
    if isinstance(name, str):
        return sys.modules.get(name)
    return None


def _visible(name, all=None, obj=None):
    if name in _HIDDEN:
        return False
    if name.startswith('__') and name.endswith('__'):
        return True
    if name.startswith('_') and hasattr(obj, '_fields'):
        return True
    if all is not None:
        return name in all
    return not name.startswith('_')


def _short_repr(obj, limit=100):
    try:
        s = repr(obj)
    except Exception:
        return '<%s instance>' % type(obj).__name__
    if len(s) > limit:
        i = max(0, (limit - 3) // 2)
        j = max(0, limit - 3 - i)
        s = s[:i] + '...' + s[len(s) - j:]
    return s


def docother(obj, name=None, maxlen=None, doc=None):
    r = _short_repr(obj)
    if maxlen:
        line = (name and name + ' = ' or '') + r
        chop = maxlen - len(line)
        if chop < 0:
            r = r[:chop] + '...'
    line = (name and name + ' = ' or '') + r
    if doc is not None:
        line += '\n' + _indent(str(doc)) + '\n'
    return line


def docroutine(obj, name=None, mod=None, cl=None):
    realname = obj.__name__
    name = name or realname
    note = ''
    skipdocs = False
    if _is_method(obj):
        me = obj.__self__
        imclass = me if _is_class(me) else type(me)
        imclass = type(me)
        if cl:
            if imclass is not cl:
                note = ' from ' + classname(imclass, mod)
        else:
            note = ' method of %s instance' % classname(type(me), mod)
    elif _is_builtin(obj) and obj.__self__ is not None and not _is_module(obj.__self__):
        if not cl:
            note = ' method of %s instance' % classname(type(obj.__self__), mod)
    f = obj.__func__ if _is_method(obj) else obj
    flags = f.__code__.co_flags if _is_function(f) else 0
    asyncq = 'async ' if flags & (0x80 | 0x200) else ''
    if name == realname:
        title = realname
    else:
        if cl is not None and cl.__dict__.get(realname) is obj:
            skipdocs = True
        title = name + ' = ' + realname
    argspec = signature(obj)
    if argspec and realname == '<lambda>':
        title = name + ' lambda '
        argspec = argspec[1:-1]
    if not argspec:
        argspec = '(...)'
    decl = asyncq + title + argspec + note
    if skipdocs:
        return decl + '\n'
    doc = getdoc(obj)
    return decl + '\n' + (doc and _indent(doc).rstrip() + '\n')


def docdata(obj, name=None):
    out = []
    if name:
        out.append(name + '\n')
    doc = getdoc(obj)
    if doc:
        out.append(_indent(doc) + '\n')
    return ''.join(out)


def _classify(cls):
    """(name, kind, home class, value) for every attribute pydoc shows."""
    out = []
    seen = set()
    dict_home = None
    for c in cls.__mro__:
        if c is object:
            continue
        if dict_home is None and _gives_dict(c):
            dict_home = c
        for name, value in list(c.__dict__.items()):
            if name in seen:
                continue
            seen.add(name)
            if isinstance(value, staticmethod):
                kind = 'static method'
                value = value.__func__
            elif isinstance(value, classmethod):
                kind = 'class method'
                value = getattr(cls, name)
            elif isinstance(value, property):
                kind = 'readonly property' if value.fset is None else 'data descriptor'
            elif _is_data_descriptor(value):
                kind = 'data descriptor'
            elif _is_routine(value):
                kind = 'method'
            else:
                kind = 'data'
            out.append((name, kind, c, value))
    if dict_home is not None:
        for name, text in (('__dict__', 'dictionary for instance variables'),
                           ('__weakref__', 'list of weak references to the object')):
            if name not in seen:
                out.append((name, 'data descriptor', dict_home, _Described(text)))
    return out


class _Described:
    def __init__(self, doc):
        self.__doc__ = doc


def _gives_dict(c):
    if '__slots__' in c.__dict__:
        return False
    if getattr(c, '__module__', 'builtins') == 'builtins':
        return False
    for b in c.__bases__:
        if b is object:
            continue
        if b.__module__ != 'builtins' and '__slots__' not in b.__dict__:
            return False
        if issubclass(b, BaseException):
            return False
    return True


def docclass(obj, name=None, mod=None):
    realname = obj.__name__
    name = name or realname
    bases = obj.__bases__
    contents = []
    push = contents.append
    needone = [False]

    def rule():
        if needone[0]:
            push('-' * 70)
        needone[0] = True

    if name == realname:
        title = 'class ' + realname
    else:
        title = name + ' = class ' + realname
    if bases:
        title += '(%s)' % ', '.join(classname(b, obj.__module__) for b in bases)
    argspec = signature(obj)
    if argspec and argspec != '()':
        push(name + argspec + '\n')
    doc = getdoc(obj)
    if doc:
        push(doc + '\n')
    mro = list(obj.__mro__)
    if len(mro) > 2:
        push('Method resolution order:')
        for base in mro:
            push('    ' + classname(base, obj.__module__))
        push('')

    def spill(msg, attrs, pred):
        ok = [t for t in attrs if pred(t)]
        rest = [t for t in attrs if not pred(t)]
        if ok:
            rule()
            push(msg)
            for n, kind, home, value in ok:
                try:
                    value = getattr(obj, n)
                except Exception:
                    pass
                if kind == 'static method':
                    value = home.__dict__[n].__func__
                if _is_routine(value):
                    push(docroutine(value, n, mod, obj))
                else:
                    push(docother(value, n, maxlen=70) + '\n')
        return rest

    def spilldescriptors(msg, attrs, pred):
        ok = [t for t in attrs if pred(t)]
        rest = [t for t in attrs if not pred(t)]
        if ok:
            rule()
            push(msg)
            for n, kind, home, value in ok:
                push(docdata(value, n))
        return rest

    def spilldata(msg, attrs, pred):
        ok = [t for t in attrs if pred(t)]
        rest = [t for t in attrs if not pred(t)]
        if ok:
            rule()
            push(msg)
            for n, kind, home, value in ok:
                try:
                    v = getattr(obj, n)
                except AttributeError:
                    v = home.__dict__[n]
                doc = getdoc(value) if callable(value) or _is_data_descriptor(value) else None
                push(docother(v, n, maxlen=70, doc=doc or None) + '\n')
        return rest

    attrs = [t for t in _classify(obj) if _visible(t[0], obj=obj)]
    mro_left = list(mro)
    while attrs:
        if mro_left:
            this = mro_left.pop(0)
        else:
            this = attrs[0][2]
        here = [t for t in attrs if t[2] is this]
        inherited = [t for t in attrs if t[2] is not this]
        if this is obj:
            tag = 'defined here'
        else:
            tag = 'inherited from %s' % classname(this, obj.__module__)
        here.sort(key=lambda t: t[0])
        here = spill('Methods %s:\n' % tag, here, lambda t: t[1] == 'method')
        here = spill('Class methods %s:\n' % tag, here, lambda t: t[1] == 'class method')
        here = spill('Static methods %s:\n' % tag, here, lambda t: t[1] == 'static method')
        here = spilldescriptors('Readonly properties %s:\n' % tag, here,
                                lambda t: t[1] == 'readonly property')
        here = spilldescriptors('Data descriptors %s:\n' % tag, here,
                                lambda t: t[1] == 'data descriptor')
        here = spilldata('Data and other attributes %s:\n' % tag, here,
                         lambda t: t[1] == 'data')
        attrs = inherited
    text = '\n'.join(contents)
    if not text:
        return title + '\n'
    return title + '\n' + _indent(text.rstrip(), ' |  ') + '\n'


def _members(obj, pred):
    out = []
    for k in sorted(dir(obj)):
        try:
            v = getattr(obj, k)
        except AttributeError:
            continue
        if pred(v):
            out.append((k, v))
    return out


def _is_data(v):
    return not (_is_module(v) or _is_class(v) or _is_routine(v))


def _tree(classes, modname):
    # The class tree of a module (unique: a class appears under its first
    # base listed there), sorted by module and name at every level.
    children = {}
    roots = []
    for c in classes:
        if c.__bases__:
            for parent in c.__bases__:
                kids = children.setdefault(parent, [])
                if c not in kids:
                    kids.append(c)
                if parent in classes:
                    break
        elif c not in roots:
            roots.append(c)
    for parent in children:
        if parent not in classes:
            roots.append(parent)
    out = []

    def walk(level, parent, prefix):
        level = sorted(level, key=lambda c: (c.__module__, c.__name__))
        for c in level:
            line = prefix + classname(c, modname)
            if c.__bases__ and c.__bases__ != (parent,):
                line += '(%s)' % ', '.join(classname(b, modname) for b in c.__bases__)
            out.append(line + '\n')
            if c in children:
                walk(children[c], c, prefix + '    ')

    walk(roots, None, '')
    return ''.join(out)


def docmodule(obj, name=None):
    name = obj.__name__
    doc = getdoc(obj)
    lines = doc.split('\n') if doc else []
    if len(lines) == 1:
        synop, desc = lines[0].strip(), ''
    elif len(lines) >= 2 and not lines[1].rstrip():
        synop, desc = lines[0].strip(), '\n'.join(lines[2:])
    else:
        synop, desc = '', '\n'.join(lines)
    result = _section('NAME', name + (synop and ' - ' + synop))
    all = getattr(obj, '__all__', None)
    if desc:
        result += _section('DESCRIPTION', desc)

    def own(v):
        m = getmodule(v)
        return (m or obj) is obj

    classes = [(k, v) for k, v in _members(obj, _is_class)
               if (all is not None or own(v)) and _visible(k, all, obj)]
    funcs = [(k, v) for k, v in _members(obj, _is_routine)
             if (all is not None or _is_builtin(v) or getmodule(v) is obj) and _visible(k, all, obj)]
    data = [(k, v) for k, v in _members(obj, _is_data) if _visible(k, all, obj)]
    if classes:
        contents = [_tree([v for k, v in classes], name)]
        for k, v in classes:
            contents.append(docclass(v, k, name))
        result += _section('CLASSES', '\n'.join(contents))
    if funcs:
        result += _section('FUNCTIONS', '\n'.join(docroutine(v, k, name) for k, v in funcs))
    if data:
        result += _section('DATA', '\n'.join(docother(v, k, maxlen=70) for k, v in data))
    for attr, title in (('__version__', 'VERSION'), ('__date__', 'DATE'),
                        ('__author__', 'AUTHOR'), ('__credits__', 'CREDITS')):
        if hasattr(obj, attr):
            result += _section(title, str(getattr(obj, attr)))
    f = getattr(obj, '__file__', None)
    if not isinstance(f, str) or f.startswith('<'):
        f = '(built-in)'
    result += _section('FILE', f)
    return result


def document(obj, name=None, mod=None):
    if _is_module(obj):
        return docmodule(obj, name)
    if _is_class(obj):
        return docclass(obj, name, mod)
    if _is_routine(obj):
        return docroutine(obj, name, mod)
    if isinstance(obj, property) or _is_data_descriptor(obj):
        return docdata(obj, name)
    return docother(obj, name, mod)


def locate(path):
    parts = [p for p in path.split('.') if p]
    obj = None
    n = 0
    while n < len(parts):
        try:
            obj = __import__('.'.join(parts[:n + 1]))
            n += 1
        except ImportError:
            break
    if obj is not None:
        obj = sys.modules['.'.join(parts[:n])]
        for p in parts[n:]:
            try:
                obj = getattr(obj, p)
            except AttributeError:
                return None
        return obj
    b = sys.modules['builtins']
    obj = b
    for p in parts:
        try:
            obj = getattr(obj, p)
        except AttributeError:
            return None
    return obj


def render_doc(thing, title='Python Library Documentation: %s'):
    if isinstance(thing, str):
        obj = locate(thing)
        if obj is None:
            raise ImportError('''\
No Python documentation found for %r.
Use help() to get the interactive help utility.
Use help(str) for help on the str class.''' % thing)
        name = thing
    else:
        obj = thing
        name = getattr(thing, '__name__', None)
        if not isinstance(name, str):
            name = None
    desc = describe(obj)
    module = getmodule(obj)
    if name and '.' in name:
        desc += ' in ' + name[:name.rfind('.')]
    elif module and module is not obj:
        desc += ' in module ' + module.__name__
    if not (_is_module(obj) or _is_class(obj) or _is_routine(obj)
            or _is_data_descriptor(obj) or isinstance(obj, property)
            or _own_doc(obj)):
        if hasattr(obj, '__origin__'):
            obj = obj.__origin__
        else:
            obj = type(obj)
            desc += ' object'
    return title % desc + '\n\n' + document(obj, name)


def help(*args):
    if not args:
        print('''
Welcome to weft's help utility, a reduced form of Python's.

Interactive help is not available in weft: call help(object) for help about
object, e.g. help(len), help(str) or help("json").
''')
        return
    try:
        text = render_doc(args[0], 'Help on %s:')
    except ImportError as e:
        print(e)
        return
    sys.stdout.write(text)
    sys.stdout.write('\n')
"##;
