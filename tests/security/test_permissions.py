"""The permission table, checked cell by cell against a matrix written out here.

The matrix below is the product's access policy in one place: changing a
permission means changing this test, on purpose.
"""

from __future__ import annotations

import pytest

from impact.errors import OptionError, PermissionDenied
from impact.services.permissions import ACTIONS, PERMISSIONS, ROLES, allowed, require

#            admin analyst uploader viewer funder sector
EXPECTED: dict[str, tuple[int, int, int, int, int, int]] = {
    "view_dashboard": (1, 1, 1, 1, 0, 0),
    "view_funded": (0, 0, 0, 0, 1, 0),
    "import_data": (1, 1, 1, 0, 0, 0),
    "undo_import": (1, 1, 1, 0, 0, 0),
    "manage_programmes": (1, 1, 0, 0, 0, 0),
    "run_analysis": (1, 1, 0, 0, 0, 0),
    "lock_plan": (1, 1, 0, 0, 0, 0),
    "download_report": (1, 1, 0, 0, 1, 0),
    "manage_users": (1, 0, 0, 0, 0, 0),
    "manage_instruments": (1, 0, 0, 0, 0, 0),
    "manage_value_parameters": (1, 1, 0, 0, 0, 0),
    "view_audit": (1, 0, 0, 0, 0, 0),
    "erase_client": (1, 0, 0, 0, 0, 0),
    "view_sector": (0, 0, 0, 0, 0, 1),
    "manage_funding": (1, 0, 0, 0, 0, 0),
}
ROLE_ORDER = ("admin", "analyst", "uploader", "viewer", "funder", "sector")


def test_matrix_covers_every_role_and_action() -> None:
    assert tuple(ROLES) == ROLE_ORDER
    assert set(EXPECTED) == set(ACTIONS) == set(PERMISSIONS)


@pytest.mark.parametrize("action", sorted(EXPECTED))
@pytest.mark.parametrize("role", ROLE_ORDER)
def test_every_cell(role: str, action: str) -> None:
    expected = bool(EXPECTED[action][ROLE_ORDER.index(role)])
    assert allowed(role, action) is expected
    if expected:
        require(role, action)
    else:
        with pytest.raises(PermissionDenied):
            require(role, action)


def test_funders_never_see_participant_level_or_staff_actions() -> None:
    funder_can = {a for a in ACTIONS if allowed("funder", a)}
    assert funder_can == {"view_funded", "download_report"}


def test_the_sector_role_sees_pooled_evidence_only() -> None:
    assert {a for a in ACTIONS if allowed("sector", a)} == {"view_sector"}


@pytest.mark.parametrize(
    ("role", "action"), [("root", "view_dashboard"), ("admin", "drop_tables")]
)
def test_unknown_role_or_action_is_refused_not_allowed(role: str, action: str) -> None:
    with pytest.raises(OptionError):
        allowed(role, action)
