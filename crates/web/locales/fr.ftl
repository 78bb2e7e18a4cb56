app-name = Tandem
app-tagline = La sécurité humaine, ensemble — coopérer sans se fondre.
nav-home = Accueil
nav-members = Membres
nav-orgs = Organisations
nav-sign-in = Se connecter
nav-sign-out = Se déconnecter
nav-language = Langue
skip-to-content = Aller au contenu

login-title = Connexion
login-intro = Connectez-vous avec votre adresse e-mail et votre mot de passe. Nouveau sur Tandem ? Ouvrez le lien d'invitation que vous avez reçu.
login-joined = Si cette adresse était nouvelle sur Tandem, votre compte est prêt et vous avez rejoint l'organisation : connectez-vous avec le mot de passe que vous venez de choisir. Si elle avait déjà un compte, rien n'a changé : connectez-vous avec ce compte, puis rouvrez le lien d'invitation pour répondre.
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-failed = Adresse e-mail ou mot de passe incorrect.
login-throttled = Trop de tentatives échouées. Réessayez dans { $seconds } secondes.
login-no-org = Votre compte n'appartient encore à aucune organisation. Demandez à un administrateur de vous ajouter.

home-title = Accueil
home-welcome = Bienvenue, { $name }.
home-acting-for = Vous agissez pour { $org } en tant que { $role }.
home-your-org = Votre organisation

role-member = membre
role-coordinator = coordinateur·rice
role-admin = administrateur·rice

kind-civil_society = Société civile
kind-security = Secteur de la sécurité
kind-government = Administration publique
kind-international = International
kind-donor = Bailleur de fonds

flag-women-led = Dirigée par des femmes
flag-youth-led = Dirigée par des jeunes
flag-minority-led = Dirigée par une minorité

orgs-title = Organisations
orgs-name = Nom
orgs-kind = Type
orgs-flags = Dirigée par
orgs-create = Créer l'organisation
orgs-created = Organisation créée.
orgs-none = Aucune organisation pour l'instant.

members-title = Membres de { $org }
members-email = Adresse e-mail
members-name = Nom
members-role = Rôle
members-since = Membre depuis
members-change-role = Changer le rôle
members-remove = Retirer
members-updated = Membre mis à jour.
members-removed = Membre retiré.

audit-title = Activité récente

form-save = Enregistrer
form-error = Veuillez corriger les champs signalés.
field-invalid = Cette valeur n'est pas acceptée :

error-title = Un problème est survenu
error-not-found = Cette page n'existe pas, ou vous n'avez pas le droit de la voir.
error-forbidden = Votre rôle ne le permet pas.
error-csrf = Ce formulaire a expiré. Revenez en arrière, rechargez la page et réessayez.
error-bad-request = La requête n'a pas pu être comprise.
error-internal = Une erreur interne s'est produite. Elle a été enregistrée.
error-back-home = Retour à l'accueil

nav-reports = Signalements
nav-alerts = Alertes
nav-dashboard = Tableau de bord
nav-file = Faire un signalement

cat-hate_speech = Discours de haine et incitation
cat-repression = Répression et abus par des acteurs de sécurité
cat-intercommunal_tension = Tension intercommunautaire
cat-recruitment_activity = Activité de recrutement
cat-gbv = Violence basée sur le genre
cat-crime = Criminalité
cat-service_grievance = Plainte sur les services
cat-displacement = Déplacement
cat-peace_initiative = Initiative positive ou de paix

status-new = nouveau
status-verified = vérifié
status-dismissed = écarté
status-closed = clos
status-open = ouverte
status-withdrawn = retirée

channel-web = formulaire web
channel-hotline = ligne d'écoute
channel-intake = formulaire public
channel-api = API
channel-csv = import CSV
channel-sms = SMS
channel-openrosa = ODK/Kobo
channel-event_data = données d'événements

severity-1 = 1 – faible
severity-2 = 2 – modérée
severity-3 = 3 – grave
severity-4 = 4 – critique

report-area = Zone
report-category = Catégorie
report-severity = Gravité
report-occurred = Quand cela s'est-il produit ?
report-description = Que s'est-il passé ?
report-description-hint = Décrivez la situation : quoi, où, qui est touché. Ne nommez pas de personnes privées.
report-contact = Comment vous joindre ? (facultatif)
report-contact-hint = Seuls les coordinateurs de votre organisation peuvent le voir.
report-hotline = Appel à la ligne d'écoute : j'enregistre ceci pour un appelant qui reste anonyme
report-submit = Envoyer le signalement
report-filed = Signalement enregistré.
report-status = Statut
report-channel = Canal
report-week = Semaine
report-verify = Vérifier
report-dismiss = Écarter
report-close = Clore
report-updated = Signalement mis à jour.
report-has-contact = Un contact a été laissé.

reports-title = Signalements
reports-new-title = Faire un signalement
reports-filter = Filtrer
reports-any = (sans filtre)
reports-from = Du
reports-to = Au
reports-none = Aucun signalement ne correspond.
report-title = Signalement

alerts-title = Alertes
alert-title = Alerte
alert-method = Méthode
alert-observed = Signalements cette semaine
alert-baseline = Moyenne de référence (écart-type)
alert-statistic = Statistique
alert-assigned = Attribuée à
alert-due = Échéance
alert-overdue = en retard
alert-unassigned = Non confiée à un partenaire
alerts-none = Aucune alerte.
alerts-overdue-title = Réponses en retard
alert-assign = Attribuer
alert-due-hours = Répondre sous (heures)
alert-assigned-ok = Alerte attribuée.
alert-reports = Signalements à l'origine de cette alerte
alert-more-reports = … et { $count } de plus dans la liste des signalements
alert-responses = Réponses
alert-no-responses = Pas encore de réponse.
alert-respond = Enregistrer une réponse
response-action = Action menée
response-outcome = Résultat
response-when = Quand
alert-responded = Réponse enregistrée.
method-threshold = seuil de gravité
method-c1 = Hausse soudaine (EARS C1)
method-c2 = Hausse par rapport aux semaines récentes (EARS C2)
method-c3 = Hausse durable sur plusieurs semaines (EARS C3)

dashboard-title = Tableau de bord
dashboard-map = Alertes ouvertes par zone
dashboard-series = Signalements par semaine, 26 dernières semaines
dashboard-no-data = Pas encore de données.

intake-title = Signaler une préoccupation à { $org }
intake-intro = Vous n'avez pas besoin de compte. Nous n'enregistrons ni votre adresse ni votre appareil. Décrivez la situation, pas des personnes.
intake-thanks-title = Merci
intake-thanks = { $org } a bien reçu votre signalement. Si vous avez laissé un contact, un coordinateur pourra vous joindre.
intake-another = Signaler autre chose
intake-too-many = Trop de signalements depuis cette connexion. Veuillez réessayer plus tard.

nav-sharing = Partage
nav-shared = Partagé avec nous
nav-protection = Protection

level-country = pays
level-admin1 = région
level-admin2 = district
level-locality = localité

sharing-title = Accords de partage
sharing-intro = Rien ne quitte votre organisation sans un accord. Chaque accord désigne un partenaire, ce qu'il peut voir et sous quelle forme ; le révoquer arrête le partage immédiatement.
sharing-with = Entre
sharing-to = { $org } reçoit de nous
sharing-from = Nous recevons de { $org }
sharing-mode = Forme
sharing-mode-aggregates = comptages agrégés seulement
sharing-mode-records = fiches anonymisées
sharing-mode-hint = Les comptages sont des nombres de signalements vérifiés par zone, semaine et catégorie, les petits nombres masqués. Les fiches sont les signalements vérifiés eux-mêmes, un par un, avec la zone élargie (au niveau que vous choisissez), le jour seulement, sans auteur, et sans les noms, numéros de téléphone, adresses e-mail et numéros d’identité de la description.
sharing-kind-reports = signalements
sharing-kind-violations = violations vérifiées (nombres par trimestre, zone, institution et acte ; jamais une par une)
sharing-kind-alerts = alertes attribuées au partenaire
sharing-kinds = Quoi
sharing-level = Niveau de zone
sharing-k = Plus petit nombre affiché
sharing-k-hint = Tout nombre inférieur est masqué, avec tout autre nombre qui permettrait de le retrouver, pour que personne ne puisse être reconnu. Au moins 3 ; 5 d’habitude.
sharing-categories = Catégories
sharing-categories-hint = Cochez chaque type d'événement à partager, au moins un. Les violences basées sur le genre sont sensibles : ne les partagez que si la sécurité des survivantes le permet.
sharing-all-categories = toutes les catégories
sharing-valid = Validité
sharing-valid-to = Valable jusqu'au (facultatif)
sharing-status = État
sharing-status-in_force = en vigueur
sharing-status-revoked = révoqué
sharing-status-expired = expiré
sharing-status-pending = pas encore valable
sharing-revoke = Révoquer
sharing-none = Aucun accord de partage.
sharing-new = Nouvel accord
sharing-partner = Organisation partenaire
sharing-create = Créer l'accord
sharing-created = Accord créé ; le partage commence maintenant.
sharing-revoked = Accord révoqué ; plus rien n'est partagé.

shared-title = Partagé avec nous
shared-none = Aucune organisation ne partage rien avec la vôtre pour le moment.
shared-alerts = Alertes qui nous sont attribuées
shared-owner = De
shared-from = Signalements vérifiés de { $org }
shared-explain = Nombres de signalements vérifiés par { $level }, semaine et catégorie. Les nombres inférieurs à { $k } sont masqués, pour que personne ayant signalé ne puisse être reconnu.
shared-total = Total
shared-suppressed = masqué pour protéger les personnes qui ont signalé
shared-legend = – : masqué, car petit ou parce qu'il révélerait un petit nombre. Les zones et catégories absentes n'avaient aucun signalement vérifié.
shared-below-k = moins que le plus petit comptage de l'accord
shared-no-weeks = Aucun signalement vérifié pendant ces semaines.
shared-released = Une semaine est affichée une fois terminée et après { $days } jours de plus pour la vérification de ses signalements (la dernière : { $week }) ; elle ne change plus ensuite.
shared-weeks = Semaines
shared-records-link = Fiches anonymisées
shared-records-title = Fiches partagées
shared-records-intro = Signalements vérifiés partagés avec vous : zone élargie, jour seulement, sans auteur, et sans les noms, numéros de téléphone, adresses e-mail et numéros d’identité des descriptions.
shared-date = Jour
shared-violation-records-title = Violations partagées
shared-violation-records-intro = Violations vérifiées partagées avec vous une à une : la zone élargie, le mois au plus, le type d’institution mais pas l’unité, le nombre de victimes mais pas qui elles sont, et les noms retirés des descriptions.
shared-records-none = Aucun signalement vérifié n’est partagé avec vous un à un.
shared-violation-act = Atteinte
shared-violation-records-most-recent = Les { $count } plus récentes de chaque organisation sont affichées ici.
shared-alert-note = Vous voyez cette alerte parce qu'elle a été attribuée à votre organisation dans le cadre d'un accord de partage. Les signalements qui la fondent restent chez leur propriétaire.

report-contact-show = Afficher le contact
report-contact-shown = Contact :
report-contact-audited = Chaque consultation est enregistrée à votre nom.
report-erase = Effacer ce signalement
report-erase-explain = À la demande de la personne qui a signalé : le signalement et son contact sont supprimés définitivement. Il ne reste que la trace qu'un signalement a été effacé, par qui et quand.
report-erase-confirm = Je confirme l'effacement
report-erased = Signalement effacé.

alert-assign-to = Attribuer à
alert-assign-own = mon organisation
alert-shared-assigned = Partagée avec l'organisation désignée dans le cadre d'un accord de partage.

protection-title = Protection
protection-intro = Ce que votre organisation conserve sur les personnes, et pour combien de temps.
names-title = Noms protégés
names-intro = Noms de personnes privées qui ne doivent jamais quitter votre organisation. Ils sont retirés de toute description partagée et stockés chiffrés.
names-hint = Ajoutez un nom à la fois, ainsi que les surnoms, les autres orthographes et le nom en écriture arabe. Un nom est aussi trouvé quand le nom de famille vient en premier, et dans les liens web et les identifiants de réseaux sociaux.
names-add = Ajouter un nom
names-remove = Retirer
names-none = Aucun nom protégé pour l'instant.
names-added = Nom ajouté.
names-removed = Nom retiré.
retention-title = Conservation
retention-now = Les contacts sont conservés { $contact } jours ; les signalements écartés { $dismissed } jours.
retention-contact = Conserver les contacts (jours)
retention-dismissed = Conserver les signalements écartés (jours)
retention-saved = Durées de conservation enregistrées.
retention-purge = Appliquer maintenant
retention-purged = { $contacts } contacts et { $reports } signalements écartés supprimés.
export-title = Exporter nos données
export-intro = Tout ce qui appartient à votre organisation, à conserver ou à déplacer. Les contacts et les noms protégés restent dans Tandem.
export-jsonl = Tout, en lignes JSON

nav-index = Indice de prévention
index-title = Indice de prévention
index-none = Aucune édition de l'indice n'a encore été publiée.
index-intro = Pour chaque pays : le risque d’extrémisme violent, le respect des droits humains et de l’espace civique, et les engagements de prévention pris, tels que la société civile les suit. Les scores vont de 0 à 100 ; plus haut est toujours mieux, y compris pour le risque (un score de risque élevé signifie peu de risque). La page de chaque pays montre les données derrière ses chiffres.
index-methodology = Méthodologie
index-data-year = données de { $year }
index-published = publiée le
index-export-csv = Télécharger le CSV (HXL)
index-export-json = JSON
index-methodology-file = Fichier de méthodologie
index-map-title = Score de l'indice par pays
index-map-caption = Plus le vert est foncé, plus le score est élevé ; les pays gris n’ont pas de score. Le numéro sur chaque pays est son rang dans le tableau ci-dessous.
index-rank = Rang
index-country = Pays
index-score = Score
index-band = Catégorie
index-interval = Intervalle de rang (5–95 %)
index-interval-text = entre { $p5 } et { $p95 } dans 90 % des tirages (médiane { $median })
index-no-score = pas de score
index-uncertainty = Quelle est la certitude des rangs ?
index-uncertainty-intro = L'indice a été recalculé { $draws } fois, chaque poids modifié de 25 % au plus et la normalisation de chaque indicateur échangée au hasard. Chaque trait couvre les rangs obtenus par un pays dans 90 % des tirages ; le point est son rang.
index-editions = Autres éditions
index-pillars = Piliers
index-pillar = Pilier
index-weight = poids
index-indicators = Indicateurs et leurs données
index-indicators-intro = Pour chaque indicateur : la valeur utilisée et sa provenance, le traitement d'une donnée manquante, la valeur après transformation et le score de 0 à 100 (plus haut est meilleur).
index-source = Source
index-raw = Valeur utilisée
index-transformed = Transformée
index-evidence-data = Valeur de { $year }, selon { $source }.
index-evidence-link = preuve
index-incidents-caption = Total pondéré sur cinq ans { $total } (plus bas de l'édition { $lowest }, plus haut { $highest })
index-year = Année
index-incidents = Incidents
index-fatalities = Morts
index-injuries = Blessés
index-damage = Dégâts
index-year-score = Score de l'année
index-trend = Score au fil des éditions
index-edition = Édition
treatment-observed = observée
treatment-carried_forward = reprise d'une année antérieure
treatment-mean = manquante : moyenne des autres pays
treatment-worst = manquante : pire valeur observée
treatment-excluded = manquante : écartée
direction-higher_is_better = plus haut est meilleur
direction-higher_is_worse = plus haut est pire
commitment-yes = oui
commitment-partial = en partie
commitment-no = non

# Invitations (issue 12)
members-invite = Inviter une personne
members-invite-intro = Elle ne devient membre qu'après avoir accepté. Vous recevez un lien à lui transmettre ; elle voit le nom et le type de votre organisation avant de répondre.
invitation-made = Invitation prête pour { $email }
invitation-made-hint = Transmettez ce lien à la personne par un moyen sûr. Il est valable jusqu'au { $date }. Une personne nouvelle sur Tandem y crée son compte ; une personne qui en a déjà un peut aussi répondre après s'être connectée. Lien perdu ? Retirez l'invitation ci-dessous et invitez à nouveau.
invitations-pending = En attente de réponse
invitations-until = Valable jusqu'au
invitation-withdraw = Retirer
invitation-withdrawn = Invitation retirée.
invitations-title = Vos organisations et invitations
invitations-waiting = Invitations en attente de votre réponse
invitations-none = Aucune invitation ne vous attend.
invitations-your-orgs = Organisations dont vous êtes membre
invitations-acting-now = Vous agissez actuellement pour cette organisation.
invitations-switch = Agir pour cette organisation
kind-about-civil_society = un groupe, une association ou un réseau de la société civile
kind-about-security = un commissariat, une gendarmerie, une unité militaire ou un autre organe de sécurité
kind-about-government = un ministère, une collectivité locale ou un autre organisme public
kind-about-international = une organisation ou un réseau international
kind-about-donor = un bailleur ou un organisme de financement
invitation-asks = { $org } vous invite à rejoindre l'organisation. Votre rôle : { $role }.
invitation-until = Cette invitation est valable jusqu'au { $date }.
invitation-accept = Accepter et rejoindre
invitation-decline = Refuser
invitation-accepted = Vous avez rejoint l'organisation. Choisissez ci-dessous pour laquelle agir.
invitation-declined = Invitation refusée.
invitations-answer-by-link = Pour répondre, ouvrez le lien d'invitation qui vous a été envoyé. Vous l'avez perdu ? Demandez une nouvelle invitation à l'organisation.
org-switched = Vous agissez maintenant pour une autre organisation.
invitation-title = Invitation de { $org }
invitation-for = Pour { $email }. Rôle : { $role }.
invitation-independence = Chaque organisation garde ses propres données : rejoindre vous donne accès au travail de cette organisation, pas à elle au vôtre.
invitation-someone-else = Cette invitation est destinée à une autre adresse. Déconnectez-vous, puis rouvrez le lien.
invitation-have-account = Vous avez déjà un compte Tandem ?
invitation-sign-in = Se connecter pour répondre
invitation-new-account = Nouveau sur Tandem ? Créez votre compte
invitation-password = Choisissez un mot de passe
invitation-password-hint = Au moins 10 caractères. Vous seul devez le connaître.
invitation-create = Créer mon compte et rejoindre
home-other-orgs = { $count ->
    [one] Vous êtes membre d'une autre organisation : changer ici.
   *[other] Vous êtes membre de { $count } autres organisations : changer ici.
  }
home-invitations = { $count ->
    [one] Une invitation attend votre réponse.
   *[other] { $count } invitations attendent votre réponse.
  }

# Field teams (issue 12)
nav-field = Équipes de terrain
field-title = Équipes de terrain (ODK Collect)
field-intro = Une équipe de terrain remplit le formulaire de signalement (ou les questions d'une enquête, choisies ci-dessous) sur téléphone avec ODK Collect ou KoboCollect, même sans connexion ; ce qu'elle remplit arrive ici dès que le téléphone est en ligne (les signalements avec leurs photos, stockées chiffrées). Donnez à chaque équipe son propre accès, et révoquez-le tout de suite si un téléphone est perdu.
field-made = Accès prêt pour { $name }
field-step-install = Sur le téléphone, installez ODK Collect depuis le magasin d'applications.
field-step-scan = Ouvrez ODK Collect, choisissez « Ajouter un projet », puis « Configurer avec un code QR », et scannez ce code.
field-step-done = Le formulaire apparaît sous « Remplir un formulaire ». Les formulaires remplis partent quand le téléphone est en ligne.
field-qr-label = Code de configuration ODK Collect pour { $name }
field-manual = Sans appareil photo : dans ODK Collect, choisissez « Saisir manuellement les détails du projet » et tapez cette adresse de serveur.
field-once = Ce code n'est affiché que maintenant. S'il est perdu, révoquez cet accès et créez-en un autre.
field-teams = Équipes ayant accès
field-none = Aucune équipe de terrain n'a encore d'accès.
field-name = Nom de l'équipe
field-name-hint = Qui porte les téléphones, par exemple « Équipe du marché de Kumba ».
field-since = Depuis
field-status = Accès
field-revoke = Révoquer
field-revoked-on = Révoqué le { $date }
field-revoked = Accès révoqué. Les téléphones qui l'utilisaient ne peuvent plus envoyer de signalements.
field-new = Donner accès à une équipe
field-create = Créer l'accès et afficher le code
report-files = Fichiers
report-file-open = Télécharger
report-files-sealed = Les fichiers sont stockés chiffrés. Chaque téléchargement est inscrit au journal d'audit.
report-file-size = { $kb } Ko

# Alerts as episodes, and dates as people write them.
episode-reports = { $count ->
    [one] Un signalement de type « { $category } » à { $area }, { $dates }.
   *[other] { $count } signalements de type « { $category } » à { $area }, { $dates }.
}
episode-severe = Un signalement de type « { $category } » à { $area } d'une gravité qui déclenche une alerte immédiate, { $dates }.
episode-usual = D'habitude { $lo } à { $hi } par semaine.
episode-usual-one = D'habitude { $lo } par semaine.
episode-folded = { $count ->
    [one] Un autre test ou niveau géographique l'a aussi signalé
   *[other] { $count } autres tests ou niveaux géographiques l'ont aussi signalé
}
episode-folded-item = { $method } à { $area } : { $count } cette semaine-là ({ $dates })
episode-assigned = Confiée à un partenaire
episodes-intro = Chaque élément est un épisode : le même type d'événement au même endroit sur des semaines qui se suivent. Les tests et niveaux géographiques qui l'ont signalé sont regroupés à l'intérieur.
month-1 = janv.
month-2 = févr.
month-3 = mars
month-4 = avr.
month-5 = mai
month-6 = juin
month-7 = juil.
month-8 = août
month-9 = sept.
month-10 = oct.
month-11 = nov.
month-12 = déc.
alert-how = Comment cette alerte a été déclenchée

# What needs the signed-in person, on the home page.
needs-title = Ce qui vous attend
needs-nothing = Rien ne vous attend : aucun signalement à vérifier, aucune alerte à traiter, rien de confié à votre organisation.
needs-verify = { $count ->
    [one] Un signalement attend d'être vérifié
   *[other] { $count } signalements attendent d'être vérifiés
}
needs-verify-many = { $count } signalements ou plus attendent d'être vérifiés
needs-overdue = { $count ->
    [one] Une alerte a dépassé son délai de réponse
   *[other] { $count } alertes ont dépassé leur délai de réponse
}
needs-due-soon = { $count ->
    [one] Une alerte doit recevoir une réponse dans la journée
   *[other] { $count } alertes doivent recevoir une réponse dans la journée
}
needs-unassigned = { $count ->
    [one] Une alerte n'est encore confiée à personne
   *[other] { $count } alertes ne sont encore confiées à personne
}
needs-answered = { $count ->
    [one] Un partenaire a répondu à une alerte que vous lui avez confiée
   *[other] Des partenaires ont répondu à { $count } alertes que vous leur avez confiées
}
needs-handed = { $count ->
    [one] Une alerte a été confiée à votre organisation ({ $waiting } en attente de votre réponse)
   *[other] { $count } alertes ont été confiées à votre organisation ({ $waiting } en attente de votre réponse)
}
nav-menu = Menu
nav-main = Menu principal
alert-report-count = { $count ->
    [one] Un signalement
   *[other] { $count } signalements
}

# Form errors, beside their field and in the summary at the top of the page.
error-summary = Il y a un problème
problem-required = Remplissez ce champ.
problem-too-short = Utilisez au moins { $min } caractères.
problem-too-long = Utilisez au plus { $max } caractères.
problem-control = Retirez les caractères de contrôle invisibles.
problem-future = La date ne peut pas être dans le futur.
problem-past = La date ne peut pas être dans le passé.
problem-too-early = La date doit être en { $year } ou après.
problem-range = Saisissez un nombre entier de { $min } à { $max }.
problem-unknown = Choisissez l'une des options proposées.
problem-not-email = Saisissez une adresse e-mail comme nom@exemple.org.
problem-email-script = N'utilisez dans l'adresse que des lettres latines sans accents, des chiffres et . _ % + -.
problem-too-far-ahead = La date doit être dans les { $months } mois.
problem-end-before-start = La fin doit venir après le début.
problem-other = Cette valeur n'est pas acceptée.
label-other = Ce formulaire
label-action = { response-action }
label-outcome = { response-outcome }
label-area = { report-area }
label-category = { report-category }
label-severity = { report-severity }
label-description = { report-description }
label-occurred_at = { report-occurred }
label-display_name = Votre nom
label-password = Mot de passe
label-email = Adresse e-mail
label-name = Nom
label-k = Plus petit nombre affiché
label-kind = Type
label-partner_org = Organisation partenaire
label-valid_to = Valable jusqu'au
label-contact_days = Conserver les contacts (jours)
label-dismissed_days = Conserver les signalements écartés (jours)
error-summary-item = { $field } — { $message }

# Confirming what cannot be undone.
confirm-cancel = Non, revenir
sharing-revoke-question = Arrêter le partage avec { $partner } ?
sharing-revoke-explain = Le partenaire perd l'accès immédiatement : les comptes, fiches et alertes partagés disparaissent de ses pages. Ce qu'il a déjà téléchargé reste chez lui. C'est définitif ; un nouvel accord repart de zéro.
members-remove-question = Retirer { $name } ({ $email }) de votre organisation ?
members-remove-explain = Ses sessions pour votre organisation prennent fin immédiatement et la personne ne voit plus ses signalements ni ses alertes. Son compte reste, avec les autres organisations dont elle est membre.
field-revoke-question = Révoquer l'accès de { $name } ?
field-revoke-explain = Les téléphones configurés avec cet accès ne peuvent plus récupérer le formulaire ni envoyer de signalements. Les signalements déjà reçus restent. Donnez un nouvel accès à l'équipe si elle en a encore besoin.
names-remove-question = Ne plus protéger le nom { $name } ?
names-remove-explain = Les descriptions partagées à partir de maintenant ne verront plus ce nom remplacé. Les fiches déjà partagées ne changent pas.
problem-none-chosen = Choisissez au moins une option.
label-categories = { sharing-categories }

# An alert acknowledged, then closed with an outcome.
alert-acknowledge = Je m'en occupe
alert-acknowledge-hint = Indique aux autres membres de votre organisation que quelqu'un traite cette alerte.
alert-acknowledged = Prise en charge : les autres voient que quelqu'un s'en occupe.
alert-acknowledged-on = ouverte, prise en charge le { $date }
alert-close-title = Clore cette alerte
alert-close-how = Comment cela s'est-il terminé ?
alert-close-hint = Clore l'alerte clôt aussi les autres tests et niveaux géographiques regroupés avec elle. De nouveaux signalements ne la rouvriront pas.
alert-close = Clore l'alerte
alert-closed = Alerte close.
alert-closed-as = close : { $outcome }
outcome-resolved = résolue, la situation a été traitée
outcome-false_alarm = fausse alerte, les signalements ne l'ont pas confirmée
outcome-no_longer_relevant = sans objet, c'est terminé ou hors de notre portée
label-close_outcome = Issue
episode-acknowledged = Prise en charge

# The front door, for visitors without an account.
front-title = La sécurité humaine, ensemble
front-intro = Ici, les groupes locaux de la société civile, les communautés, la police et les autres services de sécurité, et les autorités locales travaillent ensemble à l'alerte précoce et à la réponse, chacun gardant ses propres dossiers : coopérer sans se fondre.
front-report = Signaler une préoccupation
front-report-intro = Dites à l'une de ces organisations ce qui se passe. Vous n'avez pas besoin de compte, et nous n'enregistrons ni votre adresse ni votre appareil.
front-report-to = Signaler une préoccupation à { $org }
front-no-orgs = Aucune organisation ne reçoit encore de signalements du public ici.
front-who-reads = Qui lit ce que vous envoyez
front-who-reads-text = Votre signalement va seulement à l'organisation que vous choisissez. Si vous laissez un moyen de vous joindre, seuls ses coordinateurs peuvent le voir, et chaque consultation est enregistrée. Quand l'organisation partage avec des partenaires, comme la police, elle partage des comptes, ou des descriptions dont sont retirés les numéros de téléphone, les adresses e-mail et les noms qu'elle protège ; jamais votre contact.
front-members = Membres
intake-contact-hint = Seuls les coordinateurs de { $org } peuvent voir ceci. Ce n'est jamais partagé avec des partenaires.

# The organisation's recent activity, as sentences.
audit-event-alert-assign = { $who } a confié une alerte pour réponse
audit-event-alert-respond = { $who } a enregistré une réponse à une alerte
audit-event-alert-acknowledge = { $who } a pris en charge une alerte
audit-event-alert-close = { $who } a clos une alerte
audit-event-app-user-create = { $who } a donné son accès à une équipe de terrain
audit-event-app-user-revoke = { $who } a révoqué l'accès d'une équipe de terrain
audit-event-attachment-read = { $who } a ouvert un fichier joint à un signalement
audit-event-auth-sign-in = { $who } s'est connecté(e)
audit-event-auth-sign-in-failed = Une connexion avec un mauvais mot de passe
audit-event-auth-sign-in-throttled = Connexions ralenties après des échecs répétés
audit-event-auth-sign-out = { $who } s'est déconnecté(e)
audit-event-contact-read = { $who } a lu le contact d'une personne ayant signalé
audit-event-invitation-accept = { $who } a accepté une invitation
audit-event-invitation-decline = { $who } a décliné une invitation
audit-event-invitation-create = { $who } a invité quelqu'un
audit-event-invitation-withdraw = { $who } a retiré une invitation
audit-event-member-add = { $who } a ajouté un membre
audit-event-member-remove = { $who } a retiré un membre
audit-event-member-role = { $who } a changé le rôle d'un membre
audit-event-org-export = { $who } a exporté les données de l'organisation
audit-event-protected-name-add = { $who } a ajouté un nom protégé
audit-event-protected-name-remove = { $who } a retiré un nom protégé
audit-event-report-erase = { $who } a effacé un signalement
audit-event-report-verified = { $who } a vérifié un signalement
audit-event-report-dismissed = { $who } a écarté un signalement
audit-event-report-closed = { $who } a clos un signalement
audit-event-report-create = { $who } a déposé un signalement
audit-event-reports-import = { $who } a importé des signalements
audit-event-retention-purge = Les anciens contacts et signalements écartés ont été supprimés
audit-event-retention-set = { $who } a changé la durée de conservation
audit-event-sharing-create = { $who } a conclu un accord de partage
audit-event-sharing-revoke = { $who } a révoqué un accord de partage
audit-event-submission-receive = Un signalement d'une équipe de terrain est arrivé
audit-event-user-create = Un compte a été créé
audit-event-other = { $who } a fait une modification ({ $action })
audit-someone = quelqu'un
pager-label = Pages de signalements
pager-newer = Signalements plus récents
pager-older = Signalements plus anciens
pager-page = Page { $page }
date-moment = { $day }, { $time } UTC
alert-acknowledged-by = ouverte ; { $name } s'en occupe depuis le { $date }
alerts-handed-elsewhere = Les alertes que d'autres organisations ont confiées à la vôtre sont sous « { nav-shared } ».

# Maps and charts that read without hovering.
map-legend = Couleurs
map-key = Numéros sur la carte
legend-exact = { $n ->
    [0] Aucune alerte ouverte
    [one] { $n } alerte ouverte
   *[other] { $n } alertes ouvertes
}
legend-range = De { $lo } à { $hi } alertes ouvertes
legend-more = { $lo } alertes ouvertes ou plus
legend-areas = { $count ->
    [one] { $count } zone
   *[other] { $count } zones
}
open-alerts = { $count ->
    [one] { $count } alerte ouverte
   *[other] { $count } alertes ouvertes
}
dashboard-map-none = Aucune zone de la carte n’a d’alerte ouverte.
dashboard-larger = Alertes ouvertes de zones plus grandes (non dessinées sur la carte)
dashboard-to-alerts = Voir toutes les alertes ouvertes
series-total = { $count ->
    [one] { $count } signalement
   *[other] { $count } signalements
}
series-most = Au plus en une semaine : { $count }
comma = ,

# Index pages: names, not codes.
index-edition-name = { $half ->
    [1] premier semestre { $year }
   *[other] second semestre { $year }
}
transform-none = non transformé
transform-log1p = logarithme (pour les comptes très inégaux)
transform-winsorise = extrêmes plafonnés
normalise-minmax = ramené du plus bas au plus haut
normalise-zscore = ramené selon l’écart à la moyenne
shared-too-few = trop peu pour être affiché
index-legend-range = score de { $lo } à { $hi }
legend-countries = { $count ->
    [one] { $count } pays
   *[other] { $count } pays
}

# Sharing: a preview before an agreement is made, and why partners see dashes.
sharing-preview = Voir ce que le partenaire verra
preview-title = Ce que verra { $partner }
preview-intro = Rien n’est encore partagé. Vérifiez ce que verrait le partenaire si vous concluiez cet accord maintenant ; il n’est conclu que lorsque vous appuyez sur « Créer l'accord ».
preview-terms = L’accord
preview-until = jusqu’au { $date }, sauf révocation plus tôt
preview-until-revoked = jusqu’à ce que vous le révoquiez
preview-gbv = Cet accord partage les violences basées sur le genre. Ne les partagez que si la sécurité des survivantes le permet.
preview-tables = Ses tableaux des { $weeks } dernières semaines
preview-records = Les premières fiches qu’il recevrait
preview-alerts-only = Cet accord ne partage aucun signalement : le partenaire ne voit que les alertes que vous lui confiez.
preview-change = Modifier l’accord
shared-hidden-count = { $count ->
    [one] { $count } nombre masqué
   *[other] { $count } nombres masqués
}
shared-why-title = Pourquoi certains nombres sont-ils masqués ?
shared-why = Un petit nombre de signalements venant d’un petit endroit peut désigner la personne qui les a faits. Tout nombre inférieur à ce que permet l’accord est donc masqué, ainsi que quelques autres qui permettraient de le retrouver à partir des totaux. Un nombre masqué ne sera jamais affiché plus tard non plus.
date-range-days = { $from }–{ $to } { $month } { $year }
date-range-months = { $from } – { $to } { $year }
date-range-years = { $from } – { $to }
number-range = { $lo }–{ $hi }
audit-event-sharing-aggregates-read = { $who }, d’une organisation partenaire, a consulté les comptages que vous partagez
audit-event-sharing-records-read = { $who }, d’une organisation partenaire, a consulté les fiches que vous partagez
audit-event-violation-create = { $who } a documenté une violation
audit-event-violation-verify = { $who } a vérifié une violation
preview-records-warning = Les fiches sont envoyées une par une : chaque signalement vérifié de ces catégories parvient au partenaire, même là où les tableaux ci-dessus masquent un petit nombre. Ne choisissez les fiches que pour un partenaire à qui vous confieriez chaque signalement.
episode-span = Inhabituel sur la période { $dates }.
form-choose = — Choisir —
colon = {"\u00A0"}:
index-interval-fixed = { $rank } dans au moins 90 % des tirages : le rang dépend à peine des poids
audit-event-violation-refer = { $who } a transmis une violation aux personnes concernées
audit-event-violation-respond = { $who } a enregistré la réponse à une transmission
audit-event-violation-end = { $who } a clos le dossier d’une violation

# The observatory's pages.
nav-violations = Violations
violations-title = Violations des droits humains
violations-intro = Les abus documentés par votre organisation. Chacun est vérifié par un second coordinateur avant de compter, puis transmis aux personnes concernées jusqu’à leur réponse.
violations-waiting = { $count ->
    [one] { $count } violation attend qu’un second coordinateur la vérifie
   *[other] { $count } violations attendent qu’un second coordinateur les vérifie
}
violations-overdue = { $count ->
    [one] { $count } transmission a dépassé son échéance sans réponse
   *[other] { $count } transmissions ont dépassé leur échéance sans réponse
}
violation-status = Où en est-elle
vstatus-documented = Documentée, pas encore vérifiée
vstatus-verified = Vérifiée
vstatus-referred = Transmise, en attente de réponse
vstatus-responded = Réponse reçue
vstatus-remedied = Réparée
vstatus-closed = Close
act-arbitrary_arrest = Arrestation ou détention arbitraire
act-torture_ill_treatment = Torture ou mauvais traitements
act-extrajudicial_killing = Exécution extrajudiciaire
act-enforced_disappearance = Disparition forcée
act-sexual_violence = Violence sexuelle
act-excessive_force = Usage excessif de la force
act-extortion = Extorsion
act-destruction_of_property = Destruction de biens
act-restriction_of_assembly = Entrave à la réunion pacifique
act-threat_to_defender = Menace contre un défenseur ou le personnel d’une OSC
act-attack_on_defender = Attaque contre un défenseur ou le personnel d’une OSC
ikind-police = police
ikind-gendarmerie = gendarmerie
ikind-military = armée
ikind-intelligence = service de renseignement
ikind-prison = administration pénitentiaire
ikind-ministry = ministère
ikind-local_authority = autorité locale
ikind-armed_group = groupe armé
ikind-other_public_body = organisme public
violation-date-unknown = date inconnue
violation-victims = { $count ->
    [one] { $count } victime
   *[other] { $count } victimes
}
violation-when = Quand
violation-institution = Institution en cause
violation-victims-title = Victimes
violation-women-men = femmes { $women }, hommes { $men }
violation-documented = Documentée par
violation-imported = importée
violation-verified = Vérifiée par
violation-referred = Transmise à
violation-due = réponse attendue le { $date }
violation-ask = Ce qui est demandé
violation-answer = Leur réponse
violation-verify-explain = Vous êtes la seconde clé : vérifiez les faits et la source avant de valider. Une fois vérifiée, elle compte dans vos statistiques et peut être transmise.
violation-verify = Vérifier cette violation
violation-second-key = Elle attend un second coordinateur : la personne qui l’a documentée ne peut pas la vérifier.
violation-refer-title = La transmettre aux personnes concernées
violation-to-org = Une organisation sur Tandem
violation-not-on-tandem = — Pas sur Tandem —
violation-to = Ou l’institution, par son nom
violation-to-hint = Par exemple le commandant de la brigade, ou le ministère de la Justice. Laissez vide si vous avez choisi une organisation ci-dessus.
violation-due-label = Réponse attendue avant le
violation-refer = Transmettre
violation-answer-label = Ce que { $to } a répondu
violation-answer-record = Enregistrer leur réponse
violation-remedied = Marquer comme réparée
violation-close = Clore le dossier
violations-back = Toutes les violations
violations-none = Aucune violation documentée pour l’instant.
violations-none-filtered = Aucune violation ne correspond.
violation-done-verified = Vérifiée. Elle compte désormais et peut être transmise.
violation-done-referred = Transmise. Elle apparaîtra en retard si aucune réponse n’arrive avant l’échéance.
violation-done-answered = Leur réponse est enregistrée.
violation-done-ended = Le dossier est clos.
violation-new-title = Documenter une violation
violation-new-intro = Notez ce qui s’est passé tel que les victimes et les témoins l’ont raconté. Aucun nom : les victimes sont comptées, et c’est l’institution ou l’unité en cause qui est nommée, jamais une personne. Un second coordinateur la vérifie avant qu’elle compte.
violation-act = Ce qui s’est passé
violation-precision = La date est-elle connue précisément ?
precision-exact = le jour exact
precision-month = le mois seulement
precision-year = l’année seulement
precision-unknown = inconnue
violation-institution-hint = Le commissariat, la brigade, le ministère ou le groupe armé, par son nom. Jamais une personne.
violation-institution-kind = Type d’institution
violation-unit = Unité (si connue)
violation-victims-hint = Combien de personnes, et autant de femmes, d’hommes, de filles et de garçons que vous le savez.
violation-victims-total = Nombre de victimes
violation-victims-women = Femmes
violation-victims-men = Hommes
violation-victims-girls = Filles
violation-victims-boys = Garçons
violation-description = Ce qui s’est passé
violation-description-hint = Où, comment, ce que les victimes ont subi. N’écrivez ni noms ni numéros de téléphone.
violation-document = La documenter
violation-done-documented = Documentée. Un second coordinateur doit maintenant la vérifier.
violations-new-link = Documenter une violation
label-act = Ce qui s’est passé
label-institution = Institution en cause
label-occurred_on = Quand
label-victims_total = Nombre de victimes
label-victims = Victimes
label-institution_kind = Type d’institution
label-unit = Unité
label-date_precision = Précision de la date
label-to = Ou l’institution, par son nom
label-ask = Ce qui est demandé
label-due_on = Réponse attendue avant le
label-to_org = Une organisation sur Tandem
label-response = Leur réponse
label-victims_women = Femmes
label-victims_men = Hommes
label-victims_girls = Filles
label-victims_boys = Garçons
violation-remedied-question = Marquer cette violation comme réparée ?
violation-close-question = Clore le dossier de cette violation ?
violation-end-explain = Cela ne peut pas être annulé : le dossier reste tel quel, pour mémoire, et plus aucune étape n’est possible.

## Observatoire : sources, noms scellés, preuves (ticket 14)
form-not-known = — Inconnu —
size-mb = { $n } Mo
size-kb = { $n } Ko
violation-source-title = La source
violation-source-kind = Qui est la source
violation-source-knowledge = Comment elle le sait
violation-source-reliability = Sa fiabilité jusqu’ici
violation-source-identity = Nom ou contact de la source
source-victim = La victime
source-witness = Un témoin
source-relative = Un proche
source-community_member = Une personne de la communauté
source-civil_society = Une organisation de la société civile
source-media = Les médias
source-official = Un agent public
source-other = Quelqu’un d’autre
knowledge-direct = L’a vu ou vécu
knowledge-hearsay = Le tient d’un tiers
knowledge-documents = D’après des documents
reliability-reliable = Fiable
reliability-usually_reliable = Généralement fiable
reliability-unknown = Pas encore connue
reliability-doubtful = Douteuse
violation-names-title = Noms des victimes
violation-names = Noms des victimes
violation-names-hint = Seulement si elles ont accepté. Les noms sont chiffrés et seuls les coordinateurs peuvent les ouvrir ; chaque ouverture est enregistrée.
violation-names-consent = Les victimes ont accepté que leurs noms soient conservés
violation-sealed-hint = Chiffré. Seuls les coordinateurs peuvent l’ouvrir ; chaque ouverture est enregistrée.
violation-sealed-both = Les noms des victimes et la source sont conservés chiffrés.
violation-sealed-names = Les noms des victimes sont conservés chiffrés.
violation-sealed-source = La source est conservée chiffrée.
violation-sealed-open = Afficher les noms et la source
violation-sealed-audited = Leur ouverture est enregistrée à votre nom.
violation-sealed-coordinators = Seuls les coordinateurs peuvent les ouvrir.
violation-sealed-title = Noms et source
violation-sealed-recorded = Cette ouverture est enregistrée à votre nom. Ne recopiez ces noms nulle part ailleurs.
violation-sealed-none = Aucun conservé
violation-back-one = Retour à la violation
evidence-title = Preuves
evidence-none = Aucun fichier de preuve pour l’instant.
evidence-kind-photo = Photo
evidence-kind-document = Document
evidence-kind-audio = Enregistrement sonore
evidence-kind-video = Vidéo
evidence-added = Ajouté par { $by }, { $when }
evidence-custody = Chaîne de conservation
evidence-sha = Empreinte (SHA-256) du fichier tel qu’il a été ajouté :
custody-upload = Ajouté par { $by }, { $when }
custody-open-original = Original ouvert par { $by }, { $when }
custody-open-clean = Copie sans métadonnées ouverte par { $by }, { $when }
custody-open-sealed = Fichier chiffré téléchargé par { $by }, { $when }
evidence-open-original = Ouvrir l’original
evidence-open-clean = Copie sans métadonnées
evidence-open-sealed = Fichier chiffré pour un tribunal
evidence-clean-hint = Ne partagez que la copie sans métadonnées : elle ne contient ni lieu, ni appareil, ni auteur.
evidence-no-clean = Tandem ne sait pas retirer les métadonnées des sons et vidéos : ne partagez l’original qu’avec des personnes autorisées.
evidence-opened-audited = Chaque ouverture est enregistrée.
evidence-file = Ajouter une photo, un PDF, un enregistrement ou une vidéo
evidence-file-hint = Jusqu’à { $max }. Le fichier est chiffré dès son arrivée ; son nom n’est pas conservé.
evidence-add = Ajouter le fichier
evidence-too-large = Le fichier dépasse { $max }. Envoyez un enregistrement plus court ou une photo plus petite.
violation-done-evidence = Le fichier est ajouté et chiffré. Son empreinte figure dans la chaîne de conservation.
violation-names-consent-needed = Les noms ne sont conservés que si les victimes ont accepté : cochez la case, ou retirez les noms.
evidence-choose = Choisissez un fichier à ajouter.
evidence-not-accepted = Ce fichier n’est ni une photo, ni un PDF, ni un enregistrement, ni une vidéo.
public-title = Violations des droits humains : statistiques publiques
public-intro = Violations documentées par les observatoires de cette plateforme et vérifiées par un second coordinateur, par trimestre des faits. Les nombres de 1 à { $below } sont masqués, et quelques autres avec eux, pour qu’aucun nombre masqué ne puisse se déduire des autres. Un trimestre est publié 90 jours après sa fin et ne change plus ensuite.
public-none = Rien n’est encore publié : un trimestre est publié 90 jours après sa fin.
public-periods = Trimestres
public-total = { $count ->
    [one] Une violation vérifiée
   *[other] { $count } violations vérifiées
}
public-total-hidden = Le total est masqué : trop peu pour être publié.
public-by-act = Par type de violation
public-nothing = Aucune ce trimestre.
public-hidden = masqué
public-map = Violations vérifiées par région
public-violations = { $count ->
    [one] une violation
   *[other] { $count } violations
}
public-by-area = Par région et type de violation
public-all-acts = Tous types
public-method = { $hidden } nombres sur { $cells } sont masqués. Les données, avec les institutions en cause par type :
public-data = télécharger (JSON)
quarter-1 = Janvier à mars { $year }
quarter-2 = Avril à juin { $year }
quarter-3 = Juillet à septembre { $year }
quarter-4 = Octobre à décembre { $year }
public-legend-none = Aucune
public-legend-range = { $lo } à { $hi } violations
public-legend-more = { $lo } violations ou plus
nav-public-violations = Violations : statistiques publiques
nav-referrals = Transmis à nous
referrals-title = Violations qui vous sont transmises
referrals-intro = Les observatoires transmettent les violations documentées et vérifiées à l’institution concernée, avec leur demande et un délai. Votre réponse leur parvient ici. Vous voyez les faits, jamais les noms des victimes, la source ni les preuves.
referrals-waiting = { $count ->
    [0] Chaque transmission a reçu une réponse.
    [one] Une transmission attend votre réponse.
   *[other] { $count } transmissions attendent votre réponse.
}
referrals-none = Rien n’a été transmis à votre organisation.
referral-from = Transmis par { $from }
referral-answered = Répondu
referral-protected = Les noms et contacts que l’observatoire protège ont été retirés.
referral-your-answer = La réponse enregistrée
referral-answer-label = Votre réponse : ce qui a été fait, ou ce qui le sera
referral-answer-hint = { $from } la voit aussitôt sur la violation.
referral-answer = Envoyer la réponse
referral-done = Votre réponse est envoyée.
referrals-back = Toutes les transmissions
violation-on-tandem = Ils sont sur Tandem : ils voient cette transmission, sans noms, source ni preuves, et peuvent y répondre ici.

# Verified violations as a warning sign in the alert engine.
alert-violations = Violations vérifiées à l'origine de cette alerte
alert-violation-count = { $count ->
    [one] Une violation vérifiée
   *[other] { $count } violations vérifiées
}
alert-more-violations = … et { $count } de plus dans la liste des violations
alert-violations-of = Violations : { $act }
episode-violations = { $count ->
    [one] Une violation vérifiée ({ $category }) à { $area }, { $dates }.
   *[other] { $count } violations vérifiées ({ $category }) à { $area }, { $dates }.
}
episode-violation-severe = Une violation vérifiée assez grave pour déclencher une alerte immédiate ({ $category }) à { $area }, { $dates }.

# Protection protocol reviews.
protocol-title = Protocole de protection
protocol-intro = Le plan de votre organisation pour protéger son personnel et les personnes avec qui elle travaille : qui appeler, où aller, que faire quand quelqu'un est menacé. Révisez-le régulièrement. Tandem ne garde que les dates, jamais le plan lui-même : gardez-le sur papier, auprès des personnes qui en ont besoin.
protocol-never = Aucune révision de votre protocole de protection n'est enregistrée.
protocol-reviewed-on = Dernière révision
protocol-next = Prochaine révision
protocol-next-hint = Laissez vide pour six mois après la révision. Au plus 24 mois.
protocol-overdue = { $days ->
    [one] Un jour de retard
   *[other] { $days } jours de retard
}
protocol-due-soon = { $days ->
    [0] Prévue aujourd'hui
    [one] Prévue dans un jour
   *[other] Prévue dans { $days } jours
}
protocol-record = Enregistrer la révision
protocol-saved = La révision est enregistrée.
needs-protocol-never = Indiquez quand votre protocole de protection a été révisé pour la dernière fois
needs-protocol-overdue = La révision de votre protocole de protection a { $days } jours de retard
needs-protocol-due-soon = Votre protocole de protection doit être révisé dans { $days } jours
violation-targeted-org = Organisation visée
violation-targeted-org-hint = Seulement pour une menace ou une attaque contre un défenseur des droits humains ou le personnel d'une OSC : l'organisation pour laquelle il travaille.
protocol-review-day = Jour de la révision
violations-export-title = Exporter les violations
violations-export-intro = Toutes les violations documentées par votre organisation, pour un mécanisme de l'ONU, un tribunal ou vos archives. Les noms des victimes, les sources et les pièces n'y figurent pas. Chaque export est inscrit au journal d'audit.
violations-export-json = Événements (JSON, au format des événements HURIDOCS)
violations-export-hxl = Tableau (CSV avec étiquettes HXL)
shared-violations-from = Violations vérifiées de { $org }, { $quarter }
shared-violations-total = Toutes les violations ce trimestre
shared-violations-row-total = En tout
shared-violations-none = Aucune violation vérifiée ce trimestre.
shared-violations-legend = Nombres par trimestre, par zone et selon le type d'institution en cause. Les zones et actes absents n'en ont aucune. « Trop peu pour être affiché » masque un petit nombre, ou un nombre qui permettrait d'en déduire un petit. Un trimestre est affiché une fois terminé et le délai de grâce passé ; il ne change plus ensuite.
answers-title = Délais de réponse des institutions
answers-intro = Chaque transmission faite par votre organisation, selon l'institution destinataire ; les plus lentes d'abord.
answers-counts = { $referred ->
    [one] Une transmission
   *[other] { $referred } transmissions
}, { $answered } avec réponse.
answers-overdue = { $count ->
    [one] une en retard
   *[other] { $count } en retard
}
answers-median = { $days ->
    [0] Répond d'habitude le jour même.
    [one] Répond d'habitude en un jour.
   *[other] Répond d'habitude en { $days } jours.
}
answers-waiting = { $days ->
    [0] Une transmission attend depuis aujourd'hui.
    [one] La plus ancienne sans réponse attend depuis un jour.
   *[other] La plus ancienne sans réponse attend depuis { $days } jours.
}
violation-involvement = Implication de l’institution
involvement-perpetrator = ses agents l’ont commis
involvement-ordered = elle l’a ordonné ou planifié
involvement-complicit = elle a aidé ceux qui l’ont commis
involvement-failed_to_protect = elle ne l’a pas empêché ou n’a pas protégé les victimes
violation-method = Comment
violation-method-hint = En une ligne, par exemple « frappés à coups de matraque » ou « détenus sans inculpation ». Pas de noms.
violation-victims-group = Qui étaient les victimes
vgroup-individuals = des personnes, une à une
vgroup-family = une famille
vgroup-community = toute une communauté
vgroup-organisation = une organisation
violation-victims-after = État des victimes à la fin
vstate-released = libérées
vstate-still_detained = toujours détenues
vstate-injured = blessées
vstate-killed = tuées
vstate-missing = disparues
vstate-displaced = chassées de chez elles
vstate-unharmed = indemnes
links-title = Dossiers liés
links-none = Rien n’est encore lié.
link-kind-violation = violation
link-kind-report = signalement
link-kind-alert = alerte
linked-violations-title = Violations documentées à partir de ceci
linked-violations-intro = Violations que votre organisation a liées à cet enregistrement. Le lien est gardé sur la violation : c’est là qu’on le retire.
link-choose = Lier un signalement, une alerte ou une violation
link-hint = Ceux de la même zone, vers la même date. Liez les signalements ou alertes à l’origine de cette violation, ou une autre violation du même événement.
link-add = Lier
link-remove = Retirer le lien
violation-done-linked = Lié.
violation-done-unlinked = Le lien est retiré.

## Forums et engagements (la roue de la coordination)
nav-forums = Forums
forums-title = Forums
forums-intro = Les rencontres régulières où votre organisation siège avec d’autres : communauté et police, comité de sécurité de district, groupe d’audit de sécurité des femmes. Ce qui y est convenu est suivi ici.
forums-none = Votre organisation n’est encore membre d’aucun forum.
forum-convene = Réunir un forum
forum-name = Nom du forum
forum-name-hint = Comme ses membres l’appellent, par exemple « Forum communauté–police de Kumba ».
forum-kind = Type de forum
forum-kind-community_police = forum communauté–police
forum-kind-security_committee = comité de sécurité de district
forum-kind-safety_audit = groupe d’audit de sécurité des femmes
forum-kind-high_level_exchange = échange de haut niveau
forum-kind-oversight = forum de contrôle conjoint
forum-cadence = Fréquence des réunions
cadence-monthly = chaque mois
cadence-quarterly = tous les trois mois
cadence-twice_a_year = deux fois par an
cadence-as_needed = au besoin
forum-members = Organisations membres
forum-members-hint = Votre organisation réunit le forum et en est membre. Choisissez les autres ; vous pourrez en ajouter plus tard.
forum-members-count = { $count ->
    [one] 1 organisation membre
   *[other] { $count } organisations membres
}
forum-terms = Termes de référence
forum-terms-hint = À quoi sert le forum, qui y participe et comment les décisions sont prises.
forum-convener = le réunit
forum-add-member = Ajouter une organisation membre
forum-add = Ajouter
forum-commitments = Engagements
forum-no-commitments = Aucun engagement n’a encore été pris dans ce forum.
forum-closed-commitments = Réalisés ou abandonnés ({ $count })
forum-meetings = Réunions
forum-no-meetings = Aucune réunion n’a encore été enregistrée.
forum-keeping = Engagements tenus
forum-keeping-intro = Pour chaque organisation : les engagements arrivés à échéance, et combien elle en a tenu à temps. Un engagement compte comme tenu s’il a été réalisé avant son échéance et confirmé par une autre organisation membre.
keeping-org = Organisation
keeping-due = Échus
keeping-kept = Tenus à temps
keeping-overdue = En retard
keeping-rate = { $kept } sur { $due } ({ $percent } %)
keeping-nothing-due = rien d’échu pour l’instant
commitment-due = échéance le { $day }
commitment-overdue = en retard
cstatus-open = ouvert
cstatus-in_progress = en cours
cstatus-done = réalisé
cstatus-dropped = abandonné
commitment-evidence = Ce qui a été fait
commitment-evidence-hint = Dites ce qui a été fait, ou pourquoi l’engagement est abandonné, et où en est la preuve (une photo dans le compte rendu, une lettre, un rapport). Obligatoire pour « réalisé » et « abandonné ».
commitment-confirmed-by = Confirmé par { $org }
commitment-unconfirmed = Pas encore confirmé par une autre organisation membre.
commitment-move-on = Mettre à jour cet engagement
commitment-status = Où il en est
commitment-save = Enregistrer
commitment-confirm = Confirmer que c’est fait
commitment-confirm-hint = Seule une autre organisation membre peut confirmer.
commitment-new = Enregistrer un engagement
commitment-text = Ce qui a été convenu
commitment-owner = Qui s’en charge
commitment-due-on = Pour quand
commitment-meeting = Convenu à la réunion du
commitment-no-meeting = aucune réunion indiquée
commitment-agree = Enregistrer l’engagement
meeting-record = Enregistrer une réunion
meeting-held-on = Date de la réunion
meeting-agenda = Ordre du jour
meeting-minutes = Compte rendu
meeting-participants = Qui a participé
meeting-participants-hint = Comptez les personnes par groupe ; aucun nom n’est demandé ni gardé. Laissez le nombre vide sur les lignes inutiles.
meeting-org-kind = Venant de
meeting-gender = Genre
meeting-age-band = Âge
meeting-group = Groupe { $n }
meeting-count = Combien
gender-female = femmes
gender-male = hommes
gender-other = autre
band-under_18 = moins de 18 ans
band-18_24 = 18–24 ans
band-25_34 = 25–34 ans
band-35_49 = 35–49 ans
band-50_plus = 50 ans et plus
meeting-people = { $count ->
    [one] 1 personne
   *[other] { $count } personnes
}
meeting-women = { $count } femmes
meeting-youth = { $count } de moins de 25 ans
forum-convened = Le forum est réuni.
forum-member-added = L’organisation est maintenant membre.
meeting-recorded = La réunion est enregistrée.
commitment-agreed = L’engagement est enregistré.
commitment-moved = L’engagement est mis à jour.
commitment-confirmed = Vous avez confirmé que l’engagement a été réalisé.
forum-trainings = Formations conjointes
forum-no-trainings = Aucune formation n’a encore été enregistrée.
training-by = donnée par { $org }
training-change = Auto-évaluation : { $before } avant, { $after } après, soit { $change } en moyenne ({ $n } personnes, échelle de 0 à 10).
training-spread = Dispersion des changements (écart type) : { $sd }.
training-record = Enregistrer une formation
training-topic = Sujet
training-held-on = Date de la formation
training-trainer = Donnée par
training-participants = Qui a participé
training-scores = Auto-évaluation avant et après
training-scores-hint = Une ligne par personne : la note avant, puis après, de 0 à 10, par exemple 4 ; 7. Laissez vide si rien n’a été demandé.
training-recorded = La formation est enregistrée.

## La roue de coordination
wheel-title = Roue de coordination
wheel-of-area = Ce que la société civile, la police et les autorités locales ont fait ensemble à { $area } ces 12 derniers mois, d'après { $forums ->
    [one] le forum
   *[other] les { $forums } forums
} où siège votre organisation et vos propres signalements.
wheel-of-forum = Ce que les membres de { $name } ont fait ensemble ces 12 derniers mois.
wheel-show = Afficher
wheel-back-to-forum = Retour à { $name }
wheel-area-link = La roue de { $area }
wheel-see = Voir la roue de coordination
wheel-svg-title = Les cinq activités conjointes ; appropriation locale : { $level }
wheel-hub = appropriation
wheel-level = Appropriation locale
level-none = pas encore mesurée
level-none-means = Rien n'a été enregistré ici ces 12 derniers mois.
level-information_sharing = 1. Partage d'informations
level-information_sharing-means = Des signalements ou des données partagées existent pour la zone.
level-dialogue_consultation = 2. Dialogue et consultation
level-dialogue_consultation-means = Un forum s'est réuni avec la société civile et la police ou les autorités locales dans la salle.
level-joint_implementation = 3. Mise en œuvre conjointe
level-joint_implementation-means = La police ou les autorités locales ont tenu un engagement, preuves à l'appui, ou répondu à une alerte.
level-joint_oversight = 4. Contrôle institutionnel conjoint
level-joint_oversight-means = Un tableau de bord d'une unité de sécurité couvre la zone, avec des mesures relevées par la société civile.
activity-capacity_building = Renforcement conjoint des capacités
activity-capacity_building-means = Des formations données ensemble ou les uns aux autres.
activity-assessment = Évaluation conjointe
activity-assessment-means = Une analyse du conflit faite ensemble : causes, acteurs, risques, l'éthique de la police, une situation de référence.
activity-planning = Planification conjointe
activity-planning-means = Un plan adopté ensemble, avec des objectifs et une théorie du changement.
activity-implementation = Mise en œuvre conjointe
activity-implementation-means = Des engagements tenus, avec la preuve de ce qui a été fait.
activity-monitoring = Suivi et évaluation conjoints
activity-monitoring-means = Des engagements vérifiés et confirmés par une autre organisation membre.
wheel-records = { $count ->
    [one] un enregistrement
   *[other] { $count } enregistrements
}
wheel-not-done = rien ces 12 derniers mois
wheel-shading = Plus une partie de la roue est foncée, plus elle compte d'enregistrements : aucun, un, deux ou trois, quatre ou plus.
wheel-level-evidence = Pourquoi ce niveau
wheel-activities = Les cinq activités conjointes
wheel-more = et { $count } de plus
wheel-conditions = Large, systématique, profonde
wheel-conditions-intro = L'appropriation locale grandit quand des personnes très diverses participent (large), aux cinq activités (systématique), par des mécanismes qui durent (profonde). Chaque condition est notée de 0 à 100 d'après les enregistrements listés avec elle.
condition-wide = Large
condition-wide-means = Femmes et hommes, jeunes et aînés, et tous les types d'organisations présents aux réunions et aux formations.
condition-systematic = Systématique
condition-systematic-means = Combien des cinq activités conjointes ont eu lieu : 20 pour chacune.
condition-deep = Profonde
condition-deep-means = Des forums qui se réunissent aussi souvent que prévu, avec des termes de référence, des engagements tenus à temps, et l'avis de la société civile sur ses conditions d'action.
part-gender_balance = Équilibre entre femmes et hommes
part-youth = Jeunes de moins de 25 ans (plein à un quart)
part-age_spread = Répartition entre les âges
part-sectors = Types d'organisations (plein à trois)
part-capacity_building = Renforcement conjoint des capacités
part-assessment = Évaluation conjointe
part-planning = Planification conjointe
part-implementation = Mise en œuvre conjointe
part-monitoring = Suivi et évaluation conjoints
part-mechanisms = Forums réunis au rythme prévu, avec des termes de référence
part-commitments_kept = Engagements tenus à temps
part-cso_conditions = Conditions d'action de la société civile (auto-évaluées)
wheel-from-records = { $count ->
    [one] D'après un enregistrement
   *[other] D'après { $count } enregistrements
}
wheel-no-records = Aucun enregistrement ne compte encore ici.
wheel-trend = Au fil des trimestres
wheel-trend-intro = Les mêmes mesures telles qu'elles étaient à la fin de chaque trimestre, chacune sur les 12 mois précédents.
wheel-quarter = Au
wheel-as-of = { $day }
wheel-activities-short = Activités
wheel-method = Le calcul de chaque note est expliqué dans la documentation de Tandem (méthode d'appropriation).
record-report = Signalement
record-alert = Alerte
record-forum = Forum
record-meeting = Réunion
record-training = Formation
record-assessment = Évaluation
record-plan = Plan
record-commitment = Engagement
record-self_assessment = Auto-évaluation
record-scorecard = Tableau de bord

## Analyses et plans conjoints ; conditions de travail d'une OSC
joint-see = Analyses et plans conjoints
joint-title = Analyses et plans conjoints
joint-intro = Ce que les membres ont élaboré ensemble : des analyses de conflit, faites avant le début d'un programme puis à chaque changement, et les plans adoptés à partir d'elles avec les engagements qui les mettent en œuvre.
joint-assessments = Analyses conjointes du conflit
joint-no-assessments = Aucune analyse conjointe enregistrée pour l'instant.
joint-plans = Plans conjoints
joint-no-plans = Aucun plan conjoint enregistré pour l'instant.
joint-recorded-by = enregistré par { $org }
joint-took-part = Organisations qui y ont pris part
joint-drivers = Facteurs du conflit
joint-drivers-hint = Ce qui pousse à la violence ici : la terre, l'emploi, l'exclusion, les rumeurs, les abus passés.
joint-actors = Acteurs
joint-risks = Risques
joint-optional = Facultatif.
joint-police-ethos = Qui la police pense-t-elle protéger
joint-police-ethos-hint = À demander avant le début d'un programme : le dialogue va plus loin quand la police voit sa mission comme la protection des personnes.
joint-not-assessed = Non évalué
ethos-protects_state = L'État
ethos-protects_citizens = La population
ethos-mixed = Les deux, selon l'unité ou la question
joint-police-conduct = Le comportement de la police comme facteur
joint-police-conduct-hint = Corruption, abus, absence : ce que les gens rapportent, avec leurs mots.
joint-baseline = Mesures de référence
joint-baseline-hint = La situation actuelle, pour voir le changement plus tard : par exemple, les pots-de-vin demandés aux barrages par mois.
joint-cso-role = Le rôle de la société civile envers le gouvernement
joint-cso-role-hint = Le rôle que jouent vos organisations aujourd'hui, pas celui espéré.
role-contractor = Prestataire : fournit des services pour le gouvernement
role-collaborator = Collaboratrice : travaille aux côtés du gouvernement
role-consultant = Conseillère : conseille le gouvernement
role-opposition = Opposition : demande des comptes au gouvernement depuis l'extérieur
joint-context = Contexte du conflit
joint-assess = Enregistrer une analyse conjointe
joint-assessment-title = Titre
joint-held-on = Date de l'accord
joint-assess-button = Enregistrer l'analyse
joint-plan = Enregistrer un plan conjoint
joint-plan-title = Titre
joint-adopted-on = Date d'adoption
joint-adopted = Adopté le { $day }
joint-goals = Objectifs
joint-theory = Théorie du changement
joint-theory-hint = Si nous faisons ceci, alors cela changera, parce que…
joint-carried-by = Engagements qui le mettent en œuvre
joint-plan-button = Enregistrer le plan
assessment-recorded = L'analyse conjointe est enregistrée.
plan-adopted = Le plan conjoint est enregistré.
conditions-see = Les conditions de travail de votre organisation
conditions-title = Conditions de travail
conditions-intro = L'appropriation locale est profonde quand la société civile est renforcée, indépendante, distincte, acceptée et libre. Une organisation de la société civile se note sur chacune, de 1 (pas du tout) à 5 (pleinement), tous les quelques mois ; la roue de chaque forum dont elle est membre compte la note la plus récente.
conditions-only-cso = Seules les organisations de la société civile notent leurs propres conditions de travail. Votre organisation voit les notes des membres de la société civile de ses forums dans la roue de chaque forum.
conditions-past = Vos auto-évaluations
conditions-none = Aucune enregistrée pour l'instant.
conditions-on = Date de l'auto-évaluation
conditions-together = Les cinq ensemble
conditions-new = Notez vos conditions maintenant
conditions-note = Note
conditions-note-hint = Facultatif : ce qui a changé depuis la dernière fois, avec vos mots.
conditions-record = Enregistrer l'auto-évaluation
conditions-recorded = L'auto-évaluation est enregistrée.
cso-condition-empowered = Renforcée
cso-condition-empowered-means = Votre organisation a les compétences, l'argent et les personnes pour faire son travail.
cso-condition-independent = Indépendante
cso-condition-independent-means = Aucun gouvernement, parti ou bailleur ne décide de ce que dit ou fait votre organisation.
cso-condition-distinct = Distincte
cso-condition-distinct-means = Les gens distinguent votre organisation de l'État et des groupes armés.
cso-condition-accepted = Acceptée
cso-condition-accepted-means = Les communautés avec qui vous travaillez, et les autorités, acceptent le rôle de votre organisation.
cso-condition-free = Libre
cso-condition-free-means = Vos membres peuvent se réunir, parler et se déplacer sans menace.
conditions-scale = Pour chacune, choisissez 1 si ce n'est pas vrai du tout, 5 si c'est pleinement vrai.
commitment-link = Lien vers l'enregistrement qui le montre (facultatif)
commitment-link-hint = Collez l'adresse d'un signalement, d'une alerte ou d'un renvoi sur Tandem que votre organisation peut ouvrir, par exemple l'alerte à laquelle vous avez répondu.
commitment-link-open = { $kind ->
    [reports] Ouvrir le signalement lié
    [alerts] Ouvrir l'alerte liée
    [referrals] Ouvrir le renvoi lié
   *[other] Ouvrir l'enregistrement lié
}
problem-not-a-link = Collez l'adresse d'un signalement, d'une alerte ou d'un renvoi sur Tandem, telle que votre navigateur l'affiche sur sa page.
problem-cannot-open = Votre organisation ne peut pas ouvrir cet enregistrement : liez l'un des vôtres, ou l'un de ceux partagés avec vous.

## Perception surveys
nav-surveys = Enquêtes
surveys-title = Enquêtes de perception
surveys-intro = Des enquêtes sur la manière dont les gens voient leur sécurité et la police, collectées avec KoboToolbox ou ODK. Importez un export et demandez quelle part des personnes a donné une réponse, pour tous et par sexe ou par âge, avec la marge d'erreur que donne le plan de sondage.
surveys-none = Aucune enquête pour l'instant.
surveys-back = Toutes les enquêtes
survey-responses-count = { $count ->
    [one] 1 réponse
   *[other] { $count } réponses
}
survey-fielded = sur le terrain le { $date }
survey-new = Commencer une enquête
survey-title-field = Titre
survey-title-hint = Par exemple : Confiance dans la police, vague 1 (mars 2026).
survey-fielded-on = Sur le terrain le
survey-design-hint = Nommez les colonnes de votre export qui décrivent l'échantillon. Laissez strates ou grappe vides si l'échantillon n'en avait pas. Le préfixe d'un groupe peut être omis : « village » trouve « group_a/village ».
survey-weight = Colonne du poids
survey-weight-hint = Le poids de sondage de chaque réponse. Si toutes les réponses comptent autant, ajoutez une colonne de 1.
survey-strata = Colonne des strates
survey-strata-hint = La strate où chaque réponse a été tirée, par exemple le district.
survey-cluster = Colonne des grappes
survey-cluster-hint = La grappe (unité primaire de sondage), par exemple le village ou la zone de dénombrement.
survey-create = Commencer l'enquête
survey-created = Enquête commencée. Importez maintenant ses réponses depuis un export, ou écrivez ci-dessous ses questions pour les téléphones.
survey-imported = Réponses importées.
survey-imported-count = { $count ->
    [one] 1 réponse importée
   *[other] { $count } réponses importées
}{ $already ->
    [0] .
   *[other] ; { $already } étaient déjà là et ont été laissées de côté.
}
survey-responses = Réponses
survey-none-column = aucune
survey-ask = Interroger l'enquête
survey-question = Question (colonne)
survey-value = Réponse
survey-value-hint = Tapez la réponse telle que l'export l'écrit, par exemple : yes.
survey-by = Afficher par
survey-by-none = Tout le monde seulement
survey-method = Intervalle
survey-method-logit = Logit (le choix habituel)
survey-method-beta = Bêta (Korn–Graubard, pour les parts proches de 0 % ou 100 %)
survey-estimate = Afficher l'estimation
survey-results = Part ayant répondu « { $value } »
survey-results-intro = Parmi les réponses à { $question }, pondérées selon le plan de sondage, avec des intervalles à 95 %.
survey-chart-title = Part ayant répondu { $value }, avec intervalles à 95 %
survey-group = Groupe
survey-group-all = Tout le monde
survey-share = Part
survey-interval = Intervalle à 95 %
survey-se = Erreur type (points)
survey-n = Réponses
survey-effective-n = Réponses effectives
survey-deff = Effet de plan
survey-small = petit échantillon
survey-small-means = Un groupe marqué « petit échantillon » a moins de 30 réponses effectives ou une marge trop large pour sa taille : lisez-le avec prudence.
survey-method-said-logit = Intervalles par la méthode logit.
survey-method-said-beta = Intervalles par la méthode bêta (Korn–Graubard).
survey-import = Importer des réponses
survey-import-intro = Téléchargez les données de KoboToolbox (CSV, avec ou sans noms de groupes) ou d'ODK Central (export CSV) et choisissez le fichier ici. Rien n'est importé si une ligne est fausse ; les réponses déjà importées sont laissées de côté.
survey-file = Fichier CSV
survey-file-hint = Séparé par des virgules ou des points-virgules, jusqu'à 48 Mo.
survey-import-button = Importer le fichier
problem-in-file = Ligne { $line } du fichier : { $fault }. Rien n'a été importé.
file-fault-unreadable = il ne peut pas être lu comme un fichier CSV en UTF-8
file-fault-no-rows = il n'y a aucune réponse sous la ligne d'en-tête
file-fault-blank-header = une colonne n'a pas de nom
file-fault-header-twice = deux colonnes ont le même nom
file-fault-no-column = la colonne { $role } de l'enquête n'est pas dans le fichier
file-fault-ambiguous = plusieurs colonnes pourraient être la colonne { $role } de l'enquête ; donnez son nom complet
file-fault-ragged = cette ligne n'a pas autant de cellules que l'en-tête
file-fault-bad-weight = le poids n'est pas un nombre positif
file-fault-blank-design = une réponse n'a pas de { $role }
file-fault-key-twice = cette soumission apparaît deux fois dans le fichier
file-fault-too-many = le fichier a plus de réponses qu'un import ne peut en contenir
design-role-weight = poids
design-role-strata = strate
design-role-cluster = grappe

## Unit scorecards
nav-scorecards = Fiches d'évaluation
scorecards-title = Fiches d'évaluation des unités
scorecards-intro = Comment se comportent les unités de sécurité que votre organisation suit : réponse aux alertes, engagements tenus, violations, et ce que disent les gens dans vos enquêtes. Chaque chiffre montre d'où il vient. Une fiche reste la vôtre jusqu'à ce que vous décidiez de la rendre publique.
scorecards-surveys = Enquêtes de perception
scorecards-public-see = Fiches publiées
scorecard-is-public = publique
scorecard-is-private = vue par votre organisation seulement
scorecards-none = Aucune fiche pour l'instant.
scorecard-new = Commencer une fiche
scorecard-unit = Unité de sécurité
scorecard-unit-hint = Un commissariat, une brigade ou un autre service de sécurité présent sur Tandem.
scorecard-create = Commencer la fiche
scorecards-only-cso = Les fiches sont tenues par les organisations de la société civile, comme leur propre regard sur le secteur de la sécurité.
scorecards-back = Toutes les fiches
scorecard-lead = { $area } · tenue par { $keeper }
scorecard-public-since = Publique depuis le { $date }.
scorecard-public-page = Voir la page publique
scorecard-private-note = Seule votre organisation voit cette fiche.
scorecard-indicators = Indicateurs
scorecard-no-indicators = Aucun indicateur : ajoutez-en un ci-dessous.
scorecard-status-on_track = en bonne voie
scorecard-status-off_track = en retard
scorecard-status-no_data = pas de données
scorecard-computed-alert_response_median_hours = Calculé par Tandem : heures entre une alerte et la première réponse de l'unité (médiane), par trimestre
scorecard-computed-alert_response_p90_hours = Calculé par Tandem : heures entre une alerte et la première réponse de l'unité (9 sur 10 plus rapides), par trimestre
scorecard-computed-alerts_answered_before_due = Calculé par Tandem : part des alertes auxquelles l'unité a répondu avant l'échéance, par trimestre
scorecard-computed-commitments_kept_on_time = Calculé par Tandem : part des engagements de l'unité en forum tenus à temps et confirmés, par trimestre
scorecard-computed-verified_violations = Calculé par Tandem : violations vérifiées mettant en cause l'unité, par trimestre
scorecard-computed-referrals_answered = Calculé par Tandem : part des violations transmises à l'unité auxquelles elle a répondu, par trimestre
scorecard-recorded = Mesuré par votre organisation
scorecard-baseline = Référence
scorecard-target = Cible
scorecard-by = Ventilé par
scorecard-when = Quand
scorecard-value = Valeur
scorecard-evidence = Preuve
scorecard-records-alerts = { $n ->
    [one] 1 alerte confiée à l'unité
   *[other] { $n } alertes confiées à l'unité
}
scorecard-records-commitments = { $n ->
    [one] 1 engagement échu
   *[other] { $n } engagements échus
}
scorecard-records-violations = { $n ->
    [one] 1 violation vérifiée
   *[other] { $n } violations vérifiées
}
scorecard-records-referrals = { $n ->
    [one] 1 saisine
   *[other] { $n } saisines
}
scorecard-see-records = les voir
scorecard-no-points = Rien de mesuré pour l'instant.
scorecard-compare = À côté d'autres unités du même type
scorecard-compare-intro = La dernière valeur de chaque indicateur pour chaque unité de ce type dont votre organisation tient une fiche.
scorecard-indicator = Indicateur
scorecard-no-value = pas de données
scorecard-measure = Enregistrer une mesure
scorecard-measured-on = Mesuré le
scorecard-source = Source
scorecard-source-hint = D'où vient le chiffre, par exemple : enquête de perception, vague 2.
scorecard-value-from = La valeur
scorecard-value-typed = Je la saisis
scorecard-value-survey = D'une de nos enquêtes
scorecard-ci-low = Intervalle de
scorecard-ci-high = Intervalle à
scorecard-from-survey = D'une enquête
scorecard-survey = Enquête
scorecard-group = Groupe
scorecard-group-hint = Laissez vide pour tout le monde, ou donnez une réponse de la colonne « afficher par », par exemple : female.
scorecard-measure-button = Enregistrer la mesure
scorecard-add-indicator = Ajouter un indicateur
scorecard-computed = Ce qui est mesuré
scorecard-computed-none = Mesuré par nous
scorecard-computed-hint = Tandem calcule certains indicateurs à partir de vos données ; pour ceux-là, le nom et la définition sont à vous, le reste suit.
scorecard-name = Nom
scorecard-definition = Définition
scorecard-measure-kind = Mesuré en
scorecard-measure-percent = pourcentage
scorecard-measure-hours = heures
scorecard-measure-days = jours
scorecard-measure-count = un nombre
scorecard-measure-score = une note
scorecard-direction = Quel sens est meilleur
scorecard-direction-up = plus haut, c'est mieux
scorecard-direction-down = plus bas, c'est mieux
scorecard-frequency = À quelle fréquence
scorecard-frequency-monthly = chaque mois
scorecard-frequency-quarterly = chaque trimestre
scorecard-frequency-twice_a_year = deux fois par an
scorecard-frequency-yearly = chaque année
scorecard-by-hint = Facultatif, par exemple : sexe et tranche d'âge.
scorecard-add-indicator-button = Ajouter l'indicateur
scorecard-publishing = Publication
scorecard-publishing-intro = Votre organisation décide si cette fiche est publique. La page publique ne montre que les trimestres rendus publics (90 jours après leur fin), tels que les dossiers étaient alors ; les nombres par tranches de cinq ; les parts et délais seulement s'ils reposent sur au moins dix dossiers, arrondis. Ce que vous mesurez vous-mêmes est montré tel qu'enregistré.
scorecard-publish = La rendre publique
scorecard-unpublish = La retirer du public
scorecard-created = Fiche commencée. Ajoutez ses indicateurs.
indicator-added = Indicateur ajouté.
measurement-recorded = Mesure enregistrée.
scorecard-published = La fiche est publique.
scorecard-unpublished = La fiche n'est plus publique.
scorecard-hours = { $n } h
scorecard-days = { $n } jours
scorecard-chart-title = { $name } : évolution, avec les intervalles à 95 % des mesures par enquête et la cible en pointillé
scorecard-count-band = { $low ->
    [0] moins de 5
   *[other] de { $low } à { $high }
}
public-scorecards-title = Fiches publiées
public-scorecards-intro = Des fiches que des organisations de la société civile ont choisi de publier sur les unités de sécurité qu'elles suivent.
public-scorecards-none = Aucune fiche n'a été publiée.
public-scorecards-back = Toutes les fiches publiées
public-scorecard-note = Publiée par l'organisation qui la tient, le { $date }.
public-scorecard-on = (sur { $low ->
    [0] moins de 5
   *[other] { $low } à { $high }
} dossiers)
public-scorecard-source-alerts = Alertes confiées à l'unité
public-scorecard-source-commitments = Engagements en forum
public-scorecard-source-violations = Violations vérifiées
public-scorecard-source-referrals = Saisines de l'unité
public-scorecard-nothing = Rien ne peut encore être montré : trop peu de dossiers, ou aucun trimestre rendu public.
public-scorecard-rules = Pour protéger les personnes derrière les chiffres, seuls les trimestres rendus publics sont montrés (90 jours après leur fin), tels que les dossiers étaient ce jour-là ; les nombres sont donnés par tranches de cinq ; une part ou un délai n'est montré que s'il repose sur au moins dix dossiers, arrondi (les parts à 5 points, les délais à l'heure).

## Monitoring form labels
label-title = Titre
label-weight = Colonne du poids
label-strata = Colonne des strates
label-cluster = Colonne des grappes
label-fielded_on = Sur le terrain le
label-file = Fichier
label-question = Question
label-value = Valeur
label-by = Afficher par
label-method = Intervalle
label-unit_org = Unité de sécurité
label-definition = Définition
label-measure = Mesuré en
label-direction = Quel sens est meilleur
label-baseline = Référence
label-target = Cible
label-frequency = Fréquence
label-computed = Ce qui est mesuré
label-disaggregation = Ventilé par
label-indicator = Indicateur
label-measured_on = Mesuré le
label-source = Source
label-evidence = Preuve
label-ci_low = Intervalle
label-survey = Enquête
label-answer = Réponse
label-group = Groupe
problem-no-such-answer = Aucune réponse ne donne cette valeur : tapez-la exactement comme l'export l'écrit.
problem-not-a-number = Saisissez un nombre de 0 à 1 000 000 000.
problem-percent = Saisissez un pourcentage de 0 à 100.
file-fault-wide-header = le fichier a trop de colonnes, ou un nom de colonne est trop long
survey-no-interval = pas d'intervalle
survey-choose-question = Choisissez la question à poser.
public-scorecard-recorded = Mesuré par l'organisation qui tient cette fiche
scorecard-remove = Retirer
scorecard-remove-question = Retirer la mesure du { $date } ({ $value }) ?
scorecard-remove-explain = Elle quitte la fiche, et la page publique si la fiche est publique. Le journal d'audit en garde la trace. Enregistrez ensuite le bon chiffre.
measurement-removed = Mesure retirée.

## A survey served to phones (issue 16)
field-form = Formulaire
field-form-report = Formulaire de signalement
survey-phones = Questions pour les téléphones
survey-phones-intro = Les équipes de terrain peuvent remplir cette enquête sur téléphone avec ODK Collect ou KoboCollect, même hors connexion. Écrivez une question par ligne : un nom court, la question telle que l'enquêteur la lit, et ses réponses. Chaque réponse arrive dans cette enquête, une seule fois, même si le téléphone l'envoie plusieurs fois.
survey-questionnaire = Questions
survey-questionnaire-hint = Les réponses sont valeur=libellé séparées par des virgules, ou le mot number, ou text. Écrivez = 1 pour une valeur que porte chaque réponse (un poids de 1). Les colonnes de poids, de strate et de grappe de l'enquête doivent figurer parmi les questions. Laissez vide pour ne plus servir l'enquête.
survey-questionnaire-example = Voir un exemple
survey-questionnaire-save = Enregistrer les questions
survey-questionnaire-saved = Questions enregistrées. Les téléphones prendront le nouveau formulaire à leur prochaine connexion.
survey-phones-served = Les téléphones peuvent maintenant remplir cette enquête.
survey-phones-team = Donner ce formulaire à une équipe de terrain
label-questionnaire = Questions
problem-in-line = Ligne { $line } des questions : { $fault }.
problem-in-questionnaire = Dans les questions : { $fault }.
line-fault-shape = écrivez-la sous la forme nom | question | réponses
line-fault-bad-name = un nom est fait de lettres, de chiffres et de _ et commence par une lettre ({ $max } au plus)
line-fault-name-twice = ce nom est déjà pris par une question plus haut
line-fault-no-label = le texte de la question manque
line-fault-bad-choice = écrivez chaque réponse sous la forme valeur=libellé, la valeur en lettres, chiffres, _ ou - seulement ; les virgules séparent les réponses
line-fault-choice-twice = la même réponse est proposée deux fois
line-fault-too-many = au plus { $questions } questions, et { $choices } réponses à chacune
line-fault-empty = écrivez au moins une question
line-fault-design-missing = la colonne { $role } de l'enquête doit être l'une des questions
line-fault-weight = le poids doit être une question de type number, ou = un nombre positif
line-fault-no-choices = donnez la liste des réponses, ou écrivez number ou text
line-fault-reserved = ce nom est réservé aux outils de formulaires (comme start, end ou instanceID) : choisissez-en un autre
line-fault-design-optional = la colonne { $role } de l'enquête doit être une liste de réponses, un nombre ou = une valeur, pour qu'aucune réponse ne la laisse vide

## Knowledge bank (issue 17)
nav-knowledge = Base de connaissances
knowledge-title = Base de connaissances
knowledge-intro = Études de cas et bonnes pratiques de communautés, de la société civile et du secteur de la sécurité travaillant ensemble : ce qui a été fait, comment, et ce que d'autres peuvent en retenir. Tout le monde peut les lire.
knowledge-search = Mots à chercher
knowledge-search-hint = Par exemple : forum de contrôle conjoint, médiation, الشرطة. Les études qui contiennent les mots ensemble viennent en premier.
knowledge-language = Langue
knowledge-any-language = Toutes les langues
knowledge-activity = Activité de la roue
knowledge-any-activity = Toutes les activités
knowledge-find = Chercher
knowledge-found = { $count ->
    [one] Une étude de cas pour « { $q } »
   *[other] { $count } études de cas pour « { $q } »
}
knowledge-all = { $count ->
    [one] Une étude de cas
   *[other] { $count } études de cas
}
knowledge-none = Aucune étude de cas ne contient ces mots. Essayez moins de mots, d'autres mots ou une autre langue.
knowledge-lang-en = Anglais
knowledge-lang-fr = Français
knowledge-lang-ar = Arabe
knowledge-by = par { $org }
knowledge-back = Toutes les études de cas
knowledge-region = Région
knowledge-actors = Qui a participé
knowledge-activities = Activités de la roue
knowledge-tags = Mots-clés
knowledge-written-by = Écrit par
knowledge-shipped = Le projet Tandem
knowledge-add = Ajouter une étude de cas
knowledge-add-intro = Partagez ce que votre organisation a fait, pour que d'autres en tirent des leçons. L'étude est publiée tout de suite au nom de votre organisation, lisible par tous : n'y mettez ni noms ni rien qui puisse mettre des personnes en danger.
knowledge-field-title = Titre
knowledge-field-summary = Résumé (deux ou trois phrases)
knowledge-field-body = L'étude de cas
knowledge-field-body-hint = Markdown : ## pour un titre, - pour une liste, **gras**. Décrivez ce qui a été fait, comment, ce qui a changé et ce que d'autres peuvent en retenir.
knowledge-list-hint = Séparez-les par des virgules.
knowledge-publish = Publier l'étude de cas
case-study-added = Étude de cas publiée.
wheel-examples = Des exemples dans la base de connaissances
label-summary = Résumé
label-body = L'étude de cas
label-language = Langue
label-region = Région
label-actors = Qui a participé
label-activity = Activités de la roue
label-tags = Mots-clés
label-q = Mots à chercher
case-study-withdraw = Retirer cette étude de cas
case-study-withdraw-question = Retirer « { $title } » de la base de connaissances ?
case-study-withdraw-explain = Elle disparaît pour tout le monde tout de suite. Les copies déjà enregistrées ou imprimées ne peuvent pas être reprises.
case-study-withdrawn = Étude de cas retirée.

## Letters of recognition and invitation (issue 17)
nav-letters = Lettres
letters-title = Lettres de reconnaissance et d'invitation
letters-intro = Une lettre de votre organisation se porte garante d'une autre (pour un visa, une rencontre avec des autorités, l'accès à un site). Chacune est signée : tout le monde peut vérifier, sur ce serveur ou hors ligne, qu'elle est authentique, encore valable et non révoquée.
letters-none = Aucune lettre émise ni reçue pour l'instant.
letter-kind = Type de lettre
letter-kind-recognition = Lettre de reconnaissance
letter-kind-invitation = Lettre d'invitation
letter-to = à { $name }
letter-from = de { $name }
letter-addressee = Adressée à
letter-addressee-hint = Par exemple : la section consulaire d'une ambassade, un ministère, « à qui de droit ».
letter-dates = Émise le { $issued }, valable jusqu'au { $until }
letter-revoked-tag = révoquée
letter-pdf = Télécharger le PDF
letter-check = La vérifier
letter-revoke = Révoquer
letter-revoke-question = Révoquer la lettre à { $name } ?
letter-revoke-explain = Quiconque la vérifiera verra désormais qu'elle est révoquée. Une copie imprimée ne peut pas être reprise, mais sa vérification échouera.
letter-new = Émettre une lettre
letter-recipient = Pour l'organisation
letter-purpose = Objet
letter-purpose-hint = À quoi sert la lettre, en une ou deux phrases : c'est imprimé dans la lettre et signé.
letter-valid-until = Valable jusqu'au
letter-issue = Émettre et signer la lettre
letter-issued = Lettre émise et signée. Téléchargez son PDF ci-dessous.
letter-revoked = Lettre révoquée.
letter-verify-title = Vérifier une lettre
letter-issuer = Émise par
letter-issued-on = Émise le
letter-verdict-genuine = Cette lettre est authentique et valable.
letter-verdict-genuine-means = Elle a été signée par ce serveur, rien n'y a changé, et elle est valable jusqu'au { $date }.
letter-verdict-expired = Cette lettre est authentique mais n'est plus valable.
letter-verdict-expired-means = Elle était valable jusqu'au { $date }. Demandez-en une nouvelle à son émetteur.
letter-verdict-revoked = Cette lettre a été révoquée.
letter-verdict-revoked-means = Son émetteur l'a révoquée le { $date }. Ne vous y fiez pas.
letter-verdict-tampered = Cette lettre ne passe pas la vérification.
letter-verdict-tampered-means = Ce qui est conservé n'est pas ce qui a été signé. Ne vous y fiez pas ; prévenez l'émetteur.
letter-verdict-unknown_key = Cette lettre ne peut pas être vérifiée ici.
letter-verdict-unknown_key-means = Elle a été signée avec une clé que ce serveur ne détient plus. Vérifiez-la hors ligne avec la clé publiée de l'émetteur.
letter-offline = La vérifier sans ce serveur
letter-offline-how = Le PDF contient le texte signé et la signature en base64. Décodez-les dans signed.txt et signature.bin, enregistrez cette clé publique sous key.pem, puis lancez :
letter-signed-text = Le texte signé :
label-recipient_org = Pour l'organisation
label-purpose = Objet
label-addressee = Adressée à
label-valid_until = Valable jusqu'au

## Referral directory (issue 17)
nav-services = Aide sans police
services-title = De l'aide sans passer par la police
services-intro = Des services vers lesquels se tourner sans aller à la police : soutien psychosocial, conseil familial, aide juridique, refuges pour survivantes de violences, programmes de sortie et de réinsertion, lignes d'écoute. Choisissez où vit la personne pour voir ce qui dessert cette zone.
services-area = Où vit la personne
services-any-area = Toutes les zones
services-kind = Type d'aide
services-any-kind = Tous les types
services-language = Langue
services-language-hint = Par exemple : fr, ar, fulfulde. Laissez vide pour toutes.
services-find = Trouver des services
services-for = { $count ->
    [one] Un service pour { $area }
   *[other] { $count } services pour { $area }
}
services-all = { $count ->
    [one] Un service
   *[other] { $count } services
}
services-none = Aucun service n'est encore répertorié pour cela.
services-leaflet = Imprimer un dépliant d'une page pour cette zone
service-kind-psychosocial_support = Soutien psychosocial
service-kind-family_counselling = Conseil familial
service-kind-legal_aid = Aide juridique
service-kind-gbv_shelter = Refuge pour survivantes de violences
service-kind-exit_reintegration = Programme de sortie et de réinsertion
service-kind-hotline = Ligne d'écoute
service-eligibility = Qui peut l'utiliser
service-contact = Comment le joindre
service-contact-hint = Un numéro de téléphone ou une adresse. C'est public.
service-hours = Horaires
service-languages = Langues
service-languages-hint = Séparez-les par des virgules.
service-areas = Zones desservies
service-areas-hint = Une zone comprend toutes les zones qui s'y trouvent. Maintenez Ctrl (ou appuyez longuement sur un téléphone) pour en choisir plusieurs.
service-listed-by = Répertorié par
service-new = Répertorier un service
service-name = Nom du service
service-description = Ce qu'il offre
service-add = Répertorier le service
service-listed = Service répertorié.
service-removed = Service retiré.
service-remove = Retirer
service-remove-question = Retirer « { $name } » de l'annuaire ?
service-remove-explain = Il disparaît pour tout le monde tout de suite. Les dépliants imprimés le gardent.
leaflet-title = De l'aide sans passer par la police : { $area }
leaflet-intro = Vous pouvez vous adresser à ces services sans aller à la police.
leaflet-back = Retour à l'annuaire
label-eligibility = Qui peut l'utiliser
label-contact = Comment le joindre
label-hours = Horaires
label-areas = Zones desservies
label-languages = Langues

## Registre, carte des capacités et registre des financements (ticket 17)
nav-registry = Organisations
registry-title = Registre des organisations
registry-intro = Les organisations qui œuvrent ici pour la sécurité humaine : ce que chacune fait et où, les critères Better Peace qu'elle revendique, et les autres organisations qui se portent garantes d'elle. Chaque organisation choisit si elle est inscrite, et pour qui.
registry-capacity-link = Qui fait quoi et où (carte des capacités)
registry-funding-link = Registre des financements
registry-edit-own = Modifier le profil de votre organisation
registry-list-own = Inscrire votre organisation
registry-visitor-hint = Vous voyez les organisations inscrites pour le public. Les personnes des organisations de la plateforme peuvent en voir davantage.
registry-count = { $count ->
    [one] Une organisation inscrite
   *[other] { $count } organisations inscrites
}
registry-meets = Répond aux critères Better Peace
visibility-short-members = Membres seulement
visibility-short-hidden = Masquée
visibility-short-public = Publique
registry-endorsed-count = { $count ->
    [0] aucune recommandation pour l'instant
    [one] recommandée par une organisation
   *[other] recommandée par { $count } organisations
}
registry-none = Aucune organisation n'est encore inscrite.
registry-back = Retour au registre
registry-areas = Zones
registry-activities = Activités conjointes
registry-none-named = aucune indiquée
registry-constituencies = Publics servis
registry-languages = Langues
registry-contact = Contact public
registry-visibility = Qui voit ce profil
visibility-public = Tout le monde, y compris les visiteurs non connectés
visibility-members = Seulement les personnes des organisations de cette plateforme
visibility-hidden = Personne hors de mon organisation (ni inscrite, ni comptée sur la carte des capacités)
registry-updated = Dernière mise à jour
registry-assessment = Auto-évaluation Better Peace
registry-meets-long = Elle revendique toutes les valeurs fondamentales, une compétence et un critère de base sociale : les critères Better Peace.
registry-not-meets = Elle ne revendique pas encore tous les critères Better Peace.
registry-assessment-hint = Ce que l'organisation dit d'elle-même, d'après l'outil Better Peace d'ICAN. Les recommandations d'autres organisations en font plus qu'une affirmation.
bp-values = Valeurs et engagements fondamentaux
bp-value-non_violence = Non-violence et règlement pacifique des différends
bp-value-human_rights = Droits humains, droits des femmes et paix
bp-value-gender_sensitivity = Prise en compte du genre dans la sécurité et la gouvernance
bp-value-independence = Indépendance politique ou non-partisanerie
bp-value-inclusion = Inclusion des femmes, des jeunes, des minorités et des personnes marginalisées
registry-not-claimed = non revendiquée
bp-competencies = Compétences
bp-competency-ground_realities = Expérience pratique et compréhension sensible au genre des réalités du terrain
bp-competency-representing_women = Une action reconnue de représentation des femmes ou de la société civile
bp-competency-aid_livelihoods = Aide, relèvement précoce ou moyens de subsistance
bp-competency-armed_groups = Accès aux groupes armés ou prévention du recrutement
bp-competency-community_security = Désarmement, réinsertion ou sécurité communautaire
bp-competency-mediation = Médiation et rétablissement de la paix entre communautés
bp-competency-social_cohesion = Cohésion sociale et culture de la paix
bp-competency-justice = Justice, réconciliation et travail avec les victimes
bp-competency-resources = Terres et ressources naturelles, selon les besoins locaux et ceux des femmes
bp-constituency = Sa base sociale
bp-constituency-on_the_ground = Une base sur le terrain
bp-constituency-feedback = Des moyens d'entendre les communautés, groupes marginalisés compris
bp-constituency-mobilise = La capacité de mobiliser et d'influencer l'opinion
bp-constituency-diverse = Une représentation diverse de femmes, de jeunes, de minorités ou de régions
registry-none-claimed = Aucun revendiqué.
registry-endorsements = { $count ->
    [0] Recommandations
    [one] Recommandée par une organisation
   *[other] Recommandée par { $count } organisations
}
registry-endorsed-by = Recommandée par { $org } le { $on }
endorsement-withdraw = Retirer la recommandation
registry-no-endorsements = Aucune organisation ne la recommande encore.
registry-endorse-h = Recommander cette organisation
registry-endorse-note = Pourquoi votre organisation se porte garante d'elle (facultatif)
registry-endorse-hint = Affiché avec le nom de votre organisation à toute personne qui voit les deux profils.
registry-endorse = Recommander au nom de mon organisation
profile-title = Le profil de votre organisation
profile-intro = Ce que les autres voient dans le registre et sur la carte des capacités. Choisissez d'abord qui le voit : une organisation menacée peut rester masquée.
registry-mission = Mission
registry-constituencies-hint = Avec vos mots, séparés par des virgules : jeunes femmes, familles déplacées.
registry-contact-hint = Un numéro, un e-mail ou une adresse que le public peut utiliser. Laissez vide s'il n'y en a pas.
profile-save = Enregistrer le profil
capacity-title = Qui fait quoi et où
capacity-intro = Les organisations inscrites, les activités conjointes auxquelles chacune prend part et où, d'après leurs profils, les forums où elles siègent, les formations qu'elles ont données et les programmes qui leur sont financés. Une organisation qui travaille dans une région travaille dans chacun de ses districts.
capacity-gaps = Lacunes
capacity-no-women = Districts sans organisation dirigée par des femmes
capacity-no-youth = Districts sans organisation dirigée par des jeunes
capacity-nobody = Activités conjointes qu'aucune organisation ne mène
capacity-covered = Aucun : chaque district en a une.
capacity-all-done = Aucune : chacune est menée par quelqu'un.
capacity-gaps-hint = Compté sur les organisations inscrites pour vous, actives aujourd'hui ou au cours des douze derniers mois.
capacity-map-title = Organisations actives dans chaque district
capacity-legend-more = { $lo } organisations ou plus
capacity-legend-exact = { $n ->
    [0] Aucune organisation
    [one] Une organisation
   *[other] { $n } organisations
}
capacity-legend-range = De { $lo } à { $hi } organisations
capacity-orgs = { $count ->
    [0] aucune organisation
    [one] une organisation
   *[other] { $count } organisations
}
capacity-no-map = Les zones n'ont pas de contours pour dessiner une carte.
capacity-matrix = Par zone
capacity-show = Afficher
capacity-no-one = Personne
capacity-4w = Qui, quoi, où, quand
capacity-present = Travaille ici
capacity-source-profile = profil
capacity-source-forum = forum
capacity-source-training = formation donnée
capacity-source-programme = programme financé
capacity-ongoing = en cours
capacity-ended = terminé
funding-title = Registre des financements
funding-intro = Qui finance quoi, pour combien de temps, et où. Les subventions de six mois ou moins sont signalées : un travail qui demande des années ne devrait pas vivre de cycles de trois à six mois.
funding-count = { $count ->
    [one] Une subvention.
   *[other] { $count } subventions.
}
funding-short-count = { $count ->
    [one] Une dure six mois ou moins.
   *[other] { $count } durent six mois ou moins.
}
funding-download = Télécharger le registre en fichier d'activités IATI (XML)
funding-short = Six mois ou moins
label-funder = Bailleur
label-recipient = Mise en œuvre par
label-band = Montant
band-under_10k = Moins de 10 000 dollars US
band-10k_50k = De 10 000 à 50 000 dollars US
band-50k_250k = De 50 000 à 250 000 dollars US
band-250k_1m = De 250 000 à 1 million de dollars US
band-over_1m = Plus de 1 million de dollars US
band-not_given = Non indiqué
funding-period = Période
funding-recorded-by = Enregistrée par
grant-remove = Retirer la subvention
funding-none = Aucune subvention n'est encore enregistrée.
funding-add-h = Enregistrer une subvention
funding-recipient-hint = Le nom de l'organisation tel qu'il figure sur Tandem relie la subvention à elle.
label-start = Début
label-end = Fin
funding-end-hint = Une subvention de six mois ou moins est signalée.
label-iati_id = Identifiant IATI (facultatif)
funding-iati-hint = Si le bailleur la publie dans IATI, par exemple XM-DAC-41114-PROJECT-00012.
funding-add = Enregistrer la subvention
funding-import-h = Importer un fichier d'activités IATI
funding-import-hint = Un fichier XML d'activités IATI (norme 2.0x). Chaque activité devient une subvention, ou aucune : une erreur indique la ligne. Une activité déjà importée est remplacée.
funding-import = Importer le fichier
profile-saved = Le profil est enregistré.
endorsed = Votre organisation la recommande désormais.
endorsement-withdrawn = La recommandation est retirée.
grant-recorded = La subvention est enregistrée.
grant-removed = La subvention est retirée.
grants-imported = Le fichier IATI est importé.
endorsement-withdraw-question = Retirer votre recommandation de { $name } ?
endorsement-withdraw-explain = Elle n'apparaîtra plus sur son profil. Vous pourrez la recommander de nouveau plus tard.
grant-remove-question = Retirer la subvention « { $title } » ?
grant-remove-explain = Elle quitte le registre et la carte des capacités. Cette action est définitive.
label-visibility = Qui voit ce profil
label-mission = Mission
label-activities = Activités conjointes
label-constituencies = Publics servis
label-values = Valeurs fondamentales
label-competencies = Compétences
label-constituency = Sa base sociale
label-note = Note
capacity-area = Zone
capacity-choose-area = Choisir une zone
capacity-nobody-here = Aucune organisation inscrite ne travaille ici.
capacity-districts = Tous les districts
capacity-missing = { $count ->
    [one] une activité que personne ne mène
   *[other] { $count } activités que personne ne mène
}
capacity-none-missing = toutes les activités menées
problem-in-iati = Ligne { $line } du fichier : { $fault }. Rien n'a été importé.
iati-fault-not-xml = ce n'est pas du XML bien formé
iati-fault-not-activities = ce n'est pas un fichier d'activités IATI (il doit commencer par iati-activities)
iati-fault-none = le fichier ne contient aucune activité
iati-fault-too-many = le fichier contient plus de { $max } activités
iati-fault-field = activité { $activity } : « { $field } » manque ou n'est pas valable
iati-fault-repeated = l'activité { $activity } reprend un identifiant déjà donné dans le fichier
alerts-source-label = Quelles alertes
alerts-source-reports = Issues de vos signalements
alerts-source-event-data = Issues des données d'événements importées
alerts-source-event-data-hint = Ces alertes viennent des seuls fichiers d'événements que vous avez importés (ACLED ou UCDP, par exemple) : aucun de vos signalements n'est compté. Les alertes levées par vos signalements sont sous « { alerts-source-reports } ».
dashboard-event-data-alerts = Les fichiers d'événements importés ont levé leurs propres alertes, absentes de cette carte :
