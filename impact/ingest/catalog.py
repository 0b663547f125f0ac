"""Resolve what users write to instrument and domain codes.

Accepted for an instrument: its code (``zrm``, ``DJG-6``) or its name
(``Zelfredzaamheid-Matrix``). For a domain: its code or its Dutch or English
label (``Werk & opleiding``, ``Work & education``); blank for an instrument with
one domain. Wide-layout column headers name a domain, optionally with the
instrument: ``Financiën``, ``zrm_financien``, ``Financiën (zrm)``, ``swemwbs``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from impact.domain.instruments import DOMAIN_LABELS, Instrument, normalise_code


def _variants(text: str) -> set[str]:
    code = normalise_code(text)
    return {code, code.replace("_", "")} if code else set()


@dataclass(frozen=True)
class Catalog:
    """Instruments of one organisation, indexed for fast, forgiving look-ups."""

    instruments: tuple[Instrument, ...]

    @classmethod
    def of(cls, instruments: Mapping[str, Instrument]) -> Catalog:
        return cls(tuple(instruments[k] for k in sorted(instruments)))

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.instruments)

    def instrument_index(self, text: str) -> int | None:
        keys = _variants(text)
        for i, inst in enumerate(self.instruments):
            if keys & (_variants(inst.code) | _variants(inst.name)):
                return i
        return None

    def domain(self, index: int, text: str) -> str | None:
        """The domain code of instrument ``index`` that ``text`` names."""
        inst = self.instruments[index]
        keys = _variants(text)
        if not keys:
            return inst.domains[0] if len(inst.domains) == 1 else None
        for dom in inst.domains:
            labels = DOMAIN_LABELS.get(dom, (dom, dom))
            names = _variants(dom) | _variants(labels[0]) | _variants(labels[1])
            if keys & names:
                return dom
        return None

    def wide_column(self, code: str) -> list[tuple[int, str]]:
        """Instruments and domains a normalised header could mean."""
        table = self._wide_forms()
        return sorted(table.get(code, set()) | table.get(code.replace("_", ""), set()))

    def _wide_forms(self) -> dict[str, set[tuple[int, str]]]:
        cached: dict[str, set[tuple[int, str]]] | None = self.__dict__.get("_forms")
        if cached is not None:
            return cached
        table: dict[str, set[tuple[int, str]]] = {}
        for i, inst in enumerate(self.instruments):
            inst_names = _variants(inst.code)
            for dom in inst.domains:
                labels = DOMAIN_LABELS.get(dom, (dom, dom))
                doms = _variants(dom) | _variants(labels[0]) | _variants(labels[1])
                forms = set(doms)
                for d in doms:
                    for c in inst_names:
                        forms |= {f"{c}_{d}", f"{d}_{c}", f"{c}{d}", f"{d}{c}"}
                if len(inst.domains) == 1:
                    forms |= inst_names
                for form in forms:
                    table.setdefault(form, set()).add((i, dom))
        object.__setattr__(self, "_forms", table)
        return table

    def scale_arrays(self) -> dict[str, np.ndarray]:
        """Per instrument index: scale bounds and flags, for vectorised checks."""
        insts = self.instruments
        return {
            "min": np.array([i.scale_min for i in insts], dtype=np.float64),
            "max": np.array([i.scale_max for i in insts], dtype=np.float64),
            "integer": np.array([i.integer_scores for i in insts], dtype=bool),
            "binary": np.array([i.kind == "binary" for i in insts], dtype=bool),
        }
