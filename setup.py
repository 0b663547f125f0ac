"""Packaging beyond what pyproject.toml can say: the Streamlit app in ``apps/``
ships inside the wheel as the package ``impact.webapp`` (so ``impact serve``
and ``impact demo`` work from an installed wheel, from any directory), while
the source tree keeps it in ``apps/``, the only place that imports streamlit.
Everything else is declared in pyproject.toml."""

from __future__ import annotations

from setuptools import find_packages, setup

WEBAPP = "impact.webapp"

setup(
    packages=[
        *find_packages(include=["impact", "impact.*"]),
        WEBAPP,
        f"{WEBAPP}.views",
    ],
    package_dir={WEBAPP: "apps"},
)
