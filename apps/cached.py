"""Cached query results for the pages: keyed by organisation, role and the data
version, so an import or an undo by anyone invalidates them at the next refresh.
The engine (``common.engine``) stays the only cached resource."""

from __future__ import annotations

import pandas as pd
import streamlit as st
from common import engine

from impact.services.dashboard import (
    DashboardCells,
    data_version,
    effect_summary,
    load_cells,
)

#: a safety net; the data version is what normally invalidates
CACHE_TTL_SECONDS = 600


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False, max_entries=32)
def dashboard_cells(
    org_slug: str, role: str, version: tuple[int, int]
) -> DashboardCells:
    """The dashboard's SQL aggregates (``version`` is part of the cache key)."""
    del version  # only a cache key
    return load_cells(engine=engine(), org_slug=org_slug, role=role)


@st.cache_data(ttl=CACHE_TTL_SECONDS, show_spinner=False, max_entries=16)
def effects(
    org_slug: str,
    role: str,
    version: tuple[int, int],
    programme_ids: tuple[int, ...],
    lang: str,
) -> pd.DataFrame:
    """Effect estimates (expensive: the estimators run on participant rows);
    they hold text (design, method, notes), so the language is part of the key."""
    del version  # only a cache key
    return effect_summary(
        engine=engine(),
        org_slug=org_slug,
        role=role,
        programme_ids=programme_ids,
        lang=lang,
    )


def current_version(org_slug: str, role: str) -> tuple[int, int]:
    """Last import batch and number of undone batches: one cheap query."""
    return data_version(engine=engine(), org_slug=org_slug, role=role)


def clear() -> None:
    """After a change made in this session (programme edit, import)."""
    dashboard_cells.clear()
    effects.clear()
