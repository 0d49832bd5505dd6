"""Reading the age from an ID card's QR text, and refusing everything else clearly."""

from datetime import date

import pytest

from kiosk.citizen.idcard import AgeCheck, NotAnIdCard, ScanProblem, age_on, check_age

TODAY = date(2026, 11, 23)


def card(number: str, birth: str, extra: str = "") -> str:
    return f"{number}||Nguyễn Văn A|{birth}|Nam|Hòa Nam, Tam Kỳ, Quảng Nam|11042021{extra}"


@pytest.mark.parametrize(
    ("number", "birth", "expected"),
    [
        ("049050008123", "01071950", AgeCheck(76, True)),
        ("049166008123", "23111966", AgeCheck(60, True)),  # 60 today
        ("049166008123", "24111966", AgeCheck(59, False)),  # 60 tomorrow
        ("079305001234", "15032005", AgeCheck(21, False)),  # a woman born in the 2000s
        ("079205001234", "15032005", AgeCheck(21, False)),  # a man born in the 2000s
    ],
)
def test_age_from_the_date_of_birth(number: str, birth: str, expected: AgeCheck) -> None:
    assert check_age(card(number, birth), today=TODAY, elderly_age=60) == expected


@pytest.mark.parametrize("number", ["079405001234", "079505001234"])
def test_the_century_digits_of_the_2100s(number: str) -> None:
    """Cards of people born in the 2100s read right once they reach 60 (4: man, 5: woman)."""
    later = date(2170, 1, 1)
    assert check_age(card(number, "15032105"), today=later, elderly_age=60) == AgeCheck(64, True)


def test_an_old_12_digit_id_number_in_the_second_field_is_still_an_id_card() -> None:
    """An old 12-digit number reads like hex text; only with the "$" end is it insurance."""
    scanned = card("049050008123", "01071950").replace("||", "|012345678901|", 1)
    assert check_age(scanned, today=TODAY, elderly_age=60) == AgeCheck(76, True)


def test_an_eighth_field_and_surrounding_spaces_are_accepted() -> None:
    scanned = "  " + card("049050008123", "01071950", "|extra") + "\r\n"
    assert check_age(scanned, today=TODAY, elderly_age=60).is_elderly


def test_the_threshold_is_the_centres() -> None:
    assert not check_age(card("049050008123", "01071950"), today=TODAY, elderly_age=80).is_elderly


@pytest.mark.parametrize(
    "scanned",
    [
        "",
        "hello",
        "049050#@!|Ng",
        card("04905000812", "01071950"),  # 11 digits
        card("049050008123", "31021950"),  # no 31 February
        card("049051008123", "01071950"),  # the number says 1951
        card("049049008123", "01071950"),  # the number says 1949
        card("049250008123", "01071950"),  # the number says 2050
        card("049750008123", "01071950"),  # no such century digit
        card("049050008123", "1950-07-01"),
        "049050008123||Nguyễn Văn A|01071950|Nam",  # cut short
        "049050008123||Nguyễn Văn A|01071950|Nam|Hòa Nam, Tam Kỳ, Quảng Nam",  # one field short
        "https://dichvucong.gov.vn/",
    ],
)
def test_garbled_or_other_codes_are_not_an_id_card(scanned: str) -> None:
    with pytest.raises(NotAnIdCard) as caught:
        check_age(scanned, today=TODAY, elderly_age=60)
    assert caught.value.problem is ScanProblem.NOT_AN_ID_CARD


@pytest.mark.parametrize(
    "scanned",
    [
        "GD4797933123456|4e677579e1bb856e2056c4836e2041|01/07/1950|1|48e1bb99692041|79-028"
        "|01/01/2024|31/12/2024|01/01/2024|79123|-|4|01/01/2019|abcdef123456|-|$",
        # Older cards: the code first, the name in plain text and no "$" at the end.
        "GD4797933123456|Nguyễn Văn A|01/07/1950|1|Hòa Nam|79-028|01/01/2024|31/12/2024",
        # Newer cards use the ID number as card code; the hex name and the "$" remain.
        "049050008123|4e677579e1bb856e2056c4836e2041|01/07/1950|1|48e1bb99692041|79-028|$",
    ],
)
def test_a_health_insurance_card_is_named_as_such(scanned: str) -> None:
    with pytest.raises(NotAnIdCard) as caught:
        check_age(scanned, today=TODAY, elderly_age=60)
    assert caught.value.problem is ScanProblem.HEALTH_INSURANCE_CARD


def test_a_card_of_a_baby_born_today_reads() -> None:
    assert check_age(card("049226008123", "01012026"), today=date(2026, 1, 1), elderly_age=60) == (
        AgeCheck(0, False)
    )


def test_a_birth_in_the_future_is_a_misread() -> None:
    with pytest.raises(NotAnIdCard):
        check_age(card("049226008123", "01012026"), today=date(2025, 1, 1), elderly_age=60)


def test_age_on_a_birthday() -> None:
    assert age_on(date(1966, 2, 28), date(2026, 2, 28)) == 60
    assert age_on(date(1966, 3, 1), date(2026, 2, 28)) == 59
