"""The summary in plain words, generated from the report's numbers."""

from __future__ import annotations

from impact.i18n import fmt_date, fmt_money, fmt_percent, t
from impact.report.evidence import evidence_level
from impact.report.formatting import (
    fmt_count,
    fmt_effect,
    fmt_interval,
    includes_zero,
    unit_word,
)
from impact.report.model import CONTROLLED_DESIGNS, EvidenceReport, Outcome


def summary_sentences(report: EvidenceReport, lang: str | None = None) -> list[str]:
    """Sentences for the summary: reach, effects, reliable change, value, design.

    Give the *suppressed* report (:func:`impact.report.privacy.suppress`) for
    anything that is shown to funders.
    """
    lang = lang or report.language
    out = [_reach(report, lang)]
    out += [_effect(o, report, lang) for o in report.outcomes]
    if any(
        o.estimator == "prepost" and o.estimate is not None for o in report.outcomes
    ):
        out.append(t("report.summary.prepost_not_causal", lang=lang))
    out += [s for o in report.outcomes if (s := _reliable(o, lang))]
    if report.value is not None:
        out.append(_value(report, lang))
    out += _design(report, lang)
    return out


def _reach(report: EvidenceReport, lang: str) -> str:
    reach = report.reach
    if reach.unit == "areas":
        return t(
            "report.summary.reach_areas",
            lang=lang,
            start=fmt_date(report.period_start, lang=lang),
            end=fmt_date(report.period_end, lang=lang),
            n=reach.n_participants or 0,
            m=reach.n_comparison or 0,
            programmes=_join(report.programmes, lang),
        )
    text = t(
        "report.summary.reach",
        lang=lang,
        start=fmt_date(report.period_start, lang=lang),
        end=fmt_date(report.period_end, lang=lang),
        n=_people(reach.n_participants, report.min_cell, lang),
        programmes=_join(report.programmes, lang),
    )
    if reach.n_comparison is not None or report.methods.design in CONTROLLED_DESIGNS:
        n = _people(reach.n_comparison, report.min_cell, lang)
        text += " " + t("report.summary.reach_comparison", lang=lang, n=n)
    return text


def _people(n: int | None, min_cell: int, lang: str) -> str:
    if n is None:
        return t("report.fewer_than", lang=lang, n=min_cell)
    return fmt_count(n, min_cell, lang)


def _join(items: tuple[str, ...], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + t("report.and", lang=lang) + items[-1]


def _effect(o: Outcome, report: EvidenceReport, lang: str) -> str:
    if o.suppressed:
        return t(
            "report.summary.suppressed", lang=lang, label=o.label, n=report.min_cell
        )
    if o.refused or o.estimate is None or o.ci_low is None or o.ci_high is None:
        reason = o.refused or t("report.summary.no_estimate_reason", lang=lang)
        return t("report.summary.refused", lang=lang, label=o.label, reason=reason)
    params = {
        "label": o.label,
        "size": fmt_effect(o.estimate, o, lang, signed=False),
        "estimate": fmt_effect(o.estimate, o, lang),
        "unit": unit_word(o, lang),
        "interval": fmt_interval(o.ci_low, o.ci_high, o, lang),
        "what": t(f"report.word.what_{o.scale}", lang=lang),
    }
    prepost = o.estimator == "prepost"
    if includes_zero(o.ci_low, o.ci_high):
        key = "prepost_zero" if prepost else "did_zero"
        return t(f"report.summary.{key}", lang=lang, **params)
    better = (o.estimate > 0) == (o.direction == "higher_better")
    if prepost:
        verb = "rose" if o.estimate > 0 else "fell"
        judgement = "improvement" if better else "deterioration"
        return t(
            "report.summary.prepost_change",
            lang=lang,
            verb=t(f"report.word.{verb}", lang=lang),
            judgement=t(f"report.word.{judgement}", lang=lang),
            **params,
        )
    if o.direction == "higher_better":
        key = "did_better" if o.estimate > 0 else "did_worse"
    else:
        key = "did_fell" if o.estimate < 0 else "did_rose"
    return t(f"report.summary.{key}", lang=lang, **params)


def _reliable(o: Outcome, lang: str) -> str | None:
    treated = next((c for c in o.change if c.group == "treated"), None)
    if treated is None or None in (treated.improved, treated.unchanged):
        return None
    total = sum(
        v or 0 for v in (treated.improved, treated.unchanged, treated.deteriorated)
    )
    if total == 0 or treated.improved is None:
        return None
    text = t(
        "report.summary.reliable",
        lang=lang,
        label=o.label,
        share=fmt_percent(treated.improved / total, lang=lang),
    )
    if treated.deteriorated is not None:
        text += " " + t(
            "report.summary.reliable_worse",
            lang=lang,
            share=fmt_percent(treated.deteriorated / total, lang=lang),
        )
    return text


def _value(report: EvidenceReport, lang: str) -> str:
    v = report.value
    assert v is not None  # noqa: S101 - checked by the caller
    text = t(
        "report.summary.value",
        lang=lang,
        ratio=fmt_money(v.ratio, lang=lang, decimals=2),
        low=fmt_money(v.ratio_ci_low, lang=lang, decimals=2),
        high=fmt_money(v.ratio_ci_high, lang=lang, decimals=2),
        net=fmt_money(v.net_value, lang=lang),
    )
    if v.ratio_ci_low <= 1 <= v.ratio_ci_high:
        text += " " + t("report.summary.value_uncertain", lang=lang)
    if any(p.is_default for p in v.parameters):
        text += " " + t("report.summary.value_defaults", lang=lang)
    return text


def _design(report: EvidenceReport, lang: str) -> list[str]:
    m = report.methods
    design = "controlled" if m.design in CONTROLLED_DESIGNS else m.design
    out = [t(f"report.summary.design_{design}", lang=lang)]
    level = evidence_level(m.design, m.n_studies, long_follow_up=m.long_follow_up)
    if level.strength is not None:
        caveat = (
            "" if level.verified else t("report.evidence.unverified_note", lang=lang)
        )
        out.append(
            t(
                "report.summary.evidence",
                lang=lang,
                level=t(f"report.evidence.level_{level.strength}", lang=lang),
                caveat=caveat,
            )
        )
    return out
