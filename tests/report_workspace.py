"""A small two-client workspace with canonical metrics, for the report tests and benchmark."""

from __future__ import annotations

import csv
import random
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

ACCOUNT_HEADER = (
    "platform,date,followers,follower_change,impressions,reach,profile_visits,"
    "link_clicks,video_views,source"
)
POSTS_HEADER = (
    "platform,post_id,post_url,published_at,impressions,reach,engagements,likes,"
    "comments,shares,saves,clicks,video_views,watch_seconds,ctr_percent,ad_spend,"
    "paid_impressions,paid_reach,paid_clicks,paid_results,source"
)
FR = "boulangerie-test"
EN = "outdoor-test"
MARKER_FR = "ZORGLUB-FR-7731"
MARKER_EN = "QUIXOTE-EN-4402"


def write_image(
    path: Path, colour: tuple[int, int, int], size: tuple[int, int] = (240, 240), text: str = ""
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    for step in range(0, size[0], 24):
        draw.line([(step, 0), (0, step)], fill=(255, 255, 255), width=3)
    if text:
        draw.text((12, size[1] - 24), text, fill=(0, 0, 0))
    image.save(path)


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def post(
    title: str, when: str, platforms: str, status: str, category: str, body: str, extra: str = ""
) -> str:
    return (
        f"---\ntitle: {title}\npublish_at: {when}\nplatforms: [{platforms}]\n"
        f"status: {status}\ncategory: {category}\n{extra}---\n{body}\n"
    )


def medium(name: str, alt: str) -> str:
    """One image of the client's own (`almanac check` wants a visual on every Instagram post
    and the rights of each: the reports run the same checks)."""
    return f"media:\n  - file: media/{name}\n    alt: {alt}\n    rights: owned\n"


def published(ids: dict[str, str]) -> str:
    lines = ["published:"]
    for platform, ident in ids.items():
        lines += [
            f"  {platform}:",
            f'    id: "{ident}"',
            f"    url: https://example.org/{platform}/{ident}",
        ]
    return "\n".join(lines) + "\n"


def account_rows(
    platforms: dict[str, int], start: date, end: date, rng: random.Random
) -> list[str]:
    rows = []
    for platform, base in platforms.items():
        followers = base
        day = start
        while day <= end:
            change = rng.randint(-2, 12)
            followers += change
            impressions = rng.randint(300, 1500)
            reach = impressions * rng.randint(55, 80) // 100
            rows.append(
                f"{platform},{day},{followers},{change},{impressions},{reach},"
                f"{rng.randint(5, 40)},{rng.randint(0, 9)},,fixture"
            )
            day += timedelta(days=1)
    return sorted(rows)


def post_row(
    platform: str, ident: str, when: datetime, rng: random.Random, ad_spend: str = ""
) -> str:
    impressions = rng.randint(800, 5000)
    likes, comments, shares = rng.randint(20, 200), rng.randint(0, 30), rng.randint(0, 15)
    saves, clicks = rng.randint(0, 20), rng.randint(0, 40)
    engagements = likes + comments + shares + saves + clicks
    # a boosted post's ad report: half its impressions were paid, its clicks came from the ad
    paid = f"{impressions // 2},{impressions * 3 // 10},{clicks},{clicks}" if ad_spend else ",,,"
    return (
        f"{platform},{ident},https://example.org/{platform}/{ident},"
        f"{when.isoformat(timespec='seconds')}+00:00,{impressions},{impressions * 7 // 10},"
        f"{engagements},{likes},{comments},{shares},{saves},{clicks},,,,{ad_spend},{paid},fixture"
    )


def write_metrics(folder: Path, account: list[str], posts: list[str]) -> None:
    write(folder / "metrics" / "account_daily.csv", "\n".join([ACCOUNT_HEADER, *account]) + "\n")
    write(folder / "metrics" / "posts.csv", "\n".join([POSTS_HEADER, *sorted(posts)]) + "\n")


def write_french_client(root: Path, rng: random.Random) -> None:
    folder = root / "content" / FR
    write(
        folder / "client.yml",
        f"""name: Boulangerie Test & Fils
locale: fr
timezone: Europe/Paris
brand:
  colour: "#8a3b12"
  logo: media/logo.png
platforms:
  instagram:
    handle: "@boulangerie"
  facebook:
    handle: "@boulangerie.fb"
objectives:
  - metric: followers_gained
    target: 150
  - metric: engagement_rate
    target: 4.5
  - metric: posts_published
    target: 30
  - metric: reach
    target: 20000
    platform: instagram
    label: Portée Instagram
internal: "{MARKER_FR} internal note"
""",
    )
    write_image(folder / "media" / "logo.png", (138, 59, 18), (300, 120), "LOGO")
    write_image(folder / "media" / "pain.png", (200, 150, 90))
    write_image(folder / "media" / "comments.png", (230, 230, 230), (400, 260), "commentaires")
    posts: list[str] = []
    categories = ["promo", "education", "community", "entertainment", "promo", "news"]
    for n in range(12):
        day = datetime(2026, 10, 2 + n * 2, 12, 30)
        ident = f"fr{n:03d}"
        status = "published" if n < 10 else "cancelled"
        extra = published({"instagram": ident, "facebook": f"fb{ident}"}) if n < 10 else ""
        extra += medium("pain.png", "Pain")
        if n == 0:
            extra += (
                "boost:\n  budget: 80\n  objective: traffic\n  start: 2026-10-02\n"
                "  end: 2026-10-09\n"
            )
        write(
            folder / "posts" / f"{day:%Y-%m-%d}-octobre-{n}.md",
            post(
                f"Octobre {n} {MARKER_FR if n == 3 else ''}".strip(),
                f"{day:%Y-%m-%d %H:%M}",
                "instagram, facebook",
                status,
                categories[n % 6],
                f"Le levain du jour numéro {n}, croustillant et doré. **Venez** goûter ! "
                "Une longue phrase pour voir comment la légende est coupée proprement "
                "quand elle dépasse la limite de caractères prévue pour les extraits.",
                extra,
            ),
        )
        if n < 10:
            utc = day - timedelta(hours=2)
            spend = "62.40" if n == 0 else ""
            posts.append(post_row("instagram", ident, utc, rng, spend))
            posts.append(post_row("facebook", f"fb{ident}", utc, rng))
    for n in range(4):
        day = datetime(2026, 9, 8 + n * 5, 9, 0)
        ident = f"sep{n}"
        write(
            folder / "posts" / f"{day:%Y-%m-%d}-septembre-{n}.md",
            post(
                f"Septembre {n}",
                f"{day:%Y-%m-%d %H:%M}",
                "instagram",
                "published",
                "education",
                "Septembre.",
                published({"instagram": ident}) + medium("pain.png", "Pain"),
            ),
        )
        posts.append(post_row("instagram", ident, day - timedelta(hours=2), rng))
    for n, status in enumerate(["scheduled", "approved", "draft", "idea"]):
        day = datetime(2026, 11, 23 + n * 2, 8, 0)  # after --today: nothing is late
        write(
            folder / "posts" / f"{day:%Y-%m-%d}-novembre-{n}.md",
            post(
                f"Novembre {n}",
                f"{day:%Y-%m-%d %H:%M}",
                "instagram",
                status,
                "promo",
                "Bientôt.",
                medium("pain.png", "Pain"),
            ),
        )
    write(
        folder / "contests" / "concours-octobre.md",
        """---
title: Concours du croissant d'or
platforms: [instagram]
status: published
starts: 2026-10-10 09:00
ends: 2026-10-20 23:00
draw_at: 2026-10-22 12:00
prize:
  description: Un an de croissants
  quantity: 2
participants: 1234
winners:
  - name: "@marie.l"
  - name: "@paul_b"
shipping:
  status: shipped
---
Tentez votre chance !
""",
    )
    write(
        folder / "curated" / "article-farine.md",
        """---
title: Les farines anciennes expliquées
platforms: [facebook]
status: shared
source_name: Le Monde du Pain
source_author: Jeanne Martin
source_url: https://example.org/farines-anciennes
credit: Le Monde du Pain, Jeanne Martin
share_at: 2026-10-15 18:00
why: Nos clients demandent souvent d'où vient notre farine.
---
Un bel article.
""",
    )
    write(
        folder / "months" / "2026-10.md",
        f"""---
summary: Un mois d'octobre porté par le concours et la rentrée des classes.
tone:
  positive: 42
  neutral: 17
  negative: 3
quotes:
  - text: Le meilleur croissant du quartier !
    author: "@julie"
    platform: instagram
    tone: positive
  - text: Dommage que la boutique ferme tôt le dimanche.
    author: Marc
    platform: facebook
    tone: negative
screenshots:
  - file: media/comments.png
    caption: Commentaires sous le post du concours
actions:
  - Réponse à 58 commentaires et 12 messages privés
  - Partenariat avec la brasserie voisine
next_month: Novembre sera consacré aux galettes et au calendrier de l'Avent.
internal: "{MARKER_FR} do not publish"
---
Le concours a **doublé** les interactions habituelles.
""",
    )
    account = account_rows(
        {"instagram": 2400, "facebook": 900}, date(2026, 9, 1), date(2026, 10, 31), rng
    )
    write_metrics(folder, account, posts)


def write_english_client(root: Path, rng: random.Random) -> None:
    folder = root / "content" / EN
    write(
        folder / "client.yml",
        """name: Outdoor Test Ltd
locale: en
timezone: Europe/London
brand:
  colour: "#2f6b3a"
platforms:
  instagram:
    handle: "@outdoor"
  linkedin:
    handle: outdoor-test
objectives:
  - metric: impressions
    target: 1000000
""",
    )
    write_image(folder / "media" / "trail.png", (47, 107, 58))
    posts: list[str] = []
    for n in range(6):
        day = datetime(2026, 10, 3 + n * 4, 17, 0)
        ident = f"en{n:03d}"
        write(
            folder / "posts" / f"{day:%Y-%m-%d}-october-{n}.md",
            post(
                f"October trail {n}",
                f"{day:%Y-%m-%d %H:%M}",
                "instagram, linkedin",
                "published",
                "education" if n % 2 else "entertainment",
                f"Trail tip {n} {MARKER_EN}: pack light, layer up.",
                published({"instagram": ident, "linkedin": f"li{ident}"})
                + medium("trail.png", "Trail"),
            ),
        )
        posts.append(post_row("instagram", ident, day - timedelta(hours=1), rng))
        posts.append(post_row("linkedin", f"li{ident}", day - timedelta(hours=1), rng))
    account = account_rows(
        {"instagram": 5100, "linkedin": 640}, date(2026, 9, 20), date(2026, 10, 31), rng
    )
    write_metrics(folder, account, posts)


def build_workspace(root: Path, seed: int = 11) -> Path:
    """Write the workspace under `root` and return it."""
    rng = random.Random(seed)
    write(
        root / "almanac.yml", "version: 1\nname: Agence Test\ntimezone: Europe/Paris\nlocale: fr\n"
    )
    write_french_client(root, rng)
    write_english_client(root, rng)
    return root


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


HEADINGS = {
    FR: [
        "Le mois en chiffres",
        "Audience et portée",
        "Publications",
        "Publications les plus performantes",
        "Jeux-concours",
        "Contenus partagés",
        "Publicité et boosts",
        "Communauté",
        "Au programme le mois prochain",
        "Définitions",
    ],
    EN: [
        "The month in numbers",
        "Audience and reach",
        "Publishing",
        "Top posts",
        "Contests",
        "Curated content shared",
        "Ads and boosts",
        "Community",
        "Next month's plan",
        "Definitions",
    ],
}


def pdf_text(path: Path) -> str:
    """pdftotext -layout, with Babel's (narrow) no-break spaces read as plain spaces."""
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return out.replace("\u202f", " ").replace("\u00a0", " ")
