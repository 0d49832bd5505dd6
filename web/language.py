"""The page's language: Vietnamese or English, from ``?lang=`` or else the browser's
Accept-Language, and the fixed words of the pages in both."""

from __future__ import annotations

LANGUAGES = ("vi", "en")
DEFAULT = "vi"


def choose_language(asked: str | None, accept_language: str | None) -> str:
    """``asked`` when it is a language of the pages, else the browser's best one, else vi."""
    if asked in LANGUAGES:
        return asked
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else DEFAULT


WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "html_lang": "vi",
        "title": "Theo dõi lượt của bạn",
        "switch": "English",
        "your_number": "Số thứ tự của bạn",
        "ahead": "Trước bạn: {n} người",
        "wait": "Chờ khoảng {m} phút",
        "next": "Bạn là người tiếp theo",
        "called": "Mời bạn đến {counter}",
        "called_no_counter": "Đã đến lượt bạn, mời bạn đến quầy",
        "served": "Bạn đã được phục vụ. Xin cảm ơn!",
        "no_show": "Bạn đã vắng mặt khi được gọi. Vui lòng hỏi tại quầy.",
        "cancelled": "Số này đã được hủy.",
        "calling_heading": "Các quầy đang gọi",
        "calling_none": "Chưa có quầy nào gọi số.",
        "counter_column": "Quầy",
        "number_column": "Số",
        "leave": "Tôi không chờ nữa",
        "leave_question": "Bạn không chờ nữa?",
        "leave_explain": (
            "Số {label} sẽ bị hủy và không dùng lại được. Người sau bạn sẽ được gọi sớm hơn."
        ),
        "leave_confirm": "Đúng, hủy số của tôi",
        "leave_keep": "Không, tôi vẫn chờ",
        "live_note": "Trang tự cập nhật, không cần tải lại.",
        "sound_note": ("Điện thoại sẽ kêu và rung khi đến lượt (nếu trình duyệt cho phép)."),
    },
    "en": {
        "html_lang": "en",
        "title": "Follow your turn",
        "switch": "Tiếng Việt",
        "your_number": "Your number",
        "ahead": "Ahead of you: {n}",
        "wait": "About {m} min wait",
        "next": "You are next",
        "called": "Please go to {counter}",
        "called_no_counter": "It is your turn: please go to the counter",
        "served": "You have been served. Thank you!",
        "no_show": "You were not there when called. Please ask at a counter.",
        "cancelled": "This ticket has been cancelled.",
        "calling_heading": "Now calling",
        "calling_none": "No counter is calling yet.",
        "counter_column": "Counter",
        "number_column": "Number",
        "leave": "I am leaving",
        "leave_question": "Are you leaving?",
        "leave_explain": (
            "Ticket {label} will be cancelled and cannot be used again."
            " The people after you will be called sooner."
        ),
        "leave_confirm": "Yes, cancel my ticket",
        "leave_keep": "No, I will wait",
        "live_note": "This page updates by itself; no need to reload.",
        "sound_note": (
            "Your phone rings and vibrates when it is your turn (where the browser allows)."
        ),
    },
}


def counter_words(language: str, number: int, name: str) -> str:
    """How a counter is named on the page: the centre's own name in Vietnamese ("Quầy 3"),
    "Counter 3" in English."""
    return name if language == "vi" else f"Counter {number}"
