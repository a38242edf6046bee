from __future__ import annotations, division, print_function
import __future__
def f(x: UndefinedName) -> Other:
    return x
print(f.__annotations__)
print(__future__.annotations, __future__.division.compiler_flag == __future__.CO_FUTURE_DIVISION)
print(__future__.annotations.getOptionalRelease(), __future__.annotations.getMandatoryRelease())
print(__future__.generator_stop.getMandatoryRelease(), __future__.all_feature_names)
print(annotations.compiler_flag == __future__.CO_FUTURE_ANNOTATIONS, type(division).__name__)
class C:
    x: list[int]
    y: 'quoted'
print(C.__annotations__)
