"""Property-based: random cells and layouts never crash and never half-import."""

from __future__ import annotations

from datetime import datetime

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from impact.domain.bsn import looks_like_bsn
from impact.ingest import Problem, parse_upload
from impact.ingest.bsnscan import bsn_uniques
from tests.ingest.helpers import LONG_HEADER, context, csv_bytes, xlsx_xlsxwriter

EXAMPLES = 40

cells = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.sampled_from(
        [
            "zrm",
            "pg",
            "financien",
            "voormeting",
            "nameting",
            "deelnemer",
            "wachtlijst",
            "K1",
            "K2",
            "3,5",
            "31-02-2024",
            "01-01-2024",
            "ja",
            "=1+1",
            "WK036307",
            "123456782",
            "Buurtteam Noord",
            "",
            " ",
        ]
    ),
    st.integers(min_value=-10, max_value=10**10),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1)),
    st.booleans(),
)
headers = st.lists(
    st.sampled_from(
        [
            *LONG_HEADER,
            "naam",
            "postcode",
            "financien_voormeting",
            "Financiën (zrm)",
            "datum nameting",
            "gebiedscode",
            "periode",
            "indicator",
            "waarde",
            "eerste periode interventie",
            "onbekend",
        ]
    ),
    min_size=1,
    max_size=10,
)


def _check(result) -> None:  # type: ignore[no-untyped-def]
    assert all(isinstance(p, Problem) for p in result.problems)
    has_error = any(p.severity == "error" for p in result.problems)
    assert result.ok is (not has_error)
    if has_error:
        assert result.measurements.empty and result.area_observations.empty
        return
    frame = result.measurements
    if len(frame):
        ctx = context()
        for code, part in frame.groupby("instrument"):
            inst = ctx.instruments[str(code)]
            assert part["value"].between(inst.scale_min, inst.scale_max).all()
        assert frame["group"].isin(["treated", "comparison"]).all()
        assert (frame["wave"] >= 0).all()
        assert frame["client_ref"].str.len().gt(0).all()


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(header=headers, rows=st.lists(st.lists(cells, max_size=10), max_size=8))
def test_random_xlsx_never_crashes(header: list[str], rows: list[list[object]]) -> None:
    _check(parse_upload(xlsx_xlsxwriter(rows, header), "random.xlsx", context()))


@settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    header=headers,
    rows=st.lists(st.lists(cells, max_size=10), max_size=8),
    sep=st.sampled_from([";", ",", "\t"]),
)
def test_random_csv_never_crashes(
    header: list[str], rows: list[list[object]], sep: str
) -> None:
    data = csv_bytes(rows, header, sep=sep)
    _check(parse_upload(data, "random.csv", context()))


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["K1", "K2", "K3"]),
            st.sampled_from(["deelnemer", "vergelijkingsgroep"]),
            st.sampled_from(["voormeting", "nameting"]),
            st.integers(min_value=0, max_value=6),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_valid_looking_rows_are_all_or_nothing(
    rows: list[tuple[str, str, str, int]],
) -> None:
    full = [
        [
            c,
            "Buurtteam Noord",
            g,
            "WK036307",
            "zrm",
            "financien",
            datetime(2024, 2, 1),
            w,
            v,
        ]
        for c, g, w, v in rows
    ]
    result = parse_upload(xlsx_xlsxwriter(full), "x.xlsx", context())
    _check(result)
    if result.ok:
        assert len(result.measurements) == len(full)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.integers(min_value=0, max_value=2 * 10**9).map(float),
            st.integers(min_value=10**7, max_value=10**9 - 1),
            st.from_regex(
                r"[A-Z ]{0,3}\d{3}[ .\-]?\d{2}[ .\-]?\d{4}[a-z ]{0,3}", fullmatch=True
            ),
            st.text(alphabet="0123456789 .-KXab", max_size=14),
            st.floats(allow_nan=True),
            st.booleans(),
        ),
        max_size=30,
    )
)
def test_vectorised_bsn_scan_matches_the_rule(values: list[object]) -> None:
    uniques = np.empty(len(values), dtype=object)
    uniques[:] = values
    expected = [looks_like_bsn(v) for v in values]
    assert bsn_uniques(uniques).tolist() == expected
