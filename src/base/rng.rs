//! The seeded generator behind everything random in Dossier: generated
//! datasets and the layout's jiggle. The same seed gives the same sequence on
//! every platform, so a layout is reproducible natively and in wasm.
//!
//! Pure: no browser types here.

/// The linear congruential generator d3 uses (Numerical Recipes constants):
/// tiny, fast and identical everywhere. Not for anything secret.
#[derive(Debug, Clone)]
pub struct Lcg(u32);

impl Lcg {
    pub fn new(seed: u32) -> Self {
        Lcg(seed)
    }

    /// The next value in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        f64::from(self.0) / 4_294_967_296.0
    }

    /// A whole number in [0, n); 0 when n is 0.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_f64() * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// A tiny non-zero nudge, about ±5e-7, to separate coincident points.
    pub fn jiggle(&mut self) -> f64 {
        (self.next_f64() - 0.5) * 1e-6
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_its_recurrence() {
        let mut rng = Lcg::new(0);
        assert_eq!(rng.next_f64(), 1_013_904_223.0 / 4_294_967_296.0);
        assert!((0..1000).all(|_| rng.below(7) < 7));
        assert!((0..1000).all(|_| {
            let j = rng.jiggle();
            j.abs() <= 5e-7
        }));
    }
}
