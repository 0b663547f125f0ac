"""Speed of the estimation engine against the reference implementations.

Run: ``PYTHONPATH=. python benchmarks/estimate.py [--repeats 5] [--quick]``.
Prints medians (seconds) and ratios measured in this run (ANCHORS.md: ratios
within one run are what count on a noisy machine).

Targets: ``did`` (CR1) at 1M rows within 2x of a bare numpy normal-equations +
``bincount`` sandwich and faster than statsmodels and pyfixest, with a peak
memory increase under 200 MB; ``staggered`` at 100k units x 10 periods at
least 5x faster than moderndid ``att_gt`` with identical ATT(g, t).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
import tracemalloc
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd

from impact.estimate import StaggeredResult, did, staggered, twfe

warnings.filterwarnings("ignore")
CLUSTERS = 200


def median_time(fn: Callable[[], object], repeats: int) -> float:
    fn()  # warm-up (imports, caches)
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def did_data(n: int, rng: np.random.Generator) -> pd.DataFrame:
    c = rng.integers(0, CLUSTERS, n)
    g = (c < CLUSTERS // 2).astype(np.int64)
    p = rng.integers(0, 2, n)
    y = rng.normal(size=CLUSTERS)[c] + 0.3 * p + 0.5 * g * p + rng.normal(size=n)
    return pd.DataFrame({"y": y, "g": g, "p": p, "c": c})


def numpy_floor(df: pd.DataFrame) -> float:
    """Normal equations + CR1 with bincount: the least work the job needs."""
    y = df["y"].to_numpy(np.float64)
    g = df["g"].to_numpy(np.float64)
    p = df["p"].to_numpy(np.float64)
    c = df["c"].to_numpy()
    X = np.column_stack([np.ones_like(y), g, p, g * p])
    bread = np.linalg.inv(X.T @ X)
    beta = bread @ (X.T @ y)
    e = y - X @ beta
    S = np.stack([np.bincount(c, X[:, j] * e, CLUSTERS) for j in range(4)], axis=1)
    n, k = X.shape
    V = CLUSTERS / (CLUSTERS - 1) * (n - 1) / (n - k) * bread @ (S.T @ S) @ bread
    return float(np.sqrt(V[3, 3]))


def peak_mb(fn: Callable[[], object]) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def bench_did(n: int, repeats: int) -> None:
    import pyfixest as pf
    import statsmodels.formula.api as smf

    df = did_data(n, np.random.default_rng(1))
    ours = lambda: did(df, outcome="y", treated="g", post="p", cluster="c", vcov="cr1")  # noqa: E731
    runs = {
        "wijkimpact did": ours,
        "numpy floor": lambda: numpy_floor(df),
        "statsmodels formula": lambda: smf.ols("y ~ g * p", df).fit(
            cov_type="cluster", cov_kwds={"groups": df["c"]}
        ),
        "pyfixest feols": lambda: pf.feols("y ~ g * p", df, vcov={"CRV1": "c"}),
    }
    res = {name: median_time(fn, repeats) for name, fn in runs.items()}
    se_gap = abs(ours().std_error - numpy_floor(df))
    title = f"2x2 DiD, CR1, {n:,} rows, {CLUSTERS} clusters"
    print(f"\n{title} (median s; SE gap {se_gap:.1e})")
    for name, sec in res.items():
        print(f"  {name:22s} {sec:8.4f}  x{sec / res['wijkimpact did']:.2f} of ours")
    floor_ratio = res["wijkimpact did"] / res["numpy floor"]
    print(f"  ours / numpy floor: {floor_ratio:.2f} (target <= 2)")
    print(f"  peak traced memory of did: {peak_mb(ours):.0f} MB (target < 200)")


def bench_twfe(units: int, periods: int, repeats: int) -> None:
    import pyfixest as pf
    import statsmodels.api as sm

    rng = np.random.default_rng(2)
    u = np.repeat(np.arange(units), periods)
    tt = np.tile(np.arange(periods), units)
    d = ((u < units // 2) & (tt >= periods // 2)).astype(np.int64)
    y = rng.normal(size=units)[u] + 0.1 * tt + 0.5 * d + rng.normal(size=u.size)
    df = pd.DataFrame({"u": u, "t": tt, "d": d, "y": y})

    def sm_demeaned() -> object:
        frame = df[["y", "d"]].astype(float)
        dm = frame - frame.groupby(df["u"]).transform("mean")
        dm = dm - dm.groupby(df["t"]).transform("mean") + frame.mean()
        return sm.OLS(dm["y"], dm[["d"]]).fit(
            cov_type="cluster", cov_kwds={"groups": u}
        )

    runs = {
        "wijkimpact twfe": lambda: twfe(
            df, outcome="y", unit="u", time="t", treatment="d", vcov="cr1"
        ),
        "statsmodels demeaned": sm_demeaned,
        "pyfixest feols": lambda: pf.feols("y ~ d | u + t", df, vcov={"CRV1": "u"}),
    }
    res = {name: median_time(fn, repeats) for name, fn in runs.items()}
    print(f"\nTWFE, {units:,} units x {periods} periods (median s)")
    for name, sec in res.items():
        print(f"  {name:22s} {sec:8.4f}  x{sec / res['wijkimpact twfe']:.2f} of ours")


def bench_staggered(units: int, periods: int, repeats: int) -> None:
    import moderndid as md

    rng = np.random.default_rng(3)
    cohort = rng.choice([0, 4, 6, 8], size=units)
    u = np.repeat(np.arange(units), periods)
    tt = np.tile(np.arange(1, periods + 1), units)
    g = cohort[u]
    y = (
        rng.normal(size=units)[u]
        + 0.1 * tt
        + 0.5 * ((g > 0) & (tt >= g))
        + rng.normal(size=u.size)
    )
    df = pd.DataFrame({"u": u, "t": tt, "g": g, "y": y})

    def ours() -> StaggeredResult:
        return staggered(df, outcome="y", unit="u", time="t", first_treated="g")

    def ref() -> object:
        return md.att_gt(
            data=df,
            yname="y",
            tname="t",
            idname="u",
            gname="g",
            est_method="reg",
            boot=False,
        )

    t_ours, t_ref = median_time(ours, repeats), median_time(ref, max(1, repeats // 2))
    mine = ours().att_gt.sort_values(["group", "time"])["att"].to_numpy()
    theirs = np.asarray(getattr(ref(), "att_gt"))  # noqa: B009
    gap = float(np.max(np.abs(mine - theirs)))
    print(f"\nCallaway & Sant'Anna, {units:,} units x {periods} periods, 3 cohorts")
    print(f"  wijkimpact staggered   {t_ours:8.4f}")
    speedup = t_ref / t_ours
    print(
        f"  moderndid att_gt       {t_ref:8.4f}  x{speedup:.1f} of ours (target >= 5)"
    )
    print(f"  max |ATT(g,t) ours - moderndid| = {gap:.1e}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="smaller sizes")
    args = parser.parse_args()
    scale = 10 if args.quick else 1
    for n in (100_000, 1_000_000):
        bench_did(n // scale, args.repeats)
    bench_twfe(50_000 // scale, 8, args.repeats)
    bench_staggered(100_000 // scale, 10, args.repeats)


if __name__ == "__main__":
    main()
