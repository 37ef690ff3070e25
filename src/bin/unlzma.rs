//! The LZMA decoder's wasm module ([`dossier::base::lzma`]): Trunk builds it
//! next to the widget (index.html, data-bin="unlzma"), and `web/lzma.js`
//! runs it to decode the widget's packed module while it downloads. It
//! uses none of its imports (wasm-bindgen's, which the page stubs) and
//! allocates nothing: the page lays out its memory from the address `base`
//! gives, the output (of the unpacked size) and then the input so far, and
//! grows it as the input comes. (The library's allocator is linked in, and
//! would claim memory the page writes to: nothing here may allocate.)
//! Built natively, it does nothing.
#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
mod module {
    use core::ptr::{addr_of, addr_of_mut};
    use dossier::base::lzma::Decoder;

    static mut DECODER: Decoder = Decoder::EMPTY;

    extern "C" {
        /// Where the linker ends the module's own data and stack.
        static __heap_base: u8;
    }

    /// The first address the page may lay out, 8-aligned.
    #[no_mangle]
    pub extern "C" fn base() -> usize {
        (addr_of!(__heap_base) as usize + 7) & !7
    }

    /// Starts on the input's first `have` bytes at `input`: the header and
    /// the range coder's first five at least. Returns the unpacked size; -1
    /// where the header gives none, or 2^31 or more; -2 where the stream
    /// is not LZMA as this decoder reads it.
    #[no_mangle]
    pub extern "C" fn start(input: *const u8, have: usize) -> i32 {
        // SAFETY: the page wrote `have` bytes at `input`, at or past
        // `base()` and inside the memory, so apart from the decoder's
        // static and the stack; it calls one export at a time, none
        // re-entered, so the reference to the decoder is the only one.
        let (decoder, input) = unsafe {
            (
                &mut *addr_of_mut!(DECODER),
                core::slice::from_raw_parts(input, have),
            )
        };
        match decoder.start(input) {
            Ok(size) => size.and_then(|size| i32::try_from(size).ok()).unwrap_or(-1),
            Err(_) => -2,
        }
    }

    /// Decodes from the input's first `have` bytes at `input` into the
    /// output of `size` bytes at `out`, until `stop` bytes at least are out
    /// or, unless the input has `ended` (not 0), it may not hold the next
    /// packet.
    /// Returns how many bytes are out, or -1 where the stream cannot be
    /// decoded.
    #[no_mangle]
    pub extern "C" fn decode(
        input: *const u8,
        have: usize,
        ended: u32,
        out: *mut u8,
        size: usize,
        stop: usize,
    ) -> isize {
        // SAFETY: the page wrote `have` bytes at `input` and laid out `size`
        // bytes at `out`, apart from each other, at or past `base()` and
        // inside the memory, so apart from the decoder's static and the
        // stack; it calls one export at a time, none re-entered, so the
        // reference to the decoder is the only one.
        let (decoder, input, out) = unsafe {
            (
                &mut *addr_of_mut!(DECODER),
                core::slice::from_raw_parts(input, have),
                core::slice::from_raw_parts_mut(out, size),
            )
        };
        match decoder.run(input, ended != 0, out, stop) {
            Ok(pos) => pos as isize,
            Err(_) => -1,
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
