"""Generate a large synthetic workspace (default 10,000 posts over 20 clients) for benchmarks."""

from __future__ import annotations

import argparse
import random
from datetime import datetime, timedelta
from pathlib import Path

PLATFORMS = ["instagram", "facebook", "linkedin", "x", "tiktok"]
CATEGORIES = ["education", "entertainment", "community", "news", "promo", "behind_the_scenes"]
STATUSES = ["published", "scheduled", "approved", "in_review", "draft", "idea"]
WINDOWS = ['"07:30-09:30"', '"12:00-14:00"', '"17:30-21:00"']
WORDS = [
    "atelier",
    "pain",
    "levain",
    "croissant",
    "vélo",
    "trail",
    "hiver",
    "automne",
    "marché",
    "recette",
    "conseil",
    "équipe",
    "client",
    "saison",
    "nouveauté",
    "astuce",
    "coulisses",
    "communauté",
    "merci",
    "bravo",
]


def write_settings(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    (root / "almanac.yml").write_text(
        "version: 1\nname: Benchmark Agency\ntimezone: Europe/Paris\nlocale: fr\n", encoding="utf-8"
    )


def write_client(folder: Path, index: int) -> None:
    (folder / "posts").mkdir(parents=True, exist_ok=True)
    lines = [
        f"name: Client {index:02d}",
        f"locale: {'en' if index % 3 == 0 else 'fr'}",
        "timezone: Europe/Paris",
        "brand:",
        f'  colour: "#{(index * 997) % 0xFFFFFF:06x}"',
        "platforms:",
    ]
    for platform in PLATFORMS:
        lines += [
            f"  {platform}:",
            f'    handle: "@client{index:02d}"',
            f"    windows: [{', '.join(WINDOWS)}]",
        ]
    lines += [
        "approvers:",
        f"  - name: Approver {index:02d}",
        f"    email: approver{index:02d}@example.org",
    ]
    (folder / "client.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def post_text(rng: random.Random, when: datetime, number: int) -> str:
    platforms = rng.sample(PLATFORMS, rng.randint(1, 3))
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 60)))
    return (
        "---\n"
        f"title: Post {number} {rng.choice(WORDS)}\n"
        f"publish_at: {when:%Y-%m-%d %H:%M}\n"
        f"platforms: [{', '.join(platforms)}]\n"
        f"status: {rng.choice(STATUSES)}\n"
        f"category: {rng.choice(CATEGORIES)}\n"
        f"author: writer{number % 7}\n"
        f"tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]\n"
        f"hashtags: ['#{rng.choice(WORDS)}']\n"
        "---\n"
        f"{words.capitalize()}.\n"
    )


def write_posts(folder: Path, count: int, rng: random.Random, first: int) -> None:
    start = datetime(2026, 9, 1, 8, 0)
    for n in range(count):
        day = start + timedelta(days=n * 120 // max(count, 1))
        when = day.replace(hour=rng.choice([8, 12, 13, 18, 19]), minute=rng.choice([0, 15, 30]))
        path = folder / "posts" / f"{when:%Y-%m-%d}-post-{first + n:05d}.md"
        path.write_text(post_text(rng, when, first + n), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="folder to create")
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    write_settings(args.out)
    per_client = args.posts // args.clients
    for index in range(args.clients):
        folder = args.out / "content" / f"client-{index:02d}"
        write_client(folder, index)
        write_posts(folder, per_client, rng, index * per_client)
    print(f"wrote {per_client * args.clients} posts for {args.clients} clients in {args.out}")


if __name__ == "__main__":
    main()
