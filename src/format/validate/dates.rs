//! Dates: a range in order, and nothing after the story was published
//! (with the year the author likely meant).

use super::{At, Checker, ProblemKind};
use crate::format::date::PartialDate;
use crate::format::model::Event;

impl Checker<'_> {
    pub(super) fn date_order(
        &mut self,
        from: Option<&PartialDate>,
        to: Option<&PartialDate>,
        at: At,
        from_name: &'static str,
        to_name: &'static str,
    ) {
        if self.is_patched(at.key(from_name)) || self.is_patched(at.key(to_name)) {
            return;
        }
        if let (Some(a), Some(b)) = (from, to) {
            if b.last_day() < a.first_day() {
                self.push(
                    at.key(to_name),
                    ProblemKind::Date(format!("{to_name} ({b}) is before {from_name} ({a})")),
                );
            }
        }
    }

    /// A date after the story was published is a mistake, most often in
    /// the year: say so, with the date in the story's year (or the year
    /// before) that the author likely meant.
    pub(super) fn not_after_publication(&mut self, date: Option<&PartialDate>, at: At) {
        let published = &self.ds.story.published;
        let Some(d) = date else { return };
        // One of some days: every day it may be must be one the story
        // could report.
        if d.one_of.is_some()
            && d.first_day() <= published.last_day()
            && d.last_day() > published.last_day()
            && !self.is_patched("story.published")
            && !self.is_patched(at)
        {
            self.push(
                at,
                ProblemKind::Date(format!(
                    "{d} ends on {}, after the story was published ({published}): leave out the days after it",
                    PartialDate::from_days(d.last_day())
                )),
            );
            return;
        }
        if self.is_patched("story.published")
            || self.is_patched(at)
            || d.first_day() <= published.last_day()
        {
            return;
        }
        // Another year is a likely slip only for a date far past
        // publication (over a week); days just after it are wrong days,
        // not a wrong year.
        let meant = [published.year, published.year - 1]
            .into_iter()
            .filter(|_| d.first_day() > published.last_day() + 7)
            .map(|year| d.with_year(year))
            .find(|m| {
                m.first_day() <= published.last_day()
                    && (m.one_of.is_none() || m.last_day() <= published.last_day())
            });
        let hint = meant
            .map(|m| format!("; did you mean {m}?"))
            .unwrap_or_default();
        self.push(
            at,
            ProblemKind::Date(format!(
                "{d} is after the story was published ({published}){hint}"
            )),
        );
    }
}

/// An event's dates as written: "2024-06-05", "2024-06 to 2024-07".
pub(super) fn days_text(e: &Event) -> String {
    match &e.until {
        Some(until) => format!("{} to {until}", e.date),
        None => e.date.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::format::validate::problems_after;
    use serde_json::json;

    #[test]
    fn an_end_before_its_start_is_refused() {
        let found = problems_after(|v| v["events"][0]["until"] = json!("2023-10-01"));
        assert_eq!(
            found,
            ["events[0].until: until (2023-10-01) is before date (2023-10-07)"]
        );
    }

    #[test]
    fn a_date_after_publication_names_the_year_likely_meant() {
        let found = problems_after(|v| v["events"][0]["date"] = json!("2025-05-10"));
        assert_eq!(
            found,
            ["events[0].date: 2025-05-10 is after the story was published (2024-05-15); did you mean 2024-05-10?"]
        );
    }

    #[test]
    fn a_day_just_after_publication_is_a_wrong_day_not_a_wrong_year() {
        let found = problems_after(|v| v["events"][0]["date"] = json!("2024-05-17"));
        assert_eq!(
            found,
            ["events[0].date: 2024-05-17 is after the story was published (2024-05-15)"]
        );
    }
}
