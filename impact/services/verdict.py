"""What a manager reads first about one planned estimate: plain sentences in
the outcome's own unit and scale, and a traffic light for how far the result
can be trusted, with its reason. The technical part (method in words, p-value,
diagnostics) is kept apart for analysts.

Texts are built in the current language (the page sets it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from impact.i18n import fmt_number, t
from impact.services.analysis import OutcomeAnalysis
from impact.services.plans import ResultSummary

Light = Literal["green", "orange", "red"]
PRETREND_ALPHA = 0.05
P_FLOOR = 0.001


@dataclass(frozen=True, slots=True)
class Verdict:
    light: Light
    title: str
    reason: str
    headline: str
    shares: str | None
    scale: str
    method: str
    p_value: str
    unit: str
    factor: float  # 100 for yes/no outcomes: shares shown in percentage points


def number(value: float, decimals: int = 1) -> str:
    return fmt_number(value, decimals)


def p_text(p: float | None) -> str:
    """``< 0,001`` rather than ``0.000``; three decimals otherwise; "–" if none."""
    if p is None:
        return "–"
    if p < P_FLOOR:
        return "< " + fmt_number(P_FLOOR, 3)
    return fmt_number(p, 3)


def method_text(code: str) -> str:
    """A method code (``cr1``, ``wild``, ``influence`` ...) in words."""
    parts = [p for p in str(code).replace("+", "/").split("/") if p]
    words = []
    for part in parts or ["none"]:
        try:
            words.append(t(f"verdict.method.{part}"))
        except KeyError:
            words.append(t("verdict.method.other", code=part))
    return "; ".join(words)


def _unit(a: OutcomeAnalysis) -> str:
    return t(
        "verdict.unit.points_pp"
        if a.instrument.kind == "binary"
        else "verdict.unit.points"
    )


def scale_text(a: OutcomeAnalysis) -> str:
    ins = a.instrument
    if ins.kind == "binary":
        return t(
            "verdict.scale.binary", direction=t(f"verdict.direction.{ins.direction}")
        )
    return t(
        "verdict.scale.numeric",
        low=number(ins.scale_min, 0 if float(ins.scale_min).is_integer() else 1),
        high=number(ins.scale_max, 0 if float(ins.scale_max).is_integer() else 1),
        direction=t(f"verdict.direction.{ins.direction}"),
    )


def headline(a: OutcomeAnalysis, s: ResultSummary) -> str:
    """The effect in the outcome's unit, with its interval, in one sentence."""
    if s.estimate is None or s.ci_low is None or s.ci_high is None:
        return t("verdict.headline.none")
    factor = 100.0 if a.instrument.kind == "binary" else 1.0
    est, low, high = (factor * v for v in (s.estimate, s.ci_low, s.ci_high))
    better = (est > 0) == (a.instrument.direction == "higher_better")
    size = number(abs(est))
    way = t("verdict.more_better" if better else "verdict.more_worse")
    return t(
        f"verdict.headline.{a.design}",
        size=size,
        unit=_unit(a),
        way=way,
        low=number(low),
        high=number(high),
        outcome=a.label,
    )


def shares(a: OutcomeAnalysis) -> str | None:
    """ "6 van de 10 vooruit tegen 4 van de 10 in de vergelijkingsgroep"."""
    frame = a.change
    if frame is None or frame.empty or a.instrument.kind == "binary":
        return None
    counts = {}
    for group, up, same, down in frame[
        ["group", "improved", "unchanged", "deteriorated"]
    ].itertuples(index=False):
        total = int(up) + int(same) + int(down)
        if total:
            counts[str(group)] = (int(up), total)
    if "treated" not in counts:
        return None
    i, n = counts["treated"]
    text = t("verdict.shares.treated", k=round(10 * i / n), i=i, n=n)
    if "comparison" in counts and a.design != "prepost":
        j, m = counts["comparison"]
        text += " " + t("verdict.shares.comparison", k=round(10 * j / m), i=j, n=m)
    return text


def light(a: OutcomeAnalysis, s: ResultSummary) -> tuple[Light, str]:
    """The traffic light and the i18n key of its reason."""
    if s.refused or s.estimate is None or s.ci_low is None or s.ci_high is None:
        return "red", "verdict.reason.no_interval"
    if s.pretrend_p is not None and s.pretrend_p < PRETREND_ALPHA:
        return "red", "verdict.reason.pretrend"
    if a.design == "prepost":
        return "orange", "verdict.reason.prepost"
    if s.ci_low <= 0 <= s.ci_high:
        return "orange", "verdict.reason.unclear"
    return "green", "verdict.reason.controlled"


def verdict(a: OutcomeAnalysis, s: ResultSummary) -> Verdict:
    colour, reason = light(a, s)
    return Verdict(
        light=colour,
        title=t(f"verdict.light.{colour}"),
        reason=t(reason) + (f" {s.evidence}" if s.evidence else ""),
        headline=headline(a, s),
        shares=shares(a),
        scale=scale_text(a),
        method=method_text(s.inference),
        p_value=p_text(s.p_value),
        unit=_unit(a),
        factor=100.0 if a.instrument.kind == "binary" else 1.0,
    )
