//! Dates at the precision a text gives them.
//!
//! A [`PartialDate`] is written as a subset of the Library of Congress's
//! Extended Date/Time Format (EDTF): `"2024"`, `"2024-04"` or `"2024-05-14"`,
//! optionally followed by `~` for "approximately" (`"2024-04~"`). The
//! precision is the form: a month-only date never gains an invented day.
//!
//! A day that is one of two, or one of a few, is EDTF's "one of a set":
//! `"[2024-06-05,2024-06-06]"` reads "5 or 6 June 2024", and
//! `"[2024-06-05..2024-06-08]"` reads "one day between 5 and 8 June 2024".
//! It is a single day not known exactly, never a period.
//!
//! Pure: no browser types here.

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// How much of a date the text gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date known to a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    /// 1–12, when known.
    pub month: Option<u8>,
    /// 1–31, when known; never set without `month`.
    pub day: Option<u8>,
    /// The text hedges the date ("around", "in early").
    pub approximate: bool,
    /// For a day known only to be one of a few: the last it may be (the
    /// first is `year`, `month`, `day`), and whether any day between may
    /// be it (`..`) or only the two named (`,`).
    pub one_of: Option<OneOf>,
}

/// The last day an uncertain day may be, and how the set is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OneOf {
    pub last: (i32, u8, u8),
    /// `[a..b]`: any day from a to b; `[a,b]`: a or b.
    pub range: bool,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("\"{0}\" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~")]
    Form(String),
    #[error("month {0} does not exist")]
    Month(u8),
    #[error("{year}-{month:02} has no day {day}")]
    Day { year: i32, month: u8, day: u8 },
    #[error("year {0} is outside 1000–2999")]
    Year(i32),
    #[error("\"{0}\" is not an uncertain day; write [YYYY-MM-DD,YYYY-MM-DD] for one of two days, or [YYYY-MM-DD..YYYY-MM-DD] for one day in a range, the earlier first")]
    OneOf(String),
    #[error("\"{text}\" has spaces inside the brackets; write {fixed}")]
    OneOfSpaced { text: String, fixed: String },
    #[error("\"{text}\" gives the later day first; write {fixed}")]
    OneOfOrder { text: String, fixed: String },
    #[error("\"{0}\" names the same day twice; write the day alone")]
    OneOfSame(String),
    #[error("\"{0}\" is an uncertain day only between whole days; each member is YYYY-MM-DD, without ~ (a month or a year already says it is uncertain)")]
    OneOfNotDays(String),
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in a month of a year: `days_in_month(2024, 2) == 29`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's
/// days_from_civil): `days_from_civil(2024, 5, 14) == 19857`.
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`]: `civil_from_days(19857) == (2024, 5, 14)`.
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    (year, month, day)
}

/// Full month name, 1-based: `month_name(5) == "May"`.
pub fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12) - 1)]
}

impl PartialDate {
    pub fn day(year: i32, month: u8, day: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: Some(day),
            approximate: false,
            one_of: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: None,
            approximate: false,
            one_of: None,
        }
    }

    /// The same date in another year (29 February becomes the 28th in a
    /// year that has none).
    pub fn with_year(&self, year: i32) -> Self {
        let day = match (self.month, self.day) {
            (Some(m), Some(d)) => Some(d.min(days_in_month(year, m))),
            _ => self.day,
        };
        // A set of days moves as a whole: "5 or 6 June" stays two days.
        let one_of = self.one_of.map(|o| {
            let (y, m, d) = o.last;
            let y = y + (year - self.year);
            OneOf {
                last: (y, m, d.min(days_in_month(y, m))),
                ..o
            }
        });
        PartialDate {
            year,
            day,
            one_of,
            ..*self
        }
    }

    /// The form HTML's `datetime` takes: "2024-05-14", "2024-04", "2024";
    /// an uncertain day gives its first possible day, an approximate date
    /// its plain form.
    pub fn iso(&self) -> String {
        let mut out = format!("{:04}", self.year);
        if let Some(m) = self.month {
            out.push_str(&format!("-{m:02}"));
        }
        if let Some(d) = self.day {
            out.push_str(&format!("-{d:02}"));
        }
        out
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day the date can mean, in days since 1970-01-01.
    pub fn first_day(&self) -> i64 {
        days_from_civil(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean, in days since 1970-01-01:
    /// `"2024-04"` runs from 1 to 30 April, `"[2024-06-05,2024-06-06]"` to the 6th.
    pub fn last_day(&self) -> i64 {
        if let Some(OneOf {
            last: (y, m, d), ..
        }) = self.one_of
        {
            return days_from_civil(y, m, d);
        }
        match (self.month, self.day) {
            (Some(m), Some(d)) => days_from_civil(self.year, m, d),
            (Some(m), None) => days_from_civil(self.year, m, days_in_month(self.year, m)),
            _ => days_from_civil(self.year, 12, 31),
        }
    }

    /// One day, not known exactly, somewhere from `first` to `last` (days
    /// since 1970-01-01): `[first..last]`. The same day twice is that day.
    pub fn between(first: i64, last: i64) -> Self {
        let day = PartialDate::from_days(first.min(last));
        if first == last {
            return day;
        }
        PartialDate {
            one_of: Some(OneOf {
                last: civil_from_days(first.max(last)),
                range: true,
            }),
            ..day
        }
    }

    /// A day-precision date from days since 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let (y, m, d) = civil_from_days(days);
        PartialDate::day(y, m, d)
    }

    /// Monday = 0 … Sunday = 6, for day-precision dates.
    pub fn weekday(&self) -> Option<usize> {
        self.day?;
        // 1970-01-01 was a Thursday (3).
        Some((self.first_day() + 3).rem_euclid(7) as usize)
    }

    /// An uncertain day in words: "5 or 6 June 2024", "31 May or 1 June
    /// 2024", "one day between 5 and 8 June 2024".
    fn one_of_text(&self, one: OneOf, short: bool) -> String {
        let (y1, m1, d1) = one.last;
        let (m0, d0) = (self.month.unwrap_or(1), self.day.unwrap_or(1));
        let month = |m: u8| {
            if short {
                &month_name(m)[..3]
            } else {
                month_name(m)
            }
        };
        let first = if (self.year, m0) == (y1, m1) {
            d0.to_string()
        } else if self.year == y1 {
            format!("{d0} {}", month(m0))
        } else {
            format!("{d0} {} {}", month(m0), self.year)
        };
        let last = format!("{d1} {} {y1}", month(m1));
        if one.range {
            format!("one day between {first} and {last}")
        } else {
            format!("{first} or {last}")
        }
    }

    /// As a reader reads it, at its real precision:
    /// "Tue 14 May 2024", "April 2024", "2024"; approximate dates start with "c.".
    pub fn human(&self) -> String {
        if let Some(one) = self.one_of {
            return self.one_of_text(one, false);
        }
        let core = match (self.month, self.day) {
            (Some(m), Some(d)) => {
                let wd = self.weekday().map(|w| WEEKDAYS[w]).unwrap_or("");
                format!("{wd} {d} {} {}", &month_name(m)[..3], self.year)
            }
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        };
        if self.approximate {
            format!("c. {core}")
        } else {
            core
        }
    }

    /// Short form for axes and compact lists: "14 May 2024", "Apr 2024", "2024".
    pub fn short(&self) -> String {
        if let Some(one) = self.one_of {
            return self.one_of_text(one, true);
        }
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", &month_name(m)[..3], self.year),
            (Some(m), None) => format!("{} {}", &month_name(m)[..3], self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for PartialDate {
    /// The EDTF form the date was written in: `2024-05-14`, `2024-04~`,
    /// `[2024-06-05,2024-06-06]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(one) = self.one_of {
            let (y, m, d) = one.last;
            let sep = if one.range { ".." } else { "," };
            return write!(
                f,
                "[{:04}-{:02}-{:02}{sep}{y:04}-{m:02}-{d:02}]",
                self.year,
                self.month.unwrap_or(1),
                self.day.unwrap_or(1)
            );
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        if self.approximate {
            f.write_str("~")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, DateError> {
        match s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            Some(set) => one_of(s, set),
            None => single(s),
        }
    }
}

impl PartialDate {
    /// A date as a link or a date field writes it, YYYY, YYYY-MM or
    /// YYYY-MM-DD: what the reader parses, without the sets of days and
    /// the messages only the checker needs.
    pub fn plain(s: &str) -> Option<Self> {
        single(s).ok()
    }
}

/// One date, not a set of days.
fn single(s: &str) -> Result<PartialDate, DateError> {
    let form = || DateError::Form(s.chars().take(40).collect());
    let (body, approximate) = match s.strip_suffix('~') {
        Some(b) => (b, true),
        None => (s, false),
    };
    // YYYY, YYYY-MM or YYYY-MM-DD: digits, with dashes at 4 and 7.
    let b = body.as_bytes();
    let digits = |at: usize, n: usize| b[at..at + n].iter().all(u8::is_ascii_digit);
    let dash = |at: usize| b[at] == b'-';
    let shape_ok = match b.len() {
        4 => digits(0, 4),
        7 => digits(0, 4) && dash(4) && digits(5, 2),
        10 => digits(0, 4) && dash(4) && digits(5, 2) && dash(7) && digits(8, 2),
        _ => false,
    };
    if !shape_ok {
        return Err(form());
    }
    // Read as they are (checked above), with no integer parser for each
    // type in the reader's download.
    let number = |at: usize, n: usize| {
        b[at..at + n]
            .iter()
            .fold(0, |v, d| v * 10 + i32::from(d - b'0'))
    };
    let year = number(0, 4);
    if !(1000..=2999).contains(&year) {
        return Err(DateError::Year(year));
    }
    let month = if b.len() >= 7 {
        let m = number(5, 2) as u8;
        if !(1..=12).contains(&m) {
            return Err(DateError::Month(m));
        }
        Some(m)
    } else {
        None
    };
    let day = match (b.len() == 10, month) {
        (true, Some(m)) => {
            let d = number(8, 2) as u8;
            if d == 0 || d > days_in_month(year, m) {
                return Err(DateError::Day {
                    year,
                    month: m,
                    day: d,
                });
            }
            Some(d)
        }
        _ => None,
    };
    Ok(PartialDate {
        year,
        month,
        day,
        approximate,
        one_of: None,
    })
}

/// `[a,b]` or `[a..b]`: two days, the first before the last.
fn one_of(s: &str, set: &str) -> Result<PartialDate, DateError> {
    let (range, (a, b)) = match (set.split_once(".."), set.split_once(',')) {
        (Some(ab), _) => (true, ab),
        (None, Some(ab)) => (false, ab),
        _ => return Err(DateError::OneOf(s.chars().take(40).collect())),
    };
    let text = || s.chars().take(40).collect::<String>();
    let sep = if range { ".." } else { "," };
    let (first, last): (PartialDate, PartialDate) = (a.trim().parse()?, b.trim().parse()?);
    let days = |d: &PartialDate| d.precision() == Precision::Day && !d.approximate;
    if !days(&first) || !days(&last) {
        return Err(DateError::OneOfNotDays(text()));
    }
    if last.first_day() == first.first_day() {
        return Err(DateError::OneOfSame(text()));
    }
    if last.first_day() < first.first_day() {
        return Err(DateError::OneOfOrder {
            text: text(),
            fixed: format!("[{}{sep}{}]", last.iso(), first.iso()),
        });
    }
    // The schema's pattern has no spaces; the checker agrees with it.
    if a.trim() != a || b.trim() != b {
        return Err(DateError::OneOfSpaced {
            text: text(),
            fixed: format!("[{}{sep}{}]", first.iso(), last.iso()),
        });
    }
    Ok(PartialDate {
        one_of: Some(OneOf {
            last: (last.year, last.month.unwrap_or(1), last.day.unwrap_or(1)),
            range,
        }),
        ..first
    })
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Cow::<str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for PartialDate {
    fn schema_name() -> Cow<'static, str> {
        "PartialDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A date at the precision the text gives: YYYY, YYYY-MM or YYYY-MM-DD (an EDTF subset), optionally followed by ~ for approximate; or a day known only as one of two ([YYYY-MM-DD,YYYY-MM-DD]) or one of a range ([YYYY-MM-DD..YYYY-MM-DD]).",
            "type": "string",
            "pattern": "^([0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?~?|\\[[0-9]{4}-[0-9]{2}-[0-9]{2}(,|\\.\\.)[0-9]{4}-[0-9]{2}-[0-9]{2}\\])$",
            "examples": ["2024-05-14", "2024-04", "2023-10~", "[2024-06-05,2024-06-06]"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_each_precision() {
        let d: PartialDate = "2024-05-14".parse().unwrap();
        assert_eq!(d.precision(), Precision::Day);
        let m: PartialDate = "2024-04".parse().unwrap();
        assert_eq!(m.precision(), Precision::Month);
        let y: PartialDate = "2023~".parse().unwrap();
        assert_eq!(y.precision(), Precision::Year);
        assert!(y.approximate);
    }

    #[test]
    fn refuses_impossible_dates() {
        assert_eq!(
            "2023-02-29".parse::<PartialDate>(),
            Err(DateError::Day {
                year: 2023,
                month: 2,
                day: 29
            })
        );
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert_eq!("2024-13".parse::<PartialDate>(), Err(DateError::Month(13)));
        assert!(matches!(
            "15 May 2024".parse::<PartialDate>(),
            Err(DateError::Form(_))
        ));
        for bad in [
            "2024-5-14",
            "+024-05-14",
            "2024-05-1",
            "2024/05/14",
            "2024-05-14-",
            "20245-01",
            "2024--05",
            "2024-05-١٤",
            "",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn human_form_keeps_precision() {
        assert_eq!(
            "2024-05-14".parse::<PartialDate>().unwrap().human(),
            "Tue 14 May 2024"
        );
        assert_eq!(
            "2024-04".parse::<PartialDate>().unwrap().human(),
            "April 2024"
        );
        assert_eq!(
            "2023-10-07".parse::<PartialDate>().unwrap().human(),
            "Sat 7 Oct 2023"
        );
    }

    #[test]
    fn an_uncertain_day_is_one_of_a_set() {
        let d: PartialDate = "[2024-06-05,2024-06-06]".parse().unwrap();
        assert_eq!(d.human(), "5 or 6 June 2024");
        assert_eq!(d.to_string(), "[2024-06-05,2024-06-06]");
        assert_eq!(d.last_day() - d.first_day(), 1);
        let r: PartialDate = "[2024-05-30..2024-06-02]".parse().unwrap();
        assert_eq!(r.human(), "one day between 30 May and 2 June 2024");
        assert_eq!(r.short(), "one day between 30 May and 2 Jun 2024");
        assert_eq!(r.to_string(), "[2024-05-30..2024-06-02]");
        let y: PartialDate = "[2024-12-31,2025-01-01]".parse().unwrap();
        assert_eq!(y.human(), "31 December 2024 or 1 January 2025");
        for bad in [
            "[2024-06-06,2024-06-05]",
            "[2024-06,2024-07]",
            "[2024-06-05]",
            "[2024-06-05~,2024-06-06]",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    /// Each slip in a set of days gets its own message, and the fix keeps
    /// the set a set.
    #[test]
    fn each_slip_in_a_set_has_its_own_message() {
        let err = |s: &str| s.parse::<PartialDate>().unwrap_err().to_string();
        assert_eq!(
            err("[2024-06-06,2024-06-05]"),
            "\"[2024-06-06,2024-06-05]\" gives the later day first; write [2024-06-05,2024-06-06]"
        );
        assert_eq!(
            err("[2024-06-09..2024-06-05]"),
            "\"[2024-06-09..2024-06-05]\" gives the later day first; write [2024-06-05..2024-06-09]"
        );
        assert_eq!(
            err("[2024-06-05, 2024-06-06]"),
            "\"[2024-06-05, 2024-06-06]\" has spaces inside the brackets; write [2024-06-05,2024-06-06]"
        );
        assert!(err("[2024-06-05,2024-06-05]").contains("the same day twice"));
        for not_days in ["[2024-06,2024-07]", "[2024-06-05~,2024-06-06]"] {
            assert!(
                err(not_days).contains("only between whole days"),
                "{not_days}"
            );
        }
        assert!(err("[2024-06-05]").contains("is not an uncertain day"));
    }

    /// Whether `text` matches a JSON Schema `pattern` (ECMA-262 syntax; the
    /// schema's patterns use only what Rust's regex reads the same way).
    fn schema_pattern_matches(pattern: &str, text: &str) -> bool {
        regex::Regex::new(pattern).unwrap().is_match(text)
    }

    #[test]
    fn month_spans_its_days() {
        let april: PartialDate = "2024-04".parse().unwrap();
        assert_eq!(april.last_day() - april.first_day(), 29);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2024, 5, 14), 19857);
    }

    proptest! {
        #[test]
        fn civil_round_trip(days in -200_000i64..200_000) {
            let (y, m, d) = civil_from_days(days);
            prop_assert_eq!(days_from_civil(y, m, d), days);
        }

        #[test]
        fn display_round_trips(s in "[12][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?~?") {
            let d: PartialDate = s.parse().unwrap();
            prop_assert_eq!(d.to_string(), s);
        }

        /// The checker and the schema agree: every date string the checker
        /// accepts matches the schema's pattern, and every one it refuses
        /// that the pattern matches is refused for a reason the pattern
        /// cannot see (no month 13, no 30 February).
        #[test]
        fn the_checker_accepts_only_what_the_schema_allows(
            s in "\\[?[12 ][0-9]{3}(-[0-9 ]{1,2}(-[0-9]{2})?)?~?( ?(,|\\.\\.) ?[12][0-9]{3}-[01][0-9]-[0-3][0-9]\\]?)?",
        ) {
            let schema = serde_json::to_value(schemars::schema_for!(PartialDate)).unwrap();
            let pattern = schema["pattern"].as_str().unwrap();
            let matched = schema_pattern_matches(pattern, &s);
            if s.parse::<PartialDate>().is_ok() {
                prop_assert!(matched, "{s} passes the checker but not the schema's {pattern}");
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,16}") {
            let _ = s.parse::<PartialDate>();
        }
    }
}
