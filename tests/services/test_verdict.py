"""The managers' reading: p-values and methods in words, the traffic light."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from impact.i18n import use_language
from impact.services.verdict import light, method_text, p_text


@pytest.mark.parametrize(
    ("p", "nl", "en"),
    [
        (0.0, "< 0,001", "< 0.001"),
        (0.0004, "< 0,001", "< 0.001"),
        (0.001, "0,001", "0.001"),
        (0.04567, "0,046", "0.046"),
        (None, "–", "–"),
    ],
)
def test_p_values_never_read_0_000(p: float | None, nl: str, en: str) -> None:
    with use_language("nl"):
        assert p_text(p) == nl
    with use_language("en"):
        assert p_text(p) == en


def test_methods_in_words_not_codes() -> None:
    with use_language("nl"):
        text = method_text("cr1/influence")
        assert "cr1" not in text and "influence" not in text
        assert "geclusterd" in text and "invloedsfuncties" in text
        assert method_text("zzz") == "methode zzz"  # unknown: said, not hidden


def _summary(**kw: object) -> SimpleNamespace:
    base: dict[str, object] = {
        "refused": None,
        "estimate": 2.0,
        "ci_low": 1.0,
        "ci_high": 3.0,
        "pretrend_p": 0.5,
    }
    base.update(kw)
    return SimpleNamespace(**base)


@pytest.mark.parametrize(
    ("design", "summary", "colour", "reason"),
    [
        ("did", _summary(), "green", "controlled"),
        ("did", _summary(ci_low=-1.0), "orange", "unclear"),
        ("prepost", _summary(), "orange", "prepost"),
        ("did", _summary(pretrend_p=0.01), "red", "pretrend"),
        ("did", _summary(ci_low=None), "red", "no_interval"),
        ("staggered", _summary(refused="te weinig wijken"), "red", "no_interval"),
    ],
)
def test_traffic_light(design: str, summary: object, colour: str, reason: str) -> None:
    analysis = SimpleNamespace(design=design)
    assert light(analysis, summary) == (colour, f"verdict.reason.{reason}")  # type: ignore[arg-type]
