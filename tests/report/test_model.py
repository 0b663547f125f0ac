"""Report model: JSON round trip, plain types only, evidence level, summary, privacy."""

from __future__ import annotations

import json
from dataclasses import replace

import pandas as pd
import pytest

from impact.errors import OptionError, ReportError
from impact.report.evidence import evidence_level
from impact.report.model import MAX_TEXT, EvidenceReport, Outcome, Reach, ReachRow
from impact.report.privacy import suppress
from impact.report.summary import summary_sentences
from tests.report.example import example_report

MIN_CELL = 10


def test_json_round_trip_is_exact() -> None:
    report = example_report()
    text = json.dumps(report.to_dict())
    assert EvidenceReport.from_dict(json.loads(text)) == report


@pytest.mark.parametrize(
    "bad",
    [
        {"label": pd.DataFrame({"x": [1]})},
        {"estimate": float("nan")},
        {"n_treated": -1},
        {"label": "x" * (MAX_TEXT + 1)},
        {"warnings": ["a list is not a tuple"]},
    ],
)
def test_model_refuses_anything_but_plain_values(bad: dict[str, object]) -> None:
    report = example_report()
    outcome = replace(report.outcomes[0], **bad)  # type: ignore[arg-type]
    with pytest.raises(ReportError):
        replace(report, outcomes=(outcome,))


def test_from_dict_refuses_unknown_fields_such_as_rows_of_people() -> None:
    data = example_report().to_dict()
    data["participants"] = [{"pseudonym": "abc", "score": 3}]
    with pytest.raises(ReportError, match="participants"):
        EvidenceReport.from_dict(data)


def test_evidence_levels_follow_the_ladder() -> None:
    prepost = evidence_level("prepost")
    assert (prepost.strength, prepost.verified) == ("eerste", True)
    controlled = evidence_level("did")
    assert (controlled.strength, controlled.verified) == ("goede", False)
    assert not controlled.could_be_effectief
    two = evidence_level("staggered", n_studies=2)
    assert two.strength == "sterke" and two.could_be_effectief
    assert evidence_level("descriptive").strength is None
    with pytest.raises(OptionError):
        evidence_level("anecdote")  # type: ignore[arg-type]


def test_summary_states_effects_with_their_intervals_in_dutch() -> None:
    text = " ".join(summary_sentences(suppress(example_report()), "nl"))
    assert "namen 148 mensen deel" in text
    assert "gemiddeld 0,5 punt meer vooruit dan de vergelijkingsgroep" in text
    assert "(95%-BI 0,2 tot 0,8)" in text
    # loneliness: interval includes zero
    assert "(−0,3 punt, 95%-BI −0,7 tot 0,1) is niet te onderscheiden van nul" in text
    # higher is worse: a fall in problematic debts is described as such
    assert "het aandeel daalde bij deelnemers gemiddeld 9 procentpunt" in text
    assert "41% van de deelnemers ging betrouwbaar vooruit" in text
    assert "goede aanwijzingen" in text and "niet geverifieerde" in text


def test_summary_in_english_and_prepost_is_not_causal() -> None:
    report = example_report("en")
    prepost = replace(
        report.outcomes[0],
        estimator="prepost",
        n_comparison=None,
        estimate=0.7,
        ci_low=0.4,
        ci_high=1.0,
    )
    report = replace(
        report,
        outcomes=(prepost,),
        methods=replace(report.methods, design="prepost"),
        value=None,
    )
    text = " ".join(summary_sentences(report, "en"))
    assert "mean score rose by 0.7 points (95% CI 0.4 to 1.0), an improvement" in text
    assert "this is not a causal effect" in text
    assert "first indications" in text


def _small_report() -> EvidenceReport:
    report = example_report()
    small = Outcome(
        key="klein",
        label="Kleine uitkomst",
        instrument="custom",
        direction="higher_better",
        estimator="did_2x2",
        n_treated=40,
        n_comparison=7,
        estimate=0.777,
        ci_low=0.1,
        ci_high=1.4,
        p_value=0.03,
    )
    reach = Reach(148, 96, None, (*report.reach.by_area, ReachRow("Klein Dorp", 7)))
    return replace(report, outcomes=(*report.outcomes, small), reach=reach)


def test_suppression_hides_small_cells_and_what_they_would_reveal() -> None:
    shown = suppress(_small_report())
    small = shown.outcomes[-1]
    assert small.suppressed and small.estimate is None and small.n_comparison is None
    assert small.n_treated == 40
    areas = {r.area: r.n for r in shown.reach.by_area}
    assert areas["Klein Dorp"] is None and areas["Haven"] is None
    zrm = shown.outcomes[0]
    comparison = next(c for c in zrm.change if c.group == "comparison")
    # 8 deteriorated is below the threshold; 14 would reveal it from the total
    assert (comparison.improved, comparison.unchanged, comparison.deteriorated) == (
        None,
        61,
        None,
    )
    assert "outcome:klein" in shown.suppressed
    assert "0.777" not in json.dumps(shown.to_dict())
    assert replace(shown, suppressed=()).min_cell == MIN_CELL
