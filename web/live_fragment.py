"""The live part of the follow page (what Server-Sent Events replace), as HTML.

Built with plain string formatting rather than a Jinja template: it is rendered for every open
page at every change, and 500 phones at about a millisecond each through Jinja on a busy
2-core machine delayed the last page by half a second. The page's template includes this
same output, so the first paint and the live updates cannot drift apart.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from kiosk.queue.follow_board import FollowedTicket
from kiosk.storage.models import TicketState

_FINISHED = (TicketState.SERVED, TicketState.NO_SHOW, TicketState.CANCELLED)


def live_fragment(
    *,
    ticket: FollowedTicket,
    procedure: str,
    counter: str | None,
    calling: list[dict[str, str]],
    words: dict[str, str],
    lang: str,
    token: str,
) -> Markup:
    state = ticket.state
    parts: list[str] = []
    if state is TicketState.CALLED:
        text = words["called"].format(counter=counter) if counter else words["called_no_counter"]
        parts.append(f'<p class="called" role="alert">{escape(text)}</p>')
    parts.append(f'<section class="ticket state-{state.value}">')
    parts.append(f'<p class="caption">{escape(words["your_number"])}</p>')
    parts.append(f'<p class="number">{escape(ticket.label)}</p>')
    parts.append(f'<p class="procedure">{escape(procedure)}</p>')
    if state is TicketState.WAITING:
        if ticket.people_ahead == 0:
            parts.append(f'<p class="ahead">{escape(words["next"])}</p>')
        else:
            ahead = words["ahead"].format(n=ticket.people_ahead)
            wait = words["wait"].format(m=ticket.estimated_wait_minutes)
            parts.append(f'<p class="ahead">{escape(ahead)}</p>')
            parts.append(f'<p class="wait">{escape(wait)}</p>')
    elif state in _FINISHED:
        parts.append(f'<p class="outcome">{escape(words[state.value])}</p>')
    parts.append("</section>")
    parts.append(f'<section class="calling"><h2>{escape(words["calling_heading"])}</h2>')
    if calling:
        parts.append(
            f'<table><thead><tr><th scope="col">{escape(words["counter_column"])}</th>'
            f'<th scope="col">{escape(words["number_column"])}</th></tr></thead><tbody>'
        )
        for call in calling:
            mine = ' class="mine"' if call["label"] == ticket.label else ""
            parts.append(
                f"<tr{mine}><td>{escape(call['counter'])}</td><td>{escape(call['label'])}</td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append(f"<p>{escape(words['calling_none'])}</p>")
    parts.append("</section>")
    if state is TicketState.WAITING:
        parts.append(
            f'<p class="leave"><a href="/t/{escape(token)}/leave?lang={escape(lang)}">'
            f"{escape(words['leave'])}</a></p>"
        )
    return Markup("\n".join(parts))
