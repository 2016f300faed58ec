"""`almanac build`, the recipe: load → validate → model → render → write, swapped in atomically."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import time
from dataclasses import dataclass, field, replace
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from generator.atomic import DISK_FULL_TEXT, is_disk_full
from generator.calendar_model import CalendarModel, build_calendar
from generator.captions import network_name
from generator.checking import check_workspace
from generator.content.model import Workspace
from generator.feeds import render_ics, render_schedule_csv
from generator.lifeline import module_command
from generator.output_guard import check_output, write_marker
from generator.problems import AlmanacError, Problem, Severity, blocking
from generator.progress import Steps, quiet_steps
from generator.repo.forge import find_forge
from generator.repo.workspace_history import WorkspaceHistory
from generator.schema.settings import ENGINES
from generator.site_engine.cache import engine_stamp, open_cache, prepare_output, save_stamp
from generator.site_engine.project import engine_config, project_files
from generator.site_engine.project_files import SyncResult, link_tree, sync_project
from generator.site_engine.search_text import search_texts
from generator.site_pages import ExtraPages, Page, SiteContext, SiteProject, render_pages
from generator.site_pages.audience import client_workspace
from generator.site_pages.config import (
    compose_config,
    render_brands,
)
from generator.site_pages.context import Granularity, build_context
from generator.site_pages.html import page_url
from generator.site_pages.inbox_pages import inbox_sections, render_inbox_pages
from generator.site_pages.report_pages import (
    page_of,
    render_report_pages,
    site_files,
)
from generator.site_reports import SiteReports, collect_reports
from generator.site_swap import recover_abandoned, staging_folder, swap_into_place
from generator.vocabulary import word as t

MEDIA_SUFFIXES = {
    ".jpg",
    ".jpeg",
    ".png",
    ".gif",
    ".webp",
    ".avif",
    ".mp4",
    ".webm",
    ".mov",
    ".m4v",
}
# Fixed build time for the engines (sitemap.xml.gz header, dates): two builds are identical
DEFAULT_EPOCH = "0"
# Zensical wants site_dir inside the project folder
BUILT = "built"


@dataclass
class BuildOptions:
    """What `almanac build` was asked for."""

    root: Path
    today: datetime
    output: Path | None = None
    engine: str | None = None
    client: str | None = None
    strict: bool = False
    granularity: Granularity = "page"
    reports: bool = False  # HTML previews of the reports (charts cost ~0.4 s a report)
    include_drafts: bool = False  # a client's site: show ideas and drafts too
    extra_pages: list[ExtraPages] = field(default_factory=list)


@dataclass
class BuildResult:
    """What was built, for the command's summary line and the benchmarks."""

    output: Path
    engine: str
    pages: int
    seconds: float
    problems: list[Problem]


def site_title(ws: Workspace, client: str | None) -> str:
    """The agency's name, or the client's name alone in a client's own site."""
    if client is not None:
        return ws.clients[client].name
    return ws.settings.name


PACKAGED_ASSETS = Path(str(resources.files("generator").joinpath("site_pages/assets")))


def calendar_folder(root: Path) -> Path:
    """The workspace's site definition, or the packaged default when it has none."""
    own = root / "calendar"
    if (own / "mkdocs.yml").is_file():
        return own
    return Path(str(resources.files("generator").joinpath("templates/workspace/calendar")))


def load_base_config(folder: Path) -> dict[str, Any]:
    path = folder / "mkdocs.yml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise AlmanacError(f"cannot read the site definition: {exc}", path) from None
    if not isinstance(data, dict):
        raise AlmanacError("the site definition must be a mapping of MkDocs settings", path)
    return data


def collect_media(ws: Workspace) -> dict[tuple[str, str], Path]:
    """Files referenced by validated items (and logos) that the site may publish."""
    found: dict[tuple[str, str], Path] = {}
    for client in ws.clients.values():
        names = [name for item in client.items for _field, name in item.files]
        for name in sorted(set(names)):
            target = (client.folder / name).resolve()
            folder = client.folder.resolve()
            if (
                folder in target.parents
                and target.is_file()
                and target.suffix.lower() in MEDIA_SUFFIXES
            ):
                found[(client.slug, name)] = target
    return found


def media_site_path(ws: Workspace, client: str, source: Path) -> str:
    return f"{client}/{source.relative_to(ws.clients[client].folder.resolve()).as_posix()}"


def feed_links(model: CalendarModel, locale: str) -> dict[str, list[tuple[str, str]]]:
    """Per client, the (label in the site's language, site path) of its feeds and CSV export."""
    links: dict[str, list[tuple[str, str]]] = {}
    for cal in model.clients:
        slug = cal.client.slug
        found = [(t("feed_all", locale), f"feeds/{slug}.ics")]
        for platform in sorted(p.value for p in cal.client.config.platforms):
            found.append((f"iCalendar · {network_name(platform)}", f"feeds/{slug}-{platform}.ics"))
        found.append((t("export_csv", locale), f"exports/{slug}.csv"))
        links[slug] = found
    return links


def render_feeds(ws: Workspace, ctx: SiteContext) -> dict[str, str]:
    """iCalendar feeds (client, client per network) and the CSV schedule, by site path."""
    base = ws.settings.site_url

    def url_for(item: Any) -> str | None:
        return f"{base.rstrip('/')}/{page_url(ctx.item_page(item))}" if base else None

    texts: dict[str, str] = {}
    for cal in ctx.model.clients:
        client = cal.client
        texts[f"feeds/{client.slug}.ics"] = render_ics(ws, client, None, url_for)
        for platform in sorted(p.value for p in client.config.platforms):
            texts[f"feeds/{client.slug}-{platform}.ics"] = render_ics(ws, client, platform, url_for)
        texts[f"exports/{client.slug}.csv"] = render_schedule_csv(ws, client)
    return texts


def client_sections(
    ws: Workspace, reports: SiteReports, locale: str, team: bool
) -> dict[str, list[tuple[str, str]]]:
    """Each client's extra pages: its reports, and on the team site its curation inbox."""
    sections: dict[str, list[tuple[str, str]]] = {
        slug: [(t("reports", locale), page_of(slug))] for slug in reports.clients
    }
    if team:
        for slug, links in inbox_sections(ws.clients, locale).items():
            sections.setdefault(slug, []).extend(links)
    return sections


def render_project(model: CalendarModel, options: BuildOptions, folder: Path) -> SiteProject:
    """Every page, file and setting of the generated MkDocs project."""
    ws = model.workspace
    # a client's own site speaks the client's language; the team site the agency's
    locale = ws.clients[options.client].locale if options.client else ws.settings.locale.value
    media = collect_media(ws)
    files = {media_site_path(ws, client, src): src for (client, _), src in media.items()}
    reports = collect_reports(ws, options.today.date(), options.reports)
    # the context is complete before the first page is rendered, and never changes after
    ctx = build_context(
        model,
        locale,
        options.granularity,
        feeds=feed_links(model, locale),
        media={key: media_site_path(ws, key[0], src) for key, src in media.items()},
        sections=client_sections(ws, reports, locale, options.client is None),
        forge=find_forge(options.root, ws.settings),
        client_site=options.client is not None,
    )
    texts = render_feeds(ws, ctx)
    texts["assets/brands.css"] = render_brands(ctx)
    pdfs, previews = site_files(reports)
    files.update(pdfs)
    texts.update(previews)
    title = site_title(ws, options.client)

    def report_pages(ctx: SiteContext) -> list[Page]:
        return render_report_pages(ctx, reports)

    # the curation inbox is the agency's working list: on the team site only
    team = [render_inbox_pages] if options.client is None else []
    pages = render_pages(ctx, title, [report_pages, *team, *options.extra_pages])
    config = compose_config(load_base_config(folder), ctx, title, BUILT)
    return SiteProject(pages, config, files, texts, search_texts(ctx, pages))


def write_project(project: SiteProject, target: Path, definition: Path) -> SyncResult:
    """The generated project on disk; in a folder kept from a previous build, only what changed."""
    return sync_project(project_files(project, definition, PACKAGED_ASSETS), target)


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="" keeps the CRLF of iCalendar feeds as written
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)


def engine_command(engine: str, config: Path, dirty: bool = False) -> list[str]:
    """The engine's build, in a child that dies with this process (no orphan writes);
    `dirty`: MkDocs rebuilds only pages whose source is newer."""
    if engine == "zensical":
        return module_command("zensical", "build", "-f", str(config))
    flags = ["-q", "--dirty"] if dirty else ["-q"]
    return module_command("mkdocs", "build", *flags, "-f", str(config))


def run_engine(engine: str, config: Path, dirty: bool = False) -> None:
    """Run the site engine on the generated project; its errors become one AlmanacError."""
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", DEFAULT_EPOCH)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    done = subprocess.run(
        engine_command(engine, config, dirty),
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()[-2000:]
        if DISK_FULL_TEXT in detail:
            raise disk_full(config.parent)
        raise AlmanacError(f"the {engine} build failed; the previous site is kept.\n{detail}")


def disk_full(where: Path) -> AlmanacError:
    return AlmanacError(
        f"the disk is full: the site could not be written beside {where} "
        f"({DISK_FULL_TEXT}); free some space and build again. The previous site is kept, "
        "and the half-built one was removed"
    )


def tidy_sitemap(built: Path) -> None:
    """Drop the build dates MkDocs puts in the sitemap: two builds must be byte-identical."""
    sitemap = built / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = re.sub(r"\s*<lastmod>[^<]*</lastmod>", "", sitemap.read_text(encoding="utf-8"))
    sitemap.write_text(text, encoding="utf-8")
    packed = built / "sitemap.xml.gz"
    if packed.exists():
        with (
            packed.open("wb") as raw,
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as handle,
        ):
            handle.write(text.encode("utf-8"))


def verify_site(built: Path, project: SiteProject) -> None:
    """Refuse to publish a site missing a page (an engine can exit 0 and skip files)."""
    missing = [
        p.path for p in project.pages if not (built / page_url(p.path) / "index.html").is_file()
    ]
    if missing:
        raise AlmanacError(
            f"the built site lacks {len(missing)} page(s), e.g. {missing[0]}; "
            "the previous site is kept"
        )


def build_variant(options: BuildOptions, engine: str) -> dict[str, object]:
    """What makes two builds different sites: each kind keeps its own cache folder."""
    return {
        "engine": engine,
        "client": options.client,
        "include_drafts": options.include_drafts,
        "granularity": options.granularity,
        "reports": options.reports,
        "extra": [getattr(add, "__qualname__", repr(add)) for add in options.extra_pages],
    }


def pick_engine(options: BuildOptions, ws: Workspace) -> str:
    engine = options.engine or ws.settings.engine
    if engine not in ENGINES:
        raise AlmanacError(f"unknown engine `{engine}`: use mkdocs or zensical", exit_code=2)
    return engine


def approval_problems(history: WorkspaceHistory | None) -> list[Problem]:
    """The audit's problems, with names but not email addresses: the site may be public."""
    found = []
    for record in history.records.values() if history else []:
        people = [c.commit.author for c in [record.approval, *record.edits_after] if c]
        for problem in record.problems:
            message = problem.message
            for person in people:
                message = message.replace(str(person), person.name)
            found.append(replace(problem, message=message))
    return found


def refuse_unreadable_clients(ws: Workspace, problems: list[Problem]) -> None:
    """Fail when a client's client.yml is invalid, rather than build a site without them."""
    lost = [
        p
        for p in problems
        if p.severity is Severity.ERROR
        and p.path.startswith("content/")
        and p.path.endswith("/client.yml")
        and p.path.split("/")[1] not in ws.clients
    ]
    if lost:
        details = "\n".join(f"  {p.path}:{p.line}: {p.field or 'file'}: {p.message}" for p in lost)
        clients = sorted({p.path.split("/")[1] for p in lost})
        raise AlmanacError(
            f"the site was not built: the settings of {', '.join(clients)} cannot be read, so "
            f"their calendar would be missing:\n{details}"
        )


def load_model(options: BuildOptions) -> tuple[CalendarModel, list[Problem]]:
    """Load (with git history and approvals), validate as `check` does, model the calendar."""
    ws, problems = check_workspace(options.root, options.today, options.client, history=True)
    refuse_unreadable_clients(ws, problems)
    stopped = blocking(problems, strict=True) if options.strict else []
    if stopped:
        raise AlmanacError(
            f"{len(stopped)} problem(s) and --strict: nothing was built "
            "(run `almanac check --strict` to see them)"
        )
    if options.client is not None:
        problems = without_team_files(ws, problems)
    problems = sorted(problems + approval_problems(ws.history))
    if options.client is not None:
        ws = client_workspace(ws, options.include_drafts)
    return build_calendar(ws, options.today, problems), problems


def without_team_files(ws: Workspace, problems: list[Problem]) -> list[Problem]:
    """A client's own site: the items of team-only kinds (the mentions logs) left out, and
    the problems found in them (the listening alerts) with them."""
    hidden: set[str] = set()
    for client in ws.clients.values():
        hidden |= {item.source.rel for item in client.items if item.spec.team_only}
        client.items = [item for item in client.items if not item.spec.team_only]
    return [p for p in problems if p.path not in hidden]


BUILD_STEPS = 5  # check, render, write, engine, verify: what the progress bar counts


def build_site(options: BuildOptions, steps: Steps | None = None) -> BuildResult:
    """Build the calendar site into `site/` (or `options.output`); all or nothing."""
    started = time.perf_counter()
    steps = steps or quiet_steps()
    output = (options.output or options.root / "site").resolve()
    if output.parent.is_dir():  # first put back a site a killed build left aside
        recover_abandoned(output)
    check_output(output, options.root)  # before any work: a wrong --output costs nothing
    steps.start("checking the workspace")
    model, problems = load_model(options)
    engine = pick_engine(options, model.workspace)
    output.parent.mkdir(parents=True, exist_ok=True)
    definition = calendar_folder(options.root)
    steps.advance("rendering the pages")
    project = render_project(model, options, definition)
    project.config = engine_config(project.config, engine)
    cache = open_cache(options.root, build_variant(options, engine), BUILT)
    try:
        with staging_folder(output) as staging:
            with cache.locked():
                steps.advance(f"writing {len(project.pages)} pages")
                synced = write_project(project, cache.project, definition)
                stamp = engine_stamp(cache, engine)
                dirty = prepare_output(cache, engine, synced, stamp)
                steps.advance(f"running {engine}")
                run_engine(engine, cache.project / "mkdocs.yml", dirty)
                steps.advance("checking the built site")
                tidy_sitemap(cache.built)
                verify_site(cache.built, project)
                save_stamp(cache, stamp)
                # hard links: publishing 10,000 pages costs no copy; builds never write into them
                link_tree(cache.built, staging / "site")
            write_marker(staging / "site")
            swap_into_place(staging / "site", output, staging)
            steps.advance("done")
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full(output) from None
        raise
    seconds = time.perf_counter() - started
    return BuildResult(output, engine, len(project.pages), seconds, problems)


def count_errors(problems: list[Problem]) -> int:
    return sum(1 for p in problems if p.severity is Severity.ERROR)
