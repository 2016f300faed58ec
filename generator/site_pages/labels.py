"""Words of the site in the agency's language (fr or en), dates via Babel, network icons."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date

from generator.captions import network_name
from generator.schema.common import Platform
from generator.site_pages.html import esc, file_href

LABELS: dict[str, dict[str, str]] = {
    "idea": {"en": "Idea", "fr": "Idée"},
    "draft": {"en": "Draft", "fr": "Brouillon"},
    "in_review": {"en": "In review", "fr": "En relecture"},
    "approved": {"en": "Approved", "fr": "Validé"},
    "scheduled": {"en": "Scheduled", "fr": "Programmé"},
    "published": {"en": "Published", "fr": "Publié"},
    "cancelled": {"en": "Cancelled", "fr": "Annulé"},
    "candidate": {"en": "Candidate", "fr": "À étudier"},
    "selected": {"en": "Selected", "fr": "Retenu"},
    "shared": {"en": "Shared", "fr": "Partagé"},
    "rejected": {"en": "Rejected", "fr": "Écarté"},
    "post": {"en": "Post", "fr": "Publication"},
    "contest": {"en": "Contest", "fr": "Concours"},
    "curated": {"en": "Curated", "fr": "Veille"},
    "starts": {"en": "opens", "fr": "ouverture"},
    "ends": {"en": "closes", "fr": "clôture"},
    "draw": {"en": "draw", "fr": "tirage"},
    "announce": {"en": "winners announced", "fr": "annonce des gagnants"},
    "home": {"en": "Overview", "fr": "Vue d'ensemble"},
    "today": {"en": "Today", "fr": "Aujourd'hui"},
    "next_days": {"en": "Today and the next 7 days", "fr": "Aujourd'hui et les 7 jours suivants"},
    "awaiting_review": {"en": "Awaiting review", "fr": "En attente de relecture"},
    "problems": {"en": "Problems", "fr": "Problèmes"},
    "no_problems": {"en": "No problems found.", "fr": "Aucun problème."},
    "running_contests": {"en": "Contests running", "fr": "Concours en cours"},
    "nothing": {"en": "Nothing planned.", "fr": "Rien de prévu."},
    "none": {"en": "None.", "fr": "Aucun."},
    "this_week": {"en": "This week", "fr": "Cette semaine"},
    "status_board": {"en": "Status board", "fr": "Tableau des statuts"},
    "pipeline": {"en": "Pipeline from this month on", "fr": "En cours, à partir de ce mois"},
    "contests": {"en": "Contests", "fr": "Concours"},
    "curated_queue": {"en": "Curated queue", "fr": "File de veille"},
    "objectives": {"en": "Monthly objectives", "fr": "Objectifs mensuels"},
    "months": {"en": "Months", "fr": "Mois"},
    "feeds": {"en": "Calendar feeds and export", "fr": "Agendas et export"},
    "feed_all": {"en": "All networks (iCalendar)", "fr": "Tous les réseaux (iCalendar)"},
    "export_csv": {"en": "Schedule (CSV)", "fr": "Planning (CSV)"},
    "agenda": {"en": "Agenda", "fr": "Agenda"},
    "month_notes": {"en": "Month notes", "fr": "Notes du mois"},
    "previous": {"en": "Previous month", "fr": "Mois précédent"},
    "next": {"en": "Next month", "fr": "Mois suivant"},
    "filter_network": {"en": "Network", "fr": "Réseau"},
    "filter_status": {"en": "Status", "fr": "Statut"},
    "all": {"en": "All", "fr": "Tous"},
    "edit": {"en": "Edit this item", "fr": "Modifier cet élément"},
    "status": {"en": "Status", "fr": "Statut"},
    "kind": {"en": "Kind", "fr": "Type"},
    "when": {"en": "When", "fr": "Quand"},
    "campaign": {"en": "Campaign", "fr": "Campagne"},
    "author": {"en": "Author", "fr": "Auteur"},
    "tags": {"en": "Tags", "fr": "Étiquettes"},
    "validations": {"en": "Validations", "fr": "Validations"},
    "approvals": {"en": "Approvals", "fr": "Approbations"},
    "previews": {"en": "Previews", "fr": "Aperçus"},
    "characters": {"en": "characters", "fr": "caractères"},
    "hashtags": {"en": "hashtags", "fr": "hashtags"},
    "first_comment": {"en": "First comment", "fr": "Premier commentaire"},
    "alt": {"en": "Alt text", "fr": "Texte alternatif"},
    "no_alt": {"en": "No alt text", "fr": "Pas de texte alternatif"},
    "credit": {"en": "Credit", "fr": "Crédit"},
    "link": {"en": "Link", "fr": "Lien"},
    "boost": {"en": "Boost", "fr": "Sponsorisation"},
    "published_at": {"en": "Live", "fr": "En ligne"},
    "validated": {"en": "validated", "fr": "validé"},
    "not_validated": {"en": "not validated yet", "fr": "pas encore validé"},
    "must_approve": {"en": "must approve", "fr": "doit approuver"},
    "may_approve": {"en": "may approve", "fr": "peut approuver"},
    "checklist": {"en": "Checklist", "fr": "Liste de contrôle"},
    "ck_organizers": {"en": "Organisers named", "fr": "Organisateurs nommés"},
    "ck_prize": {"en": "Prize described", "fr": "Lot décrit"},
    "ck_prize.value": {"en": "Prize value", "fr": "Valeur du lot"},
    "ck_rules": {"en": "Rules", "fr": "Règlement"},
    "ck_eligibility": {"en": "Who may enter", "fr": "Qui peut participer"},
    "ck_mechanics": {"en": "How to enter", "fr": "Comment participer"},
    "ck_dates": {"en": "Entries open before they close", "fr": "Ouverture avant la clôture"},
    "ck_draw_at": {"en": "Draw date", "fr": "Date du tirage"},
    "ck_draw_method": {"en": "Draw method", "fr": "Mode de tirage"},
    "ck_announce_at": {"en": "Announcement date", "fr": "Date d'annonce"},
    "ck_shipping": {"en": "Prize shipping planned", "fr": "Envoi du lot prévu"},
    "ck_visuals.launch": {"en": "Launch visual", "fr": "Visuel de lancement"},
    "ck_visuals.reminder": {"en": "Reminder visual", "fr": "Visuel de relance"},
    "ck_visuals.results": {"en": "Results visual", "fr": "Visuel des résultats"},
    "ck_after_post": {
        "en": "After-contest post planned",
        "fr": "Publication d'après-concours prévue",
    },
    "ck_winners": {"en": "Winners", "fr": "Gagnants"},
    "ck_notified": {"en": "Winners notified", "fr": "Gagnants prévenus"},
    "ck_shipped": {"en": "Prize shipped", "fr": "Lot envoyé"},
    "partners": {"en": "Partners", "fr": "Partenaires"},
    "entries": {"en": "Entries", "fr": "Participations"},
    "source": {"en": "Source", "fr": "Source"},
    "commentary": {"en": "Commentary", "fr": "Commentaire"},
    "why": {"en": "Why it matters", "fr": "Pourquoi c'est pertinent"},
    "found_at": {"en": "Found", "fr": "Trouvé le"},
    "share_at": {"en": "Share", "fr": "Partage"},
    "permission": {"en": "Permission", "fr": "Autorisation"},
    "announcement": {"en": "Announcement", "fr": "Annonce"},
    "related_posts": {"en": "Related posts", "fr": "Publications liées"},
    "metric": {"en": "Metric", "fr": "Indicateur"},
    "target": {"en": "Target", "fr": "Cible"},
    "network": {"en": "Network", "fr": "Réseau"},
    "unscheduled": {"en": "not scheduled", "fr": "non programmé"},
    "blackout": {"en": "No posting", "fr": "Pas de publication"},
    "media_unpublished": {
        "en": "file not published on the site",
        "fr": "fichier non publié sur le site",
    },
    "search_hint": {
        "en": "Search finds items by title, caption and tag.",
        "fr": "La recherche trouve les éléments par titre, légende et étiquette.",
    },
    "clients": {"en": "Clients", "fr": "Clients"},
    "items": {"en": "items", "fr": "éléments"},
    "in_total": {"en": "planned", "fr": "prévus"},
    "reports": {"en": "Reports", "fr": "Rapports"},
    "report": {"en": "Report", "fr": "Rapport"},
    "report_pdf": {"en": "PDF", "fr": "PDF"},
    "report_preview": {"en": "Preview", "fr": "Aperçu"},
    "report_full_page": {"en": "Open the preview on its own", "fr": "Ouvrir l'aperçu seul"},
    "report_no_pdf": {"en": "No PDF yet:", "fr": "Pas encore de PDF :"},
    "report_failed": {
        "en": "The preview could not be rendered:",
        "fr": "L'aperçu n'a pas pu être produit :",
    },
    "report_previews_off": {
        "en": "HTML previews are added by",
        "fr": "Les aperçus HTML sont ajoutés par",
    },
    "hist_approval": {"en": "Approval record", "fr": "Validation enregistrée"},
    "hist_approved_by": {"en": "Approved by", "fr": "Validé par"},
    "hist_declared_by": {
        "en": "Approved before approvals moved to git, by",
        "fr": "Validé avant le passage des validations dans git, par",
    },
    "hist_approver": {"en": "approver", "fr": "approbateur"},
    "hist_not_approver": {
        "en": "not one of the client's approvers",
        "fr": "ne fait pas partie des approbateurs du client",
    },
    "hist_wrong_kind": {
        "en": "may not approve this kind of item",
        "fr": "ne peut pas valider ce type d'élément",
    },
    "hist_commit": {"en": "commit", "fr": "commit"},
    "hist_via_merge": {"en": "merged in", "fr": "fusionné dans"},
    "hist_not_approved": {
        "en": "No commit moved this item to approved.",
        "fr": "Aucun commit n'a fait passer cet élément à « Validé ».",
    },
    "hist_edited_after": {"en": "Edited after approval", "fr": "Modifié après validation"},
    "hist_uncommitted": {
        "en": "in the working copy, not committed",
        "fr": "dans la copie de travail, non commité",
    },
    "hist_history": {"en": "History", "fr": "Historique"},
    "hist_created": {"en": "created", "fr": "création"},
    "hist_details": {"en": "other details", "fr": "autres détails"},
    "hist_caption": {"en": "caption", "fr": "légende"},
    "hist_when": {"en": "date", "fr": "date"},
    "hist_platforms": {"en": "networks", "fr": "réseaux"},
    "hist_media": {"en": "media", "fr": "médias"},
    "hist_renamed": {"en": "renamed", "fr": "renommé"},
    "hist_not_committed": {
        "en": "This item is not committed yet.",
        "fr": "Cet élément n'est pas encore commité.",
    },
    "hist_none_not_git": {
        "en": "No history is available: the workspace is not in a git repository.",
        "fr": "Aucun historique disponible : l'espace de travail n'est pas dans un dépôt git.",
    },
    "hist_none_no_commits": {
        "en": "No history is available: the git repository has no commits yet.",
        "fr": "Aucun historique disponible : le dépôt git n'a encore aucun commit.",
    },
    "hist_none_shallow": {
        "en": "No history is available: this is a shallow clone (fetch the full history).",
        "fr": "Aucun historique disponible : ce clone est partiel (récupérez tout l'historique).",
    },
    "hist_none_git_error": {
        "en": "No history is available: git could not be read.",
        "fr": "Aucun historique disponible : git n'a pas pu être lu.",
    },
}

NETWORKS = [p.value for p in Platform]  # the filters' order


def t(key: str, locale: str) -> str:
    """The label `key` in `locale` (English when missing)."""
    words = LABELS[key]
    return words.get(locale, words["en"])


def format_day(day: date, locale: str, style: str = "EEE d MMM") -> str:
    return format_date(day, style, locale=locale)


def format_moment(moment: datetime, locale: str) -> str:
    return f"{format_date(moment.date(), 'EEEE d MMMM y', locale=locale)} · {moment:%H:%M}"


def month_title(first: date, locale: str) -> str:
    return format_date(first, "LLLL y", locale=locale).capitalize()


def icon(platform: str, page: str) -> str:
    """A network's icon (a small SVG served with the site) with its name for screen readers."""
    src = file_href(page, f"assets/icons/{platform}.svg")
    name = esc(network_name(platform))
    return f'<img class="al-icon" src="{src}" alt="{name}" title="{name}" width="16" height="16">'


def status_chip(status: str, locale: str) -> str:
    return f'<span class="al-status al-st-{esc(status)}">{esc(t(status, locale))}</span>'
