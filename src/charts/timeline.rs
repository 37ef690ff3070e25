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

use crate::charts::labels::{Anchor, Rect, Text};
use crate::charts::scale::Time;
use crate::format::date::PartialDate;
use crate::format::model::Dataset;
use crate::view::present::{event_date, group_class};

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
    /// The kind's ACLED group, as a CSS class suffix; it also picks the symbol.
    pub group: &'static str,
    /// The current filters keep this event.
    pub shown: bool,
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
    pub scale: Time,
    pub marks: Vec<Mark>,
    /// The plot's top and bottom, where the marks and the brush are.
    pub top: f64,
    pub axis_y: f64,
    pub ticks: Vec<Tick>,
    pub ranges: Vec<Range>,
    /// The reader's date range, shaded, in pixels.
    pub selection: Option<(f64, f64)>,
    pub title: String,
    pub description: String,
}

/// The radius of a point, and the height of a lane.
pub const RADIUS: f64 = 4.5;
const LANE: f64 = 12.0;
/// At most this many lanes; further marks share the last one.
pub const MAX_LANES: usize = 24;
const PAD: f64 = 10.0;
const TICK_FONT: f64 = 11.0;

/// An SVG path for a point of the given group, centred on the origin, so
/// that the kind reads without colour too: a circle for news, a triangle for
/// remote violence, a square for battles, a diamond for violence against
/// civilians, a hexagon for protests and riots, a pentagon for strategic
/// developments.
///
/// ```
/// use dossier::charts::timeline::symbol;
/// assert!(symbol("remote", 5.0).starts_with('M'));
/// assert_ne!(symbol("remote", 5.0), symbol("battles", 5.0));
/// ```
pub fn symbol(group: &str, r: f64) -> String {
    let polygon = |n: usize, rot: f64, scale: f64| {
        let mut d = String::new();
        for i in 0..n {
            let a = rot + i as f64 * std::f64::consts::TAU / n as f64;
            let (x, y) = (r * scale * a.cos(), r * scale * a.sin());
            d.push_str(&format!("{}{x:.2},{y:.2}", if i == 0 { 'M' } else { 'L' }));
        }
        d.push('Z');
        d
    };
    use std::f64::consts::FRAC_PI_2;
    match group {
        "remote" => polygon(3, -FRAC_PI_2, 1.3),
        "battles" => polygon(4, std::f64::consts::FRAC_PI_4, 1.25),
        "civilians" => polygon(4, 0.0, 1.3),
        "protest" => polygon(6, 0.0, 1.15),
        "strategic" => polygon(5, -FRAC_PI_2, 1.2),
        _ => format!("M{r},0A{r},{r} 0 1,1 {:.2},0A{r},{r} 0 1,1 {r},0Z", -r),
    }
}

/// The timeline of a dataset's events at `width` pixels, with `shown` (event
/// indices) kept by the filters and the reader's date range; `None` when
/// the dataset has no events.
pub fn timeline(
    ds: &Dataset,
    shown: &[usize],
    from: Option<PartialDate>,
    to: Option<PartialDate>,
    width: f64,
) -> Option<Timeline> {
    let width = width.max(200.0);
    let (first, last) = ds.date_extent()?;
    let spans: Vec<(i64, i64)> = ds.events.iter().map(|e| e.days()).collect();
    let scale = Time::new(first, last, (PAD, width - PAD));
    let mut keep = vec![false; ds.events.len()];
    for &i in shown {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }

    // Each mark's horizontal extent, then lanes: first fit, left to right.
    let mut order: Vec<usize> = (0..ds.events.len()).collect();
    let extent = |i: usize| {
        let (a, b) = spans[i];
        if a == b && ds.events[i].date.precision() == crate::format::date::Precision::Day {
            let c = (scale.map(a) + scale.map(a + 1)) / 2.0;
            (c - RADIUS, c + RADIUS, true)
        } else {
            let x0 = scale.map(a);
            let x1 = scale.map(b + 1).max(x0 + 2.0 * RADIUS);
            (x0, x1, false)
        }
    };
    order.sort_by(|&a, &b| {
        extent(a)
            .0
            .total_cmp(&extent(b).0)
            .then(spans[a].1.cmp(&spans[b].1))
            .then(a.cmp(&b))
    });
    let top = 4.0;
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut marks = Vec::with_capacity(order.len());
    for i in order {
        let (x0, x1, point) = extent(i);
        let lane = match lane_ends.iter().position(|&end| end + 2.0 <= x0) {
            Some(l) => l,
            None if lane_ends.len() < MAX_LANES => {
                lane_ends.push(f64::MIN);
                lane_ends.len() - 1
            }
            None => MAX_LANES - 1,
        };
        lane_ends[lane] = lane_ends[lane].max(x1);
        let e = &ds.events[i];
        marks.push(Mark {
            event: i,
            id: e.id.clone(),
            x: if point { x0 + RADIUS } else { x0 },
            y: top + LANE * (lane as f64 + 0.5),
            w: if point { 0.0 } else { x1 - x0 },
            group: group_class(&e.kind),
            shown: keep[i],
            label: format!("{}: {}. {}", event_date(e), e.kind.label(), e.summary),
        });
    }
    marks.sort_by_key(|m| m.event);
    let axis_y = top + LANE * lane_ends.len().max(1) as f64 + 6.0;

    // Ticks, labelled to the right of their line, none overlapping or clipped.
    let max_ticks = ((width / 84.0).floor() as usize).clamp(2, 12);
    let raw = scale.ticks(max_ticks);
    let label_y = axis_y + 16.0;
    let mut ticks: Vec<Tick> = Vec::new();
    let mut last_box: Option<Rect> = None;
    for t in &raw {
        let x = scale.map(t.day);
        let label = Text::new(x + 3.0, label_y, Anchor::Start, TICK_FONT, t.label.clone());
        let b = label.bbox();
        if b.x1 > width || last_box.is_some_and(|l| l.x1 + 6.0 > b.x0) {
            continue;
        }
        last_box = Some(b);
        ticks.push(Tick { x, label });
    }

    // Clickable ranges: from the start to the first tick, between ticks, and
    // from the last tick to the end.
    let mut cuts: Vec<i64> = vec![scale.start];
    cuts.extend(raw.iter().map(|t| t.day).filter(|&d| d > scale.start));
    cuts.push(scale.end);
    let ranges = cuts
        .windows(2)
        .filter(|w| w[1] > w[0])
        .map(|w| {
            let (from, to) = (
                PartialDate::from_days(w[0]),
                PartialDate::from_days(w[1] - 1),
            );
            let x = scale.map(w[0]);
            Range {
                x,
                w: scale.map(w[1]) - x,
                label: format!("Show events from {} to {}", from.short(), to.short()),
                from,
                to,
            }
        })
        .collect();

    let selection = (from.is_some() || to.is_some()).then(|| {
        let a = from.map_or(scale.start, |d| d.first_day()).max(scale.start);
        let b = to.map_or(scale.end, |d| d.last_day() + 1).min(scale.end);
        let (x0, x1) = (scale.map(a), scale.map(b.max(a)));
        (x0, x1)
    });

    let n_shown = keep.iter().filter(|&&k| k).count();
    Some(Timeline {
        width,
        height: label_y + 8.0,
        top,
        axis_y,
        description: format!(
            "Timeline of {} events from {} to {}; {} of them kept by the current filters. \
             Points are events dated to the day; bars are events known only to the month or year, \
             or lasting several days.",
            ds.events.len(),
            PartialDate::from_days(first).short(),
            PartialDate::from_days(last).short(),
            n_shown
        ),
        title: "When it happened".to_owned(),
        scale,
        marks,
        ticks,
        ranges,
        selection,
    })
}

impl Timeline {
    /// The days a brush from `x0` to `x1` covers, in either direction.
    ///
    /// A brush over the first half of May 2024 on a May-only axis gives
    /// `(2024-05-01, 2024-05-15)`: the days under its two ends.
    pub fn range_at(&self, x0: f64, x1: f64) -> (PartialDate, PartialDate) {
        let (a, b) = if x0 <= x1 { (x0, x1) } else { (x1, x0) };
        (
            PartialDate::from_days(self.scale.day_at(a)),
            PartialDate::from_days(self.scale.day_at(b)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::date::days_from_civil;
    use crate::format::story::first_story;

    fn all(ds: &Dataset) -> Vec<usize> {
        (0..ds.events.len()).collect()
    }

    fn mark<'a>(t: &'a Timeline, id: &str) -> &'a Mark {
        t.marks.iter().find(|m| m.id == id).unwrap()
    }

    #[test]
    fn the_axis_runs_from_the_first_event_to_the_last() {
        let ds = first_story().unwrap();
        let t = timeline(&ds, &all(&ds), None, None, 800.0).unwrap();
        // The meetings "since the war" are dated to October 2023 as a
        // whole, so the axis starts on its first day.
        assert_eq!(t.scale.start, days_from_civil(2023, 10, 1));
        assert_eq!(t.scale.end, days_from_civil(2024, 5, 16));
        let first = mark(&t, "e-hamas-assault");
        assert!(first.x - RADIUS >= 0.0 && first.x < 40.0, "{}", first.x);
        let labels: Vec<&str> = t.ticks.iter().map(|k| k.label.text.as_str()).collect();
        assert_eq!(labels[0], "Oct 2023");
        assert!(labels.contains(&"Jan 2024"));
    }

    #[test]
    fn a_month_is_a_span_and_a_day_is_a_point() {
        let ds = first_story().unwrap();
        let t = timeline(&ds, &all(&ds), None, None, 800.0).unwrap();
        let april = mark(&t, "e-haniyeh-arouri-talks");
        let start = t.scale.map(days_from_civil(2024, 4, 1));
        let end = t.scale.map(days_from_civil(2024, 5, 1));
        assert_eq!((april.x, april.x + april.w), (start, end));
        assert_eq!(mark(&t, "e-beirut-meeting").w, 0.0);
    }

    #[test]
    fn marks_on_the_same_day_go_to_different_lanes() {
        let ds = first_story().unwrap();
        let t = timeline(&ds, &all(&ds), None, None, 800.0).unwrap();
        let same_day: Vec<&Mark> = t
            .marks
            .iter()
            .filter(|m| m.w == 0.0 && (m.x - mark(&t, "e-beirut-meeting").x).abs() < 1.0)
            .collect();
        assert!(same_day.len() > 5);
        let mut ys: Vec<i64> = same_day.iter().map(|m| m.y as i64).collect();
        ys.sort_unstable();
        ys.dedup();
        assert_eq!(ys.len(), same_day.len());
        assert!(t.marks.iter().all(|m| m.y < t.axis_y));
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
        let a = t.scale.map(days_from_civil(2024, 1, 1)) + 0.1;
        let b = t.scale.map(days_from_civil(2024, 3, 31)) + 0.1;
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
            assert!((w[0].x + w[0].w - w[1].x).abs() < 1e-9);
            assert_eq!(w[0].to.first_day() + 1, w[1].from.first_day());
        }
        assert_eq!(t.ranges[0].from.to_string(), "2023-10-01");
        assert!(
            t.ranges[1].label.starts_with("Show events from 1 "),
            "{}",
            t.ranges[1].label
        );
        let (x0, x1) = t.selection.unwrap();
        assert_eq!(x0, t.scale.map(days_from_civil(2024, 4, 1)));
        assert_eq!(x1, 640.0 - PAD);
    }

    #[test]
    fn tick_labels_never_overlap_or_leave_the_width() {
        let ds = first_story().unwrap();
        for width in [200.0, 280.0, 320.0, 375.0, 480.0, 768.0, 1024.0, 1200.0] {
            let t = timeline(&ds, &all(&ds), None, None, width).unwrap();
            let boxes: Vec<Rect> = t.ticks.iter().map(|k| k.label.bbox()).collect();
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
