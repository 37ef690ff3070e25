//! ACLED's codebook, read as it defines itself: the actor types (the
//! `inter1` and `inter2` codes), the `interaction` of an event's two sides,
//! and what an event's type says about who did what to whom.
//!
//! What the codebook says, and what follows here:
//! - The order of `actor1` and `actor2` carries no meaning in general: a
//!   battle's two sides fought each other, and neither is named the
//!   attacker. Their tie has no direction.
//! - Violence against civilians is the exception: its victims are always
//!   coded as `actor2`. Civilians (inter code 7) are by definition unarmed
//!   and never the party acting, so in any violent event the side that is
//!   civilians is the side attacked; in excessive force against protesters,
//!   the protesters are.
//! - `interaction` combines the two sides' inter codes, the lower first
//!   ("17": state forces and civilians; "10": state forces alone). Newer
//!   exports write the same in words ("State forces-Civilians").
//! - Fatalities are the deaths in an event on every side: never one party's
//!   dead, except where the victims are fixed as above.
//!
//! Pure: no browser types here.

use crate::format::vocab::RelationKind;

/// An actor's type: ACLED's inter code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Inter {
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    External = 8,
}

impl Inter {
    const ALL: [Inter; 8] = [
        Inter::StateForces,
        Inter::RebelGroup,
        Inter::PoliticalMilitia,
        Inter::IdentityMilitia,
        Inter::Rioters,
        Inter::Protesters,
        Inter::Civilians,
        Inter::External,
    ];

    fn from_code(code: u8) -> Option<Inter> {
        Inter::ALL.into_iter().find(|i| *i as u8 == code)
    }

    /// A code as an export writes it: a digit in older files ("7"), words
    /// in newer ones ("Civilians", "State forces", "External/Other forces").
    ///
    /// ```
    /// use dossier::import::acled::codebook::Inter;
    /// assert_eq!(Inter::parse("7"), Some(Inter::Civilians));
    /// assert_eq!(Inter::parse(" state Forces "), Some(Inter::StateForces));
    /// assert_eq!(Inter::parse("Political militia"), Some(Inter::PoliticalMilitia));
    /// assert_eq!(Inter::parse("External/Other forces"), Some(Inter::External));
    /// assert_eq!(Inter::parse("0"), None);
    /// assert_eq!(Inter::parse(""), None);
    /// ```
    pub fn parse(s: &str) -> Option<Inter> {
        let s = s.trim().to_ascii_lowercase();
        if let Ok(code) = s.parse::<u8>() {
            return Inter::from_code(code);
        }
        let words: &[(&str, Inter)] = &[
            ("state force", Inter::StateForces),
            ("rebel", Inter::RebelGroup),
            ("political militia", Inter::PoliticalMilitia),
            ("identity militia", Inter::IdentityMilitia),
            ("rioter", Inter::Rioters),
            ("protester", Inter::Protesters),
            ("civilian", Inter::Civilians),
            ("external", Inter::External),
            ("other force", Inter::External),
        ];
        words
            .iter()
            .find(|(w, _)| s.starts_with(w))
            .map(|&(_, i)| i)
    }
}

/// The `interaction` column: the two sides' types, or one type and `None`
/// for an event with one side ("10", "Sole state forces action").
///
/// ```
/// use dossier::import::acled::codebook::{interaction, Inter};
/// assert_eq!(interaction("17"), Some((Inter::StateForces, Some(Inter::Civilians))));
/// assert_eq!(interaction("60"), Some((Inter::Protesters, None)));
/// assert_eq!(interaction("State forces-Civilians"), Some((Inter::StateForces, Some(Inter::Civilians))));
/// assert_eq!(interaction("Sole protester action"), Some((Inter::Protesters, None)));
/// assert_eq!(interaction("Protesters only"), Some((Inter::Protesters, None)));
/// assert_eq!(interaction("99"), None);
/// ```
pub fn interaction(s: &str) -> Option<(Inter, Option<Inter>)> {
    let s = s.trim();
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()) {
        let b = s.as_bytes();
        let first = Inter::from_code(b[0] - b'0')?;
        return match b[1] - b'0' {
            0 => Some((first, None)),
            code => Some((first, Some(Inter::from_code(code)?))),
        };
    }
    let lower = s.to_ascii_lowercase();
    let lower = lower.strip_prefix("sole ").unwrap_or(&lower);
    match lower.split_once('-') {
        Some((a, b)) => Some((Inter::parse(a)?, Some(Inter::parse(b)?))),
        None => Some((Inter::parse(lower)?, None)),
    }
}

/// The second side's type when the file has no `inter2` column but an
/// `interaction`: the code of the pair that is not the first side's.
///
/// ```
/// use dossier::import::acled::codebook::{other_side, Inter};
/// assert_eq!(other_side(Some(Inter::Civilians), "17"), Some(Inter::StateForces));
/// assert_eq!(other_side(Some(Inter::StateForces), "17"), Some(Inter::Civilians));
/// assert_eq!(other_side(Some(Inter::StateForces), "11"), Some(Inter::StateForces));
/// assert_eq!(other_side(Some(Inter::StateForces), "10"), None);
/// assert_eq!(other_side(None, "17"), None);
/// ```
pub fn other_side(first: Option<Inter>, interaction_cell: &str) -> Option<Inter> {
    let (a, b) = interaction(interaction_cell)?;
    let (first, b) = (first?, b?);
    if first == a {
        Some(b)
    } else if first == b {
        Some(a)
    } else {
        None
    }
}

/// Which way a tie between an event's two sides runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// From the `actor1` side to the `actor2` side: the second side is
    /// the victims.
    FirstToSecond,
    /// From the `actor2` side to the `actor1` side.
    SecondToFirst,
    /// Both sides acted; the codebook names neither the attacker.
    Mutual,
}

/// The tie an event makes between its two sides, as its type defines it,
/// or `None` where the type says nothing more than that both were there
/// (the shared event already ties them). `inter1` and `inter2` are the two
/// main actors' types, where known.
///
/// ```
/// use dossier::import::acled::codebook::{tie, Inter, Way};
/// use dossier::format::vocab::RelationKind;
/// // A battle: the two sides fought, neither named the attacker.
/// assert_eq!(tie("Battles", "Armed clash", None, None), Some((RelationKind::Fought, Way::Mutual)));
/// // Violence against civilians: actor2 is the victim, always.
/// assert_eq!(
///     tie("Violence against civilians", "Attack", Some(Inter::PoliticalMilitia), Some(Inter::Civilians)),
///     Some((RelationKind::Attacked, Way::FirstToSecond)),
/// );
/// // A strike on civilians is an attack on them, whichever column they are in.
/// assert_eq!(
///     tie("Explosions/Remote violence", "Air/drone strike", Some(Inter::Civilians), Some(Inter::StateForces)),
///     Some((RelationKind::Attacked, Way::SecondToFirst)),
/// );
/// // A strike between armed sides names no victim.
/// assert_eq!(
///     tie("Explosions/Remote violence", "Air/drone strike", Some(Inter::StateForces), Some(Inter::RebelGroup)),
///     Some((RelationKind::Fought, Way::Mutual)),
/// );
/// // Excessive force: the protesters are the victims.
/// assert_eq!(
///     tie("Protests", "Excessive force against protesters", Some(Inter::Protesters), Some(Inter::StateForces)),
///     Some((RelationKind::Attacked, Way::SecondToFirst)),
/// );
/// assert_eq!(tie("Protests", "Peaceful protest", Some(Inter::Protesters), None), None);
/// ```
pub fn tie(
    event_type: &str,
    sub_event_type: &str,
    inter1: Option<Inter>,
    inter2: Option<Inter>,
) -> Option<(RelationKind, Way)> {
    let is = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b);
    // Whichever side the codebook makes the victims, by their type.
    let victims = |kind: Inter| match (inter1 == Some(kind), inter2 == Some(kind)) {
        (false, true) => Some(Way::FirstToSecond),
        (true, false) => Some(Way::SecondToFirst),
        _ => None,
    };
    let custom = |term: &str| term.parse::<RelationKind>().ok();
    if is(event_type, "Violence against civilians") {
        return Some((RelationKind::Attacked, Way::FirstToSecond));
    }
    if is(event_type, "Battles") {
        return Some((RelationKind::Fought, Way::Mutual));
    }
    if is(event_type, "Explosions/Remote violence") || is(event_type, "Riots") {
        return Some(match victims(Inter::Civilians) {
            Some(way) => (RelationKind::Attacked, way),
            None => (RelationKind::Fought, Way::Mutual),
        });
    }
    if is(event_type, "Protests") {
        if is(sub_event_type, "Excessive force against protesters") {
            return Some(match victims(Inter::Protesters) {
                Some(way) => (RelationKind::Attacked, way),
                None => (custom("x-confronted")?, Way::Mutual),
            });
        }
        if is(sub_event_type, "Protest with intervention") {
            return Some((custom("x-confronted")?, Way::Mutual));
        }
        return None;
    }
    if is(sub_event_type, "Agreement") {
        return Some((custom("x-made-an-agreement-with")?, Way::Mutual));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_a_digit_and_in_words() {
        let words = [
            "State forces",
            "Rebel groups",
            "Political militias",
            "Identity militias",
            "Rioters",
            "Protesters",
            "Civilians",
            "External/Other forces",
        ];
        for (i, w) in Inter::ALL.into_iter().zip(words) {
            assert_eq!(Inter::parse(&(i as u8).to_string()), Some(i));
            assert_eq!(Inter::parse(w), Some(i), "{w}");
        }
    }

    #[test]
    fn every_two_digit_interaction_names_its_sides() {
        for a in Inter::ALL {
            assert_eq!(interaction(&format!("{}0", a as u8)), Some((a, None)));
            for b in Inter::ALL.into_iter().filter(|&b| b >= a) {
                let code = format!("{}{}", a as u8, b as u8);
                assert_eq!(interaction(&code), Some((a, Some(b))), "{code}");
                assert_eq!(other_side(Some(a), &code), Some(b));
                assert_eq!(other_side(Some(b), &code), Some(a));
            }
        }
    }

    #[test]
    fn civilians_are_never_the_side_that_attacks() {
        for event_type in [
            "Explosions/Remote violence",
            "Riots",
            "Violence against civilians",
        ] {
            for other in Inter::ALL.into_iter().filter(|&i| i != Inter::Civilians) {
                let (kind, way) = tie(event_type, "", Some(other), Some(Inter::Civilians)).unwrap();
                assert_eq!((kind, way), (RelationKind::Attacked, Way::FirstToSecond));
            }
        }
    }
}
