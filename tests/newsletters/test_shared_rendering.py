"""What a send run shares between recipients (item blocks rendered once per language and
time zone) never changes a message, and nothing personal is shared."""

from __future__ import annotations

from typing import Any

import pytest

from nashra.newsletters.compose import compose
from nashra.newsletters.models import Subscriber
from nashra.newsletters.render import render
from nashra.newsletters.send import freeze, send_pending

from .conftest import Desk, Handler, bulletin_issue, subscribe

pytestmark = pytest.mark.django_db


def test_shared_item_blocks_give_the_same_message(desk: Desk) -> None:
    subscribe(desk.bulletin, "amal@example.org")
    subscribe(desk.bulletin, "john@example.org", language="en")
    subscribe(desk.bulletin, "sara@example.org")
    issue = bulletin_issue(desk)
    readers = list(Subscriber.objects.order_by("email"))
    fragments: dict[Any, str] = {}
    shared = [render(compose(issue, s), fragments) for s in readers]
    alone = [render(compose(issue, s)) for s in readers]
    assert [(r.subject, r.text, r.html) for r in shared] == [
        (r.subject, r.text, r.html) for r in alone
    ]
    items = len(compose(issue, readers[0]).items)
    # one HTML and one text block per item and language; Sara reused Amal's
    assert len(fragments) == 2 * 2 * items
    # the links stay personal
    amal, sara = shared[0], shared[2]
    amal_links = compose(issue, readers[0]).unsubscribe_url
    assert amal_links in amal.html and amal_links not in sara.html


def test_a_run_renders_each_item_once(
    desk: Desk, smtp: Handler, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nashra.newsletters import render as rendering

    for n in range(4):
        subscribe(desk.bulletin, f"r{n}@example.org")
    issue = bulletin_issue(desk)
    assert freeze(issue) == 4
    calls: list[str] = []
    real = rendering.render_template

    def counting(name: str, *args: Any, **kwargs: Any) -> str:
        calls.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(rendering, "render_template", counting)
    assert send_pending().sent == 4
    items = len(issue.items)
    assert calls.count("newsletters/email/item.html") == items
    assert calls.count("newsletters/email/message.html") == 4
    bodies = [m.get_body(("html",)).get_content() for m in smtp.parsed()]
    assert len(set(bodies)) == 4  # personal links: no two messages alike
