# Covers: statistics results over generated int, float and Fraction data (exact sums, correctly rounded stdev, quantiles, regression, NormalDist), compared digit for digit
import statistics as st
from fractions import Fraction as F
seed = 987654321
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed >> 11
def rfloat():
    return (rnd() % 2 ** 40) / 2 ** 20 * (1 if rnd() % 2 else -1) * (10.0 ** (rnd() % 7 - 3))
def show(name, f):
    try:
        print(name, repr(f()))
    except Exception as e:
        print(name, type(e).__name__, e)
for case in range(20):
    n = rnd() % 9 + 1
    kind = case % 4
    if kind == 0:
        data = [rfloat() for _ in range(n)]
    elif kind == 1:
        data = [rnd() % 1000 - 300 for _ in range(n)]
    elif kind == 2:
        data = [F(rnd() % 100 - 30, rnd() % 12 + 1) for _ in range(n)]
    else:
        data = [abs(rfloat()) + 0.5 for _ in range(n)]
    y = [rfloat() for _ in range(n)]
    print('case', case, n)
    show('mean', lambda: st.mean(data))
    show('fmean', lambda: st.fmean(data))
    show('fmeanw', lambda: st.fmean(data, [abs(v) for v in y]))
    show('median', lambda: st.median(data))
    show('mg', lambda: st.median_grouped(data, 2))
    show('var', lambda: st.variance(data))
    show('pvar', lambda: st.pvariance(data))
    show('stdev', lambda: st.stdev(data))
    show('pstdev', lambda: st.pstdev(data))
    show('var_xbar', lambda: st.variance(data, 1.5))
    show('pstdev_mu', lambda: st.pstdev(data, data[0]))
    show('q', lambda: st.quantiles(data, n=5))
    show('qi', lambda: st.quantiles(data, n=3, method='inclusive'))
    show('gm', lambda: st.geometric_mean(data))
    show('hm', lambda: st.harmonic_mean(data))
    show('hmw', lambda: st.harmonic_mean(data, [abs(v) for v in y]))
    show('cov', lambda: st.covariance(data, y))
    show('corr', lambda: st.correlation(data, y))
    show('lr', lambda: st.linear_regression(data, y))
    show('lrp', lambda: st.linear_regression(data, y, proportional=True))
    show('nd', lambda: st.NormalDist.from_samples(data))
    nd = st.NormalDist(rfloat(), abs(rfloat()) + 0.1)
    p = (rnd() % 1000 + 1) / 1002
    show('pdf', lambda: nd.pdf(data[0]))
    show('cdf', lambda: nd.cdf(data[0]))
    show('inv', lambda: (nd.inv_cdf(p), nd.inv_cdf(p / 1e9), nd.inv_cdf(1 - p / 1e3)))
    show('ovl', lambda: nd.overlap(st.NormalDist(float(data[0]), abs(y[0]) + 0.2)))
    show('zs', lambda: nd.zscore(data[-1]))
    show('ndq', lambda: nd.quantiles(5))
