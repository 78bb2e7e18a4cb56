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

nav-sharing = Partage
nav-shared = Partagé avec nous
nav-protection = Protection

level-country = pays
level-admin1 = région (admin 1)
level-admin2 = district (admin 2)
level-locality = localité

sharing-title = Accords de partage
sharing-intro = Rien ne quitte votre organisation sans un accord. Chaque accord désigne un partenaire, ce qu'il peut voir et sous quelle forme ; le révoquer arrête le partage immédiatement.
sharing-with = Entre
sharing-to = { $org } reçoit de nous
sharing-from = Nous recevons de { $org }
sharing-mode = Forme
sharing-mode-aggregates = comptages agrégés seulement
sharing-mode-records = fiches anonymisées
sharing-mode-hint = Les comptages sont des cellules fixes (zone, semaine ISO, catégorie) de signalements vérifiés, les petits nombres masqués. Les fiches sont des signalements vérifiés avec la zone élargie, le jour seulement, sans auteur, et une description expurgée des noms, numéros de téléphone, adresses e-mail et numéros d'identité.
sharing-kind-reports = signalements
sharing-kind-alerts = alertes attribuées au partenaire
sharing-kinds = Quoi
sharing-level = Niveau de zone
sharing-k = Plus petit comptage affiché (k)
sharing-k-hint = Les comptages inférieurs sont masqués, ainsi que tout autre comptage qui permettrait de les retrouver. Au moins 3 ; 5 par défaut.
sharing-categories = Catégories
sharing-categories-hint = Aucune cochée : toutes les catégories.
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
shared-explain = Comptages de signalements vérifiés par { $level }, semaine ISO et catégorie. Les comptages inférieurs à { $k } sont masqués.
shared-total = Total
shared-suppressed = masqué pour protéger les personnes qui ont signalé
shared-legend = – : masqué, car petit ou parce qu'il révélerait un petit nombre. Les zones et catégories absentes n'avaient aucun signalement vérifié.
shared-below-k = moins que le plus petit comptage de l'accord
shared-no-weeks = Aucun signalement vérifié pendant ces semaines.
shared-weeks = Semaines
shared-records-link = Fiches anonymisées
shared-records-title = Fiches partagées
shared-records-intro = Signalements vérifiés partagés avec vous : zone élargie, jour seulement, sans auteur, descriptions expurgées des noms, numéros de téléphone, adresses e-mail et numéros d'identité.
shared-date = Jour
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
