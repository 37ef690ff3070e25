//! The timeline, computed: each event's mark on a time axis, in pixels for a
//! given width, with the axis ticks, the clickable ranges under the axis,
//! and the reader's current date range.
//!
//! An event dated to the day is a point; one dated only to the month or
//! year, or with an end date, is a span over the whole period it could be
//! in, so that the chart claims no more precision than the text gives.
//! Marks that would overlap are stacked in lanes.
//!
//! Pure: no browser types here.

use crate::base::gather::{push_all, Gather};
use crate::base::labels::{Anchor, Rect, Text};
use crate::base::num::{fixed, short, thousands};
use crate::base::svg::num;
use crate::charts::scale::{Axis, TimeUnit};
use crate::format::date::{PartialDate, Precision};
use crate::format::model::{Dataset, Event};
use crate::format::vocab::{EventKind, TimeOfDay};
use crate::view::present::{event_date, group_class, plural};

/// One event on the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// Index into `dataset.events`.
    pub event: usize,
    pub id: String,
    /// A point's centre, or a span's start.
    pub x: f64,
    /// The lane's centre line.
    pub y: f64,
    /// A span's width; 0 for a point.
    pub w: f64,
    /// The kind's ACLED group, or one of [`OWN`], as the mark's
    /// `data-kind`; it also picks the symbol.
    pub group: &'static str,
    /// The current filters keep this event.
    pub shown: bool,
    /// A single day not known exactly ("5 or 6 June"): the span is where
    /// it may fall, drawn as uncertain, not as a period.
    pub uncertain: bool,
    /// The event in one line: date, kind and summary.
    pub label: String,
}

/// A stretch of the axis that selects its dates when clicked.
#[derive(Debug, Clone, PartialEq)]
pub struct Range {
    pub x: f64,
    pub w: f64,
    pub from: PartialDate,
    pub to: PartialDate,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub x: f64,
    pub label: Text,
}

/// The timeline at one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    pub width: f64,
    pub height: f64,
    /// The time axis: linear, or a focus on the crowded days with a break.
    pub axis: Axis,
    /// The events one by one; empty in the binned view.
    pub marks: Vec<Mark>,
    /// Counts per interval, when there are too many events to draw apart.
    pub bins: Option<Bins>,
    /// Where the axis breaks between a compressed and a focused stretch.
    pub breaks: Vec<f64>,
    /// The plot's top and bottom, where the marks and the brush are.
    pub top: f64,
    pub axis_y: f64,
    pub ticks: Vec<Tick>,
    pub ranges: Vec<Range>,
    /// The parts of an event tied to their whole: one path of short
    /// lines, from the whole's mark to each part's, drawn behind the marks.
    pub parts: String,
    /// The reader's date range, shaded, in pixels.
    pub selection: Option<(f64, f64)>,
    /// The story's own kinds that have a shape of their own: their marks'
    /// class (see [`OWN`]), and an event of the kind, which names it.
    pub own: Vec<(&'static str, usize)>,
    pub title: String,
    pub description: String,
}

/// Counts per interval: the kind's group (or "out", the events the filters
/// leave out, drawn pale), as one SVG path of rectangles.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub group: &'static str,
    pub d: String,
}

/// One interval of the binned view: a button that shows only its dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Bin {
    pub x: f64,
    pub w: f64,
    /// The top of its bar.
    pub y: f64,
    pub from: PartialDate,
    pub to: PartialDate,
    pub total: usize,
    pub kept: usize,
    /// "1 May 2024 to 7 May 2024: 12 events".
    pub label: String,
}

/// The binned view.
#[derive(Debug, Clone, PartialEq)]
pub struct Bins {
    /// "day", "week", "month", "quarter", "year" or "decade".
    pub unit: &'static str,
    pub layers: Vec<Layer>,
    /// The non-empty intervals, oldest first.
    pub cells: Vec<Bin>,
    /// The largest count, which the tallest bar shows.
    pub max: usize,
    /// Some event falls, or may fall, in more than one bar (it lasts, or
    /// its day is known only to a longer period), and is counted in each:
    /// the bars then add up to more than the events, which the legend says.
    pub spread: bool,
}

/// What the marks mean, for the description screen readers hear.
const MARKS: &str = "Points are events dated to the day; bars are events known only to the month or year, or lasting several days.";

/// The radius of a point, and the height of a lane.
pub const RADIUS: f64 = 4.5;
/// The least width of a span: its symbol (at its start) and 6 px of bar
/// beside it. A month on a decade's axis is a few pixels wide, and a bar no
/// wider than its symbol would be hidden under it, drawn as a day.
const SPAN_MIN: f64 = 2.0 * RADIUS + 6.0;
const LANE: f64 = 12.0;
/// Lanes for periods, above the points; further periods share the last.
const SPAN_LANES: usize = 3;
/// A second row of tick labels, below the first.
const ROW: f64 = 15.0;
/// Points are never stacked higher than this: past it, the binned view.
pub const POINT_LANES: usize = 5;
/// Past this many events the timeline shows counts, not marks.
pub const MAX_MARKS: usize = 300;
/// The share of the width the crowded days get on a focus axis.
const FOCUS_SHARE: f64 = 0.6;
/// The gap an axis break leaves, in pixels.
const BREAK: f64 = 14.0;
/// The narrowest bar of the binned view, with its gap, in pixels.
const MIN_BIN: f64 = 10.0;
/// The binned view's height for the largest count, in pixels.
const BIN_HEIGHT: f64 = 72.0;
const PAD: f64 = 10.0;
const TICK_FONT: f64 = 11.0;

/// An SVG path for a point of the given group, centred on the origin, so
/// that the kind reads without colour too: a circle for news, a triangle for
/// remote violence, a square for battles, a diamond for violence against
/// civilians, a hexagon for protests and riots, a pentagon for strategic
/// developments; and for a story's own kinds (see [`OWN`]), in grey, a
/// cross, an × and a star.
///
/// ```
/// use dossier::charts::timeline::symbol;
/// assert!(symbol("remote", 5.0).starts_with('M'));
/// assert_ne!(symbol("remote", 5.0), symbol("battles", 5.0));
/// assert_ne!(symbol("other", 5.0), symbol("other-2", 5.0));
/// ```
pub fn symbol(group: &str, r: f64) -> String {
    // `n` corners at `scale` times the radius, every other one at `inner`
    // times it (a star), the first at `rot`.
    let polygon = |n: usize, rot: f64, scale: f64, inner: f64| {
        let mut d = String::new();
        for i in 0..n {
            let a = rot + i as f64 * std::f64::consts::TAU / n as f64;
            let (sin, cos) = crate::base::num::sin_cos(a);
            let s = r * if i % 2 == 1 { inner } else { scale };
            let to = if i == 0 { 'M' } else { 'L' };
            d.push_str(&format!("{to}{},{}", fixed(s * cos, 2), fixed(s * sin, 2)));
        }
        d.push('Z');
        d
    };
    use std::f64::consts::FRAC_PI_2;
    match group {
        "remote" => polygon(3, -FRAC_PI_2, 1.3, 1.3),
        "battles" => polygon(4, std::f64::consts::FRAC_PI_4, 1.25, 1.25),
        "civilians" => polygon(4, 0.0, 1.3, 1.3),
        "protest" => polygon(6, 0.0, 1.15, 1.15),
        "strategic" => polygon(5, -FRAC_PI_2, 1.2, 1.2),
        "other" => {
            // A cross, its arms a third of its width.
            let (a, b) = (short(r * 1.2), short(r * 0.4));
            format!("M-{b},-{a}H{b}V-{b}H{a}V{b}H{b}V{a}H-{b}V{b}H-{a}V-{b}H-{b}Z")
        }
        "other-2" => {
            // The same cross turned by 45°: an ×.
            let (a, b) = (short(r * 1.13), short(r * 0.566));
            format!("M{b},-{a}L{a},-{b}L{b},0L{a},{b}L{b},{a}L0,{b}L-{b},{a}L-{a},{b}L-{b},0L-{a},-{b}L-{b},-{a}L0,-{b}Z")
        }
        "other-3" => polygon(10, -FRAC_PI_2, 1.55, 0.65),
        _ => {
            let r2 = fixed(-r, 2);
            let r = short(r);
            format!("M{r},0A{r},{r} 0 1,1 {r2},0A{r},{r} 0 1,1 {r},0Z")
        }
    }
}

/// The marks' classes for a story's own kinds (`x-…`, of no ACLED group),
/// in the order the story first gives them: each has a shape of its own
/// (see [`symbol`]) and its name in the legend. A story with more than
/// three shares the last among all the rest, named "Other kinds" there
/// (each card names its own).
pub const OWN: [&str; 3] = ["other", "other-2", "other-3"];

/// A story's own kinds told apart on the marks, by shape, in the order
/// the story first gives them, so that a filter never changes which shape
/// a kind has. Gives the legend's entries for those that have a shape of
/// their own: each class, with an event of its kind.
fn own_kinds(ds: &Dataset, marks: &mut [Mark]) -> Vec<(&'static str, usize)> {
    // The first kinds, and the first event of each: one past those with a
    // shape of their own says there are more, however many a story has.
    let mut kinds: Vec<&EventKind> = Vec::new();
    let mut first = Vec::new();
    for (i, e) in ds.events.iter().enumerate() {
        if matches!(e.kind, EventKind::Custom(_)) && !kinds.contains(&&e.kind) {
            kinds.push(&e.kind);
            first.push(i);
            if kinds.len() > OWN.len() {
                break;
            }
        }
    }
    let last = OWN.len() - 1;
    for m in marks {
        let kind = &ds.events[m.event].kind;
        if matches!(kind, EventKind::Custom(_)) {
            let rank = kinds.iter().position(|&k| k == kind).unwrap_or(last);
            m.group = OWN[rank.min(last)];
        }
    }
    let named = if first.len() > OWN.len() {
        last
    } else {
        first.len()
    };
    OWN.into_iter().zip(first).take(named).gather()
}

/// The shortest run of days holding most (three in five) of the events,
/// when it is a small part (under an eighth) of a period of a month or
/// more: the story's own days inside months of context.
fn crowded_days(spans: &[(i64, i64)], first: i64, last: i64) -> Option<(i64, i64)> {
    let mut days: Vec<i64> = spans.iter().map(|s| s.0).gather();
    crate::base::order::sort(&mut days);
    let n = days.len();
    let k = (n * 3).div_ceil(5);
    if n < 6 || last - first < 30 {
        return None;
    }
    let (a, b) = (0..=n - k)
        .map(|i| (days[i], days[i + k - 1]))
        .min_by_key(|(a, b)| (b - a, *a))?;
    // A little room either side, so the crowded days are not at the break.
    let pad = ((b - a) / 5).max(1);
    let (a, b) = ((a - pad).max(first), (b + pad).min(last));
    ((b - a + 1) * 8 <= last - first + 1).then_some((a, b))
}

/// Where each mark goes, and whether a day told by time of day is drawn
/// in its parts; or `None` when the points cannot be drawn apart in
/// [`POINT_LANES`] lanes (the binned view is drawn instead). A day too full
/// for its parts to hold their events in the lanes is drawn as one, from
/// its start, rather than counted: its parts are then not named.
fn place_marks(
    events: &[&Event],
    spans: &[(i64, i64)],
    axis: &Axis,
    top: f64,
    keep: &[bool],
) -> Option<(Vec<Mark>, usize, bool)> {
    place_in(events, spans, axis, top, keep, true)
        .or_else(|| place_in(events, spans, axis, top, keep, false))
}

/// Whether `n` points fit side by side in `room` pixels, one row.
fn one_row(n: usize, room: f64) -> bool {
    (n as f64 - 1.0) * (2.0 * RADIUS + 1.5) <= room
}

/// [`place_marks`], with the days told by time of day drawn in their
/// parts or not (`parted`).
fn place_in(
    events: &[&Event],
    spans: &[(i64, i64)],
    axis: &Axis,
    top: f64,
    keep: &[bool],
    parted: bool,
) -> Option<(Vec<Mark>, usize, bool)> {
    let is_point = |i: usize| spans[i].0 == spans[i].1 && is_point(events[i]);
    let mut order: Vec<usize> = (0..events.len()).gather();
    crate::base::order::sort_by_key(&mut order, |&i| (spans[i].0, spans[i].1, i));
    // Periods first, in lanes of their own above the points: first fit.
    let mut span_ends: Vec<f64> = Vec::new();
    let mut placed: Vec<(usize, f64, f64, usize, bool)> = Vec::new();
    for &i in order.iter().filter(|&&i| !is_point(i)) {
        // At least SPAN_MIN wide; one that would then run past the axis's
        // end starts earlier instead.
        let (start, end) = (axis.map(spans[i].0), axis.map_end(spans[i].1 + 1));
        let x1 = end
            .max(start + SPAN_MIN)
            .min(axis.map_end(axis.end()).max(end));
        let x0 = start.min(x1 - SPAN_MIN);
        let lane = match span_ends.iter().position(|&end| end + 2.0 <= x0) {
            Some(l) => l,
            None if span_ends.len() < SPAN_LANES => {
                span_ends.push(f64::MIN);
                span_ends.len() - 1
            }
            None => SPAN_LANES - 1,
        };
        span_ends[lane] = span_ends[lane].max(x1);
        placed.push((i, x0, x1 - x0, lane, false));
    }
    // Points go where their day puts them, spread over its width in their
    // order (by time of day where the text gives it), then slide right,
    // lane by lane, past a neighbour: a wide day holds its events side by
    // side across it, never in a column or a heap at its start.
    let points: Vec<usize> = order.iter().copied().filter(|&i| is_point(i)).gather();
    let mut targets: Vec<(f64, f64, usize)> = Vec::with_capacity(points.len());
    for day in points.chunk_by(|&a, &b| spans[a].0 == spans[b].0) {
        let d = spans[day[0]].0;
        let (d0, d1) = (axis.map(d), axis.map_end(d + 1));
        let (lo, hi) = if d1 - d0 > 2.0 * RADIUS {
            (d0 + RADIUS, d1 - RADIUS)
        } else {
            let c = (d0 + d1) / 2.0;
            (c, c)
        };
        // A day too narrow for its events in one row fills row after row
        // from its start, in their order; in its parts, each part's rows.
        let fits = one_row(day.len(), hi - lo);
        let parts = day_parts(events, day).filter(|_| parted);
        let fractions = if fits || parts.is_some() {
            day_fractions(events, day, parts, hi - lo)
        } else {
            vec![(0.0, 1.0); day.len()]
        };
        for (&i, (f, end)) in day.iter().zip(fractions) {
            targets.push((lo + f * (hi - lo), lo + end * (hi - lo), i));
        }
    }
    crate::base::order::sort_by(&mut targets, |a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)));
    let mut point_ends = [f64::MIN; POINT_LANES];
    let mut used = 0;
    for (target, hi, i) in targets {
        let lane = (0..POINT_LANES).find(|&l| point_ends[l] + 2.0 * RADIUS + 1.5 <= hi)?;
        let x = target.max(point_ends[lane] + 2.0 * RADIUS + 1.5);
        point_ends[lane] = x;
        used = used.max(lane + 1);
        placed.push((i, x, 0.0, span_ends.len() + lane, true));
    }
    let marks = placed
        .into_iter()
        .map(|(i, x, w, lane, _)| {
            let e = events[i];
            Mark {
                event: i,
                id: e.id.clone(),
                x,
                y: top + LANE * (lane as f64 + 0.5),
                w,
                group: group_class(&e.kind),
                shown: keep[i],
                uncertain: e.date.one_of.is_some(),
                label: format!("{}: {}. {}", event_date(e), e.kind.label(), e.summary),
            }
        })
        .gather();
    Some((marks, span_ends.len() + used, parted))
}

/// Whether an event is dated to a day, drawn as a point where it lasts no longer.
fn is_point(e: &Event) -> bool {
    e.date.precision() == Precision::Day
}

/// How a day told by time of day divides, from the events dated to it
/// (`day`, by index): the parts before morning and the parts in all.
/// First a part for its events with no time, if it has any, beside the
/// day's own label (never drawn as if at night); then morning, afternoon,
/// evening and night. `None` for a day with no time given.
fn day_parts(events: &[&Event], day: &[usize]) -> Option<(usize, f64)> {
    let timed = day
        .iter()
        .filter(|&&i| events[i].time_of_day.is_some())
        .count();
    (timed > 0).then(|| {
        let untimed = (timed < day.len()) as usize;
        (untimed, (4 + untimed) as f64)
    })
}

/// Where in their day the events of one day go, from 0 (its start) to 1
/// (its end), with the end of their part: each in its part of the day
/// ([`day_parts`]), the events of one part spread evenly over it in their
/// order, or, too many for one row in its `room` (the day's width in
/// pixels), from its start, row after row, never in the next part's room;
/// on a day with no time given (`parts` none), spread evenly over the
/// whole day.
fn day_fractions(
    events: &[&Event],
    day: &[usize],
    parts: Option<(usize, f64)>,
    room: f64,
) -> Vec<(f64, f64)> {
    let part = |i: usize| match (events[i].time_of_day, parts) {
        (Some(t), Some((before, _))) => before + t as usize,
        _ => 0,
    };
    let n = parts.map_or(1.0, |p| p.1);
    day.iter()
        .map(|&i| {
            let same: Vec<usize> = day.iter().copied().filter(|&j| part(j) == part(i)).gather();
            let k = same.iter().position(|&j| j == i).unwrap_or(0);
            let p = part(i) as f64;
            let at = if one_row(same.len(), room / n) {
                (k as f64 + 0.5) / same.len() as f64
            } else {
                0.0
            };
            ((p + at) / n, (p + 1.0) / n)
        })
        .gather()
}

/// The binning interval for a period of `days` at `width` pixels: the
/// finest calendar unit that gives bars of at least [`MIN_BIN`] pixels.
fn bin_unit(days: i64, width: f64) -> TimeUnit {
    let most = (width / MIN_BIN).max(1.0);
    TimeUnit::ORDER
        .into_iter()
        .find(|u| days as f64 / u.days() <= most)
        .unwrap_or(TimeUnit::Decade)
}

/// Counts per interval, stacked by kind: one path per layer and one
/// button per non-empty bin, so the element count stays small however many
/// events there are.
fn bin(
    events: &[&Event],
    spans: &[(i64, i64)],
    axis: &Axis,
    keep: &[bool],
    top: f64,
    width: f64,
) -> Bins {
    let unit = bin_unit(axis.end() - axis.start(), width);
    let mut cuts = vec![axis.start()];
    let mut day = unit.ceil(axis.start() + 1);
    while day < axis.end() {
        cuts.push(day);
        day = unit.next(day);
    }
    cuts.push(axis.end());
    let n = cuts.len() - 1;
    let at = |day: i64| {
        cuts.partition_point(|&c| c <= day)
            .saturating_sub(1)
            .min(n - 1)
    };
    let groups: Vec<&'static str> = {
        let mut g: Vec<&'static str> = events.iter().map(|e| group_class(&e.kind)).gather();
        crate::base::order::sort(&mut g);
        g.dedup();
        g
    };
    // counts[bin][group], and the totals. An event counts in every bin its
    // days overlap, as choosing that bin's dates keeps it: a bar shows as
    // many events as choosing it does.
    let mut kept = vec![vec![0usize; groups.len()]; n];
    let mut total = vec![0usize; n];
    let mut spread = false;
    for (i, e) in events.iter().enumerate() {
        let g = groups.binary_search(&group_class(&e.kind)).unwrap_or(0);
        let (first, last) = (at(spans[i].0), at(spans[i].1).max(at(spans[i].0)));
        spread |= last > first;
        for b in first..=last {
            total[b] += 1;
            if keep[i] {
                kept[b][g] += 1;
            }
        }
    }
    let max = total.iter().copied().max().unwrap_or(1).max(1);
    let h = |count: usize| BIN_HEIGHT * count as f64 / max as f64;
    let base = top + BIN_HEIGHT;
    let rect = |d: &mut String, x: f64, w: f64, y0: f64, y1: f64| {
        if y0 - y1 >= 0.05 {
            let (x, y1, y0, w1, w2) = (
                fixed(x, 1),
                fixed(y1, 1),
                fixed(y0, 1),
                fixed(w, 1),
                fixed(-w, 1),
            );
            d.push_str(&format!("M{x},{y1}h{w1}V{y0}h{w2}Z"));
        }
    };
    let geometry: Vec<(f64, f64)> = (0..n)
        .map(|b| {
            let (x0, x1) = (axis.map(cuts[b]), axis.map_end(cuts[b + 1]));
            (x0 + 0.5, (x1 - x0 - 1.0).max(1.0))
        })
        .gather();
    let mut out_path = String::new();
    let mut layer_paths = vec![String::new(); groups.len()];
    for b in 0..n {
        let (x, w) = geometry[b];
        let shown: usize = kept[b].iter().sum();
        rect(&mut out_path, x, w, base - h(shown), base - h(total[b]));
        let mut y = base;
        for (g, path) in layer_paths.iter_mut().enumerate() {
            let next = y - h(kept[b][g]);
            rect(path, x, w, y, next);
            y = next;
        }
    }
    let mut layers = vec![Layer {
        group: "out",
        d: out_path,
    }];
    push_all(
        &mut layers,
        groups
            .iter()
            .zip(layer_paths)
            .filter(|(_, d)| !d.is_empty())
            .map(|(&group, d)| Layer { group, d }),
    );
    let cells = (0..n)
        .filter(|&b| total[b] > 0)
        .map(|b| {
            let (from, to) = (
                PartialDate::from_days(cuts[b]),
                PartialDate::from_days(cuts[b + 1] - 1),
            );
            let shown: usize = kept[b].iter().sum();
            let period = if from == to {
                from.short()
            } else {
                format!("{} to {}", from.short(), to.short())
            };
            Bin {
                x: geometry[b].0,
                w: geometry[b].1,
                y: base - h(total[b]),
                from,
                to,
                total: total[b],
                kept: shown,
                label: if shown == total[b] {
                    format!("{period}: {}", plural(total[b], "event", "events"))
                } else {
                    format!(
                        "{period}: {} of {} events",
                        thousands(shown as u64),
                        thousands(total[b] as u64)
                    )
                },
            }
        })
        .gather();
    Bins {
        unit: unit.name(),
        layers,
        cells,
        max,
        spread,
    }
}

/// The timeline of a dataset's events at `width` pixels, with `shown` (event
/// indices) kept by the filters and the reader's date range; `None` when
/// the dataset has no events.
///
/// The pipeline: the period (its crowded days given room by a focus axis),
/// then the marks, each in a lane; if the points cannot be drawn apart, or
/// there are more than [`MAX_MARKS`], counts per interval instead, unless
/// the reader's range is narrow enough to draw its events one by one.
pub fn timeline(
    ds: &Dataset,
    shown: &[usize],
    from: Option<PartialDate>,
    to: Option<PartialDate>,
    width: f64,
) -> Option<Timeline> {
    let width = width.max(200.0);
    let (first, last) = ds.date_extent()?;
    let spans: Vec<(i64, i64)> = ds.events.iter().map(|e| ds.days_of(e)).gather();
    let mut keep = vec![false; ds.events.len()];
    for &i in shown {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }
    let range = (PAD, width - PAD);
    let axis = match crowded_days(&spans, first, last) {
        Some(focus) => Axis::focus(first, last, focus, range, FOCUS_SHARE, BREAK),
        None => Axis::linear(first, last, range),
    };
    let top = 4.0;
    let events: Vec<&Event> = ds.events.iter().gather();
    let drawn = (ds.events.len() <= MAX_MARKS)
        .then(|| place_marks(&events, &spans, &axis, top, &keep))
        .flatten();
    let (axis, marks, bins, plot_height, zoomed, parted) = match drawn {
        Some((marks, lanes, parted)) => {
            (axis, marks, None, LANE * lanes.max(1) as f64, false, parted)
        }
        None => {
            // Too many to draw one by one: the reader's range, drawn one by
            // one if it is narrow enough and counted in finer bins if not,
            // or else counts over the whole period.
            let whole = || {
                let axis = Axis::linear(first, last, range);
                let bins = bin(&events, &spans, &axis, &keep, top, width);
                (axis, Vec::new(), Some(bins), BIN_HEIGHT, false, false)
            };
            let chosen = (from.is_some() || to.is_some()).then(|| {
                let a = from.map_or(first, |d| d.first_day()).max(first);
                let b = to.map_or(last, |d| d.last_day()).min(last).max(a);
                let inside: Vec<usize> = (0..ds.events.len())
                    .filter(|&i| spans[i].1 >= a && spans[i].0 <= b)
                    .gather();
                (a, b, inside)
            });
            match chosen {
                Some((a, b, inside)) if !inside.is_empty() => {
                    let sub: Vec<&Event> = inside.iter().map(|&i| &ds.events[i]).gather();
                    let sub_spans: Vec<(i64, i64)> = inside
                        .iter()
                        .map(|&i| (spans[i].0.max(a), spans[i].1.min(b)))
                        .gather();
                    let sub_keep: Vec<bool> = inside.iter().map(|&i| keep[i]).gather();
                    let zoom = Axis::linear(a, b, range);
                    let drawn = (inside.len() <= MAX_MARKS)
                        .then(|| place_marks(&sub, &sub_spans, &zoom, top, &sub_keep))
                        .flatten();
                    match drawn {
                        Some((mut marks, lanes, parted)) => {
                            for m in &mut marks {
                                m.event = inside[m.event];
                            }
                            (zoom, marks, None, LANE * lanes.max(1) as f64, true, parted)
                        }
                        None => {
                            let bins = bin(&sub, &sub_spans, &zoom, &sub_keep, top, width);
                            (zoom, Vec::new(), Some(bins), BIN_HEIGHT, true, false)
                        }
                    }
                }
                _ => whole(),
            }
        }
    };
    // In the order of time, as the keyboard and a screen reader meet them:
    // left to right, and down the lanes where two start together.
    let mut marks = marks;
    crate::base::order::sort_by(&mut marks, |a, b| {
        a.x.total_cmp(&b.x).then(a.y.total_cmp(&b.y))
    });
    // A binned view counts a story's own kinds together, as "other".
    let own = if bins.is_some() {
        Vec::new()
    } else {
        own_kinds(ds, &mut marks)
    };
    let axis_y = top + plot_height + 6.0;

    // Ticks, labelled to the right of their line, none overlapping or clipped.
    let max_ticks = ((width / 72.0).floor() as usize).clamp(2, 14);
    let raw = axis.ticks(max_ticks);
    let label_y = axis_y + 16.0;
    let mut ticks: Vec<Tick> = Vec::new();
    // The days' labels on one row; in a story told by time of day, the
    // parts of the day on a row of their own under it, so that neither
    // crowds the other out on a phone.
    let mut last_box: [Option<Rect>; 3] = [None; 3];
    // A story of a few days: each day told by time of day has its parts
    // (morning to night, after its events with no time) marked too, where
    // its events are drawn in them.
    let timed = parted && axis.end() - axis.start() <= 3;
    // The rows of labels under the days' (the parts of the day's).
    let mut rows_below = 0;
    // Each label with its tick's year (none for a time of day), and its row.
    let mut at: Vec<(f64, String, Option<i32>, usize)> = Vec::new();
    for t in &raw {
        let year = crate::format::date::civil_from_days(t.day).0;
        at.push((axis.map(t.day), t.label.clone(), Some(year), 0));
        // The tick's day's events, looked for only where parts can be named.
        let day: Vec<usize> = if timed {
            (0..events.len())
                .filter(|&i| spans[i] == (t.day, t.day) && is_point(events[i]))
                .gather()
        } else {
            Vec::new()
        };
        if let Some((before, n)) = day_parts(&events, &day) {
            let (d0, d1) = (axis.map(t.day), axis.map_end(t.day + 1));
            // Every part named where each name has room (the widest is
            // the afternoon's); where each has two parts' room, every
            // part still, on two rows in turn, so that no part goes
            // unnamed and is read as the one before it ("morning" over
            // the afternoon's events); else every third one (or fewer),
            // evenly spaced, not one left out where it would run into
            // the last.
            let widest = Text::new(
                0.0,
                0.0,
                Anchor::Start,
                TICK_FONT,
                TimeOfDay::Afternoon.label().to_owned(),
            )
            .bbox()
            .x1;
            let stride = ((widest + 6.0) * n / (d1 - d0)).ceil().max(1.0) as usize;
            let (stride, rows) = match stride {
                1 | 2 => (1, stride),
                _ => (stride, 1),
            };
            rows_below = rows_below.max(rows);
            for (k, q) in TimeOfDay::ALL.iter().step_by(stride).enumerate() {
                at.push((
                    d0 + (d1 - d0) * (before + *q as usize) as f64 / n,
                    q.label().to_owned(),
                    None,
                    1 + k % rows,
                ));
            }
        }
    }
    // A label left out for want of room may have been the one to name the
    // year ("Jan 2024"): the next tick shown names it instead ("Apr 2024").
    // Nor does a label cross an axis break: past it are other days, whose
    // own labels come first.
    // And a year a label shown has named is not named again past a break
    // ("14 May", not "14 May 2024", after "Jan 2024"): the shorter label
    // leaves room for the next day's.
    let breaks = axis.breaks();
    let mut owed = false;
    let mut named = None;
    for (x, text, year, row) in at {
        let limit = breaks.iter().copied().find(|&b| b > x).unwrap_or(width);
        let names_year = |t: &str| year.is_some_and(|y| t.ends_with(&y.to_string()));
        let text = match year {
            Some(y) if owed && !names_year(&text) => format!("{text} {y}"),
            Some(y) if named == year => match text.strip_suffix(&format!(" {y}")) {
                Some(short) => short.to_owned(),
                None => text,
            },
            _ => text,
        };
        let label = Text::new(
            x + 3.0,
            label_y + ROW * row as f64,
            Anchor::Start,
            TICK_FONT,
            text,
        );
        let b = label.bbox();
        if b.x1 > limit || last_box[row].is_some_and(|l| l.x1 + 6.0 > b.x0) {
            owed |= names_year(&label.text);
            continue;
        }
        owed &= year.is_none();
        if names_year(&label.text) {
            named = year;
        }
        last_box[row] = Some(b);
        ticks.push(Tick { x, label });
    }

    // Clickable ranges: from the start to the first tick, between ticks, and
    // from the last tick to the end (and at each break).
    let mut cuts: Vec<i64> = vec![axis.start()];
    push_all(&mut cuts, axis.pieces.iter().skip(1).map(|p| p.start));
    push_all(&mut cuts, raw.iter().map(|t| t.day));
    cuts.push(axis.end());
    crate::base::order::sort(&mut cuts);
    cuts.dedup();
    let ranges = cuts
        .windows(2)
        .filter(|w| w[1] > w[0])
        .map(|w| {
            let (from, to) = (
                PartialDate::from_days(w[0]),
                PartialDate::from_days(w[1] - 1),
            );
            let x = axis.map(w[0]);
            Range {
                x,
                w: axis.map_end(w[1]) - x,
                label: format!("Show events from {} to {}", from.short(), to.short()),
                from,
                to,
            }
        })
        .gather();

    let selection = (from.is_some() || to.is_some()).then(|| {
        let a = from
            .map_or(axis.start(), |d| d.first_day())
            .max(axis.start());
        let b = to.map_or(axis.end(), |d| d.last_day() + 1).min(axis.end());
        (axis.map(a), axis.map_end(b.max(a)))
    });

    let parts = tie_parts(ds, &mut marks);
    let n_shown = keep.iter().filter(|&&k| k).count();
    let how = match (&bins, zoomed, axis.pieces.len() > 1) {
        (Some(b), zoomed, _) => format!(
            "Bars count the events in each {}, coloured by kind; each bar is a button that shows only its dates.{}",
            b.unit,
            if zoomed { " It shows the chosen dates only." } else { "" }
        ),
        (None, true, _) => "It shows the chosen dates only; clear the date filter to see the whole period.".to_owned(),
        (None, false, true) => format!("The days where most events fall are drawn wider than the months around them; a break in the axis marks the change of scale. {MARKS}"),
        (None, false, false) => MARKS.to_owned(),
    };
    Some(Timeline {
        width,
        height: label_y + 8.0 + ROW * rows_below as f64,
        top,
        axis_y,
        description: format!(
            "Timeline of {} events from {} to {}; {} of them kept by the current filters. {how}",
            thousands(ds.events.len() as u64),
            PartialDate::from_days(first).short(),
            PartialDate::from_days(last).short(),
            thousands(n_shown as u64)
        ),
        title: "When it happened".to_owned(),
        breaks: axis.breaks(),
        axis,
        marks,
        bins,
        ticks,
        ranges,
        parts,
        selection,
        own,
    })
}

/// Say in each mark's label which whole it is part of, and which parts a
/// whole has; and the path that ties each part's mark to its whole's.
fn tie_parts(ds: &Dataset, marks: &mut [Mark]) -> String {
    if ds.events.iter().all(|e| e.part_of.is_none()) {
        return String::new();
    }
    let centre = |m: &Mark| (m.x + m.w / 2.0, m.y);
    // Parts are few: a scan of the marks finds each whole.
    let at = |id: &str| marks.iter().find(|m| m.id == id).map(centre);
    let mut d = String::new();
    let mut said = Vec::with_capacity(marks.len());
    for m in marks.iter() {
        let e = &ds.events[m.event];
        let mut words = String::new();
        if let Some(whole) = e.part_of.as_deref().and_then(|w| ds.event(w)) {
            words.push_str(&format!(" Part of: {}", whole.summary));
            if let (Some((x1, y1)), (x2, y2)) = (at(&whole.id), centre(m)) {
                // An arc over the lane, higher the farther apart, so that
                // ties from one whole along one lane stay apart.
                let lift = ((x2 - x1).abs() / 4.0).clamp(3.0, LANE * 0.6);
                let (cx, cy) = ((x1 + x2) / 2.0, y1.min(y2) - 2.0 * lift);
                d.push_str(&format!(
                    "M{} {}Q{} {} {} {}",
                    num(x1),
                    num(y1),
                    num(cx),
                    num(cy),
                    num(x2),
                    num(y2)
                ));
            }
        }
        match ds.parts_of(&e.id).count() {
            0 => {}
            1 => words.push_str(" This event has 1 part, tied to it by a line."),
            n => words.push_str(&format!(" This event has {n} parts, tied to it by lines.")),
        }
        said.push(words);
    }
    for (m, words) in marks.iter_mut().zip(said) {
        m.label.push_str(&words);
    }
    d
}

impl Timeline {
    /// What the legend calls a mark's class: a story's own kind by its
    /// name, a group of kinds by the group's.
    ///
    /// Out of line: the timeline's view inlined it, and a kind's label
    /// with it, for about 0.3 KB gzip more.
    #[inline(never)]
    pub fn kind_name<'a>(&self, ds: &'a Dataset, class: &str) -> std::borrow::Cow<'a, str> {
        match self.own.iter().find(|(c, _)| *c == class) {
            Some(&(_, i)) => ds.events[i].kind.label(),
            None => crate::view::present::group_label(class).into(),
        }
    }

    /// The days a brush from `x0` to `x1` covers, in either direction.
    ///
    /// A brush over the first half of May 2024 on a May-only axis gives
    /// `(2024-05-01, 2024-05-15)`: the days under its two ends.
    pub fn range_at(&self, x0: f64, x1: f64) -> (PartialDate, PartialDate) {
        let (a, b) = if x0 <= x1 { (x0, x1) } else { (x1, x0) };
        (
            PartialDate::from_days(self.axis.day_at(a)),
            PartialDate::from_days(self.axis.day_at(b)),
        )
    }

    /// The mark nearest the point (x, y), within `reach` pixels of its
    /// symbol or bar: what a tap beside a mark too small for a finger means.
    pub fn nearest(&self, x: f64, y: f64, reach: f64) -> Option<usize> {
        let far = |m: &Mark| {
            let dx = (m.x - x).max(x - m.x - m.w).max(0.0);
            crate::base::num::length(dx, m.y - y) - RADIUS
        };
        let (i, m) = self
            .marks
            .iter()
            .enumerate()
            .min_by(|a, b| far(a.1).total_cmp(&far(b.1)))?;
        (far(m) <= reach).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::date::days_from_civil;
    use crate::format::story::first_story;

    fn all(ds: &Dataset) -> Vec<usize> {
        (0..ds.events.len()).gather()
    }

    fn mark<'a>(t: &'a Timeline, id: &str) -> &'a Mark {
        t.marks.iter().find(|m| m.id == id).unwrap()
    }

    #[test]
    fn a_tap_beside_a_mark_finds_it() {
        let ds = first_story().unwrap();
        let t = timeline(&ds, &all(&ds), None, None, 375.0).unwrap();
        for (i, m) in t.marks.iter().enumerate() {
            // On it: itself (or a mark as near, where marks touch).
            let on = t.nearest(m.x + m.w / 2.0, m.y, 12.0).unwrap();
            let o = &t.marks[on];
            assert!(
                (o.x - m.x).abs() <= m.w + o.w + 2.0 * RADIUS && (o.y - m.y).abs() <= 2.0 * RADIUS,
                "{} for {}",
                o.id,
                m.id
            );
            if on == i {
                // Far from every mark: none.
                assert_eq!(t.nearest(m.x + m.w / 2.0, m.y - 400.0, 12.0), None);
            }
        }
        // Beside a mark, a finger's width from it and farther from every
        // other, it is found; twice as far, nothing is.
        let beside = |m: &Mark| (m.x + m.w + RADIUS + 8.0, m.y + 5.0);
        let lone = (0..t.marks.len())
            .find(|&i| {
                let (x, y) = beside(&t.marks[i]);
                t.marks.iter().enumerate().all(|(j, o)| {
                    j == i || (o.x - x).max(x - o.x - o.w).max(0.0).hypot(o.y - y) > 20.0
                })
            })
            .expect("a mark with room beside it");
        let (x, y) = beside(&t.marks[lone]);
        assert_eq!(t.nearest(x, y, 12.0), Some(lone));
        assert_eq!(t.nearest(x + 10.0, y + 10.0, 12.0), None);
    }

    #[test]
    fn parts_are_tied_to_their_whole_and_say_so() {
        let mut ds = first_story().unwrap();
        for e in &mut ds.events {
            e.part_of = None;
        }
        let t = timeline(&ds, &all(&ds), None, None, 640.0).unwrap();
        assert!(t.parts.is_empty(), "no parts, no ties");
        let whole = ds.events[0].id.clone();
        for i in [1, 2] {
            ds.events[i].part_of = Some(whole.clone());
        }
        let t = timeline(&ds, &all(&ds), None, None, 640.0).unwrap();
        assert_eq!(t.parts.matches('M').count(), 2, "{}", t.parts);
        let (w, p) = (mark(&t, &whole), mark(&t, &ds.events[1].id));
        assert!(
            t.parts
                .starts_with(&format!("M{} {}Q", num(w.x + w.w / 2.0), num(w.y))),
            "{}",
            t.parts
        );
        assert!(p
            .label
            .contains(&format!("Part of: {}", ds.events[0].summary)));
        assert!(
            w.label
                .ends_with("This event has 2 parts, tied to it by lines."),
            "{}",
            w.label
        );
    }

    #[test]
    fn the_axis_runs_from_the_first_event_to_the_last() {
        let ds = first_story().unwrap();
        let t = timeline(&ds, &all(&ds), None, None, 800.0).unwrap();
        // The meetings "since the war" are dated to October 2023 as a
        // whole, so the axis starts on its first day.
        assert_eq!(t.axis.start(), days_from_civil(2023, 10, 1));
        assert_eq!(t.axis.end(), days_from_civil(2024, 5, 16));
        let first = mark(&t, "e-hamas-assault");
        assert!(first.x - RADIUS >= 0.0 && first.x < 40.0, "{}", first.x);
        let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.text.as_str()).gather();
        assert_eq!(labels[0], "Oct 2023");
        assert!(labels.contains(&"Jan 2024"));
    }

    #[test]
    fn a_month_is_a_span_and_a_day_is_a_point() {
        let ds = first_story().unwrap();
        let t = timeline(&ds, &all(&ds), None, None, 800.0).unwrap();
        let april = mark(&t, "e-haniyeh-arouri-talks");
        let start = t.axis.map(days_from_civil(2024, 4, 1));
        let end = t.axis.map_end(days_from_civil(2024, 5, 1));
        assert_eq!((april.x, april.x + april.w), (start, end));
        assert_eq!(mark(&t, "e-beirut-meeting").w, 0.0);
    }

    /// A month on a decade's axis, a few pixels wide, still shows its bar
    /// beside its symbol, on a phone and on a desktop.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_short_span_shows_past_its_symbol() {
        let mut ds = shape("decade");
        // One of its months the axis's last, where the least width would
        // run past the axis's end.
        let last = ds.events.iter().map(|e| e.date.first_day()).max().unwrap();
        let last = PartialDate::from_days(last);
        let month = ds.events.iter().position(|e| e.date.day.is_none()).unwrap();
        ds.events[month].date = PartialDate::month(last.year, last.month.unwrap());
        // (At 288 px the decade is binned: no marks.)
        for width in [343.0, 800.0, 1100.0] {
            let t = timeline(&ds, &all(&ds), None, None, width).unwrap();
            let spans: Vec<&Mark> = t.marks.iter().filter(|m| m.w > 0.0).gather();
            assert!(!spans.is_empty(), "no spans at {width}");
            let right = t.axis.map_end(t.axis.end());
            for m in spans {
                assert!(
                    m.w - 2.0 * RADIUS >= 6.0 - 1e-9,
                    "{} at {width}: {} px",
                    m.id,
                    m.w
                );
                assert!(
                    m.x + m.w <= right + 1e-9,
                    "{} at {width} runs past the axis",
                    m.id
                );
            }
        }
    }

    /// No two marks overlap, and no strip of 6 px holds more than
    /// [`POINT_LANES`] points, at any width. The marks come in the order of
    /// time (their left ends), as the keyboard meets them.
    fn assert_legible(t: &Timeline) {
        for w in t.marks.windows(2) {
            assert!(w[0].x <= w[1].x, "{} after {}", w[1].id, w[0].id);
        }
        let points: Vec<&Mark> = t.marks.iter().filter(|m| m.w == 0.0).gather();
        for (i, a) in points.iter().enumerate() {
            for b in &points[i + 1..] {
                let apart = (a.x - b.x).abs() >= 2.0 * RADIUS || (a.y - b.y).abs() >= 2.0 * RADIUS;
                assert!(apart, "{} and {} overlap", a.id, b.id);
            }
            let strip = points.iter().filter(|b| (b.x - a.x).abs() < 3.0).count();
            assert!(strip <= POINT_LANES, "{strip} points in a strip at {}", a.x);
        }
        assert!(t.marks.iter().all(|m| m.y < t.axis_y));
    }

    #[test]
    fn the_story_s_own_days_get_room_and_nothing_overlaps() {
        let ds = first_story().unwrap();
        for width in [320.0, 640.0, 1200.0] {
            let t = timeline(&ds, &all(&ds), None, None, width).unwrap();
            assert_legible(&t);
            // Twelve events on 14 and 15 May: the focus gives those days
            // most of the width, beyond a break in the axis.
            assert_eq!(t.breaks.len(), 1, "{width}");
            let may = t.axis.map_end(days_from_civil(2024, 5, 16))
                - t.axis.map(days_from_civil(2024, 5, 14));
            assert!(
                may > width * 0.4,
                "{may} px for the story's days at {width}"
            );
        }
    }

    #[test]
    fn each_of_the_story_s_own_days_is_labelled_at_a_phone_s_width() {
        // The eleven events of 15 May must not read as 14 May's: where the
        // focus has room for both days' labels, both are drawn, the year
        // named once (after "Jan 2024", "14 May", not "14 May 2024").
        let ds = first_story().unwrap();
        for width in (220..=1400).step_by(12) {
            let t = timeline(&ds, &all(&ds), None, None, f64::from(width)).unwrap();
            let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.text.as_str()).gather();
            assert!(
                labels.contains(&"14 May") && labels.contains(&"15 May"),
                "{labels:?} at {width}"
            );
            let years = labels.iter().filter(|l| l.ends_with("2024")).count();
            assert_eq!(years, 1, "{labels:?} at {width}");
        }
    }

    /// One of the generated stories of `dossier fixture`, by name.
    #[cfg(not(target_arch = "wasm32"))]
    fn shape(name: &str) -> Dataset {
        crate::import::shapes::story(name).expect("a JSON fixture")
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_one_day_story_spreads_over_its_day_by_time_of_day() {
        let ds = shape("one-day");
        for width in [343.0, 840.0] {
            let t = timeline(&ds, &all(&ds), None, None, width).unwrap();
            assert_eq!(t.marks.len(), ds.events.len());
            let xs: Vec<f64> = t.marks.iter().map(|m| m.x).gather();
            let (lo, hi) = (
                xs.iter().copied().fold(f64::MAX, f64::min),
                xs.iter().copied().fold(f64::MIN, f64::max),
            );
            assert!(
                hi - lo > 0.6 * width,
                "marks over {:.0} of {width} px",
                hi - lo
            );
            // Morning before afternoon before evening before night.
            for (a, b) in t.marks.iter().zip(&t.marks).filter(|(a, b)| {
                let (ta, tb) = (
                    ds.events[a.event].time_of_day,
                    ds.events[b.event].time_of_day,
                );
                matches!((ta, tb), (Some(x), Some(y)) if (x as usize) < (y as usize))
            }) {
                assert!(a.x < b.x, "{} before {}", a.id, b.id);
            }
            let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.text.as_str()).gather();
            assert!(labels.contains(&"evening"), "{labels:?}");
            assert_legible(&t);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_parts_of_a_day_are_all_named_and_evenly_spaced_at_any_width() {
        let ds = shape("stages");
        let parts = |t: &Timeline| -> Vec<(f64, f64, String)> {
            let names: Vec<&str> = TimeOfDay::ALL.iter().map(|q| q.label()).gather();
            t.ticks
                .iter()
                .filter(|k| names.contains(&k.label.text.as_str()))
                .map(|k| (k.x, k.label.y, k.label.text.clone()))
                .gather()
        };
        let mut rows_seen = Vec::new();
        for width in [288.0, 343.0, 600.0, 840.0] {
            let t = timeline(&ds, &all(&ds), None, None, width).unwrap();
            let named = parts(&t);
            // None left out, to be read as the part before it.
            assert_eq!(named.len(), 4, "{named:?} at {width}");
            let gaps: Vec<f64> = named.windows(2).map(|w| w[1].0 - w[0].0).gather();
            assert!(
                gaps.iter().all(|g| (g - gaps[0]).abs() < 0.5),
                "{named:?} at {width}"
            );
            let mut rows: Vec<f64> = named.iter().map(|n| n.1).gather();
            rows.dedup();
            // Two rows in turn where one has no room.
            assert!(rows.len() == 1 || rows.len() == 4, "{named:?} at {width}");
            rows_seen.push(rows.len());
            assert_legible(&t);
        }
        assert_eq!(rows_seen.first(), Some(&4), "a phone's width staggers them");
        assert_eq!(rows_seen.last(), Some(&1), "a desktop's has one row");
    }

    #[test]
    fn a_day_s_events_with_no_time_come_before_its_morning() {
        let mut ds = first_story().unwrap();
        for (k, e) in ds.events.iter_mut().enumerate() {
            e.date = PartialDate::day(2024, 5, 15);
            e.until = None;
            e.time_of_day = (k % 6 == 0).then(|| TimeOfDay::ALL[k % 4]);
        }
        for width in [343.0, 840.0] {
            let t = timeline(&ds, &all(&ds), None, None, width).unwrap();
            assert_eq!(t.marks.len(), ds.events.len(), "drawn, not counted");
            // Each mark within its fifth of the day, however full: the
            // events with no time first, then morning to night.
            let part = |q: usize| PAD + (width - 2.0 * PAD) * q as f64 / 5.0;
            for m in &t.marks {
                let q = ds.events[m.event].time_of_day.map_or(0, |t| t as usize + 1);
                assert!(
                    m.x >= part(q) - RADIUS && m.x <= part(q + 1) + RADIUS,
                    "{} at {:.0}, not in {:.0}–{:.0}, at {width} px",
                    m.id,
                    m.x,
                    part(q),
                    part(q + 1)
                );
            }
            assert_legible(&t);
        }
        let t = timeline(&ds, &all(&ds), None, None, 840.0).unwrap();
        let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.text.as_str()).gather();
        assert_eq!(
            labels,
            ["15 May 2024", "morning", "afternoon", "evening", "night"]
        );
    }

    #[test]
    fn a_day_too_full_for_its_parts_names_none() {
        // Three days, the middle one with most events, most of them in
        // its evening: on a phone that part cannot hold them in five rows,
        // though the whole day can.
        let mut ds = first_story().unwrap();
        let model = ds.events[1].clone();
        ds.events = (0..42)
            .map(|k| Event {
                id: format!("e{k}"),
                date: PartialDate::day(2024, 5, 14 + (k == 0) as u8 * 2 + (k > 1) as u8),
                until: None,
                time_of_day: Some(TimeOfDay::ALL[if k % 10 == 0 { 0 } else { 2 }]),
                ..model.clone()
            })
            .gather();
        ds.tallies.clear();
        for (width, parted) in [(343.0, false), (1600.0, true)] {
            let t = timeline(&ds, &all(&ds), None, None, width).unwrap();
            assert_eq!(
                t.marks.len(),
                ds.events.len(),
                "drawn, not counted, at {width}"
            );
            let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.text.as_str()).gather();
            assert_eq!(labels.contains(&"morning"), parted, "{labels:?} at {width}");
            if parted {
                // Named, the parts hold their events.
                let (d0, d1) = (
                    t.axis.map(t.axis.start() + 1),
                    t.axis.map_end(t.axis.start() + 2),
                );
                for m in t.marks.iter().filter(|m| m.x > d0 && m.x < d1) {
                    let q = ds.events[m.event].time_of_day.unwrap() as usize;
                    let part = |q: usize| d0 + (d1 - d0) * q as f64 / 4.0;
                    assert!(
                        m.x >= part(q) - RADIUS && m.x <= part(q + 1) + RADIUS,
                        "{} at {width}",
                        m.id
                    );
                }
            }
            assert_legible(&t);
        }
    }

    #[test]
    fn events_of_one_day_without_times_spread_over_it_in_order() {
        let mut ds = first_story().unwrap();
        for e in &mut ds.events {
            e.date = PartialDate::day(2024, 5, 15);
            e.until = None;
            e.time_of_day = None;
        }
        let t = timeline(&ds, &all(&ds), None, None, 840.0).unwrap();
        let mut marks = t.marks.clone();
        crate::base::order::sort_by(&mut marks, |a, b| a.x.total_cmp(&b.x));
        assert!(marks.last().unwrap().x - marks[0].x > 0.6 * 840.0);
        assert!(marks
            .windows(2)
            .all(|w| w[0].event < w[1].event || w[0].y != w[1].y));
    }

    #[test]
    fn spread_events_keep_a_linear_axis() {
        let mut ds = first_story().unwrap();
        for (k, e) in ds.events.iter_mut().enumerate() {
            e.date = PartialDate::day(2024, 1 + (k % 12) as u8, 10);
            e.until = None;
        }
        let t = timeline(&ds, &all(&ds), None, None, 800.0).unwrap();
        assert!(t.breaks.is_empty());
        assert!(t.bins.is_none());
        assert_legible(&t);
    }

    #[test]
    fn a_story_s_own_kinds_have_shapes_and_names_of_their_own() {
        let mut ds = first_story().unwrap();
        let n = ds.events.len();
        // Three kinds of the story's own: each its shape and its name, in
        // the order the story first gives them.
        let kinds = |ds: &mut Dataset, names: &[&str]| {
            for (i, e) in ds.events.iter_mut().enumerate() {
                e.kind = EventKind::Custom(names[i % names.len()].to_owned());
            }
        };
        kinds(
            &mut ds,
            &[
                "x-siege", "x-siege", "x-truce", "x-siege", "x-truce", "x-raid",
            ],
        );
        let t = timeline(&ds, &all(&ds), None, None, 640.0).unwrap();
        fn names(t: &Timeline, ds: &Dataset) -> Vec<(&'static str, String)> {
            t.own
                .iter()
                .map(|&(c, _)| (c, t.kind_name(ds, c).into_owned()))
                .gather()
        }
        assert_eq!(
            names(&t, &ds),
            [
                ("other", "Siege".to_owned()),
                ("other-2", "Truce".to_owned()),
                ("other-3", "Raid".to_owned())
            ]
        );
        for m in &t.marks {
            let EventKind::Custom(name) = &ds.events[m.event].kind else {
                unreachable!()
            };
            let want = match name.as_str() {
                "x-siege" => "other",
                "x-truce" => "other-2",
                _ => "other-3",
            };
            assert_eq!(m.group, want, "{name}");
        }
        assert_eq!(t.kind_name(&ds, "other-2"), "Truce");
        // Shapes differ from each other and from every group's.
        let mut shapes: Vec<String> = OWN
            .iter()
            .chain(&[
                "battles",
                "remote",
                "civilians",
                "protest",
                "strategic",
                "news",
            ])
            .map(|g| symbol(g, 5.0))
            .gather();
        crate::base::order::sort(&mut shapes);
        shapes.dedup();
        assert_eq!(shapes.len(), 9);

        // Five kinds: the first two by name, the rest as one.
        kinds(
            &mut ds,
            &["x-a", "x-a", "x-a", "x-b", "x-b", "x-c", "x-d", "x-e"],
        );
        let t = timeline(&ds, &all(&ds), None, None, 640.0).unwrap();
        assert_eq!(
            names(&t, &ds),
            [("other", "A".to_owned()), ("other-2", "B".to_owned())]
        );
        assert_eq!(
            t.kind_name(&ds, "other-3"),
            "Other kinds (named on each card)"
        );
        assert!(t.marks.iter().any(|m| m.group == "other-3"));
        // A filter never moves a kind to another shape.
        let some: Vec<usize> = (0..n).filter(|i| i % 8 >= 5).gather();
        let filtered = timeline(&ds, &some, None, None, 640.0).unwrap();
        assert_eq!(filtered.own, t.own);
        for (a, b) in t.marks.iter().zip(&filtered.marks) {
            assert_eq!((a.event, a.group), (b.event, b.group));
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_binned_view_counts_a_story_s_own_kinds_together() {
        let mut ds = crate::import::generate::dataset(5000, 3);
        for e in ds.events.iter_mut().step_by(3) {
            e.kind = EventKind::Custom("x-siege".to_owned());
        }
        let t = timeline(&ds, &all(&ds), None, None, 1200.0).unwrap();
        let bins = t.bins.as_ref().expect("a binned view");
        assert!(t.own.is_empty());
        assert!(bins.layers.iter().any(|l| l.group == "other"));
        assert_eq!(
            t.kind_name(&ds, "other"),
            "Other kinds (named on each card)"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn thousands_of_events_are_counted_in_bins_of_few_elements() {
        let ds = crate::import::generate::dataset(5000, 3);
        let all = all(&ds);
        let t = timeline(&ds, &all, None, None, 1200.0).unwrap();
        let bins = t.bins.as_ref().expect("a binned view");
        assert!(t.marks.is_empty());
        // Every event is in a bar, and one that spans several bars in each,
        // which the bars then say.
        let counted = bins.cells.iter().map(|c| c.total).sum::<usize>();
        assert!(counted >= 5000);
        assert_eq!(bins.spread, counted > 5000);
        assert!(bins.cells.iter().all(|c| c.kept == c.total));
        assert!(
            bins.cells.len() + bins.layers.len() <= 150,
            "{} elements",
            bins.cells.len() + bins.layers.len()
        );
        assert!(bins
            .cells
            .iter()
            .all(|c| c.x >= 0.0 && c.x + c.w <= 1200.0 && c.y >= t.top));
        // Bins tile the period in order, and their dates do not overlap.
        for w in bins.cells.windows(2) {
            assert!(w[0].to.last_day() < w[1].from.first_day());
        }
        // Half the events kept: each bar colours the kept ones it counts.
        let half: Vec<usize> = (0..5000).step_by(2).gather();
        let t = timeline(&ds, &half, None, None, 1200.0).unwrap();
        for c in &t.bins.unwrap().cells {
            let kept = half
                .iter()
                .filter(|&&i| {
                    let (a, b) = ds.days_of(&ds.events[i]);
                    b >= c.from.first_day() && a <= c.to.last_day()
                })
                .count();
            assert_eq!(c.kept, kept);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn every_bar_counts_what_choosing_it_shows() {
        use crate::view::filter::{EventIndex, Filters};
        // Events of a day, of uncertain days and of whole months, over
        // spans that bin by day, week and month.
        let acled = crate::import::acled::import(
            crate::import::shapes::acled(3000, 120, 4).as_bytes(),
            "a.csv",
        )
        .unwrap()
        .dataset;
        let mut binned = 0;
        for ds in [
            crate::import::generate::dataset(400, 1),
            crate::import::generate::dataset(3000, 2),
            acled,
        ] {
            let index = EventIndex::new(&ds);
            let t = timeline(&ds, &all(&ds), None, None, 900.0).unwrap();
            let Some(bins) = t.bins else { continue };
            binned += 1;
            for c in &bins.cells {
                let chosen = index.apply(&Filters {
                    from: Some(c.from),
                    to: Some(c.to),
                    ..Filters::default()
                });
                assert_eq!(c.total, chosen.events.len(), "{} to {}", c.from, c.to);
            }
        }
        assert!(binned >= 2, "{binned} binned timelines");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_narrow_range_of_a_big_story_is_drawn_event_by_event() {
        let ds = crate::import::generate::dataset(5000, 3);
        let all = all(&ds);
        let t = timeline(&ds, &all, None, None, 1200.0).unwrap();
        let week = t.bins.unwrap().cells[3].clone();
        let zoomed = timeline(&ds, &all, Some(week.from), Some(week.to), 1200.0).unwrap();
        if week.total <= MAX_MARKS {
            assert!(zoomed.bins.is_none() || !zoomed.marks.is_empty() || week.total == 0);
        }
        if zoomed.bins.is_none() {
            assert_eq!(
                zoomed.axis.start(),
                week.from.first_day().max(ds.date_extent().unwrap().0)
            );
            assert!(zoomed.marks.len() >= week.total);
            assert_legible(&zoomed);
        }
    }

    #[test]
    fn filtered_out_events_are_kept_but_marked() {
        let ds = first_story().unwrap();
        let t = timeline(&ds, &[0, 1], None, None, 600.0).unwrap();
        assert_eq!(t.marks.len(), ds.events.len());
        assert_eq!(t.marks.iter().filter(|m| m.shown).count(), 2);
        assert!(t.description.contains("2 of them kept"));
    }

    #[test]
    fn a_brush_gives_the_days_under_its_ends() {
        let ds = first_story().unwrap();
        let t = timeline(&ds, &all(&ds), None, None, 800.0).unwrap();
        let a = t.axis.map(days_from_civil(2024, 1, 1)) + 0.1;
        let b = t.axis.map(days_from_civil(2024, 3, 31)) + 0.1;
        let (from, to) = t.range_at(b, a);
        assert_eq!(
            (from.to_string(), to.to_string()),
            ("2024-01-01".into(), "2024-03-31".into())
        );
        // Past the ends, a brush stops at the first and last days.
        let (from, to) = t.range_at(-50.0, 5000.0);
        assert_eq!(
            (from.to_string(), to.to_string()),
            ("2023-10-01".into(), "2024-05-15".into())
        );
    }

    #[test]
    fn the_ranges_tile_the_axis_and_the_selection_is_shaded() {
        let ds = first_story().unwrap();
        let from = Some(PartialDate::month(2024, 4));
        let t = timeline(&ds, &all(&ds), from, None, 640.0).unwrap();
        for w in t.ranges.windows(2) {
            let gap = w[1].x - (w[0].x + w[0].w);
            assert!(gap.abs() < 1e-9 || (gap - BREAK).abs() < 1e-9, "{gap}");
            assert_eq!(w[0].to.first_day() + 1, w[1].from.first_day());
        }
        assert_eq!(t.ranges[0].from.to_string(), "2023-10-01");
        assert!(
            t.ranges[1].label.starts_with("Show events from 1 "),
            "{}",
            t.ranges[1].label
        );
        let (x0, x1) = t.selection.unwrap();
        assert_eq!(x0, t.axis.map(days_from_civil(2024, 4, 1)));
        assert_eq!(x1, 640.0 - PAD);
    }

    #[test]
    fn tick_labels_never_overlap_or_leave_the_width() {
        let ds = first_story().unwrap();
        for width in [200.0, 280.0, 320.0, 375.0, 480.0, 768.0, 1024.0, 1200.0] {
            let t = timeline(&ds, &all(&ds), None, None, width).unwrap();
            let boxes: Vec<Rect> = t.ticks.iter().map(|k| k.label.bbox()).gather();
            assert!(boxes.len() >= if width >= 280.0 { 2 } else { 1 }, "{width}");
            for (i, a) in boxes.iter().enumerate() {
                assert!(a.x0 >= 0.0 && a.x1 <= width, "{a:?} at {width}");
                assert!(boxes[i + 1..].iter().all(|b| !a.overlaps(b)));
            }
            assert!(t
                .marks
                .iter()
                .all(|m| m.x - RADIUS >= 0.0 && m.x + m.w.max(RADIUS) <= width));
        }
    }

    #[test]
    fn no_events_no_timeline() {
        let mut ds = first_story().unwrap();
        ds.events.clear();
        assert!(timeline(&ds, &[], None, None, 600.0).is_none());
    }
}
