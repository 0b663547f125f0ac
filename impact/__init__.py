"""Wijkimpact: outcome measurement and impact reporting for social work.

Map of the package (dependencies point one way, left to right)::

    errors, config, i18n  <-  domain  <-  ingest | estimate | value  <-  store
        <-  charts | report  <-  services  <-  cli | apps (Streamlit, outside)

Where new code goes: numbers in ``estimate`` (frames in, frozen dataclasses out),
file reading and checking in ``ingest`` (no database), tables and scoped queries in
``store``, use cases that combine them in ``services``, and only thin shells in
``cli`` and ``apps/``.
"""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
