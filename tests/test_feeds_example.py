"""Every feed and export of the example workspace parses, follows RFC 5545 and stays private."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import icalendar
from test_feeds_support import check_raw_ics, unfold

from generator.content.loader import load_workspace
from generator.feeds import feed_files


def private_texts(client) -> list[str]:  # type: ignore[no-untyped-def]
    """Internal notes and HTML comments long enough not to appear by chance."""
    texts = [client.config.internal or ""]
    for item in client.items:
        texts.append(item.meta.internal or "")
        texts += re.findall(r"<!--(.*?)-->", item.body, re.DOTALL)
    return [t.strip() for t in texts if len(t.strip()) >= 12]


def test_example_feeds_are_valid_deterministic_and_private(example_ws: Path) -> None:
    ws, _problems = load_workspace(example_ws)
    assert ws.clients, "the example workspace has no client"
    for client in ws.clients.values():
        files = feed_files(ws, client)
        assert files == feed_files(ws, client)
        secrets = private_texts(client)
        for name, data in files.items():
            text = data.decode("utf-8")
            if name.endswith(".ics"):
                check_raw_ics(text)
                calendar = icalendar.Calendar.from_ical(text)
                assert all(not c.errors for c in calendar.walk()), name
                uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
                assert len(uids) == len(set(uids)), name
            else:
                rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
                assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)
            flat = unfold(text)
            for secret in secrets:
                escaped = icalendar.vText(secret).to_ical().decode()
                assert secret not in flat and escaped not in flat, (name, secret)
