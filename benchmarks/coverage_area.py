"""Area panels with few wijken: coverage and pre-trend test size (issue #15).

Run alone: ``PYTHONPATH=. python benchmarks/coverage_area.py [--reps 400]``;
``benchmarks/coverage.py`` prints the same table after its own.

Design: A areas x 8 periods, unit effects N(0, 1), a common trend 0.1 per
period, AR(1) area shocks (rho 0.6, innovation sd 0.5), true effect 0.5 from
the start on; parallel trends hold, so every pre-trend rejection is a false
alarm. Staggered cells: 2 cohorts (start 4, 6) or 3 (3, 5, 7) plus never-
treated areas, every group at least two areas. Synthetic DiD cells: 10
periods, start in period 6 (the same shocks), one or three treated areas;
all replications of a cell and their placebo fits run as one batch
(``PLACEBO`` = 100 placebo replications here, 200 in ``sdid()``: the same
procedure with a slightly noisier standard error, to keep the run short).

Columns: coverage of the 95% interval (simple ATT for ``staggered``; the
effect for ``twfe``/``sdid``), its Monte Carlo standard error, the rejection
rate of the 5% pre-trend test and the share of declined intervals.
"""

from __future__ import annotations

import argparse
import os
import time
import warnings
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import pandas as pd
from scipy import stats

from impact.estimate import _sdid_core as core
from impact.estimate import event_study, staggered, twfe
from impact.estimate.sdid import MIN_PLACEBO_CONTROLS, placebo_df

warnings.filterwarnings("ignore")
TRUE = 0.5
STAGGERED_CELLS = [(a, c) for a in (8, 12, 20, 40) for c in (2, 3)]
SDID_CELLS = [(12, 1), (20, 1), (12, 3), (20, 3)]
if os.environ.get("AREA_SDID_CELLS"):  # e.g. "0,1": a subset, to split a run
    SDID_CELLS = [SDID_CELLS[int(i)] for i in os.environ["AREA_SDID_CELLS"].split(",")]
COHORTS = {2: (4, 6), 3: (3, 5, 7)}
SDID_CHUNK = 25
PLACEBO = 100


def shocks(rng: np.random.Generator, areas: int, periods: int) -> np.ndarray:
    e = np.zeros((areas, periods))
    for k in range(periods):
        e[:, k] = (0.6 * e[:, k - 1] if k else 0.0) + rng.normal(0, 0.5, areas)
    return e


def staggered_panel(
    rng: np.random.Generator, areas: int, n_cohorts: int
) -> pd.DataFrame:
    periods = 8
    groups = np.array([0, *COHORTS[n_cohorts]])
    first = groups[rng.permutation(np.arange(areas) % len(groups))].astype(float)
    u = np.repeat(np.arange(areas), periods)
    tt = np.tile(np.arange(1, periods + 1), areas)
    f = first[u]
    d = ((f > 0) & (tt >= f)).astype(int)
    y = (
        rng.normal(size=areas)[u]
        + 0.1 * tt
        + TRUE * d
        + shocks(rng, areas, periods)[u, tt - 1]
    )
    return pd.DataFrame({"u": u, "t": tt, "first": f, "d": d, "y": y})


def _hit(lo: float, hi: float) -> float:
    return np.nan if np.isnan(lo) or np.isnan(hi) else float(lo <= TRUE <= hi)


def _rejects(p: float) -> float:
    return np.nan if np.isnan(p) else float(p < 0.05)


def run_staggered(args: tuple[int, int, int]) -> list[tuple[str, str, float, float]]:
    """(cell, estimator, hit, pre-test rejection) rows for a chunk of reps."""
    index, reps, seed = args
    areas, n_cohorts = STAGGERED_CELLS[index]
    cell = f"A={areas} cohorts={n_cohorts}"
    rng = np.random.default_rng(seed)
    rows = []
    for rep in range(reps):
        df = staggered_panel(rng, areas, n_cohorts)
        for vcov in ("influence", "auto"):
            res = staggered(
                df, outcome="y", unit="u", time="t", first_treated="first", vcov=vcov
            )
            agg = res.aggregate("simple")
            name = f"staggered/{vcov} ({res.vcov})"
            rows.append(
                (cell, name, _hit(agg.ci_low, agg.ci_high), _rejects(res.pretrend_p))
            )
        if rep % 2:  # the wild bootstrap is slower: every other replication
            continue
        tw = twfe(df, outcome="y", unit="u", time="t", treatment="d")
        rows.append(
            (cell, f"twfe/auto ({tw.vcov})", _hit(tw.ci_low, tw.ci_high), np.nan)
        )
        es = event_study(
            df, outcome="y", unit="u", time="t", first_treated="first", vcov="cr1"
        )
        rows.append(
            (cell, "event_study (leads F test)", np.nan, _rejects(es.pretrend_p))
        )
    return rows


def sdid_batch(
    rng: np.random.Generator, reps: int, areas: int, treated: int
) -> np.ndarray:
    """(reps, N, T) outcome matrices, comparison areas first, start at period 6."""
    periods, start = 10, 6
    Y = np.empty((reps, areas, periods))
    for r in range(reps):
        d = np.zeros((areas, periods))
        d[areas - treated :, start:] = 1.0
        level = rng.normal(size=areas)[:, None]
        Y[r] = level + 0.1 * np.arange(periods) + TRUE * d + shocks(rng, areas, periods)
    return Y


def run_sdid(args: tuple[int, int, int]) -> list[tuple[str, str, float, float]]:
    index, reps, seed = args
    areas, treated = SDID_CELLS[index]
    cell = f"A={areas} treated={treated}"
    rng = np.random.default_rng(seed)
    Y = sdid_batch(rng, reps, areas, treated)
    n0, t0 = areas - treated, 6
    o = core.options_many(Y, n0, t0, "sdid")
    est, omega, _ = core.fit_many(Y, n0, t0, o)
    if n0 - treated < MIN_PLACEBO_CONTROLS:
        return [(cell, "sdid/auto (none)", np.nan, np.nan)] * reps
    se = core.placebo_se_many(Y, n0, t0, o, omega, PLACEBO, rng)
    crit = stats.t.ppf(0.975, placebo_df(n0))
    hits = np.abs(est - TRUE) <= crit * se
    return [(cell, "sdid/auto (placebo)", float(h), np.nan) for h in hits]


def tasks(
    reps: int, chunk: int, only: str = "all"
) -> list[tuple[object, tuple[int, int, int]]]:
    out: list[tuple[object, tuple[int, int, int]]] = []
    for i in range(len(STAGGERED_CELLS) if only != "sdid" else 0):
        for start in range(0, reps, chunk):
            out.append(
                (
                    run_staggered,
                    (i, min(chunk, reps - start), 7_000_000 + 1000 * i + start),
                )
            )
    for i in range(len(SDID_CELLS) if only != "staggered" else 0):
        for start in range(0, (reps * 3) // 4, SDID_CHUNK):
            out.append(
                (
                    run_sdid,
                    (
                        i,
                        min(SDID_CHUNK, (reps * 3) // 4 - start),
                        8_000_000 + 1000 * i + start,
                    ),
                )
            )
    return out


def table(rows: list[tuple[str, str, float, float]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["cell", "estimator", "hit", "reject"])
    grouped = frame.groupby(["cell", "estimator"], sort=False)
    out = grouped.agg(
        cover=("hit", "mean"),
        shown=("hit", "count"),
        pre_size=("reject", "mean"),
        tests=("reject", "count"),
        reps=("hit", "size"),
    )
    out["mc_se"] = np.sqrt(
        out["cover"] * (1 - out["cover"]) / out["shown"].clip(lower=1)
    )
    out["declined"] = 1 - out["shown"] / out["reps"]
    return out[["cover", "mc_se", "pre_size", "declined", "reps"]]


def print_table(out: pd.DataFrame, header: bool = True) -> None:
    if not header:
        return _rows(out)
    print(
        f"{'design':24s} {'estimator':34s} {'cover':>6s} {'(MC se)':>8s} "
        f"{'pre 5%':>7s} {'declined':>8s} {'reps':>5s}"
    )
    _rows(out)


def _rows(out: pd.DataFrame) -> None:
    for (cell, est), r in out.iterrows():
        pre = "" if np.isnan(r["pre_size"]) else f"{r['pre_size']:.3f}"
        cover = "" if np.isnan(r["cover"]) else f"{r['cover']:.3f}"
        mc = "" if np.isnan(r["cover"]) else f"({r['mc_se']:.3f})"
        print(
            f"{cell:24s} {est:34s} {cover:>6s} {mc:>8s} {pre:>7s} "
            f"{r['declined']:8.2f} {int(r['reps']):5d}"
        )


def run(reps: int, workers: int, only: str = "all") -> pd.DataFrame:
    work = tasks(reps, chunk=50, only=only)
    with ProcessPoolExecutor(workers) as pool:
        futures = [pool.submit(fn, a) for fn, a in work]  # type: ignore[arg-type]
        rows = [row for f in futures for row in f.result()]
    return table(rows)


def run_progressive(reps: int, only: str = "all") -> pd.DataFrame:
    """One process; prints each design's rows as soon as it is done."""
    rows: list[tuple[str, str, float, float]] = []
    shown: set[str] = set()
    for fn, a in tasks(reps, chunk=50, only=only):
        rows += fn(a)  # type: ignore[operator]
        out = table(rows)
        cells = [c for c in out.index.get_level_values(0).unique() if c not in shown]
        for cell in cells[:-1]:  # the last one may still be running
            print_table(out.loc[[cell]], header=not shown)
            shown.add(cell)
    rest = table(rows)
    left = [c for c in rest.index.get_level_values(0).unique() if c not in shown]
    if left:
        print_table(rest.loc[left], header=not shown)
    return rest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--only", choices=("all", "staggered", "sdid"), default="all")
    args = parser.parse_args()
    start = time.perf_counter()
    if args.workers == 1:
        run_progressive(args.reps, args.only)
    else:
        print_table(run(args.reps, args.workers, args.only))
    print(f"\n{time.perf_counter() - start:.0f} s with {args.workers} workers")


if __name__ == "__main__":
    main()
