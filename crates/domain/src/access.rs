//! The one place that decides whether a caller may do something. The web layer builds an
//! [`Actor`] from the signed-in session and asks [`Actor::may`]; storage queries are additionally
//! scoped by the actor's organisation, so a record of another organisation is never even found.
use crate::{OrgId, Role, UserId};

/// Who is acting: a member of one organisation (sessions are bound to one), with their role there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: UserId,
    pub org_id: OrgId,
    pub role: Role,
    pub platform_admin: bool,
}

/// Everything a caller can ask to do. Later capabilities add their actions here, so that the
/// authorisation matrix stays in one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Read one's own account, organisation and role.
    ViewSelf,
    /// Read the directory of organisations (names, kinds, leadership flags: public information).
    ViewOrgDirectory,
    /// Create an organisation on the platform.
    CreateOrg,
    /// See who belongs to one's own organisation.
    ViewMembers,
    /// Add, re-role or remove members of one's own organisation.
    ManageMembers,
    /// Read one's own organisation's audit trail.
    ViewOrgAudit,
    /// Add areas to the platform's hierarchy.
    ManageAreas,
    /// Read the areas and categories (configuration every member works with).
    ViewConfig,
    /// File a report for one's organisation (web form, hotline, API).
    FileReport,
    /// Read one's organisation's reports and alerts.
    ViewReports,
    /// Verify, dismiss or close a report; assign an alert; re-run the alert engine.
    TriageReports,
    /// Record a response to one of one's organisation's alerts, or to an alert another
    /// organisation assigned to one's own under a sharing agreement.
    RespondToAlert,
    /// See the sharing agreements one's organisation is a party to, and what partners share
    /// with it under them (aggregates, de-identified records, assigned alerts).
    ViewSharing,
    /// Create and revoke one's organisation's sharing agreements; assign alerts to partners.
    ManageSharing,
    /// Read the contact a reporter left, or open a file that came with a report (a photo can
    /// identify as surely as a phone number); each reading is audited.
    ReadContact,
    /// Give field teams their ODK Collect access (app users) and revoke it.
    ManageFieldTeams,
    /// Erase a report at the reporter's request, and keep the protected-names list.
    EraseReport,
    /// Set how long one's organisation keeps reporter contacts and dismissed reports.
    ManageRetention,
    /// Export all of one's organisation's own data.
    ExportOrgData,
    /// Document a human-rights violation for one's organisation, and read its violations.
    DocumentViolation,
    /// The second key: verify a violation someone else documented.
    VerifyViolation,
    /// Open what a violation seals (victims' names, the source's identity) and its evidence
    /// files; each opening is audited. Any member may add evidence when documenting.
    OpenViolationSecrets,
    /// See the violations referred to one's organisation (an institution on Tandem) and answer.
    AnswerReferral,
    /// Record that the organisation reviewed its protection protocol, and when it will next.
    ReviewProtocol,
    /// Read the forums one's organisation is a member of: meetings, commitments, keeping.
    ViewForums,
    /// Convene a forum, record its meetings and commitments, move one's organisation's
    /// commitments on and confirm other members'.
    ManageForums,
    /// Read the organisation's perception surveys, their estimates and its unit scorecards.
    ViewMonitoring,
    /// Create surveys and import their responses; keep scorecards, their indicators and
    /// measurements; publish a scorecard.
    ManageMonitoring,
    /// Add a case study to the knowledge bank in the organisation's name (it is public).
    WriteKnowledge,
    /// Issue (and revoke) a letter of recognition or invitation in the organisation's name.
    IssueLetters,
    /// List (and remove) a service in the referral directory in the organisation's name.
    ListServices,
    /// Keep the organisation's registry profile and self-assessment, endorse (and stop
    /// endorsing) other organisations, and record its grants in the funding register.
    ManageRegistry,
}

/// What to tell a caller who may not act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Denied {
    /// The caller is known but lacks the role (403).
    Forbidden,
}

impl Actor {
    pub fn may(&self, action: Action) -> Result<(), Denied> {
        let ok = match action {
            Action::ViewSelf | Action::ViewOrgDirectory | Action::ViewConfig => true,
            Action::FileReport | Action::ViewReports | Action::RespondToAlert => true,
            Action::ViewSharing | Action::DocumentViolation | Action::ViewForums => true,
            // Speaking for the organisation in a forum is a coordinator's part.
            Action::ManageForums => self.role.at_least(Role::Coordinator),
            Action::ViewMonitoring => true,
            // What the organisation says about a unit in public is a coordinator's call.
            Action::ManageMonitoring => self.role.at_least(Role::Coordinator),
            // What the organisation publishes under its name is a coordinator's call.
            Action::WriteKnowledge | Action::IssueLetters | Action::ListServices | Action::ManageRegistry => {
                self.role.at_least(Role::Coordinator)
            }
            Action::VerifyViolation | Action::OpenViolationSecrets | Action::AnswerReferral => {
                self.role.at_least(Role::Coordinator)
            }
            // Who may see a reporter's contact or let data leave the organisation: the
            // coordinators who answer for it, never every member.
            Action::ManageSharing | Action::ReadContact | Action::EraseReport => {
                self.role.at_least(Role::Coordinator)
            }
            Action::ManageRetention | Action::ExportOrgData | Action::ReviewProtocol => {
                self.role.at_least(Role::Admin)
            }
            Action::CreateOrg | Action::ManageAreas => self.platform_admin,
            Action::TriageReports | Action::ManageFieldTeams => self.role.at_least(Role::Coordinator),
            Action::ViewMembers => self.role.at_least(Role::Coordinator),
            Action::ManageMembers | Action::ViewOrgAudit => self.role.at_least(Role::Admin),
        };
        if ok {
            Ok(())
        } else {
            Err(Denied::Forbidden)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, platform_admin: bool) -> Actor {
        Actor { user_id: UserId::new(), org_id: OrgId::new(), role, platform_admin }
    }

    #[test]
    fn matrix() {
        use Action::*;
        // (action, member, coordinator, admin, platform admin with member role)
        let table = [
            (ViewSelf, true, true, true, true),
            (ViewOrgDirectory, true, true, true, true),
            (CreateOrg, false, false, false, true),
            (ViewMembers, false, true, true, false),
            (ManageMembers, false, false, true, false),
            (ViewOrgAudit, false, false, true, false),
            (ManageAreas, false, false, false, true),
            (ViewConfig, true, true, true, true),
            (FileReport, true, true, true, true),
            (ViewReports, true, true, true, true),
            (TriageReports, false, true, true, false),
            (RespondToAlert, true, true, true, true),
            (ViewSharing, true, true, true, true),
            (ManageSharing, false, true, true, false),
            (ReadContact, false, true, true, false),
            (ManageFieldTeams, false, true, true, false),
            (EraseReport, false, true, true, false),
            (ManageRetention, false, false, true, false),
            (ExportOrgData, false, false, true, false),
            (DocumentViolation, true, true, true, true),
            (VerifyViolation, false, true, true, false),
            (OpenViolationSecrets, false, true, true, false),
            (AnswerReferral, false, true, true, false),
            (ReviewProtocol, false, false, true, false),
            (ViewForums, true, true, true, true),
            (ManageForums, false, true, true, false),
            (ViewMonitoring, true, true, true, true),
            (ManageMonitoring, false, true, true, false),
            (WriteKnowledge, false, true, true, false),
            (IssueLetters, false, true, true, false),
            (ListServices, false, true, true, false),
            (ManageRegistry, false, true, true, false),
        ];
        for (action, m, c, a, p) in table {
            assert_eq!(actor(Role::Member, false).may(action).is_ok(), m, "{action:?} member");
            assert_eq!(actor(Role::Coordinator, false).may(action).is_ok(), c, "{action:?} coordinator");
            assert_eq!(actor(Role::Admin, false).may(action).is_ok(), a, "{action:?} admin");
            assert_eq!(actor(Role::Member, true).may(action).is_ok(), p, "{action:?} platform admin");
        }
    }
}
