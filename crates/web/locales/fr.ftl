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
