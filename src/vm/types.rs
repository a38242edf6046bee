//! The built-in type objects, the exception hierarchy and the interned names
//! the VM looks up by identity.

use std::collections::HashMap;

use crate::object::*;

macro_rules! names {
    ($($field:ident = $text:expr),* $(,)?) => {
        /// Interned identifiers used by the VM (compared by identity).
        pub struct Names { $(pub $field: Value,)* }
        fn make_names(heap: &mut Heap, interned: &mut HashMap<Box<str>, ObjRef>) -> Names {
            Names { $($field: intern_raw(heap, interned, $text),)* }
        }
    };
}

names! {
    init = "__init__", new = "__new__", call = "__call__", repr = "__repr__", str = "__str__",
    hash = "__hash__", eq = "__eq__", ne = "__ne__", lt = "__lt__", le = "__le__", gt = "__gt__",
    ge = "__ge__", bool_ = "__bool__", len = "__len__", iter = "__iter__", next = "__next__",
    getitem = "__getitem__", setitem = "__setitem__", delitem = "__delitem__",
    contains = "__contains__", getattr = "__getattr__", getattribute = "__getattribute__",
    setattr = "__setattr__", delattr = "__delattr__", get = "__get__", set = "__set__",
    delete = "__delete__", enter = "__enter__", exit = "__exit__", aenter = "__aenter__",
    aexit = "__aexit__", aiter = "__aiter__", anext = "__anext__", await_ = "__await__",
    name = "__name__", qualname = "__qualname__", module = "__module__", doc = "__doc__",
    dict = "__dict__", class = "__class__", classcell = "__classcell__", slots = "__slots__",
    init_subclass = "__init_subclass__", set_name = "__set_name__", index = "__index__",
    int_ = "__int__", float_ = "__float__", format = "__format__", neg = "__neg__",
    pos = "__pos__", invert = "__invert__", abs = "__abs__", round = "__round__",
    reversed = "__reversed__", missing = "__missing__", all = "__all__", main = "__main__",
    builtins = "__builtins__", file = "__file__", path = "__path__", package = "__package__",
    metaclass = "metaclass", args = "args", self_ = "self", class_getitem = "__class_getitem__",
    mro_entries = "__mro_entries__", instancecheck = "__instancecheck__",
    subclasscheck = "__subclasscheck__", bases = "__bases__", mro = "__mro__",
    annotations = "__annotations__", traceback = "__traceback__", cause = "__cause__",
    context = "__context__", suppress_context = "__suppress_context__", value = "value",
    length_hint = "__length_hint__", bytes_ = "__bytes__", complex_ = "__complex__",
    trunc = "__trunc__", floor = "__floor__", ceil = "__ceil__", spec = "__spec__",
    loader = "__loader__",
}

macro_rules! types {
    ($($field:ident),* $(,)?) => {
        /// The built-in classes.
        pub struct Types { $(pub $field: ObjRef,)* pub exc_by_name: Vec<(&'static str, ObjRef)> }
        impl Types {
            pub fn trace(&self, out: &mut Vec<Value>) {
                $(out.push(Value::Obj(self.$field));)*
                out.extend(self.exc_by_name.iter().map(|(_, r)| Value::Obj(*r)));
            }
        }
    };
}

types! {
    object, type_, int, bool_, float, complex, str, bytes, bytearray, list, tuple, dict, set,
    frozenset, range, slice, none_type, function, builtin_function, method, module, cell, code,
    generator, coroutine, async_generator, iterator, dict_keys, dict_values, dict_items,
    property, staticmethod, classmethod, super_, traceback, ellipsis_type, notimplemented_type,
    native_object,
    base_exception, exception, base_exception_group, exception_group, generator_exit,
    keyboard_interrupt, system_exit, arithmetic_error, overflow_error, zero_division_error,
    assertion_error, attribute_error, eof_error, import_error, module_not_found_error,
    lookup_error, index_error, key_error, memory_error, name_error, unbound_local_error,
    os_error, runtime_error, not_implemented_error, recursion_error, stop_iteration,
    stop_async_iteration, syntax_error, type_error, value_error, unicode_error,
    unicode_decode_error, unicode_encode_error, timeout_error, file_not_found_error,
    broken_pipe_error, runtime_warning, deprecation_warning, warning, connection_error,
    cancelled_error, invalid_state_error, permission_error,
}

pub fn intern_raw(heap: &mut Heap, interned: &mut HashMap<Box<str>, ObjRef>, s: &str) -> Value {
    if let Some(&r) = interned.get(s) {
        return Value::Obj(r);
    }
    let r = heap.alloc(Obj::Str(PyStr::new(s)));
    interned.insert(s.into(), r);
    Value::Obj(r)
}

/// C3 linearisation; None when the bases admit no consistent order.
pub fn c3_mro(heap: &Heap, cls: ObjRef, bases: &[ObjRef]) -> Option<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|&b| match heap.get(b) {
            Obj::Class(c) => c.mro.clone(),
            _ => vec![b],
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut pick = None;
        for s in &seqs {
            let cand = s[0];
            if seqs.iter().all(|t| !t[1..].contains(&cand)) {
                pick = Some(cand);
                break;
            }
        }
        let c = pick?;
        out.push(c);
        for s in seqs.iter_mut() {
            if s[0] == c {
                s.remove(0);
            }
        }
    }
}

fn make_class(
    heap: &mut Heap,
    interned: &mut HashMap<Box<str>, ObjRef>,
    name: &str,
    bases: &[ObjRef],
    layout: Layout,
) -> ObjRef {
    let dict = heap.alloc(Obj::Dict(Box::default()));
    let namev = intern_raw(heap, interned, name);
    let cls = heap.alloc(Obj::Class(Box::new(Class {
        name: namev,
        qualname: namev,
        bases: bases.to_vec(),
        mro: Vec::new(),
        dict,
        layout,
        metaclass: None,
        slots: None,
        builtin: true,
    })));
    let mro = c3_mro(heap, cls, bases).unwrap_or_else(|| vec![cls]);
    if let Obj::Class(c) = heap.get_mut(cls) {
        c.mro = mro;
    }
    cls
}

pub fn bootstrap(heap: &mut Heap, interned: &mut HashMap<Box<str>, ObjRef>) -> (Types, Names) {
    let n = make_names(heap, interned);
    let mut mk = |name: &str, bases: &[ObjRef], layout: Layout| {
        make_class(heap, interned, name, bases, layout)
    };
    let object = mk("object", &[], Layout::Object);
    let b = Layout::Builtin;
    let type_ = mk("type", &[object], b);
    let int = mk("int", &[object], b);
    let bool_ = mk("bool", &[int], b);
    let float = mk("float", &[object], b);
    let complex = mk("complex", &[object], b);
    let str = mk("str", &[object], b);
    let bytes = mk("bytes", &[object], b);
    let bytearray = mk("bytearray", &[object], b);
    let list = mk("list", &[object], b);
    let tuple = mk("tuple", &[object], b);
    let dict = mk("dict", &[object], b);
    let set = mk("set", &[object], b);
    let frozenset = mk("frozenset", &[object], b);
    let range = mk("range", &[object], b);
    let slice = mk("slice", &[object], b);
    let none_type = mk("NoneType", &[object], b);
    let function = mk("function", &[object], b);
    let builtin_function = mk("builtin_function_or_method", &[object], b);
    let method = mk("method", &[object], b);
    let module = mk("module", &[object], Layout::Object);
    let cell = mk("cell", &[object], b);
    let code = mk("code", &[object], b);
    let generator = mk("generator", &[object], b);
    let coroutine = mk("coroutine", &[object], b);
    let async_generator = mk("async_generator", &[object], b);
    let iterator = mk("iterator", &[object], b);
    let dict_keys = mk("dict_keys", &[object], b);
    let dict_values = mk("dict_values", &[object], b);
    let dict_items = mk("dict_items", &[object], b);
    let property = mk("property", &[object], b);
    let staticmethod = mk("staticmethod", &[object], b);
    let classmethod = mk("classmethod", &[object], b);
    let super_ = mk("super", &[object], b);
    let traceback = mk("traceback", &[object], b);
    let ellipsis_type = mk("ellipsis", &[object], Layout::Object);
    let notimplemented_type = mk("NotImplementedType", &[object], Layout::Object);
    let native_object = mk("native_object", &[object], b);

    let mut excs: Vec<(&'static str, ObjRef)> = Vec::new();
    let e = Layout::Exception;
    let mut ex = |name: &'static str, bases: &[ObjRef], excs: &mut Vec<(&'static str, ObjRef)>| {
        let c = mk(name, bases, e);
        excs.push((name, c));
        c
    };
    let base_exception = ex("BaseException", &[object], &mut excs);
    let exception = ex("Exception", &[base_exception], &mut excs);
    let base_exception_group = ex("BaseExceptionGroup", &[base_exception], &mut excs);
    let exception_group = ex(
        "ExceptionGroup",
        &[base_exception_group, exception],
        &mut excs,
    );
    let generator_exit = ex("GeneratorExit", &[base_exception], &mut excs);
    let keyboard_interrupt = ex("KeyboardInterrupt", &[base_exception], &mut excs);
    let system_exit = ex("SystemExit", &[base_exception], &mut excs);
    let arithmetic_error = ex("ArithmeticError", &[exception], &mut excs);
    ex("FloatingPointError", &[arithmetic_error], &mut excs);
    let overflow_error = ex("OverflowError", &[arithmetic_error], &mut excs);
    let zero_division_error = ex("ZeroDivisionError", &[arithmetic_error], &mut excs);
    let assertion_error = ex("AssertionError", &[exception], &mut excs);
    let attribute_error = ex("AttributeError", &[exception], &mut excs);
    ex("BufferError", &[exception], &mut excs);
    let eof_error = ex("EOFError", &[exception], &mut excs);
    let import_error = ex("ImportError", &[exception], &mut excs);
    let module_not_found_error = ex("ModuleNotFoundError", &[import_error], &mut excs);
    let lookup_error = ex("LookupError", &[exception], &mut excs);
    let index_error = ex("IndexError", &[lookup_error], &mut excs);
    let key_error = ex("KeyError", &[lookup_error], &mut excs);
    let memory_error = ex("MemoryError", &[exception], &mut excs);
    let name_error = ex("NameError", &[exception], &mut excs);
    let unbound_local_error = ex("UnboundLocalError", &[name_error], &mut excs);
    let os_error = ex("OSError", &[exception], &mut excs);
    ex("BlockingIOError", &[os_error], &mut excs);
    ex("ChildProcessError", &[os_error], &mut excs);
    let connection_error = ex("ConnectionError", &[os_error], &mut excs);
    let broken_pipe_error = ex("BrokenPipeError", &[connection_error], &mut excs);
    ex("ConnectionAbortedError", &[connection_error], &mut excs);
    ex("ConnectionRefusedError", &[connection_error], &mut excs);
    ex("ConnectionResetError", &[connection_error], &mut excs);
    ex("FileExistsError", &[os_error], &mut excs);
    let file_not_found_error = ex("FileNotFoundError", &[os_error], &mut excs);
    ex("InterruptedError", &[os_error], &mut excs);
    ex("IsADirectoryError", &[os_error], &mut excs);
    ex("NotADirectoryError", &[os_error], &mut excs);
    let permission_error = ex("PermissionError", &[os_error], &mut excs);
    ex("ProcessLookupError", &[os_error], &mut excs);
    let timeout_error = ex("TimeoutError", &[os_error], &mut excs);
    ex("ReferenceError", &[exception], &mut excs);
    let runtime_error = ex("RuntimeError", &[exception], &mut excs);
    let not_implemented_error = ex("NotImplementedError", &[runtime_error], &mut excs);
    let recursion_error = ex("RecursionError", &[runtime_error], &mut excs);
    let stop_async_iteration = ex("StopAsyncIteration", &[exception], &mut excs);
    let stop_iteration = ex("StopIteration", &[exception], &mut excs);
    let syntax_error = ex("SyntaxError", &[exception], &mut excs);
    let indentation_error = ex("IndentationError", &[syntax_error], &mut excs);
    ex("TabError", &[indentation_error], &mut excs);
    ex("SystemError", &[exception], &mut excs);
    let type_error = ex("TypeError", &[exception], &mut excs);
    let value_error = ex("ValueError", &[exception], &mut excs);
    let unicode_error = ex("UnicodeError", &[value_error], &mut excs);
    let unicode_decode_error = ex("UnicodeDecodeError", &[unicode_error], &mut excs);
    let unicode_encode_error = ex("UnicodeEncodeError", &[unicode_error], &mut excs);
    ex("UnicodeTranslateError", &[unicode_error], &mut excs);
    let warning = ex("Warning", &[exception], &mut excs);
    let deprecation_warning = ex("DeprecationWarning", &[warning], &mut excs);
    ex("PendingDeprecationWarning", &[warning], &mut excs);
    let runtime_warning = ex("RuntimeWarning", &[warning], &mut excs);
    ex("SyntaxWarning", &[warning], &mut excs);
    ex("UserWarning", &[warning], &mut excs);
    ex("FutureWarning", &[warning], &mut excs);
    ex("ImportWarning", &[warning], &mut excs);
    ex("UnicodeWarning", &[warning], &mut excs);
    ex("BytesWarning", &[warning], &mut excs);
    ex("ResourceWarning", &[warning], &mut excs);
    ex("EncodingWarning", &[warning], &mut excs);
    // asyncio's exceptions live in the asyncio module but are created here so
    // the VM can raise them (CancelledError derives from BaseException in 3.8+).
    let cancelled_error = mk("CancelledError", &[base_exception], e);
    let invalid_state_error = mk("InvalidStateError", &[exception], e);

    let t = Types {
        object,
        type_,
        int,
        bool_,
        float,
        complex,
        str,
        bytes,
        bytearray,
        list,
        tuple,
        dict,
        set,
        frozenset,
        range,
        slice,
        none_type,
        function,
        builtin_function,
        method,
        module,
        cell,
        code,
        generator,
        coroutine,
        async_generator,
        iterator,
        dict_keys,
        dict_values,
        dict_items,
        property,
        staticmethod,
        classmethod,
        super_,
        traceback,
        ellipsis_type,
        notimplemented_type,
        native_object,
        base_exception,
        exception,
        base_exception_group,
        exception_group,
        generator_exit,
        keyboard_interrupt,
        system_exit,
        arithmetic_error,
        overflow_error,
        zero_division_error,
        assertion_error,
        attribute_error,
        eof_error,
        import_error,
        module_not_found_error,
        lookup_error,
        index_error,
        key_error,
        memory_error,
        name_error,
        unbound_local_error,
        os_error,
        runtime_error,
        not_implemented_error,
        recursion_error,
        stop_iteration,
        stop_async_iteration,
        syntax_error,
        type_error,
        value_error,
        unicode_error,
        unicode_decode_error,
        unicode_encode_error,
        timeout_error,
        file_not_found_error,
        broken_pipe_error,
        runtime_warning,
        deprecation_warning,
        warning,
        connection_error,
        cancelled_error,
        invalid_state_error,
        permission_error,
        exc_by_name: excs,
    };
    (t, n)
}

/// Fill the built-in classes' namespaces (set by `crate::builtins`).
pub fn install_type_methods(vm: &mut crate::vm::Vm) {
    // type(x).__name__ etc. come from the Class struct; methods are added by
    // the builtins module, which owns their behaviour.
    let _ = vm;
}
