"""Words, numbers, dates and month names of a report in the client's language (Babel)."""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from generator.captions import network_name
from generator.schema.common import Platform

LOCALES = ("fr", "en")

# One entry per phrase: {key: (French, English)}. Kept in code, not .po files: the reports
# have about a hundred short phrases and two languages, and this keeps them reviewable in one place.
PHRASES: dict[str, tuple[str, str]] = {
    "report": ("Rapport mensuel", "Monthly report"),
    "prepared_by": ("Préparé par {agency}", "Prepared by {agency}"),
    "contents": ("Sommaire", "Contents"),
    "page": ("Page", "Page"),
    # section headings (tests look for every one of them)
    "h_numbers": ("Le mois en chiffres", "The month in numbers"),
    "h_audience": ("Audience et portée", "Audience and reach"),
    "h_publishing": ("Publications", "Publishing"),
    "h_top": ("Publications les plus performantes", "Top posts"),
    "h_contests": ("Jeux-concours", "Contests"),
    "h_curated": ("Contenus partagés", "Curated content shared"),
    "h_ads": ("Publicité et boosts", "Ads and boosts"),
    "h_community": ("Communauté", "Community"),
    "h_plan": ("Au programme le mois prochain", "Next month's plan"),
    "h_method": ("Définitions", "Definitions"),
    # sub-headings
    "summary": ("L'essentiel", "At a glance"),
    "objectives": ("Objectifs du mois", "Objectives for the month"),
    "tone": ("Ton des messages", "Tone of the messages"),
    "quotes": ("Ils ont dit", "What people said"),
    "screenshots": ("Captures", "Screenshots"),
    "actions": ("Actions du mois", "Actions of the month"),
    # figures
    "followers_gained": ("Abonnés gagnés", "Followers gained"),
    "reach": ("Portée", "Reach"),
    "impressions": ("Impressions", "Impressions"),
    "engagements": ("Interactions", "Engagements"),
    "engagement_rate": ("Taux d'engagement", "Engagement rate"),
    "posts_published": ("Publications", "Posts published"),
    "clicks": ("Clics", "Clicks"),
    "spend": ("Dépense", "Spend"),
    "budget": ("Budget", "Budget"),
    "cost_per_result": ("Coût par résultat", "Cost per result"),
    "result_click": ("par clic", "per click"),
    "result_engagement": ("par interaction", "per engagement"),
    "result_thousand": ("pour 1 000 impressions", "per 1,000 impressions"),
    "total": ("Total", "Total"),
    # table headers
    "figure": ("Indicateur", "Figure"),
    "this_month": ("Ce mois-ci", "This month"),
    "previous_month": ("Mois précédent", "Previous month"),
    "change": ("Évolution", "Change"),
    "objective": ("Objectif", "Objective"),
    "status": ("Statut", "Status"),
    "network": ("Réseau", "Network"),
    "all_networks": ("tous réseaux", "all networks"),
    "on_track": ("En bonne voie", "On track"),
    "behind": ("En retard", "Behind"),
    "no_objective": ("—", "—"),
    "dates": ("Dates", "Dates"),
    "draw": ("Tirage", "Draw"),
    "participants": ("Participants", "Participants"),
    "winners": ("Gagnants", "Winners"),
    "prize": ("Lot", "Prize"),
    "shipping": ("Envoi du lot", "Prize shipping"),
    "source": ("Source", "Source"),
    "shared_on": ("Partagé le", "Shared on"),
    "why": ("Pourquoi", "Why"),
    "post": ("Publication", "Post"),
    "ad_goal": ("Objectif\u00a0: {goal}", "Objective: {goal}"),
    "week_of": ("Semaine du {date}", "Week of {date}"),
    "week_short": ("sem. {date}", "w/c {date}"),
    "from_to": ("du {start} au {end}", "{start} to {end}"),
    "unknown": ("n. c.", "n/a"),
    "planned": ("Prévues", "Planned"),
    "published": ("Publiées", "Published"),
    "promo_share": ("Part promotionnelle\u00a0: {share}", "Promotional share: {share}"),
    "q_open": ("«\u00a0", "“"),
    "q_close": ("\u00a0»", "”"),
    # charts
    "c_followers": ("Abonnés par réseau", "Followers per network"),
    "c_followers_y": ("Abonnés", "Followers"),
    "c_running": ("gain cumulé", "running gain"),
    "c_reach_week": ("Portée par semaine", "Reach per week"),
    "c_impressions_week": ("Impressions par semaine", "Impressions per week"),
    "c_reach_y": ("Personnes atteintes", "People reached"),
    "c_impressions_y": ("Impressions", "Impressions"),
    "c_week_x": ("Semaines du mois (premier jour)", "Weeks of the month (first day)"),
    "vs_previous": ("vs mois précédent", "vs previous month"),
    "c_er": ("Taux d'engagement par réseau", "Engagement rate by network"),
    "c_er_x": ("Interactions ÷ impressions (%)", "Engagements ÷ impressions (%)"),
    "c_planned": (
        "Publications prévues et publiées par semaine",
        "Planned and published posts per week",
    ),
    "c_posts_y": ("Publications (nombre)", "Posts (count)"),
    "c_mix": ("Répartition des contenus par type", "Content mix by kind"),
    "c_mix_x": ("Publications (nombre)", "Posts (count)"),
    "c_tone": ("Messages par ton", "Messages by tone"),
    "c_tone_x": ("Messages (nombre)", "Messages (count)"),
    "c_day_x": ("Jour du mois", "Day of the month"),
    # coverage, closed months and definitions (issue 12)
    "c_followers_gain_y": ("Abonnés gagnés", "Followers gained"),
    "c_no_data": ("pas de données", "no data"),
    "c_partial_week": (
        "* semaine incomplète : certains jours n'ont pas de données",
        "* incomplete week: some of its days have no data",
    ),
    "vs_days": ("vs {span}", "vs {span}"),
    "audience_of": ("Abonnés {network} au {date}", "{network} followers on {date}"),
    "territories": ("Pays", "Territories"),
    "gender": ("Genre", "Gender"),
    "g_female": ("femmes", "women"),
    "g_male": ("hommes", "men"),
    "g_other": ("autre", "other"),
    "t_other": ("autres pays", "other territories"),
    "data_until": ("données jusqu'au {date}", "data until {date}"),
    "partial_month": (
        "Données incomplètes : pas de statistiques de {networks} {spans}. Les chiffres "
        "couvrent les autres jours et sont comparés aux mêmes jours du mois précédent.",
        "Incomplete data: no statistics of {networks} {spans}. The figures cover the "
        "other days and are compared with the same days of the previous month.",
    ),
    "partial_figure": ("données incomplètes", "incomplete data"),
    "on_day": ("le {date}", "on {date}"),
    "for_span": ("{span}", "for {span}"),
    "not_comparable": (
        "Le mois précédent n'a pas de données pour les mêmes jours : pas de comparaison.",
        "The previous month has no data for the same days: no comparison is shown.",
    ),
    "met": ("Atteint", "Met"),
    "missed": ("Non atteint", "Missed"),
    "incomplete": ("Données incomplètes", "Incomplete data"),
    "rate_on": ("sur {networks}", "on {networks}"),
    "posts_measured": ("Publications mesurées", "Posts measured"),
    "post_impressions": ("Impressions des publications", "Post impressions"),
    "account": ("Compte", "Account"),
    "posts_block": ("Publications du mois", "Posts of the month"),
    "plan_as_of": (
        "Planning et statuts tels qu'ils étaient le {date} (historique git, commit {commit}).",
        "Plan and statuses as they stood on {date} (git history, commit {commit}).",
    ),
    "plan_as_now": (
        "Planning et statuts tels qu'ils sont dans les fichiers (pas d'historique git).",
        "Plan and statuses as they are in the files (no git history).",
    ),
    # empty sections
    "e_metrics": (
        "Aucune statistique n'a été importée pour ce mois.",
        "No statistics were imported for this month.",
    ),
    "e_followers": (
        "Aucun nombre d'abonnés n'a été relevé ce mois-ci.",
        "No follower counts were recorded this month.",
    ),
    "e_reach": (
        "Aucune donnée de portée ni d'impressions pour ce mois.",
        "No reach or impressions data for this month.",
    ),
    "e_er": (
        "Aucune publication du mois n'a de statistiques d'engagement.",
        "No post of the month has engagement statistics.",
    ),
    "e_posts": ("Aucune publication n'était prévue ce mois-ci.", "No post was planned this month."),
    "e_top": (
        "Aucune publication du mois n'a encore de statistiques.",
        "No post published this month has statistics yet.",
    ),
    "e_contests": ("Aucun jeu-concours ce mois-ci.", "No contest ran this month."),
    "e_curated": (
        "Aucun contenu tiers n'a été partagé ce mois-ci.",
        "No third-party content was shared this month.",
    ),
    "e_ads": ("Aucune publication sponsorisée ce mois-ci.", "No paid promotion this month."),
    "e_community": (
        "Aucune note sur la communauté n'a été rédigée pour ce mois.",
        "No community notes were written for this month.",
    ),
    "e_tone": (
        "Aucun message n'a été classé par ton ce mois-ci.",
        "No message was classified by tone this month.",
    ),
    "e_plan": (
        "Rien n'est encore planifié pour le mois prochain.",
        "Nothing is scheduled for next month yet.",
    ),
    "e_objectives": (
        "Aucun objectif chiffré n'est fixé pour ce client.",
        "No numeric objectives are set for this client.",
    ),
    "e_winners": ("à tirer", "not drawn yet"),
}

KINDS: dict[str, tuple[str, str]] = {
    "promo": ("Promotion", "Promotional"),
    "education": ("Pédagogie", "Education"),
    "entertainment": ("Divertissement", "Entertainment"),
    "community": ("Communauté", "Community"),
    "news": ("Actualité", "News"),
    "curated": ("Partage", "Curated"),
    "contest": ("Jeu-concours", "Contest"),
    "behind_the_scenes": ("Coulisses", "Behind the scenes"),
    "event": ("Événement", "Event"),
    "recruitment": ("Recrutement", "Recruitment"),
}

STATUSES: dict[str, tuple[str, str]] = {
    "idea": ("Idée", "Idea"),
    "draft": ("Brouillon", "Draft"),
    "in_review": ("En relecture", "In review"),
    "approved": ("Validé", "Approved"),
    "scheduled": ("Programmé", "Scheduled"),
    "published": ("Publié", "Published"),
    "cancelled": ("Annulé", "Cancelled"),
    "selected": ("Retenu", "Selected"),
    "shared": ("Partagé", "Shared"),
    "pending": ("En attente", "Pending"),
    "shipped": ("Expédié", "Shipped"),
    "delivered": ("Livré", "Delivered"),
    "handed_over": ("Remis en main propre", "Handed over"),
    "positive": ("Positif", "Positive"),
    "neutral": ("Neutre", "Neutral"),
    "negative": ("Négatif", "Negative"),
}

GOALS: dict[str, tuple[str, str]] = {
    "reach": ("couverture", "reach"),
    "awareness": ("notoriété", "awareness"),
    "traffic": ("trafic", "traffic"),
    "clicks": ("clics", "clicks"),
    "engagement": ("interactions", "engagement"),
    "video_views": ("vues de vidéo", "video views"),
    "followers": ("abonnés", "followers"),
    "conversions": ("conversions", "conversions"),
    "leads": ("prospects", "leads"),
    "messages": ("messages", "messages"),
}

KNOWN_PLATFORMS = frozenset(p.value for p in Platform)


class Words:
    """Everything a template or chart needs to speak the client's language."""

    def __init__(self, locale: str) -> None:
        if locale not in LOCALES:
            raise ValueError(f"reports are written in {' or '.join(LOCALES)}, not {locale}")
        self.locale = locale
        self._index = LOCALES.index(locale)
        self._babel = Locale.parse(locale)
        percent = self._babel.percent_formats[None].pattern
        self._percent = percent.replace("0", "0.0", 1) if "0.0" not in percent else percent

    def t(self, key: str, **values: object) -> str:
        """The phrase `key` in this language, with `{name}` placeholders filled."""
        text = PHRASES[key][self._index]
        return text.format(**values) if values else text

    def kind(self, name: str) -> str:
        pair = KINDS.get(name)
        return pair[self._index] if pair else name.replace("_", " ").capitalize()

    def status(self, name: str) -> str:
        pair = STATUSES.get(name)
        return pair[self._index] if pair else name.replace("_", " ")

    def goal(self, name: str) -> str:
        """An ad objective (reach, traffic…) in this language; free text is kept as written."""
        pair = GOALS.get(name.strip().lower())
        return pair[self._index] if pair else name

    def platform(self, name: str) -> str:
        """A network as people write it (LinkedIn); a name Almanac does not know, capitalised."""
        return network_name(name) if name in KNOWN_PLATFORMS else name.capitalize()

    def number(self, value: float | None, digits: int = 0) -> str:
        if value is None:
            return self.t("unknown")
        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, value: float | None) -> str:
        """A ratio (0.052) as a percentage with one decimal (5,2 % / 5.2%)."""
        if value is None:
            return self.t("unknown")
        return format_percent(value, format=self._percent, locale=self.locale)

    def money(self, value: float | None, currency: str = "EUR") -> str:
        if value is None:
            return self.t("unknown")
        return format_currency(value, currency, locale=self.locale)

    def signed(self, value: float | None, unit: str = "") -> str:
        """A change with its sign: +12, −3, +0,4 pt (the sign of the rounded value: ±0,0 pt)."""
        if value is None:
            return "—"
        digits = 1 if unit == "pt" else 0
        shown = round(value, digits)
        sign = "+" if shown > 0 else ("−" if shown < 0 else "±")
        suffix = f"\u00a0{unit}" if unit else ""
        return f"{sign}{self.number(abs(shown), digits)}{suffix}"

    def change_percent(self, value: float | None) -> str:
        """A relative change (0.12) with its sign: +12 %, −3 %, ±0 %."""
        if value is None:
            return "—"
        shown = round(value, 2)
        sign = "+" if shown > 0 else ("−" if shown < 0 else "±")
        return sign + format_percent(abs(shown), locale=self.locale)

    def date(self, day: dt.date, pattern: str = "long") -> str:
        patterns = {
            "long": "d MMMM yyyy",
            "short": "d MMM",
            "weekday": "EEE d MMM",
            "compact": "d/MM",
        }
        return format_date(day, patterns.get(pattern, pattern), locale=self.locale)

    def month(self, first_day: dt.date) -> str:
        """Stand-alone month and year: "octobre 2026", "October 2026"."""
        return format_date(first_day, "LLLL yyyy", locale=self.locale)

    def territory(self, code: str) -> str:
        """A country's name in this language (FR -> France), `other` as a phrase."""
        if code == "other":
            return self.t("t_other")
        return str(self._babel.territories.get(code.upper(), code))

    def gender(self, key: str) -> str:
        return self.t(f"g_{key}") if f"g_{key}" in PHRASES else key

    def day_span(self, start: dt.date, end: dt.date) -> str:
        """Days of one month, short: "1–20 oct.", "1–20 Oct"."""
        return f"{start.day}–{self.date(end, 'd MMM')}"

    def span(self, start: dt.date, end: dt.date) -> str:
        if start == end:
            return self.date(start)
        return self.t("from_to", start=self.date(start, "short"), end=self.date(end))
