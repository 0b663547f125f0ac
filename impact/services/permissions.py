"""Who may do what: one table of role x action, used by services and pages alike."""

from __future__ import annotations

from typing import Literal

from impact.domain.roles import ROLES, Role
from impact.errors import PermissionDenied, check_option
from impact.i18n import t

Action = Literal[
    "view_dashboard",
    "view_funded",
    "import_data",
    "undo_import",
    "manage_programmes",
    "run_analysis",
    "lock_plan",
    "download_report",
    "manage_users",
    "manage_instruments",
    "manage_value_parameters",
    "view_audit",
    "erase_client",
    "view_sector",
    "manage_funding",
]
ACTIONS: tuple[Action, ...] = Action.__args__  # type: ignore[attr-defined]

_STAFF_VIEW: frozenset[Role] = frozenset({"admin", "analyst", "uploader", "viewer"})
PERMISSIONS: dict[Action, frozenset[Role]] = {
    "view_dashboard": _STAFF_VIEW,
    "view_funded": frozenset({"funder"}),
    "import_data": frozenset({"admin", "analyst", "uploader"}),
    "undo_import": frozenset({"admin", "analyst", "uploader"}),
    "manage_programmes": frozenset({"admin", "analyst"}),
    "run_analysis": frozenset({"admin", "analyst"}),
    "lock_plan": frozenset({"admin", "analyst"}),
    "download_report": frozenset({"admin", "analyst", "funder"}),
    "manage_users": frozenset({"admin"}),
    "manage_instruments": frozenset({"admin"}),
    "manage_value_parameters": frozenset({"admin", "analyst"}),
    "view_audit": frozenset({"admin"}),
    "erase_client": frozenset({"admin"}),
    "view_sector": frozenset({"sector"}),
    "manage_funding": frozenset({"admin"}),
}


def allowed(role: str, action: str) -> bool:
    check_option("role", role, ROLES)
    check_option("action", action, ACTIONS)
    return role in PERMISSIONS[action]  # type: ignore[index]


def require(role: str, action: str) -> None:
    """Raise :class:`PermissionDenied` unless ``role`` may do ``action``."""
    if not allowed(role, action):
        raise PermissionDenied(
            t("errors.permission", role=role, action=t(f"action.{action}"))
        )
