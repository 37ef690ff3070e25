//! The casualty chart, computed: every bar and label in pixels for a
//! given width, so that the component only draws what it is handed.
//!
//! Casualty figures in a story like the first one come from different
//! counters, over different periods, with different qualifiers. The chart
//! keeps all of that visible:
//! - one group per side and counter, headed by whose dead, who counted, the
//!   period and the as-of date;
//! - a lower bound ("at least 295", "more than 79") is a bar that fades out
//!   past its value, so it reads as a minimum; an "up to" is an open outline;
//!   an approximate figure has a soft end, and a low–high range a lighter band;
//! - a subset (the journalists among the civilians) is drawn inside its
//!   superset;
//! - every value label says the qualifier, and is placed where it collides
//!   with nothing and stays inside the width;
//! - the caption says plainly when the counters or periods differ.
//!
//! Pure: no browser types here.

use crate::base::case::contains_any_case;
use crate::base::gather::{push_all, Gather};
use crate::base::labels::{first_free, text_size, wrap_parts, Anchor, Rect, Text};
use crate::base::num::thousands;
use crate::charts::scale::Linear;
use crate::format::model::{Count, Dataset, Tally};
use crate::format::vocab::{CountQualifier, TallyCategory};
use crate::view::present::{
    and_list, capitalised, category_label, count, number_word, or_list, quantity, standing,
};

/// How a bar ends, from the figure's qualifier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum End {
    /// A counted figure: a solid bar.
    Exact,
    /// A minimum ("at least", "more than"): the bar fades out from the value
    /// to `to`, and has no end line.
    Minimum { to: f64 },
    /// A maximum ("up to"): an outline bar, open inside.
    Maximum,
    /// "About": a soft end from `from` to `to` around the value.
    Approximate { from: f64, to: f64 },
    /// A low–high range: solid to the low value, a lighter band to the
    /// high one, and a tick at the best estimate, the bar's `w`, where it
    /// passes the low end. A range with no best estimate ("between 40 and
    /// 60") has its `w` at its low end, and no tick.
    Range { low: f64, high: f64 },
    /// A count in words ("hundreds"): no bar, since the text gives no
    /// number, only an outlined band over what the words can mean.
    Words { low: f64, high: f64 },
}

/// One figure's bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Index into `dataset.tallies`.
    pub tally: usize,
    pub id: String,
    pub x: f64,
    pub y: f64,
    /// Where the bar reaches the stated value (its solid end), in pixels
    /// from the left like `x`.
    pub w: f64,
    pub h: f64,
    pub end: End,
    /// The category's name, as the mark's `data-tone`, which sets its colour.
    pub tone: &'static str,
    /// Drawn inside another bar.
    pub subset: bool,
    /// The value with its qualifier, where it collides with nothing.
    pub value: Text,
    /// The value sits on the bar and is drawn in the bar's contrast colour.
    pub value_inside: bool,
    /// What a subset is ("including 3 journalists"); the category above a bar.
    /// The line or lines above the bar (or under it, for a part): its
    /// category or counter, wrapped to the width.
    pub name: Vec<Text>,
    /// The whole figure in a sentence, for assistive technology and tooltips.
    pub description: String,
    /// The band of the chart, top and bottom, that a tap or a pointer
    /// takes to this figure: its name lines and its bar (a part's, its
    /// name lines only: its bar lies inside its whole's). No two figures'
    /// bands overlap, so a tap never reaches a neighbour.
    pub hit: (f64, f64),
}

/// A side and counter's figures, with its heading.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Whose dead, as the heading says it.
    pub whose: String,
    /// The heading, wrapped to the width.
    pub heading: Vec<Text>,
    /// Counter, period and as-of date, wrapped to the width.
    pub meta: Vec<Text>,
    pub bars: Vec<Bar>,
}

/// A row of the data table that stands in for the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub tally: usize,
    pub side: String,
    pub category: String,
    pub figure: String,
    pub counted_by: String,
    pub period: String,
    pub quote: String,
}

/// The whole chart at one width.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub groups: Vec<Group>,
    pub title: String,
    /// One paragraph that says what the chart shows, for screen readers.
    pub description: String,
    /// Plain sentences on what differs between the figures.
    pub caption: Vec<String>,
    /// When the chart shows more than one outcome, the sentence that says
    /// each has a scale of its own: read before the bars, not after.
    pub scale_note: Option<String>,
    pub rows: Vec<Row>,
}

const HEADING: f64 = 15.0;
const META: f64 = 12.0;
const LABEL: f64 = 12.5;
const BAR: f64 = 22.0;
const INNER: f64 = 10.0;
const GAP: f64 = 6.0;

/// Every colour class [`tone`] gives, for the gradients the chart defines.
pub const TONES: [&str; 4] = ["combatants", "civilians", "subgroup", "unknown"];

fn tone(category: &TallyCategory) -> &'static str {
    match category {
        TallyCategory::Fighters | TallyCategory::Soldiers => "combatants",
        TallyCategory::Civilians => "civilians",
        TallyCategory::Journalists | TallyCategory::Children => "subgroup",
        _ => "unknown",
    }
}

/// Whether a figure is drawn: not withdrawn, and not since revised by its
/// counter (the revision is drawn, and says what it was).
fn drawn(ds: &Dataset, t: &Tally) -> bool {
    t.withdrawn.is_none() && ds.revision_of(t).is_none()
}

/// What a revised figure was: "revised from at least 64 as of 4 Jun 2024".
fn revised_from(ds: &Dataset, t: &Tally) -> Option<String> {
    let old = ds.tally(t.revises.as_deref()?)?;
    let mut out = format!("revised from {}", count(&old.count));
    // Revised the same day: its date would say nothing.
    if old.as_of != t.as_of {
        out += &format!(" as of {}", old.as_of.short());
    }
    Some(out)
}

/// The largest number a figure reaches: its value, its high end, or the
/// most its words can mean.
fn reach(t: &Tally) -> u64 {
    // A count in words reaches the most its words can mean.
    t.count
        .ceiling()
        .unwrap_or(0)
        .max(t.count.value.unwrap_or(0))
}

/// Whose dead a figure counts, as a heading says it.
fn side_name(ds: &Dataset, t: &Tally) -> String {
    // Described victims ("residents of Kafr Saba") head a group as a name does.
    let actor = capitalised(ds.whose(t));
    match &t.place {
        // "People of Kfar Kila", not "People of Kfar Kila (Kfar Kila)".
        Some(place) if !contains_any_case(&actor, place) => {
            format!("{actor} ({place})")
        }
        _ => actor,
    }
}

fn counter_name(ds: &Dataset, t: &Tally) -> String {
    crate::view::present::in_sentence(ds.source_name(&t.counted_by))
}

/// "since 8 Oct 2023", or "period not given".
fn since(t: &Tally) -> String {
    t.since.map_or_else(
        || "period not given".to_owned(),
        |d| format!("since {}", d.short()),
    )
}

/// "since 8 Oct 2023 · as of 15 May 2024", or "period not given · …".
fn period(t: &Tally) -> String {
    format!("{} · as of {}", since(t), t.as_of.short())
}

/// The category in the plural, with the figure: "more than 79 civilians".
fn figure(t: &Tally) -> String {
    quantity(&t.count, &category_label(&t.category, &t.count))
}

/// A figure with what befell the people: "14 soldiers killed", "hundreds
/// of civilians displaced", "civilians killed: in the hundreds".
fn figure_befell(t: &Tally) -> String {
    quantity(
        &t.count,
        &format!(
            "{} {}",
            category_label(&t.category, &t.count),
            t.outcome.label()
        ),
    )
}

/// A label's lines at `y` and below, wrapped at the width.
fn lines(label: &str, y: f64, width: f64) -> Vec<Text> {
    let words: Vec<&str> = label.split(' ').gather();
    wrap_parts(&words, " ", width, LABEL)
        .into_iter()
        .enumerate()
        .map(|(k, line)| Text::new(0.0, y + LABEL * 1.25 * k as f64, Anchor::Start, LABEL, line))
        .gather()
}

/// A part's line under its whole: "including 3 journalists"; and whose
/// dead they are when the whole counts others ("including at least 339
/// Civilians (Kenya)", inside the people killed on any side).
fn part_label(ds: &Dataset, whole: &Tally, part: &Tally) -> String {
    let whose = ds.whose(part);
    if whose == ds.whose(whole) {
        return format!("including {}", figure(part));
    }
    let category = part.category.label();
    if contains_any_case(whose, &category) {
        format!("including {} {whose}", count(&part.count))
    } else {
        format!("including {}, {whose}", figure(part))
    }
}

/// The caption's sentences: what differs between the figures, and how to
/// read each kind of bar end drawn.
pub fn caption(ds: &Dataset) -> Vec<String> {
    let mut out = Vec::new();
    let mut counters: Vec<String> = Vec::new();
    let mut periods: Vec<String> = Vec::new();
    // The figures drawn: a revised or withdrawn one is said apart.
    let shown: Vec<&Tally> = ds.tallies.iter().filter(|t| drawn(ds, t)).gather();
    for t in &shown {
        let c = counter_name(ds, t);
        if !counters.contains(&c) {
            counters.push(c);
        }
        let p = period(t);
        if !periods.contains(&p) {
            periods.push(p);
        }
    }
    // Rival estimates of one figure: said as such, and not counted as
    // figures of different people.
    let rivals = ds.estimate_groups();
    let separate = shown
        .len()
        .saturating_sub(rivals.iter().map(|g| g.len() - 1).sum::<usize>());
    match (counters.len(), periods.len()) {
        (0, _) => {}
        (_, _) if separate == 1 => {}
        (1, 1) => out.push(format!(
            "All figures were counted by {}, {}.",
            counters[0], periods[0]
        )),
        (1, _) => out.push(format!(
            "All figures were counted by {}, but over different periods: compare them with care.",
            counters[0]
        )),
        (n, _) => out.push(format!(
            "These figures are not like-for-like. They come from {} different counters \
             ({}), each with its own method{}{}.",
            n,
            and_list(&counters),
            if periods.len() > 1 {
                ", over its own period"
            } else {
                ""
            },
            if rivals.is_empty() {
                ", and each counts different people"
            } else {
                ""
            }
        )),
    }
    for group in &rivals {
        let t = &ds.tallies[group[0]];
        let mut by: Vec<String> = Vec::new();
        for &i in group {
            let c = counter_name(ds, &ds.tallies[i]);
            if !by.contains(&c) {
                by.push(c);
            }
        }
        out.push(format!(
            "{} counts of the same {} ({}): estimates of one figure, from {}, side by side.",
            capitalised(&number_word(group.len())),
            t.outcome.people(),
            ds.whose(t),
            and_list(&by)
        ));
    }
    // How each kind of bar end drawn reads, once.
    let ends = [
        (
            EndKind::Minimum,
            "A bar that fades out is a minimum (\"at least\", \"more than\"): \
             the true figure may be higher.",
        ),
        (
            EndKind::Maximum,
            "A bar drawn in outline is a maximum (\"up to\"): the true figure may be lower.",
        ),
        (
            EndKind::Approximate,
            "A bar with a soft end is an estimate (\"about\").",
        ),
        (
            EndKind::Range,
            "A lighter band is a range: solid to the low figure, lighter to the high one, with a tick at the best estimate where one is given.",
        ),
    ];
    for (kind, note) in ends {
        if ds
            .tallies
            .iter()
            .any(|t| drawn(ds, t) && end_of(&t.count) == kind)
        {
            out.push(note.to_owned());
        }
    }
    // A count in words: the band and its bounds said once per word.
    let mut words_said: Vec<CountQualifier> = Vec::new();
    for t in ds
        .tallies
        .iter()
        .filter(|t| drawn(ds, t) && end_of(&t.count) == EndKind::Words)
    {
        let q = t.count.qualifier;
        let Some((lo, hi)) = q.magnitude() else {
            continue;
        };
        if words_said.contains(&q) {
            continue;
        }
        words_said.push(q);
        out.push(format!(
            "“{}” gives no number: its dashed band spans what the word can mean, {} to {}.",
            capitalised(q.label()),
            thousands(lo),
            thousands(hi)
        ));
    }
    for t in ds.tallies.iter().filter(|t| t.withdrawn.is_some()) {
        out.push(format!(
            "Not drawn: {}, {}, counted by {}, as of {}, which its counter withdrew. {}",
            figure_befell(t),
            ds.whose(t),
            counter_name(ds, t),
            t.as_of.short(),
            sentence(t.withdrawn.as_deref().unwrap_or_default())
        ));
    }
    if ds.tallies.iter().any(|t| t.subset_of.is_some()) {
        out.push("A narrower bar inside another is part of that figure.".to_owned());
    }
    out
}

/// A note of the dataset's written as a sentence of its own: a capital, and
/// a full stop unless it ends as a sentence ends already ("?", "!", a
/// closing quote).
fn sentence(note: &str) -> String {
    let note = capitalised(note.trim());
    match note.chars().last() {
        Some('.' | '!' | '?' | '…' | '”' | '"' | ')') | None => note,
        _ => note + ".",
    }
}

/// The chart for a dataset at `width` pixels; `None` when it has no tallies.
pub fn chart(ds: &Dataset, width: f64) -> Option<Chart> {
    if ds.tallies.is_empty() {
        return None;
    }
    let width = width.max(200.0);
    // Groups: one per side, place, counter and period, in dataset order.
    // A subset goes with its superset, wherever it is listed.
    // Rival estimates of one figure share a group, whoever counted them.
    let rivals = ds.estimate_groups();
    let rival_group = |i: usize| rivals.iter().position(|g| g.contains(&i));
    let key = |i: usize, t: &Tally| {
        if let Some(g) = rival_group(i) {
            return (
                None,
                None,
                format!("estimates {g}"),
                String::new(),
                t.outcome,
            );
        }
        (
            t.side.clone().or_else(|| t.victims.clone()),
            t.place.clone(),
            t.counted_by.clone(),
            period(t),
            t.outcome,
        )
    };
    type GroupKey = (
        Option<String>,
        Option<String>,
        String,
        String,
        crate::format::vocab::Outcome,
    );
    let mut groups: Vec<(GroupKey, Vec<usize>)> = Vec::new();
    // What befell the people counted, each once, in the order first met:
    // when figures of more than one outcome share the chart, every heading
    // says which ("Wounded: Residents of Wad al-Nourah").
    let mut outcomes: Vec<&'static str> = Vec::new();
    for t in ds.tallies.iter().filter(|t| drawn(ds, t)) {
        if !outcomes.contains(&t.outcome.label()) {
            outcomes.push(t.outcome.label());
        }
    }
    let mixed = outcomes.len() > 1;
    let has_parent = |t: &Tally| {
        t.subset_of
            .as_ref()
            .is_some_and(|p| ds.tally(p).is_some() && p != &t.id)
    };
    // The groups of one outcome together, in the order the outcomes are
    // first met.
    for &o in &outcomes {
        for (i, t) in ds.tallies.iter().enumerate() {
            if has_parent(t) || !drawn(ds, t) || t.outcome.label() != o {
                continue;
            }
            let k = key(i, t);
            match groups.iter_mut().find(|(gk, _)| *gk == k) {
                Some((_, members)) => members.push(i),
                // After the last group of its side, if any: two counters'
                // figures for the same dead side by side, not parted by
                // another side's.
                None => {
                    let at = groups
                        .iter()
                        .rposition(|(g, _): &(GroupKey, _)| g.0 == k.0 && g.4 == k.4);
                    groups.insert(at.map_or(groups.len(), |p| p + 1), (k, vec![i]));
                }
            }
        }
    }

    // A group's outcome, as an index into `outcomes`.
    let section = |members: &[usize]| {
        let label = ds.tallies[members[0]].outcome.label();
        outcomes.iter().position(|&o| o == label).unwrap_or(0)
    };

    // The value scales: one per outcome, shared by its groups, so that the
    // reader compares lengths only where they mean the same thing (the
    // dead of two counters, never the dead with the displaced).
    let labels: Vec<String> = ds.tallies.iter().map(|t| count(&t.count)).gather();
    let widest = labels
        .iter()
        .map(|l| text_size(l, LABEL).0)
        .fold(0.0, f64::max);
    let fade = crate::base::num::clamp(width * 0.08, 16.0, 40.0);
    let reserve = (widest + fade + GAP).min(width * 0.45);
    let scales: Vec<Linear> = outcomes
        .iter()
        .map(|&o| {
            // Every figure of the outcome drawn (a part counts what its
            // whole counts: the checker holds it).
            let max = ds
                .tallies
                .iter()
                .filter(|t| drawn(ds, t) && t.outcome.label() == o)
                .map(reach)
                .max()
                .unwrap_or(1)
                .max(1) as f64;
            Linear::new((0.0, max), (0.0, width - reserve))
        })
        .gather();

    let mut out_groups = Vec::new();
    let mut y = 0.0;
    for (_, members) in &groups {
        let first = &ds.tallies[members[0]];
        let Some(x) = scales.get(section(members)) else {
            continue;
        };
        let whose = if mixed {
            format!(
                "{}: {}",
                capitalised(first.outcome.label()),
                side_name(ds, first)
            )
        } else {
            side_name(ds, first)
        };
        // Wrapped at the width, a bold line's letters being wider.
        let heading: Vec<Text> = wrap_parts(&whose.split(' ').gather(), " ", width / 1.1, HEADING)
            .into_iter()
            .enumerate()
            .map(|(k, line)| {
                Text::new(
                    0.0,
                    y + HEADING * (1.0 + 1.25 * k as f64),
                    Anchor::Start,
                    HEADING,
                    line,
                )
            })
            .gather();
        y += HEADING * (1.4 + 1.25 * (heading.len().max(1) - 1) as f64);
        let rivals = rival_group(members[0]).is_some();
        let (counter, period_start, as_of) = if rivals {
            (
                format!(
                    "{} counts of the same {}",
                    capitalised(&number_word(members.len())),
                    first.outcome.people()
                ),
                "side by side".to_owned(),
                if members.iter().all(|&j| ds.tallies[j].as_of == first.as_of) {
                    format!("as of {}", first.as_of.short())
                } else {
                    String::new()
                },
            )
        } else {
            (
                format!("Counted by {}", counter_name(ds, first)),
                since(first),
                format!("as of {}", first.as_of.short()),
            )
        };
        let parts: Vec<&str> = [counter.as_str(), period_start.as_str(), as_of.as_str()]
            .into_iter()
            .filter(|p| !p.is_empty())
            .gather();
        let meta: Vec<Text> = wrap_parts(&parts, " · ", width, META)
            .into_iter()
            .map(|line| {
                y += META * 1.35;
                Text::new(0.0, y, Anchor::Start, META, line)
            })
            .gather();
        y += GAP * 1.5;
        let mut bars = Vec::new();
        for &i in members {
            let t = &ds.tallies[i];
            // The category above the bar; the value where it fits.
            // An estimate says whose it is ("Local activists"), and its
            // date when the estimates' dates differ; the value says how many.
            let label = if rivals {
                let first = &ds.tallies[members[0]];
                if members.iter().all(|&j| ds.tallies[j].as_of == first.as_of) {
                    capitalised(&counter_name(ds, t))
                } else {
                    format!(
                        "{}, as of {}",
                        capitalised(&counter_name(ds, t)),
                        t.as_of.short()
                    )
                }
            } else {
                capitalised(&category_label(&t.category, &t.count))
            };
            // A figure's own standing, and what it was before its
            // counter revised it, are said where its name is read.
            let label = match standing(ds, t) {
                Some(words) => format!("{label} ({words})"),
                None => label,
            };
            let label = match revised_from(ds, t) {
                Some(words) => format!("{label}, {words}"),
                None => label,
            };
            let name = lines(&label, y + LABEL, width);
            y += LABEL * (1.5 + 1.25 * (name.len() - 1) as f64);
            let mut bar = bar_for(ds, i, x, y, BAR, fade, false);
            bar.name = name;
            let mut taken: Vec<Rect> = bar.name.iter().map(Text::bbox).gather();
            y += BAR;
            let subsets: Vec<usize> = ds
                .tallies
                .iter()
                .enumerate()
                // Its parts, and those of the figure it revises: the 4
                // children of a toll of 23 since revised to 31 are drawn
                // in the 31, not lost with the 23. (No tally is a part of
                // itself: the checker refuses one.)
                .filter(|(_, s)| {
                    let of = s.subset_of.as_deref();
                    of.is_some() && (of == Some(t.id.as_str()) || of == t.revises.as_deref())
                })
                .map(|(j, _)| j)
                .gather();
            let mut inner = Vec::new();
            // Parts of one figure (deaths by event type, say) do not
            // overlap: each is drawn after the one before.
            let mut offset = 0.0;
            for j in subsets {
                let sy = bar.y + (BAR - INNER) / 2.0;
                let mut sub = bar_for(ds, j, x, sy, INNER, fade, true);
                shift(&mut sub, offset);
                offset = sub.w;
                y += LABEL * 1.4;
                let s = &ds.tallies[j];
                sub.name = lines(&part_label(ds, t, s), y, width);
                y += LABEL * 1.25 * (sub.name.len() - 1) as f64;
                // A subset's value is in its name line.
                sub.value = Text::new(0.0, y, Anchor::Start, LABEL, String::new());
                sub.hit = band(&sub.name);
                push_all(&mut taken, sub.name.iter().map(Text::bbox));
                inner.push(sub);
            }
            place_value(&mut bar, &taken, width, &mut y);
            // Its name to its bar, and its value when that has a line of
            // its own and no part's name comes between.
            let (top, _) = band(&bar.name);
            let (_, below) = band(std::slice::from_ref(&bar.value));
            let bottom = bar.y + bar.h;
            bar.hit = (
                top.min(bar.y),
                if inner.is_empty() {
                    bottom.max(below)
                } else {
                    bottom
                },
            );
            bars.push(bar);
            push_all(&mut bars, inner);
            y += GAP * 2.0;
        }
        out_groups.push(Group {
            whose,
            heading,
            meta,
            bars,
        });
        y += GAP * 2.0;
    }
    let height = y;

    let rows = ds
        .tallies
        .iter()
        .enumerate()
        .map(|(i, t)| Row {
            tally: i,
            side: side_name(ds, t),
            category: {
                let c = capitalised(&category_label(&t.category, &t.count));
                match t.outcome.unless_killed() {
                    Some(o) => format!("{c}, {o}"),
                    None => c,
                }
            },
            // A figure the chart leaves out says why.
            figure: match (&t.withdrawn, ds.revision_of(t)) {
                (Some(_), _) => format!("{}, withdrawn", count(&t.count)),
                (None, Some(later)) => format!(
                    "{}, later revised to {}",
                    count(&t.count),
                    count(&later.count)
                ),
                (None, None) => count(&t.count),
            },
            counted_by: counter_name(ds, t),
            period: period(t),
            quote: t
                .provenance
                .first()
                .map(|p| p.quote.clone())
                .unwrap_or_default(),
        })
        .gather();
    // Each figure's sentence names its side: a group's heading is not
    // said again before it.
    let summary: Vec<&str> = out_groups
        .iter()
        .flat_map(|g| &g.bars)
        .map(|b| b.description.as_str())
        .gather();
    let scale_note = (outcomes.len() > 1).then(|| {
        format!(
            "{} each have a scale of their own: compare lengths within one only.",
            capitalised(&and_list(&outcomes))
        )
    });
    Some(Chart {
        width,
        height,
        // With every figure withdrawn, none is drawn: the caption says why.
        title: if outcomes.is_empty() {
            "Casualty figures".to_owned()
        } else {
            format!("People {}, as each counter reports", or_list(&outcomes))
        },
        description: format!(
            "Bar chart of {} casualty figures. {}.",
            ds.tallies.len(),
            crate::base::text::join(&summary, ". ")
        ),
        caption: caption(ds),
        scale_note,
        groups: out_groups,
        rows,
    })
}

/// The rows of text lines, from the top of the first (a line's height
/// above its baseline, and 3 px more, so that a chosen or focused
/// figure's outline clears its name) to the foot of the last (its
/// descenders).
fn band(lines: &[Text]) -> (f64, f64) {
    let (first, last) = (
        lines.first().map_or(0.0, |t| t.y),
        lines.last().map_or(0.0, |t| t.y),
    );
    (first - LABEL - 3.0, last + LABEL * 0.4)
}

/// The kinds of [`End`], without their geometry.
#[derive(Clone, Copy, PartialEq)]
enum EndKind {
    Exact,
    Minimum,
    Maximum,
    Approximate,
    Range,
    Words,
}

/// How a count's bar ends: words first, then a low–high range, then the
/// qualifier's own.
fn end_of(c: &Count) -> EndKind {
    if c.value.is_none() && c.qualifier.magnitude().is_some() {
        return EndKind::Words;
    }
    if c.low.is_some() && c.high.is_some() {
        return EndKind::Range;
    }
    match c.qualifier {
        q if q.is_lower_bound() => EndKind::Minimum,
        CountQualifier::UpTo => EndKind::Maximum,
        CountQualifier::Approximately => EndKind::Approximate,
        _ => EndKind::Exact,
    }
}

/// The bar for tally `i` at `y`, with its end drawn from its qualifier.
fn bar_for(ds: &Dataset, i: usize, x: &Linear, y: f64, h: f64, fade: f64, subset: bool) -> Bar {
    let t = &ds.tallies[i];
    // A range with no best estimate is solid to its low end.
    let v = t.count.value.or(t.count.low).unwrap_or(0) as f64;
    let w = x.map(v).max(1.0);
    let end = match end_of(&t.count) {
        // A count in words: a band from the least to the most it can mean.
        EndKind::Words => End::Words {
            low: x.map(t.count.floor() as f64),
            high: x.map(t.count.ceiling().unwrap_or_default() as f64),
        },
        EndKind::Range => End::Range {
            low: x.map(t.count.low.unwrap_or_default() as f64),
            high: x.map(t.count.high.unwrap_or_default() as f64),
        },
        EndKind::Minimum => End::Minimum { to: w + fade },
        EndKind::Maximum => End::Maximum,
        EndKind::Approximate => End::Approximate {
            from: (w - fade / 3.0).max(0.0),
            to: w + fade / 3.0,
        },
        EndKind::Exact => End::Exact,
    };
    let mut description = format!(
        "{}: {}, counted by {}, {}",
        side_name(ds, t),
        figure_befell(t),
        counter_name(ds, t),
        period(t),
    );
    for words in [standing(ds, t), revised_from(ds, t)].into_iter().flatten() {
        description.push_str(&format!(", {words}"));
    }
    Bar {
        tally: i,
        id: t.id.clone(),
        x: 0.0,
        y,
        w,
        h,
        end,
        tone: tone(&t.category),
        subset,
        value: Text::new(0.0, 0.0, Anchor::Start, LABEL, count(&t.count)),
        value_inside: false,
        name: Vec::new(),
        description,
        hit: (y, y + h),
    }
}

impl Bar {
    /// The mark's accessible name: the words it shows first ("Fighters at
    /// least 295"), so that a reader who says what they see (voice
    /// control, WCAG 2.5.3) reaches it, then the whole description.
    pub fn accessible_name(&self) -> String {
        let shown: Vec<&str> = self
            .name
            .iter()
            .chain([&self.value])
            .map(|t| t.text.as_str())
            .filter(|s| !s.is_empty())
            .gather();
        format!(
            "{}: {}",
            crate::base::text::join(&shown, " "),
            self.description
        )
    }

    /// The name's words on one line.
    pub fn name_text(&self) -> String {
        let words: Vec<&str> = self.name.iter().map(|t| t.text.as_str()).gather();
        crate::base::text::join(&words, " ")
    }
}

/// Move a bar right by `dx`: its start, its end and the ends of its shape.
fn shift(bar: &mut Bar, dx: f64) {
    bar.x += dx;
    bar.w += dx;
    bar.end = match bar.end {
        End::Minimum { to } => End::Minimum { to: to + dx },
        End::Approximate { from, to } => End::Approximate {
            from: from + dx,
            to: to + dx,
        },
        End::Range { low, high } => End::Range {
            low: low + dx,
            high: high + dx,
        },
        End::Words { low, high } => End::Words {
            low: low + dx,
            high: high + dx,
        },
        other => other,
    };
}

/// Where a bar's drawn shape ends, fade or band included.
pub fn visual_end(bar: &Bar) -> f64 {
    match bar.end {
        End::Minimum { to } => to,
        End::Approximate { to, .. } => to,
        End::Range { high, .. } => high.max(bar.w),
        End::Words { high, .. } => high,
        End::Exact | End::Maximum => bar.w,
    }
}

/// Put a bar's value label in the first free place: past the end of the
/// bar, on the bar itself, at the right of the name line, or on a line of
/// its own below (which moves `y` down).
fn place_value(bar: &mut Bar, taken: &[Rect], width: f64, y: &mut f64) {
    let text = bar.value.text.clone();
    let mid = bar.y + bar.h / 2.0 + LABEL * 0.35;
    let solid = match bar.end {
        End::Range { low, .. } => low,
        End::Words { .. } => bar.x,
        End::Approximate { from, .. } => from,
        _ => bar.w,
    };
    let outside = Text::new(
        visual_end(bar) + GAP,
        mid,
        Anchor::Start,
        LABEL,
        text.clone(),
    );
    let inside = Text::new(solid - GAP, mid, Anchor::End, LABEL, text.clone());
    let name_y = bar.name.last().map_or(bar.y, |t| t.y);
    let beside_name = Text::new(width, name_y, Anchor::End, LABEL, text.clone());
    // On the bar only when it leaves room at the bar's start.
    let fits_inside = inside.bbox().x0 >= GAP;
    let mut options = vec![outside];
    if fits_inside {
        options.push(inside.clone());
    }
    options.push(beside_name);
    let boxes: Vec<Rect> = options.iter().map(Text::bbox).gather();
    let chosen = first_free(&boxes, taken, width);
    match chosen {
        Some(i) => {
            bar.value_inside = options[i] == inside;
            bar.value = options.swap_remove(i);
        }
        None => {
            *y += LABEL * 1.4;
            bar.value = Text::new(0.0, *y, Anchor::Start, LABEL, text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::story::first_story;
    use proptest::prelude::*;

    #[test]
    fn a_part_says_whose_dead_when_its_whole_counts_others() {
        let csv = "event_date,event_type,sub_event_type,actor1,inter1,actor2,inter2,location,fatalities\n\
                   2024-01-02,Violence against civilians,Attack,Militia X,3,Civilians (Chad),7,Abeche,3\n\
                   2024-01-03,Battles,Armed clash,Militia X,3,Army of Chad,1,Abeche,2\n";
        let ds = crate::import::acled::import(csv.as_bytes(), "a.csv")
            .unwrap()
            .dataset;
        let c = chart(&ds, 600.0).unwrap();
        let names: Vec<String> = c
            .groups
            .iter()
            .flat_map(|g| &g.bars)
            .map(Bar::name_text)
            .gather();
        assert!(
            names.contains(&"including at least 3 Civilians (Chad)".to_owned()),
            "{names:?}"
        );
        let headings: Vec<&str> = c.groups.iter().map(|g| g.whose.as_str()).gather();
        assert_eq!(
            headings,
            [
                "People on any side in violence against civilians",
                "People on any side in battles"
            ]
        );
    }

    #[test]
    fn every_marks_name_begins_with_the_words_it_shows() {
        let ds = first_story().unwrap();
        for width in [320.0, 840.0] {
            let c = chart(&ds, width).unwrap();
            for b in c.groups.iter().flat_map(|g| &g.bars) {
                let name = b.accessible_name();
                let shown = format!("{} {}", b.name_text(), b.value.text);
                assert!(name.starts_with(shown.trim()), "{name} / {shown}");
                assert!(name.ends_with(&b.description));
            }
        }
    }

    fn bar<'a>(c: &'a Chart, id: &str) -> &'a Bar {
        c.groups
            .iter()
            .flat_map(|g| &g.bars)
            .find(|b| b.id == id)
            .unwrap()
    }

    #[test]
    fn labels_carry_the_qualifiers() {
        let ds = first_story().unwrap();
        let c = chart(&ds, 640.0).unwrap();
        assert_eq!(bar(&c, "t-hezbollah-members").value.text, "at least 295");
        // Every bar's colour class has its gradient in the chart.
        assert!(c
            .groups
            .iter()
            .flat_map(|g| &g.bars)
            .all(|b| TONES.contains(&b.tone)));
        assert_eq!(bar(&c, "t-lebanon-civilians").value.text, "more than 79");
        assert_eq!(bar(&c, "t-israel-soldiers").value.text, "14");
        assert_eq!(
            bar(&c, "t-lebanon-journalists").name_text(),
            "including 3 journalists"
        );
    }

    #[test]
    fn a_revised_figure_is_drawn_once_and_a_withdrawn_one_not_at_all() {
        let mut ds = first_story().unwrap();
        let mut later = ds.tallies[0].clone();
        later.id = "t-later".into();
        later.count.value = Some(310);
        later.revises = Some(ds.tallies[0].id.clone());
        later.as_of = "2024-05-16".parse().unwrap();
        ds.tallies.push(later);
        ds.tallies[3].withdrawn = Some("the army withdrew it".into());
        let c = chart(&ds, 1000.0).unwrap();
        let ids: Vec<&str> = c
            .groups
            .iter()
            .flat_map(|g| &g.bars)
            .map(|b| b.id.as_str())
            .gather();
        assert!(
            ids.contains(&"t-later") && !ids.contains(&"t-hezbollah-members"),
            "{ids:?}"
        );
        assert!(!ids.contains(&ds.tallies[3].id.as_str()), "{ids:?}");
        let later = bar(&c, "t-later");
        assert!(
            later
                .name_text()
                .ends_with("revised from at least 295 as of 15 May 2024"),
            "{}",
            later.name_text()
        );
        assert!(
            c.caption
                .iter()
                .any(|s| s.starts_with("Not drawn: 14 soldiers killed")
                    && s.ends_with("which its counter withdrew. The army withdrew it.")),
            "{:?}",
            c.caption
        );
    }

    #[test]
    fn the_parts_of_a_revised_figure_are_drawn_in_its_revision() {
        let ds = crate::format::story::civilians_revised(90);
        let c = chart(&ds, 640.0).unwrap();
        let (whole, part) = (bar(&c, "t-later"), bar(&c, "t-lebanon-journalists"));
        assert!(part.subset, "drawn as a part");
        assert!(
            part.x >= whole.x && part.w <= whole.w,
            "inside the 90: {part:?}"
        );
        assert_eq!(part.name_text(), "including 3 journalists");
    }

    #[test]
    fn a_revision_of_a_rival_estimate_stands_in_its_place() {
        let mut ds = first_story().unwrap();
        let first = ds.tallies[0].clone();
        let mut rival = first.clone();
        rival.id = "t-rival".into();
        rival.counted_by = ds.sources[1].id.clone();
        rival.same_as = Some(first.id.clone());
        let mut later = first.clone();
        later.id = "t-later".into();
        later.count.value = Some(310);
        later.revises = Some(first.id.clone());
        ds.tallies.extend([rival, later]);
        let c = chart(&ds, 1000.0).unwrap();
        let group = c
            .groups
            .iter()
            .find(|g| g.bars.iter().any(|b| b.id == "t-rival"))
            .unwrap();
        let ids: Vec<&str> = group.bars.iter().map(|b| b.id.as_str()).gather();
        assert_eq!(ids, ["t-rival", "t-later"]);
        assert!(
            c.caption
                .iter()
                .any(|s| s.starts_with("Two counts of the same dead")),
            "{:?}",
            c.caption
        );
        // Revised the same day: the figure it was, without a date.
        assert!(bar(&c, "t-later")
            .name_text()
            .ends_with("revised from at least 295"));
    }

    #[test]
    fn a_heading_names_the_place_once() {
        let mut ds = first_story().unwrap();
        let side = ds.tallies[1].side.clone().unwrap();
        let at = |ds: &Dataset| chart(ds, 1000.0).unwrap().groups[1].whose.clone();
        let actor = ds.actors.iter_mut().find(|a| a.id == side).unwrap();
        actor.name = "People of Lebanon".into();
        assert_eq!(at(&ds), "People of Lebanon");
        let actor = ds.actors.iter_mut().find(|a| a.id == side).unwrap();
        actor.name = "Civilians".into();
        assert_eq!(at(&ds), "Civilians (Lebanon)");
    }

    #[test]
    fn groups_name_side_counter_and_period() {
        let ds = first_story().unwrap();
        let c = chart(&ds, 1000.0).unwrap();
        let headings: Vec<&str> = c.groups.iter().map(|g| g.whose.as_str()).gather();
        assert_eq!(headings, ["Hezbollah", "Lebanon", "Israel"]);
        let meta: Vec<String> = c
            .groups
            .iter()
            .map(|g| g.meta.iter().map(|t| t.text.as_str()).gather().join(" "))
            .gather();
        assert_eq!(
            meta[1],
            "Counted by an AFP tally · since 8 Oct 2023 · as of 15 May 2024"
        );
        assert_eq!(
            meta[2],
            "Counted by Israel · period not given · as of 15 May 2024"
        );
    }

    #[test]
    fn one_side_s_figures_from_two_counters_sit_together() {
        // A second count of Hezbollah's dead, by Israel, listed last: it
        // joins Hezbollah's own count, not after the other sides'.
        let mut ds = first_story().unwrap();
        let mut other = ds.tallies[0].clone();
        assert_eq!(other.side.as_deref(), Some("hezbollah"));
        other.id = "t-hezbollah-by-israel".into();
        other.counted_by = "israel".into();
        ds.tallies.push(other);
        let c = chart(&ds, 1000.0).unwrap();
        let headings: Vec<&str> = c.groups.iter().map(|g| g.whose.as_str()).gather();
        assert_eq!(headings, ["Hezbollah", "Hezbollah", "Lebanon", "Israel"]);
    }

    #[test]
    fn a_lower_bound_fades_past_its_value_and_an_exact_figure_stops() {
        let ds = first_story().unwrap();
        let c = chart(&ds, 640.0).unwrap();
        let h = bar(&c, "t-hezbollah-members");
        match h.end {
            End::Minimum { to } => assert!(to > h.w + 10.0, "{to} vs {}", h.w),
            other => panic!("at least 295 drawn as {other:?}"),
        }
        assert_eq!(bar(&c, "t-israel-soldiers").end, End::Exact);
        // Same scale for every group: 295 is longer than 79.
        assert!(h.w > bar(&c, "t-lebanon-civilians").w * 3.0);
    }

    #[test]
    fn a_subset_sits_inside_its_superset() {
        let ds = first_story().unwrap();
        let c = chart(&ds, 640.0).unwrap();
        let outer = bar(&c, "t-lebanon-civilians");
        let inner = bar(&c, "t-lebanon-journalists");
        assert!(inner.subset && !outer.subset);
        assert!(inner.x >= outer.x && inner.x + inner.w <= outer.x + outer.w);
        assert!(inner.y > outer.y && inner.y + inner.h < outer.y + outer.h);
        // Three of 79: a sliver, in proportion.
        assert!((inner.w / outer.w - 3.0 / 79.0).abs() < 0.01);
    }

    #[test]
    fn parts_of_one_figure_are_drawn_one_after_another() {
        let mut ds = first_story().unwrap();
        let mut children = ds.tallies[2].clone();
        children.id = "t-lebanon-children".into();
        children.category = TallyCategory::Children;
        children.count.value = Some(10);
        ds.tallies.push(children);
        let c = chart(&ds, 640.0).unwrap();
        let (a, b) = (
            bar(&c, "t-lebanon-journalists"),
            bar(&c, "t-lebanon-children"),
        );
        assert_eq!(b.x, a.w, "the second part starts where the first ends");
        assert!(b.w > b.x && b.y == a.y);
        assert!(b.w <= bar(&c, "t-lebanon-civilians").w);
    }

    #[test]
    fn the_caption_says_the_figures_are_not_like_for_like() {
        let ds = first_story().unwrap();
        let c = caption(&ds);
        assert!(
            c[0].starts_with("These figures are not like-for-like."),
            "{c:?}"
        );
        assert!(c[0].contains("3 different counters (Hezbollah, an AFP tally and Israel)"));
        assert!(c[0].contains("over its own period"));
        assert!(c.iter().any(|s| s.contains("minimum")));
    }

    #[test]
    fn a_withdrawal_s_reason_is_a_sentence_of_its_own() {
        assert_eq!(sentence("the army withdrew it"), "The army withdrew it.");
        assert_eq!(sentence(" Withdrawn for a test. "), "Withdrawn for a test.");
        assert_eq!(sentence("Found alive?"), "Found alive?");
        assert_eq!(sentence("“found alive”"), "“found alive”");
    }

    #[test]
    fn the_chart_s_text_names_each_side_once_per_figure() {
        let c = chart(&first_story().unwrap(), 600.0).unwrap();
        assert!(
            c.description
                .contains(". Hezbollah: at least 295 fighters killed"),
            "{}",
            c.description
        );
        assert!(
            !c.description.contains("Hezbollah: Hezbollah"),
            "{}",
            c.description
        );
    }

    #[test]
    fn a_story_without_tallies_has_no_chart() {
        let mut ds = first_story().unwrap();
        ds.tallies.clear();
        assert!(chart(&ds, 640.0).is_none());
        assert!(caption(&ds).is_empty());
    }

    #[test]
    fn a_story_whose_figures_are_all_withdrawn_says_so_under_a_plain_title() {
        let mut ds = first_story().unwrap();
        for t in &mut ds.tallies {
            t.withdrawn = Some("Withdrawn for a test.".to_owned());
        }
        let c = chart(&ds, 375.0).unwrap();
        assert_eq!(c.title, "Casualty figures");
        assert!(c.groups.is_empty());
        assert!(
            c.caption
                .iter()
                .any(|l| l.starts_with("Not drawn: at least 295")),
            "{:?}",
            c.caption
        );
    }

    #[test]
    fn other_qualifiers_get_their_own_ends() {
        let mut ds = first_story().unwrap();
        ds.tallies[3].count.qualifier = CountQualifier::UpTo;
        ds.tallies[4].count.qualifier = CountQualifier::Approximately;
        ds.tallies[4].count.low = Some(8);
        ds.tallies[4].count.high = Some(12);
        let c = chart(&ds, 640.0).unwrap();
        assert_eq!(bar(&c, "t-israel-soldiers").end, End::Maximum);
        assert!(matches!(
            bar(&c, "t-israel-civilians").end,
            End::Range { low, high } if low < c.width && high > low
        ));
        // The caption says how each end drawn reads, and no other.
        let says = |start: &str| c.caption.iter().any(|l| l.starts_with(start));
        assert!(says("A bar drawn in outline is a maximum (\"up to\")"));
        assert!(says("A lighter band is a range"));
        assert!(!says("A bar with a soft end"), "{:?}", c.caption);
        assert!(says("A bar that fades out"), "the first story's minimums");
        // "About" alone is a soft end, said once.
        ds.tallies[4].count.low = None;
        ds.tallies[4].count.high = None;
        let c = chart(&ds, 640.0).unwrap();
        let soft = |l: &&String| l.starts_with("A bar with a soft end is an estimate (\"about\")");
        assert_eq!(c.caption.iter().filter(soft).count(), 1, "{:?}", c.caption);
        assert!(!c.caption.iter().any(|l| l.starts_with("A lighter band")));
    }

    #[test]
    fn a_range_with_no_best_estimate_has_no_tick() {
        let mut ds = first_story().unwrap();
        let t = &mut ds.tallies[3];
        (t.count.value, t.count.low, t.count.high) = (None, Some(10), Some(20));
        let id = t.id.clone();
        let c = chart(&ds, 640.0).unwrap();
        let b = bar(&c, &id);
        match b.end {
            // Solid to the low end, then the band; no number made up.
            End::Range { low, high } => {
                assert_eq!(b.w, low, "no tick");
                assert!(high > low && high <= c.width, "{low} {high}");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(b.value.text, "10–20");
        assert!(b.description.contains("10–20"), "{}", b.description);
    }

    #[test]
    fn a_count_in_words_is_a_band_over_what_the_words_can_mean() {
        let mut ds = first_story().unwrap();
        let t = &mut ds.tallies[3];
        t.count.qualifier = CountQualifier::Hundreds;
        t.count.value = None;
        t.count.words = Some("in the hundreds".into());
        let id = t.id.clone();
        let c = chart(&ds, 640.0).unwrap();
        let b = bar(&c, &id);
        // The scale reaches the most the words can mean; the band starts
        // at the least, and no solid bar is drawn.
        match b.end {
            End::Words { low, high } => {
                assert!(low > b.x && high > low, "{low} {high}");
                assert!(high <= c.width, "{high} within {}", c.width);
                assert!((high - low) / (high - b.x) > 0.75, "200 to 999 of 0 to 999");
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(b.value.text, "in the hundreds");
        assert!(
            caption(&ds)
                .iter()
                .any(|l| l.contains("“Hundreds” gives no number") && l.contains("200 to 999")),
            "{:?}",
            caption(&ds)
        );
    }

    fn all_texts(c: &Chart) -> Vec<Text> {
        let mut out = Vec::new();
        for g in &c.groups {
            out.extend(g.heading.iter().cloned());
            out.extend(g.meta.iter().cloned());
            for b in &g.bars {
                out.extend(b.name.iter().cloned());
                if !b.subset {
                    out.push(b.value.clone());
                }
            }
        }
        out
    }

    /// The figure of tally `id`, in pixels per person: its solid bar over
    /// its value, or its low end where it gives none.
    fn px_per_person(c: &Chart, ds: &Dataset, id: &str) -> f64 {
        let b = bar(c, id);
        let t = ds.tally(id).unwrap();
        (b.w - b.x) / t.count.value.or(t.count.low).unwrap() as f64
    }

    #[test]
    fn each_outcome_has_a_scale_of_its_own() {
        #[cfg(not(target_arch = "wasm32"))]
        {
            let ds = crate::import::shapes::story("stages").expect("a JSON fixture");
            let c = chart(&ds, 375.0).unwrap();
            let outcome = |b: &Bar| ds.tallies[b.tally].outcome.label();
            // The groups of one outcome come together.
            let mut seen: Vec<&str> = Vec::new();
            for g in &c.groups {
                let o = outcome(&g.bars[0]);
                if seen.last() != Some(&o) {
                    assert!(!seen.contains(&o), "{o} split: {seen:?}");
                    seen.push(o);
                }
            }
            assert!(seen.len() >= 3, "{seen:?}");
            let bars: Vec<&Bar> = c.groups.iter().flat_map(|g| &g.bars).gather();
            for o in &seen {
                // Every scale fills the width: the largest figure of each
                // outcome reaches past half of it, so 30 wounded is no
                // sliver beside 2,000 displaced.
                let longest = bars
                    .iter()
                    .filter(|b| outcome(b) == *o)
                    .map(|b| visual_end(b))
                    .fold(0.0, f64::max);
                assert!(longest > c.width / 2.0, "{o}: {longest} of {}", c.width);
            }
            // Within an outcome, one scale: the wounded of two places.
            let wounded: Vec<f64> = bars
                .iter()
                .filter(|b| outcome(b) == "wounded")
                .map(|b| px_per_person(&c, &ds, &b.id))
                .gather();
            assert!(wounded.len() >= 2, "{wounded:?}");
            assert!(
                wounded.windows(2).all(|w| (w[0] - w[1]).abs() < 1e-9),
                "{wounded:?}"
            );
            assert!(
                c.scale_note.as_deref().is_some_and(|s| s
                    .starts_with("Killed, wounded and displaced each have a scale of their own")),
                "{:?}",
                c.scale_note
            );
        }
        // One outcome, one scale: the first story's dead, and no sentence.
        let ds = first_story().unwrap();
        let c = chart(&ds, 375.0).unwrap();
        let a = px_per_person(&c, &ds, "t-israel-soldiers");
        let b = px_per_person(&c, &ds, "t-israel-civilians");
        assert!((a - b).abs() < 1e-9, "{a} {b}");
        assert_eq!(c.scale_note, None);
    }

    /// Stories with figures of every shape: the first story's, rival
    /// counts and victims who are no party, an attack in stages (the
    /// killed, the wounded and the displaced, counts in words) and an
    /// ACLED export's long "people on any side in …".
    fn stories() -> Vec<Dataset> {
        let out = vec![first_story().unwrap()];
        // The fixtures are made natively only.
        #[cfg(not(target_arch = "wasm32"))]
        let out = {
            use crate::import::shapes::{acled, fixture, Fixture};
            let mut out = out;
            for name in ["allegation", "one-day", "stages"] {
                if let Some(Fixture::Json(ds)) = fixture(name) {
                    out.push(*ds);
                }
            }
            let csv = acled(400, 40, 3);
            out.push(
                crate::import::acled::import(csv.as_bytes(), "a.csv")
                    .unwrap()
                    .dataset,
            );
            out
        };
        out
    }

    proptest! {
        #[test]
        fn no_label_overlaps_another_or_leaves_the_width(width in 240.0f64..1400.0, story in 0usize..4) {
            let all = stories();
            let ds = &all[story % all.len()];
            let c = chart(ds, width).unwrap();
            let boxes: Vec<Rect> = all_texts(&c).iter().map(Text::bbox).gather();
            for (i, a) in boxes.iter().enumerate() {
                prop_assert!(a.x0 >= -0.01 && a.x1 <= width + 0.01, "{i} {a:?} {:?} at {width}", all_texts(&c)[i].text);
                prop_assert!(a.y0 >= 0.0 && a.y1 <= c.height);
                for b in &boxes[i + 1..] {
                    prop_assert!(!a.overlaps(b), "{a:?} overlaps {b:?} at {width}");
                }
            }
            // A tap reaches one figure only: the bands that take a tap
            // to each figure do not overlap, and each holds its name.
            let bars: Vec<&Bar> = c.groups.iter().flat_map(|g| &g.bars).gather();
            for (i, a) in bars.iter().enumerate() {
                prop_assert!(a.hit.0 < a.hit.1);
                for t in &a.name {
                    prop_assert!(t.y > a.hit.0 && t.y < a.hit.1, "{:?} outside {:?}", t.text, a.hit);
                }
                for b in &bars[i + 1..] {
                    prop_assert!(a.hit.1 <= b.hit.0 + 1e-9 || b.hit.1 <= a.hit.0 + 1e-9,
                        "{} {:?} and {} {:?} at {width}", a.id, a.hit, b.id, b.hit);
                }
            }
            // Bars stay inside too, fade and all.
            for b in c.groups.iter().flat_map(|g| &g.bars) {
                prop_assert!(visual_end(b) <= width);
            }
        }
    }
}
