//! The controlled vocabularies of the format: kinds of actor, event, relation
//! and source, participant roles, qualifiers.
//!
//! Each is written in a dataset as a snake_case string. An unknown string is
//! an error that suggests the nearest valid one. The vocabularies that a
//! newsroom may need to grow (actor, event, relation and source kinds,
//! participant roles, tally categories) also accept any string that starts
//! with `x-` ("x-militia"): an explicit extension, never a typo.
//!
//! Pure: no browser types here.

use crate::base::gather::Gather;
use crate::format::suggest::nearest;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// Why a vocabulary string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownTerm {
    pub what: &'static str,
    pub found: String,
    pub suggestion: Option<&'static str>,
    /// Every built-in term.
    pub names: &'static [&'static str],
    /// Whether the vocabulary takes `x-` terms of a dataset's own.
    pub open: bool,
}

impl fmt::Display for UnknownTerm {
    /// "unknown time of day "dusk"; the terms are morning, …": a closed
    /// vocabulary lists its terms, an open one (with no near term to
    /// suggest) says how to write a term of the dataset's own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // None chosen: the terms to choose from.
        if self.found.trim().is_empty() {
            write!(
                f,
                "no {} is given; the terms are {}",
                self.what,
                self.names.join(", ")
            )?;
            if self.open {
                write!(f, ", or one of the dataset's own written with an x- prefix")?;
            }
            return Ok(());
        }
        write!(f, "unknown {} \"{}\"", self.what, self.found)?;
        if let Some(s) = self.suggestion {
            write!(f, " (did you mean \"{s}\"?)")?;
        }
        if self.open && self.suggestion.is_none() {
            // "x-" alone, or an own term not written as one, gets an example.
            let found = self
                .found
                .strip_prefix(EXTENSION_PREFIX)
                .unwrap_or(&self.found);
            let own: String = found
                .to_ascii_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let own = own.trim_matches('-');
            let own = if own.is_empty() { "your-term" } else { own };
            write!(
                f,
                "; a term of the dataset's own is written with an x- prefix, as \"x-{own}\""
            )?;
        } else if !self.open && (self.suggestion.is_none() || self.names.len() <= 8) {
            write!(f, "; the terms are {}", self.names.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownTerm {}

/// The prefix that marks a dataset's own extension of an open vocabulary.
pub const EXTENSION_PREFIX: &str = "x-";

fn is_extension(s: &str) -> bool {
    s.len() > EXTENSION_PREFIX.len()
        && s.starts_with(EXTENSION_PREFIX)
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn unknown(
    what: &'static str,
    found: &str,
    names: &'static [&'static str],
    open: bool,
) -> UnknownTerm {
    UnknownTerm {
        what,
        found: found.chars().take(60).collect(),
        suggestion: nearest(found, names.iter().copied()),
        names,
        open,
    }
}

macro_rules! vocabulary {
    // The shared body: the variant list, names, labels and serde/schema glue.
    (@common $name:ident, $what:literal, $($variant:ident = $value:literal),+) => {
        impl $name {
            /// Every built-in term, in the order the format lists them.
            pub const NAMES: &'static [&'static str] = &[$($value),+];

            fn describe() -> String {
                format!("One of: {}.", Self::NAMES.join(", "))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = Cow::<str>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };

    // A closed vocabulary: only the listed terms.
    ($(#[$meta:meta])* closed $name:ident, $what:literal {
        $($(#[$vmeta:meta])* $variant:ident = $value:literal / $label:literal),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $value),+ }
            }

            /// As a reader reads it.
            pub fn label(&self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }

        impl $name {
            /// The term written `s`, without the suggestions of [`FromStr`]:
            /// what the reader needs, none of the checker's words.
            pub fn from_name(s: &str) -> Option<Self> {
                match s {
                    $($value => Some($name::$variant),)+
                    _ => None,
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownTerm;
            fn from_str(s: &str) -> Result<Self, UnknownTerm> {
                Self::from_name(s).ok_or_else(|| unknown($what, s, Self::NAMES, false))
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> { stringify!($name).into() }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "enum": Self::NAMES, "description": Self::describe() })
            }
        }

        vocabulary!(@common $name, $what, $($variant = $value),+);
    };

    // A label written out, or `None` for one made from the term.
    (@given) => { None };
    (@given $label:literal) => { Some($label) };
    (@capital) => { false };
    (@capital capitalised) => { true };

    // An open vocabulary: the listed terms, or an `x-` extension.
    // A term's label is written out after it (`/ "label"`), or is the term
    // in words ("member_of": "member of"), capitalised if the vocabulary
    // says so: no label written twice in the download.
    ($(#[$meta:meta])* open $name:ident, $what:literal $(, $case:ident)? {
        $($(#[$vmeta:meta])* $variant:ident = $value:literal $(/ $label:literal)?),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A dataset's own term, starting with `x-`.
            Custom(String),
        }

        impl $name {
            pub const BUILT_IN: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(&self) -> &str {
                match self { $($name::$variant => $value,)+ $name::Custom(s) => s }
            }

            /// As a reader reads it; an extension reads as its name without the
            /// prefix, with a capital where the vocabulary's own terms have one.
            pub fn label(&self) -> Cow<'static, str> {
                let given: Option<&'static str> = match self {
                    $($name::$variant => vocabulary!(@given $($label)?),)+
                    $name::Custom(_) => None,
                };
                match (given, self) {
                    (Some(label), _) => Cow::Borrowed(label),
                    (_, $name::Custom(s)) => Cow::Owned(in_words(s.strip_prefix(EXTENSION_PREFIX).unwrap_or(s), vocabulary!(@capital $($case)?))),
                    _ => Cow::Owned(in_words(self.as_str(), vocabulary!(@capital $($case)?))),
                }
            }
        }

        impl $name {
            /// The term written `s`, built in or the dataset's own, without
            /// the suggestions of [`FromStr`].
            pub fn from_name(s: &str) -> Option<Self> {
                match s {
                    $($value => Some($name::$variant),)+
                    _ if is_extension(s) => Some($name::Custom(s.to_owned())),
                    _ => None,
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownTerm;
            fn from_str(s: &str) -> Result<Self, UnknownTerm> {
                Self::from_name(s).ok_or_else(|| unknown($what, s, Self::NAMES, true))
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> { stringify!($name).into() }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({
                    "description": format!("{} Or a term of the dataset's own that starts with x-.", Self::describe()),
                    "anyOf": [
                        { "type": "string", "enum": Self::NAMES },
                        { "type": "string", "pattern": "^x-[a-z0-9_-]+$" }
                    ]
                })
            }
        }

        vocabulary!(@common $name, $what, $($variant = $value),+);
    };
}

/// A term in words: `-` and `_` as spaces, and the first letter a capital
/// if `capital`.
fn in_words(term: &str, capital: bool) -> String {
    let mut words = term.replace(['-', '_'], " ");
    if capital {
        if let Some(first) = words.get_mut(..1) {
            first.make_ascii_uppercase();
        }
    }
    words
}

vocabulary! {
    /// What an actor is.
    open ActorKind, "actor kind", capitalised {
        Person = "person",
        ArmedGroup = "armed_group",
        PoliticalMovement = "political_movement",
        State = "state",
        Military = "military",
        GovernmentBody = "government_body",
        Alliance = "alliance",
        MediaOutlet = "media_outlet",
        NewsAgency = "news_agency",
    }
}

vocabulary! {
    /// What kind of event. The first group are ACLED's sub-event types, so that
    /// an ACLED export maps onto them one to one; the last group is what news
    /// needs beyond conflict events.
    open EventKind, "event kind", capitalised {
        // ACLED: Battles
        ArmedClash = "armed_clash",
        GovernmentRegainsTerritory = "government_regains_territory",
        NonStateActorOvertakesTerritory = "non_state_actor_overtakes_territory" / "Non-state actor overtakes territory",
        // ACLED: Explosions/Remote violence
        ChemicalWeapon = "chemical_weapon",
        AirDroneStrike = "air_drone_strike" / "Air/drone strike",
        SuicideBomb = "suicide_bomb",
        ShellingArtilleryMissileAttack = "shelling_artillery_missile_attack" / "Shelling/artillery/missile attack",
        RemoteExplosive = "remote_explosive" / "Remote explosive/landmine/IED",
        Grenade = "grenade",
        // ACLED: Violence against civilians
        SexualViolence = "sexual_violence",
        Attack = "attack",
        Abduction = "abduction" / "Abduction/forced disappearance",
        // ACLED: Protests
        PeacefulProtest = "peaceful_protest",
        ProtestWithIntervention = "protest_with_intervention",
        ExcessiveForceAgainstProtesters = "excessive_force_against_protesters",
        // ACLED: Riots
        ViolentDemonstration = "violent_demonstration",
        MobViolence = "mob_violence",
        // ACLED: Strategic developments
        Agreement = "agreement",
        Arrests = "arrests",
        ChangeToGroupActivity = "change_to_group_activity" / "Change to group/activity",
        DisruptedWeaponsUse = "disrupted_weapons_use",
        HeadquartersOrBaseEstablished = "headquarters_or_base_established",
        LootingPropertyDestruction = "looting_property_destruction" / "Looting/property destruction",
        NonViolentTransferOfTerritory = "non_violent_transfer_of_territory" / "Non-violent transfer of territory",
        OtherStrategicDevelopment = "other_strategic_development",
        // News
        /// A strike whose weapon the text does not name (ACLED: Explosions/Remote violence).
        Strike = "strike",
        Meeting = "meeting",
        Statement = "statement",
        ClaimOfResponsibility = "claim_of_responsibility",
        CasualtyReport = "casualty_report",
    }
}

/// ACLED's six event types, the coarse grouping of [`EventKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventGroup {
    Battles,
    RemoteViolence,
    ViolenceAgainstCivilians,
    Protests,
    Riots,
    StrategicDevelopments,
    /// Meetings, statements, claims and casualty reports: not ACLED events.
    News,
}

impl EventGroup {
    /// ACLED's own name for the type; `None` for news-only kinds.
    pub fn acled_name(&self) -> Option<&'static str> {
        Some(match self {
            EventGroup::Battles => "Battles",
            EventGroup::RemoteViolence => "Explosions/Remote violence",
            EventGroup::ViolenceAgainstCivilians => "Violence against civilians",
            EventGroup::Protests => "Protests",
            EventGroup::Riots => "Riots",
            EventGroup::StrategicDevelopments => "Strategic developments",
            EventGroup::News => return None,
        })
    }

    pub fn label(&self) -> &'static str {
        self.acled_name().unwrap_or("News")
    }
}

impl EventKind {
    /// The ACLED event type this kind belongs to.
    pub fn group(&self) -> EventGroup {
        use EventKind::*;
        match self {
            ArmedClash | GovernmentRegainsTerritory | NonStateActorOvertakesTerritory => {
                EventGroup::Battles
            }
            ChemicalWeapon
            | AirDroneStrike
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | RemoteExplosive
            | Grenade
            | Strike => EventGroup::RemoteViolence,
            SexualViolence | Attack | Abduction => EventGroup::ViolenceAgainstCivilians,
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                EventGroup::Protests
            }
            ViolentDemonstration | MobViolence => EventGroup::Riots,
            Agreement
            | Arrests
            | ChangeToGroupActivity
            | DisruptedWeaponsUse
            | HeadquartersOrBaseEstablished
            | LootingPropertyDestruction
            | NonViolentTransferOfTerritory
            | OtherStrategicDevelopment => EventGroup::StrategicDevelopments,
            Meeting | Statement | ClaimOfResponsibility | CasualtyReport | Custom(_) => {
                EventGroup::News
            }
        }
    }

    /// The kind for an ACLED sub_event_type, matched without regard to case
    /// or spacing: `from_acled("Air/drone strike") == Some(AirDroneStrike)`.
    pub fn from_acled(sub_event_type: &str) -> Option<EventKind> {
        let key: String = sub_event_type
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
            .collect();
        let key = key.split('_').filter(|p| !p.is_empty()).gather();
        let key = key.join("_");
        let direct = match key.as_str() {
            "remote_explosive_landmine_ied" => "remote_explosive",
            "abduction_forced_disappearance" => "abduction",
            "other" => "other_strategic_development",
            k => k,
        };
        direct
            .parse()
            .ok()
            .filter(|k| !matches!(k, EventKind::Custom(_)))
    }
}

vocabulary! {
    /// What an actor does in an event.
    open ParticipantRole, "participant role" {
        Host = "host",
        Attendee = "attendee",
        Initiator = "initiator",
        Target = "target",
        Victim = "victim",
        Reporter = "reporter",
        Claimant = "claimant",
        Supporter = "supporter",
        Subject = "subject",
    }
}

vocabulary! {
    /// What a relation between two actors is. Read `from <kind> to`:
    /// "nasrallah leads hezbollah". Its label is the words a sentence
    /// puts between the two names ("Hamas is a member of the axis").
    open RelationKind, "relation kind" {
        Leads = "leads",
        MemberOf = "member_of" / "is a member of",
        PartOf = "part_of" / "is part of",
        DeputyOf = "deputy_of" / "is deputy of",
        SpokespersonFor = "spokesperson_for" / "is spokesperson for",
        AlliedWith = "allied_with" / "is allied with",
        AffiliatedOutlet = "affiliated_outlet" / "is an outlet affiliated with",
        MetWith = "met_with",
        Attacked = "attacked",
        Killed = "killed",
        /// Fought each other, neither named the attacker: the two sides of
        /// a battle.
        Fought = "fought",
    }
}

/// How a relation is drawn and grouped in the network.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RelationFamily {
    /// Leadership, membership, office: lines of organisation.
    Structure,
    Alliance,
    Meeting,
    Hostility,
    /// A kind a newsroom added (`x-fights`): its meaning is its own words,
    /// so it takes no stated kind's look.
    Other,
}

impl RelationKind {
    pub fn family(&self) -> RelationFamily {
        use RelationKind::*;
        match self {
            Leads | MemberOf | PartOf | DeputyOf | SpokespersonFor | AffiliatedOutlet => {
                RelationFamily::Structure
            }
            AlliedWith => RelationFamily::Alliance,
            MetWith => RelationFamily::Meeting,
            Attacked | Killed | Fought => RelationFamily::Hostility,
            Custom(_) => RelationFamily::Other,
        }
    }

    /// Whether `from → to` reads differently from `to → from`. An added
    /// kind's direction is not known, so it is drawn without one.
    pub fn is_directed(&self) -> bool {
        !matches!(
            self,
            RelationKind::AlliedWith
                | RelationKind::MetWith
                | RelationKind::Fought
                | RelationKind::Custom(_)
        )
    }
}

vocabulary! {
    /// What kind of source a provenance entry cites.
    open SourceKind, "source kind" {
        /// The article's own reporting.
        Article = "article" / "the article",
        MediaReport = "media_report",
        OfficialStatement = "official_statement",
        GroupStatement = "group_statement",
        Tally = "tally",
        /// Someone who saw it, named by the article.
        Witness = "witness",
        /// A witness the article does not name ("a resident who asked not
        /// to be named").
        AnonymousWitness = "anonymous_witness" / "witness, not named",
    }
}

vocabulary! {
    /// Whose dead a tally counts.
    open TallyCategory, "tally category" {
        Fighters = "fighters",
        Soldiers = "soldiers",
        Civilians = "civilians",
        Journalists = "journalists",
        Children = "children",
        Unknown = "unknown" / "people (unspecified)",
    }
}

vocabulary! {
    /// What happened to the people a tally counts.
    closed Outcome, "outcome" {
        Killed = "killed" / "killed",
        Wounded = "wounded" / "wounded",
        Missing = "missing" / "missing",
        Displaced = "displaced" / "displaced",
        Detained = "detained" / "detained",
    }
}

impl Default for Outcome {
    /// A tally that does not say counts the dead, as every `dossier/1`
    /// tally before outcomes did.
    fn default() -> Self {
        Outcome::Killed
    }
}

impl Outcome {
    pub fn is_killed(&self) -> bool {
        *self == Outcome::Killed
    }

    /// The word a figure's line adds for it: none for the dead, whom a
    /// figure counts unless it says otherwise; "wounded" for the wounded.
    pub fn unless_killed(&self) -> Option<&'static str> {
        (!self.is_killed()).then(|| self.label())
    }

    /// The people it counts, as "the same …" says them: "dead", "wounded".
    pub fn people(&self) -> &'static str {
        match self {
            Outcome::Killed => "dead",
            other => other.label(),
        }
    }
}

vocabulary! {
    /// The qualifier a text puts on a number.
    closed CountQualifier, "count qualifier" {
        Exact = "exact" / "",
        AtLeast = "at_least" / "at least",
        MoreThan = "more_than" / "more than",
        Approximately = "approximately" / "about",
        UpTo = "up_to" / "up to",
        Several = "several" / "several",
        Dozens = "dozens" / "dozens",
        Hundreds = "hundreds" / "hundreds",
        Scores = "scores" / "scores",
        Thousands = "thousands" / "thousands",
    }
}

impl RelationKind {
    /// Whether a tie of this kind may end at people who are no party to
    /// the story: one side attacked or killed them.
    pub fn takes_victims(&self) -> bool {
        matches!(self, RelationKind::Attacked | RelationKind::Killed)
    }
}

impl CountQualifier {
    /// Whether the qualifier comes with a number ("more than 60") or stands
    /// alone ("dozens").
    pub fn takes_value(&self) -> bool {
        self.magnitude().is_none()
    }

    /// What a count in words can mean, at the least and at the most, for
    /// the words that stand for a number the text does not give: "several"
    /// is 3 to 9, "dozens" two dozen to 99, "scores" two score to 199,
    /// "hundreds" 200 to 999, "thousands" 2,000 to 9,999. The chart draws
    /// such a count as this band, and says so; no one number is made up.
    pub fn magnitude(&self) -> Option<(u64, u64)> {
        match self {
            CountQualifier::Several => Some((3, 9)),
            CountQualifier::Dozens => Some((24, 99)),
            CountQualifier::Scores => Some((40, 199)),
            CountQualifier::Hundreds => Some((200, 999)),
            CountQualifier::Thousands => Some((2_000, 9_999)),
            _ => None,
        }
    }

    /// Whether the number is a floor: the true figure may be higher.
    pub fn is_lower_bound(&self) -> bool {
        matches!(self, CountQualifier::AtLeast | CountQualifier::MoreThan)
    }
}

vocabulary! {
    /// How settled an event is.
    closed StatusState, "status" {
        /// Stated as fact by the article or its source.
        Reported = "reported" / "Reported",
        /// Responsibility claimed by a party, typically the one that did it.
        Claimed = "claimed" / "Claimed",
        /// Said by a source or party, and not independently verified
        /// ("according to local activists"; "if confirmed").
        Alleged = "alleged" / "Alleged",
        /// Acknowledged by a party other than the one that claimed it.
        Confirmed = "confirmed" / "Confirmed",
        Disputed = "disputed" / "Disputed",
    }
}

vocabulary! {
    /// The part of the day the text gives ("last night").
    closed TimeOfDay, "time of day" {
        Morning = "morning" / "morning",
        Afternoon = "afternoon" / "afternoon",
        Evening = "evening" / "evening",
        Night = "night" / "night",
    }
}

vocabulary! {
    /// How closely coordinates pin a place: ACLED's geo_precision 1, 2 and 3.
    closed GeoPrecision, "geo precision" {
        /// The named town or site itself (ACLED 1).
        Exact = "exact" / "exact",
        /// Near or in a part of the named area (ACLED 2).
        Near = "near" / "near",
        /// Only the wider region is known (ACLED 3).
        Region = "region" / "region",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_nearest_term() {
        let err = "armed-grup".parse::<ActorKind>().unwrap_err();
        assert_eq!(err.suggestion, Some("armed_group"));
        assert_eq!(
            err.to_string(),
            "unknown actor kind \"armed-grup\" (did you mean \"armed_group\"?)"
        );
    }

    #[test]
    fn an_empty_term_or_a_bare_prefix_is_said_plainly() {
        let empty = "".parse::<SourceKind>().unwrap_err().to_string();
        assert!(
            empty.starts_with("no source kind is given; the terms are article, "),
            "{empty}"
        );
        assert!(
            empty.ends_with("or one of the dataset's own written with an x- prefix"),
            "{empty}"
        );
        let bare = "x-".parse::<ActorKind>().unwrap_err().to_string();
        assert!(bare.ends_with("as \"x-your-term\""), "{bare}");
    }

    #[test]
    fn open_vocabularies_take_extensions() {
        let k: ActorKind = "x-militia".parse().unwrap();
        assert_eq!(k, ActorKind::Custom("x-militia".into()));
        // Capitalised, as the actor kinds built in are.
        assert_eq!(k.label(), "Militia");
        let r: RelationKind = "x-funds".parse().unwrap();
        assert_eq!(r.label(), "funds");
        assert!("x-".parse::<ActorKind>().is_err());
        assert!("x-militia".parse::<CountQualifier>().is_err());
    }

    #[test]
    fn acled_sub_event_types_map_onto_kinds() {
        assert_eq!(
            EventKind::from_acled("Air/drone strike"),
            Some(EventKind::AirDroneStrike)
        );
        assert_eq!(
            EventKind::from_acled("Shelling/artillery/missile attack"),
            Some(EventKind::ShellingArtilleryMissileAttack)
        );
        assert_eq!(
            EventKind::from_acled("Remote explosive/landmine/IED"),
            Some(EventKind::RemoteExplosive)
        );
        assert_eq!(
            EventKind::from_acled("Other"),
            Some(EventKind::OtherStrategicDevelopment)
        );
        assert_eq!(EventKind::from_acled("Picnic"), None);
    }

    #[test]
    fn names_round_trip() {
        for k in EventKind::BUILT_IN {
            assert_eq!(k.as_str().parse::<EventKind>().as_ref(), Ok(k));
        }
        for q in CountQualifier::ALL {
            assert_eq!(q.as_str().parse::<CountQualifier>(), Ok(*q));
        }
    }
}
