"""Text width in pixels from font metrics, so labels are cut and placed by width, not by character count.

The widths are Helvetica's (Arial shares them), in thousandths of an em: the sans-serif fonts the
charts ask for are metric-compatible with it or close, so a label measured here fits in the browser.
"""

from __future__ import annotations

import numpy as np

# Helvetica advance widths for printable ASCII (32..126), 1/1000 em (Adobe's Helvetica AFM).
_ASCII = (
    278,
    278,
    355,
    556,
    556,
    889,
    667,
    191,
    333,
    333,
    389,
    584,
    278,
    333,
    278,
    278,  # space .. /
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    556,
    278,
    278,
    584,
    584,
    584,
    556,  # 0 .. ?
    1015,
    667,
    667,
    722,
    722,
    667,
    611,
    778,
    722,
    278,
    500,
    667,
    556,
    833,
    722,
    778,  # @ .. O
    667,
    778,
    722,
    667,
    611,
    722,
    667,
    944,
    667,
    667,
    611,
    278,
    278,
    278,
    469,
    556,  # P .. _
    333,
    556,
    556,
    500,
    556,
    556,
    278,
    556,
    556,
    222,
    222,
    500,
    222,
    833,
    556,
    556,  # ` .. o
    556,
    556,
    333,
    500,
    278,
    556,
    500,
    722,
    500,
    500,
    500,
    334,
    260,
    334,
    584,  # p .. ~
)
_OTHER = 600  # anything else (accented letters, quotes, dashes): a little wider than average
_BOLD = 1.08  # bold runs about 8% wider
# Debian's default sans (DejaVu Sans) runs up to 12% wider than Helvetica: measure for the widest,
# so a label that fits here fits on every machine.
_SAFETY = 1.12
ELLIPSIS = "\u2026"


def width(text: str, size: float = 12.0, bold: bool = False) -> float:
    """Width of `text` in px at font `size` px."""
    total = 0
    for ch in text:
        o = ord(ch)
        total += _ASCII[o - 32] if 32 <= o <= 126 else _OTHER
    return total * size / 1000 * (_BOLD if bold else 1.0) * _SAFETY


def widths(texts, size: float = 12.0, bold: bool = False) -> np.ndarray:
    """Widths of many labels (one distinct computation per label)."""
    cache: dict[str, float] = {}
    out = np.empty(len(texts), dtype=float)
    for i, t in enumerate(texts):
        if t not in cache:
            cache[t] = width(t, size, bold)
        out[i] = cache[t]
    return out


def fit(text: str, max_px: float, size: float = 12.0, bold: bool = False) -> str:
    """`text` cut with an ellipsis so that it is at most `max_px` wide ('' if not even one letter fits)."""
    if width(text, size, bold) <= max_px:
        return text
    room = max_px - width(ELLIPSIS, size, bold)
    out = ""
    for ch in text:
        if width(out + ch, size, bold) > room:
            break
        out += ch
    out = out.rstrip()
    return out + ELLIPSIS if out else ""


def wrap(text: str, max_px: float, size: float = 12.0, bold: bool = False) -> list[str]:
    """`text` broken at spaces into lines at most `max_px` wide (a word wider than that on its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and width(lines[-1] + " " + word, size, bold) <= max_px:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines
