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

nav-reports = Reports
nav-alerts = Alerts
nav-dashboard = Dashboard
nav-file = File a report

cat-hate_speech = Hate speech and incitement
cat-repression = Repression and abuse by security actors
cat-intercommunal_tension = Intercommunal tension
cat-recruitment_activity = Recruitment activity
cat-gbv = Gender-based violence
cat-crime = Crime
cat-service_grievance = Service grievance
cat-displacement = Displacement
cat-peace_initiative = Positive or peace initiative

status-new = new
status-verified = verified
status-dismissed = dismissed
status-closed = closed
status-open = open
status-withdrawn = withdrawn

channel-web = web form
channel-hotline = hotline
channel-intake = public intake
channel-api = API
channel-csv = CSV import
channel-sms = SMS
channel-openrosa = ODK/Kobo
channel-event_data = event data

severity-1 = 1 – low
severity-2 = 2 – moderate
severity-3 = 3 – serious
severity-4 = 4 – critical

report-area = Area
report-category = Category
report-severity = Severity
report-occurred = When did it happen?
report-description = What happened?
report-description-hint = Describe the situation: what, where, who is affected. Do not name private persons.
report-contact = How can we reach you? (optional)
report-contact-hint = Only your organisation's coordinators can see this.
report-hotline = Hotline call: I am recording this for a caller who stays anonymous
report-submit = Send report
report-filed = Report filed.
report-status = Status
report-channel = Channel
report-week = Week
report-verify = Verify
report-dismiss = Dismiss
report-close = Close
report-updated = Report updated.
report-has-contact = A contact was given.

reports-title = Reports
reports-new-title = File a report
reports-filter = Filter
reports-any = any
reports-from = From
reports-to = To
reports-none = No reports match.
report-title = Report

alerts-title = Alerts
alert-title = Alert
alert-method = Method
alert-observed = Reports that week
alert-baseline = Baseline mean (sd)
alert-statistic = Statistic
alert-assigned = Assigned to
alert-due = Due
alert-overdue = overdue
alert-unassigned = not assigned
alerts-none = No alerts.
alerts-overdue-title = Overdue responses
alert-assign = Assign
alert-due-hours = Answer within (hours)
alert-assigned-ok = Alert assigned.
alert-reports = Reports behind this alert
alert-more-reports = … and { $count } more in the reports list
alert-responses = Responses
alert-no-responses = No response yet.
alert-respond = Record a response
response-action = Action taken
response-outcome = Outcome
response-when = When
alert-responded = Response recorded.
method-threshold = severity threshold
method-c1 = EARS C1
method-c2 = EARS C2
method-c3 = EARS C3

dashboard-title = Dashboard
dashboard-map = Open alerts by area
dashboard-map-legend = Darker areas have more open alerts. Areas without any are light.
dashboard-series = Reports per week, last 26 weeks
dashboard-no-data = No data yet.

intake-title = Tell { $org } about a concern
intake-intro = You do not need an account. We do not record your address or your device. Describe the situation, not people.
intake-thanks-title = Thank you
intake-thanks = { $org } has received your report. If you left a contact, a coordinator may reach out to you.
intake-another = Report something else
intake-too-many = Too many reports from this connection. Please try again later.

nav-sharing = Sharing
nav-shared = Shared with us
nav-protection = Protection

level-country = country
level-admin1 = region (admin 1)
level-admin2 = district (admin 2)
level-locality = locality

sharing-title = Sharing agreements
sharing-intro = Nothing leaves your organisation unless an agreement says so. Each agreement names one partner, what it may see and how; revoking it stops sharing at once.
sharing-with = Between
sharing-to = { $org } receives from us
sharing-from = We receive from { $org }
sharing-mode = How
sharing-mode-aggregates = aggregate counts only
sharing-mode-records = de-identified records
sharing-mode-hint = Aggregate counts are fixed cells (area, ISO week, category) of verified reports, with small counts hidden. Records are verified reports with the area coarsened, the day only, no reporter and the description scrubbed of names, phone numbers, e-mail addresses and ID numbers.
sharing-kind-reports = reports
sharing-kind-alerts = alerts assigned to the partner
sharing-kinds = What
sharing-level = Area level
sharing-k = Smallest count shown (k)
sharing-k-hint = Counts below this are hidden, together with any other count that would give them away. At least 3; 5 is the default.
sharing-categories = Categories
sharing-categories-hint = None ticked: every category.
sharing-all-categories = all categories
sharing-valid = Valid
sharing-valid-to = Valid until (optional)
sharing-status = Status
sharing-status-in_force = in force
sharing-status-revoked = revoked
sharing-status-expired = expired
sharing-status-pending = not yet valid
sharing-revoke = Revoke
sharing-none = No sharing agreements.
sharing-new = New agreement
sharing-partner = Partner organisation
sharing-create = Create agreement
sharing-created = Agreement created; sharing starts now.
sharing-revoked = Agreement revoked; nothing more is shared.

shared-title = Shared with us
shared-none = No organisation shares anything with yours at the moment.
shared-alerts = Alerts assigned to us
shared-owner = From
shared-from = Verified reports of { $org }
shared-explain = Counts of verified reports per { $level }, ISO week and category. Counts below { $k } are hidden.
shared-total = Total
shared-suppressed = hidden to protect those who reported
shared-legend = – : hidden, because it is small or would reveal a small count. Areas and categories not shown had no verified reports.
shared-below-k = fewer than the agreement's smallest count
shared-no-weeks = No verified reports in these weeks.
shared-weeks = Weeks
shared-records-link = De-identified records
shared-records-title = Shared records
shared-records-intro = Verified reports shared with you: area coarsened, day only, no reporter, descriptions scrubbed of names, phone numbers, e-mail addresses and ID numbers.
shared-date = Day
shared-alert-note = You see this alert because it was assigned to your organisation under a sharing agreement. The reports behind it stay with their owner.

report-contact-show = Show the contact
report-contact-shown = Contact:
report-contact-audited = Each reading is recorded with your name.
report-erase = Erase this report
report-erase-explain = At the reporter's request: the report and its contact are deleted for good. Only a record that a report was erased, by whom and when, remains.
report-erase-confirm = I confirm the erasure
report-erased = Report erased.

alert-assign-to = Assign to
alert-assign-own = my organisation
alert-shared-assigned = Shared with the assignee under a sharing agreement.

protection-title = Protection
protection-intro = What your organisation keeps about people, and for how long.
names-title = Protected names
names-intro = Names of private persons that must never leave your organisation. They are removed from every description shared with partners, and stored encrypted.
names-add = Add a name
names-remove = Remove
names-none = No protected names yet.
names-added = Name added.
names-removed = Name removed.
retention-title = Retention
retention-now = Reporter contacts are kept { $contact } days; dismissed reports { $dismissed } days.
retention-contact = Keep reporter contacts (days)
retention-dismissed = Keep dismissed reports (days)
retention-saved = Retention periods saved.
retention-purge = Apply now
retention-purged = Deleted { $contacts } contacts and { $reports } dismissed reports.
export-title = Export our data
export-intro = Everything your organisation owns, to keep or to move. Reporter contacts and protected names stay in Tandem.
export-jsonl = Everything, as JSON lines
