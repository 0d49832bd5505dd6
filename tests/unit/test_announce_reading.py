"""How a call is read aloud: Vietnamese and English number words, digit by digit, sentences."""

import pytest

from kiosk.announce.clips import CLIP_WORDS, LANGUAGES
from kiosk.announce.reading import (
    Call,
    english_number,
    sentence_clips,
    ticket_clips,
    vietnamese_number,
)
from kiosk.queue.ticket_label import parse_label


def said(language: str, names: list[str]) -> str:
    """The words the clips say, as a listener hears them."""
    return " ".join(CLIP_WORDS[language][name] for name in names)


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "không"),
        (1, "một"),
        (5, "năm"),
        (10, "mười"),
        (11, "mười một"),
        (14, "mười bốn"),
        (15, "mười lăm"),
        (20, "hai mươi"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (25, "hai mươi lăm"),
        (55, "năm mươi lăm"),
        (100, "một trăm"),
        (101, "một trăm linh một"),
        (104, "một trăm linh bốn"),
        (105, "một trăm linh năm"),
        (110, "một trăm mười"),
        (115, "một trăm mười lăm"),
        (121, "một trăm hai mươi mốt"),
        (300, "ba trăm"),
        (999, "chín trăm chín mươi chín"),
    ],
)
def test_vietnamese_number_words(number: int, words: str) -> None:
    assert said("vi", vietnamese_number(number)) == words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "zero"),
        (5, "five"),
        (12, "twelve"),
        (21, "twenty one"),
        (40, "forty"),
        (100, "one hundred"),
        (105, "one hundred five"),
        (110, "one hundred ten"),
        (999, "nine hundred ninety nine"),
    ],
)
def test_english_number_words(number: int, words: str) -> None:
    assert said("en", english_number(number)) == words


@pytest.mark.parametrize(
    ("label", "language", "reading", "words"),
    [
        ("A012", "vi", "words", "a mười hai"),
        ("A012", "vi", "digits", "a không một hai"),
        ("B105", "vi", "digits", "bê một không năm"),
        ("HT024", "vi", "words", "hát tê hai mươi tư"),
        ("C001", "vi", "words", "xê một"),
        ("A012", "en", "words", "A twelve"),
        ("A012", "en", "digits", "A zero one two"),
        # Past 999 a label has four digits; words stop at 999, so digits are read in either mode.
        ("A1000", "vi", "words", "a một không không không"),
    ],
)
def test_a_ticket_is_read_letter_by_name_then_number(
    label: str, language: str, reading: str, words: str
) -> None:
    prefix, number = parse_label(label)

    assert said(language, ticket_clips(prefix, number, language, reading)) == words  # type: ignore[arg-type]


def test_the_sentence_of_each_language() -> None:
    call = Call("A", 12, 3)

    vietnamese = sentence_clips(call, "vi", "words")
    english = sentence_clips(call, "en", "digits")

    assert [said("vi", group) for group in vietnamese] == [
        "Mời công dân có số", "a mười hai", "đến quầy số", "ba",
    ]  # fmt: skip
    assert [said("en", group) for group in english] == [
        "Ticket", "A zero one two", "please go to counter", "three",
    ]  # fmt: skip


def test_every_clip_a_call_can_need_is_in_the_clip_table() -> None:
    needed = {
        (language, name)
        for language in LANGUAGES
        for reading in ("words", "digits")
        for prefix in ("ABCDEFGHIJKLM", "NOPQRSTUVWXYZ")
        for number in range(1000)
        for group in sentence_clips(Call(prefix[:2], number, number or 1), language, reading)
        for name in group
    } | {
        (language, f"letter_{letter.lower()}")
        for language in LANGUAGES
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    }

    assert needed - {(lang, name) for lang in LANGUAGES for name in CLIP_WORDS[lang]} == set()


@pytest.mark.parametrize(
    ("prefix", "number", "counter", "message"),
    [
        ("a", 1, 1, "ticket prefix 'a'"),
        ("ABC", 1, 1, "ticket prefix 'ABC'"),
        ("A", -1, 1, "ticket number -1"),
        ("A", 1, 0, "counter 0: expected 1 to 999"),
    ],
)
def test_a_call_that_cannot_be_read_is_refused(
    prefix: str, number: int, counter: int, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        Call(prefix, number, counter)


@pytest.mark.parametrize(
    ("label", "expected"), [("A012", ("A", 12)), ("ht7", ("HT", 7)), (" B1000 ", ("B", 1000))]
)
def test_parse_label(label: str, expected: tuple[str, int]) -> None:
    assert parse_label(label) == expected


@pytest.mark.parametrize("label", ["12", "A", "A-12", "ABC1", "A12345"])
def test_parse_label_refuses_what_is_not_a_label(label: str) -> None:
    with pytest.raises(ValueError, match="is not a ticket label"):
        parse_label(label)
