"""The EvidenceReport: one model of an evidence report, plain numbers only.

Everything a report shows is an aggregate: counts of people (``n``), means,
estimates and their intervals. No field can hold a frame, a list of records or
an identifier of a person; validation refuses anything but the declared types.
A count of ``None`` means *suppressed* (fewer than ``min_cell`` people, see
:mod:`impact.report.privacy`). ``to_dict``/``from_dict`` round-trip through JSON.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from impact.errors import ReportError, check_option

Design = Literal[
    "descriptive", "prepost", "did", "event_study", "staggered", "sdid", "rct"
]
DESIGNS: tuple[Design, ...] = typing.get_args(Design)
CONTROLLED_DESIGNS: frozenset[str] = frozenset(
    {"did", "event_study", "staggered", "sdid", "rct"}
)
Direction = Literal["higher_better", "higher_worse"]
Scale = Literal["score", "proportion"]
SCHEMA = "wijkimpact.evidence_report/1"
#: longest text a field may hold (labels, reasons, notes): no room for data dumps
MAX_TEXT = 2_000
#: most rows a table of the report may hold
MAX_ROWS = 1_000


@dataclass(frozen=True, slots=True)
class GroupMeans:
    """Mean before and after for one group (``treated``/``comparison``)."""

    group: str
    n: int | None
    mean_before: float | None
    mean_after: float | None
    ci_low_before: float | None = None
    ci_high_before: float | None = None
    ci_low_after: float | None = None
    ci_high_after: float | None = None


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """Mean of one group at one wave or period (``period`` is its label)."""

    group: str
    period: str
    n: int | None
    mean: float | None
    ci_low: float | None = None
    ci_high: float | None = None


@dataclass(frozen=True, slots=True)
class EventPoint:
    """One event-study coefficient (period relative to the start)."""

    rel_period: int
    estimate: float | None
    ci_low: float | None
    ci_high: float | None


@dataclass(frozen=True, slots=True)
class ChangeCounts:
    """Reliable Change Index categories of one group, as counts of people."""

    group: str
    improved: int | None
    unchanged: int | None
    deteriorated: int | None


@dataclass(frozen=True, slots=True)
class MixWeight:
    """One comparison wijk of a synthetic DiD and its weight (0-1)."""

    area: str
    weight: float


@dataclass(frozen=True, slots=True)
class TwinPoint:
    period: int
    treated: float
    synthetic: float


@dataclass(frozen=True, slots=True)
class Outcome:
    """One outcome: its estimate with uncertainty, group means and chart data.

    ``estimate`` is the effect (DiD: difference in change, treated minus
    comparison; pre/post: mean change) on the raw scale (``proportion``: 0-1).
    ``refused`` holds the reason when no trustworthy estimate could be made.
    """

    key: str
    label: str
    instrument: str
    direction: Direction
    estimator: str
    n_treated: int | None
    n_comparison: int | None = None
    estimate: float | None = None
    std_error: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p_value: float | None = None
    p_holm: float | None = None
    effect_size: float | None = None
    n_clusters: int | None = None
    inference: str = ""
    inference_reason: str = ""
    pretrend_p: float | None = None
    scale: Scale = "score"
    decimals: int = 1
    groups: tuple[GroupMeans, ...] = ()
    trend: tuple[TrendPoint, ...] = ()
    event_study: tuple[EventPoint, ...] = ()
    reference_period: int = -1
    change: tuple[ChangeCounts, ...] = ()
    warnings: tuple[str, ...] = ()
    refused: str | None = None
    suppressed: bool = False
    #: what n counts: people, or areas (wijken/buurten: aggregates of many people)
    unit: Literal["people", "areas"] = "people"
    #: synthetic DiD: the comparison mix, largest weight first
    comparison_mix: tuple[MixWeight, ...] = ()
    #: synthetic DiD: the treated wijk and its synthetic twin per period
    synthetic: tuple[TwinPoint, ...] = ()
    start_period: int | None = None


@dataclass(frozen=True, slots=True)
class ReachRow:
    area: str
    n: int | None


@dataclass(frozen=True, slots=True)
class Reach:
    """Who the report is about. ``unit`` ``people``: participants and comparison
    people; ``areas`` (an area programme): wijken with and without the
    intervention, and ``n_measurements`` counts area observations."""

    n_participants: int | None
    n_comparison: int | None = None
    n_measurements: int | None = None
    by_area: tuple[ReachRow, ...] = ()
    unit: Literal["people", "areas"] = "people"


@dataclass(frozen=True, slots=True)
class ParameterRow:
    """A value parameter as shown (label/unit/derivation/note: i18n key or text)."""

    key: str
    label: str
    unit: str
    amount: float | None
    price_year: int | None
    beneficiary: str
    source: str
    kind: str = "unit_value"
    is_default: bool = True
    is_assumption: bool = False
    derivation: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class SensitivityRow:
    """``variation``: fraction (``-0.5``) for parameters/duration; ``bound``:
    ``ci_low``/``ci_high`` for the effect."""

    factor: str
    key: str
    variation: float | None
    bound: str | None
    value: float
    benefit: float
    net_value: float
    ratio: float


@dataclass(frozen=True, slots=True)
class BeneficiaryRow:
    beneficiary: str
    benefit: float
    share: float


@dataclass(frozen=True, slots=True)
class ValueSection:
    """Social value of one outcome's effect (see :func:`impact.value.social_value`)."""

    outcome_key: str
    effect: float
    std_error: float
    n_participants: int | None
    programme_cost: float
    duration_years: float
    discount_rate: float
    benefit: float
    benefit_ci_low: float
    benefit_ci_high: float
    net_value: float
    net_value_ci_low: float
    net_value_ci_high: float
    ratio: float
    ratio_ci_low: float
    ratio_ci_high: float
    ci_level: float = 0.95
    per_beneficiary: tuple[BeneficiaryRow, ...] = ()
    parameters: tuple[ParameterRow, ...] = ()
    benchmarks: tuple[ParameterRow, ...] = ()
    sensitivity: tuple[SensitivityRow, ...] = ()
    n_draws: int = 0
    seed: int = 0
    price_year: int | None = None
    indexed: bool = False


@dataclass(frozen=True, slots=True)
class AssumptionCheck:
    """A check of an assumption (``name``: i18n key or text)."""

    name: str
    p_value: float | None = None
    statistic: float | None = None
    passed: bool | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class AttritionRow:
    group: str
    n_start: int | None
    n_end: int | None


@dataclass(frozen=True, slots=True)
class BalanceRow:
    """Baseline means per group and the standardised difference."""

    variable: str
    n_treated: int | None
    n_comparison: int | None
    mean_treated: float | None
    mean_comparison: float | None
    std_diff: float | None


@dataclass(frozen=True, slots=True)
class Methods:
    design: Design
    estimator: str
    inference: str = ""
    inference_reason: str = ""
    n_studies: int = 1
    long_follow_up: bool = False
    checks: tuple[AssumptionCheck, ...] = ()
    attrition: tuple[AttritionRow, ...] = ()
    balance: tuple[BalanceRow, ...] = ()
    limitations: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        check_option("design", self.design, DESIGNS)


@dataclass(frozen=True, slots=True)
class Reproducibility:
    data_fingerprint: str
    software_version: str
    import_batches: tuple[str, ...] = ()
    plan_hash: str | None = None
    plan_locked: bool = False
    plan_locked_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Request:
    """What was asked for, so ``impact report --verify`` can ask again."""

    org_slug: str
    programmes: tuple[str, ...] = ()  # empty: the whole organisation
    audience: Literal["organisation", "funder"] = "organisation"


@dataclass(frozen=True, slots=True)
class EvidenceReport:
    """An evidence report for one or more programmes over one period."""

    title: str
    organisation: str
    programmes: tuple[str, ...]
    period_start: date
    period_end: date
    language: Literal["nl", "en"]
    created_at: datetime
    reach: Reach
    methods: Methods
    reproducibility: Reproducibility
    outcomes: tuple[Outcome, ...] = ()
    value: ValueSection | None = None
    funder: str | None = None
    min_cell: int = 10
    suppressed: tuple[str, ...] = field(default=())
    request: Request | None = None

    def __post_init__(self) -> None:
        check_option("language", self.language, ("nl", "en"))
        if self.min_cell < 1:
            raise ReportError(_invalid("min_cell", self.min_cell))
        _validate(self, "report")

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (dates as ISO text), with the schema name."""
        return {"schema": SCHEMA, **_encode(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EvidenceReport:
        """Rebuild from :meth:`to_dict`; unknown keys are refused."""
        body = dict(data)
        schema = body.pop("schema", SCHEMA)
        if schema != SCHEMA:
            raise ReportError(_invalid("schema", schema))
        return typing.cast(EvidenceReport, _decode(cls, body, "report"))


def _encode(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, tuple):
        return [_encode(v) for v in obj]
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    return obj


def _decode(tp: Any, value: Any, where: str) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(inner[0], value, where)
    if origin is tuple:
        return tuple(_decode(typing.get_args(tp)[0], v, where) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        unknown = set(value) - names
        if unknown:
            raise ReportError(_invalid(where, sorted(unknown)))
        return tp(**{k: _decode(hints[k], v, f"{where}.{k}") for k, v in value.items()})
    if tp is datetime:
        return datetime.fromisoformat(value)
    if tp is date:
        return date.fromisoformat(value)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _validate(obj: Any, where: str) -> None:
    """Refuse anything but declared plain types (no frames, lists, dicts, blobs)."""
    hints = typing.get_type_hints(type(obj))
    for f in dataclasses.fields(obj):
        _check_value(hints[f.name], getattr(obj, f.name), f"{where}.{f.name}")


def _check_value(tp: Any, value: Any, where: str) -> None:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in typing.get_args(tp):
            return
        inner = [a for a in typing.get_args(tp) if a is not type(None)]
        _check_value(inner[0], value, where)
        return
    if origin is tuple:
        if not isinstance(value, tuple) or len(value) > MAX_ROWS:
            raise ReportError(_invalid(where, type(value).__name__))
        for i, item in enumerate(value):
            _check_value(typing.get_args(tp)[0], item, f"{where}[{i}]")
        return
    if origin is Literal:
        check_option(where, value, typing.get_args(tp))
        return
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        if not isinstance(value, tp):
            raise ReportError(_invalid(where, type(value).__name__))
        _validate(value, where)
        return
    _check_leaf(tp, value, where)


def _check_leaf(tp: Any, value: Any, where: str) -> None:
    if tp is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        ok = ok and math.isfinite(value)
    elif tp is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        ok = ok and (value >= 0 or where.endswith("rel_period") or "period" in where)
    elif tp is str:
        ok = isinstance(value, str) and len(value) <= MAX_TEXT
    else:
        ok = isinstance(value, tp)
    if not ok:
        raise ReportError(_invalid(where, value))


def _invalid(where: str, value: object) -> str:
    from impact.i18n import t

    return t("report.invalid_field", field=where, value=f"{value!r:.80}")
