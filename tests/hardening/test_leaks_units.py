"""Leaks closed where text is turned into CSS, plain text and report HTML, tested at that spot."""

from __future__ import annotations

import pytest
import tinycss2

from generator.sanitise import markdown_to_html, plain_text
from generator.schema import Post
from generator.site_pages.config import css_string

HOSTILE_NAMES = [
    'acme"]{}@import url(https://evil.example/x.css);[x="',
    'a\\"}body{background:url(//evil.example)}',
    "ümlaut\nnew line",
    "</style><script>alert(1)</script>",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_folder_name_stays_one_css_string(name: str) -> None:
    """Before: the name was written raw into brands.css, where it could close the selector."""
    tokens = tinycss2.parse_component_value_list(css_string(name))
    assert [(t.type, t.value) for t in tokens] == [("string", name)]
    rule = f"[data-almanac-client={css_string(name)}] {{ --al-brand: #000000; }}"
    parsed = [r for r in tinycss2.parse_stylesheet(rule) if r.type != "whitespace"]
    assert [r.type for r in parsed] == ["qualified-rule"]


def test_an_ordinary_folder_name_is_unchanged() -> None:
    assert css_string("pain-doux_2") == '"pain-doux_2"'


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Pâte & beurre > sucre, 1 < 2", "Pâte & beurre > sucre, 1 < 2"),
        ("a <script>alert(1)</script>b", "a b"),
        ('<img src=x onerror="alert(1)">photo', "photo"),
        ("<iframe src=https://evil.example></iframe>vu", "vu"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;ok", "ok"),
        ("avant<!-- note interne -->après", "avantaprès"),
    ],
)
def test_plain_text_has_no_markup(given: str, expected: str) -> None:
    assert plain_text(given) == expected


def test_relative_links_are_not_links_in_reports() -> None:
    """Before: WeasyPrint resolved `notes/plan.html` to file:///home/…/content/client/notes/."""
    html = markdown_to_html(
        "[plan](notes/plan.html) [haut](../../etc/passwd) [site](https://example.org/) "
        "[mail](mailto:a@example.org) [js](javascript:alert(1)) [racine](/plan)",
        {"a", "p"},
        {"a": {"href"}},
    )
    hrefs = [part.split('"')[1] for part in html.split("href=")[1:]]
    assert hrefs == ["https://example.org/", "mailto:a@example.org"]
    assert "plan</a>" in html and "haut</a>" in html


TEXT_FIELDS = {
    "title": "Soldes <!-- SECRET-1 -->d'hiver",
    "tags": ["promo<!-- SECRET-2 -->"],
    "hashtags": ["#soldes <!-- SECRET-3 -->"],
    "author": "Léa <!-- SECRET-4 -->",
}


def test_comments_are_removed_from_every_text_field_at_load() -> None:
    post = Post.model_validate(
        {
            **TEXT_FIELDS,
            "publish_at": "2026-11-20 10:00",
            "platforms": ["instagram"],
            "status": "draft",
            "category": "promo<!-- SECRET-5 -->",
            "media": [{"file": "media/a.png", "alt": "<!-- SECRET-6 -->Vitrine", "credit": "A"}],
            "variants": {"instagram": {"first_comment": "Lien <!-- SECRET-7 --> en bio"}},
            "internal": "kept: <!-- internal notes are never published -->",
        },
        context={"timezone": "Europe/Paris"},
    )
    dumped = post.model_dump_json(exclude={"internal"})
    assert "SECRET" not in dumped and "<!--" not in dumped
    assert post.title == "Soldes d'hiver" and post.media[0].alt == "Vitrine"
    assert post.internal is not None and "<!--" in post.internal
