app-name = Tandem
app-tagline = Human security, together — cooperation, not integration.
nav-home = Home
nav-members = Members
nav-orgs = Organisations
nav-sign-in = Sign in
nav-sign-out = Sign out
nav-language = Language
skip-to-content = Skip to content

login-title = Sign in
login-intro = Sign in with the e-mail address and password your organisation's administrator gave you.
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-failed = Wrong e-mail address or password.
login-throttled = Too many failed attempts. Try again in { $seconds } seconds.
login-no-org = Your account does not belong to any organisation yet. Ask an administrator to add you.

home-title = Home
home-welcome = Welcome, { $name }.
home-acting-for = You are acting for { $org } as { $role }.
home-next = Reports, alerts, forums and the index will appear here as your organisation uses them.
home-your-org = Your organisation

role-member = member
role-coordinator = coordinator
role-admin = administrator

kind-civil_society = Civil society
kind-security = Security sector
kind-government = Government
kind-international = International
kind-donor = Donor

flag-women-led = Women-led
flag-youth-led = Youth-led
flag-minority-led = Minority-led

orgs-title = Organisations
orgs-name = Name
orgs-kind = Kind
orgs-flags = Led by
orgs-create = Create organisation
orgs-created = Organisation created.
orgs-none = No organisations yet.

members-title = Members of { $org }
members-email = E-mail address
members-name = Name
members-role = Role
members-since = Member since
members-add = Add member
members-password = Password for a new account
members-password-hint = Needed only when the address has no account yet; at least 10 characters.
members-change-role = Change role
members-remove = Remove
members-added = Member added.
members-updated = Member updated.
members-removed = Member removed.

audit-title = Recent activity
audit-when = When
audit-action = Action
audit-subject = Record

form-save = Save
form-error = Please correct the marked fields.
field-invalid = This value is not accepted:

error-title = Something went wrong
error-not-found = This page does not exist, or you may not see it.
error-forbidden = Your role does not allow this.
error-csrf = This form has expired. Go back, reload the page and try again.
error-bad-request = The request could not be understood.
error-internal = An internal error occurred. It has been logged.
error-back-home = Back to the home page
