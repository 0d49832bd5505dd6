"""Colour contrast as WCAG 2.2 defines it, and the colour pairs a Qt style sheet declares.

The rule the kiosk's style sheet follows, so that every pair can be checked: a rule that sets
`color` also sets `background-color`, except a descendant rule (`A B`), whose text sits on
the backgrounds of the rules for `A` (in any state, e.g. `A:pressed`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_HEX = re.compile(r"#([0-9a-fA-F]{6})\b")
_BORDER_COLOUR = re.compile(r"\bsolid\s+(#[0-9a-fA-F]{6})\b")


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a ``#rrggbb`` colour."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    red, green, blue = linear
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (same colour) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@dataclass(frozen=True)
class StyleRule:
    selector: str
    declarations: dict[str, str]

    def colour(self, name: str) -> str | None:
        value = self.declarations.get(name, "")
        found = _HEX.search(value)
        return f"#{found.group(1).lower()}" if found else None

    @property
    def border_colour(self) -> str | None:
        found = _BORDER_COLOUR.search(self.declarations.get("border", ""))
        return found.group(1).lower() if found else None

    @property
    def base_selector(self) -> str:
        """The selector without its pseudo-states: ``A:pressed`` -> ``A``."""
        return re.sub(r"(?<!:):(?!:)[a-z-]+", "", self.selector)


@dataclass(frozen=True)
class ColourPair:
    selector: str
    foreground: str
    background: str

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)


def parse_rules(stylesheet: str) -> list[StyleRule]:
    """One rule per selector (a rule with ``A, B`` becomes two)."""
    rules = []
    for selectors, body in _RULE.findall(_COMMENT.sub("", stylesheet)):
        declarations = {}
        for declaration in body.split(";"):
            name, _, value = declaration.partition(":")
            if name.strip():
                declarations[name.strip()] = value.strip()
        for selector in selectors.split(","):
            rules.append(StyleRule(" ".join(selector.split()), declarations))
    return rules


def text_colour_pairs(rules: list[StyleRule]) -> list[ColourPair]:
    """Every (text colour, background) the style sheet can show.

    Raises ValueError for a text colour whose background cannot be found.
    """
    pairs = []
    for rule in rules:
        foreground = rule.colour("color")
        if foreground is None:
            continue
        own = rule.colour("background-color")
        if own is not None:
            pairs.append(ColourPair(rule.selector, foreground, own))
            continue
        ancestor = rule.selector.rpartition(" ")[0]
        backgrounds = [
            found
            for other in rules
            if ancestor and other.base_selector == ancestor
            for found in [other.colour("background-color")]
            if found
        ]
        if not backgrounds:
            raise ValueError(f"{rule.selector}: text colour without a background colour")
        pairs.extend(ColourPair(rule.selector, foreground, bg) for bg in backgrounds)
    return pairs


def border_colour_pairs(rules: list[StyleRule], surface: str) -> list[ColourPair]:
    """Each control border against the surface it is drawn on."""
    return [
        ColourPair(rule.selector, border, surface)
        for rule in rules
        for border in [rule.border_colour]
        if border is not None
    ]
