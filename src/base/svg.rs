//! How numbers are written into SVG attributes: one place, so that every
//! chart and the network round alike, and the snapshots stay stable.
//!
//! A tenth of a CSS pixel is below what a screen shows and keeps the markup
//! short. Pure: no browser types here.

use crate::base::num::fixed;

/// A coordinate or a length to a tenth of a pixel.
///
/// ```
/// use dossier::base::svg::num;
/// assert_eq!(num(12.345), "12.3");
/// assert_eq!(num(3.0), "3.0");
/// ```
pub fn num(v: f64) -> String {
    fixed(v, 1)
}

/// `v` rounded up to the tenth [`num`] writes: a font size so written is
/// never below the size it stands for (an 11 px label is not drawn at
/// 10.95).
///
/// ```
/// assert_eq!(dossier::base::svg::tenth_up(10.43), 10.5);
/// assert_eq!(dossier::base::svg::num(dossier::base::svg::tenth_up(11.0)), "11.0");
/// ```
pub fn tenth_up(v: f64) -> f64 {
    (v * 10.0 - 1e-9).ceil() / 10.0
}

/// A size in whole pixels, for a chart's width and height.
///
/// ```
/// assert_eq!(dossier::base::svg::whole(639.6), "640");
/// ```
pub fn whole(v: f64) -> String {
    fixed(v, 0)
}

/// A `transform` that moves a mark to (x, y).
///
/// ```
/// assert_eq!(dossier::base::svg::translate(1.25, -2.0), "translate(1.2 -2.0)");
/// ```
pub fn translate(x: f64, y: f64) -> String {
    format!("translate({} {})", fixed(x, 1), fixed(y, 1))
}

/// A `viewBox` from its origin and size.
///
/// ```
/// assert_eq!(dossier::base::svg::view_box(-10.0, 0.0, 200.0, 160.04), "-10.0 0.0 200.0 160.0");
/// ```
pub fn view_box(x: f64, y: f64, w: f64, h: f64) -> String {
    format!(
        "{} {} {} {}",
        fixed(x, 1),
        fixed(y, 1),
        fixed(w, 1),
        fixed(h, 1)
    )
}
