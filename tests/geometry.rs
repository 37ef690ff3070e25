//! The charts' geometry as text, one committed snapshot per chart, in the
//! manner of Observable Plot's snapshot tests: every mark, label and rule at
//! 320, 640 and 1200 px, numbers rounded to a tenth of a pixel. A change of
//! geometry then reads as a diff of the chart, not of the whole App's markup.
//! Review a change with `cargo insta review` (or `INSTA_UPDATE=always`).

use dossier::base::labels::Text;
use dossier::base::svg::num;
use dossier::charts::casualty::{self, End};
use dossier::charts::timeline;
use dossier::format::story::first_story;
use std::fmt::Write;

const WIDTHS: [f64; 3] = [320.0, 640.0, 1200.0];

fn text(t: &Text) -> String {
    format!(
        "{:?} at ({}, {}) {:?} {}px",
        t.text,
        num(t.x),
        num(t.y),
        t.anchor,
        t.size
    )
}

#[test]
fn timeline_geometry() {
    let ds = first_story().unwrap();
    let all: Vec<usize> = (0..ds.events.len()).collect();
    let mut out = String::new();
    for width in WIDTHS {
        let t = timeline::timeline(&ds, &all, None, None, width).expect("a timeline");
        writeln!(out, "== {width} px: {} × {}", num(t.width), num(t.height)).unwrap();
        writeln!(out, "title {:?}", t.title).unwrap();
        writeln!(out, "plot top {} axis {}", num(t.top), num(t.axis_y)).unwrap();
        for k in &t.ticks {
            writeln!(out, "tick {} {}", num(k.x), text(&k.label)).unwrap();
        }
        for r in &t.ranges {
            writeln!(out, "range {} +{} {:?}", num(r.x), num(r.w), r.label).unwrap();
        }
        for m in &t.marks {
            writeln!(
                out,
                "mark {} ({}, {}) +{} {}{}",
                m.id,
                num(m.x),
                num(m.y),
                num(m.w),
                m.group,
                if m.shown { "" } else { " (out)" }
            )
            .unwrap();
        }
    }
    insta::assert_snapshot!("timeline", out);
}

#[test]
fn casualty_geometry() {
    let ds = first_story().unwrap();
    let mut out = String::new();
    for width in WIDTHS {
        let c = casualty::chart(&ds, width).expect("the first story has tallies");
        writeln!(out, "== {width} px: {} × {}", num(c.width), num(c.height)).unwrap();
        writeln!(out, "title {:?}", c.title).unwrap();
        for g in &c.groups {
            writeln!(
                out,
                "group {}",
                g.heading.iter().map(text).collect::<Vec<_>>().join(" / ")
            )
            .unwrap();
            for m in &g.meta {
                writeln!(out, "  meta {}", text(m)).unwrap();
            }
            for b in &g.bars {
                let end = match b.end {
                    End::Exact => "exact".to_owned(),
                    End::Maximum => "maximum".to_owned(),
                    End::Minimum { to } => format!("minimum, fading to {}", num(to)),
                    End::Approximate { from, to } => {
                        format!("about, {} to {}", num(from), num(to))
                    }
                    End::Range { low, high } => format!("range {} to {}", num(low), num(high)),
                    End::Words { low, high } => {
                        format!("words, band {} to {}", num(low), num(high))
                    }
                };
                writeln!(
                    out,
                    "  bar {} x {} to {}, y {} +{} ({end}, {}{})",
                    b.id,
                    num(b.x),
                    num(b.w),
                    num(b.y),
                    num(b.h),
                    b.tone,
                    if b.subset { ", subset" } else { "" }
                )
                .unwrap();
                for name in &b.name {
                    writeln!(out, "    name {}", text(name)).unwrap();
                }
                if !b.subset {
                    writeln!(
                        out,
                        "    value {}{}",
                        text(&b.value),
                        if b.value_inside { " inside" } else { "" }
                    )
                    .unwrap();
                }
            }
        }
        for line in &c.caption {
            writeln!(out, "caption {line:?}").unwrap();
        }
    }
    insta::assert_snapshot!("casualty", out);
}
