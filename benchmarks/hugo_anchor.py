"""The Hugo anchor: a Hugo project holding the same content as an Almanac workspace.

One page per item (title, date, networks, status, tags, the caption rendered from Markdown),
plus the list pages Almanac also builds: the home page, one page per client and one per client
and month, with a navigation of clients and months on every page. Debian's `hugo` builds it;
the benchmark runner times that build beside `almanac build` on the same workspace.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

CONFIG = """baseURL = "http://localhost/"
title = "Benchmark"
buildFuture = true
buildExpired = true
disableKinds = ["RSS", "taxonomy", "term"]
[outputs]
home = ["HTML"]
section = ["HTML"]
page = ["HTML"]
"""

BASEOF = """<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a><ul>
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main></body></html>
"""

SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02 15:04" }}</time> · {{ .Params.status }} ·
{{ delimit .Params.platforms ", " }}</p>
<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>
{{ .Content }}</article>{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .RegularPagesRecursive }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ .Date.Format "2006-01-02" }} {{ .Params.status }}</li>{{ end }}</ul>{{ end }}
"""


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """The item's YAML front matter and its Markdown body."""
    _, front, body = text.split("---\n", 2)
    meta = yaml.load(front, Loader=yaml.CBaseLoader)  # noqa: S506 - BaseLoader builds only str
    return (meta if isinstance(meta, dict) else {}), body


def hugo_page(meta: dict[str, object], body: str) -> str:
    """The item as a Hugo content file; JSON front matter is read without a YAML parser."""
    when = str(meta.get("publish_at", "2026-01-01 00:00")).replace(" ", "T") + ":00"
    front = {
        "title": str(meta.get("title", "")),
        "date": when,
        "status": meta.get("status", ""),
        "platforms": meta.get("platforms") or [],
        "tags": meta.get("tags") or [],
    }
    return json.dumps(front, ensure_ascii=False) + "\n" + body


def write_section(folder: Path, title: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "_index.md").write_text(json.dumps({"title": title}) + "\n", encoding="utf-8")


def write_client(source: Path, target: Path) -> int:
    """A client's section with one subsection per month, each holding that month's items."""
    write_section(target, source.name)
    count = 0
    for path in sorted((source / "posts").glob("*.md")):
        meta, body = split_front_matter(path.read_text(encoding="utf-8"))
        month = path.name[:7]
        if not (target / month).is_dir():
            write_section(target / month, month)
        (target / month / path.name).write_text(hugo_page(meta, body), encoding="utf-8")
        count += 1
    return count


def write_hugo_project(workspace: Path, project: Path) -> int:
    """The Hugo project for `workspace` in `project` (replaced); returns the number of items."""
    if project.exists():
        shutil.rmtree(project)
    (project / "layouts" / "_default").mkdir(parents=True)
    (project / "config.toml").write_text(CONFIG, encoding="utf-8")
    layouts = project / "layouts" / "_default"
    (layouts / "baseof.html").write_text(BASEOF, encoding="utf-8")
    (layouts / "single.html").write_text(SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(LIST, encoding="utf-8")
    write_section(project / "content", "Benchmark")
    clients = sorted(p for p in (workspace / "content").iterdir() if (p / "client.yml").is_file())
    return sum(write_client(c, project / "content" / c.name) for c in clients)


def hugo_command(project: Path, output: Path) -> list[str]:
    """A clean Hugo build of the anchor project into `output`."""
    return ["hugo", "--quiet", "--source", str(project), "--destination", str(output)]
