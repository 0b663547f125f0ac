"""The printed summary of a :class:`~impact.estimate.meta.MetaResult`.

Kept apart from the numbers: the result holds codes and figures only, and this
renderer turns them into a Dutch or English text table on request.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from impact.codes import Coded

if TYPE_CHECKING:
    from impact.estimate.meta import MetaResult


def render_meta(result: MetaResult, lang: str) -> str:
    title = _say("meta.summary.title", lang, k=result.k)
    lines = [
        (_say("meta.summary.method", lang), f"{result.method}, {result.ci.upper()}"),
        (_say("meta.summary.estimate", lang), f"{result.estimate:.4f}"),
        (_say("meta.summary.std_error", lang), f"{result.std_error:.4f}"),
        (
            _say("meta.summary.interval", lang),
            f"[{result.ci_low:.4f}, {result.ci_high:.4f}]",
        ),
        (
            _say("meta.summary.prediction", lang),
            f"[{result.pi_low:.4f}, {result.pi_high:.4f}]",
        ),
        ("tau^2", f"{result.tau2:.4f}"),
        ("I^2", f"{result.i2:.2f}%"),
        (f"Q(df = {result.q_df})", f"{result.q:.4f} (p = {result.q_p:.4g})"),
    ]
    width = max(len(k) for k, _ in lines)
    out = [title, "=" * len(title)]
    out += [f"{k.ljust(width)}  {v}" for k, v in lines]
    if result.warnings:
        out.append("")
        out += [f"- {_say('estimate.' + code, lang)}" for code in result.warnings]
    return "\n".join(out)


def _say(key: str, lang: str, **params: object) -> str:
    return Coded(key, params).render(lang)
