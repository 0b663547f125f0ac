"""Only the release hands aggregates to a funder (introspection, like the
isolation test).

1. The pages a funder can open and the ``impact funder`` command import
   figures from :mod:`impact.services.release` only; any other service they
   import is on a short list, each entry with the reason it hands out no
   aggregate of its own (it delegates to the release for funders, or it
   returns no figures).
2. No service outside the release reads the store's aggregates in a funder's
   scope: ``as_funder=True`` appears nowhere else, and a computed ``as_funder``
   only where the result is a data version or programme names.
3. The staff's cells and effect table refuse the funder role.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from impact.errors import PermissionDenied
from impact.services import dashboard
from impact.services.permissions import PERMISSIONS

ROOT = Path(__file__).resolve().parents[2]
#: pages routed to a role with ``view_funded`` (see apps/streamlit_app.py)
FUNDER_FACES = (
    "apps/views/funder.py",
    "apps/views/programmes.py",
    "apps/views/reports.py",
    "apps/dashboard_body.py",
    "impact/cli/funder.py",
)
#: service names a funder face may import besides the release, and why
ALLOWED = {
    "impact.services.dashboard.data_version": "a version number (cache key)",
    "impact.services.dashboard.DashboardView": "a type",
    "impact.services.dashboard.DashboardCells": "a type (staff pages)",
    "impact.services.dashboard.Filters": "a type",
    "impact.services.dashboard.build_view": "staff only: refuses without cells, "
    "which load_cells refuses to funders",
    "impact.services.dashboard.filter_options": "staff cells only",
    "impact.services.dashboard.min_cell_for": "the threshold (a setting)",
    "impact.services.dashboard.period_label": "a label",
    "impact.services.admin.programme_overview": "funders: release.funder_programmes",
    "impact.services.report_downloads.download_report": "funders: "
    "release.funder_report.funder_report",
    "impact.services.report_downloads.reportable_programmes": "programme names",
    "impact.services.programmes_admin.DESIGNS": "a constant",
    "impact.services.programmes_admin.ProgrammeForm": "a type",
    "impact.services.programmes_admin.programme_forms": "manage_programmes only",
    "impact.services.programmes_admin.save_programme": "manage_programmes only",
    "impact.services.permissions.allowed": "the permission table",
    "impact.services.targets.reach_targets": "staff only (view_dashboard); the "
    "funder page passes no staff user to show_view",
}
#: service functions that may compute ``as_funder`` (no aggregates returned)
COMPUTED_SCOPE = {
    "impact/services/dashboard.py:data_version",
    "impact/services/report_downloads.py:reportable_programmes",
    "impact/services/report_downloads.py:download_report",
    "impact/services/effects.py:_targets",
    "impact/services/effects.py:effect_rows",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("impact.services"):
                out |= {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("impact.services")}
    return out


@pytest.mark.parametrize("face", FUNDER_FACES)
def test_funder_faces_take_figures_from_the_release_only(face: str) -> None:
    names = _imports(ROOT / face)
    other = {
        n
        for n in names
        if not n.startswith("impact.services.release") and n not in ALLOWED
    }
    assert not other, f"{face} imports {sorted(other)} outside the release"


def test_funder_pages_are_the_ones_the_router_gives_funders() -> None:
    """The list above is complete: every page a funder is routed to is on it."""
    router = (ROOT / "apps/streamlit_app.py").read_text()
    funder_actions = {a for a, roles in PERMISSIONS.items() if "funder" in roles}
    tree = ast.parse(router)
    for node in ast.walk(tree):
        if isinstance(node, ast.Tuple) and len(node.elts) == 4:
            page, _title, _icon, actions = (getattr(e, "value", e) for e in node.elts)
            needs = {getattr(a, "value", None) for a in getattr(actions, "elts", [])}
            if isinstance(page, str) and needs & funder_actions:
                assert f"apps/views/{page}" in FUNDER_FACES, page


def _scope_calls(path: Path) -> list[tuple[str, ast.keyword]]:
    tree = ast.parse(path.read_text())
    out = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef):
            continue
        for node in ast.walk(func):
            if isinstance(node, ast.Call):
                out += [(func.name, k) for k in node.keywords if k.arg == "as_funder"]
    return out


def test_no_service_outside_the_release_reads_a_funders_aggregates() -> None:
    services = ROOT / "impact/services"
    for path in sorted(services.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel.startswith("impact/services/release/"):
            continue
        for func, keyword in _scope_calls(path):
            value = keyword.value
            if isinstance(value, ast.Constant):
                assert value.value is False, f"{rel}:{func} reads as a funder"
            else:
                assert f"{rel}:{func}" in COMPUTED_SCOPE, f"{rel}:{func}"


def test_staff_cells_and_effects_refuse_a_funder() -> None:
    with pytest.raises(PermissionDenied):
        dashboard.load_cells(engine=None, org_slug="x", role="funder")  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        dashboard.effect_summary(engine=None, org_slug="x", role="funder")  # type: ignore[arg-type]


def test_the_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    page = tmp_path / "page.py"
    page.write_text("from impact.services.dashboard import load_cells\n")
    assert _imports(page) == {"impact.services.dashboard.load_cells"}
    assert "impact.services.dashboard.load_cells" not in ALLOWED
