"""Every word Almanac shows to people: site pages, reports, charts and problem sentences.

One table, one row per key, one column per language in the order of `LOCALES`: adding a
language is adding a column (and the value to `schema.common.Locale`). Enumerated values are
keyed by what they are (`status.approved`, `kind.contest`, `category.promo`, `goal.reach`,
`milestone.draw`, `problem.<rule id>`), so one word has one translation wherever it appears.
Kept in code, not .po files: a few hundred short phrases in two languages stay reviewable here.
"""

from __future__ import annotations

LOCALES = ("fr", "en")  # the columns of WORDS, in this order
FALLBACK = "en"  # the column read for a language the table does not have (sites only)

WORDS: dict[str, tuple[str, str]] = {
    # ---- shared: what an item is and where it stands ----
    "status.idea": ("Idée", "Idea"),
    "status.draft": ("Brouillon", "Draft"),
    "status.in_review": ("En relecture", "In review"),
    "status.approved": ("Validé", "Approved"),
    "status.scheduled": ("Programmé", "Scheduled"),
    "status.published": ("Publié", "Published"),
    "status.cancelled": ("Annulé", "Cancelled"),
    "status.candidate": ("À étudier", "Candidate"),
    "status.selected": ("Retenu", "Selected"),
    "status.shared": ("Partagé", "Shared"),
    "status.rejected": ("Écarté", "Rejected"),
    "status.pending": ("En attente", "Pending"),
    "status.shipped": ("Expédié", "Shipped"),
    "status.delivered": ("Livré", "Delivered"),
    "status.handed_over": ("Remis en main propre", "Handed over"),
    "status.positive": ("Positif", "Positive"),
    "status.neutral": ("Neutre", "Neutral"),
    "status.negative": ("Négatif", "Negative"),
    "kind.post": ("Publication", "Post"),
    "kind.contest": ("Jeu-concours", "Contest"),
    "kind.curated": ("Partage", "Curated"),
    "kind.partnership": ("Partenariat", "Partnership"),
    "milestone.begins": ("début du partenariat", "partnership begins"),
    "milestone.finishes": ("fin du partenariat", "partnership ends"),
    "status.proposed": ("Proposé", "Proposed"),
    "status.negotiating": ("En négociation", "Negotiating"),
    "status.signed": ("Signé", "Signed"),
    "status.running": ("En cours", "Running"),
    "status.completed": ("Terminé", "Completed"),
    "category.partnership": ("Partenariat", "Partnership"),
    "format.image": ("Image", "Image"),
    "format.carousel": ("Carrousel", "Carousel"),
    "format.video": ("Vidéo", "Video"),
    "format.reel": ("Reel", "Reel"),
    "format.short": ("Short", "Short"),
    "format.story": ("Story", "Story"),
    "format.live": ("Direct", "Live"),
    "format.text": ("Texte", "Text"),
    "format.link": ("Lien", "Link"),
    "format.document": ("Document", "Document"),
    "format.poll": ("Sondage", "Poll"),
    "format.article": ("Article", "Article"),
    "partner": ("Partenaire", "Partner"),
    "partner_influencer": ("influenceur·se", "influencer"),
    "partner_creator": ("créateur·rice", "creator"),
    "partner_brand": ("marque", "brand"),
    "partner_accounts": ("Comptes", "Accounts"),
    "followers": ("abonnés", "followers"),
    "promotes": ("Promeut", "Promotes"),
    "fee": ("Rémunération", "Fee"),
    "gifted": ("Dotation", "Gifted"),
    "contract": ("Contrat", "Contract"),
    "contract_signed": ("signé le {day}", "signed on {day}"),
    "contract_unsigned": ("écrit, pas encore signé", "written, not signed yet"),
    "contract_none": ("aucun contrat écrit", "no written contract"),
    "deliverables": ("Livrables", "Deliverables"),
    "due": ("Échéance", "Due"),
    "posts": ("Publications", "Posts"),
    "deliverable_done": ("livré", "delivered"),
    "deliverable_overdue": ("en retard", "overdue"),
    "deliverable_due": ("à venir", "to come"),
    "brief": ("Brief", "Brief"),
    "sponsored": ("Sponsorisé", "Sponsored"),
    "kind.mentions": ("Mentions et avis", "Mentions and reviews"),
    "milestone.starts": ("ouverture", "opens"),
    "milestone.ends": ("clôture", "closes"),
    "milestone.draw": ("tirage", "draw"),
    "milestone.announce": ("annonce des gagnants", "winners announced"),
    "category.promo": ("Promotion", "Promotional"),
    "category.education": ("Pédagogie", "Education"),
    "category.entertainment": ("Divertissement", "Entertainment"),
    "category.community": ("Communauté", "Community"),
    "category.news": ("Actualité", "News"),
    "category.curated": ("Partage", "Curated"),
    "category.contest": ("Jeu-concours", "Contest"),
    "category.behind_the_scenes": ("Coulisses", "Behind the scenes"),
    "category.event": ("Événement", "Event"),
    "veille": ("Veille", "Watch list"),
    "inbox": ("Boîte de veille", "Curation inbox"),
    "found_via": ("trouvé dans", "found in"),
    "found_via_label": ("Trouvé dans", "Found in"),
    "candidates": ("À trier", "To sort"),
    "inbox_help": (
        "Pour garder un article : status: selected, avec ses réseaux (platforms) et sa date "
        "(share_at). Pour l'écarter : status: rejected ; il ne reviendra pas.",
        "To keep an article: status: selected, with its networks (platforms) and its date "
        "(share_at). To drop it: status: rejected; it will not come back.",
    ),
    "inbox_empty": ("Rien à trier. Lire les flux :", "Nothing to sort. Read the feeds:"),
    "veille_empty": (
        "Aucune source suivie : ajoutez-les dans watchlist.yml.",
        "No source watched yet: add them to watchlist.yml.",
    ),
    "feed": ("flux", "feed"),
    "published_on": ("Publié le", "Published"),
    "excerpt": ("Extrait", "Excerpt"),
    # ---- mentions and reviews (mentions/YYYY-MM.md) ----
    "status.open": ("En cours", "Open"),
    "status.closed": ("Clos", "Closed"),
    "where": ("Où", "Where"),
    "what": ("Ce qui est dit", "What is said"),
    "tone_one": ("Ton", "Tone"),
    "rating": ("Note", "Rating"),
    "answer": ("Réponse", "Answer"),
    "answered": ("répondu", "answered"),
    "to_answer": ("à répondre", "to answer"),
    "unrated": ("non lu", "not read"),
    "community_mood": ("L'humeur du mois", "The month's mood"),
    "site.instagram": ("Instagram", "Instagram"),
    "site.facebook": ("Facebook", "Facebook"),
    "site.linkedin": ("LinkedIn", "LinkedIn"),
    "site.x": ("X", "X"),
    "site.tiktok": ("TikTok", "TikTok"),
    "site.youtube": ("YouTube", "YouTube"),
    "site.threads": ("Threads", "Threads"),
    "site.bluesky": ("Bluesky", "Bluesky"),
    "site.mastodon": ("Mastodon", "Mastodon"),
    "site.pinterest": ("Pinterest", "Pinterest"),
    "site.reddit": ("Reddit", "Reddit"),
    "site.google": ("Avis Google", "Google reviews"),
    "site.tripadvisor": ("Tripadvisor", "Tripadvisor"),
    "site.yelp": ("Yelp", "Yelp"),
    "site.trustpilot": ("Trustpilot", "Trustpilot"),
    "site.press": ("Presse", "Press"),
    "site.blog": ("Blog", "Blog"),
    "site.forum": ("Forum", "Forum"),
    "site.web": ("Web", "Web"),
    # ---- who a watched source is (watchlist.yml, OPML folders) ----
    "source_kind.media": ("Médias", "Media"),
    "source_kind.expert": ("Experts", "Experts"),
    "source_kind.body": ("Organisations professionnelles", "Professional bodies"),
    "source_kind.institution": ("Institutions", "Institutions"),
    "source_kind.competitor": ("Concurrents", "Competitors"),
    "source_kind.alert": ("Alertes", "Alerts"),
    "source_kind.other": ("Autres sources", "Other sources"),
    # ---- what sort of day an event is (content/_events/, a client's events/) ----
    "event_kind.fair": ("Salon", "Trade fair"),
    "event_kind.congress": ("Congrès", "Congress"),
    "event_kind.launch": ("Lancement", "Launch"),
    "event_kind.awareness": ("Journée thématique", "Awareness day"),
    "event_kind.holiday": ("Jour férié", "Public holiday"),
    "event_kind.closure": ("Fermeture", "Closure"),
    "event_kind.meeting": ("Réunion", "Meeting"),
    "event_kind.other": ("Événement", "Event"),
    "category.recruitment": ("Recrutement", "Recruitment"),
    "goal.reach": ("couverture", "reach"),
    "goal.awareness": ("notoriété", "awareness"),
    "goal.traffic": ("trafic", "traffic"),
    "goal.clicks": ("clics", "clicks"),
    "goal.engagement": ("interactions", "engagement"),
    "goal.video_views": ("vues de vidéo", "video views"),
    "goal.followers": ("abonnés", "followers"),
    "goal.conversions": ("conversions", "conversions"),
    "goal.leads": ("prospects", "leads"),
    "goal.messages": ("messages", "messages"),
    # ---- site pages ----
    "home": ("Vue d'ensemble", "Overview"),
    "today": ("Aujourd'hui", "Today"),
    "next_days": ("Aujourd'hui et les 7 jours suivants", "Today and the next 7 days"),
    "awaiting_review": ("En attente de relecture", "Awaiting review"),
    "problems": ("Problèmes", "Problems"),
    "no_problems": ("Aucun problème.", "No problems found."),
    "running_contests": ("Jeux-concours en cours", "Contests running"),
    "nothing": ("Rien de prévu.", "Nothing planned."),
    "none": ("Aucun.", "None."),
    "this_week": ("Cette semaine", "This week"),
    "status_board": ("Tableau des statuts", "Status board"),
    "pipeline": ("En cours, à partir de ce mois", "Pipeline from this month on"),
    "contests": ("Jeux-concours", "Contests"),
    "curated_queue": ("File de veille", "Curated queue"),
    "monthly_objectives": ("Objectifs mensuels", "Monthly objectives"),
    "months": ("Mois", "Months"),
    "feeds": ("Agendas et export", "Calendar feeds and export"),
    "feed_all": ("Tous les réseaux (iCalendar)", "All networks (iCalendar)"),
    "export_csv": ("Planning (CSV)", "Schedule (CSV)"),
    "month_notes": ("Notes du mois", "Month notes"),
    "previous": ("Mois précédent", "Previous month"),
    "next": ("Mois suivant", "Next month"),
    "filter_network": ("Réseau", "Network"),
    "filter_status": ("Statut", "Status"),
    "all": ("Tous", "All"),
    "edit": ("Modifier cet élément", "Edit this item"),
    "kind": ("Type", "Kind"),
    "when": ("Quand", "When"),
    "campaign": ("Campagne", "Campaign"),
    "author": ("Auteur", "Author"),
    "tags": ("Étiquettes", "Tags"),
    "validations": ("Validations", "Validations"),
    "approvals": ("Approbations", "Approvals"),
    "previews": ("Aperçus", "Previews"),
    "characters": ("caractères", "characters"),
    "hashtags": ("hashtags", "hashtags"),
    "first_comment": ("Premier commentaire", "First comment"),
    "alt": ("Texte alternatif", "Alt text"),
    "no_alt": ("Pas de texte alternatif", "No alt text"),
    "credit": ("Crédit", "Credit"),
    "boost": ("Sponsorisation", "Boost"),
    "published_at": ("En ligne", "Live"),
    "validated": ("validé", "validated"),
    "not_validated": ("pas encore validé", "not validated yet"),
    "must_approve": ("doit approuver", "must approve"),
    "may_approve": ("peut approuver", "may approve"),
    "checklist": ("Liste de contrôle", "Checklist"),
    "ck_organizers": ("Organisateurs nommés", "Organisers named"),
    "ck_prize": ("Lot décrit", "Prize described"),
    "ck_prize.value": ("Valeur du lot", "Prize value"),
    "ck_rules": ("Règlement", "Rules"),
    "ck_eligibility": ("Qui peut participer", "Who may enter"),
    "ck_mechanics": ("Comment participer", "How to enter"),
    "ck_dates": ("Ouverture avant la clôture", "Entries open before they close"),
    "ck_draw_at": ("Date du tirage", "Draw date"),
    "ck_draw_method": ("Mode de tirage", "Draw method"),
    "ck_announce_at": ("Date d'annonce", "Announcement date"),
    "ck_shipping": ("Envoi du lot prévu", "Prize shipping planned"),
    "ck_visuals.launch": ("Visuel de lancement", "Launch visual"),
    "ck_visuals.reminder": ("Visuel de relance", "Reminder visual"),
    "ck_visuals.results": ("Visuel des résultats", "Results visual"),
    "ck_after_post": ("Publication d'après-concours prévue", "After-contest post planned"),
    "ck_winners": ("Gagnants", "Winners"),
    "ck_notified": ("Gagnants prévenus", "Winners notified"),
    "ck_shipped": ("Lot envoyé", "Prize shipped"),
    "partners": ("Partenaires", "Partners"),
    "commentary": ("Commentaire", "Commentary"),
    "found_at": ("Trouvé le", "Found"),
    "share_at": ("Partage", "Share"),
    "permission": ("Autorisation", "Permission"),
    "announcement": ("Annonce", "Announcement"),
    "related_posts": ("Publications liées", "Related posts"),
    "metric": ("Indicateur", "Metric"),
    "target": ("Cible", "Target"),
    "unscheduled": ("non programmé", "not scheduled"),
    "blackout": ("Pas de publication", "No posting"),
    "media_unpublished": ("fichier non publié sur le site", "file not published on the site"),
    "search_hint": (
        "La recherche trouve les éléments par titre, légende et étiquette.",
        "Search finds items by title, caption and tag.",
    ),
    "severity.error": ("Erreurs", "Errors"),
    "severity.warning": ("Avertissements", "Warnings"),
    "severity.info": ("Remarques", "Notes"),
    "count_of": ("{label}\u00a0: {count}", "{label}: {count}"),
    "items": ("éléments", "items"),
    "reports": ("Rapports", "Reports"),
    "report_name": ("Rapport", "Report"),
    "report_pdf": ("PDF", "PDF"),
    "report_preview": ("Aperçu", "Preview"),
    "report_full_page": ("Ouvrir l'aperçu seul", "Open the preview on its own"),
    "report_no_pdf": ("Pas encore de PDF :", "No PDF yet:"),
    "report_failed": ("L'aperçu n'a pas pu être produit :", "The preview could not be rendered:"),
    "report_previews_off": ("Les aperçus HTML sont ajoutés par", "HTML previews are added by"),
    "hist_approval": ("Validation enregistrée", "Approval record"),
    "hist_approved_by": ("Validé par", "Approved by"),
    "hist_declared_by": (
        "Validé avant le passage des validations dans git, par",
        "Approved before approvals moved to git, by",
    ),
    "hist_approver": ("approbateur", "approver"),
    "hist_not_approver": (
        "ne fait pas partie des approbateurs du client",
        "not one of the client's approvers",
    ),
    "hist_wrong_kind": (
        "ne peut pas valider ce type d'élément",
        "may not approve this kind of item",
    ),
    "hist_commit": ("commit", "commit"),
    "hist_via_merge": ("fusionné dans", "merged in"),
    "hist_edited_after": ("Modifié après validation", "Edited after approval"),
    "hist_uncommitted": (
        "dans la copie de travail, non commité",
        "in the working copy, not committed",
    ),
    "hist_history": ("Historique", "History"),
    "hist_created": ("création", "created"),
    "hist_details": ("autres détails", "other details"),
    "hist_caption": ("légende", "caption"),
    "hist_when": ("date", "date"),
    "hist_platforms": ("réseaux", "networks"),
    "hist_media": ("médias", "media"),
    "hist_renamed": ("renommé", "renamed"),
    "hist_not_committed": (
        "Cet élément n'est pas encore commité.",
        "This item is not committed yet.",
    ),
    "hist_none_not_git": (
        "Aucun historique disponible : l'espace de travail n'est pas dans un dépôt git.",
        "No history is available: the workspace is not in a git repository.",
    ),
    "hist_none_no_commits": (
        "Aucun historique disponible : le dépôt git n'a encore aucun commit.",
        "No history is available: the git repository has no commits yet.",
    ),
    "hist_none_shallow": (
        "Aucun historique disponible : ce clone est partiel (récupérez tout l'historique).",
        "No history is available: this is a shallow clone (fetch the full history).",
    ),
    "hist_none_git_error": (
        "Aucun historique disponible : git n'a pas pu être lu.",
        "No history is available: git could not be read.",
    ),
    # ---- an item's review path (review.html.j2): its real state and what a reviewer can do ----
    "rv_title": ("Relecture", "Review"),
    "rv_badge.valid": ("validation vérifiée", "approval checked"),
    "rv_badge.invalid": ("validation non valable", "approval not valid"),
    "rv_badge.edited": ("modifié après validation", "edited after approval"),
    "rv_badge.waiting": ("en attente de {names}", "waiting for {names}"),
    "rv_badge.unchecked": ("validation non vérifiable", "approval cannot be checked"),
    "rv_state.valid": (
        "La validation est en règle : rien n'a changé depuis.",
        "The approval is valid: nothing has changed since.",
    ),
    "rv_state.invalid": (
        "Cette validation ne compte pas :",
        "This approval does not count:",
    ),
    "rv_state.edited": (
        "Modifié après validation : la version validée n'est plus celle qui sera publiée.",
        "Edited after approval: the approved version is no longer the one that will go out.",
    ),
    "rv_state.waiting": (
        "En attente de validation par {names}.",
        "Waiting for approval by {names}.",
    ),
    "rv_state.waiting_anyone": (
        "En attente de validation, mais le client n'a aucun approbateur.",
        "Waiting for approval, but the client lists no approvers.",
    ),
    "rv_state.draft": (
        "Pas encore soumis à la relecture.",
        "Not submitted for review yet.",
    ),
    "rv_state.unchecked": (
        "Le statut dit « Validé », mais sans l'historique git la validation "
        "ne peut pas être vérifiée.",
        "The status says approved, but without the git history the approval cannot be checked.",
    ),
    "rv_why.missing": (
        "personne n'a fait passer cet élément à « Validé » dans l'historique.",
        "nobody moved this item to approved in the history.",
    ),
    "rv_why.missing_declared": (
        "il a été validé avant le passage des validations dans git, sans dire par qui.",
        "it was approved before approvals moved to git, without saying by whom.",
    ),
    "rv_why.not_approver": (
        "{name} l'a validé, mais ne fait pas partie des approbateurs de {client} ({names}).",
        "{name} approved it, but is not one of {client}'s approvers ({names}).",
    ),
    "rv_why.wrong_kind": (
        "{name} l'a validé, mais la catégorie « {category} » doit être validée par {names}.",
        "{name} approved it, but the category “{category}” must be approved by {names}.",
    ),
    "rv_why.no_approvers": (
        "{client} n'a aucun approbateur : personne ne peut vérifier cette validation.",
        "{client} lists no approvers: nobody can check this approval.",
    ),
    "rv_why.claim_mismatch": (
        "l'élément dit avoir été validé par {claimed}, mais l'historique montre {name}.",
        "the item says it was approved by {claimed}, but the history shows {name}.",
    ),
    "rv_edit_line": (
        "Modifié le {when} par {name} : {fields}",
        "Changed on {when} by {name}: {fields}",
    ),
    "rv_changes": (
        "Ce qui a changé depuis la version validée",
        "What changed since the approved version",
    ),
    "rv_removed": ("retiré", "removed"),
    "rv_added": ("ajouté", "added"),
    "rv_part.title": ("Titre", "Title"),
    "rv_part.when": ("Date de publication", "Publication time"),
    "rv_part.platforms": ("Réseaux", "Networks"),
    "rv_part.caption": ("Légende", "Caption"),
    "rv_part.hashtags": ("Hashtags", "Hashtags"),
    "rv_part.media": ("Images et vidéos", "Images and videos"),
    "rv_part.link": ("Lien", "Link"),
    "rv_part.first_comment": ("Premier commentaire", "First comment"),
    "rv_approvers": ("Qui valide", "Who approves"),
    "rv_or": ("{first} ou {last}", "{first} or {last}"),
    "rv_approved": ("a validé", "approved"),
    "rv_approved_earlier": ("a validé une version antérieure", "approved an earlier version"),
    "rv_actions": ("Agir sur cet élément", "Act on this item"),
    "rv_request": ("Demander des modifications", "Request changes"),
    "rv_request_mail": ("Demander des modifications par e-mail", "Request changes by email"),
    "rv_open_prs": (
        "Demandes de fusion ouvertes qui citent ce fichier",
        "Open pull requests naming this file",
    ),
    "rv_issue_title": (
        "Modifications demandées : {title} ({client})",
        "Changes requested: {title} ({client})",
    ),
    "rv_issue_body_client": (
        "Élément : {title}\nClient : {client}\nPublication : {when}\nPage : {page}\n\n"
        "Ce qu'il faut changer :\n\n",
        "Item: {title}\nClient: {client}\nGoing out: {when}\nPage: {page}\n\n"
        "What should change:\n\n",
    ),
    "rv_issue_body": (
        "Élément : {title}\nClient : {client}\nFichier : {file}\nPublication : {when}\n"
        "Page : {page}\n\nCe qu'il faut changer :\n\n",
        "Item: {title}\nClient: {client}\nFile: {file}\nGoing out: {when}\n"
        "Page: {page}\n\nWhat should change:\n\n",
    ),
    # ---- previews as the networks show them (mockups.html.j2) ----
    "pv_more": ("… plus", "… more"),
    "pv_more.instagram": ("… plus", "… more"),
    "pv_more.linkedin": ("…voir plus", "…see more"),
    "pv_where.feed": ("Fil", "Feed"),
    "pv_where.reel": ("Reel", "Reel"),
    "pv_where.story": ("Story", "Story"),
    "pv_frame": ("{where} : {frame}, rien n'est coupé", "{where}: {frame}, nothing cut"),
    "pv_frame_banded": (
        "{where} : {frame}, le fichier entier entre deux bandes (fichier {picture})",
        "{where}: {frame}, the whole file between bands (file {picture})",
    ),
    "pv_frame_cropped": (
        "{where} : recadré en {frame} (fichier {picture})",
        "{where}: cropped to {frame} (file {picture})",
    ),
    "pv_card_note": (
        "titre et image lus sur la page au moment de publier",
        "title and picture are read from the page when posting",
    ),
    "pv_warn.too_long": (
        "{count} caractères de trop pour {network} : la publication sera refusée ou coupée.",
        "{count} characters too many for {network}: the post will be refused or cut.",
    ),
    "pv_warn.ig_link": (
        "« {link} » ne sera pas cliquable sur Instagram : écrivez « lien en bio ».",
        "“{link}” will not be clickable on Instagram: write “link in bio”.",
    ),
    "pv_warn.ig_link_field": (
        "Instagram n'affiche pas le lien de la publication : mettez-le en bio ou en story.",
        "Instagram does not show the post's link: put it in the bio or a story.",
    ),
    "pv_warn.media_missing": (
        "Image introuvable ({files}) : la publication partirait sans elle.",
        "Picture not found ({files}): the post would go out without it.",
    ),
    "pv_warn.story_caption": (
        "Une story {network} n'affiche pas de légende : ce texte doit être sur l'image.",
        "A {network} story shows no caption: this text has to be on the picture.",
    ),
    "pv_warn.no_media": (
        "{network} ne publie pas sans image ni vidéo : ajoutez-en une.",
        "{network} will not publish without an image or a video: add one.",
    ),
    # ---- reports and their charts ----
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
    "h_partnerships": ("Partenariats", "Partnerships"),
    "delivered": ("Livrés", "Delivered"),
    "cost": ("Coût", "Cost"),
    "cost_per_engagement": ("Coût par interaction", "Cost per engagement"),
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
    "results": ("Résultats", "Results"),
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
    "why": ("Pourquoi c'est pertinent", "Why it matters"),
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
    "c_short_weeks": (
        "Semaines coupées par le début ou la fin du mois, comptées sur leurs seuls jours du "
        "mois : {weeks}.",
        "Weeks cut by the start or end of the month count only their days in the month: {weeks}.",
    ),
    "days_one": ("{n} jour", "{n} day"),
    "days_many": ("{n} jours", "{n} days"),
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
    # definitions printed on the report's last page (measures.py says which, in what order)
    "d_followers": (
        "Abonnés gagnés : chiffre des comptes (pas des publications). Pour chaque réseau, "
        "le dernier nombre d'abonnés du mois moins le dernier relevé avant le mois (à défaut, "
        "le premier du mois) ; sans relevé, la somme des variations quotidiennes. Additionnés "
        "sur les réseaux.",
        "Followers gained: an account figure (not a post figure). For each network, the last "
        "follower count of the month minus the last count before the month (or else the "
        "first of the month); without counts, the sum of the daily changes. Added up over "
        "the networks.",
    ),
    "d_reach": (
        "Portée et impressions : sommes des chiffres quotidiens des comptes ; un réseau sans "
        "chiffre de compte est compté par ses publications du mois.",
        "Reach and impressions: sums of the accounts' daily figures; a network without "
        "account figures is counted from its posts of the month.",
    ),
    "d_er": (
        "Taux d'engagement : interactions ÷ impressions des mêmes publications, sur les "
        "seules lignes de publication qui ont les deux chiffres (TikTok, qui n'exporte pas "
        "d'impressions, n'a pas de taux). Interactions = le chiffre du réseau (Facebook : "
        "personnes ayant interagi ; X : engagements ; LinkedIn : clics + réactions + "
        "commentaires + republications + abonnements, comme son propre taux), sinon mentions "
        "j'aime + commentaires + partages + enregistrements + clics. Le taux du mois et celui "
        "d'une publication sur plusieurs réseaux sont des taux pondérés : somme des "
        "interactions ÷ somme des impressions de ces mêmes lignes, jamais des impressions "
        "des comptes.",
        "Engagement rate: engagements ÷ impressions of the same posts, on the post rows that "
        "have both figures only (TikTok, which exports no impressions, has no rate). "
        "Engagements = the network's own figure (Facebook: engaged users; X: engagements; "
        "LinkedIn: clicks + reactions + comments + reposts + follows, as in its own rate), "
        "or else likes + comments + shares + saves + clicks. The month's rate and a post's "
        "rate over several networks are weighted rates: total engagements ÷ total "
        "impressions of those same rows, never the accounts' impressions.",
    ),
    "d_posts": (
        "Publications : éléments du planning publiés dans le mois ; prévues = toutes celles "
        "datées de la semaine, sauf les idées.",
        "Posts published: plan items published in the month; planned = every post dated in "
        "the week, except ideas.",
    ),
    "d_partnership": (
        "Partenariats : livrables dus avant la fin du mois et, parmi eux, ceux livrés (une "
        "publication du client publiée, ou une livraison du partenaire sur son compte). "
        "Portée, interactions et taux d'engagement : ceux des publications sponsorisées du "
        "partenariat publiées dans le mois (lignes de publication). Coût par interaction : "
        "rémunération + valeur des dotations ÷ interactions de toutes ses publications "
        "sponsorisées publiées jusqu'à la fin du mois.",
        "Partnerships: deliverables due by the end of the month and, of those, the ones "
        "delivered (one of the client's posts published, or the partner's own post). Reach, "
        "engagements and engagement rate: those of the partnership's sponsored posts published "
        "in the month (post rows). Cost per engagement: fee + value of the gifts ÷ engagements "
        "of all its sponsored posts published up to the end of the month.",
    ),
    "d_cost": (
        "Publicité : dépense, impressions, clics sur les liens et résultats payés, tels que "
        "les donne le rapport du gestionnaire de publicités pour les seuls réseaux "
        "sponsorisés, jamais les chiffres organiques de la publication. Coût par résultat : "
        "dépense ÷ clics (trafic), ÷ résultats (interactions), sinon pour 1 000 impressions.",
        "Ads: spend, paid impressions, link clicks and results as the Ads Manager report "
        "gives them, for the boosted networks only, never the post's organic figures. Cost "
        "per result: spend ÷ link clicks (traffic), ÷ results (engagement), otherwise per "
        "1,000 paid impressions.",
    ),
    "d_coverage": (
        "Jours couverts : un réseau a des données pour un jour quand l'export de son compte "
        "a une ligne pour ce jour. Un mois incomplet est comparé aux mêmes jours du mois "
        "précédent, et les jours sans données sont laissés vides dans les graphiques.",
        "Days covered: a network has data for a day when its account export has a row for "
        "that day. An incomplete month is compared with the same days of the previous month, "
        "and days without data are left blank in the charts.",
    ),
    # ---- problem sentences, by rule id, for the site (the CLI keeps `file:line [rule]`) ----
    "problem.cadence.per-week": (
        "Le rythme de publication de la semaine n'est pas celui prévu.",
        "This week's number of posts is not the planned cadence.",
    ),
    "problem.cadence.min-gap": (
        "Deux publications sont trop proches sur le même réseau.",
        "Two posts are too close together on the same network.",
    ),
    "problem.cadence.window": (
        "Une publication est prévue en dehors des créneaux habituels.",
        "A post is planned outside the usual posting hours.",
    ),
    "problem.cadence.silence": (
        "Un réseau reste trop longtemps sans publication.",
        "A network goes too long without a post.",
    ),
    "problem.cadence.blackout": (
        "Une publication tombe un jour sans publication.",
        "Something is planned on a no-posting day.",
    ),
    "problem.contest.checklist": (
        "Il manque des éléments au jeu-concours.",
        "The contest is missing part of its checklist.",
    ),
    "problem.mix.promo-streak": (
        "Trop de publications promotionnelles à la suite.",
        "Too many promotional posts in a row.",
    ),
    "problem.mix.promo-share": (
        "La part de publications promotionnelles est trop forte.",
        "The share of promotional posts is too high.",
    ),
    "problem.mix.curated-share": (
        "La part de contenus partagés n'est pas dans la fourchette prévue.",
        "The share of curated content is out of bounds.",
    ),
    "problem.platform.caption-too-long": (
        "Le texte est trop long pour le réseau.",
        "The caption is too long for the network.",
    ),
    "problem.platform.hashtags": ("Il y a trop de hashtags.", "There are too many hashtags."),
    "problem.mix.format-streak": (
        "Trop de publications du même format à la suite.",
        "Too many posts of the same format in a row.",
    ),
    "problem.mix.video-share": (
        "La part de vidéos est sous l'objectif du client.",
        "The share of video is below the client's target.",
    ),
    "problem.format.not-on-network": (
        "Le réseau ne propose pas ce format.",
        "The network has no such format.",
    ),
    "problem.format.media-count": (
        "Le nombre de fichiers ne convient pas au format.",
        "The number of files does not suit the format.",
    ),
    "problem.format.media-type": (
        "Un fichier n'est pas du type que le format demande.",
        "A file is not of the kind the format takes.",
    ),
    "problem.format.ratio": (
        "Une image ou une vidéo n'a pas les proportions du format.",
        "A picture or video is not the shape of the format.",
    ),
    "problem.format.resolution": (
        "Une image ou une vidéo n'a pas la largeur attendue.",
        "A picture or video is not the expected width.",
    ),
    "problem.format.file-size": (
        "Un fichier est trop lourd pour le réseau.",
        "A file is too heavy for the network.",
    ),
    "problem.format.duration": (
        "Une vidéo est trop courte ou trop longue pour le format.",
        "A video is too short or too long for the format.",
    ),
    "problem.influence.mention-missing": (
        "Une publication sponsorisée ne porte pas la mention commerciale.",
        "A sponsored post does not carry the commercial mention.",
    ),
    "problem.influence.retouched-mention": (
        "Des images retouchées ne portent pas la mention « Images retouchées ».",
        "Retouched images do not carry the retouched-images mention.",
    ),
    "problem.influence.virtual-mention": (
        "Des images créées par IA ne portent pas la mention « Images virtuelles ».",
        "AI-made images do not carry the virtual-images mention.",
    ),
    "problem.influence.forbidden-category": (
        "Le partenariat promeut ce que la loi interdit aux influenceurs.",
        "The partnership promotes what the law forbids influencers to promote.",
    ),
    "problem.influence.no-contract": (
        "Le partenariat n'a pas de contrat écrit signé avant le premier livrable.",
        "The partnership has no signed written contract before its first deliverable.",
    ),
    "problem.partnership.deliverable-overdue": (
        "Un livrable du partenaire est en retard.",
        "A partner's deliverable is overdue.",
    ),
    "problem.platform.media-count": (
        "Le nombre d'images ou de vidéos ne convient pas au réseau.",
        "The number of images or videos does not suit the network.",
    ),
    "problem.platform.alt-missing": (
        "Une image ou une vidéo n'a pas de texte alternatif.",
        "An image or video has no alt text.",
    ),
    "problem.platform.instagram-link": (
        "Un lien dans un texte Instagram ne sera pas cliquable.",
        "A link in an Instagram caption will not be clickable.",
    ),
    "problem.platform.variant-not-on-post": (
        "Une variante vise un réseau où la publication ne part pas.",
        "A variant is written for a network the post does not go on.",
    ),
    "problem.rights.credit-missing": (
        "Il manque l'auteur ou le crédit d'un média.",
        "A media file lacks its author or credit.",
    ),
    "problem.rights.permission-pending": (
        "L'autorisation d'utiliser une œuvre n'est pas encore accordée.",
        "Permission to use someone's work is not granted yet.",
    ),
    "problem.rights.curated-source": (
        "Il manque la source ou le crédit d'un contenu partagé.",
        "A curated item lacks its source or credit.",
    ),
    "problem.validation.cited": (
        "Une personne citée n'a pas encore validé.",
        "Someone named in the item has not validated it yet.",
    ),
    "problem.validation.approval-policy": (
        "Il manque une validation demandée par le client.",
        "An approval the client requires is missing.",
    ),
    "problem.workflow.review-due": (
        "L'élément part bientôt et n'est pas encore validé.",
        "The item goes out soon and is not approved yet.",
    ),
    "problem.workflow.missed": (
        "La date est passée mais l'élément n'est pas marqué publié.",
        "The date has passed but the item is not marked published.",
    ),
    "problem.workflow.contest-no-winners": (
        "Le tirage est passé et aucun gagnant n'est noté.",
        "The draw has passed and no winner is recorded.",
    ),
    "problem.workflow.prize-not-shipped": (
        "Le lot n'est toujours pas envoyé.",
        "The prize is still not shipped.",
    ),
    "problem.events.promo-on-blackout": (
        "Une publication promotionnelle tombe pendant un événement sans promotion.",
        "A promotional post falls during an event that asks for none.",
    ),
    "problem.events.no-post": (
        "Aucune publication n'est prévue autour d'un événement qui en attend une.",
        "No post is planned around an event that expects one.",
    ),
    "problem.events.draw-on-holiday": (
        "Le tirage ou l'annonce des gagnants tombe un jour férié.",
        "The draw or the winners' announcement falls on a public holiday.",
    ),
    "problem.mentions.negative-spike": (
        "Les mentions négatives s'envolent cette semaine : prévenir le responsable du compte.",
        "Negative mentions are spiking this week: tell the account lead.",
    ),
    "problem.mentions.unanswered": (
        "Un message ou un avis attend une réponse au-delà du délai du client.",
        "A mention or review is unanswered past the client's response time.",
    ),
    "problem.mentions.low-rating-unanswered": (
        "Un avis mal noté n'a pas de réponse.",
        "A low rating has no answer.",
    ),
    "problem.ignore.no-reason": (
        "Une règle est mise de côté sans raison écrite.",
        "A rule is silenced without a written reason.",
    ),
    "problem.ignore.unknown-rule": (
        "Une règle mise de côté n'existe pas.",
        "A silenced rule does not exist.",
    ),
    "problem.rules.unknown-rule": (
        "Le réglage vise une règle qui n'existe pas.",
        "A setting names a rule that does not exist.",
    ),
    "problem.rules.bad-option": (
        "Un réglage de règle n'est pas valable.",
        "A rule setting is not valid.",
    ),
    "problem.limits.unknown-platform": (
        "Une limite vise un réseau inconnu.",
        "A limit names an unknown network.",
    ),
    "problem.yaml.invalid": (
        "Le fichier n'est pas lisible (YAML mal formé).",
        "The file cannot be read (malformed YAML).",
    ),
    "problem.file.unreadable": ("Le fichier n'a pas pu être lu.", "The file could not be read."),
    "problem.file.outside-client": (
        "Le fichier est un lien vers un autre dossier.",
        "The file is a link to another folder.",
    ),
    "problem.body.control-character": (
        "Le texte contient un caractère invisible interdit.",
        "The text holds a forbidden invisible character.",
    ),
    "problem.schema.missing": ("Il manque un champ obligatoire.", "A required field is missing."),
    "problem.schema.invalid": ("Un champ a une valeur incorrecte.", "A field has a wrong value."),
    "problem.schema.unknown-field": ("Un champ n'est pas reconnu.", "A field is not recognised."),
    "problem.schema.deprecated": ("Un champ porte un ancien nom.", "A field uses an old name."),
    "problem.schema.empty": ("Le fichier est vide.", "The file is empty."),
    "problem.schema.not-mapping": (
        "Le fichier n'a pas la forme attendue.",
        "The file does not have the expected shape.",
    ),
    "problem.item.duplicate-slug": (
        "Deux éléments portent le même nom.",
        "Two items have the same name.",
    ),
    "problem.item.wrong-client": (
        "L'élément est rangé chez un autre client.",
        "The item is filed under another client.",
    ),
    "problem.month.bad-name": (
        "Le nom du fichier du mois n'est pas valable.",
        "The month file's name is not valid.",
    ),
    "problem.month.mismatch": (
        "Le fichier du mois ne correspond pas à son nom.",
        "The month file does not match its name.",
    ),
    "problem.media.missing": (
        "Un fichier média est introuvable.",
        "A media file cannot be found.",
    ),
    "problem.item.unknown-partnership": (
        "La publication renvoie à un partenariat inconnu.",
        "The post names an unknown partnership.",
    ),
    "problem.item.unknown-post": (
        "Un livrable renvoie à une publication inconnue.",
        "A deliverable names an unknown post.",
    ),
    "problem.media.not-image": (
        "Un fichier n'est pas une image lisible.",
        "A file is not a readable image.",
    ),
    "problem.media.not-video": (
        "Un fichier n'est pas une vidéo lisible.",
        "A file is not a readable video.",
    ),
    "problem.media.unmeasured": (
        "Une vidéo n'a pas pu être mesurée.",
        "A video could not be measured.",
    ),
    "problem.media.outside-client": (
        "Un média est pris hors du dossier du client.",
        "A media file lies outside the client's folder.",
    ),
    "problem.metrics.unreadable": (
        "Les statistiques importées n'ont pas pu être lues.",
        "The imported statistics could not be read.",
    ),
    "problem.metrics.unmatched": (
        "Des statistiques ne correspondent à aucune publication.",
        "Some statistics match no post.",
    ),
    "problem.workspace.no-content": (
        "L'espace de travail n'a aucun client.",
        "The workspace has no clients.",
    ),
    "problem.workspace.no-client-file": (
        "Un dossier client n'a pas de fiche client.",
        "A client folder has no client file.",
    ),
    "problem.workspace.unknown-folder": (
        "Un dossier n'est pas reconnu.",
        "A folder is not recognised.",
    ),
    "problem.approval.missing": (
        "Aucune validation n'est enregistrée dans l'historique.",
        "No approval is recorded in the history.",
    ),
    "problem.approval.not-approver": (
        "La validation vient d'une personne qui n'est pas approbatrice.",
        "The approval comes from someone who is not an approver.",
    ),
    "problem.approval.wrong-kind": (
        "L'approbateur ne peut pas valider ce type d'élément.",
        "The approver may not approve this kind of item.",
    ),
    "problem.approval.edited-after": (
        "L'élément a été modifié après sa validation.",
        "The item was edited after it was approved.",
    ),
    "problem.approval.no-approvers": (
        "Le client n'a aucun approbateur.",
        "The client has no approvers.",
    ),
    "problem.approval.claim-mismatch": (
        "La validation déclarée ne correspond pas à l'historique.",
        "The declared approval does not match the history.",
    ),
    "problem": ("Un point est à vérifier.", "Something needs checking."),
    # ---- the action queue, the home summary, the grid's legend and filters (issue 17) ----
    "to_do": ("À faire", "To do"),
    "report_not_ready": ("Pas encore disponible.", "Not available yet."),
    "to_do_none": ("Rien n'attend personne.", "Nothing is waiting for anyone."),
    "to_do_more": ("Voir la suite ({count} de plus)", "Show the rest ({count} more)"),
    "clients": ("Clients", "Clients"),
    "next_post": ("Prochaine publication", "Next post"),
    "no_next_post": ("Rien de prévu cette semaine", "Nothing planned this week"),
    "details": ("Détails", "Details"),
    "legend": ("Légende", "Legend"),
    "legend_flag": ("Un point est à vérifier", "Something needs checking"),
    "filter_reset": ("Tout afficher", "Show all"),
    "filter_shown": ("{shown} sur {total} affichés", "{shown} of {total} shown"),
    "action.missed": ("En retard", "Missed"),
    "action.review_due": ("À valider d'urgence", "Review due"),
    "action.approval_invalid": ("Validation non valable", "Approval not valid"),
    "action.edited_after": ("Modifié après validation", "Edited after approval"),
    "action.awaiting_approval": ("En attente de validation", "Awaiting approval"),
    "action.draw_due": ("Tirage en retard", "Draw overdue"),
    "action.prize_due": ("Lot à envoyer", "Prize to ship"),
    "action.draw_soon": ("Tirage à venir", "Draw coming up"),
    "action.alert": ("Alerte de veille", "Listening alert"),
    "action.deliverable_due": ("Livrable en retard", "Deliverable overdue"),
    "do.missed": (
        "Marquer comme publié ou annulé, ou reprogrammer.",
        "Mark it published or cancelled, or reschedule it.",
    ),
    "do.review_due": (
        "Faire valider avant la publication.",
        "Get it approved before it goes out.",
    ),
    "do.approval_invalid": (
        "Faire valider à nouveau par un approbateur du client.",
        "Have one of the client's approvers approve it again.",
    ),
    "do.edited_after": (
        "Faire valider les modifications faites depuis.",
        "Have the changes made since approved.",
    ),
    "do.awaiting_approval": ("Relire et valider.", "Review and approve it."),
    "do.draw_due": ("Tirer les gagnants et les noter.", "Draw the winners and record them."),
    "do.prize_due": ("Envoyer le lot et noter l'envoi.", "Ship the prize and record it."),
    "do.draw_soon": ("Préparer le tirage au sort.", "Get the draw ready."),
    "do.alert": (
        "Lire les mentions signalées et y répondre.",
        "Read the flagged mentions and answer them.",
    ),
    "do.deliverable_due": (
        "Relancer le partenaire ou noter la livraison.",
        "Chase the partner or record the delivery.",
    ),
}


def column(locale: str) -> int:
    """The column of `locale` in WORDS; ValueError for a language the table does not have."""
    if locale not in LOCALES:
        raise ValueError(f"Almanac speaks {' or '.join(LOCALES)}, not {locale}")
    return LOCALES.index(locale)


def word(key: str, locale: str, **values: object) -> str:
    """The phrase `key` in `locale` (English for an unknown language), placeholders filled."""
    row = WORDS[key]
    text = row[LOCALES.index(locale)] if locale in LOCALES else row[LOCALES.index(FALLBACK)]
    return text.format(**values) if values else text


def problem_sentence(rule: str, locale: str) -> str:
    """A short sentence for a problem, in the reader's language (a general one if unknown)."""
    key = f"problem.{rule}"
    return word(key if key in WORDS else "problem", locale)


def category_word(name: str, locale: str) -> str:
    """A post's editorial category (promo, education…); one Almanac does not know, as written."""
    key = f"category.{name}"
    return word(key, locale) if key in WORDS else name.replace("_", " ").capitalize()


def status_word(name: str, locale: str) -> str:
    """A status (of an item, a prize shipping, a message's tone) in words."""
    key = f"status.{name}"
    return word(key, locale) if key in WORDS else name.replace("_", " ")


def goal_word(name: str, locale: str) -> str:
    """An ad objective (reach, traffic…); free text is kept as written."""
    key = f"goal.{name.strip().lower()}"
    return word(key, locale) if key in WORDS else name
