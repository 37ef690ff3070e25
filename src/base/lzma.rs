//! LZMA decoding, resumable between packets: the reader's wasm module
//! travels packed (`web/pack-wasm.mjs`), and the page decodes it while it
//! downloads, with this decoder built as a module of its own
//! (`src/bin/unlzma.rs`, driven by `web/lzma.js`).
//!
//! Written here rather than taken from a crate: lzma-rs and the xz
//! bindings bring an allocator, I/O traits and an encoder, where the page
//! needs a decoder of a few kilobytes that holds no memory of its own and
//! stops wherever its input does. It follows the LZMA SDK's specification
//! (`lzma-specification.txt`), for the ".lzma" form xz writes: a byte of
//! properties, four of dictionary size, eight of unpacked size, then the
//! range coder's bytes. The whole output is the dictionary.

/// The most input one packet reads: 48 bits, each with at most one byte.
pub const PACKET: usize = 64;
/// The header's length: properties, dictionary size, unpacked size.
pub const HEADER: usize = 13;

/// Why a stream cannot be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Error {
    /// The properties byte is out of range, or asks for more than four
    /// literal context and position bits together (as LZMA2 also refuses).
    Properties,
    /// The range coder's first byte is not 0.
    Start,
    /// The input ends before the output is whole.
    Short,
    /// A repeat before any byte, or a distance before the output's start.
    Distance,
    /// A match runs past the unpacked size.
    Long,
}

const STATES: usize = 12;
const IS_MATCH: usize = 0;
const IS_REP: usize = IS_MATCH + STATES * 16;
const IS_REP_G0: usize = IS_REP + STATES;
const IS_REP_G1: usize = IS_REP_G0 + STATES;
const IS_REP_G2: usize = IS_REP_G1 + STATES;
const IS_REP0_LONG: usize = IS_REP_G2 + STATES;
const SLOTS: usize = IS_REP0_LONG + STATES * 16;
const SPECIAL: usize = SLOTS + 4 * 64;
const ALIGN: usize = SPECIAL + 115;
/// A length decoder's probabilities: choice, choice 2, low and middle
/// trees for each of 16 positions, the high tree.
const LENGTH: usize = 2 + 16 * 8 * 2 + 256;
const MATCH_LENGTHS: usize = ALIGN + 16;
const REP_LENGTHS: usize = MATCH_LENGTHS + LENGTH;
const LITERALS: usize = REP_LENGTHS + LENGTH;
const PROBABILITIES: usize = LITERALS + (0x300 << 4);

/// A decoder's state between calls. Every probability, once reset, starts
/// at even odds (1024 of 2048). An error is for good: every call after it
/// gives it again.
pub struct Decoder {
    probs: [u16; PROBABILITIES],
    range: u32,
    code: u32,
    state: usize,
    reps: [usize; 4],
    lc: u32,
    lp_mask: usize,
    pb_mask: usize,
    /// How much of the input is read.
    at: usize,
    /// How much of the output is written.
    pos: usize,
    failed: Option<Error>,
}

impl Decoder {
    /// A decoder not yet started: all zeros, so that a static one needs no
    /// data in its module.
    pub const EMPTY: Decoder = Decoder {
        probs: [0; PROBABILITIES],
        range: 0,
        code: 0,
        state: 0,
        reps: [0; 4],
        lc: 0,
        lp_mask: 0,
        pb_mask: 0,
        at: 0,
        pos: 0,
        failed: None,
    };

    /// Starts on `input`, which holds the header and the range coder's
    /// first five bytes at least: returns the unpacked size, or `None` where
    /// the header gives none (xz writes none; `web/pack-wasm.mjs` does).
    pub fn start(&mut self, input: &[u8]) -> Result<Option<u64>, Error> {
        let &[props, ..] = input else {
            return Err(Error::Short);
        };
        if input.len() < HEADER + 5 {
            return Err(Error::Short);
        }
        let (lc, lp, pb) = (props % 9, props / 9 % 5, props / 45);
        if props >= 225 || lc + lp > 4 {
            return Err(Error::Properties);
        }
        if input[HEADER] != 0 {
            return Err(Error::Start);
        }
        let mut size = [0; 8];
        size.copy_from_slice(&input[5..HEADER]);
        let size = u64::from_le_bytes(size);
        let mut code = [0; 4];
        code.copy_from_slice(&input[HEADER + 1..HEADER + 5]);
        *self = Decoder {
            lc: lc.into(),
            lp_mask: (1 << lp) - 1,
            pb_mask: (1 << pb) - 1,
            range: u32::MAX,
            code: u32::from_be_bytes(code),
            at: HEADER + 5,
            ..Decoder::EMPTY
        };
        self.probs.fill(1024);
        Ok((size != u64::MAX).then_some(size))
    }

    /// Decodes from `input` (the whole stream so far, header included) into
    /// `out` (the whole output, its length the unpacked size) until `stop`
    /// bytes at least are out (a match may run past it) or, unless the
    /// input has `ended`, the input so far may not hold the next packet.
    /// Returns how much is out. A header's size smaller than the stream's
    /// output gives that many of its first bytes (`web/pack-wasm.mjs`
    /// writes the exact size, and checks the round trip).
    pub fn run(
        &mut self,
        input: &[u8],
        ended: bool,
        out: &mut [u8],
        stop: usize,
    ) -> Result<usize, Error> {
        if let Some(error) = self.failed {
            return Err(error);
        }
        let stop = stop.min(out.len());
        while self.pos < stop && (ended || input.len().saturating_sub(self.at) >= PACKET) {
            let mut packet = self.packet(input, out);
            // Past the input's end, the packet read zeros: it is not one.
            if packet.is_ok() && self.at > input.len() {
                packet = Err(Error::Short);
            }
            if let Err(error) = packet {
                self.failed = Some(error);
                return Err(error);
            }
        }
        Ok(self.pos)
    }

    fn packet(&mut self, input: &[u8], out: &mut [u8]) -> Result<(), Error> {
        let pos = self.pos;
        let ps = pos & self.pb_mask;
        let state = self.state;
        if self.bit(input, IS_MATCH + state * 16 + ps) == 0 {
            let previous = if pos > 0 { out[pos - 1] } else { 0 };
            let context =
                ((pos & self.lp_mask) << self.lc) + (usize::from(previous) >> (8 - self.lc));
            let base = LITERALS + 0x300 * context;
            let mut s = 1;
            if state >= 7 {
                // After a match: the byte at the last distance guides the first bits.
                let mut guide = usize::from(out[pos - self.reps[0] - 1]);
                while s < 0x100 {
                    let g = (guide >> 7) & 1;
                    guide <<= 1;
                    let b = self.bit(input, base + ((1 + g) << 8) + s);
                    s = (s << 1) | b;
                    if g != b {
                        break;
                    }
                }
            }
            while s < 0x100 {
                s = (s << 1) | self.bit(input, base + s);
            }
            out[pos] = s as u8;
            self.pos += 1;
            self.state = state.saturating_sub(if state < 10 { 3 } else { 6 });
            return Ok(());
        }
        let len;
        if self.bit(input, IS_REP + state) == 1 {
            if pos == 0 {
                return Err(Error::Distance);
            }
            if self.bit(input, IS_REP_G0 + state) == 0 {
                if self.bit(input, IS_REP0_LONG + state * 16 + ps) == 0 {
                    self.state = if state < 7 { 9 } else { 11 };
                    out[pos] = out[pos - self.reps[0] - 1];
                    self.pos += 1;
                    return Ok(());
                }
            } else {
                let which = if self.bit(input, IS_REP_G1 + state) == 0 {
                    1
                } else if self.bit(input, IS_REP_G2 + state) == 0 {
                    2
                } else {
                    3
                };
                self.reps[..=which].rotate_right(1);
            }
            len = self.length(input, REP_LENGTHS, ps);
            self.state = if state < 7 { 8 } else { 11 };
        } else {
            self.reps.rotate_right(1);
            len = self.length(input, MATCH_LENGTHS, ps);
            self.state = if state < 7 { 7 } else { 10 };
            self.reps[0] = self.distance(input, len);
            // The end marker (the largest distance) comes only after the
            // whole output: before it, it is a distance past the start too.
            if self.reps[0] >= pos {
                return Err(Error::Distance);
            }
        }
        let len = len + 2;
        if len > out.len() - pos {
            return Err(Error::Long);
        }
        let from = pos - self.reps[0] - 1;
        for i in 0..len {
            out[pos + i] = out[from + i];
        }
        self.pos += len;
        Ok(())
    }

    /// One bit, with its probability (of a 0, in 2048ths) at `probs[i]`, adapted.
    #[inline(always)]
    fn bit(&mut self, input: &[u8], i: usize) -> usize {
        let p = self.probs[i];
        let bound = (self.range >> 11) * u32::from(p);
        let b = if self.code < bound {
            self.range = bound;
            self.probs[i] = p + ((2048 - p) >> 5);
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            self.probs[i] = p - (p >> 5);
            1
        };
        self.normalize(input);
        b
    }

    /// Takes the next byte of input where the range has narrowed. Past the
    /// input's end it takes zeros, and the packet then fails as `Short`.
    #[inline(always)]
    fn normalize(&mut self, input: &[u8]) {
        if self.range < 1 << 24 {
            let byte = input.get(self.at).copied().unwrap_or(0);
            self.at += 1;
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(byte);
        }
    }

    /// `bits` bits, highest first, each with its probability in a tree at `base + 1…`.
    #[inline(always)]
    fn tree(&mut self, input: &[u8], base: usize, bits: u32) -> usize {
        let mut m = 1;
        for _ in 0..bits {
            m = (m << 1) | self.bit(input, base + m);
        }
        m - (1 << bits)
    }

    /// The same, lowest bit first.
    fn reverse(&mut self, input: &[u8], base: usize, bits: u32) -> usize {
        let (mut m, mut s) = (1, 0);
        for i in 0..bits {
            let b = self.bit(input, base + m);
            m = (m << 1) | b;
            s |= b << i;
        }
        s
    }

    /// `bits` bits of even odds, highest first.
    fn direct(&mut self, input: &[u8], bits: u32) -> usize {
        let mut s = 0;
        for _ in 0..bits {
            self.range >>= 1;
            let b = self.code >= self.range;
            if b {
                self.code -= self.range;
            }
            s = (s << 1) | usize::from(b);
            self.normalize(input);
        }
        s
    }

    fn length(&mut self, input: &[u8], base: usize, ps: usize) -> usize {
        if self.bit(input, base) == 0 {
            self.tree(input, base + 2 + ps * 8, 3)
        } else if self.bit(input, base + 1) == 0 {
            8 + self.tree(input, base + 130 + ps * 8, 3)
        } else {
            16 + self.tree(input, base + 258, 8)
        }
    }

    fn distance(&mut self, input: &[u8], len: usize) -> usize {
        let slot = self.tree(input, SLOTS + len.min(3) * 64, 6);
        if slot < 4 {
            return slot;
        }
        let bits = (slot as u32 >> 1) - 1;
        let d = (2 | (slot & 1)) << bits;
        if slot < 14 {
            d + self.reverse(input, SPECIAL + d - slot, bits)
        } else {
            d + (self.direct(input, bits - 4) << 4) + self.reverse(input, ALIGN, 4)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn start(input: &[u8]) -> Result<Option<u64>, Error> {
        let mut decoder = Decoder::EMPTY;
        decoder.start(input)
    }

    /// Decodes a whole stream at once.
    fn unpack(input: &[u8]) -> Result<Vec<u8>, Error> {
        let mut decoder = Decoder::EMPTY;
        let size = decoder.start(input)?.expect("a size");
        let mut out = vec![0; size as usize];
        let n = decoder.run(input, true, &mut out, usize::MAX)?;
        assert_eq!(n, out.len());
        Ok(out)
    }

    #[test]
    fn refuses_properties_past_four_context_bits() {
        let mut input = [0u8; HEADER + 5];
        input[0] = 5 * 9 * 2 + 5; // lc 5, lp 0, pb 2
        assert_eq!(start(&input).err(), Some(Error::Properties));
        input[0] = 225;
        assert_eq!(start(&input).err(), Some(Error::Properties));
        input[0] = 93;
        input[HEADER] = 1;
        assert_eq!(start(&input).err(), Some(Error::Start));
        assert_eq!(start(&input[..HEADER]).err(), Some(Error::Short));
    }

    #[test]
    fn a_stream_with_no_size_says_so() {
        let mut input = [0u8; HEADER + 5];
        input[0] = 93;
        input[5..HEADER].fill(0xff);
        assert_eq!(start(&input), Ok(None));
    }

    #[test]
    fn an_empty_output_needs_no_packet() {
        let mut input = [0u8; HEADER + 5];
        input[0] = 93;
        assert_eq!(unpack(&input), Ok(vec![]));
    }

    #[test]
    fn a_stream_cut_short_is_an_error() {
        // The output of one byte needs a packet, and the input holds none
        // past the range coder's first five bytes.
        let mut input = [0u8; HEADER + 5];
        input[0] = 93;
        input[5] = 200;
        assert_eq!(unpack(&input), Err(Error::Short));
    }
}
