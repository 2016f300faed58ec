"""`almanac new post|contest|curated|client`: write a valid new item, or a new client."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import datetime
from pathlib import Path

from generator.clock import add_today_argument, resolve_today
from generator.commands.init import zone_argument
from generator.content import loader
from generator.content.kinds import KINDS
from generator.content.loader import load_settings, relative
from generator.content.model import ClientData
from generator.posting_slots import first_slot_of_day, next_free_slot
from generator.problems import AlmanacError, ProblemList
from generator.scaffold import NewClient, write_new_client, write_new_item
from generator.schema.common import Locale, Platform, is_slug, localise, parse_datetime

NAME = "new"
HELP = (
    "write a new item for a client (a kind of the registry: post, contest, curated, "
    "partnership), or a new client "
    "(`almanac new client SLUG`); never overwrites"
)
ITEM_KINDS = tuple(kind.name for kind in KINDS)  # post, contest, curated…: the registry
DAY_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # `--at 2026-12-20`: a day, not its midnight


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # what to make: an item of a registered kind, or a client ("kind" is only ever an item's)
    parser.add_argument("what", choices=[*ITEM_KINDS, "client"])
    parser.add_argument(
        "slug",
        nargs="?",
        default=None,
        metavar="SLUG",
        help="`new client` only: the new client's folder name, e.g. boulangerie-martin",
    )
    parser.add_argument("--client", metavar="SLUG", help="the item's client (folder name)")
    parser.add_argument("--title", help="the item's title (gives the file name)")
    parser.add_argument(
        "--at",
        default=None,
        metavar="DATETIME",
        help="when, e.g. '2026-12-03 12:30'; a day alone means that day's first free posting "
        "window (default: the client's next free posting window after its review lead time)",
    )
    parser.add_argument(
        "--platforms",
        default=None,
        metavar="a,b",
        help="networks, comma-separated (default: the client's first); for `new client`, "
        "network or network=@handle, e.g. instagram=@martin,facebook",
    )
    parser.add_argument(
        "--category",
        default="education",
        help="post category: promo, education, entertainment, community, news…",
    )
    parser.add_argument(
        "--kind",
        dest="category",
        action=DeprecatedOption,
        help=argparse.SUPPRESS,  # the old name of --category
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="write the post even on a network the client has no account on (warns instead)",
    )
    parser.add_argument("--name", default=None, help="`new client`: the client's name")
    parser.add_argument(
        "--locale",
        choices=[locale.value for locale in Locale],
        default=None,
        help="`new client`: posts and reports language (default: almanac.yml's)",
    )
    parser.add_argument(
        "--timezone",
        type=zone_argument,
        default=None,
        metavar="ZONE",
        help="`new client`: the audience's time zone (default: almanac.yml's)",
    )
    add_today_argument(parser, "the day the default time is counted from")


class DeprecatedOption(argparse.Action):
    """An option under its old name: still works, and says what to write instead."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(
            f"warning: {option_string} is an old name: write --{self.dest.replace('_', '-')}",
            file=sys.stderr,
        )
        setattr(namespace, self.dest, values)


def usage_error(message: str) -> AlmanacError:
    return AlmanacError(message, exit_code=2)


def load_client(root: Path, slug: str) -> ClientData:
    """The client with its items (its posts decide which windows are free).

    Read by the loader's one load_client; only client.yml's own problems stop `new`.
    """
    ws, problems = loader.load_client(root, slug)
    client = ws.clients.get(slug)
    if client is None:
        rel = f"content/{slug}/client.yml"
        first = next(p for p in problems.sorted() if p.path == rel)
        raise AlmanacError(
            f"fix {first.path} first: {first.message}", path=first.path, line=first.line
        )
    return client


def split_names(text: str) -> list[str]:
    names = [name.strip() for name in text.split(",") if name.strip()]
    known = {p.value for p in Platform}
    unknown = [name.split("=")[0] for name in names if name.split("=")[0] not in known]
    if unknown or not names:
        raise usage_error(
            f"unknown network(s) {', '.join(unknown) or '(none)'}: use {', '.join(sorted(known))}"
        )
    return names


def parse_platforms(text: str | None, client: ClientData, force: bool) -> list[str]:
    """The post's networks: known ones the client has an account on (or --force)."""
    accounts = [p.value for p in client.config.platforms]
    if text is None:
        return accounts[:1] or ["instagram"]
    names = split_names(text)
    missing = [name for name in names if name not in accounts]
    if missing:
        message = (
            f"{client.config.name} has no account on {', '.join(missing)} (its networks: "
            f"{', '.join(accounts) or 'none'}): add it under `platforms:` in "
            f"content/{client.slug}/client.yml"
        )
        if not force:
            raise usage_error(message + ", or pass --force to write the post anyway")
        print(f"almanac: warning: {message}", file=sys.stderr)
    return names


def parse_when(
    text: str | None, client: ClientData, platforms: list[str], today: datetime
) -> datetime:
    """`--at` as a local time (a day alone: its first free window), else the next free window."""
    zone = client.timezone
    if text is None:
        return next_free_slot(client, platforms, zone, today)
    try:
        moment = parse_datetime(text)
        if DAY_ONLY.match(text.strip()):
            return first_slot_of_day(client, platforms, zone, moment.date())
        localise(moment, zone)
    except ValueError as exc:
        raise usage_error(f"--at: {exc}") from None
    return moment


def parse_client_platforms(text: str | None) -> dict[str, str | None]:
    if text is None:
        raise usage_error(
            "`new client` needs --platforms, e.g. --platforms instagram=@martin,facebook"
        )
    out: dict[str, str | None] = {}
    for name in split_names(text):
        network, _, handle = name.partition("=")
        out[network] = handle.strip() or None
    return out


def new_client(args: argparse.Namespace) -> int:
    root: Path = args.workspace_root
    if args.slug is None or not is_slug(args.slug):
        raise usage_error(
            f"`{args.slug or ''}` is not a client slug: give the folder name in lower case with "
            'dashes, e.g. `almanac new client boulangerie-martin --name "Boulangerie Martin"`'
        )
    settings, _ = load_settings(root, ProblemList())
    client = NewClient(
        slug=args.slug,
        name=args.name or args.slug.replace("-", " ").title(),
        locale=args.locale or settings.locale.value,
        timezone=args.timezone or settings.timezone,
        platforms=parse_client_platforms(args.platforms),
    )
    path = write_new_client(root, client)
    print(relative(path, root))
    guessed = [network for network, handle in client.platforms.items() if handle is None]
    if guessed:
        print(
            f"the {', '.join(guessed)} handle(s) were guessed from the slug: check them in "
            f"{relative(path, root)}",
            file=sys.stderr,
        )
    return 0


def new_item(args: argparse.Namespace) -> int:
    root: Path = args.workspace_root
    if args.slug is not None:
        raise usage_error(f"`new {args.what}` takes --client and --title, not a SLUG")
    if not args.client or not args.title:
        raise usage_error(f"`new {args.what}` needs --client SLUG and --title TITLE")
    client = load_client(root, args.client)
    platforms = parse_platforms(args.platforms, client, args.force)
    today = resolve_today(root, args.today).moment
    when = parse_when(args.at, client, platforms, today)
    path = write_new_item(root, args.client, args.what, args.title, when, platforms, args.category)
    print(relative(path, root))
    return 0


def run(args: argparse.Namespace) -> int:
    return new_client(args) if args.what == "client" else new_item(args)
