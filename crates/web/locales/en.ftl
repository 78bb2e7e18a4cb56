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
login-intro = Sign in with your e-mail address and password. New to Tandem? Open the invitation link you were sent.
login-joined = If this address was new to Tandem, your account is ready and you have joined: sign in with the password you just chose. If it already had an account, nothing has changed: sign in with that account, then open the invitation link again to answer.
login-email = E-mail address
login-password = Password
login-submit = Sign in
login-failed = Wrong e-mail address or password.
login-throttled = Too many failed attempts. Try again in { $seconds } seconds.
login-no-org = Your account does not belong to any organisation yet. Ask an administrator to add you.

home-title = Home
home-welcome = Welcome, { $name }.
home-acting-for = You are acting for { $org } as { $role }.
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
members-change-role = Change role
members-remove = Remove
members-updated = Member updated.
members-removed = Member removed.

audit-title = Recent activity

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
alert-unassigned = Not handed to a partner
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
method-c1 = Sudden rise (EARS C1)
method-c2 = Rise against recent weeks (EARS C2)
method-c3 = Rise lasting several weeks (EARS C3)

dashboard-title = Dashboard
dashboard-map = Open alerts by area
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
level-admin1 = region
level-admin2 = district
level-locality = locality

sharing-title = Sharing agreements
sharing-intro = Nothing leaves your organisation unless an agreement says so. Each agreement names one partner, what it may see and how; revoking it stops sharing at once.
sharing-with = Between
sharing-to = { $org } receives from us
sharing-from = We receive from { $org }
sharing-mode = How
sharing-mode-aggregates = aggregate counts only
sharing-mode-records = de-identified records
sharing-mode-hint = Aggregate counts are numbers of verified reports per area, week and category, with small numbers hidden. Records are the verified reports themselves, one by one, with the area made larger (to the level you choose), the day only, no reporter, and names, phone numbers, e-mail addresses and ID numbers removed from the description.
sharing-kind-reports = reports
sharing-kind-violations = verified violations (counts per quarter by area, institution and act; never one by one)
sharing-kind-alerts = alerts assigned to the partner
sharing-kinds = What
sharing-level = Area level
sharing-k = Smallest number shown
sharing-k-hint = Any number smaller than this is hidden, with any other number that would give it away, so that nobody can be picked out. At least 3; 5 is usual.
sharing-categories = Categories
sharing-categories-hint = Tick each kind of event to share, at least one. Gender-based violence is sensitive: share it only where survivors' safety allows.
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
shared-explain = Numbers of verified reports per { $level }, week and category. Numbers smaller than { $k } are hidden, so that nobody who reported can be picked out.
shared-total = Total
shared-suppressed = hidden to protect those who reported
shared-legend = – : hidden, because it is small or would reveal a small count. Areas and categories not shown had no verified reports.
shared-below-k = fewer than the agreement's smallest count
shared-no-weeks = No verified reports in these weeks.
shared-released = A week is shown once it has ended and { $days } more days have passed for its reports to be verified (the latest: { $week }); after that it never changes.
shared-weeks = Weeks
shared-records-link = De-identified records
shared-records-title = Shared records
shared-records-intro = Verified reports shared with you: the area made larger, the day only, no reporter, and names, phone numbers, e-mail addresses and ID numbers removed from the descriptions.
shared-date = Day
shared-violation-records-title = Shared violations
shared-violation-records-intro = Verified violations shared with you one by one: the area made larger, the month at most, the kind of institution but not the unit, how many victims but not who, and names removed from the descriptions.
shared-records-none = No verified reports are shared with you one by one.
shared-violation-act = Abuse
shared-violation-records-most-recent = Each organisation's { $count } most recent are listed here.
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
names-hint = Add one name at a time. Also add nicknames, other spellings and the name in Arabic script. A name is also found surname first, and inside web links and social-media handles.
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

nav-index = Prevention index
index-title = Prevention index
index-none = No edition of the index has been published yet.
index-intro = Each country's risk of violent extremism, respect for human rights and civic space, and the prevention commitments it has made, as civil society tracks them. Scores run from 0 to 100; higher is better everywhere, including for risk (a high risk score means little risk). Each country's page shows the inputs behind its numbers.
index-methodology = Methodology
index-data-year = data of { $year }
index-published = published
index-export-csv = Download CSV (HXL)
index-export-json = JSON
index-methodology-file = Methodology file
index-map-title = Index score by country
index-map-caption = Darker green is a higher score; grey countries have no score. The number on each country is its rank in the table below.
index-rank = Rank
index-country = Country
index-score = Score
index-band = Band
index-interval = Rank interval (5–95%)
index-interval-text = between { $p5 } and { $p95 } in 90% of the draws (median { $median })
index-no-score = no score
index-uncertainty = How certain are the ranks?
index-uncertainty-intro = The index was recomputed { $draws } times with every weight changed by up to 25% and the normalisation of each indicator swapped at random. Each line spans the ranks a country took in 90% of those draws; the dot is its rank.
index-editions = Other editions
index-pillars = Pillars
index-pillar = Pillar
index-weight = weight
index-indicators = Indicators and their inputs
index-indicators-intro = For each indicator: the value used and where it came from, how a gap was filled, the value after transformation, and the 0–100 score (higher is better).
index-source = Source
index-raw = Value used
index-transformed = Transformed
index-evidence-data = Value of { $year }, from { $source }.
index-evidence-link = evidence
index-incidents-caption = Five-year weighted total { $total } (lowest in the edition { $lowest }, highest { $highest })
index-year = Year
index-incidents = Incidents
index-fatalities = Deaths
index-injuries = Injuries
index-damage = Damage
index-year-score = Year's score
index-trend = Score across editions
index-edition = Edition
treatment-observed = observed
treatment-carried_forward = carried forward from an earlier year
treatment-mean = missing: the mean of other countries
treatment-worst = missing: the worst value observed
treatment-excluded = missing: left out
direction-higher_is_better = higher is better
direction-higher_is_worse = higher is worse
commitment-yes = yes
commitment-partial = partly
commitment-no = no

# Invitations (issue 12)
members-invite = Invite someone
members-invite-intro = They become a member only once they accept. You get a link to give them; they see your organisation's name and kind before they answer.
invitation-made = Invitation ready for { $email }
invitation-made-hint = Give this link to the person by a channel you trust. It works until { $date }. Someone new to Tandem creates their account with it; someone who already has one can also answer after signing in. Lost the link? Withdraw the invitation below and invite again.
invitations-pending = Waiting for an answer
invitations-until = Valid until
invitation-withdraw = Withdraw
invitation-withdrawn = Invitation withdrawn.
invitations-title = Your organisations and invitations
invitations-waiting = Invitations waiting for your answer
invitations-none = No invitation is waiting for you.
invitations-your-orgs = Organisations you belong to
invitations-acting-now = You are acting for this organisation now.
invitations-switch = Act for this organisation
kind-about-civil_society = a civil-society group, association or network
kind-about-security = a police, gendarmerie, military or other security body
kind-about-government = a ministry, local authority or other public body
kind-about-international = an international organisation or network
kind-about-donor = a donor or funding body
invitation-asks = { $org } asks you to join. Your role there: { $role }.
invitation-until = This invitation is valid until { $date }.
invitation-accept = Accept and join
invitation-decline = Decline
invitation-accepted = You have joined. Choose below which organisation to act for.
invitation-declined = Invitation declined.
invitations-answer-by-link = To answer, open the invitation link that was sent to you. Lost it? Ask the organisation for a new invitation.
org-switched = You are now acting for another organisation.
invitation-title = Invitation from { $org }
invitation-for = For { $email }. Role: { $role }.
invitation-independence = Each organisation keeps its own records: joining gives you access to this organisation's work, not theirs to yours.
invitation-someone-else = This invitation is for another address. Sign out, then open the link again.
invitation-have-account = Already have a Tandem account?
invitation-sign-in = Sign in to answer
invitation-new-account = New to Tandem? Create your account
invitation-password = Choose a password
invitation-password-hint = At least 10 characters. Only you should know it.
invitation-create = Create my account and join
home-other-orgs = { $count ->
    [one] You belong to one other organisation: switch here.
   *[other] You belong to { $count } other organisations: switch here.
  }
home-invitations = { $count ->
    [one] An invitation is waiting for your answer.
   *[other] { $count } invitations are waiting for your answer.
  }

# Field teams (issue 12)
nav-field = Field teams
field-title = Field teams (ODK Collect)
field-intro = A field team fills in the report form (or a survey's questions, chosen below) on phones with ODK Collect or KoboCollect, even without a connection; what they fill in arrives here once the phone is online (reports with their photos, stored encrypted). Give each team its own access, and revoke it at once if a phone is lost.
field-made = Access ready for { $name }
field-step-install = On the phone, install ODK Collect from the app store.
field-step-scan = Open ODK Collect, choose "Add project", then "Configure with QR code", and scan this code.
field-step-done = The form appears under "Start new form". Filled forms are sent when the phone is online.
field-qr-label = Settings code for ODK Collect, for { $name }
field-manual = Without a camera: in ODK Collect choose "Manually enter project details" and type this server address.
field-once = This code is shown only now. If it is lost, revoke this access and create another.
field-teams = Teams with access
field-none = No field team has access yet.
field-name = Team name
field-name-hint = Who carries the phones, for example "Kumba market team".
field-since = Since
field-status = Access
field-revoke = Revoke
field-revoked-on = Revoked on { $date }
field-revoked = Access revoked. Phones with it can no longer send reports.
field-new = Give a team access
field-create = Create access and show the code
report-files = Files
report-file-open = Download
report-files-sealed = Files are stored encrypted. Each download is recorded in the audit log.
report-file-size = { $kb } KB

# Alerts as episodes, and dates as people write them.
episode-reports = { $count ->
    [one] One report of { $category } in { $area }, { $dates }.
   *[other] { $count } reports of { $category } in { $area }, { $dates }.
}
episode-severe = A report of { $category } in { $area } at or above the severity that raises an alert at once, { $dates }.
episode-usual = Usually { $lo } to { $hi } a week.
episode-usual-one = Usually { $lo } a week.
episode-folded = { $count ->
    [one] One more test or area level raised it too
   *[other] { $count } more tests or area levels raised it too
}
episode-folded-item = { $method } in { $area }: { $count } that week ({ $dates })
episode-assigned = Handed to a partner
episodes-intro = Each item is one episode: the same kind of event in one place over touching weeks. The tests and area levels that raised it are folded inside.
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec
alert-how = How this alert was raised

# What needs the signed-in person, on the home page.
needs-title = What needs you
needs-nothing = Nothing is waiting for you: no report to verify, no alert due, nothing handed to your organisation.
needs-verify = { $count ->
    [one] One report waits to be verified
   *[other] { $count } reports wait to be verified
}
needs-verify-many = { $count } or more reports wait to be verified
needs-overdue = { $count ->
    [one] One alert is past its answer time
   *[other] { $count } alerts are past their answer time
}
needs-due-soon = { $count ->
    [one] One alert must be answered within a day
   *[other] { $count } alerts must be answered within a day
}
needs-unassigned = { $count ->
    [one] One alert is not yet handed to anyone
   *[other] { $count } alerts are not yet handed to anyone
}
needs-answered = { $count ->
    [one] A partner answered one alert you handed over
   *[other] Partners answered { $count } alerts you handed over
}
needs-handed = { $count ->
    [one] One alert was handed to your organisation ({ $waiting } waiting for your answer)
   *[other] { $count } alerts were handed to your organisation ({ $waiting } waiting for your answer)
}
nav-menu = Menu
nav-main = Main menu
alert-report-count = { $count ->
    [one] One report
   *[other] { $count } reports
}

# Form errors, beside their field and in the summary at the top of the page.
error-summary = There is a problem
problem-required = Fill this in.
problem-too-short = Use at least { $min } characters.
problem-too-long = Use at most { $max } characters.
problem-control = Remove the invisible control characters.
problem-future = The date cannot be in the future.
problem-past = The date cannot be in the past.
problem-too-early = The date must be in { $year } or later.
problem-range = Enter a whole number from { $min } to { $max }.
problem-unknown = Choose one of the options offered.
problem-not-email = Enter an e-mail address such as name@example.org.
problem-email-script = Use only Latin letters without accents, digits and . _ % + - in the address.
problem-too-far-ahead = The date must be within { $months } months.
problem-end-before-start = The end must come after the start.
problem-other = This value is not accepted.
label-other = This form
label-action = { response-action }
label-outcome = { response-outcome }
label-area = { report-area }
label-category = { report-category }
label-severity = { report-severity }
label-description = { report-description }
label-occurred_at = { report-occurred }
label-display_name = Your name
label-password = Password
label-email = E-mail address
label-name = Name
label-k = Smallest count shown
label-kind = Kind
label-partner_org = Partner organisation
label-valid_to = Valid until
label-contact_days = Keep contacts for (days)
label-dismissed_days = Keep dismissed reports for (days)
error-summary-item = { $field } — { $message }

# Confirming what cannot be undone.
confirm-cancel = No, go back
sharing-revoke-question = Stop sharing with { $partner }?
sharing-revoke-explain = The partner loses access at once: the shared counts, records and alerts disappear from their pages. What they already downloaded stays with them. This cannot be undone; a new agreement starts afresh.
members-remove-question = Remove { $name } ({ $email }) from your organisation?
members-remove-explain = Their sessions for your organisation end at once and they no longer see its reports or alerts. Their account stays, with any other organisation they belong to.
field-revoke-question = Revoke the access of { $name }?
field-revoke-explain = Phones set up with this access can no longer fetch the form or send reports. Reports already received stay. Give the team a new access if they still need one.
names-remove-question = Stop protecting the name { $name }?
names-remove-explain = Descriptions shared from now on will no longer have this name replaced. Records already shared are not changed.
problem-none-chosen = Choose at least one.
label-categories = { sharing-categories }

# An alert acknowledged, then closed with an outcome.
alert-acknowledge = I am on it
alert-acknowledge-hint = Tells the others in your organisation that someone is dealing with this.
alert-acknowledged = Acknowledged: the others see that someone is on it.
alert-acknowledged-on = open, acknowledged { $date }
alert-close-title = Close this alert
alert-close-how = How did it end?
alert-close-hint = Closing also closes the other tests and area levels folded with it. New reports will not reopen it.
alert-close = Close the alert
alert-closed = Alert closed.
alert-closed-as = closed: { $outcome }
outcome-resolved = resolved, the situation was dealt with
outcome-false_alarm = false alarm, the reports did not bear it out
outcome-no_longer_relevant = no longer relevant, it is over or beyond our reach
label-close_outcome = How it ended
episode-acknowledged = Someone is on it

# The front door, for visitors without an account.
front-title = Human security, together
front-intro = Here local civil-society groups, communities, the police and other security services, and local government work on early warning and response together, while each keeps its own records: cooperation, not integration.
front-report = Report a concern
front-report-intro = Tell one of these organisations what is happening. You do not need an account, and we do not record your address or your device.
front-report-to = Report a concern to { $org }
front-no-orgs = No organisation takes public reports here yet.
front-who-reads = Who reads what you send
front-who-reads-text = Your report goes only to the organisation you choose. If you leave a way to reach you, only its coordinators can see it, and each time they do it is recorded. When the organisation shares with partners, such as the police, it shares counts, or descriptions from which phone numbers, e-mail addresses and the names it protects are removed; never your contact.
front-members = Members
intake-contact-hint = Only the coordinators of { $org } can see this. It is never shared with partners.

# The organisation's recent activity, as sentences.
audit-event-alert-assign = { $who } handed an alert to someone to answer
audit-event-alert-respond = { $who } recorded a response to an alert
audit-event-alert-acknowledge = { $who } took charge of an alert
audit-event-alert-close = { $who } closed an alert
audit-event-app-user-create = { $who } gave a field team its access
audit-event-app-user-revoke = { $who } revoked a field team's access
audit-event-attachment-read = { $who } opened a file sent with a report
audit-event-auth-sign-in = { $who } signed in
audit-event-auth-sign-in-failed = A sign-in with a wrong password
audit-event-auth-sign-in-throttled = Sign-ins slowed down after repeated failures
audit-event-auth-sign-out = { $who } signed out
audit-event-contact-read = { $who } read a reporter's contact
audit-event-invitation-accept = { $who } accepted an invitation
audit-event-invitation-decline = { $who } declined an invitation
audit-event-invitation-create = { $who } invited someone
audit-event-invitation-withdraw = { $who } withdrew an invitation
audit-event-member-add = { $who } added a member
audit-event-member-remove = { $who } removed a member
audit-event-member-role = { $who } changed a member's role
audit-event-org-export = { $who } exported the organisation's data
audit-event-protected-name-add = { $who } added a protected name
audit-event-protected-name-remove = { $who } removed a protected name
audit-event-report-erase = { $who } erased a report
audit-event-report-verified = { $who } verified a report
audit-event-report-dismissed = { $who } dismissed a report
audit-event-report-closed = { $who } closed a report
audit-event-report-create = { $who } filed a report
audit-event-reports-import = { $who } imported reports
audit-event-retention-purge = Old contacts and dismissed reports were removed
audit-event-retention-set = { $who } changed how long contacts are kept
audit-event-sharing-create = { $who } made a sharing agreement
audit-event-sharing-revoke = { $who } revoked a sharing agreement
audit-event-submission-receive = A field team's report arrived
audit-event-user-create = An account was created
audit-event-other = { $who } made a change ({ $action })
audit-someone = someone
pager-label = Pages of reports
pager-newer = Newer reports
pager-older = Older reports
pager-page = Page { $page }
date-moment = { $day }, { $time } UTC
alert-acknowledged-by = open; { $name } is on it since { $date }
alerts-handed-elsewhere = Alerts other organisations handed to yours are under “{ nav-shared }”.

# Maps and charts that read without hovering.
map-legend = Colours
map-key = Numbers on the map
legend-exact = { $n ->
    [0] No open alert
    [one] 1 open alert
   *[other] { $n } open alerts
}
legend-range = { $lo } to { $hi } open alerts
legend-more = { $lo } or more open alerts
legend-areas = { $count ->
    [one] 1 area
   *[other] { $count } areas
}
open-alerts = { $count ->
    [one] 1 open alert
   *[other] { $count } open alerts
}
dashboard-map-none = No area on the map has an open alert.
dashboard-larger = Open alerts for larger areas (not drawn on the map)
dashboard-to-alerts = See every open alert
series-total = { $count ->
    [one] 1 report
   *[other] { $count } reports
}
series-most = Most in one week: { $count }
comma = ,

# Index pages: names, not codes.
index-edition-name = { $half ->
    [1] first half of { $year }
   *[other] second half of { $year }
}
transform-none = not transformed
transform-log1p = logarithm (for skewed counts)
transform-winsorise = extremes capped
normalise-minmax = scaled from lowest to highest
normalise-zscore = scaled by distance from the average
shared-too-few = too few to show
index-legend-range = score { $lo } to { $hi }
legend-countries = { $count ->
    [one] 1 country
   *[other] { $count } countries
}

# Sharing: a preview before an agreement is made, and why partners see dashes.
sharing-preview = Preview what they will see
preview-title = What { $partner } will see
preview-intro = Nothing is shared yet. Check what the partner would see if you made this agreement now; it is made only when you press "Create agreement".
preview-terms = The agreement
preview-until = until { $date }, unless revoked sooner
preview-until-revoked = until you revoke it
preview-gbv = This agreement shares gender-based violence. Share it only where survivors' safety allows.
preview-tables = Their tables for the last { $weeks } weeks
preview-records = The first records they would receive
preview-alerts-only = This agreement shares no reports: the partner sees only the alerts you hand to them.
preview-change = Change the agreement
shared-hidden-count = { $count ->
    [one] 1 number hidden
   *[other] { $count } numbers hidden
}
shared-why-title = Why are some numbers hidden?
shared-why = A small number of reports from a small place can point to the person who made them. So any number smaller than the agreement allows is hidden, and so are a few others that would let it be worked out from the totals. Hidden numbers are never shown later either.
date-range-days = { $from }–{ $to } { $month } { $year }
date-range-months = { $from } – { $to } { $year }
date-range-years = { $from } – { $to }
number-range = { $lo }–{ $hi }
audit-event-sharing-aggregates-read = { $who }, of a partner organisation, viewed the counts you share
audit-event-sharing-records-read = { $who }, of a partner organisation, viewed the records you share
audit-event-violation-create = { $who } documented a violation
audit-event-violation-verify = { $who } verified a violation
preview-records-warning = Records are sent one by one: every verified report in these categories reaches the partner, even where the tables above hide a small number. Choose records only for a partner you would trust with each report.
episode-span = Unusual over { $dates }.
form-choose = — Choose one —
colon = :
index-interval-fixed = { $rank } in at least 90% of the draws: the rank hardly depends on the weights
audit-event-violation-refer = { $who } referred a violation to those concerned
audit-event-violation-respond = { $who } recorded the answer to a referral
audit-event-violation-end = { $who } ended a violation’s file

# The observatory's pages.
nav-violations = Violations
violations-title = Human-rights violations
violations-intro = Abuses your organisation has documented. Each is verified by a second coordinator before it counts, then referred to those concerned until it is answered.
violations-waiting = { $count ->
    [one] One violation waits for a second coordinator to verify it
   *[other] { $count } violations wait for a second coordinator to verify them
}
violations-overdue = { $count ->
    [one] One referral is past its due day without an answer
   *[other] { $count } referrals are past their due day without an answer
}
violation-status = Where it stands
vstatus-documented = Documented, not yet verified
vstatus-verified = Verified
vstatus-referred = Referred, waiting for an answer
vstatus-responded = Answered
vstatus-remedied = Remedied
vstatus-closed = Closed
act-arbitrary_arrest = Arbitrary arrest or detention
act-torture_ill_treatment = Torture or ill-treatment
act-extrajudicial_killing = Extrajudicial killing
act-enforced_disappearance = Enforced disappearance
act-sexual_violence = Sexual violence
act-excessive_force = Excessive use of force
act-extortion = Extortion
act-destruction_of_property = Destruction of property
act-restriction_of_assembly = Restriction of peaceful assembly
act-threat_to_defender = Threat against a defender or CSO staff
act-attack_on_defender = Attack on a defender or CSO staff
ikind-police = police
ikind-gendarmerie = gendarmerie
ikind-military = military
ikind-intelligence = intelligence service
ikind-prison = prison service
ikind-ministry = ministry
ikind-local_authority = local authority
ikind-armed_group = armed group
ikind-other_public_body = public body
violation-date-unknown = date not known
violation-victims = { $count ->
    [one] 1 victim
   *[other] { $count } victims
}
violation-when = When
violation-institution = Institution involved
violation-victims-title = Victims
violation-women-men = women { $women }, men { $men }
violation-documented = Documented by
violation-imported = imported
violation-verified = Verified by
violation-referred = Referred to
violation-due = answer due { $date }
violation-ask = What is asked
violation-answer = Their answer
violation-verify-explain = You are the second key: check the facts and the source before you verify. Once verified, it counts in your statistics and can be referred.
violation-verify = Verify this violation
violation-second-key = It waits for a second coordinator: the person who documented it cannot verify it.
violation-refer-title = Refer it to those concerned
violation-to-org = An organisation on Tandem
violation-not-on-tandem = — Not on Tandem —
violation-to = Or the institution, by name
violation-to-hint = For example the commander of the brigade, or the Ministry of Justice. Leave empty when you chose an organisation above.
violation-due-label = Answer expected by
violation-refer = Refer
violation-answer-label = What { $to } answered
violation-answer-record = Record their answer
violation-remedied = Mark as remedied
violation-close = Close the file
violations-back = All violations
violations-none = No violation documented yet.
violations-none-filtered = No violation matches.
violation-done-verified = Verified. It now counts, and can be referred.
violation-done-referred = Referred. It is listed as overdue if no answer comes by the due day.
violation-done-answered = Their answer is recorded.
violation-done-ended = The file is closed.
violation-new-title = Document a violation
violation-new-intro = Write down what happened as the victims and witnesses told it. No names: victims are counted, and the institution or unit involved is named, never a person. A second coordinator verifies it before it counts.
violation-act = What happened
violation-precision = How well is the date known?
precision-exact = the exact day
precision-month = the month only
precision-year = the year only
precision-unknown = not known
violation-institution-hint = The police station, brigade, ministry or armed group, by its name. Never a person.
violation-institution-kind = Kind of institution
violation-unit = Unit (if known)
violation-victims-hint = How many people, and as many of women, men, girls and boys as you know.
violation-victims-total = How many victims
violation-victims-women = Women
violation-victims-men = Men
violation-victims-girls = Girls
violation-victims-boys = Boys
violation-description = What happened
violation-description-hint = Where, how, what the victims suffered. Do not write names or phone numbers.
violation-document = Document it
violation-done-documented = Documented. A second coordinator must now verify it.
violations-new-link = Document a violation
label-act = What happened
label-institution = Institution involved
label-occurred_on = When
label-victims_total = How many victims
label-victims = Victims
label-institution_kind = Kind of institution
label-unit = Unit
label-date_precision = How well is the date known?
label-to = Or the institution, by name
label-ask = What is asked
label-due_on = Answer expected by
label-to_org = An organisation on Tandem
label-response = Their answer
label-victims_women = Women
label-victims_men = Men
label-victims_girls = Girls
label-victims_boys = Boys
violation-remedied-question = Mark this violation as remedied?
violation-close-question = Close this violation’s file?
violation-end-explain = This cannot be undone: the file stays as it is, for the record, and no further step can be taken on it.

## Observatory: sources, sealed names, evidence (issue 14)
form-not-known = — Not known —
size-mb = { $n } MB
size-kb = { $n } KB
violation-source-title = The source
violation-source-kind = Who the source is
violation-source-knowledge = How they know
violation-source-reliability = How reliable they have been
violation-source-identity = Name or contact of the source
source-victim = The victim
source-witness = A witness
source-relative = A relative
source-community_member = Someone in the community
source-civil_society = A civil-society group
source-media = The media
source-official = An official
source-other = Someone else
knowledge-direct = Saw or lived it
knowledge-hearsay = Was told
knowledge-documents = From documents
reliability-reliable = Reliable
reliability-usually_reliable = Usually reliable
reliability-unknown = Not known yet
reliability-doubtful = Doubtful
violation-names-title = Victims' names
violation-names = Names of the victims
violation-names-hint = Only if they agreed. Names are encrypted, and only coordinators can open them; every opening is recorded.
violation-names-consent = The victims agreed that their names are kept
violation-sealed-hint = Encrypted. Only coordinators can open it; every opening is recorded.
violation-sealed-both = The victims' names and the source are kept encrypted.
violation-sealed-names = The victims' names are kept encrypted.
violation-sealed-source = The source is kept encrypted.
violation-sealed-open = Show names and source
violation-sealed-audited = Opening them is recorded with your name.
violation-sealed-coordinators = Only coordinators can open them.
violation-sealed-title = Names and source
violation-sealed-recorded = This opening has been recorded with your name. Do not copy these names anywhere else.
violation-sealed-none = None kept
violation-back-one = Back to the violation
evidence-title = Evidence
evidence-none = No evidence files yet.
evidence-kind-photo = Photo
evidence-kind-document = Document
evidence-kind-audio = Sound recording
evidence-kind-video = Video
evidence-added = Added by { $by }, { $when }
evidence-custody = Chain of custody
evidence-sha = Fingerprint (SHA-256) of the file as it was added:
custody-upload = Added by { $by }, { $when }
custody-open-original = Original opened by { $by }, { $when }
custody-open-clean = Copy without metadata opened by { $by }, { $when }
custody-open-sealed = Encrypted file downloaded by { $by }, { $when }
evidence-open-original = Open the original
evidence-open-clean = Copy without metadata
evidence-open-sealed = Encrypted file for a court
evidence-clean-hint = Share only the copy without metadata: it has no location, camera or author in it.
evidence-no-clean = Tandem cannot remove metadata from sound and video: share the original only with people who may see it.
evidence-opened-audited = Every opening is recorded.
evidence-file = Add a photo, PDF, sound recording or video
evidence-file-hint = Up to { $max }. The file is encrypted as it arrives; its name is not kept.
evidence-add = Add the file
evidence-too-large = The file is larger than { $max }. Send a shorter recording or a smaller photo.
violation-done-evidence = The file is added and encrypted. Its fingerprint is in the chain of custody.
violation-names-consent-needed = Names are kept only if the victims agreed: tick the box, or leave the names out.
evidence-choose = Choose a file to add.
evidence-not-accepted = This file is not a photo, PDF, sound recording or video.
public-title = Human-rights violations: public statistics
public-intro = Violations documented by the observatories on this platform and verified by a second coordinator, by the quarter they happened in. Numbers from 1 to { $below } are hidden, and some others with them, so that no hidden number can be worked out from the rest. A quarter is published 90 days after it ends and never changes after.
public-none = Nothing is published yet: a quarter is published 90 days after it ends.
public-periods = Quarters
public-total = { $count ->
    [one] One verified violation
   *[other] { $count } verified violations
}
public-total-hidden = The total is hidden: too few to publish.
public-by-act = By kind of violation
public-nothing = None in this quarter.
public-hidden = hidden
public-map = Verified violations by region
public-violations = { $count ->
    [one] one violation
   *[other] { $count } violations
}
public-by-area = By region and kind of violation
public-all-acts = All kinds
public-method = { $hidden } of { $cells } numbers are hidden. The data, with the institutions involved by kind:
public-data = download (JSON)
quarter-1 = January to March { $year }
quarter-2 = April to June { $year }
quarter-3 = July to September { $year }
quarter-4 = October to December { $year }
public-legend-none = None
public-legend-range = { $lo } to { $hi } violations
public-legend-more = { $lo } violations or more
nav-public-violations = Violations: public statistics
nav-referrals = Referred to us
referrals-title = Violations referred to you
referrals-intro = Observatories refer the violations they documented and verified to the institution concerned, with what they ask and by when. Your answer reaches them here. You see what happened, never the victims' names, the source or the evidence.
referrals-waiting = { $count ->
    [0] Every referral is answered.
    [one] One referral waits for your answer.
   *[other] { $count } referrals wait for your answer.
}
referrals-none = Nothing has been referred to your organisation.
referral-from = Referred by { $from }
referral-answered = Answered
referral-protected = Names and contacts the observatory protects have been taken out.
referral-your-answer = The answer recorded
referral-answer-label = Your answer: what was done, or what will be done
referral-answer-hint = { $from } sees it at once on the violation.
referral-answer = Send the answer
referral-done = Your answer is sent.
referrals-back = All referrals
violation-on-tandem = They are on Tandem: they see this referral, without names, source or evidence, and can answer it here.

# Verified violations as a warning sign in the alert engine.
alert-violations = Verified violations behind this alert
alert-violation-count = { $count ->
    [one] One verified violation
   *[other] { $count } verified violations
}
alert-more-violations = … and { $count } more in the violations list
alert-violations-of = Violations: { $act }
episode-violations = { $count ->
    [one] One verified violation ({ $category }) in { $area }, { $dates }.
   *[other] { $count } verified violations ({ $category }) in { $area }, { $dates }.
}
episode-violation-severe = A verified violation grave enough to raise an alert at once ({ $category }) in { $area }, { $dates }.

# Protection protocol reviews.
protocol-title = Protection protocol
protocol-intro = Your organisation's plan for keeping its staff and the people it works with safe: who to call, where to go, what to do when someone is threatened. Review it regularly. Tandem keeps only the dates, never the plan itself: keep that on paper, with the people who need it.
protocol-never = No review of your protection protocol is on record.
protocol-reviewed-on = Last reviewed
protocol-next = Next review
protocol-next-hint = Leave empty for six months from the review. At most 24 months.
protocol-overdue = { $days ->
    [one] One day late
   *[other] { $days } days late
}
protocol-due-soon = { $days ->
    [0] Due today
    [one] Due in one day
   *[other] Due in { $days } days
}
protocol-record = Record the review
protocol-saved = The review is recorded.
needs-protocol-never = Record when your protection protocol was last reviewed
needs-protocol-overdue = Your protection protocol's review is { $days } days late
needs-protocol-due-soon = Your protection protocol is due for review in { $days } days
violation-targeted-org = Organisation targeted
violation-targeted-org-hint = Only for a threat or an attack against a human-rights defender or CSO staff: the organisation they work for.
protocol-review-day = Day of the review
violations-export-title = Export the violations
violations-export-intro = Every violation your organisation documented, for a UN mechanism, a court or your own archive. Victims' names, sources and evidence files are not in it. Each export is recorded in the audit log.
violations-export-json = Events (JSON, in the HURIDOCS events format)
violations-export-hxl = Table (CSV with HXL hashtags)
shared-violations-from = Verified violations from { $org }, { $quarter }
shared-violations-total = All violations that quarter
shared-violations-row-total = In all
shared-violations-none = No verified violation that quarter.
shared-violations-legend = Counts per quarter, by area and the kind of institution involved. Areas and acts not shown had none. "Too few to show" hides a small number, or one that would let a small number be worked out. A quarter is shown once it has ended and the grace period has passed; after that it never changes.
answers-title = How fast institutions answer
answers-intro = Every referral your organisation made, by the institution it went to; the slowest first.
answers-counts = { $referred ->
    [one] One referral
   *[other] { $referred } referrals
}, { $answered } answered.
answers-overdue = { $count ->
    [one] one overdue
   *[other] { $count } overdue
}
answers-median = { $days ->
    [0] Usually answers the same day.
    [one] Usually answers in one day.
   *[other] Usually answers in { $days } days.
}
answers-waiting = { $days ->
    [0] One referral is waiting since today.
    [one] The oldest unanswered has waited one day.
   *[other] The oldest unanswered has waited { $days } days.
}
violation-involvement = How the institution was involved
involvement-perpetrator = its agents did it
involvement-ordered = it ordered or planned it
involvement-complicit = it helped those who did it
involvement-failed_to_protect = it failed to prevent it or to protect the victims
violation-method = How it was done
violation-method-hint = In a line, for example “beaten with batons” or “held without charge”. No names.
violation-victims-group = Who the victims were
vgroup-individuals = people, one by one
vgroup-family = a family
vgroup-community = a whole community
vgroup-organisation = an organisation
violation-victims-after = How the victims were at the end
vstate-released = released
vstate-still_detained = still detained
vstate-injured = injured
vstate-killed = killed
vstate-missing = missing
vstate-displaced = forced from their homes
vstate-unharmed = not harmed
links-title = Linked records
links-none = Nothing is linked yet.
link-kind-violation = violation
link-kind-report = report
link-kind-alert = alert
linked-violations-title = Violations documented from this
linked-violations-intro = Violations your organisation linked to this record. The link is kept on the violation: remove it there.
link-choose = Link a report, an alert or a violation
link-hint = Those from the same area, around the same time. Link the reports or alerts behind this violation, or another violation of the same event.
link-add = Link it
link-remove = Remove the link
violation-done-linked = Linked.
violation-done-unlinked = The link is removed.

## Forums and commitments (the coordination wheel)
nav-forums = Forums
forums-title = Forums
forums-intro = Standing meetings where your organisation sits with others: community and police, a district security committee, a women's safety audit group. What is agreed there is followed up here.
forums-none = Your organisation is not a member of any forum yet.
forum-convene = Convene a forum
forum-name = Name of the forum
forum-name-hint = As its members call it, for example "Kumba community–police forum".
forum-kind = Kind of forum
forum-kind-community_police = community–police forum
forum-kind-security_committee = district security committee
forum-kind-safety_audit = women's safety audit group
forum-kind-high_level_exchange = high-level exchange
forum-kind-oversight = joint oversight forum
forum-cadence = How often it meets
cadence-monthly = every month
cadence-quarterly = every three months
cadence-twice_a_year = twice a year
cadence-as_needed = when needed
forum-members = Member organisations
forum-members-hint = Your organisation convenes the forum and is a member. Choose the others; you can add more later.
forum-members-count = { $count ->
    [one] 1 member organisation
   *[other] { $count } member organisations
}
forum-terms = Terms of reference
forum-terms-hint = What the forum is for, who takes part and how decisions are made.
forum-convener = convenes it
forum-add-member = Add a member organisation
forum-add = Add
forum-commitments = Commitments
forum-no-commitments = No commitment has been agreed in this forum yet.
forum-closed-commitments = Done or dropped ({ $count })
forum-meetings = Meetings
forum-no-meetings = No meeting has been recorded yet.
forum-keeping = Commitments kept
forum-keeping-intro = For each organisation: the commitments that were due, and how many it kept on time. A commitment counts as kept when it was done by its due date and another member organisation confirmed it.
keeping-org = Organisation
keeping-due = Due
keeping-kept = Kept on time
keeping-overdue = Overdue
keeping-rate = { $kept } of { $due } ({ $percent }%)
keeping-nothing-due = nothing due yet
commitment-due = due { $day }
commitment-overdue = overdue
cstatus-open = open
cstatus-in_progress = in progress
cstatus-done = done
cstatus-dropped = dropped
commitment-evidence = What was done
commitment-evidence-hint = Say what was done, or why it was dropped, and where the proof is (a photo in the minutes, a letter, a report). Needed for done and dropped.
commitment-confirmed-by = Confirmed by { $org }
commitment-unconfirmed = Not yet confirmed by another member organisation.
commitment-move-on = Update this commitment
commitment-status = Where it stands
commitment-save = Save
commitment-confirm = Confirm it was done
commitment-confirm-hint = Only another member organisation can confirm.
commitment-new = Record a commitment
commitment-text = What was agreed
commitment-owner = Who will do it
commitment-due-on = By when
commitment-meeting = Agreed at the meeting of
commitment-no-meeting = no meeting named
commitment-agree = Record the commitment
meeting-record = Record a meeting
meeting-held-on = Date of the meeting
meeting-agenda = Agenda
meeting-minutes = Minutes
meeting-participants = Who took part
meeting-participants-hint = Count people by group; no names are asked or kept. Leave the count empty on lines you do not need.
meeting-org-kind = From
meeting-gender = Gender
meeting-age-band = Age
meeting-group = Group { $n }
meeting-count = How many
gender-female = women
gender-male = men
gender-other = other
band-under_18 = under 18
band-18_24 = 18–24
band-25_34 = 25–34
band-35_49 = 35–49
band-50_plus = 50 and over
meeting-people = { $count ->
    [one] 1 person
   *[other] { $count } people
}
meeting-women = { $count } women
meeting-youth = { $count } aged under 25
forum-convened = The forum is convened.
forum-member-added = The organisation is now a member.
meeting-recorded = The meeting is recorded.
commitment-agreed = The commitment is recorded.
commitment-moved = The commitment is updated.
commitment-confirmed = You confirmed the commitment was done.
forum-trainings = Joint trainings
forum-no-trainings = No training has been recorded yet.
training-by = given by { $org }
training-change = Self-assessment: { $before } before, { $after } after, a change of { $change } on average ({ $n } people, scale 0–10).
training-spread = Spread of the changes (standard deviation): { $sd }.
training-record = Record a training
training-topic = Topic
training-held-on = Date of the training
training-trainer = Given by
training-participants = Who took part
training-scores = Self-assessment before and after
training-scores-hint = One line per person: the score before, then after, from 0 to 10, such as 4, 7. Leave empty if none was asked.
training-recorded = The training is recorded.

## The wheel view
wheel-title = Coordination wheel
wheel-of-area = What civil society, the police and local government did together in { $area } over the last 12 months, from the { $forums ->
    [one] one forum
   *[other] { $forums } forums
} your organisation sits in and your own reports.
wheel-of-forum = What the members of { $name } did together over the last 12 months.
wheel-show = Show
wheel-back-to-forum = Back to { $name }
wheel-area-link = The wheel of { $area }
wheel-see = See the coordination wheel
wheel-svg-title = The five joint activities; local ownership: { $level }
wheel-hub = ownership
wheel-level = Local ownership
level-none = not yet measured
level-none-means = Nothing has been recorded here in the last 12 months.
level-information_sharing = 1. Information sharing
level-information_sharing-means = Reports or shared data exist for the area.
level-dialogue_consultation = 2. Dialogue and consultation
level-dialogue_consultation-means = A forum met with civil society and the police or local government in the room.
level-joint_implementation = 3. Joint implementation
level-joint_implementation-means = The police or local government did what they committed to, with evidence, or answered an alert.
level-joint_oversight = 4. Joint institutional oversight
level-joint_oversight-means = A scorecard of a security unit covers the area, with measurements recorded by civil society.
activity-capacity_building = Joint capacity building
activity-capacity_building-means = Trainings given together or to each other.
activity-assessment = Joint assessment
activity-assessment-means = A conflict analysis made together: drivers, actors, risks, the police's ethos, a baseline.
activity-planning = Joint planning
activity-planning-means = A plan adopted together, with goals and a theory of change.
activity-implementation = Joint implementation
activity-implementation-means = Commitments done, with evidence of what was done.
activity-monitoring = Joint monitoring and evaluation
activity-monitoring-means = Commitments checked and confirmed by another member organisation.
wheel-records = { $count ->
    [one] one record
   *[other] { $count } records
}
wheel-not-done = nothing in the last 12 months
wheel-shading = The darker a part of the wheel, the more records it has: none, one, two or three, four or more.
wheel-level-evidence = Why this level
wheel-activities = The five joint activities
wheel-more = and { $count } more
wheel-conditions = Wide, systematic, deep
wheel-conditions-intro = Local ownership grows when many kinds of people take part (wide), in all five activities (systematic), through mechanisms that last (deep). Each is scored from 0 to 100 from the records listed with it.
condition-wide = Wide
condition-wide-means = Women and men, young and old, and every kind of organisation taking part in meetings and trainings.
condition-systematic = Systematic
condition-systematic-means = How many of the five joint activities happened: 20 for each.
condition-deep = Deep
condition-deep-means = Forums that meet as often as they said with terms of reference, commitments kept on time, and civil society's own view of its operating conditions.
part-gender_balance = Balance of women and men
part-youth = Young people under 25 (full at a quarter)
part-age_spread = Spread across age groups
part-sectors = Kinds of organisation (full at three)
part-capacity_building = Joint capacity building
part-assessment = Joint assessment
part-planning = Joint planning
part-implementation = Joint implementation
part-monitoring = Joint monitoring and evaluation
part-mechanisms = Forums meeting to their cadence, with terms of reference
part-commitments_kept = Commitments kept on time
part-cso_conditions = Civil society's operating conditions (self-assessed)
wheel-from-records = { $count ->
    [one] From one record
   *[other] From { $count } records
}
wheel-no-records = No record counts towards this yet.
wheel-trend = Over the last quarters
wheel-trend-intro = The same measures as they stood at the end of each quarter, each over the 12 months before it.
wheel-quarter = As of
wheel-as-of = { $day }
wheel-activities-short = Activities
wheel-method = How each score is worked out is written down in Tandem's documentation (ownership method).
record-report = Report
record-alert = Alert
record-forum = Forum
record-meeting = Meeting
record-training = Training
record-assessment = Assessment
record-plan = Plan
record-commitment = Commitment
record-self_assessment = Self-assessment
record-scorecard = Scorecard

## Joint assessments and plans; a CSO's operating conditions
joint-see = Joint analyses and plans
joint-title = Joint analyses and plans
joint-intro = What the members worked out together: conflict analyses, made before a programme starts and again as things change, and the plans adopted from them with the commitments that carry them out.
joint-assessments = Joint conflict analyses
joint-no-assessments = No joint analysis recorded yet.
joint-plans = Joint plans
joint-no-plans = No joint plan recorded yet.
joint-recorded-by = recorded by { $org }
joint-took-part = Organisations that took part
joint-drivers = Drivers of conflict
joint-drivers-hint = What pushes towards violence here: land, jobs, exclusion, rumours, past abuse.
joint-actors = Actors
joint-risks = Risks
joint-optional = Optional.
joint-police-ethos = Whom the police see themselves protecting
joint-police-ethos-hint = Ask it before a programme starts: dialogue can reach further where the police see their task as protecting people.
joint-not-assessed = Not assessed
ethos-protects_state = The state
ethos-protects_citizens = The people
ethos-mixed = Both, depending on the unit or the issue
joint-police-conduct = Police behaviour as a driver
joint-police-conduct-hint = Corruption, abuse, absence: what people report, in their words.
joint-baseline = Baseline measures
joint-baseline-hint = Where things stand now, so that change can be seen later: for example, bribes asked at checkpoints per month.
joint-cso-role = The role of civil society towards the government
joint-cso-role-hint = The role your organisations play now, not the one hoped for.
role-contractor = Contractor: delivers services for the government
role-collaborator = Collaborator: works alongside the government
role-consultant = Consultant: advises the government
role-opposition = Opposition: holds the government to account from outside
joint-context = Conflict context
joint-assess = Record a joint analysis
joint-assessment-title = Title
joint-held-on = Day it was agreed
joint-assess-button = Record the analysis
joint-plan = Record a joint plan
joint-plan-title = Title
joint-adopted-on = Day it was adopted
joint-adopted = Adopted on { $day }
joint-goals = Goals
joint-theory = Theory of change
joint-theory-hint = If we do this, then that will change, because…
joint-carried-by = Commitments that carry it out
joint-plan-button = Record the plan
assessment-recorded = The joint analysis is recorded.
plan-adopted = The joint plan is recorded.
conditions-see = Your organisation's operating conditions
conditions-title = Operating conditions
conditions-intro = Local ownership is deep when civil society is empowered, independent, distinct, accepted and free. A civil-society organisation scores itself on each, from 1 (not at all) to 5 (fully), every few months; the wheel of each forum it belongs to counts the latest score.
conditions-only-cso = Only civil-society organisations score their own operating conditions. Your organisation sees the scores of the civil-society members of its forums in each forum's wheel.
conditions-past = Your self-assessments
conditions-none = None recorded yet.
conditions-on = Day of the self-assessment
conditions-together = All five together
conditions-new = Score your conditions now
conditions-note = Note
conditions-note-hint = Optional: what changed since last time, in your own words.
conditions-record = Record the self-assessment
conditions-recorded = The self-assessment is recorded.
cso-condition-empowered = Empowered
cso-condition-empowered-means = Your organisation has the skills, money and people to do its work.
cso-condition-independent = Independent
cso-condition-independent-means = No government, party or donor decides what your organisation says or does.
cso-condition-distinct = Distinct
cso-condition-distinct-means = People can tell your organisation apart from the state and from armed groups.
cso-condition-accepted = Accepted
cso-condition-accepted-means = The communities you work with, and the authorities, accept your organisation's role.
cso-condition-free = Free
cso-condition-free-means = Your members can meet, speak and travel without threat.
conditions-scale = For each, choose 1 if it is not true at all, 5 if it is fully true.
commitment-link = Link to the record that shows it (optional)
commitment-link-hint = Paste the address of a report, an alert or a referral on Tandem that your organisation can open, such as the alert you answered.
commitment-link-open = { $kind ->
    [reports] Open the report it links to
    [alerts] Open the alert it links to
    [referrals] Open the referral it links to
   *[other] Open the record it links to
}
problem-not-a-link = Paste the address of a report, an alert or a referral on Tandem, as your browser shows it on its page.
problem-cannot-open = Your organisation cannot open this record: link one of your own, or one shared with you.

## Perception surveys
nav-surveys = Surveys
surveys-title = Perception surveys
surveys-intro = Surveys of how people see their security and the police, collected with KoboToolbox or ODK. Import an export and ask what share of people gave an answer, for everyone and by gender or age, with the margin of error the sample design gives.
surveys-none = No survey yet.
surveys-back = All surveys
survey-responses-count = { $count ->
    [one] 1 response
   *[other] { $count } responses
}
survey-fielded = in the field on { $date }
survey-new = Start a survey
survey-title-field = Title
survey-title-hint = For example: Trust in the police, round 1 (March 2026).
survey-fielded-on = In the field on
survey-design-hint = Name the columns of your export that describe the sample. Leave strata or cluster empty if the sample had none. A group prefix can be left out: "village" finds "group_a/village".
survey-weight = Weight column
survey-weight-hint = Each response's sampling weight. If every response counts the same, add a column of ones.
survey-strata = Strata column
survey-strata-hint = The stratum each response was drawn in, such as the district.
survey-cluster = Cluster column
survey-cluster-hint = The cluster (first sampling unit), such as the village or enumeration area.
survey-create = Start the survey
survey-created = Survey started. Now import its responses from an export, or write its questions for phones below.
survey-imported = Responses imported.
survey-imported-count = { $count ->
    [one] 1 response imported
   *[other] { $count } responses imported
}{ $already ->
    [0] .
   *[other] ; { $already } were already here and were left out.
}
survey-responses = Responses
survey-none-column = none
survey-ask = Ask the survey
survey-question = Question (column)
survey-value = Answer
survey-value-hint = Type the answer as the export writes it, for example: yes.
survey-by = Show by
survey-by-none = Everyone only
survey-method = Interval
survey-method-logit = Logit (the usual choice)
survey-method-beta = Beta (Korn–Graubard, for shares near 0% or 100%)
survey-estimate = Show the estimate
survey-results = Share who answered “{ $value }”
survey-results-intro = Among the responses that answered { $question }, weighted as the sample design says, with 95% intervals.
survey-chart-title = Share who answered { $value }, with 95% intervals
survey-group = Group
survey-group-all = Everyone
survey-share = Share
survey-interval = 95% interval
survey-se = Standard error (points)
survey-n = Responses
survey-effective-n = Effective responses
survey-deff = Design effect
survey-small = small sample
survey-small-means = A group marked “small sample” has fewer than 30 effective responses or a margin too wide for its size: read it with care.
survey-method-said-logit = Intervals by the logit method.
survey-method-said-beta = Intervals by the beta (Korn–Graubard) method.
survey-import = Import responses
survey-import-intro = Download the data from KoboToolbox (CSV, with or without group names) or ODK Central (CSV export) and choose the file here. Nothing is imported if any line is wrong; responses imported before are left out.
survey-file = CSV file
survey-file-hint = Comma or semicolon separated, up to 48 MB.
survey-import-button = Import the file
problem-in-file = Line { $line } of the file: { $fault }. Nothing was imported.
file-fault-unreadable = it cannot be read as a CSV file in UTF-8
file-fault-no-rows = there are no responses below the header row
file-fault-blank-header = a column has no name
file-fault-header-twice = two columns have the same name
file-fault-no-column = the survey's { $role } column is not in the file
file-fault-ambiguous = several columns could be the survey's { $role } column; give its whole name
file-fault-ragged = this row does not have as many cells as the header
file-fault-bad-weight = the weight is not a positive number
file-fault-blank-design = a response has no { $role }
file-fault-key-twice = this submission appears twice in the file
file-fault-too-many = the file has more responses than one import may hold
design-role-weight = weight
design-role-strata = stratum
design-role-cluster = cluster

## Unit scorecards
nav-scorecards = Scorecards
scorecards-title = Unit scorecards
scorecards-intro = How the security units your organisation watches are doing: response to alerts, commitments kept, violations, and what people say in your surveys. Each number shows where it comes from. A scorecard stays yours until you decide to make it public.
scorecards-surveys = Perception surveys
scorecards-public-see = Published scorecards
scorecard-is-public = public
scorecard-is-private = seen by your organisation only
scorecards-none = No scorecard yet.
scorecard-new = Start a scorecard
scorecard-unit = Security unit
scorecard-unit-hint = A police station, a brigade or another security service on Tandem.
scorecard-create = Start the scorecard
scorecards-only-cso = Scorecards are kept by civil-society organisations, as their own watch on the security sector.
scorecards-back = All scorecards
scorecard-lead = { $area } · kept by { $keeper }
scorecard-public-since = Public since { $date }.
scorecard-public-page = See the public page
scorecard-private-note = Only your organisation sees this scorecard.
scorecard-indicators = Indicators
scorecard-no-indicators = No indicator yet: add one below.
scorecard-status-on_track = on track
scorecard-status-off_track = off track
scorecard-status-no_data = no data
scorecard-computed-alert_response_median_hours = Computed by Tandem: hours from an alert to the unit's first response (median), each quarter
scorecard-computed-alert_response_p90_hours = Computed by Tandem: hours from an alert to the unit's first response (9 in 10 were faster), each quarter
scorecard-computed-alerts_answered_before_due = Computed by Tandem: share of alerts the unit answered before their due time, each quarter
scorecard-computed-commitments_kept_on_time = Computed by Tandem: share of the unit's forum commitments kept on time and confirmed, each quarter
scorecard-computed-verified_violations = Computed by Tandem: verified violations naming the unit, each quarter
scorecard-computed-referrals_answered = Computed by Tandem: share of violations referred to the unit that it answered, each quarter
scorecard-recorded = Measured by your organisation
scorecard-baseline = Baseline
scorecard-target = Target
scorecard-by = Broken down by
scorecard-when = When
scorecard-value = Value
scorecard-evidence = Evidence
scorecard-records-alerts = { $n ->
    [one] 1 alert assigned to the unit
   *[other] { $n } alerts assigned to the unit
}
scorecard-records-commitments = { $n ->
    [one] 1 commitment due
   *[other] { $n } commitments due
}
scorecard-records-violations = { $n ->
    [one] 1 verified violation
   *[other] { $n } verified violations
}
scorecard-records-referrals = { $n ->
    [one] 1 referral
   *[other] { $n } referrals
}
scorecard-see-records = see them
scorecard-no-points = Nothing measured yet.
scorecard-compare = Beside other units of the same kind
scorecard-compare-intro = The latest value of each indicator for every unit of this kind your organisation keeps a scorecard for.
scorecard-indicator = Indicator
scorecard-no-value = no data
scorecard-measure = Record a measurement
scorecard-measured-on = Measured on
scorecard-source = Source
scorecard-source-hint = Where the number comes from, for example: perception survey, round 2.
scorecard-value-from = The value
scorecard-value-typed = I type it
scorecard-value-survey = From one of our surveys
scorecard-ci-low = Interval from
scorecard-ci-high = Interval to
scorecard-from-survey = From a survey
scorecard-survey = Survey
scorecard-group = Group
scorecard-group-hint = Leave empty for everyone, or give an answer of the "show by" column, for example: female.
scorecard-measure-button = Record the measurement
scorecard-add-indicator = Add an indicator
scorecard-computed = What is measured
scorecard-computed-none = Measured by us
scorecard-computed-hint = Tandem computes some indicators from your records; for those, the name and definition are yours, the rest follows.
scorecard-name = Name
scorecard-definition = Definition
scorecard-measure-kind = Measured in
scorecard-measure-percent = percent
scorecard-measure-hours = hours
scorecard-measure-days = days
scorecard-measure-count = a count
scorecard-measure-score = a score
scorecard-direction = Which way is better
scorecard-direction-up = higher is better
scorecard-direction-down = lower is better
scorecard-frequency = How often
scorecard-frequency-monthly = every month
scorecard-frequency-quarterly = every quarter
scorecard-frequency-twice_a_year = twice a year
scorecard-frequency-yearly = every year
scorecard-by-hint = Optional, for example: gender and age band.
scorecard-add-indicator-button = Add the indicator
scorecard-publishing = Publishing
scorecard-publishing-intro = Your organisation decides whether this scorecard is public. The public page shows only quarters released to the public (90 days after they end), as the records stood then; counts in bands of five; shares and times only when they rest on at least ten records, rounded. What you measure yourselves is shown as recorded.
scorecard-publish = Make it public
scorecard-unpublish = Take it back from the public
scorecard-created = Scorecard started. Add its indicators.
indicator-added = Indicator added.
measurement-recorded = Measurement recorded.
scorecard-published = The scorecard is public.
scorecard-unpublished = The scorecard is no longer public.
scorecard-hours = { $n } h
scorecard-days = { $n } days
scorecard-chart-title = { $name }: trend, with 95% intervals where measured by a survey and the target as a dashed line
scorecard-count-band = { $low ->
    [0] fewer than 5
   *[other] { $low } to { $high }
}
public-scorecards-title = Published scorecards
public-scorecards-intro = Scorecards that civil-society organisations chose to publish about the security units they watch.
public-scorecards-none = No scorecard has been published.
public-scorecards-back = All published scorecards
public-scorecard-note = Published by the organisation that keeps it, on { $date }.
public-scorecard-on = (from { $low ->
    [0] fewer than 5
   *[other] { $low } to { $high }
} records)
public-scorecard-source-alerts = Alerts assigned to the unit
public-scorecard-source-commitments = Forum commitments
public-scorecard-source-violations = Verified violations
public-scorecard-source-referrals = Referrals to the unit
public-scorecard-nothing = Nothing can be shown yet: too few records, or no quarter released.
public-scorecard-rules = To protect the people behind the numbers, only quarters released to the public are shown (90 days after they end), as the records stood on that day; counts are shown in bands of five; a share or a time is shown only when it rests on at least ten records, rounded (shares to 5 points, times to the hour).

## Monitoring form labels
label-title = Title
label-weight = Weight column
label-strata = Strata column
label-cluster = Cluster column
label-fielded_on = In the field on
label-file = File
label-question = Question
label-value = Value
label-by = Show by
label-method = Interval
label-unit_org = Security unit
label-definition = Definition
label-measure = Measured in
label-direction = Which way is better
label-baseline = Baseline
label-target = Target
label-frequency = How often
label-computed = What is measured
label-disaggregation = Broken down by
label-indicator = Indicator
label-measured_on = Measured on
label-source = Source
label-evidence = Evidence
label-ci_low = Interval
label-survey = Survey
label-answer = Answer
label-group = Group
problem-no-such-answer = No response gave this answer: type it exactly as the export writes it.
problem-not-a-number = Enter a number from 0 to 1,000,000,000.
problem-percent = Enter a percentage from 0 to 100.
file-fault-wide-header = the file has too many columns, or a column name is too long
survey-no-interval = no interval
survey-choose-question = Choose the question to ask.
public-scorecard-recorded = Measured by the organisation that keeps this scorecard
scorecard-remove = Remove
scorecard-remove-question = Remove the measurement of { $date } ({ $value })?
scorecard-remove-explain = It leaves the scorecard, and the public page if the scorecard is public. The audit trail keeps a record of it. Record the right number afterwards.
measurement-removed = Measurement removed.

## A survey served to phones (issue 16)
field-form = Form
field-form-report = Report form
survey-phones = Questions for phones
survey-phones-intro = Field teams can fill in this survey on phones with ODK Collect or KoboCollect, even offline. Write one question a line: a short name, the question as the interviewer reads it, and its answers. Each response lands in this survey, once, however often a phone sends it.
survey-questionnaire = Questions
survey-questionnaire-hint = Answers are value=label separated by commas, or the word number, or text. Write = 1 for a value every response carries (a weight of 1). The survey's weight, stratum and cluster columns must be among the questions. Leave empty to stop serving the survey.
survey-questionnaire-example = See an example
survey-questionnaire-save = Save the questions
survey-questionnaire-saved = Questions saved. Phones fetch the new form the next time they connect.
survey-phones-served = Phones can now fill in this survey.
survey-phones-team = Give a field team this form
label-questionnaire = Questions
problem-in-line = Line { $line } of the questions: { $fault }.
problem-in-questionnaire = In the questions: { $fault }.
line-fault-shape = write it as name | question | answers
line-fault-bad-name = a name is letters, digits and _ and starts with a letter (at most { $max })
line-fault-name-twice = this name is already used by an earlier question
line-fault-no-label = the question's words are missing
line-fault-bad-choice = write each answer as value=label, the value in letters, digits, _ or - only; commas separate the answers
line-fault-choice-twice = the same answer is offered twice
line-fault-too-many = at most { $questions } questions, and { $choices } answers to each
line-fault-empty = write at least one question
line-fault-design-missing = the survey's { $role } column must be one of the questions
line-fault-weight = the weight must be a number question, or = a positive number
line-fault-no-choices = list the answers, or write number or text
line-fault-reserved = this name is kept by the forms' tools (such as start, end or instanceID): choose another
line-fault-design-optional = the survey's { $role } column must be a list of answers, a number or = a value, so that no response leaves it blank

## Knowledge bank (issue 17)
nav-knowledge = Knowledge bank
knowledge-title = Knowledge bank
knowledge-intro = Case studies and good practices from communities, civil society and the security sector working together: what was done, how, and what others can take from it. Anyone may read them.
knowledge-search = Words to find
knowledge-search-hint = For example: joint oversight forum, médiation, الشرطة. Studies holding the words together come first.
knowledge-language = Language
knowledge-any-language = Any language
knowledge-activity = Wheel activity
knowledge-any-activity = Any activity
knowledge-find = Search
knowledge-found = { $count ->
    [one] One case study for “{ $q }”
   *[other] { $count } case studies for “{ $q }”
}
knowledge-all = { $count ->
    [one] One case study
   *[other] { $count } case studies
}
knowledge-none = No case study holds these words. Try fewer or other words, or another language.
knowledge-lang-en = English
knowledge-lang-fr = French
knowledge-lang-ar = Arabic
knowledge-by = by { $org }
knowledge-back = All case studies
knowledge-region = Region
knowledge-actors = Who took part
knowledge-activities = Wheel activities
knowledge-tags = Tags
knowledge-written-by = Written by
knowledge-shipped = The Tandem project
knowledge-add = Add a case study
knowledge-add-intro = Share what your organisation did, so that others can learn from it. It is published at once under your organisation's name, for anyone to read: leave out names and anything that could put people at risk.
knowledge-field-title = Title
knowledge-field-summary = Summary (two or three sentences)
knowledge-field-body = The case study
knowledge-field-body-hint = Markdown: ## for a heading, - for a list, **bold**. Describe what was done, how, what changed and what others can take from it.
knowledge-list-hint = Separate them with commas.
knowledge-publish = Publish the case study
case-study-added = Case study published.
wheel-examples = Examples in the knowledge bank
label-summary = Summary
label-body = The case study
label-language = Language
label-region = Region
label-actors = Who took part
label-activity = Wheel activities
label-tags = Tags
label-q = Words to find
case-study-withdraw = Withdraw this case study
case-study-withdraw-question = Withdraw “{ $title }” from the knowledge bank?
case-study-withdraw-explain = It is removed for everyone at once. Copies people have already saved or printed cannot be taken back.
case-study-withdrawn = Case study withdrawn.

## Letters of recognition and invitation (issue 17)
nav-letters = Letters
letters-title = Letters of recognition and invitation
letters-intro = A letter from your organisation vouches for another (for a visa, a meeting with officials, access to a site). Each is signed: anyone can check on this server, or offline, that it is genuine, still valid and not revoked.
letters-none = No letter issued or received yet.
letter-kind = Kind of letter
letter-kind-recognition = Letter of recognition
letter-kind-invitation = Letter of invitation
letter-to = to { $name }
letter-from = from { $name }
letter-addressee = Addressed to
letter-addressee-hint = For example: the consular section of an embassy, a ministry, "to whom it may concern".
letter-dates = Issued { $issued }, valid until { $until }
letter-revoked-tag = revoked
letter-pdf = Download the PDF
letter-check = Check it
letter-revoke = Revoke
letter-revoke-question = Revoke the letter to { $name }?
letter-revoke-explain = Anyone who checks it will see that it is revoked, from now on. A printed copy cannot be taken back, but its check will fail.
letter-new = Issue a letter
letter-recipient = For the organisation
letter-purpose = Purpose
letter-purpose-hint = What the letter is for, in a sentence or two: it is printed in the letter and signed.
letter-valid-until = Valid until
letter-issue = Issue and sign the letter
letter-issued = Letter issued and signed. Download its PDF below.
letter-revoked = Letter revoked.
letter-verify-title = Check a letter
letter-issuer = Issued by
letter-issued-on = Issued on
letter-verdict-genuine = This letter is genuine and valid.
letter-verdict-genuine-means = It was signed by this server, nothing in it has changed, and it is valid until { $date }.
letter-verdict-expired = This letter is genuine but no longer valid.
letter-verdict-expired-means = It was valid until { $date }. Ask its issuer for a new one.
letter-verdict-revoked = This letter has been revoked.
letter-verdict-revoked-means = Its issuer revoked it on { $date }. Do not rely on it.
letter-verdict-tampered = This letter fails the check.
letter-verdict-tampered-means = What is stored is not what was signed. Do not rely on it; tell the issuer.
letter-verdict-unknown_key = This letter cannot be checked here.
letter-verdict-unknown_key-means = It was signed under a key this server no longer holds. Check it offline with the issuer's published key.
letter-offline = Check it without this server
letter-offline-how = The PDF carries the signed text and the signature in base64. Decode them into signed.txt and signature.bin, save this public key as key.pem, and run:
letter-signed-text = The signed text:
label-recipient_org = For the organisation
label-purpose = Purpose
label-addressee = Addressed to
label-valid_until = Valid until

## Referral directory (issue 17)
nav-services = Help without police
services-title = Help that needs no police
services-intro = Services people can turn to without going to the police: psychosocial support, family counselling, legal aid, shelters for survivors of violence, exit and reintegration programmes, hotlines. Choose where the person lives to see what serves that area.
services-area = Where the person lives
services-any-area = Any area
services-kind = Kind of help
services-any-kind = Any kind
services-language = Language
services-language-hint = For example: fr, ar, Fulfulde. Leave empty for any.
services-find = Find services
services-for = { $count ->
    [one] One service for { $area }
   *[other] { $count } services for { $area }
}
services-all = { $count ->
    [one] One service
   *[other] { $count } services
}
services-none = No service is listed for this yet.
services-leaflet = Print a one-page leaflet for this area
service-kind-psychosocial_support = Psychosocial support
service-kind-family_counselling = Family counselling
service-kind-legal_aid = Legal aid
service-kind-gbv_shelter = Shelter for survivors of violence
service-kind-exit_reintegration = Exit and reintegration programme
service-kind-hotline = Hotline
service-eligibility = Who may use it
service-contact = How to reach it
service-contact-hint = A phone number or an address. It is public.
service-hours = Opening hours
service-languages = Languages
service-languages-hint = Separate them with commas.
service-areas = Areas it serves
service-areas-hint = An area includes every area within it. Hold Ctrl (or press long on a phone) to choose several.
service-listed-by = Listed by
service-new = List a service
service-name = Name of the service
service-description = What it offers
service-add = List the service
service-listed = Service listed.
service-removed = Service removed.
service-remove = Remove
service-remove-question = Remove “{ $name }” from the directory?
service-remove-explain = It disappears for everyone at once. Printed leaflets keep it.
leaflet-title = Help that needs no police: { $area }
leaflet-intro = You can turn to these services without going to the police.
leaflet-back = Back to the directory
label-eligibility = Who may use it
label-contact = How to reach it
label-hours = Opening hours
label-areas = Areas it serves
label-languages = Languages

## Registry, capacity map and funding register (issue 17)
nav-registry = Organisations
registry-title = Registry of organisations
registry-intro = Organisations working for human security here: what each does and where, the Better Peace criteria it claims, and which other organisations vouch for it. Each organisation chooses whether it is listed, and for whom.
registry-capacity-link = Who does what where (capacity map)
registry-funding-link = Funding register
registry-edit-own = Edit your organisation's profile
registry-list-own = List your organisation
registry-visitor-hint = You see the organisations listed for the public. People of organisations on this platform may see more.
registry-count = { $count ->
    [one] One organisation listed
   *[other] { $count } organisations listed
}
registry-meets = Meets the Better Peace criteria
visibility-short-members = Members only
visibility-short-hidden = Hidden
visibility-short-public = Public
registry-endorsed-count = { $count ->
    [0] not endorsed yet
    [one] endorsed by one organisation
   *[other] endorsed by { $count } organisations
}
registry-none = No organisation is listed yet.
registry-back = Back to the registry
registry-areas = Areas
registry-activities = Joint activities
registry-none-named = none named
registry-constituencies = Whom it serves
registry-languages = Languages
registry-contact = Public contact
registry-visibility = Who sees this profile
visibility-public = Anyone, including visitors who are not signed in
visibility-members = People of organisations on this platform only
visibility-hidden = Nobody outside my organisation (not listed, not counted on the capacity map)
registry-updated = Last updated
registry-assessment = Better Peace self-assessment
registry-meets-long = It claims every core value, a competency and a constituency: the Better Peace criteria.
registry-not-meets = It does not claim all of the Better Peace criteria yet.
registry-assessment-hint = What the organisation says of itself, after ICAN's Better Peace Tool. Endorsements by other organisations are what make it more than a claim.
bp-values = Core values and commitments
bp-value-non_violence = Non-violence and peaceful resolution of disputes
bp-value-human_rights = Human rights, women's rights and peace
bp-value-gender_sensitivity = Gender sensitivity in security and governance
bp-value-independence = Political independence or non-partisanship
bp-value-inclusion = Inclusion of women, youth, minorities and marginalised people
registry-not-claimed = not claimed
bp-competencies = Competencies
bp-competency-ground_realities = Practical experience and a gendered understanding of realities on the ground
bp-competency-representing_women = A record of representing women or civil society
bp-competency-aid_livelihoods = Aid, early recovery or livelihoods
bp-competency-armed_groups = Access to armed groups or prevention of recruitment
bp-competency-community_security = Disarmament, rehabilitation or community security
bp-competency-mediation = Mediation and peacemaking among communities
bp-competency-social_cohesion = Social cohesion and a culture of peace
bp-competency-justice = Justice, reconciliation and work with victims
bp-competency-resources = Land and natural resources, with local and women's needs
bp-constituency = Its constituents
bp-constituency-on_the_ground = A constituency on the ground
bp-constituency-feedback = Ways to hear from communities, marginalised groups included
bp-constituency-mobilise = The capacity to mobilise and influence opinion
bp-constituency-diverse = Diverse representation of women, youth, minorities or regions
registry-none-claimed = None claimed.
registry-endorsements = { $count ->
    [0] Endorsements
    [one] Endorsed by one organisation
   *[other] Endorsed by { $count } organisations
}
registry-endorsed-by = Endorsed by { $org } on { $on }
endorsement-withdraw = Withdraw the endorsement
registry-no-endorsements = No organisation endorses it yet.
registry-endorse-h = Endorse this organisation
registry-endorse-note = Why your organisation vouches for it (optional)
registry-endorse-hint = Shown with your organisation's name to everyone who sees both profiles.
registry-endorse = Endorse in my organisation's name
profile-title = Your organisation's profile
profile-intro = What others see in the registry and on the capacity map. Choose who sees it first: an organisation under threat can stay hidden.
registry-mission = Mission
registry-constituencies-hint = In your own words, separated by commas: young women, displaced families.
registry-contact-hint = A phone number, e-mail or address the public may use. Leave empty for none.
profile-save = Save the profile
capacity-title = Who does what where
capacity-intro = The organisations listed, the joint activities each takes part in and where, from their profiles, the forums they sit in, the trainings they gave and the programmes funded to them. An organisation working in a region works in each of its districts.
capacity-gaps = Gaps
capacity-no-women = Districts with no women-led organisation
capacity-no-youth = Districts with no youth-led organisation
capacity-nobody = Joint activities no organisation does
capacity-covered = None: every district has one.
capacity-all-done = None: someone does each of them.
capacity-gaps-hint = Counted over the organisations listed for you, working now or within the last twelve months.
capacity-map-title = Organisations working in each district
capacity-legend-more = { $lo } or more organisations
capacity-legend-exact = { $n ->
    [0] No organisation
    [one] One organisation
   *[other] { $n } organisations
}
capacity-legend-range = { $lo } to { $hi } organisations
capacity-orgs = { $count ->
    [0] no organisation
    [one] one organisation
   *[other] { $count } organisations
}
capacity-no-map = The areas have no outlines to draw a map with.
capacity-matrix = By area
capacity-show = Show
capacity-no-one = No one
capacity-4w = Who, what, where, when
capacity-present = Works here
capacity-source-profile = profile
capacity-source-forum = forum
capacity-source-training = training given
capacity-source-programme = funded programme
capacity-ongoing = ongoing
capacity-ended = ended
funding-title = Funding register
funding-intro = Who funds what, for how long, and where. Grants of six months or less are flagged: work that needs years should not live on three-to-six-month cycles.
funding-count = { $count ->
    [one] One grant.
   *[other] { $count } grants.
}
funding-short-count = { $count ->
    [one] One runs six months or less.
   *[other] { $count } run six months or less.
}
funding-download = Download the register as an IATI activity file (XML)
funding-short = Six months or less
label-funder = Funder
label-recipient = Carried out by
label-band = Amount
band-under_10k = Under 10,000 US dollars
band-10k_50k = 10,000 to 50,000 US dollars
band-50k_250k = 50,000 to 250,000 US dollars
band-250k_1m = 250,000 to 1 million US dollars
band-over_1m = Over 1 million US dollars
band-not_given = Not given
funding-period = Period
funding-recorded-by = Recorded by
grant-remove = Remove the grant
funding-none = No grant is recorded yet.
funding-add-h = Record a grant
funding-recipient-hint = The organisation's name as it appears on Tandem links the grant to it.
label-start = Start
label-end = End
funding-end-hint = A grant of six months or less is flagged.
label-iati_id = IATI identifier (optional)
funding-iati-hint = If the funder publishes it to IATI, for example XM-DAC-41114-PROJECT-00012.
funding-add = Record the grant
funding-import-h = Import an IATI activity file
funding-import-hint = An XML file of IATI activities (standard 2.0x). Every activity becomes a grant, or none does: an error names the line. An activity imported before is replaced.
funding-import = Import the file
profile-saved = The profile is saved.
endorsed = Your organisation now endorses it.
endorsement-withdrawn = The endorsement is withdrawn.
grant-recorded = The grant is recorded.
grant-removed = The grant is removed.
grants-imported = The IATI file is imported.
endorsement-withdraw-question = Withdraw your endorsement of { $name }?
endorsement-withdraw-explain = It no longer appears on their profile. You can endorse them again later.
grant-remove-question = Remove the grant "{ $title }"?
grant-remove-explain = It leaves the register and the capacity map. This cannot be undone.
label-visibility = Who sees this profile
label-mission = Mission
label-activities = Joint activities
label-constituencies = Whom it serves
label-values = Core values
label-competencies = Competencies
label-constituency = Its constituents
label-note = Note
capacity-area = Area
capacity-choose-area = Choose an area
capacity-nobody-here = No listed organisation works here.
capacity-districts = Every district
capacity-missing = { $count ->
    [one] one activity nobody does
   *[other] { $count } activities nobody does
}
capacity-none-missing = every activity done
problem-in-iati = Line { $line } of the file: { $fault }. Nothing was imported.
iati-fault-not-xml = it is not well-formed XML
iati-fault-not-activities = it is not an IATI activity file (it must begin with iati-activities)
iati-fault-none = the file holds no activity
iati-fault-too-many = the file holds more than { $max } activities
iati-fault-field = activity { $activity }: "{ $field }" is missing or not valid
iati-fault-repeated = activity { $activity } repeats an identifier given earlier in the file
alerts-source-label = Which alerts
alerts-source-reports = From your reports
alerts-source-event-data = From imported event data
alerts-source-event-data-hint = These alerts were raised by event files you imported (such as ACLED or UCDP) alone: none of your own reports is among those counted. Alerts your reports raised are under “{ alerts-source-reports }”.
dashboard-event-data-alerts = Event files you imported raised alerts of their own, not on this map:
