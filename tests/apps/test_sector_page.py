"""The sector page: pooled evidence of the demo sector, organisations named only
when they agreed, and nothing of any organisation's clients."""

from __future__ import annotations

from pathlib import Path

from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from impact.sample import sector as sample_sector
from tests.apps.conftest import demo_email, login


def test_sector_user_sees_pools_forest_and_names_by_consent(app_db: str) -> None:
    at = login(demo_email("sector"))
    assert not at.exception
    assert {Path(p["script_path"]).name for p in at._registered_pages.values()} == {
        "sector.py"
    }
    at.switch_page("views/sector.py").run()
    assert not at.exception
    titles = at.selectbox(key="sector_pool").options
    debt = [t for t in titles if t.startswith("schuldhulp")]
    assert {"met vergelijkingsgroep" in t for t in debt} == {True, False}
    frames = [
        convert_arrow_bytes_to_pandas_df(d.data.data)
        for chart in at.get("vega_lite_chart")
        for d in chart.proto.datasets
    ]
    labels = {str(x) for f in frames if "label" in f.columns for x in f["label"]}
    named = {n for _s, n, ok, _i in sample_sector.ORGANISATIONS if ok}
    unnamed = {n for _s, n, ok, _i in sample_sector.ORGANISATIONS if not ok}
    assert labels & named, labels
    assert not labels & unnamed
    assert any(label.startswith("Organisatie ") for label in labels)
    columns = {c for f in frames for c in f.columns}
    assert columns <= {"label", "estimate", "ci_low", "ci_high", "weight", "kind", "x"}


def test_other_roles_cannot_open_the_sector_page(app_db: str) -> None:
    import pytest

    at = login(demo_email("admin"))
    with pytest.raises(ValueError, match="registered"):
        at.switch_page("views/sector.py")
