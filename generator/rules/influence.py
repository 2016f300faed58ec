"""Commercial influence rules: the French law on influencers, and partnership deliverables.

Loi n° 2023-451 du 9 juin 2023 visant à encadrer l'influence commerciale, as rewritten by the
ordonnance n° 2024-978 du 6 novembre 2024 (text and decree checked on 2026-12-02): art. 4
forbids promoting some goods and services, art. 5 requires the commercial mention and the
"Images retouchées" / "Images virtuelles" mentions (or an equivalent one since the ordinance),
art. 8 a written contract above the yearly value set by décret n° 2025-1137 du 28 novembre 2025
(1,000 € excl. tax, from 1 January 2026). Each rule's wordings and thresholds are settings a
client tunes like any other rule's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import timedelta

from generator.captions import network_caption, network_name
from generator.content.kinds import PARTNERSHIP, is_sponsored
from generator.content.model import AnyItem
from generator.partnerships import first_due, overdue_deliverables
from generator.problems import Severity
from generator.rules.platform import caption_for
from generator.rules.registry import Finding, Option, RuleContext, rule

LAW_CHECKED = "2026-12-02"


def wordings(name: str, fr: list[str], en: list[str]) -> tuple[Option, Option]:
    """The accepted wordings of one mention, a setting per language."""
    return (
        Option("wordings_fr", fr, list, f"Accepted {name} mentions for French-speaking clients."),
        Option("wordings_en", en, list, f"Accepted {name} mentions for English-speaking clients."),
    )


def folded(text: str) -> str:
    """Lower case without accents, so "PUBLICITE" and "#publicité" read as "publicité"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def says(text: str, accepted: list[str]) -> bool:
    """Whether `text` carries one of the wordings as words of its own (#ad, not #adventure)."""
    plain = folded(text)
    for wording in accepted:
        # "#CollaborationCommerciale" says it too: the words may be run together in a hashtag
        words = r"\s*".join(re.escape(w) for w in folded(wording).split())
        pattern = r"(?<![\w])" + words + r"(?![\w])"
        if re.search(pattern, plain):
            return True
    return False


def published_text(item: AnyItem, platform: str) -> str:
    """The caption as it goes out on `platform`, with the hashtags appended to it."""
    caption = network_caption(item, platform)
    return caption.text + " " + " ".join(caption.appended)


def missing_by_caption(
    ctx: RuleContext, item: AnyItem, accepted: list[str]
) -> Iterator[tuple[tuple[str | int, ...], int, list[str]]]:
    """Per caption written (the body, a network's variant): where, its line, the networks
    whose published text lacks every accepted wording."""
    missing: dict[tuple[str | int, ...], tuple[int, list[str]]] = {}
    for platform in ctx.plan.platforms_of(item):
        if says(published_text(item, platform), accepted):
            continue
        caption = caption_for(ctx.plan, item, platform)
        line, networks = missing.setdefault(caption.field, (caption.line, []))
        networks.append(network_name(platform))
    for field, (line, networks) in missing.items():
        yield field, line, networks


def accepted_for(ctx: RuleContext) -> list[str]:
    return list(ctx.options[f"wordings_{ctx.client.locale}"] or [])


def quoted(accepted: list[str]) -> str:
    return " or ".join(f"“{w}”" for w in accepted[:3])


@rule(
    "influence.mention-missing",
    Severity.ERROR,
    *wordings(
        "commercial",
        ["Publicité", "Collaboration commerciale"],
        ["#ad", "Advertisement", "Paid partnership"],
    ),
)
def check_commercial_mention(ctx: RuleContext) -> Iterator[Finding]:
    """A sponsored post does not say it is an advertisement.

    Loi n° 2023-451 du 9 juin 2023, art. 5 I, as rewritten by the ordonnance n° 2024-978 du
    6 novembre 2024 (checked 2026-12-02): content promoting goods, services or a cause in
    exchange for payment or gifts states its commercial intent with "Publicité" or
    "Collaboration commerciale", or an equivalent mention suited to the format, clearly and
    for the whole content; leaving it out is a misleading commercial practice (code de la
    consommation, art. L. 121-3). A post is sponsored when it says `sponsored: true` or
    delivers a `partnership:`. Almanac reads the caption as published on each network (with
    its hashtags), ignoring case and accents; the mention on the image or the video itself is
    for the reviewer to see. Accepted wordings are settings per language (`wordings_fr`,
    `wordings_en`: "#ad" or "Paid partnership" for English-speaking clients, as the UK's CAP
    code asks); a client adds the equivalent wordings it uses.
    """
    accepted = accepted_for(ctx)
    for item in ctx.plan.posts:
        if not is_sponsored(item):
            continue
        for field, line, networks in missing_by_caption(ctx, item, accepted):
            yield Finding(
                item.source,
                field,
                f"sponsored, but the caption on {', '.join(networks)} does not say so: write "
                f"{quoted(accepted)} in it (and on the image or video)",
                item,
                line,
            )


def flagged_media(item: AnyItem, flag: str) -> list[str]:
    return [medium.file for medium in item.media if getattr(medium, flag)]


def image_mention_findings(ctx: RuleContext, flag: str, what: str) -> Iterator[Finding]:
    accepted = accepted_for(ctx)
    for item in ctx.plan.posts:
        files = flagged_media(item, flag)
        if not files:
            continue
        for field, line, networks in missing_by_caption(ctx, item, accepted):
            yield Finding(
                item.source,
                field,
                f"`{files[0]}` is {what}, but the caption on {', '.join(networks)} does not "
                f"say so: write {quoted(accepted)} in it (and on the image)",
                item,
                line,
            )


@rule(
    "influence.retouched-mention",
    Severity.ERROR,
    *wordings("retouched-image", ["Images retouchées"], ["Retouched images", "Retouched image"]),
)
def check_retouched_mention(ctx: RuleContext) -> Iterator[Finding]:
    """A post shows media retouched to change a silhouette or a face without saying so.

    Loi n° 2023-451 du 9 juin 2023, art. 5 I bis 1°, as rewritten by the ordonnance
    n° 2024-978 du 6 novembre 2024 (checked 2026-12-02): images modified by any processing
    to slim or thicken a silhouette or change a face carry "Images retouchées" or an
    equivalent mention (and commercial photographs of models "Photographie retouchée",
    décret n° 2017-738). Mark such media `retouched: true`; the caption must then carry one of
    the wordings set per language.
    """
    yield from image_mention_findings(ctx, "retouched", "retouched")


@rule(
    "influence.virtual-mention",
    Severity.ERROR,
    *wordings("AI-image", ["Images virtuelles"], ["Virtual images", "AI-generated"]),
)
def check_virtual_mention(ctx: RuleContext) -> Iterator[Finding]:
    """A post shows media made by artificial intelligence without saying so.

    Loi n° 2023-451 du 9 juin 2023, art. 5 I bis 2°, as rewritten by the ordonnance
    n° 2024-978 du 6 novembre 2024 (checked 2026-12-02): images of a face or a silhouette
    produced by artificial intelligence carry "Images virtuelles" or an equivalent mention.
    Mark such media `ai_generated: true`; the caption must then carry one of the wordings set
    per language.
    """
    yield from image_mention_findings(ctx, "ai_generated", "made by artificial intelligence")


FORBIDDEN = [
    "cosmetic-surgery",
    "aesthetic-procedures",
    "therapeutic-abstention",
    "nicotine",
    "wild-animals",
    "crypto-assets",
    "forex",
    "binary-options",
    "sports-betting-tips",
]


def category_key(text: str) -> str:
    return "-".join(folded(text).replace("_", " ").split())


@rule(
    "influence.forbidden-category",
    Severity.ERROR,
    Option("forbidden", FORBIDDEN, list, "Categories a partnership may not promote."),
)
def check_forbidden_category(ctx: RuleContext) -> Iterator[Finding]:
    """A partnership promotes what the law forbids influencers to promote.

    Loi n° 2023-451 du 9 juin 2023, art. 4, as rewritten by the ordonnance n° 2024-978 du
    6 novembre 2024 (checked 2026-12-02): no promotion, direct or indirect, of cosmetic
    surgery and aesthetic procedures, of abstaining from medical treatment, of nicotine
    products, of wild animals, of financial products the law lists (crypto-assets without
    authorisation, forex, binary options…) or of subscriptions to sports-betting tips.
    Gambling is allowed only on platforms that exclude minors. `promotes:` is compared,
    ignoring case and accents, with the `forbidden` list.
    """
    forbidden = {category_key(c) for c in ctx.options["forbidden"]}
    for item in PARTNERSHIP.items(ctx.plan.live_items):
        if category_key(item.meta.promotes) in forbidden:
            yield Finding(
                item.source,
                ("promotes",),
                f"`{item.meta.promotes}` may not be promoted by an influencer under French "
                "law (loi n° 2023-451, art. 4): drop the partnership or what it promotes",
                item,
            )


SIGNED_STATUSES = {"signed", "running", "completed"}


@rule(
    "influence.no-contract",
    Severity.ERROR,
    Option(
        "threshold",
        1000,
        float,
        "Value (fee + gifts, excl. tax) from which a written contract is required; 0 for "
        "every partnership.",
    ),
    Option("lead_days", 14, int, "Days before the first deliverable from which it is judged."),
)
def check_contract(ctx: RuleContext) -> Iterator[Finding]:
    """A partnership has no signed written contract before its first deliverable.

    Loi n° 2023-451 du 9 juin 2023, art. 8, as rewritten by the ordonnance n° 2024-978 du
    6 novembre 2024, and décret n° 2025-1137 du 28 novembre 2025 (checked 2026-12-02): the
    contract between an influencer and the advertiser (or the agency acting for it) is
    written, on pain of nullity, when the year's fees and gifts reach 1,000 € excluding tax
    (from 1 January 2026). Judged once the partnership is signed or running, or when its
    first deliverable is `lead_days` away; below `threshold` a contract is still wise.
    """
    soon = ctx.plan.local(ctx.today).date() + timedelta(days=ctx.options["lead_days"])
    for item in PARTNERSHIP.items(ctx.plan.live_items):
        meta = item.meta
        first = first_due(meta) or ctx.plan.local(meta.starts).date()
        judged = meta.status.value in SIGNED_STATUSES or first <= soon
        if meta.value < ctx.options["threshold"] or not judged:
            continue
        contract = meta.contract
        if not contract.written or contract.signed_on is None:
            written = "contract" in meta.model_fields_set
            yield Finding(
                item.source,
                ("contract",) if written else ("fee",),
                f"no signed written contract for {meta.value:g} {meta.currency} of fees and "
                f"gifts, and the first deliverable is due on {first}: have it signed before",
                item,
            )
        elif contract.signed_on > first:
            yield Finding(
                item.source,
                ("contract", "signed_on"),
                f"the contract is signed on {contract.signed_on}, after the first deliverable "
                f"({first}): sign before anything is published",
                item,
            )


def days_late(gap: timedelta) -> str:
    return "1 day late" if gap.days == 1 else f"{gap.days} days late"


@rule("partnership.deliverable-overdue", Severity.WARNING)
def check_overdue(ctx: RuleContext) -> Iterator[Finding]:
    """A partner's deliverable is past its due day and not delivered.

    A deliverable is delivered when one of the posts it names is published, or when
    `delivered_on` says the partner posted it on their own account. An overdue deliverable
    is a call to the partner today, and a line of the client's report next month.
    """
    today = ctx.plan.local(ctx.today).date()
    for state in overdue_deliverables(ctx.client, today):
        wanted = state.deliverable
        yield Finding(
            state.partnership.source,
            state.field,
            f"the {wanted.format.value} on {network_name(wanted.platform.value)} due on "
            f"{wanted.due} is not delivered ({days_late(today - wanted.due)}): ask "
            f"{state.partnership.meta.partner.name}, or record `delivered_on`",
            state.partnership,
        )
