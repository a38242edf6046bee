# Covers: from __future__ import annotations keeps annotations as strings.
from __future__ import annotations

import __future__

x: List[int] = []
y: undefined_name | None


def f(a: int, b: Dict[str, int] = None, *rest: "quoted", **kw: Foo[Bar]) -> Optional[int]:
    return a


class C:
    attr: ClassVar[int] = 5
    other: tuple[int, ...]

    def m(self, other: C) -> C:
        return other


print(__annotations__)
print(f.__annotations__)
print(C.__annotations__)
print(C.m.__annotations__)
print(__future__.annotations.compiler_flag == 0x1000000)
print(__future__.annotations)
print(__future__.all_feature_names)
code = compile("def k(v: Bar) -> Baz: pass", "<s>", "exec", __future__.annotations.compiler_flag)
ns = {}
exec(code, ns)
print(ns["k"].__annotations__)
