# Covers: exec/eval/compile with globals and locals dicts, the three compile
# modes, code objects, errors raised inside and while compiling.
print(eval("1 + 2 * 3"))
print(eval("  len('abc')"))
g = {"a": 5}
exec("b = a * 2\ndef f():\n    return b + 1\n", g)
print(g["b"], g["f"](), "__builtins__" in g)
print(sorted(k for k in g if k != "__builtins__"))
loc = {}
exec("x = 1\ny = x + a", g, loc)
print(sorted(loc.items()), "x" in g)
print(eval("a + x", g, loc))
code = compile("3 * 4", "<calc>", "eval")
print(type(code).__name__, code.co_name, code.co_filename)
print(eval(code), eval(code, {}))
code = compile("q = 9\nr = q + 1", "<prog>", "exec")
ns = {}
print(exec(code, ns), ns["q"], ns["r"])
print(eval(compile("q", "<x>", "eval"), ns))
exec(compile("6 * 7", "<single>", "single"))
exec(compile("None", "<single>", "single"))


def outer(z):
    w = z + 1
    return eval("z * 2 + w")


print(outer(20))


def defines():
    exec("k = 3")
    return "defined"


print(defines())
for src, mode in [("1 +", "eval"), ("def f(:\n  pass", "exec"), ("x = 1\ny = 2", "single")]:
    try:
        compile(src, "<bad>", mode)
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.filename, e.lineno)
try:
    exec("1 / 0")
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    eval("undefined_name")
except NameError as e:
    print("NameError", e)
try:
    compile("1", "<x>", "bogus")
except ValueError as e:
    print("ValueError", e)
try:
    eval(42)
except TypeError as e:
    print("TypeError", e)
try:
    exec("x = 1", [])
except TypeError as e:
    print("TypeError", e)
print(eval(b"2 ** 10"))
exec("import math as m\nprint(m.floor(2.5))", {})
counter = {"n": 0}
exec("for i in range(5):\n    n += i", counter)
print(counter["n"])
print(eval("[i * i for i in range(4)]"))
