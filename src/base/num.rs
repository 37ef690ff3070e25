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

/// `v` rounded to `places` decimal places (0 to 4), half away from zero, as
/// `format!("{v:.places$}")` writes it but for the sign of a value that
/// rounds to zero ("0.0", never "-0.0"). Not a number reads "0".
///
/// ```
/// use dossier::base::num::fixed;
/// assert_eq!(fixed(12.345, 1), "12.3");
/// assert_eq!(fixed(-2.0, 1), "-2.0");
/// assert_eq!(fixed(639.6, 0), "640");
/// assert_eq!(fixed(0.1234, 3), "0.123");
/// assert_eq!(fixed(-0.04, 1), "0.0");
/// ```
pub fn fixed(v: f64, places: u32) -> String {
    let scale = 10u64.pow(places.min(4));
    let scaled = (v.abs() * scale as f64).round();
    if !scaled.is_finite() {
        return "0".into();
    }
    // Beyond 2^53 an f64 holds no fraction to write; saturating is exact enough.
    let n = scaled as u64;
    let mut out = String::new();
    if v < 0.0 && n != 0 {
        out.push('-');
    }
    out.push_str(&(n / scale).to_string());
    if places > 0 {
        let frac = (n % scale).to_string();
        out.push('.');
        for _ in frac.len()..places.min(4) as usize {
            out.push('0');
        }
        out.push_str(&frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn fixed_writes_as_format_does(v in -1.0e6f64..1.0e6, places in 0u32..4) {
            let ours = fixed(v, places);
            let std = format!("{v:.*}", places as usize);
            // format! rounds the binary value half to even; ours rounds the
            // scaled value half away from zero: they may differ by one in
            // the last place on an exact tie, never more.
            let (a, b): (f64, f64) = (ours.parse().unwrap(), std.parse().unwrap());
            prop_assert!((a - b).abs() <= 1.01 / 10f64.powi(places as i32), "{} vs {}", ours, std);
            prop_assert_eq!(ours.split('.').nth(1).map_or(0, str::len), places as usize);
        }
    }
}
