"""WCAG AA contrast of the review pages' colours, in both colour schemes.

The stylesheet keeps every colour in custom properties; this test reads them from
templates/report.css and computes the WCAG 2 contrast ratio of each pair the pages use
(text needs 4.5:1, focus rings and the lines that mark a claim need 3:1).
"""

from __future__ import annotations

import re

import pytest

from taxcheck.resources import data_dir

VERDICTS = ("false", "outdated", "misleading", "myth", "accurate")
DARK = "@media screen and (prefers-color-scheme: dark)"

TEXT_PAIRS = [("ink", "paper"), ("ink", "surface"), ("muted", "paper"), ("muted", "surface"),
              ("link", "paper"), ("link", "surface"), ("accent", "paper"), ("accent", "surface"),
              ("paper", "ink")]
for _v in VERDICTS:
    TEXT_PAIRS += [("on-verdict", _v), (_v, "paper"), (_v, "surface"), ("ink", f"{_v}-tint"),
                   ("muted", f"{_v}-tint"), ("link", f"{_v}-tint")]
GRAPHIC_PAIRS = [("focus", "paper"), ("focus", "surface")]
for _v in VERDICTS:
    GRAPHIC_PAIRS += [(_v, f"{_v}-tint"), ("focus", f"{_v}-tint")]


def _colours(css: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6})\b", css))


def schemes() -> dict[str, dict[str, str]]:
    css = (data_dir("templates") / "report.css").read_text(encoding="utf-8")
    light = _colours(css[css.index(":root {"):css.index(DARK)])
    dark_block = css[css.index(DARK):]
    dark_block = dark_block[:dark_block.index("\n}\n")]
    return {"light": light, "dark": {**light, **_colours(dark_block)}}


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_both_schemes_define_every_colour():
    light, dark = schemes()["light"], schemes()["dark"]
    needed = {name for pair in TEXT_PAIRS + GRAPHIC_PAIRS for name in pair}
    assert needed <= set(light)
    assert dark["paper"] != light["paper"] and dark["ink"] != light["ink"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("fg, bg", TEXT_PAIRS)
def test_text_colours_reach_aa(scheme, fg, bg):
    colours = schemes()[scheme]
    assert contrast(colours[fg], colours[bg]) >= 4.5, (scheme, fg, bg)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("fg, bg", GRAPHIC_PAIRS)
def test_focus_rings_and_claim_lines_reach_3_to_1(scheme, fg, bg):
    colours = schemes()[scheme]
    assert contrast(colours[fg], colours[bg]) >= 3.0, (scheme, fg, bg)
