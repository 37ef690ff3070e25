//! Numbers as a reader reads them, written with integer arithmetic: the
//! reader's download carries no float formatting.
//!
//! Pure: no browser types here.

/// 1234567 → "1,234,567".
///
/// ```
/// assert_eq!(dossier::base::num::thousands(1_234_567), "1,234,567");
/// assert_eq!(dossier::base::num::thousands(999), "999");
/// ```
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `v` rounded to `places` decimal places (at most 4), as
/// `format!("{v:.places$}")` writes it: an exact tie goes to the even
/// digit, and a negative value keeps its sign ("-0.0"). Not a number or
/// an infinity reads "0".
///
/// ```
/// use dossier::base::num::fixed;
/// assert_eq!(fixed(12.345, 1), "12.3");
/// assert_eq!(fixed(-2.0, 1), "-2.0");
/// assert_eq!(fixed(639.6, 0), "640");
/// assert_eq!(fixed(0.25, 1), "0.2");
/// assert_eq!(fixed(0.1234, 3), "0.123");
/// ```
pub fn fixed(v: f64, places: u32) -> String {
    let places = places.min(4);
    let scale = 10u64.pow(places);
    let (x, s) = (v.abs(), scale as f64);
    if !(x * s).is_finite() {
        return "0".into();
    }
    // `x * s` is rounded; `mul_add` gives the exact sign of `x * s - c`,
    // so that the digit below and a tie are decided on the exact value.
    let mut r = (x * s).floor();
    if x.mul_add(s, -r) < 0.0 {
        r -= 1.0;
    } else if x.mul_add(s, -(r + 1.0)) >= 0.0 {
        r += 1.0;
    }
    let half = x.mul_add(s, -(r + 0.5));
    if half > 0.0 || (half == 0.0 && r % 2.0 != 0.0) {
        r += 1.0;
    }
    // Beyond 2^53 an f64 holds no fraction to write; saturating is exact enough.
    let n = r as u64;
    let mut out = String::new();
    if v.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&(n / scale).to_string());
    if places > 0 {
        let frac = (n % scale).to_string();
        out.push('.');
        for _ in frac.len()..places as usize {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

/// `v` to at most four decimal places, without trailing zeros: as `{v}`
/// writes a number that has no more decimals than that.
///
/// ```
/// use dossier::base::num::short;
/// assert_eq!(short(4.0), "4");
/// assert_eq!(short(-5.25), "-5.25");
/// ```
pub fn short(v: f64) -> String {
    let mut s = fixed(v, 4);
    s.truncate(s.trim_end_matches('0').trim_end_matches('.').len());
    s
}

/// `v` kept within `lo` and `hi`. Unlike `f64::clamp` it never panics (on
/// `lo > hi` it gives `hi`; on not a number, `lo`), and so carries no float
/// formatting for the panic's message into the reader's download.
///
/// ```
/// use dossier::base::num::clamp;
/// assert_eq!(clamp(9.0, 0.2, 8.0), 8.0);
/// assert_eq!(clamp(f64::NAN, 0.0, 1.0), 0.0);
/// ```
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fixed_writes_as_format_does(v in -1.0e6f64..1.0e6, places in 0u32..5) {
            prop_assert_eq!(fixed(v, places), format!("{v:.*}", places as usize));
        }

        #[test]
        fn fixed_writes_pixels_as_format_does(tenths in -100_000i64..100_000, places in 0u32..3) {
            // Coordinates computed in tenths and halves of a pixel: the ties.
            let v = tenths as f64 / 20.0;
            prop_assert_eq!(fixed(v, places), format!("{v:.*}", places as usize));
        }
    }
}
