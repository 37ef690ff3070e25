//! The LZMA decoder (`dossier::base::lzma`) against xz, the encoder the
//! release build packs the reader's module with (`web/pack-wasm.mjs`):
//! whole, and fed its input in pieces as a download brings it.

use dossier::base::lzma::{Decoder, Error, HEADER};
use proptest::prelude::*;
use std::io::Write;
use std::process::{Command, Stdio};

/// `data` packed as the release build packs a module: xz's .lzma form, with
/// the unpacked size written into the header.
fn packed(data: &[u8], options: &str) -> Vec<u8> {
    let mut xz = Command::new("xz")
        .args(["--format=lzma", &format!("--lzma1={options}"), "--stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("xz (xz-utils; `make tools` installs it)");
    let mut stdin = xz.stdin.take().unwrap();
    let owned = data.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&owned));
    let out = xz.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(out.status.success());
    let mut packed = out.stdout;
    packed[5..HEADER].copy_from_slice(&(data.len() as u64).to_le_bytes());
    packed
}

/// Decodes `input`, revealed `piece` bytes at a time, as web/lzma.js does.
fn unpack_in_pieces(input: &[u8], piece: usize) -> Result<Vec<u8>, Error> {
    let mut decoder = Decoder::EMPTY;
    let mut have = (HEADER + 5).min(input.len());
    while decoder.start(&input[..have]) == Err(Error::Short) && have < input.len() {
        have = (have + piece).min(input.len());
    }
    let size = decoder.start(&input[..have])?.expect("a size") as usize;
    let mut out = vec![0; size];
    let mut pos = 0;
    while pos < size {
        let ended = have == input.len();
        let before = pos;
        pos = decoder.run(&input[..have], ended, &mut out, pos + 4096)?;
        if pos == before && !ended {
            have = (have + piece).min(input.len());
        }
    }
    Ok(out)
}

/// Text and numbers that read like a module: repeats near and far, and noise.
fn sample(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed | 1;
    let mut out = Vec::with_capacity(len);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        match x % 4 {
            0 if out.len() > 8 => {
                let from = (x >> 8) as usize % out.len();
                let n = ((x >> 40) as usize % 300).min(out.len() - from);
                out.extend_from_within(from..from + n);
            }
            1 => out.extend_from_slice(b"the widget's module, packed "),
            _ => out.push((x >> 24) as u8),
        }
    }
    out.truncate(len);
    out
}

#[test]
fn decodes_what_xz_packs_with_the_release_builds_options() {
    for len in [0, 1, 2, 300, 70_000, 400_000] {
        let data = sample(len as u64 + 7, len);
        let input = packed(&data, "preset=9e,lc=4,lp=0,pb=0");
        assert_eq!(
            unpack_in_pieces(&input, usize::MAX / 2).unwrap(),
            data,
            "{len} bytes"
        );
    }
}

#[test]
fn decodes_every_property_an_lzma2_stream_may_have() {
    let data = sample(3, 50_000);
    for (lc, lp, pb) in [(0, 0, 0), (3, 0, 2), (1, 3, 4), (0, 4, 1), (2, 2, 3)] {
        let input = packed(&data, &format!("preset=6,lc={lc},lp={lp},pb={pb}"));
        assert_eq!(
            unpack_in_pieces(&input, 1 << 20).unwrap(),
            data,
            "lc {lc} lp {lp} pb {pb}"
        );
    }
}

#[test]
fn a_stream_cut_anywhere_is_short_and_never_a_panic() {
    let data = sample(11, 20_000);
    let input = packed(&data, "preset=9e,lc=4,lp=0,pb=0");
    // The last bytes are the end marker (a packet of its own, past the
    // output) and the range coder's flush of five: a cut among them loses
    // none of the output. Before them, the output is short.
    for cut in (HEADER + 5..input.len() - 12).step_by(97) {
        let got = unpack_in_pieces(&input[..cut], 1000);
        assert_eq!(got, Err(Error::Short), "cut at {cut} of {}", input.len());
    }
}

#[test]
fn damage_is_an_error_or_other_bytes_never_a_panic() {
    let data = sample(5, 20_000);
    let input = packed(&data, "preset=9e,lc=4,lp=0,pb=0");
    let mut errors = 0;
    for at in (HEADER + 5..input.len()).step_by(53) {
        let mut bad = input.clone();
        bad[at] ^= 0x5a;
        match unpack_in_pieces(&bad, 4096) {
            Ok(out) => assert_eq!(out.len(), data.len()),
            Err(_) => errors += 1,
        }
    }
    assert!(errors > 0, "some damage is found");
}

#[test]
fn a_size_past_the_stream_meets_its_end_marker_as_an_error() {
    let data = sample(9, 5000);
    let mut input = packed(&data, "preset=9e,lc=4,lp=0,pb=0");
    input[5..HEADER].copy_from_slice(&(data.len() as u64 + 1).to_le_bytes());
    assert_eq!(unpack_in_pieces(&input, 700), Err(Error::Distance));
}

#[test]
fn an_error_is_for_good() {
    let data = sample(13, 5000);
    let input = packed(&data, "preset=9e,lc=4,lp=0,pb=0");
    let mut decoder = Decoder::EMPTY;
    let size = decoder.start(&input).unwrap().unwrap() as usize;
    let mut out = vec![0; size];
    let cut = &input[..input.len() / 2];
    assert_eq!(decoder.run(cut, true, &mut out, size), Err(Error::Short));
    // The whole input now: the decoder, past its error, says it again.
    assert_eq!(decoder.run(&input, true, &mut out, size), Err(Error::Short));
    assert_eq!(decoder.run(&[], false, &mut out, size), Err(Error::Short));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// However the download splits the input, the output is the same.
    #[test]
    fn pieces_of_any_size_decode_alike(seed in 0u64..1000, len in 0usize..30_000, piece in 1usize..5000) {
        let data = sample(seed, len);
        let input = packed(&data, "preset=9e,lc=4,lp=0,pb=0");
        prop_assert_eq!(unpack_in_pieces(&input, piece).unwrap(), data);
    }
}
