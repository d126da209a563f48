# Expected values for RelativeChangeTest: Welch t interval of the difference (scipy.stats.ttest_ind,
# equal_var=False, with scipy.stats.t.ppf at the Welch df), then the Fieller interval of
# theta = mean_after / mean_before found by inverting the test |mA - theta mB| / sqrt(seA^2 + theta^2 seB^2) <= t
# with scipy.optimize.brentq (not the closed form), and the delta-method interval.
import numpy as np
from scipy import stats, optimize
def case(before, after, conf=0.95):
    b, a = np.array(before, float), np.array(after, float)
    mB, mA = b.mean(), a.mean()
    seB, seA = b.std(ddof=1)/np.sqrt(len(b)), a.std(ddof=1)/np.sqrt(len(a))
    df = (seB**2+seA**2)**2/(seB**4/(len(b)-1)+seA**4/(len(a)-1))
    res = stats.ttest_ind(a, b, equal_var=False)
    c = stats.t.ppf((1+conf)/2, df)
    lo, hi = (mA-mB) - c*np.hypot(seA, seB), (mA-mB) + c*np.hypot(seA, seB)
    theta = mA/mB
    f = lambda th: (mA - th*mB)**2 - c**2*(seA**2 + th**2*seB**2)
    print(f"before={before} after={after}")
    print(f"  mB={mB!r} mA={mA!r} seB={seB!r} seA={seA!r} df={df!r} crit={c!r} p={res.pvalue!r}")
    print(f"  diff CI [{lo!r}, {hi!r}]  baseline CI [{mB-c*seB!r}, {mB+c*seB!r}]")
    s = np.sign(mB)
    print(f"  rel = {(mA-mB)/abs(mB)!r}")
    if mB**2 - c**2*seB**2 <= 0:
        print("  Fieller: unbounded (baseline CI includes 0)")
    else:
        t1 = optimize.brentq(f, theta - 1e6*abs(theta)-1e6 if False else theta - 100, theta, xtol=1e-15)
        t2 = optimize.brentq(f, theta, theta + 100, xtol=1e-15)
        r = sorted([s*(t1-1), s*(t2-1)])
        print(f"  Fieller rel CI [{r[0]!r}, {r[1]!r}]")
    seR = np.sqrt(seA**2 + theta**2*seB**2)/abs(mB)
    r = sorted([s*(theta - c*seR*s - 1), s*(theta + c*seR*s - 1)])
    print(f"  delta rel CI [{(mA-mB)/abs(mB) - c*seR!r}, {(mA-mB)/abs(mB) + c*seR!r}]")
case([20,22,19,25,21,23,18,24],[30,27,33,29,31,35,28,32])
case([-0.25,-0.18,-0.2,-0.17,-0.2],[-0.1,-0.08,-0.09,-0.1,-0.08])
case([-1,2,0.5,-0.5,1.5],[3,4,2,5])
case([20,22,19,25,21,23,18,24],[30,27,33,29,31,35,28,32], 0.9)
