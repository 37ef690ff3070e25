//! Label placement without collisions: each label tries a few positions
//! around its mark, in priority order, and takes the first that overlaps
//! neither a label already placed nor another mark. A label with nowhere to
//! go is left out of the picture; the text alternatives still carry it.
//!
//! Greedy and deterministic: the same marks give the same labels. Pure: no
//! browser types here.

/// Which side of its mark a label sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Below,
    Above,
    Right,
    Left,
}

impl Side {
    /// The order in which positions are tried: below reads most naturally.
    pub const ORDER: [Side; 4] = [Side::Below, Side::Above, Side::Right, Side::Left];

    /// The SVG `text-anchor` for this side.
    pub fn anchor(&self) -> &'static str {
        match self {
            Side::Below | Side::Above => "middle",
            Side::Right => "start",
            Side::Left => "end",
        }
    }
}

/// A round mark and the label it wants, in drawing units.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    /// The label's width and height, as estimated by [`text_size`].
    pub width: f64,
    pub height: f64,
}

/// Where a label goes: its side, and the text's anchor point relative to
/// the mark's centre (the baseline, as SVG `<text x y>` wants).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub side: Side,
    pub dx: f64,
    pub dy: f64,
}

/// An estimate of a label's box in the system font: about 0.64 em a
/// character (generous: DejaVu Sans and Segoe UI run wide), and 1.2 em
/// tall. `text_size("Hamas", 11.0)` ≈ (35.2, 13.2).
pub fn text_size(text: &str, font_size: f64) -> (f64, f64) {
    (
        text.chars().count() as f64 * 0.64 * font_size,
        1.2 * font_size,
    )
}

/// An axis-aligned box in drawing units, from its top-left to its bottom-right.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// How a text is anchored at its x, as SVG's `text-anchor` says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn as_str(&self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

impl Rect {
    /// The estimated box of a text drawn at `x` with its baseline at `y`.
    ///
    /// ```
    /// use dossier::base::labels::{Anchor, Rect};
    /// let r = Rect::text(100.0, 20.0, Anchor::End, "at least 295", 10.0);
    /// assert_eq!((r.x1, r.x0.round()), (100.0, 23.0));
    /// assert!(r.y0 < 20.0 && r.y1 > 20.0);
    /// ```
    pub fn text(x: f64, y: f64, anchor: Anchor, text: &str, font_size: f64) -> Rect {
        let (w, h) = text_size(text, font_size);
        let x0 = match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - w / 2.0,
            Anchor::End => x - w,
        };
        // The baseline sits about 0.8 of the box height below its top.
        let y0 = y - 0.8 * h;
        Rect {
            x0,
            y0,
            x1: x0 + w,
            y1: y0 + h,
        }
    }

    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    /// How far the point (cx, cy) is from the box: 0 inside it.
    fn distance(&self, cx: f64, cy: f64) -> f64 {
        let nx = crate::base::num::clamp(cx, self.x0, self.x1);
        let ny = crate::base::num::clamp(cy, self.y0, self.y1);
        ((nx - cx).powi(2) + (ny - cy).powi(2)).sqrt()
    }
}

/// The label's box and text anchor for one side, with `gap` between mark and label.
fn candidate(m: &Mark, side: Side, gap: f64) -> (Rect, Placement) {
    let (w, h) = (m.width, m.height);
    let (x0, y0, dx, dy) = match side {
        // The baseline sits about 0.8 of the box height below its top.
        Side::Below => (
            m.x - w / 2.0,
            m.y + m.radius + gap,
            0.0,
            m.radius + gap + 0.8 * h,
        ),
        Side::Above => (
            m.x - w / 2.0,
            m.y - m.radius - gap - h,
            0.0,
            -m.radius - gap - 0.2 * h,
        ),
        Side::Right => (m.x + m.radius + gap, m.y - h / 2.0, m.radius + gap, 0.3 * h),
        Side::Left => (
            m.x - m.radius - gap - w,
            m.y - h / 2.0,
            -m.radius - gap,
            0.3 * h,
        ),
    };
    (
        Rect {
            x0,
            y0,
            x1: x0 + w,
            y1: y0 + h,
        },
        Placement { side, dx, dy },
    )
}

/// The box a placed label covers, in drawing units: (x0, y0, x1, y1).
pub fn label_box(m: &Mark, p: &Placement, gap: f64) -> (f64, f64, f64, f64) {
    let r = candidate(m, p.side, gap).0;
    (r.x0, r.y0, r.x1, r.y1)
}

/// A text to draw: its anchor point (baseline), anchor and size.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
    pub size: f64,
    pub text: String,
}

impl Text {
    pub fn new(x: f64, y: f64, anchor: Anchor, size: f64, text: impl Into<String>) -> Self {
        Text {
            x,
            y,
            anchor,
            size,
            text: text.into(),
        }
    }

    /// The estimated box the text covers.
    pub fn bbox(&self) -> Rect {
        Rect::text(self.x, self.y, self.anchor, &self.text, self.size)
    }
}

/// The first of `candidates` that lies within `0..=width` and overlaps
/// nothing in `taken`: label placement along a line, as for the value at the
/// end of a bar.
///
/// ```
/// use dossier::base::labels::{first_free, Rect};
/// let r = |x0, x1| Rect { x0, y0: 0.0, x1, y1: 10.0 };
/// // Off the edge, then on top of another label, then free.
/// assert_eq!(first_free(&[r(300.0, 340.0), r(0.0, 40.0), r(50.0, 90.0)], &[r(0.0, 45.0)], 320.0), Some(2));
/// ```
pub fn first_free(candidates: &[Rect], taken: &[Rect], width: f64) -> Option<usize> {
    candidates
        .iter()
        .position(|c| c.x0 >= 0.0 && c.x1 <= width && !taken.iter().any(|t| t.overlaps(c)))
}

/// A text broken into lines no wider than `max_width` at `font_size`,
/// between words; a single word too long for a line gets a line of its own.
///
/// ```
/// use dossier::base::labels::wrap;
/// assert_eq!(wrap("Counted by an AFP tally", 100.0, 10.0), ["Counted by an", "AFP tally"]);
/// ```
pub fn wrap(text: &str, max_width: f64, font_size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || text_size(&candidate, font_size).0 <= max_width {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Parts of a line ("since 8 Oct 2023", "as of 15 May 2024") joined by
/// `sep` and broken into lines between parts where they can be, and between
/// words only within a part too long for a line.
///
/// ```
/// use dossier::base::labels::wrap_parts;
/// let parts = ["Counted by Israel", "period not given", "as of 15 May 2024"];
/// assert_eq!(
///     wrap_parts(&parts, " · ", 260.0, 10.0),
///     ["Counted by Israel · period not given", "as of 15 May 2024"]
/// );
/// ```
pub fn wrap_parts(parts: &[&str], sep: &str, max_width: f64, font_size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in parts {
        let joined = if line.is_empty() {
            (*part).to_owned()
        } else {
            format!("{line}{sep}{part}")
        };
        if text_size(&joined, font_size).0 <= max_width {
            line = joined;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut pieces = wrap(part, max_width, font_size);
        line = pieces.pop().unwrap_or_default();
        lines.extend(pieces);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Place labels for `marks`, trying them in the order of `priority` (indices
/// into `marks`, most important first). Marks not in `priority` get no label.
pub fn place(marks: &[Mark], priority: &[usize], gap: f64) -> Vec<Option<Placement>> {
    place_within(marks, priority, gap, None, 0)
}

/// The space kept between two names on one line, in label heights (a
/// label's height is 1.2 em, a space about a quarter of an em).
const SPACE: f64 = 0.25;

/// How far a name keeps from nodes not its own, in label heights (arrowheads,
/// marks with no label, may come closer).
const NEAR: f64 = 0.25;

/// As [`place`], keeping every label inside `bounds` where given: a label
/// with no free place inside is left out, never drawn past the edge. The
/// first `must` labels of `priority` may cover other marks (never another
/// label): in a crowded picture the most important still get their names.
pub fn place_within(
    marks: &[Mark],
    priority: &[usize],
    gap: f64,
    bounds: Option<Rect>,
    must: usize,
) -> Vec<Option<Placement>> {
    let inside = |r: &Rect| {
        bounds.is_none_or(|b| r.x0 >= b.x0 && r.y0 >= b.y0 && r.x1 <= b.x1 && r.y1 <= b.y1)
    };
    let mut out = vec![None; marks.len()];
    let mut taken: Vec<Rect> = Vec::new();
    for (rank, &i) in priority.iter().enumerate() {
        let Some(m) = marks.get(i) else { continue };
        // The place below each of the first `must` marks, where the layout
        // made room for its name.
        let clear_of_reserved = |r: &Rect| {
            !priority[..must.min(priority.len())].iter().any(|&j| {
                j != i
                    && marks
                        .get(j)
                        .is_some_and(|o| candidate(o, Side::Below, gap).0.overlaps(r))
            })
        };
        // The sides in order of preference, the first side of the best
        // tier winning: clear of every mark and of the room kept for the
        // names that must be shown; for the first `must`, a side that may
        // cover marks but keeps that room; for any label, a side clear of
        // every mark; for the first `must`, any side clear of the others'
        // labels. Never outside `bounds` or on another label.
        let must_here = rank < must;
        let mut free: Option<((u8, f64), (Rect, Placement))> = None;
        // Names side by side keep a space between them: "Hamas" touching
        // "Hezbollah" would read as one name.
        let space = SPACE * m.height;
        for &side in &Side::ORDER {
            let (r, p) = candidate(m, side, gap);
            let spaced = Rect {
                x0: r.x0 - space,
                x1: r.x1 + space,
                ..r
            };
            if !inside(&r) || taken.iter().any(|t| t.overlaps(&spaced)) {
                continue;
            }
            // Whether the label covers another mark, and how near it comes
            // to another node, in label heights (an arrowhead has no label,
            // and no such room).
            let (mut hit, mut room) = (false, f64::MAX);
            for (j, o) in marks.iter().enumerate() {
                if j != i {
                    let d = r.distance(o.x, o.y) - o.radius;
                    hit |= d < 0.0;
                    if o.height > 0.0 {
                        room = room.min(d / o.height);
                    }
                }
            }
            let near = room < NEAR;
            let tier = match (!hit, clear_of_reserved(&r), must_here) {
                (true, true, _) => 0,
                (false, true, true) => 1,
                (true, false, _) => 2,
                (false, _, true) => 3,
                _ => continue,
            };
            // A name as near another node as its own reads as the other's:
            // within a tier a side clear of them wins, and a name that only
            // has such sides is left out, unless it must be shown, when the
            // side farthest from the others wins.
            if near && !must_here {
                continue;
            }
            let key = (tier * 2 + near as u8, if near { -room } else { 0.0 });
            if free
                .as_ref()
                .is_none_or(|(best, _)| key.0 < best.0 || key.0 == best.0 && key.1 < best.1)
            {
                free = Some((key, (r, p)));
            }
        }
        if let Some((_, (rect, placement))) = free {
            taken.push(rect);
            out[i] = Some(placement);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(x: f64, y: f64, label: &str) -> Mark {
        let (width, height) = text_size(label, 11.0);
        Mark {
            x,
            y,
            radius: 8.0,
            width,
            height,
        }
    }

    #[test]
    fn a_lone_label_goes_below() {
        let p = place(&[mark(0.0, 0.0, "Hamas")], &[0], 2.0);
        assert_eq!(p[0].map(|p| p.side), Some(Side::Below));
        assert_eq!(p[0].map(|p| p.dy), Some(10.0 + 0.8 * 13.2));
    }

    #[test]
    fn a_name_that_must_show_covers_a_dot_before_it_takes_another_such_names_room() {
        // Two names that must show, one above the other, and a small dot
        // under the lower one. Its free side above would be the room below
        // the upper one, and that name would then have nowhere to go in a
        // tight frame: it covers the dot instead, and both go below.
        let (lower, upper) = (
            mark(0.0, 0.0, "Military Forces of Lofalo"),
            mark(0.0, -40.0, "Military Forces of Zumiya"),
        );
        let dot = Mark {
            x: 0.0,
            y: 16.0,
            radius: 3.0,
            width: 0.0,
            height: 0.0,
        };
        let marks = [lower, upper, dot];
        // Too narrow for a name beside its dot.
        let frame = Some(Rect {
            x0: -100.0,
            y0: -200.0,
            x1: 100.0,
            y1: 200.0,
        });
        let p = place_within(&marks, &[0, 1], 2.0, frame, 2);
        assert_eq!(p[0].map(|p| p.side), Some(Side::Below));
        assert_eq!(p[1].map(|p| p.side), Some(Side::Below));
        // A name that need not show keeps off the dot: it goes above.
        let p = place_within(&marks, &[0, 1], 2.0, frame, 0);
        assert_eq!(p[0].map(|p| p.side), Some(Side::Above));
    }

    #[test]
    fn a_crowded_label_moves_aside_then_gives_way() {
        // Two marks stacked closely: below the first is the second mark, so
        // the first label goes above; the second has room below.
        let marks = [mark(0.0, 0.0, "Hassan Nasrallah"), mark(0.0, 22.0, "Hamas")];
        let p = place(&marks, &[0, 1], 2.0);
        assert_eq!(p[0].map(|p| p.side), Some(Side::Above));
        assert_eq!(p[1].map(|p| p.side), Some(Side::Below));
        // Boxed in on every side: the lower-priority label is left out.
        let ring: Vec<Mark> = [
            (0.0, 0.0),
            (0.0, 18.0),
            (0.0, -18.0),
            (40.0, 0.0),
            (-40.0, 0.0),
        ]
        .iter()
        .map(|&(x, y)| mark(x, y, "Islamic Revolutionary Guard Corps"))
        .collect();
        let p = place(&ring, &[1, 2, 3, 4, 0], 2.0);
        assert_eq!(p[0], None);
    }

    #[test]
    fn a_name_keeps_clear_of_other_nodes_or_is_left_out() {
        // A node below and to the right of "Hamas": the name below would
        // touch it (a fifth of a label height away) and read as its name,
        // so it goes above.
        let (hamas, other) = (mark(0.0, 0.0, "Hamas"), mark(0.0, 0.0, "Iran"));
        let other = Mark {
            x: 15.0,
            y: 8.0 + 2.0 + 13.2 + 8.0 + 13.2 / 5.0,
            ..other
        };
        let p = place(&[hamas.clone(), other.clone()], &[0], 2.0);
        assert_eq!(p[0].map(|p| p.side), Some(Side::Above));
        // Hemmed in above and below as well, it is left out, unless it
        // must be shown.
        let above = Mark {
            y: -other.y,
            ..other.clone()
        };
        let (left, right) = (
            Mark {
                x: -45.0,
                y: 0.0,
                ..other.clone()
            },
            Mark {
                x: 45.0,
                y: 0.0,
                ..other.clone()
            },
        );
        let marks = [hamas, other, above, left, right];
        assert_eq!(place(&marks, &[0], 2.0)[0], None);
        assert!(place_within(&marks, &[0], 2.0, None, 1)[0].is_some());
    }

    #[test]
    fn a_name_that_must_show_takes_the_side_farthest_from_other_nodes() {
        // Nodes close by on every side of "Hamas" (Hamas's name is 35.2
        // wide and 13.2 tall, 2 from its node of radius 8), none covered:
        // the one above is the farthest, by 2 against 1 and 0.5.
        let hamas = mark(0.0, 0.0, "Hamas");
        let at = |x: f64, y: f64| Mark {
            x,
            y,
            ..mark(0.0, 0.0, "Iran")
        };
        let marks = [
            hamas,
            at(0.0, 23.2 + 8.0 + 1.0),
            at(0.0, -(23.2 + 8.0 + 2.0)),
            at(45.2 + 8.0 + 0.5, 0.0),
            at(-(45.2 + 8.0 + 0.5), 0.0),
        ];
        let p = place_within(&marks, &[0], 2.0, None, 1);
        assert_eq!(p[0].map(|p| p.side), Some(Side::Above));
        // Not one that need not show.
        assert_eq!(place(&marks, &[0], 2.0)[0], None);
    }

    #[test]
    fn names_side_by_side_keep_a_space_apart() {
        // Two dots in a row, their names below would touch end to end.
        let (a, b) = (mark(0.0, 0.0, "Hamas"), mark(0.0, 0.0, "Hezbollah"));
        let b = Mark {
            x: a.width / 2.0 + b.width / 2.0,
            ..b
        };
        let p = place(&[a, b], &[0, 1], 2.0);
        assert_eq!(p[0].map(|p| p.side), Some(Side::Below));
        assert_ne!(p[1].map(|p| p.side), Some(Side::Below));
    }

    #[test]
    fn placed_labels_never_overlap() {
        let mut rng = crate::base::rng::Lcg::new(4);
        let marks: Vec<Mark> = (0..60)
            .map(|i| {
                mark(
                    rng.next_f64() * 300.0,
                    rng.next_f64() * 300.0,
                    &"x".repeat(3 + i % 12),
                )
            })
            .collect();
        let order: Vec<usize> = (0..marks.len()).collect();
        let p = place(&marks, &order, 2.0);
        let boxes: Vec<Rect> = p
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.map(|p| candidate(&marks[i], p.side, 2.0).0))
            .collect();
        assert!(boxes.len() > 10);
        for (a, ra) in boxes.iter().enumerate() {
            for rb in &boxes[a + 1..] {
                assert!(!ra.overlaps(rb));
                // On one line, a space apart.
                let space = SPACE * marks[0].height - 1e-9;
                let one_line = ra.y0 < rb.y1 && rb.y0 < ra.y1;
                assert!(!one_line || ra.x1 + space <= rb.x0 || rb.x1 + space <= ra.x0);
            }
        }
    }
}
