//! Members and their roles within one organisation, and the e-mail addresses they sign in with.
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

use crate::{InvalidInput, Problem};

/// A member's role in one organisation. Ordered: each role may do what the ones below it may.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Member,
    Coordinator,
    Admin,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Member, Role::Coordinator, Role::Admin];
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Member => "member",
            Role::Coordinator => "coordinator",
            Role::Admin => "admin",
        }
    }
    /// Whether someone with this role may act where `needed` is required.
    pub fn at_least(self, needed: Role) -> bool {
        self >= needed
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = InvalidInput;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| InvalidInput::new("role", "must be one of member, coordinator, admin"))
    }
}

/// A sign-in address, stored lower-cased so that look-ups do not depend on how it was typed, and
/// in plain ASCII after NFKC: fullwidth letters read as the plain ones, and an address with a
/// Cyrillic "а", a dotless "ı" or an invisible character is refused, because it would look like
/// someone else's on every page that names a member or an invitation (found by an attack, issue
/// 12). Internationalised addresses are left out until mail delivery needs them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    pub const MAX: usize = 254;
    pub fn parse(raw: &str) -> Result<Self, InvalidInput> {
        use unicode_normalization::UnicodeNormalization;
        let s: String = raw.trim().nfkc().collect::<String>().to_lowercase();
        let bad = || InvalidInput::new("email", "is not a valid e-mail address").because(Problem::NotEmail);
        if s.is_empty() {
            return Err(InvalidInput::new("email", "is required").because(Problem::Required));
        }
        if !s.is_ascii() {
            return Err(InvalidInput::new(
                "email",
                "may use only Latin letters without accents, digits and . _ % + - (no other scripts or hidden characters)",
            )
            .because(Problem::EmailScript));
        }
        if s.len() > Self::MAX {
            return Err(InvalidInput::new("email", "must be at most 254 characters")
                .because(Problem::TooLong { max: 254 }));
        }
        let (local, domain) = s.split_once('@').ok_or_else(bad)?;
        let ok_chars = |p: &str| {
            p.chars().all(|c| !c.is_whitespace() && !c.is_control() && c != '@' && c != '<' && c != '>')
        };
        if local.is_empty()
            || domain.len() < 3
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
            || domain.contains("..")
            || !ok_chars(local)
            || !ok_chars(domain)
        {
            return Err(bad());
        }
        Ok(Self(s))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Rules for a new password: long enough to resist guessing, short enough that hashing it is not
/// a denial-of-service lever.
pub fn check_new_password(pw: &str) -> Result<(), InvalidInput> {
    let n = pw.chars().count();
    if n < 10 {
        return Err(InvalidInput::new("password", "must be at least 10 characters")
            .because(Problem::TooShort { min: 10 }));
    }
    if pw.len() > 1024 {
        return Err(InvalidInput::new("password", "must be at most 1024 bytes"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_ordered() {
        assert!(Role::Admin.at_least(Role::Coordinator));
        assert!(Role::Coordinator.at_least(Role::Member));
        assert!(!Role::Member.at_least(Role::Coordinator));
        assert!("owner".parse::<Role>().is_err());
        assert_eq!("coordinator".parse::<Role>().unwrap(), Role::Coordinator);
    }

    #[test]
    fn emails() {
        assert_eq!(Email::parse(" Amina@Example.ORG ").unwrap().as_str(), "amina@example.org");
        for bad in ["", "amina", "@x.org", "a@b", "a@.org", "a@org.", "a b@x.org", "a@x..org"] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Email::parse(&format!("{}@x.org", "a".repeat(260))).is_err());
        // Look-alikes of another address are refused; fullwidth forms are the plain address.
        for look_alike in ["\u{430}mina@x.org", "admın@x.org", "amina\u{200B}@x.org", "amina@x\u{202E}.org"]
        {
            let e = Email::parse(look_alike).unwrap_err();
            assert!(e.message.contains("Latin letters"), "{look_alike:?}: {}", e.message);
        }
        assert_eq!(Email::parse("ａｍｉｎａ@x.org").unwrap().as_str(), "amina@x.org");
    }

    #[test]
    fn passwords() {
        assert!(check_new_password("short").is_err());
        assert!(check_new_password("long enough passphrase").is_ok());
        assert!(check_new_password(&"x".repeat(2000)).is_err());
    }
}
