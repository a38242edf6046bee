# Covers: statistics averages (mean/fmean/geometric/harmonic, medians, mode/multimode, quantiles), spread, types of results (int, float, Fraction, bool), errors as StatisticsError
import statistics as st
from fractions import Fraction as F
nan, inf = float('nan'), float('inf')
print(st.mean([1, 2, 3, 4]), st.mean([1, 2, 3, 4, 4]), st.mean([1.5, 2.5]), st.mean([F(1, 3), 2]), st.mean([True, False]), st.mean(iter([1, 2])))
print(st.mean([1, 2.5, F(1, 3)]), st.mean([F(1), True]), st.mean([1.5, True]), st.mean([1, inf, -inf]), st.mean(range(1, 101)))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean(x for x in [1, 2, 3]), st.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([40, 60], weights=[5, 30]), st.harmonic_mean([2, 0]))
print(st.harmonic_mean([F(1, 2), 2]), st.harmonic_mean([2.5]), st.harmonic_mean([0]), st.harmonic_mean(iter([1, 4, 4])))
print(st.median([1, 3, 5]), st.median([1, 3, 5, 7]), st.median([F(1, 2), F(1, 3)]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.median_grouped([52, 52, 53, 54]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([1, 3, 3, 5, 7], interval=2), st.median_grouped([1]))
print(st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue", "red", "green", "red", "red"]), st.mode('aabbbc'), st.mode([2, 1, 1, 2]))
print(st.multimode('aabbbbccddddeeffffgg'), st.multimode(''), st.multimode([3, 1, 2]))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(st.quantiles([1, 2, 3, 4, 5], n=4, method='inclusive'), st.quantiles([F(1, 2), 3, 7]), st.quantiles([1, 9], n=1))
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.variance(data), st.pvariance(data), st.stdev(data), st.pstdev(data), st.variance(data, st.mean(data)))
print(st.variance([F(1, 6), F(1, 2), F(5, 3)]), st.pvariance([1, 2, 3, 4]), st.variance([1, 2, 3, 4]), st.stdev([F(1, 3), 2, 5]), st.pstdev([2, 2]))
print(st.variance([1.0, nan]), st.variance([1, 2], xbar=nan), st.stdev([1, 2, 3], 2), st.variance([True, False, True]))
errors = [lambda: st.mean([]), lambda: st.mean(['a']), lambda: st.mean([1, 1j]), lambda: st.fmean([]), lambda: st.fmean([1, 2], [1]),
          lambda: st.fmean([1, 2], [0, 0]), lambda: st.geometric_mean([0, 1]), lambda: st.geometric_mean([]), lambda: st.harmonic_mean([2, -1]),
          lambda: st.harmonic_mean([-1]), lambda: st.harmonic_mean(['a']), lambda: st.harmonic_mean([1, 2], [0, 0]), lambda: st.harmonic_mean([]),
          lambda: st.harmonic_mean([1, 2], [1]), lambda: st.median([]), lambda: st.median_low([]), lambda: st.median_high([]),
          lambda: st.median_grouped([]), lambda: st.median_grouped(['a', 'b']), lambda: st.mode([]), lambda: st.quantiles([1]),
          lambda: st.quantiles([1, 2], n=0), lambda: st.quantiles([1, 2], method='x'), lambda: st.variance([1]), lambda: st.stdev([1]),
          lambda: st.pvariance([]), lambda: st.pstdev([]), lambda: st.stdev([1.0, nan]), lambda: st.mean([1, 'a'])]
for f in errors:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
print(issubclass(st.StatisticsError, ValueError), st.StatisticsError.__name__)
