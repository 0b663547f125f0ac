"""The roles a member of an organisation can have (defined once, used everywhere)."""

from __future__ import annotations

from typing import Literal

Role = Literal["admin", "analyst", "uploader", "viewer", "funder", "sector"]
ROLES: tuple[Role, ...] = ("admin", "analyst", "uploader", "viewer", "funder", "sector")
