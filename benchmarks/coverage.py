"""Monte Carlo coverage of the 95% intervals, by design, estimator and vcov.

Run: ``PYTHONPATH=. python benchmarks/coverage.py [--reps 400] [--workers 2]``.
The default run takes a few minutes on 2 cores.

Designs for the 2x2 DiD: G clusters (areas) of unequal size (10-50 people per
period), G1 treated, an area effect, an area x period shock (sd 0.5: what makes
clustering matter) and individual noise (sd 1); true effect 0.5. Panel designs
check ``twfe``, ``event_study`` (effect at event time 0) and ``staggered``
(simple ATT). A declined interval (``vcov == 'none'``) is counted apart.

Target: ``auto`` within [0.93, 0.97] wherever at least 3 clusters are treated;
with one or two treated clusters ``auto`` keeps coverage >= 0.93 or declines.

Then the area-panel table of ``benchmarks/coverage_area.py`` (8-40 wijken,
2-3 cohorts, AR(1) area shocks: ``staggered``/``twfe`` coverage with Monte
Carlo standard errors, pre-trend test size, ``sdid`` with 1 and 3 treated
areas); ``--area-only`` prints just that one.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd

from impact.errors import EstimationError
from impact.estimate import did, event_study, staggered, twfe

warnings.filterwarnings("ignore")
TRUE = 0.5
DID_VCOVS = ("iid", "hc1", "cr1", "cv3", "wild", "auto")


@dataclass(frozen=True)
class DidDesign:
    clusters: int
    treated: int

    @property
    def name(self) -> str:
        return f"2x2 G={self.clusters} G1={self.treated}"


DID_DESIGNS = [
    DidDesign(6, 3),
    DidDesign(8, 4),
    DidDesign(10, 3),
    DidDesign(12, 6),
    DidDesign(20, 5),
    DidDesign(30, 15),
    DidDesign(60, 30),
    DidDesign(8, 1),
    DidDesign(12, 1),
    DidDesign(12, 2),
    DidDesign(24, 1),
    DidDesign(30, 2),
]


def did_sample(d: DidDesign, rng: np.random.Generator) -> pd.DataFrame:
    sizes = rng.integers(10, 51, size=(d.clusters, 2))
    c = np.concatenate(
        [np.full(sizes[g, p], g) for g in range(d.clusters) for p in (0, 1)]
    )
    p = np.concatenate(
        [np.full(sizes[g, q], q) for g in range(d.clusters) for q in (0, 1)]
    )
    treated = np.zeros(d.clusters, dtype=int)
    treated[rng.choice(d.clusters, d.treated, replace=False)] = 1
    area = rng.normal(size=d.clusters)
    shock = rng.normal(0, 0.5, size=(d.clusters, 2))
    g = treated[c]
    y = area[c] + shock[c, p] + 0.3 * p + TRUE * g * p + rng.normal(size=c.size)
    return pd.DataFrame({"c": c, "g": g, "p": p, "y": y})


def run_did(args: tuple[int, int, int]) -> list[tuple[str, str, str, str]]:
    """(design, estimator/vcov, method used, outcome) rows for a chunk of reps."""
    index, reps, seed = args
    d = DID_DESIGNS[index]
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(reps):
        df = did_sample(d, rng)
        auto = did(df, outcome="y", treated="g", post="p", cluster="c")
        for vcov in DID_VCOVS:
            if vcov == "auto" or vcov == auto.vcov:
                res = auto
            else:
                try:
                    res = did(
                        df, outcome="y", treated="g", post="p", cluster="c", vcov=vcov
                    )
                except EstimationError:  # cv3 cannot leave out the one treated cluster
                    rows.append((d.name, f"did/{vcov}", "refused", "declined"))
                    continue
            rows.append(
                (d.name, f"did/{vcov}", res.vcov, _outcome(res.ci_low, res.ci_high))
            )
    return rows


def _outcome(lo: float, hi: float) -> str:
    if np.isnan(lo) or np.isnan(hi):
        return "declined"
    return "hit" if lo <= TRUE <= hi else "miss"


def area_panel(rng: np.random.Generator, areas: int, treated: int) -> pd.DataFrame:
    periods, start = 8, 5
    u = np.repeat(np.arange(areas), periods)
    tt = np.tile(np.arange(1, periods + 1), areas)
    first = np.zeros(areas)
    first[rng.choice(areas, treated, replace=False)] = start
    f = first[u]
    d = ((f > 0) & (tt >= f)).astype(int)
    rho_noise = np.zeros((areas, periods))
    for k in range(periods):  # AR(1) area shocks: serial correlation within area
        rho_noise[:, k] = (0.6 * rho_noise[:, k - 1] if k else 0) + rng.normal(
            0, 0.5, areas
        )
    y = rng.normal(size=areas)[u] + 0.1 * tt + TRUE * d + rho_noise[u, tt - 1]
    return pd.DataFrame({"u": u, "t": tt, "first": f, "d": d, "y": y})


def run_panel(args: tuple[int, int, int]) -> list[tuple[str, str, str, str]]:
    areas, treated, reps, seed = *PANEL_DESIGNS[args[0]], args[1], args[2]
    rng = np.random.default_rng(seed)
    name = f"panel G={areas} G1={treated}"
    rows = []
    for _ in range(reps):
        df = area_panel(rng, areas, treated)
        for vcov in ("cr1", "auto"):
            r = twfe(df, outcome="y", unit="u", time="t", treatment="d", vcov=vcov)
            rows.append((name, f"twfe/{vcov}", r.vcov, _outcome(r.ci_low, r.ci_high)))
        es = event_study(
            df, outcome="y", unit="u", time="t", first_treated="first", vcov="cr1"
        )
        row = es.coefficients.loc[0]
        rows.append(
            (
                name,
                "event_study/cr1 (e=0)",
                es.vcov,
                _outcome(row["ci_low"], row["ci_high"]),
            )
        )
    return rows


PANEL_DESIGNS = [(10, 5), (40, 20), (60, 20)]


def run_staggered(args: tuple[int, int, int]) -> list[tuple[str, str, str, str]]:
    _, reps, seed = args
    rng = np.random.default_rng(seed)
    rows = []
    units, periods = 1500, 6
    for _ in range(reps):
        cohort = rng.choice([0, 3, 5], size=units)
        u = np.repeat(np.arange(units), periods)
        tt = np.tile(np.arange(1, periods + 1), units)
        g = cohort[u]
        on = (g > 0) & (tt >= g)
        y = rng.normal(size=units)[u] + 0.2 * tt + TRUE * on + rng.normal(size=u.size)
        df = pd.DataFrame({"u": u, "t": tt, "g": g, "y": y})
        for boot in (False, True):
            res = staggered(
                df,
                outcome="y",
                unit="u",
                time="t",
                first_treated="g",
                bootstrap=boot,
                draws=499,
            )
            agg = res.aggregate("simple")
            rows.append(
                (
                    "staggered N=1500",
                    f"staggered/{agg.vcov} simple",
                    agg.vcov,
                    _outcome(agg.ci_low, agg.ci_high),
                )
            )
    return rows


def tasks(reps: int, chunk: int) -> list[tuple[object, tuple[int, int, int]]]:
    out: list[tuple[object, tuple[int, int, int]]] = []
    for kind, count, fn in (
        (0, len(DID_DESIGNS), run_did),
        (1, len(PANEL_DESIGNS), run_panel),
        (2, 1, run_staggered),
    ):
        share = reps if kind == 0 else max(reps // 2, 50)
        for i in range(count):
            for start in range(0, share, chunk):
                seed = 1_000_000 * kind + 1000 * i + start
                out.append((fn, (i, min(chunk, share - start), seed)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--area-only", action="store_true")
    args = parser.parse_args()
    start = time.perf_counter()
    if not args.area_only:
        _did_table(args.reps, args.workers)
    from benchmarks.coverage_area import print_table, run

    print()
    print_table(run(args.reps, args.workers))
    print(f"\n{time.perf_counter() - start:.0f} s with {args.workers} workers")


def _did_table(reps: int, workers: int) -> None:
    work = tasks(reps, chunk=50)
    with ProcessPoolExecutor(workers) as pool:
        futures = [pool.submit(fn, a) for fn, a in work]  # type: ignore[arg-type]
        rows = [row for f in futures for row in f.result()]
    table: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    used: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for design, est, method, outcome in rows:
        table[(design, est)][outcome] += 1
        used[(design, est)][method] += 1
    head = ("design", "estimator/vcov", "used", "cover", "declined", "reps")
    print(
        f"{head[0]:22s} {head[1]:28s} {head[2]:22s} {head[3]:>6s} "
        f"{head[4]:>8s} {head[5]:>5s}"
    )
    for key in sorted(table, key=lambda k: (k[0].split()[0], k[0], k[1])):
        c = table[key]
        shown = c["hit"] + c["miss"]
        cover = c["hit"] / shown if shown else float("nan")
        methods = ",".join(m for m, _ in used[key].most_common())
        total = sum(c.values())
        print(
            f"{key[0]:22s} {key[1]:28s} {methods:22s} {cover:6.3f} "
            f"{c['declined'] / total:8.2f} {total:5d}"
        )


if __name__ == "__main__":
    main()
