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
login-intro = Connectez-vous avec l'adresse e-mail et le mot de passe donnés par l'administrateur de votre organisation.
login-email = Adresse e-mail
login-password = Mot de passe
login-submit = Se connecter
login-failed = Adresse e-mail ou mot de passe incorrect.
login-throttled = Trop de tentatives échouées. Réessayez dans { $seconds } secondes.
login-no-org = Votre compte n'appartient encore à aucune organisation. Demandez à un administrateur de vous ajouter.

home-title = Accueil
home-welcome = Bienvenue, { $name }.
home-acting-for = Vous agissez pour { $org } en tant que { $role }.
home-next = Les signalements, alertes, forums et l'indice apparaîtront ici au fur et à mesure que votre organisation les utilise.
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
members-add = Ajouter un membre
members-password = Mot de passe d'un nouveau compte
members-password-hint = Nécessaire seulement si l'adresse n'a pas encore de compte ; au moins 10 caractères.
members-change-role = Changer le rôle
members-remove = Retirer
members-added = Membre ajouté.
members-updated = Membre mis à jour.
members-removed = Membre retiré.

audit-title = Activité récente
audit-when = Quand
audit-action = Action
audit-subject = Enregistrement

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
reports-any = tous
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
alert-unassigned = non attribuée
alerts-none = Aucune alerte.
alerts-overdue-title = Réponses en retard
alert-assign = Attribuer à mon organisation
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
method-c1 = EARS C1
method-c2 = EARS C2
method-c3 = EARS C3

dashboard-title = Tableau de bord
dashboard-map = Alertes ouvertes par zone
dashboard-map-legend = Plus la zone est foncée, plus elle compte d'alertes ouvertes. Les zones sans alerte sont claires.
dashboard-series = Signalements par semaine, 26 dernières semaines
dashboard-no-data = Pas encore de données.

intake-title = Signaler une préoccupation à { $org }
intake-intro = Vous n'avez pas besoin de compte. Nous n'enregistrons ni votre adresse ni votre appareil. Décrivez la situation, pas des personnes.
intake-thanks-title = Merci
intake-thanks = { $org } a bien reçu votre signalement. Si vous avez laissé un contact, un coordinateur pourra vous joindre.
intake-another = Signaler autre chose
intake-too-many = Trop de signalements depuis cette connexion. Veuillez réessayer plus tard.
