//! Figures: a count's value, range and words; a tally's whose-dead,
//! and the ties between tallies (a part of a whole, another estimate
//! of the same dead, a revision of an earlier figure).

use super::{At, Checker, ProblemKind};
use crate::base::case::contains_any_case;
use crate::base::hash::HashSet;
use crate::format::model::*;
use crate::format::parts::Target;

impl Checker<'_> {
    /// A count: a number where its qualifier needs one and none where it
    /// stands for one, a range in order, and the text's own words (if
    /// given) in one of `quotes`.
    pub(super) fn count(&mut self, c: &Count, at: At, quotes: &[&str]) {
        let q = c.qualifier;
        match (q.takes_value(), c.value) {
            // A range with no best estimate ("between 40 and 60") gives
            // its two ends and no value.
            (true, None) if c.low.is_none() || c.high.is_none() => self.push(
                at.key("value"),
                ProblemKind::Count(format!(
                    "qualifier \"{}\" needs a value, or a low and a high for a range with no best estimate",
                    q.as_str()
                )),
            ),
            (false, Some(v)) => self.push(
                at.key("value"),
                ProblemKind::Count(format!(
                    "qualifier \"{}\" stands for a number the text does not give, so it takes no value (found {v})",
                    q.as_str()
                )),
            ),
            _ => {}
        }
        if let Some(words) = &c.words {
            if words.trim().is_empty() {
                self.push(at.key("words"), ProblemKind::Missing("the count's words"));
            } else if !quotes.is_empty() && !quotes.iter().any(|qt| contains_any_case(qt, words)) {
                self.push(
                    at.key("words"),
                    ProblemKind::Count(format!(
                        "the words \"{words}\" are not in the figure's quote; give them as the text writes them"
                    )),
                );
            }
        }
        if let (Some(lo), Some(hi)) = (c.low, c.high) {
            if lo > hi {
                // The range itself is reversed; comparing the value with it says nothing more.
                self.push(
                    at.key("low"),
                    ProblemKind::Count(format!("low ({lo}) is greater than high ({hi})")),
                );
                return;
            }
        }
        if let Some(v) = c.value {
            if c.low.is_some_and(|lo| lo > v) {
                self.push(
                    at.key("low"),
                    ProblemKind::Count(format!(
                        "low ({}) is greater than the value ({v})",
                        c.low.unwrap_or_default()
                    )),
                );
            }
            if c.high.is_some_and(|hi| hi < v) {
                self.push(
                    at.key("high"),
                    ProblemKind::Count(format!(
                        "high ({}) is less than the value ({v})",
                        c.high.unwrap_or_default()
                    )),
                );
            }
        }
    }

    pub(super) fn tally(&mut self, i: usize, t: &Tally) {
        let at = At::Item("tallies", i);
        self.reference(Target::Source, &t.counted_by, at.key("counted_by"));
        match (&t.side, &t.victims) {
            (Some(side), Some(_)) => {
                self.reference(Target::Actor, side, at.key("side"));
                self.push(
                    at.key("victims"),
                    ProblemKind::Reference(
                        "a tally names whose dead once: an actor in \"side\", or victims who are no party in \"victims\", not both".into(),
                    ),
                );
            }
            (Some(side), None) => self.reference(Target::Actor, side, at.key("side")),
            (None, Some(v)) => self.text(v, at, "victims", "victims"),
            (None, None) => self.push(
                at.key("side"),
                ProblemKind::Reference(
                    "a tally says whose dead it counts: an actor in \"side\", or, for victims who are no party, a description in \"victims\"".into(),
                ),
            ),
        }
        if let Some(other) = &t.same_as {
            let sat = at.key("same_as");
            if other == &t.id {
                self.push(
                    sat,
                    ProblemKind::Reference("a tally cannot be another estimate of itself".into()),
                );
            } else if let Some(rival) = self.ds.tally(other) {
                self.rival(t, rival, sat);
            } else {
                self.reference(Target::Tally, other, sat);
            }
        }
        let quotes: Vec<&str> = t.provenance.iter().map(|p| p.quote.as_str()).collect();
        self.count(&t.count, at.key("count"), &quotes);
        self.date_order(t.since.as_ref(), Some(&t.as_of), at, "since", "as_of");
        self.not_after_publication(t.since.as_ref(), at.key("since"));
        self.not_after_publication(Some(&t.as_of), at.key("as_of"));
        for (j, e) in t.events.iter().enumerate() {
            self.reference(Target::Event, e, at.index("events", j));
        }
        if let Some(sup) = &t.subset_of {
            let sat = at.key("subset_of");
            if sup == &t.id {
                self.push(
                    sat,
                    ProblemKind::Reference("a tally cannot be a subset of itself".into()),
                );
            } else if let Some(superset) = self.ds.tally(sup) {
                if superset.outcome != t.outcome {
                    self.push(
                        at.key("outcome"),
                        ProblemKind::Reference(format!(
                            "a part counts what its whole counts, but this tally counts the {} and \"{sup}\" the {}",
                            t.outcome.people(),
                            superset.outcome.people()
                        )),
                    );
                }
                // A subset can only be checked against a figure that is not a
                // floor: "3 of more than 79" is fine whatever the true total.
                let sub_floor = t.count.floor();
                let sup_ceiling = superset.count.ceiling();
                if let Some(ceiling) = sup_ceiling {
                    if sub_floor > ceiling {
                        self.push(
                            at.key("count").key("value"),
                            ProblemKind::Count(format!(
                                "this subset ({sub_floor}) is larger than the tally it is part of, \"{sup}\" ({ceiling})"
                            )),
                        );
                    }
                }
                if self.subset_cycle(t) {
                    self.push(
                        sat,
                        ProblemKind::Reference("subset_of links form a loop".into()),
                    );
                }
            } else {
                self.reference(Target::Tally, sup, sat);
            }
        }
        if let Some(st) = &t.status {
            self.status(st, at.key("status"), "figure");
        }
        if let Some(words) = &t.withdrawn {
            self.text(words, at, "withdrawn", "how the figure was withdrawn");
        }
        if let Some(earlier) = &t.revises {
            let rat = at.key("revises");
            match self.ds.tally(earlier) {
                Some(_) if earlier == &t.id => self.push(
                    rat,
                    ProblemKind::Reference("a tally cannot revise itself".into()),
                ),
                Some(old) => self.revision(t, old, rat),
                None => self.reference(Target::Tally, earlier, rat),
            }
        }
        self.provenances(&t.provenance, at);
    }

    /// `t` says it updates `old`: the same counter's later count of the
    /// same people, the only update of it, in a chain with a first figure.
    pub(super) fn revision(&mut self, t: &Tally, old: &Tally, at: At) {
        let mut found: Vec<String> = Vec::new();
        if t.counted_by != old.counted_by {
            found.push(format!(
                "a revision is its counter's later figure, but this tally is counted by \"{}\" and \"{}\" by \"{}\"; another counter's figure is a rival estimate (same_as)",
                t.counted_by, old.id, old.counted_by
            ));
        }
        if (&t.side, &t.victims, t.outcome) != (&old.side, &old.victims, old.outcome) {
            found.push(format!(
                "a revision counts the same people as the figure it updates, but this tally counts the {} of {} and \"{}\" the {} of {}",
                t.outcome.people(),
                self.ds.whose(t),
                old.id,
                old.outcome.people(),
                self.ds.whose(old)
            ));
        }
        // A date that failed to decode was stood in for: its own problem
        // says so, and the stand-in's day says nothing about the order.
        let stood_in = |v: &Self, x: &Tally| {
            v.ds.tallies
                .iter()
                .position(|u| std::ptr::eq(u, x))
                .is_some_and(|i| {
                    v.is_patched(At::Item("tallies", v.positions.tallies[i]).key("as_of"))
                })
        };
        if !stood_in(self, t) && !stood_in(self, old) && t.as_of.last_day() < old.as_of.first_day()
        {
            found.push(format!(
                "a revision comes after the figure it updates, but this tally is as of {} and \"{}\" as of {}",
                t.as_of, old.id, old.as_of
            ));
        }
        if let Some(other) = self
            .ds
            .tallies
            .iter()
            .find(|u| u.id != t.id && u.revises.as_deref() == Some(old.id.as_str()))
        {
            found.push(format!(
                "\"{}\" is revised twice, here and by \"{}\": revise the latest figure",
                old.id, other.id
            ));
        }
        // Back along the chain: a loop has no first figure.
        let mut seen = vec![t.id.as_str()];
        let mut next = Some(old);
        while let Some(u) = next {
            if seen.contains(&u.id.as_str()) {
                found.push("revises links form a loop: the first figure revises nothing".into());
                break;
            }
            seen.push(u.id.as_str());
            next = u.revises.as_deref().and_then(|id| self.ds.tally(id));
        }
        for why in found {
            self.push(at, ProblemKind::Reference(why));
        }
    }

    /// `t` says it is another estimate of `rival`'s figure: the same dead
    /// (whose, and which), over the same time, and not also a part of it.
    pub(super) fn rival(&mut self, t: &Tally, rival: &Tally, at: At) {
        // A count that does not say who the dead were ("unknown") can be a
        // rival of one that does.
        let unknown = |x: &Tally| x.category == crate::format::vocab::TallyCategory::Unknown;
        let same_kind = t.category == rival.category || unknown(t) || unknown(rival);
        let whose = |x: &Tally| (x.side.clone(), x.victims.clone(), x.outcome);
        let describe = |x: &Tally| {
            let who = x
                .side
                .as_deref()
                .or(x.victims.as_deref())
                .unwrap_or("no one");
            format!("{} {} ({who})", x.category.label(), x.outcome.label())
        };
        let mut found: Vec<String> = Vec::new();
        let mut problem = |why: String| found.push(why);
        if whose(t) != whose(rival) || !same_kind {
            problem(format!(
                "rival estimates count the same dead, but this tally counts {} and \"{}\" counts {}",
                describe(t),
                rival.id,
                describe(rival)
            ));
        }
        if t.subset_of.as_deref() == Some(rival.id.as_str()) {
            problem(format!(
                "\"{}\" cannot be both another estimate of this figure (same_as) and the figure it is part of (subset_of)",
                rival.id
            ));
        }
        let span = |x: &Tally| x.since.map(|s| (s.first_day(), x.as_of.last_day()));
        if let (Some((a0, a1)), Some((b0, b1))) = (span(t), span(rival)) {
            let (la, lb) = (a1 - a0 + 1, b1 - b0 + 1);
            if a1 < b0 || b1 < a0 || (la.min(lb) == 1 && la.max(lb) > 7) {
                problem(format!(
                    "rival estimates cover the same time, but this tally covers {} days and \"{}\" {} days, {}",
                    la,
                    rival.id,
                    lb,
                    if a1 < b0 || b1 < a0 { "with no day in common" } else { "one of them a single day" }
                ));
            }
        }
        // A chain of estimates that comes back round: a pair naming each
        // other says the same twice, but a longer loop has no first figure.
        let mut seen = vec![t.id.as_str()];
        let mut next = Some(rival);
        while let Some(u) = next {
            if seen.contains(&u.id.as_str()) {
                if seen.len() > 2 && u.id == t.id {
                    problem("same_as links form a loop of more than two tallies: name one figure, and point every other estimate at it".into());
                }
                break;
            }
            seen.push(&u.id);
            next = u.same_as.as_deref().and_then(|id| self.ds.tally(id));
        }
        for why in found {
            self.push(at, ProblemKind::Reference(why));
        }
    }

    pub(super) fn subset_cycle(&self, start: &Tally) -> bool {
        let mut seen: HashSet<&str> = [start.id.as_str()].into_iter().collect();
        let mut next = start.subset_of.as_deref();
        while let Some(id) = next {
            if !seen.insert(id) {
                return true;
            }
            next = self.ds.tally(id).and_then(|t| t.subset_of.as_deref());
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::format::validate::problems_after;
    use serde_json::json;

    #[test]
    fn a_floor_needs_its_number() {
        let found = problems_after(|v| v["tallies"][0]["count"] = json!({"qualifier": "at_least"}));
        assert_eq!(
            found,
            ["tallies[0].count.value: qualifier \"at_least\" needs a value, or a low and a high for a range with no best estimate"]
        );
    }

    #[test]
    fn a_range_with_no_best_estimate_needs_both_ends() {
        let range = |count| problems_after(|v| v["tallies"][0]["count"] = count);
        assert!(range(json!({"qualifier": "approximately", "low": 40, "high": 60})).is_empty());
        assert_eq!(
            range(json!({"qualifier": "approximately", "low": 40})),
            ["tallies[0].count.value: qualifier \"approximately\" needs a value, or a low and a high for a range with no best estimate"]
        );
        assert_eq!(
            range(json!({"qualifier": "exact", "low": 60, "high": 40})),
            ["tallies[0].count.low: low (60) is greater than high (40)"]
        );
    }

    #[test]
    fn a_reversed_range_is_said_once() {
        let found = problems_after(|v| {
            v["tallies"][0]["count"] =
                json!({"qualifier": "approximately", "value": 5, "low": 9, "high": 3})
        });
        assert_eq!(
            found,
            ["tallies[0].count.low: low (9) is greater than high (3)"]
        );
    }

    #[test]
    fn a_count_in_words_is_in_its_quote() {
        let found = problems_after(|v| {
            v["tallies"][0]["count"]["words"] = json!("three hundred");
        });
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with(
            "tallies[0].count.words: the words \"three hundred\" are not in the figure's quote"
        ));
    }

    #[test]
    fn a_tally_neither_revises_itself_nor_rivals_other_dead() {
        let found = problems_after(|v| {
            let own = v["tallies"][0]["id"].clone();
            let other = v["tallies"][3]["id"].clone();
            v["tallies"][0]["revises"] = own;
            v["tallies"][1]["same_as"] = other;
        });
        assert!(found.contains(&"tallies[0].revises: a tally cannot revise itself".to_owned()));
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("tallies[1].same_as: rival estimates count the same dead")),
            "{found:?}"
        );
    }
}
