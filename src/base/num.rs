//! Numbers as a reader reads them, written with integer arithmetic, and
//! whole numbers read back from their digits: the reader's download carries
//! no float formatting and no integer parsers.
//!
//! Pure: no browser types here.

/// A whole number written in decimal digits alone ("12"): an index the views
/// wrote into their markup, a size in a header or a host's message; none
/// for anything else (a sign, a space), or one too large.
/// One small reader for every such number, rather than std's parser for each
/// integer type.
///
/// ```
/// use dossier::base::num::digits;
/// assert_eq!(digits("12"), Some(12));
/// assert_eq!((digits(""), digits("+1"), digits("1e3")), (None, None, None));
/// assert_eq!(digits("99999999999999999999999"), None);
/// ```
pub fn digits(s: &str) -> Option<usize> {
    if s.is_empty() {
        return None;
    }
    s.bytes().try_fold(0usize, |n, b| {
        let d = b.wrapping_sub(b'0');
        (d < 10)
            .then_some(n)?
            .checked_mul(10)?
            .checked_add(usize::from(d))
    })
}

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
    // `x * s` is rounded; the digit below and a tie are decided on the
    // exact product. `x` is split in two halves of 26 bits (Veltkamp), so
    // each half times `s` (at most 14 bits) is exact, and `x * s - c` is
    // `(hi * s - c) + lo * s`: the first difference is exact, and the sum
    // keeps the sign of the exact value. (`f64::mul_add` would do it in
    // one step, but wasm has no fused multiply-add, and its software one
    // costs the reader's download 1.3 KB.)
    let split = 134_217_729.0 * x;
    let hi = split - (split - x);
    let (whole, part) = (hi * s, (x - hi) * s);
    let minus = |c: f64| (whole - c) + part;
    let mut r = (x * s).floor();
    if minus(r) < 0.0 {
        r -= 1.0;
    } else if minus(r + 1.0) >= 0.0 {
        r += 1.0;
    }
    let half = minus(r + 0.5);
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
/// assert_eq!((short(0.0), short(10.0), short(0.00004)), ("0".into(), "10".into(), "0".into()));
/// ```
pub fn short(v: f64) -> String {
    let mut s = fixed(v, 4);
    // "12.5000" → "12.5", "4.0000" → "4": the four places always have their point.
    let b = s.as_bytes();
    let keep = b.len() - b.iter().rev().take_while(|&&c| c == b'0').count();
    let keep = keep - usize::from(keep > 0 && b[keep - 1] == b'.');
    s.truncate(keep);
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

/// The larger of `a` and `b`, or `b` when `a` is NaN: `f64::max` without
/// its call. In wasm `f64::max` is a call to `fmax` (wasm's own `max`
/// treats NaN otherwise), which a loop over thousands of points pays for
/// each time when the download is built for size.
///
/// ```
/// use dossier::base::num::{larger, smaller};
/// assert_eq!(larger(2.0, 3.0), 3.0);
/// assert_eq!(larger(f64::NAN, 1.0), 1.0);
/// assert_eq!(smaller(2.0, 3.0), 2.0);
/// assert_eq!(smaller(f64::NAN, 1.0), 1.0);
/// ```
#[inline(always)]
pub fn larger(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}

/// The smaller of `a` and `b`, or `b` when `a` is NaN (see [`larger`]).
#[inline(always)]
pub fn smaller(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
}

/// The sine and cosine of `a` (radians), to within a few units in the
/// last place for any angle the widget draws or lays out (|a| < 2^20 π).
///
/// Written here because the standard library's `sin` and `cos` bring
/// libm's reduction for arguments as large as 10^308 (about 6 KB of wasm)
/// into the reader's download for a spiral and a few polygons.
///
/// ```
/// use dossier::base::num::sin_cos;
/// for a in [0.0, 0.5, -1.0, 3.0, 100.0, 12345.678, -98765.4321] {
///     let (s, c) = sin_cos(a);
///     assert!((s - a.sin()).abs() < 1e-15 * a.abs().max(1.0), "{a}");
///     assert!((c - a.cos()).abs() < 1e-15 * a.abs().max(1.0), "{a}");
/// }
/// ```
pub fn sin_cos(a: f64) -> (f64, f64) {
    // a = q·π/2 + r with |r| ≤ π/4. π/2 is split in two (Cody and Waite):
    // its first 33 bits, so that q·HI is exact for |q| < 2^20, and the rest.
    const HI: f64 = 1.570_796_326_734_125_6;
    const LO: f64 = 6.077_100_506_506_192e-11;
    let q = (a * std::f64::consts::FRAC_2_PI).round();
    let r = (a - q * HI) - q * LO;
    let z = r * r;
    // Taylor series to the term below f64's precision at |r| = π/4.
    let (mut s, mut c) = (0.0, 0.0);
    let (mut ts, mut tc) = (r, 1.0);
    for k in 1..=9u32 {
        s += ts;
        c += tc;
        let (n, m) = (f64::from(2 * k), f64::from(2 * k + 1));
        ts *= -z / (n * m);
        tc *= -z / ((n - 1.0) * n);
    }
    match (q as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// The largest power of ten at most `x`, for a positive finite `x`, as
/// `10f64.powf(x.log10().floor())` gives it, without libm's `pow` and
/// `log10` in the download.
///
/// ```
/// use dossier::base::num::decade;
/// assert_eq!(decade(295.0), 100.0);
/// assert_eq!(decade(1000.0), 1000.0);
/// assert_eq!(decade(0.25), 0.1);
/// assert_eq!(decade(0.001), 0.001);
/// assert_eq!(decade(0.00099), 0.0001);
/// ```
pub fn decade(x: f64) -> f64 {
    let ten = |k: i32| {
        let p = (0..k.unsigned_abs()).fold(1.0, |p, _| p * 10.0);
        if k < 0 {
            1.0 / p
        } else {
            p
        }
    };
    let mut k = 0;
    while k < 308 && ten(k + 1) <= x {
        k += 1;
    }
    while k > -308 && ten(k) > x {
        k -= 1;
    }
    ten(k)
}

/// The length of `(dx, dy)`. Not `f64::hypot`: its guard against
/// overflow past 10^154 costs the download its own code, and no drawing
/// gets there.
///
/// ```
/// assert_eq!(dossier::base::num::length(3.0, 4.0), 5.0);
/// ```
pub fn length(dx: f64, dy: f64) -> f64 {
    (dx * dx + dy * dy).sqrt()
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
        fn fixed_writes_near_ties_and_at_any_size_as_format_does(
            n in -2_000_000i64..2_000_000,
            ulps in -2i64..3,
            scale in 0u32..8,
            places in 0u32..5,
        ) {
            // A tie at some number of places, or the floats either side,
            // from millionths up to about ten million (past 2^53 in units
            // of the last place, a float holds no digit to write).
            let tie = n as f64 * 0.000_05 * 10f64.powi(scale as i32);
            let v = f64::from_bits((tie.to_bits() as i64 + ulps) as u64);
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
