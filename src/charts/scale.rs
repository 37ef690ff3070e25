//! Chart scales: linear, band and time, with "nice" ticks and their labels.
//!
//! The charts compute every position here, natively testable, and the
//! components receive numbers that are already in pixels. Written for this
//! crate rather than taken from a plotting crate: the ones that exist
//! (plotters and friends) draw for themselves and would double the wasm.
//!
//! Pure: no browser types here.

use crate::base::gather::Gather;
use crate::format::date::{civil_from_days, days_from_civil, month_name};

/// A step of 1, 2 or 5 times a power of ten that cuts `lo..=hi` into about
/// `count` intervals, as d3's `tickStep` does.
///
/// ```
/// use dossier::charts::scale::tick_step;
/// assert_eq!(tick_step(0.0, 295.0, 5), 50.0);
/// assert_eq!(tick_step(0.0, 10.0, 5), 2.0);
/// assert_eq!(tick_step(0.0, 1.0, 4), 0.2);
/// ```
pub fn tick_step(lo: f64, hi: f64, count: usize) -> f64 {
    let span = (hi - lo).abs();
    if !span.is_finite() || span == 0.0 || count == 0 {
        return 1.0;
    }
    let raw = span / count as f64;
    let power = crate::base::num::decade(raw);
    let error = raw / power;
    let factor = if error >= 50f64.sqrt() {
        10.0
    } else if error >= 10f64.sqrt() {
        5.0
    } else if error >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    factor * power
}

/// A linear map from a domain of values to a range of pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Self {
        Linear { domain, range }
    }

    /// The pixel for a value. A degenerate domain maps to the range's start.
    ///
    /// ```
    /// use dossier::charts::scale::Linear;
    /// let x = Linear::new((0.0, 300.0), (0.0, 600.0));
    /// assert_eq!(x.map(75.0), 150.0);
    /// assert_eq!(x.invert(150.0), 75.0);
    /// ```
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The value at a pixel.
    pub fn invert(&self, px: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (px - r0) / (r1 - r0) * (d1 - d0)
    }

    /// The domain widened to whole ticks, so that the axis ends on a label.
    ///
    /// ```
    /// use dossier::charts::scale::Linear;
    /// let x = Linear::new((0.0, 295.0), (0.0, 200.0)).nice(5);
    /// assert_eq!(x.domain, (0.0, 300.0));
    /// ```
    pub fn nice(self, count: usize) -> Self {
        let (d0, d1) = self.domain;
        if d1 <= d0 {
            return Linear {
                domain: (d0, d0 + 1.0),
                ..self
            };
        }
        let step = tick_step(d0, d1, count);
        Linear {
            domain: ((d0 / step).floor() * step, (d1 / step).ceil() * step),
            ..self
        }
    }

    /// About `count` round values inside the domain, ends included when round.
    ///
    /// ```
    /// use dossier::charts::scale::Linear;
    /// let x = Linear::new((0.0, 300.0), (0.0, 200.0));
    /// assert_eq!(x.ticks(4), vec![0.0, 100.0, 200.0, 300.0]);
    /// ```
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let (d0, d1) = self.domain;
        let step = tick_step(d0, d1, count);
        let first = (d0 / step).ceil() as i64;
        let last = (d1 / step).floor() as i64;
        (first..=last).map(|i| i as f64 * step).gather()
    }
}

/// A tick value as an axis shows it: thousands separated, and only as many
/// decimals as the step needs.
///
/// ```
/// use dossier::charts::scale::format_tick;
/// assert_eq!(format_tick(1500.0, 500.0), "1,500");
/// assert_eq!(format_tick(0.4, 0.2), "0.4");
/// ```
pub fn format_tick(v: f64, step: f64) -> String {
    if step >= 1.0 || step <= 0.0 {
        let n = v.round();
        let sign = if n < 0.0 { "-" } else { "" };
        return format!("{sign}{}", crate::base::num::thousands(n.abs() as u64));
    }
    // The places of the step's first digit: 0.05 → 2.
    let (mut first, mut decimals) = (crate::base::num::decade(step), 0);
    while first < 0.999 && decimals < 10 {
        first *= 10.0;
        decimals += 1;
    }
    crate::base::num::fixed(v, decimals)
}

/// Equal bands along a range, with padding between and around them, as
/// d3's `scaleBand`: `n` bands, inner padding as a share of a step.
///
/// ```
/// use dossier::charts::scale::Band;
/// let b = Band::new(3, (0.0, 300.0), 0.0);
/// assert_eq!((b.start(1), b.bandwidth()), (100.0, 100.0));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    pub n: usize,
    pub range: (f64, f64),
    pub padding: f64,
}

impl Band {
    pub fn new(n: usize, range: (f64, f64), padding: f64) -> Self {
        Band {
            n,
            range,
            padding: crate::base::num::clamp(padding, 0.0, 0.95),
        }
    }

    fn step(&self) -> f64 {
        // n bands and n - 1 gaps, plus half a gap at each end: n steps.
        (self.range.1 - self.range.0) / self.n.max(1) as f64
    }

    pub fn bandwidth(&self) -> f64 {
        self.step() * (1.0 - self.padding)
    }

    /// Where band `i` starts.
    pub fn start(&self, i: usize) -> f64 {
        self.range.0 + self.step() * (self.padding / 2.0 + i as f64)
    }

    pub fn centre(&self, i: usize) -> f64 {
        self.start(i) + self.bandwidth() / 2.0
    }
}

/// A calendar unit between two time ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TimeUnit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

impl TimeUnit {
    /// From finest to coarsest.
    pub const ORDER: [TimeUnit; 6] = [
        TimeUnit::Day,
        TimeUnit::Week,
        TimeUnit::Month,
        TimeUnit::Quarter,
        TimeUnit::Year,
        TimeUnit::Decade,
    ];

    /// The first tick at or after `day`, and the tick after a tick.
    pub fn ceil(self, day: i64) -> i64 {
        let (y, m, d) = civil_from_days(day);
        match self {
            TimeUnit::Day => day,
            // Weeks start on Monday; day 0 (1970-01-01) was a Thursday.
            TimeUnit::Week => day + (7 - (day + 3).rem_euclid(7)) % 7,
            TimeUnit::Month | TimeUnit::Quarter => {
                let step = if self == TimeUnit::Month { 1 } else { 3 };
                let mut t = if d == 1 { day } else { next_month(y, m) };
                while !(civil_from_days(t).1 - 1).is_multiple_of(step) {
                    let (ty, tm, _) = civil_from_days(t);
                    t = next_month(ty, tm);
                }
                t
            }
            TimeUnit::Year | TimeUnit::Decade => {
                let step = if self == TimeUnit::Year { 1 } else { 10 };
                let mut yy = if m == 1 && d == 1 { y } else { y + 1 };
                while yy.rem_euclid(step) != 0 {
                    yy += 1;
                }
                days_from_civil(yy, 1, 1)
            }
        }
    }

    pub fn next(self, day: i64) -> i64 {
        match self {
            TimeUnit::Day => day + 1,
            TimeUnit::Week => day + 7,
            TimeUnit::Month => {
                let (y, m, _) = civil_from_days(day);
                next_month(y, m)
            }
            TimeUnit::Quarter => {
                let mut t = day;
                for _ in 0..3 {
                    let (y, m, _) = civil_from_days(t);
                    t = next_month(y, m);
                }
                t
            }
            TimeUnit::Year => {
                let (y, _, _) = civil_from_days(day);
                days_from_civil(y + 1, 1, 1)
            }
            TimeUnit::Decade => {
                let (y, _, _) = civil_from_days(day);
                days_from_civil(y + 10, 1, 1)
            }
        }
    }

    /// The unit's name, as a sentence uses it: "week".
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Day => "day",
            TimeUnit::Week => "week",
            TimeUnit::Month => "month",
            TimeUnit::Quarter => "quarter",
            TimeUnit::Year => "year",
            TimeUnit::Decade => "decade",
        }
    }

    /// About how many days a step spans.
    pub fn days(self) -> f64 {
        match self {
            TimeUnit::Day => 1.0,
            TimeUnit::Week => 7.0,
            TimeUnit::Month => 30.4,
            TimeUnit::Quarter => 91.3,
            TimeUnit::Year => 365.25,
            TimeUnit::Decade => 3652.5,
        }
    }
}

fn next_month(y: i32, m: u8) -> i64 {
    if m == 12 {
        days_from_civil(y + 1, 1, 1)
    } else {
        days_from_civil(y, m + 1, 1)
    }
}

/// A tick on a time axis: the day it marks and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeTick {
    pub day: i64,
    pub label: String,
}

/// A map from days (since 1970-01-01, as [`crate::format::date`] counts them) to
/// pixels. The domain's end is exclusive: a day is drawn as the span from
/// its start to the next day's start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Time {
    pub start: i64,
    pub end: i64,
    pub range: (f64, f64),
}

impl Time {
    /// A time scale from the first day to the last, both included.
    pub fn new(first_day: i64, last_day: i64, range: (f64, f64)) -> Self {
        Time {
            start: first_day,
            end: last_day.max(first_day) + 1,
            range,
        }
    }

    fn linear(&self) -> Linear {
        Linear::new((self.start as f64, self.end as f64), self.range)
    }

    /// The pixel where a day begins.
    ///
    /// ```
    /// use dossier::charts::scale::Time;
    /// use dossier::format::date::days_from_civil;
    /// let t = Time::new(days_from_civil(2024, 5, 1), days_from_civil(2024, 5, 31), (0.0, 310.0));
    /// assert_eq!(t.map(days_from_civil(2024, 5, 15)), 140.0);
    /// assert_eq!(t.day_at(145.0), days_from_civil(2024, 5, 15));
    /// ```
    pub fn map(&self, day: i64) -> f64 {
        self.linear().map(day as f64)
    }

    /// The day under a pixel, clamped to the domain.
    pub fn day_at(&self, px: f64) -> i64 {
        let d = self.linear().invert(px).floor() as i64;
        d.clamp(self.start, self.end - 1)
    }

    /// The finest step (a calendar unit, or two, or five of it) that gives
    /// at most `max_ticks` ticks, and those ticks with their labels. A
    /// year's label is half as wide as a month's ("2024", "Jan 2024"), so
    /// steps of years may give twice as many; a `max_ticks` of 1 leaves
    /// room for a year's label only. A label names the year on the first
    /// tick and whenever the year changes.
    ///
    /// ```
    /// use dossier::charts::scale::Time;
    /// use dossier::format::date::days_from_civil;
    /// let t = Time::new(days_from_civil(2023, 10, 7), days_from_civil(2024, 5, 15), (0.0, 600.0));
    /// let labels: Vec<String> = t.ticks(8).into_iter().map(|t| t.label).collect();
    /// assert_eq!(labels, ["Nov 2023", "Dec", "Jan 2024", "Feb", "Mar", "Apr", "May"]);
    /// let decade = Time::new(days_from_civil(2014, 3, 1), days_from_civil(2024, 5, 15), (0.0, 320.0));
    /// let labels: Vec<String> = decade.ticks(4).into_iter().map(|t| t.label).collect();
    /// assert_eq!(labels, ["2016", "2018", "2020", "2022", "2024"]);
    /// ```
    pub fn ticks(&self, max_ticks: usize) -> Vec<TimeTick> {
        use TimeUnit::*;
        // From finest to coarsest: each unit, then two or five of it where
        // the next unit is too coarse a jump (half years, two and five years).
        const STEPS: [(TimeUnit, i64); 14] = [
            (Day, 1),
            (Day, 2),
            (Week, 1),
            (Week, 2),
            (Month, 1),
            (Quarter, 1),
            (Quarter, 2),
            (Year, 1),
            (Year, 2),
            (Year, 5),
            (Decade, 1),
            (Decade, 5),
            (Decade, 10),
            (Decade, 50),
        ];
        // A step of k units ticks every k-th unit, counted from the start
        // of a month (days), of a year (months, quarters) or of the era
        // (weeks, years), so that the ticks fall on round dates: the 1st,
        // 3rd, 5th; every other Monday; January and July; 2020, 2025.
        let on_step = |(unit, k): (TimeUnit, i64), day: i64| {
            let (y, m, d) = civil_from_days(day);
            let n = match unit {
                Day => i64::from(d) - 1,
                Week => day,
                Month => i64::from(m) - 1,
                Quarter => (i64::from(m) - 1) / 3,
                Year => i64::from(y),
                Decade => i64::from(y) / 10,
            };
            n.rem_euclid(k) == 0
        };
        // Whether a step's ticks number at most `room`, counted (and no
        // further than that). A month's or a day's label ("Jan 2024") needs
        // the room of two ticks wherever it falls.
        let fits = |&(unit, k): &(TimeUnit, i64)| {
            let room = if unit >= Year {
                2 * max_ticks
            } else {
                max_ticks
            };
            if unit < Year && room < 2 {
                return false;
            }
            let (mut day, mut n) = (unit.ceil(self.start), 0);
            while day < self.end && n <= room {
                n += usize::from(on_step((unit, k), day));
                day = unit.next(day);
            }
            n <= room
        };
        let step = STEPS.into_iter().find(fits).unwrap_or((Decade, 100));
        let unit = step.0;
        let mut out = Vec::new();
        let mut day = unit.ceil(self.start);
        let mut last_year = None;
        // (Only a span of millennia finds no step that fits: it is cut short.)
        while day < self.end && out.len() < 2 * max_ticks.max(1) {
            if !on_step(step, day) {
                day = unit.next(day);
                continue;
            }
            let (y, m, d) = civil_from_days(day);
            let short = &month_name(m)[..3];
            let new_year = last_year != Some(y);
            let label = match unit {
                Day | Week => {
                    if new_year {
                        format!("{d} {short} {y}")
                    } else {
                        format!("{d} {short}")
                    }
                }
                Month | Quarter => {
                    if new_year {
                        format!("{short} {y}")
                    } else {
                        short.to_owned()
                    }
                }
                Year | Decade => y.to_string(),
            };
            last_year = Some(y);
            out.push(TimeTick { day, label });
            day = unit.next(day);
        }
        out
    }
}

/// A time axis in pieces: one linear piece, or a focus on the days where
/// the events crowd with the rest of the period compressed beside it, and a
/// small gap (the axis break) between pieces. Pieces are in order and
/// contiguous in days: each starts on the day the one before it ends.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    pub pieces: Vec<Time>,
}

impl Axis {
    /// One linear piece from the first day to the last, both included.
    pub fn linear(first_day: i64, last_day: i64, range: (f64, f64)) -> Axis {
        Axis {
            pieces: vec![Time::new(first_day, last_day, range)],
        }
    }

    /// The days `focus` (both included) get `share` of the width; the days
    /// before and after it share the rest in proportion to their length,
    /// each beyond a `gap` of pixels.
    ///
    /// ```
    /// use dossier::charts::scale::Axis;
    /// // 100 days, the last 10 in focus with 60 % of the 388 px left of
    /// // 400 after a 12 px break: 90 days in 155.2 px, then 10 in 232.8 px.
    /// let a = Axis::focus(0, 99, (90, 99), (0.0, 400.0), 0.6, 12.0);
    /// assert_eq!(a.pieces.len(), 2);
    /// assert_eq!(a.map(0), 0.0);
    /// assert_eq!(a.map_end(100), 400.0);
    /// assert!((a.map_end(90) - 155.2).abs() < 1e-9);
    /// assert!((a.map(90) - 167.2).abs() < 1e-9);
    /// assert_eq!(a.day_at(a.map(95) + 0.1), 95);
    /// ```
    pub fn focus(
        first_day: i64,
        last_day: i64,
        focus: (i64, i64),
        range: (f64, f64),
        share: f64,
        gap: f64,
    ) -> Axis {
        let end = last_day.max(first_day) + 1;
        let (f0, f1) = (
            focus.0.clamp(first_day, end - 1),
            focus.1.clamp(first_day, end - 1) + 1,
        );
        let spans = [(first_day, f0), (f0, f1), (f1, end)];
        let present: Vec<(i64, i64, bool)> = spans
            .iter()
            .enumerate()
            .filter(|(_, (a, b))| b > a)
            .map(|(k, &(a, b))| (a, b, k == 1))
            .gather();
        let gaps = present.len().saturating_sub(1) as f64 * gap;
        let width = (range.1 - range.0 - gaps).max(1.0);
        let context_days: i64 = present.iter().filter(|p| !p.2).map(|p| p.1 - p.0).sum();
        let has_context = context_days > 0;
        let mut x = range.0;
        let pieces = present
            .iter()
            .map(|&(a, b, is_focus)| {
                let w = if !has_context {
                    width
                } else if is_focus {
                    width * share
                } else {
                    width * (1.0 - share) * (b - a) as f64 / context_days as f64
                };
                let piece = Time::new(a, b - 1, (x, x + w));
                x += w + gap;
                piece
            })
            .gather();
        Axis { pieces }
    }

    /// The first day, and the day after the last.
    pub fn start(&self) -> i64 {
        self.pieces[0].start
    }

    pub fn end(&self) -> i64 {
        self.pieces[self.pieces.len() - 1].end
    }

    /// The pixel where a day begins.
    pub fn map(&self, day: i64) -> f64 {
        let last = &self.pieces[self.pieces.len() - 1];
        self.pieces
            .iter()
            .find(|p| day < p.end)
            .unwrap_or(last)
            .map(day)
    }

    /// The pixel where the day before `day` ends: the right edge of a span
    /// that ends as `day` begins, on the same side of a break as its start.
    pub fn map_end(&self, day: i64) -> f64 {
        let last = &self.pieces[self.pieces.len() - 1];
        self.pieces
            .iter()
            .find(|p| day <= p.end)
            .unwrap_or(last)
            .map(day)
    }

    /// The day under a pixel, clamped to the axis; a pixel in a break
    /// belongs to the piece after it.
    pub fn day_at(&self, px: f64) -> i64 {
        let last = &self.pieces[self.pieces.len() - 1];
        self.pieces
            .iter()
            .find(|p| px < p.range.1)
            .unwrap_or(last)
            .day_at(px)
    }

    /// The middle of each break between pieces, in pixels.
    pub fn breaks(&self) -> Vec<f64> {
        self.pieces
            .windows(2)
            .map(|w| (w[0].range.1 + w[1].range.0) / 2.0)
            .gather()
    }

    /// Ticks for every piece, each piece given its share of `max_ticks`.
    pub fn ticks(&self, max_ticks: usize) -> Vec<TimeTick> {
        let total: f64 = self.pieces.iter().map(|p| p.range.1 - p.range.0).sum();
        self.pieces
            .iter()
            .flat_map(|p| {
                let share = (p.range.1 - p.range.0) / total.max(1.0);
                p.ticks(((max_ticks as f64 * share).round() as usize).max(1))
            })
            .gather()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(tick_step(0.0, 100.0, 10), 10.0);
        assert_eq!(tick_step(0.0, 79.0, 4), 20.0);
        assert_eq!(tick_step(0.0, 14.0, 5), 2.0);
        assert_eq!(tick_step(0.0, 0.0, 5), 1.0, "a degenerate domain");
        assert_eq!(tick_step(0.0, f64::NAN, 5), 1.0);
    }

    #[test]
    fn nice_domains_end_on_a_tick() {
        let x = Linear::new((0.0, 79.0), (0.0, 100.0)).nice(4);
        assert_eq!(x.domain, (0.0, 80.0));
        assert_eq!(x.ticks(4), [0.0, 20.0, 40.0, 60.0, 80.0]);
        let empty = Linear::new((0.0, 0.0), (0.0, 100.0)).nice(4);
        assert_eq!(empty.domain, (0.0, 1.0));
        assert_eq!(empty.map(0.0), 0.0);
    }

    #[test]
    fn bands_fill_the_range_with_padding() {
        let b = Band::new(4, (0.0, 400.0), 0.2);
        assert!(b.start(0) > 0.0);
        let end = b.start(3) + b.bandwidth();
        assert!(
            (400.0 - end - b.start(0)).abs() < 1e-9,
            "symmetric outer padding"
        );
        assert!(b.start(1) - (b.start(0) + b.bandwidth()) > 0.0);
    }

    #[test]
    fn time_ticks_pick_a_unit_that_fits() {
        let d = days_from_civil;
        let week = Time::new(d(2024, 5, 10), d(2024, 5, 16), (0.0, 300.0));
        let labels: Vec<String> = week.ticks(10).into_iter().map(|t| t.label).collect();
        assert_eq!(labels[0], "10 May 2024");
        assert_eq!(labels[1], "11 May");
        let decades = Time::new(d(2001, 3, 1), d(2024, 5, 15), (0.0, 300.0));
        let ticks = decades.ticks(6);
        assert!(ticks.len() <= 12);
        assert!(ticks.iter().all(|t| t.label.len() == 4), "{ticks:?}");
        // Two years at a phone's four ticks: half years, not two ticks.
        let labels = |t: Vec<TimeTick>| t.into_iter().map(|t| t.label).collect::<Vec<_>>();
        let two = Time::new(d(2022, 12, 29), d(2024, 12, 31), (0.0, 300.0));
        assert_eq!(labels(two.ticks(4)), ["Jan 2023", "Jul", "Jan 2024", "Jul"]);
        // Two months at four ticks: every other Monday, not one month's name.
        let weeks = Time::new(d(2024, 7, 10), d(2024, 8, 30), (0.0, 300.0));
        assert_eq!(labels(weeks.ticks(4)), ["22 Jul 2024", "5 Aug", "19 Aug"]);
        // Twelve days: every other day of the month, and across its end.
        let days = Time::new(d(2024, 4, 28), d(2024, 5, 9), (0.0, 300.0));
        assert_eq!(
            labels(days.ticks(6)),
            ["29 Apr 2024", "1 May", "3 May", "5 May", "7 May", "9 May"]
        );
        // Three centuries: every hundred years.
        let ages = Time::new(d(1750, 1, 1), d(2024, 5, 15), (0.0, 300.0));
        assert_eq!(labels(ages.ticks(2)), ["1800", "1900", "2000"]);
        // Fifty years: every ten, on the decade.
        let fifty = Time::new(d(1975, 6, 1), d(2024, 5, 15), (0.0, 300.0));
        assert_eq!(
            labels(fifty.ticks(3)),
            ["1980", "1990", "2000", "2010", "2020"]
        );
        let weeks = Time::new(d(2024, 4, 1), d(2024, 5, 15), (0.0, 300.0)).ticks(8);
        assert_eq!(weeks[0].day, d(2024, 4, 1), "a Monday");
        assert!(weeks.windows(2).all(|w| w[1].day - w[0].day == 7));
        let quarters = Time::new(d(2022, 2, 1), d(2024, 5, 15), (0.0, 300.0)).ticks(10);
        assert_eq!(quarters[0].label, "Apr 2022");
        assert_eq!(quarters[1].label, "Jul");
    }

    proptest! {
        #[test]
        fn a_focus_axis_is_monotonic_and_inverts(first in 15000i64..25000, len in 30i64..4000, at in 0.0f64..1.0, w in 0i64..20) {
            let last = first + len;
            let f0 = first + ((len - w) as f64 * at) as i64;
            let a = Axis::focus(first, last, (f0, f0 + w), (10.0, 610.0), 0.6, 12.0);
            prop_assert_eq!((a.start(), a.end()), (first, last + 1));
            let mut prev = f64::MIN;
            for day in first..=last + 1 {
                let x = a.map(day);
                prop_assert!(x >= prev && (10.0..=610.0 + 1e-9).contains(&x));
                prev = a.map_end(day + 1);
                if day <= last {
                    prop_assert_eq!(a.day_at(x + 1e-6), day);
                }
            }
        }

        #[test]
        fn ticks_are_inside_the_domain_and_increasing(lo in -1e6f64..1e6, span in 1e-3f64..1e7, n in 1usize..20) {
            let x = Linear::new((lo, lo + span), (0.0, 500.0));
            let t = x.ticks(n);
            prop_assert!(!t.is_empty() || span < tick_step(lo, lo + span, n));
            prop_assert!(t.windows(2).all(|w| w[0] < w[1]));
            prop_assert!(t.iter().all(|&v| v >= lo - 1e-6 * span && v <= lo + span + 1e-6 * span));
            prop_assert!(t.len() <= 3 * n + 2);
        }

        #[test]
        fn map_and_invert_round_trip(v in -1e6f64..1e6) {
            let x = Linear::new((-5e5, 2e6), (10.0, 610.0));
            prop_assert!((x.invert(x.map(v)) - v).abs() < 1e-6);
        }

        #[test]
        fn time_ticks_are_in_range_and_few(start in 15000i64..25000, len in 0i64..20000, max in 2usize..16) {
            let t = Time::new(start, start + len, (0.0, 320.0));
            let ticks = t.ticks(max);
            // Years ("2024") may come twice as many as wider labels.
            let years = ticks.iter().all(|k| k.label.len() == 4);
            let limit = if years { 2 * max } else { max };
            prop_assert!(ticks.len() <= limit);
            prop_assert!(ticks.windows(2).all(|w| w[0].day < w[1].day));
            prop_assert!(ticks.iter().all(|k| k.day >= t.start && k.day < t.end));
            prop_assert!(t.day_at(t.map(start + len / 2) + 0.01) == start + len / 2);
        }
    }
}
