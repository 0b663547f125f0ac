"""A realistic, clearly fictional example report (demo, docs and tests)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from impact import __version__
from impact.report.convert import value_section
from impact.report.model import (
    AssumptionCheck,
    AttritionRow,
    BalanceRow,
    ChangeCounts,
    EventPoint,
    EvidenceReport,
    GroupMeans,
    Methods,
    Outcome,
    Reach,
    ReachRow,
    Reproducibility,
    TrendPoint,
)
from impact.value import default_parameter, social_value, with_amount

FINGERPRINT = "3f6c1b0e9a5d47c2b8e1f0a9d6c3b2a1908f7e6d5c4b3a291807f6e5d4c3b2a1"


def _zrm() -> Outcome:
    waves = ("Intake", "3 mnd", "6 mnd", "12 mnd")
    treated = (2.41, 2.78, 3.02, 3.12)
    comparison = (2.47, 2.55, 2.61, 2.66)
    trend = tuple(
        TrendPoint(g, w, n, m, m - 0.12, m + 0.12)
        for g, means, ns in (
            ("treated", treated, (148, 139, 131, 124)),
            ("comparison", comparison, (96, 90, 88, 83)),
        )
        for w, m, n in zip(waves, means, ns, strict=True)
    )
    return Outcome(
        key="zrm.financien",
        label="ZRM Financiën",
        instrument="zrm",
        direction="higher_better",
        estimator="did_2x2",
        n_treated=124,
        n_comparison=83,
        estimate=0.52,
        std_error=0.15,
        ci_low=0.23,
        ci_high=0.81,
        p_value=0.0006,
        p_holm=0.0018,
        effect_size=0.48,
        n_clusters=207,
        inference="CR1 (cluster: deelnemer)",
        inference_reason="Ruim 200 clusters: geclusterde standaardfouten volstaan.",
        pretrend_p=0.41,
        decimals=1,
        groups=(
            GroupMeans("treated", 124, 2.41, 3.12, 2.30, 2.52, 3.00, 3.24),
            GroupMeans("comparison", 83, 2.47, 2.66, 2.34, 2.60, 2.52, 2.80),
        ),
        trend=trend,
        event_study=(
            EventPoint(-3, 0.04, -0.18, 0.26),
            EventPoint(-2, -0.03, -0.22, 0.16),
            EventPoint(0, 0.29, 0.08, 0.50),
            EventPoint(1, 0.47, 0.24, 0.70),
            EventPoint(2, 0.52, 0.23, 0.81),
        ),
        change=(
            ChangeCounts("treated", 51, 61, 12),
            ChangeCounts("comparison", 14, 61, 8),
        ),
    )


def _loneliness() -> Outcome:
    return Outcome(
        key="djg6.eenzaamheid",
        label="Eenzaamheid (De Jong Gierveld, 0–6)",
        instrument="djg6",
        direction="higher_worse",
        estimator="did_2x2",
        n_treated=118,
        n_comparison=79,
        estimate=-0.31,
        std_error=0.21,
        ci_low=-0.72,
        ci_high=0.10,
        p_value=0.14,
        p_holm=0.28,
        effect_size=-0.19,
        n_clusters=197,
        inference="CR1 (cluster: deelnemer)",
        pretrend_p=0.63,
        groups=(
            GroupMeans("treated", 118, 3.9, 3.3),
            GroupMeans("comparison", 79, 3.8, 3.5),
        ),
    )


def _debt() -> Outcome:
    return Outcome(
        key="schulden.problematisch",
        label="Problematische schulden (ja/nee)",
        instrument="custom",
        direction="higher_worse",
        estimator="did_2x2",
        n_treated=124,
        n_comparison=83,
        estimate=-0.09,
        std_error=0.035,
        ci_low=-0.159,
        ci_high=-0.021,
        p_value=0.011,
        p_holm=0.022,
        effect_size=None,
        n_clusters=207,
        inference="CR1 (cluster: deelnemer)",
        scale="proportion",
        decimals=0,
        groups=(
            GroupMeans("treated", 124, 0.62, 0.41),
            GroupMeans("comparison", 83, 0.58, 0.46),
        ),
    )


def example_report(lang: str = "nl") -> EvidenceReport:
    """Fictional organisation and data, realistic in size and shape."""
    debt = with_amount(
        default_parameter("debt_case_avoided"),
        5_200.0,
        price_year=2024,
        source="Voorbeeldbedrag (fictief): 4 maanden bijstand",
    )
    result = social_value(
        0.09,
        124,
        [debt, default_parameter("return_debt_counselling")],
        120_000.0,
        std_error=0.035,
        duration_years=2,
        discount_rate=0.0225,
        price_year=2024,
    )
    return EvidenceReport(
        title="Effectrapport Vroeg Erop 2023–2024"
        if lang == "nl"
        else "Evidence report Vroeg Erop 2023–2024",
        organisation="Stichting Buurtkracht Voorbeeldstad (fictief)",
        programmes=("Vroeg Erop – schuldhulp aan huis",),
        period_start=date(2023, 1, 1),
        period_end=date(2024, 12, 31),
        language="en" if lang == "en" else "nl",
        created_at=datetime(2025, 2, 3, 10, 30, tzinfo=UTC),
        funder="Gemeente Voorbeeldstad",
        reach=Reach(
            148,
            96,
            1_187,
            tuple(
                ReachRow(a, n)
                for a, n in (
                    ("Noord", 41),
                    ("Oost", 37),
                    ("Centrum", 29),
                    ("West", 24),
                    ("Zuid", 11),
                    ("Haven", 6),
                )
            ),
        ),
        outcomes=(_zrm(), _loneliness(), _debt()),
        value=value_section(result, "schulden.problematisch"),
        methods=Methods(
            design="did",
            estimator="did_2x2",
            inference="CR1, geclusterd op deelnemer",
            inference_reason="207 clusters; bij minder dan 40 clusters was de wild "
            "cluster bootstrap gebruikt.",
            checks=(
                AssumptionCheck("report.check.parallel_trends", 0.41, 0.91, True),
                AssumptionCheck(
                    "report.check.attrition",
                    0.38,
                    None,
                    True,
                    "Uitval 16% bij deelnemers, 14% in de vergelijkingsgroep.",
                ),
            ),
            attrition=(
                AttritionRow("treated", 148, 124),
                AttritionRow("comparison", 96, 83),
            ),
            balance=(
                BalanceRow("ZRM Financiën (intake)", 148, 96, 2.41, 2.47, -0.06),
                BalanceRow("Leeftijd", 148, 96, 41.2, 43.0, -0.14),
            ),
            limitations=(
                "De vergelijkingsgroep bestaat uit mensen op de wachtlijst; zij "
                "kunnen verschillen in motivatie.",
                "ZRM-scores zijn door hulpverleners gegeven, niet geblindeerd.",
            ),
        ),
        reproducibility=Reproducibility(
            data_fingerprint=FINGERPRINT,
            software_version=__version__,
            import_batches=("b-2024-03-11-01", "b-2024-09-02-02", "b-2025-01-20-01"),
            plan_hash="9b2e61c4d0a7f3e8",
            plan_locked=True,
            plan_locked_at=datetime(2023, 1, 15, 9, 0, tzinfo=UTC),
        ),
    )
