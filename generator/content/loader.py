"""Loading a workspace: find its root, read every file, validate it, collect every problem."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.content import layout
from generator.content.kinds import KINDS, ItemMeta, Kind
from generator.content.model import (
    AgencyEvent,
    ClientData,
    Item,
    MonthNote,
    Source,
    Workspace,
)
from generator.content.paths import (
    accept_client_file,
    accept_client_folder,
    accept_file_within,
    accept_item_name,
)
from generator.content.references import check_references
from generator.content.unloaded import named_days
from generator.frontmatter import FrontMatter, SourceError, parse_front_matter, read_text
from generator.months import is_month_key
from generator.problems import AlmanacError, ProblemList, Severity
from generator.schema import Client, MonthNotes, Settings
from generator.schema.common import is_slug
from generator.schema.validate import validate_doc
from generator.schema.watchlist import WatchList, WatchSource
from generator.yamlread import find_control_character, parse_yaml


@dataclass
class Document:
    """A validated file: its typed fields, its Markdown body and where it came from."""

    meta: Any
    body: str
    source: Source


def find_workspace(start: Path, explicit: Path | None = None) -> Path:
    """The folder holding almanac.yml: the one given, or the nearest from `start` upwards."""
    if explicit is not None:
        if not (explicit / layout.SETTINGS_FILE).is_file():
            raise AlmanacError(
                f"no {layout.SETTINGS_FILE} in {explicit}: is this an Almanac "
                "workspace? (`almanac init DIR` makes one)",
                exit_code=2,
            )
        return explicit.resolve()
    for folder in [start.resolve(), *start.resolve().parents]:
        if (folder / layout.SETTINGS_FILE).is_file():
            return folder
    raise AlmanacError(
        f"no {layout.SETTINGS_FILE} found in {start} or any folder above it: run this "
        "inside a workspace, pass --workspace PATH, or create one with "
        "`almanac init DIR`",
        exit_code=2,
    )


def relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_document(
    path: Path,
    root: Path,
    model: type[BaseModel],
    problems: ProblemList,
    context: dict[str, Any] | None = None,
    front_matter: bool = True,
) -> Document | None:
    """Read and validate one YAML or Markdown file; problems go to `problems`."""
    rel = relative(path, root)
    try:
        text = read_text(path)
        front: FrontMatter | None = parse_front_matter(text) if front_matter else None
    except SourceError as exc:
        problems.add(rel, exc.line, exc.field, "file.unreadable", exc.message)
        return None
    except OSError as exc:
        problems.add(rel, 1, "", "file.unreadable", f"cannot read the file: {exc.strerror}")
        return None
    split = front.split if front else None
    doc = front.doc if front else parse_yaml(text, 1)
    for issue in doc.issues:
        problems.add(rel, issue.line, issue.field, "yaml.invalid", issue.message)
    if doc.data is None and doc.issues:
        return None
    checked = validate_doc(model, doc, rel, context)
    # a field already reported by the YAML reader is not reported again by the schema
    flagged = {issue.field for issue in doc.issues}
    problems.extend([p for p in checked.problems if p.field not in flagged])
    if checked.value is None or doc.issues:
        return None
    source = Source(path, rel, doc.lines, split.body_line if split else 0)
    if split is not None:
        report_control_character(split.body, split.body_line, rel, problems)
    return Document(checked.value, split.body if split else "", source)


def report_control_character(body: str, first_line: int, rel: str, problems: ProblemList) -> None:
    """A caption with a control character (a bell, an escape pasted from a terminal) is
    refused at its line, as it is in the fields: networks and calendar feeds reject it."""
    found = find_control_character(body)
    if found is not None:
        problems.add(rel, first_line + found[0], "", "body.control-character", found[1])


def load_settings(root: Path, problems: ProblemList) -> tuple[Settings, Source]:
    doc = read_document(root / layout.SETTINGS_FILE, root, Settings, problems, front_matter=False)
    if doc is None:  # keep checking the rest with defaults; the error is already recorded
        return Settings(name=root.name), Source(root / layout.SETTINGS_FILE, layout.SETTINGS_FILE)
    return doc.meta, doc.source


def read_client(folder: Path, ws: Workspace, problems: ProblemList) -> ClientData | None:
    """Read one client's folder: client.yml first (it gives the time zone), then the rest."""
    config_path = folder / layout.CLIENT_FILE
    if not config_path.is_file():
        problems.add(
            relative(folder, ws.root),
            1,
            "",
            "workspace.no-client-file",
            f"the folder `{folder.name}` has no client.yml: add one (see "
            "`almanac schema client`) or move the folder out of content/",
        )
        return None
    if not accept_client_file(config_path, folder, relative(config_path, ws.root), problems):
        return None
    doc = read_document(config_path, ws.root, Client, problems, front_matter=False)
    if doc is None:
        return None
    config: Client = doc.meta
    client = ClientData(
        slug=folder.name,
        config=config,
        source=doc.source,
        folder=folder,
        locale=(config.locale or ws.settings.locale).value,
        timezone=config.timezone or ws.settings.timezone,
    )
    load_items(client, ws.root, problems)
    load_months(client, ws.root, problems)
    owner = (folder, f"the client's folder `{folder.name}`")
    client.events = load_events(folder / layout.CLIENT_EVENTS_FOLDER, ws.root, problems, owner)
    client.events += holidays_of(client)
    client.watchlist = load_watchlist(folder / layout.WATCHLIST_FILE, ws.root, problems)
    client.reports = layout.find_reports(ws.root, client.slug)
    return client


def load_items(client: ClientData, root: Path, problems: ProblemList) -> None:
    context = {"timezone": client.timezone}
    seen: dict[str, str] = {}
    for kind in KINDS:
        for path in sorted((client.folder / kind.folder).rglob("*.md")):
            rel = relative(path, root)
            if not accept_client_file(path, client.folder, rel, problems):
                client.unloaded[rel] = None  # not read: it may lie outside the client's folder
                continue
            if kind.monthly_file and not accept_month_name(path, root, problems):
                client.unloaded[rel] = None
                continue
            item = load_item(kind, path, client, root, problems, context)
            if item is None or not accept_item(item, seen, problems):
                client.unloaded[rel] = named_days(path)  # which months it may belong to
                continue
            client.items.append(item)


def load_item(
    kind: Kind[Any],
    path: Path,
    client: ClientData,
    root: Path,
    problems: ProblemList,
    context: dict[str, Any],
) -> Item[ItemMeta] | None:
    """One item file of `kind`, validated against its schema; None (problems recorded) if not."""
    if not accept_item_name(path, relative(path, root), problems):
        return None
    doc = read_document(path, root, kind.schema, problems, context)
    if doc is None:
        return None
    return Item(kind, client.slug, path.stem, doc.meta, doc.body, doc.source)


def accept_source(path: Path, client: ClientData, root: Path, problems: ProblemList) -> bool:
    """A file may be read for a client only from its folder."""
    return accept_client_file(path, client.folder, relative(path, root), problems)


def accept_month_name(path: Path, root: Path, problems: ProblemList) -> bool:
    """A monthly log is named after its month: mentions/2026-11.md."""
    if is_month_key(path.stem):
        return True
    problems.add(
        relative(path, root),
        1,
        "",
        "item.bad-month-name",
        f"`{path.name}` should be named after its month, YYYY-MM.md (e.g. 2026-11.md)",
    )
    return False


def accept_item(item: Item[ItemMeta], seen: dict[str, str], problems: ProblemList) -> bool:
    """Refuse an item whose slug is taken or whose `client:` contradicts its folder."""
    rel = item.source.rel
    if item.meta.client is not None and item.meta.client != item.client:
        problems.add(
            rel,
            item.source.line_of("client"),
            "client",
            "item.wrong-client",
            f"`client: {item.meta.client}` disagrees with the folder "
            f"`{item.client}`: the folder decides; fix or remove the field",
        )
        return False
    if item.slug in seen:
        problems.add(
            rel,
            1,
            "",
            "item.duplicate-slug",
            f"another item already uses the name `{item.slug}` ({seen[item.slug]}): "
            "rename one file",
        )
        return False
    seen[item.slug] = rel
    return True


def load_months(client: ClientData, root: Path, problems: ProblemList) -> None:
    for path in sorted((client.folder / layout.MONTHS_FOLDER).glob("*.md")):
        if not accept_source(path, client, root, problems):
            continue
        doc = read_document(path, root, MonthNotes, problems)
        if doc is None:
            continue
        month = path.stem
        meta: MonthNotes = doc.meta
        if meta.month is not None and meta.month != month:
            problems.add(
                doc.source.rel,
                doc.source.line_of("month"),
                "month",
                "month.mismatch",
                f"`month: {meta.month}` disagrees with the file name `{path.name}`",
            )
            continue
        if not is_month_key(month):
            problems.add(
                doc.source.rel,
                1,
                "",
                "month.bad-name",
                f"`{path.name}` should be named YYYY-MM.md, e.g. 2026-10.md",
            )
            continue
        client.months[month] = MonthNote(client.slug, month, meta, doc.body, doc.source)


def warn_unknown_files(folder: Path, root: Path, problems: ProblemList) -> None:
    """Markdown outside the known folders is never read: say so instead of ignoring it."""
    known = layout.known_client_folders()
    item_folders = ", ".join(f"{kind.folder}/" for kind in KINDS)
    for path in sorted(folder.iterdir()):
        if path.is_dir() and path.name not in known and not path.name.startswith("."):
            problems.add(
                relative(path, root),
                1,
                "",
                "workspace.unknown-folder",
                f"the folder `{path.name}` is not read: use {item_folders}, "
                "months/, media/ or metrics/",
                Severity.WARNING,
            )


def load_events(
    folder: Path, root: Path, problems: ProblemList, owner: tuple[Path, str]
) -> list[AgencyEvent]:
    """Events from the YAML files of one folder (content/_events/ or content/<client>/events/),
    each file inside its owner's folder (a link to another client's dates is refused)."""
    from generator.schema.events import EventList

    events: list[AgencyEvent] = []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        rel = relative(path, root)
        if not accept_file_within(path, owner[0], rel, problems, owner[1]):
            continue
        doc = read_document(path, root, EventList, problems, front_matter=False)
        if doc is None:
            continue
        for index, e in enumerate(doc.meta.events):
            events.append(
                AgencyEvent(
                    e.date.isoformat(),
                    e.title,
                    e.end.isoformat() if e.end else None,
                    kind=e.kind.value,
                    time=e.time,
                    location=e.location,
                    blackout=e.blackout,
                    post_expected=e.post_expected,
                    rel=doc.source.rel,
                    line=doc.source.line_of("events", index),
                    uid=e.uid,
                )
            )
    return events


def load_watchlist(path: Path, root: Path, problems: ProblemList) -> list[WatchSource]:
    """The client's watched sources (veille), from watchlist.yml when there is one."""
    rel = relative(path, root)
    if not path.is_file() or not accept_client_file(path, path.parent, rel, problems):
        return []
    doc = read_document(path, root, WatchList, problems, front_matter=False)
    return list(doc.meta.sources) if doc is not None else []


def holidays_of(client: ClientData) -> list[AgencyEvent]:
    """The public holidays of the client's country over the years its calendar spans."""
    country = client.config.country
    dated = [item.when.year for item in client.items if item.when is not None]
    dated += [int(key[:4]) for key in client.months]
    dated += [int(item.slug[:4]) for item in client.items if item.spec.monthly_file]
    if country is None or not dated:
        return []
    from generator.events.public_holidays import public_holidays

    years = range(min(dated), max(dated) + 1)
    found = public_holidays(country, client.config.region, years, client.locale)
    return [AgencyEvent(day.isoformat(), name, kind="holiday") for day, name in found]


def load_workspace(
    root: Path, only_client: str | None = None, metrics: bool = False, history: bool = False
) -> tuple[Workspace, ProblemList]:
    """Load and validate a whole workspace (or one client of it); never raises on bad input.

    With `metrics`, each client's canonical metrics are read too (check, build, report); with
    `history`, the loaded items' git history and approval audit (the site's pages).
    """
    problems = ProblemList()
    settings, source = load_settings(root, problems)
    ws = Workspace(root=root, settings=settings, source=source)
    content = layout.content_dir(root)
    if not content.is_dir():
        problems.add(
            "content",
            1,
            "",
            "workspace.no-content",
            "there is no content/ folder: create it with one folder per client",
        )
        return ws, problems
    agency = (layout.events_dir(root), f"the agency's folder `{layout.EVENTS_FOLDER}`")
    ws.events = load_events(layout.events_dir(root), root, problems, agency)
    for name in layout.client_folders(root):
        if only_client is not None and name != only_client:
            continue
        folder = content / name
        if not accept_client_folder(folder, relative(folder, root), problems):
            continue
        client = read_client(folder, ws, problems)
        if client is not None:
            warn_unknown_files(folder, root, problems)
            ws.clients[client.slug] = client
    if only_client is not None and only_client not in ws.clients and not problems.errors():
        raise AlmanacError(
            f"no client `{only_client}` in content/ (clients: "
            f"{', '.join(layout.client_folders(root))})",
            exit_code=2,
        )
    check_references(ws, problems)
    if metrics:
        load_client_metrics(ws, problems)
    if history:
        from generator.repo.workspace_history import load_workspace_history

        ws.history = load_workspace_history(ws)
    return ws, problems


def load_client_metrics(ws: Workspace, problems: ProblemList) -> None:
    """Each loaded client's canonical metrics; a broken metrics file is an error at its line."""
    from generator.metrics.store import load_metrics

    for client in ws.clients.values():
        try:
            client.metrics = load_metrics(client.folder)
        except AlmanacError as exc:
            path = Path(exc.path) if exc.path else client.folder / layout.METRICS_FOLDER
            problems.add(
                relative(path, ws.root),
                exc.line or 1,
                "",
                "metrics.unreadable",
                exc.message,
            )


def load_client(root: Path, slug: str, metrics: bool = False) -> tuple[Workspace, ProblemList]:
    """One client's workspace, for the commands that work on one client (new, import, report).

    A name that is not a client folder with a client.yml is a usage error (exit 2).
    """
    if not is_slug(slug):
        raise AlmanacError(
            f"`{slug}` is not a client slug (a folder name under content/)", exit_code=2
        )
    if not layout.client_file(root, slug).is_file():
        raise AlmanacError(
            f"no client `{slug}`: content/{slug}/{layout.CLIENT_FILE} does not exist",
            exit_code=2,
        )
    return load_workspace(root, only_client=slug, metrics=metrics)
