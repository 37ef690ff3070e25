//! References between the parts: ids well formed and unique, every id
//! named where one is needed known and of the right kind (with the
//! nearest if not), whose word an account rests on, and the ties of a
//! part to its whole.

use super::dates::days_text;
use super::{At, Checker, ProblemKind};
use crate::base::hash::{HashMap, HashMapExt, HashSet};
use crate::format::model::*;
use crate::format::parts::{List, Target};
use crate::format::suggest::nearest;
use crate::format::vocab::StatusState;
use serde_json::{Map, Value};

/// The ids each list declares, read from the raw JSON.
#[derive(Default)]
pub(super) struct WrittenIds {
    sources: HashSet<String>,
    actors: HashSet<String>,
    events: HashSet<String>,
    tallies: HashSet<String>,
}

impl WrittenIds {
    pub(super) fn collect(root: &Map<String, Value>) -> Self {
        let ids = |key: &str| -> HashSet<String> {
            root.get(key)
                .and_then(Value::as_array)
                .map(|items| {
                    items
                        .iter()
                        // An item may be written as the list of its
                        // fields (serde reads it so): its id comes first.
                        .filter_map(|v| v.get("id").or(v.get(0))?.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default()
        };
        WrittenIds {
            sources: ids("sources"),
            actors: ids("actors"),
            events: ids("events"),
            tallies: ids("tallies"),
        }
    }

    pub(super) fn of(ds: &Dataset) -> Self {
        WrittenIds {
            sources: ds.sources.iter().map(|s| s.id.clone()).collect(),
            actors: ds.actors.iter().map(|a| a.id.clone()).collect(),
            events: ds.events.iter().map(|e| e.id.clone()).collect(),
            tallies: ds.tallies.iter().map(|t| t.id.clone()).collect(),
        }
    }

    /// Whether `id` is written in one of the lists `set` takes.
    fn knows(&self, set: Target, id: &str) -> bool {
        set.lists().iter().any(|list| match list {
            List::Sources => self.sources.contains(id),
            List::Actors => self.actors.contains(id),
            List::Events => self.events.contains(id),
            List::Tallies => self.tallies.contains(id),
            List::Relations => false,
        })
    }
}

/// Whether an id is safe to use in URLs and markup: `hezbollah`, `e-2024-05-15-hermon`.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && bytes[0].is_ascii_alphanumeric()
        && bytes.iter().all(|&b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.')
        })
}

impl Checker<'_> {
    /// Ids are well-formed and unique within their list. `ids` pairs each
    /// id with its index in the file.
    pub(super) fn unique(&mut self, what: &'static str, list: &str, ids: Vec<(usize, &str)>) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids {
            let at = || format!("{list}[{i}].id");
            if !is_valid_id(id) {
                self.push(at(), ProblemKind::BadId(id.chars().take(80).collect()));
            }
            if let Some(&j) = first.get(id) {
                self.push(
                    at(),
                    ProblemKind::DuplicateId {
                        what,
                        id: id.to_owned(),
                        first: format!("{list}[{j}].id"),
                    },
                );
            } else {
                first.insert(id, i);
            }
        }
    }

    /// `id` must be one of the ids `set` takes. If it is another kind's
    /// (a source's where an actor belongs), say so; otherwise suggest the
    /// nearest id of the right kind.
    pub(super) fn reference(&mut self, set: Target, id: &str, at: At) {
        // Nearly every reference is sound: say so without building the
        // lists a problem's message needs.
        if self.ids.knows(set, id) {
            return;
        }
        let lists = [
            (List::Sources.noun(), &self.ids.sources),
            (List::Actors.noun(), &self.ids.actors),
            (List::Events.noun(), &self.ids.events),
            (List::Tallies.noun(), &self.ids.tallies),
        ];
        let what = set.what();
        let takes: Vec<&str> = set.lists().iter().map(|l| l.noun()).collect();
        let (right, wrong): (Vec<_>, Vec<_>) = lists.iter().partition(|(w, _)| takes.contains(w));
        if right.iter().any(|(_, ids)| ids.contains(id)) {
            return;
        }
        let shown: String = id.chars().take(80).collect();
        let kind = match wrong.iter().find(|(_, ids)| ids.contains(id)) {
            Some((other, _)) => {
                let fix = match (what, *other) {
                    ("actor", "source") => ": name the actor here, and link the source to it with the source's \"actor\"",
                    _ => "",
                };
                ProblemKind::Reference(format!(
                    "\"{shown}\" is {} {other}'s id, but {} {what} is needed here{fix}",
                    article(other),
                    article(what),
                ))
            }
            None => ProblemKind::UnknownReference {
                what,
                id: shown,
                suggestion: nearest(
                    id,
                    right
                        .iter()
                        .flat_map(|(_, ids)| ids.iter())
                        .map(String::as_str),
                )
                .or_else(|| {
                    // An actor's name (or a slip in it) where its id
                    // belongs: "National Army" for "army".
                    let names = self
                        .ds
                        .actors
                        .iter()
                        .filter(|_| takes.contains(&List::Actors.noun()))
                        .map(|a| a.name.as_str());
                    let name = nearest(id, names)?;
                    let actor = self.ds.actors.iter().find(|a| a.name == name)?;
                    Some(actor.id.as_str())
                })
                .map(str::to_owned),
            },
        };
        self.push(at, kind);
    }

    /// A stage of another event: a known event, not itself, no loop, and
    /// within its whole's days.
    pub(super) fn part_of(&mut self, e: &Event, whole: &str, event_at: At) {
        let at = event_at.key("part_of");
        if whole == e.id {
            let why = "an event cannot be a part of itself".into();
            self.push(at, ProblemKind::Reference(why));
            return;
        }
        let Some(w) = self.ds.event(whole) else {
            self.reference(Target::Event, whole, at);
            return;
        };
        let mut seen: HashSet<&str> = [e.id.as_str()].into_iter().collect();
        let mut next = Some(whole);
        while let Some(id) = next {
            if !seen.insert(id) {
                let why =
                    "part_of links form a loop: a whole cannot be a part of its own part".into();
                self.push(at, ProblemKind::Reference(why));
                return;
            }
            next = self.ds.event(id).and_then(|e| e.part_of.as_deref());
        }
        // A date that failed to decode was stood in for: its own problem
        // says so, and the stand-in says nothing about the part.
        let whole_at = self
            .ds
            .events
            .iter()
            .position(|x| x.id == whole)
            .map(|i| At::Item("events", self.positions.events[i]));
        let stood_in = [Some(event_at), whole_at].iter().flatten().any(|item| {
            ["date", "until"]
                .iter()
                .any(|k| self.is_patched(item.key(k)))
        });
        let ((first, last), (from, to)) = (e.days(), w.days());
        if !stood_in && (first < from || last > to) {
            let why = format!(
                "a part happens within its whole, but this event ({}) falls outside \"{whole}\" ({})",
                days_text(e),
                days_text(w)
            );
            self.push(at, ProblemKind::Date(why));
        }
    }

    /// Whose word an event or a figure rests on: `by` where the state needs
    /// it, known parties, and no one both giving and denying the account.
    pub(super) fn status(&mut self, st: &Status, at: At, what: &str) {
        match (st.state, st.by.is_empty()) {
            (StatusState::Reported, _) | (_, false) => {}
            (state, true) => self.push(
                at.key("by"),
                ProblemKind::Status(format!(
                    "a{} {} {what} names who {} it, by actor or source id",
                    if state == StatusState::Alleged {
                        "n"
                    } else {
                        ""
                    },
                    state.as_str(),
                    match state {
                        StatusState::Claimed => "claims",
                        StatusState::Alleged => "alleges",
                        StatusState::Confirmed => "confirms",
                        _ => "disputes",
                    }
                )),
            ),
        }
        for (field, list) in [("by", &st.by), ("denied_by", &st.denied_by)] {
            for (j, a) in list.iter().enumerate() {
                self.reference(Target::Party, a, at.index(field, j));
            }
        }
        for (j, a) in st.not_acknowledged_by.iter().enumerate() {
            self.reference(Target::Actor, a, at.index("not_acknowledged_by", j));
        }
        for (j, a) in st.denied_by.iter().enumerate() {
            if st.by.contains(a) {
                self.push(
                    at.index("denied_by", j),
                    ProblemKind::Reference(format!(
                        "\"{a}\" is in both \"by\" and \"denied_by\": one party cannot both give and deny an account"
                    )),
                );
            }
        }
    }

    /// One end of a participation or a tie: an actor in `key`, or people
    /// who are no party described in `victims`; one of the two.
    pub(super) fn actor_or_victims(
        &mut self,
        actor: Option<&str>,
        victims: Option<&str>,
        at: At,
        key: &'static str,
    ) {
        match (actor, victims) {
            (Some(a), Some(_)) => {
                self.reference(Target::Actor, a, at.key(key));
                self.push(
                    at.key("victims"),
                    ProblemKind::Reference(format!(
                        "name an actor in \"{key}\" or describe people who are no party in \"victims\", not both"
                    )),
                );
            }
            (Some(a), None) => self.reference(Target::Actor, a, at.key(key)),
            (None, Some(v)) => self.text(v, at, "victims", "victims"),
            (None, None) => self.push(
                at.key(key),
                ProblemKind::Reference(format!(
                    "missing \"{key}\": an actor id, or, for people who are no party, a description in \"victims\""
                )),
            ),
        }
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::is_valid_id;
    use crate::format::validate::problems_after;
    use serde_json::{json, Value};

    fn id(v: &Value, list: &str, i: usize) -> String {
        v[list][i]["id"].as_str().expect("an id").to_owned()
    }

    #[test]
    fn ids_are_plain_and_short() {
        assert!(is_valid_id("hezbollah"));
        assert!(is_valid_id("e-2024-05-15-hermon"));
        assert!(!is_valid_id("Hezbollah"));
        assert!(!is_valid_id("-hezbollah"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"a".repeat(65)));
    }

    #[test]
    fn a_second_use_of_an_id_points_to_the_first() {
        let mut first = String::new();
        let found = problems_after(|v| {
            first = id(v, "actors", 0);
            v["actors"][1]["id"] = json!(first);
        });
        let expected =
            format!("actors[1].id: duplicate actor id \"{first}\" (first used at actors[0].id)");
        assert!(found.contains(&expected), "{found:?}");
    }

    #[test]
    fn an_unknown_actor_gets_the_nearest_known_one() {
        let found =
            problems_after(|v| v["events"][0]["participants"][0]["actor"] = json!("hamass"));
        assert_eq!(
            found,
            ["events[0].participants[0].actor: unknown actor \"hamass\" (did you mean \"hamas\"?)"]
        );
    }

    #[test]
    fn an_actor_s_name_where_its_id_belongs_gets_its_id() {
        // The IRGC's id is "irgc"; its name, misspelt, leads to it.
        let found = problems_after(|v| {
            v["events"][0]["participants"][0]["actor"] = json!("Islamic Revolutionary Guards Corps")
        });
        assert_eq!(
            found,
            ["events[0].participants[0].actor: unknown actor \"Islamic Revolutionary Guards Corps\" (did you mean \"irgc\"?)"]
        );
        // Nothing near either an id or a name: no guess.
        let found = problems_after(|v| {
            v["events"][0]["participants"][0]["actor"] = json!("Ministry of Fisheries")
        });
        assert!(!found[0].contains("did you mean"), "{found:?}");
    }

    #[test]
    fn a_source_named_where_an_actor_belongs_is_said_so() {
        let found =
            problems_after(|v| v["events"][0]["participants"][0]["actor"] = json!("article"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("\"article\" is a source's id, but an actor is needed here"));
    }

    #[test]
    fn a_claim_names_who_claims_it() {
        let found = problems_after(|v| v["events"][0]["status"] = json!({"state": "claimed"}));
        assert_eq!(
            found,
            ["events[0].status.by: a claimed event names who claims it, by actor or source id"]
        );
    }

    #[test]
    fn parts_that_are_each_others_wholes_are_a_loop() {
        let found = problems_after(|v| {
            let (a, b) = (id(v, "events", 1), id(v, "events", 2));
            v["events"][1]["part_of"] = json!(b);
            v["events"][2]["part_of"] = json!(a);
        });
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("events[1].part_of: part_of links form a loop")),
            "{found:?}"
        );
    }
}
