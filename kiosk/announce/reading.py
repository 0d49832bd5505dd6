"""How a call is read aloud: the ticket's letters by name, its number as words or digit by digit,
and the sentence of each language, all as lists of clip names (clips.py).

Vietnamese numbers follow the usual spoken rules: mười for 10-19 and mươi after a tens digit
(hai mươi), mốt for a 1 and tư for a 4 after mươi (hai mươi mốt, hai mươi tư), lăm for a 5 after
any tens (mười lăm, hai mươi lăm), linh for a zero tens after hundreds (một trăm linh năm).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kiosk.announce import clips
from kiosk.announce.clips import digit_clip, letter_clip, number_clip
from kiosk.queue.ticket_label import format_label

NumberReading = Literal["words", "digits"]
NUMBER_READINGS: tuple[NumberReading, ...] = ("words", "digits")
LARGEST_WORDS = 999
LARGEST_COUNTER = 999


@dataclass(frozen=True)
class Call:
    """A ticket called to a counter: what one announcement says."""

    prefix: str
    number: int
    counter: int

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[A-Z]{1,2}", self.prefix):
            raise ValueError(f"ticket prefix {self.prefix!r}: expected one or two capitals A-Z")
        if self.number < 0:
            raise ValueError(f"ticket number {self.number}: expected 0 or more")
        if not 1 <= self.counter <= LARGEST_COUNTER:
            raise ValueError(f"counter {self.counter}: expected 1 to {LARGEST_COUNTER}")

    @property
    def label(self) -> str:
        """``A012``, as printed on the ticket and shown on the display."""
        return format_label(self.prefix, self.number)


def vietnamese_number(number: int) -> list[str]:
    """0-999 as Vietnamese number words: 21 -> hai mươi mốt, 105 -> một trăm linh năm."""
    _check_words_range(number)
    if number < 10:
        return [digit_clip(number)]
    hundreds, rest = divmod(number, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds:
        words += [digit_clip(hundreds), clips.HUNDRED]
        if rest == 0:
            return words
        if tens == 0:
            return [*words, clips.VI_ZERO_TENS, digit_clip(units)]
    if tens == 1:
        words.append(clips.VI_TEN)
    elif tens > 1:
        words += [digit_clip(tens), clips.VI_TENS]
    if units == 0:
        return words
    if units == 5:
        words.append(clips.VI_FIVE_AFTER_TENS)
    elif units == 1 and tens > 1:
        words.append(clips.VI_ONE_AFTER_TENS)
    elif units == 4 and tens > 1:
        words.append(clips.VI_FOUR_AFTER_TENS)
    else:
        words.append(digit_clip(units))
    return words


def english_number(number: int) -> list[str]:
    """0-999 as English number words: 105 -> one hundred five, 999 -> nine hundred ninety nine."""
    _check_words_range(number)
    hundreds, rest = divmod(number, 100)
    words = [digit_clip(hundreds), clips.HUNDRED] if hundreds else []
    if rest == 0 and hundreds:
        return words
    if rest < 10:
        return [*words, digit_clip(rest)]
    if rest < 20 or rest % 10 == 0:
        return [*words, number_clip(rest)]
    return [*words, number_clip(rest - rest % 10), digit_clip(rest % 10)]


_NUMBER_WORDS = {"vi": vietnamese_number, "en": english_number}


def _check_words_range(number: int) -> None:
    if not 0 <= number <= LARGEST_WORDS:
        raise ValueError(f"{number}: number words are built for 0 to {LARGEST_WORDS}")


def ticket_clips(prefix: str, number: int, language: str, reading: NumberReading) -> list[str]:
    """The ticket label read aloud: each prefix letter by name, then the number.

    ``digits`` reads the number as printed, padded to three digits (A012: "A không một hai");
    ``words`` says it as a number (A012: "A mười hai"). A number past 999, which a label prints
    with four digits, is read digit by digit in either mode.
    """
    letters = [letter_clip(letter) for letter in prefix]
    printed = format_label("", number)
    if reading == "digits" or number > LARGEST_WORDS:
        return [*letters, *(digit_clip(int(digit)) for digit in printed)]
    return [*letters, *_NUMBER_WORDS[language](number)]


def sentence_clips(call: Call, language: str, reading: NumberReading) -> list[list[str]]:
    """One language's sentence as groups of clips: a short pause within a group, a longer one
    between groups. The counter is always said as a number ("quầy số mười hai")."""
    counter = _NUMBER_WORDS[language](call.counter)
    ticket = ticket_clips(call.prefix, call.number, language, reading)
    if language == "vi":
        return [[clips.VI_INVITE], ticket, [clips.VI_TO_COUNTER], counter]
    return [[clips.EN_TICKET], ticket, [clips.EN_TO_COUNTER], counter]
