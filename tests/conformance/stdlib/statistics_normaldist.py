# Covers: statistics covariance/correlation/linear_regression and NormalDist (pdf, cdf, inv_cdf tails, quantiles, overlap, zscore, arithmetic, equality, repr, from_samples, errors)
import statistics as st
x = [1, 2, 3, 4, 5, 6, 7, 8, 9]
y = [1, 2, 3, 1, 2, 3, 1, 2, 3]
print(st.covariance(x, y), st.correlation(x, y), st.correlation(x, [9, 8, 7, 6, 5, 4, 3, 2, 1]), st.covariance([1.5, 2.5], [3, 1]))
year = [1971, 1975, 1979, 1982, 1983]
films_total = [1, 2, 3, 4, 5]
lr = st.linear_regression(year, films_total)
print(lr, lr.slope, lr.intercept, lr[0], tuple(lr), type(lr).__name__)
print(st.linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True))
for f in [lambda: st.correlation([1, 1], [1, 2]), lambda: st.correlation([1], [1]), lambda: st.correlation([1, 2], [1]),
          lambda: st.covariance([1], [1]), lambda: st.covariance([1, 2], [1]), lambda: st.linear_regression([1, 1], [1, 2]),
          lambda: st.linear_regression([1, 2], [1, 2, 3]), lambda: st.linear_regression([1], [1])]:
    try:
        print(f())
    except st.StatisticsError as e:
        print('StatisticsError', e)
N = st.NormalDist
d = N(100, 15)
print(d, repr(N()), d.mean, d.median, d.mode, d.stdev, d.variance, N(1, 2) == N(1.0, 2.0), N(1, 2) == 3, hash(N(1, 2)) == hash(N(1.0, 2.0)))
print(d.pdf(100), d.pdf(130), d.cdf(130), d.cdf(-1e9), d.zscore(70), d.inv_cdf(0.5), d.inv_cdf(0.975))
print([N().inv_cdf(p) for p in (1e-300, 1e-20, 1e-10, 0.01, 0.02425, 0.3, 0.425, 0.5, 0.575, 0.9, 0.999999, 1 - 1e-16)])
print(d.quantiles(), N(0, 1).quantiles(n=10))
print(N(2.4, 1.6).overlap(N(3.2, 2.0)), N(1, 2).overlap(N(5, 2)), N(0, 1).overlap(N(0, 1)))
print(d + 10, 10 + d, d - 10, 10 - d, d * 2, 2 * d, d / 3, -d, +d, d + N(5, 20), d - N(5, 20))
s = N.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])
print(s, round(s.mean, 6))
for f in [lambda: N(0, -1), lambda: N(0, 0).pdf(1), lambda: N(0, 0).cdf(1), lambda: N().inv_cdf(0), lambda: N().inv_cdf(1.5),
          lambda: N(1, 0).inv_cdf(0.5), lambda: N().overlap(1), lambda: N(0, 0).overlap(N()), lambda: N(0, 0).zscore(1),
          lambda: N.from_samples([1])]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
