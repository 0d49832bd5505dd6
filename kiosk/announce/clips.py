"""The clips a voice is made of, per language: each file's name and the words it says.

This table is the contract with a centre that records its own voice: `resources/voice/README.md`
lists the same names, `kiosk-admin voice check` looks for exactly these files, and the reading
rules in `reading.py` only ever ask for names listed here.
"""

from __future__ import annotations

import string

LANGUAGES = ("vi", "en")
CHIME = "chime"
# Vietnamese phrase parts and their English counterparts.
VI_INVITE = "moi_cong_dan_co_so"
VI_TO_COUNTER = "den_quay_so"
EN_TICKET = "ticket"
EN_TO_COUNTER = "please_go_to_counter"
# Number words beyond the digits.
HUNDRED = "hundred"
VI_TEN = "number_10"  # mười: 10-19, 110...
VI_TENS = "tens"  # mươi: after a tens digit from 2 (hai mươi)
VI_ZERO_TENS = "zero_tens"  # linh (lẻ in the south): 105 = một trăm linh năm
VI_ONE_AFTER_TENS = "unit_1_after_tens"  # mốt: 21 = hai mươi mốt
VI_FOUR_AFTER_TENS = "unit_4_after_tens"  # tư: 24 = hai mươi tư
VI_FIVE_AFTER_TENS = "unit_5_after_tens"  # lăm: 15 = mười lăm, 25 = hai mươi lăm

# Letter names as a Vietnamese listener says them when a letter is spelt out.
VI_LETTER_NAMES = dict(
    zip(
        string.ascii_uppercase,
        (
            "a", "bê", "xê", "đê", "e", "ép", "giê", "hát", "i", "gi", "ca", "e-lờ", "em-mờ",
            "en-nờ", "o", "pê", "quy", "e-rờ", "ét-xì", "tê", "u", "vê", "vê kép", "ích-xì",
            "i dài", "dét",
        ),
        strict=True,
    )
)  # fmt: skip
VI_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
EN_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
EN_TEENS = (
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
)  # fmt: skip
EN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def letter_clip(letter: str) -> str:
    """``letter_a``: the clip of one capital letter's name."""
    return f"letter_{letter.lower()}"


def digit_clip(digit: int) -> str:
    """``digit_7``: the clip of one digit as said alone (also a number's last word)."""
    return f"digit_{digit}"


def number_clip(number: int) -> str:
    """``number_12``: an English word that is neither a digit nor "hundred" (10-19, tens)."""
    return f"number_{number}"


def _common(language: str) -> dict[str, str]:
    letters = VI_LETTER_NAMES if language == "vi" else {c: c for c in string.ascii_uppercase}
    digits = VI_DIGITS if language == "vi" else EN_DIGITS
    return {
        CHIME: "(chuông báo / chime)",
        **{letter_clip(letter): name for letter, name in letters.items()},
        **{digit_clip(digit): word for digit, word in enumerate(digits)},
    }


CLIP_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        **_common("vi"),
        VI_INVITE: "Mời công dân có số",
        VI_TO_COUNTER: "đến quầy số",
        VI_TEN: "mười",
        VI_TENS: "mươi",
        VI_ONE_AFTER_TENS: "mốt",
        VI_FOUR_AFTER_TENS: "tư",
        VI_FIVE_AFTER_TENS: "lăm",
        VI_ZERO_TENS: "linh",
        HUNDRED: "trăm",
    },
    "en": {
        **_common("en"),
        EN_TICKET: "Ticket",
        EN_TO_COUNTER: "please go to counter",
        **{number_clip(10 + i): word for i, word in enumerate(EN_TEENS)},
        **{number_clip(20 + 10 * i): word for i, word in enumerate(EN_TENS)},
        HUNDRED: "hundred",
    },
}
"""Per language: clip name (the file is ``<language>/<name>.wav``) -> the words it says."""
