//! Tandem's domain: the types and rules every other crate shares. No I/O lives here, so every
//! rule can be unit-tested directly.
#![forbid(unsafe_code)]

/// Declares a closed list of words kept as `snake_case` text (each variant's name in snake case,
/// which must be the text given: a word that is no identifier, such as `18_24`, is written out by
/// hand), with the field name its refusals carry.
macro_rules! word_list {
    ($(#[$m:meta])* $name:ident, $field:literal, $what:literal, { $($v:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name { $($v),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
        }

        impl FromStr for $name {
            type Err = InvalidInput;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s.trim())
                    .ok_or_else(|| InvalidInput::new($field, $what).because(Problem::Unknown))
            }
        }
    };
}
pub(crate) use word_list;

pub mod access;
pub mod alert_engine;
pub mod area;
pub mod area_match;
pub mod audit;
pub mod directory;
pub mod disclosure;
pub mod ears;
pub mod episodes;
pub mod evidence;
pub mod forum;
pub mod funding;
pub mod geo;
pub mod ids;
pub mod index;
pub mod joint;
pub mod knowledge;
pub mod letter;
pub mod member;
pub mod org;
pub mod ownership;
pub mod protocol;
pub mod questionnaire;
pub mod referral_times;
pub mod registry;
pub mod report;
pub mod retention;
pub mod scorecard;
pub mod scrub;
pub mod seal;
pub mod sharing;
pub mod sms;
pub mod survey;
pub mod text;
pub mod throttle;
pub mod training;
pub mod violation;
pub mod violation_signal;
pub mod violation_stats;
pub mod week;
pub mod wheel;

pub use ids::{OrgId, UserId};
pub use member::{Email, Role};
pub use org::{OrgKind, OrgName};

/// A value that failed the rules of its type. `field` names the input at fault so that the web
/// layer can put the message beside the right form field and the CLI can name the flag;
/// `message` is the English text (the API's and the CLI's), and `problem` what pages translate.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct InvalidInput {
    pub field: &'static str,
    pub message: String,
    pub problem: Problem,
}

/// What was wrong, in a form every language can say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    ControlCharacters,
    InFuture,
    InPast,
    TooEarly {
        year: i32,
    },
    /// A whole number from `min` to `max` was wanted.
    Range {
        min: i64,
        max: i64,
    },
    /// Not one of the choices offered (an unknown area or category).
    Unknown,
    NotEmail,
    /// Only plain Latin letters, digits and . _ % + - are accepted in an address.
    EmailScript,
    /// An end that is not after its start.
    EndBeforeStart,
    /// Nothing was chosen where at least one choice is needed.
    NoneChosen,
    /// A date further ahead than `months` from the one it follows.
    TooFarAhead {
        months: u32,
    },
    /// Not the address of a record's page on Tandem.
    NotALink,
    /// A record the caller's organisation cannot open.
    CannotOpen,
    /// An answer no response gave.
    NoSuchAnswer,
    /// Not a number (or not one of 0 or more).
    NotANumber,
    /// A percentage above 100.
    Percent,
    /// A line of an imported file (1 is the header row) and what is wrong there.
    InFile {
        line: u64,
        fault: crate::survey::FileFault,
    },
    /// A line of a questionnaire (0 for the whole of it) and what is wrong there.
    InLine {
        line: u64,
        fault: crate::questionnaire::LineFault,
    },
    /// A line of an IATI activity file and what is wrong there.
    InIati {
        line: u64,
        fault: crate::funding::IatiFault,
    },
    /// Anything else: pages show the English message in English and a general one otherwise.
    Other,
}

impl InvalidInput {
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self { field, message: message.into(), problem: Problem::Other }
    }

    /// The same refusal, saying what was wrong in a form pages translate.
    pub fn because(mut self, problem: Problem) -> Self {
        self.problem = problem;
        self
    }
}
