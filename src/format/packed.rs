//! A checked dataset in a compact binary form, for the reader.
//!
//! The reader never parses or checks JSON: the bundled story was checked when
//! it was packed (`dossier pack`, held current by a test), and a story the
//! reader opens is checked by the opener (`src/bin/opener.rs`, in a worker),
//! which hands it over packed. Decoding is a walk over the bytes in field
//! order, with no names, no schema and no validation beyond what keeps it
//! from panicking: a damaged input gives `None`, never a crash.
//!
//! A field that cannot be read does not return early: the reader notes the
//! failure, skips to the end of the bytes and gives a stand-in (zero, empty,
//! the first term), and only the whole value is refused at the end. An early
//! return per field would drop, on each path, every field read before it:
//! that code was most of the decoder's size in the reader's module.
//!
//! Why not a serde format (postcard, bincode): their decoders need the
//! model's `Deserialize` impls, and serde's derived visitors cost the reader
//! several times the bytes of the hand-written walk below, which is one
//! line per field.
//!
//! The encoding:
//! - unsigned integers as LEB128 varints; signed ones zigzag first;
//! - `f64` as 8 bytes, little-endian; `bool` and closed vocabularies as one byte;
//! - strings and lists as their length, then their contents;
//! - `Option` as a byte (0 or 1), then the value;
//! - open vocabularies as the built-in term's index, or one past the last
//!   index and then the dataset's own `x-` term.
//!
//! ```
//! use dossier::format::packed::{pack, unpack};
//! let ds = dossier::format::story::first_story().unwrap();
//! let back = unpack(&pack(&ds)).unwrap();
//! // All the reader reads comes back as it went; the few fields it never
//! // reads (a place's coordinates, an actor's titles) come back empty.
//! assert_eq!((&back.story, &back.tallies), (&ds.story, &ds.tallies));
//! assert!(back.actors.iter().all(|a| a.roles.is_empty()));
//! ```
//!
//! Pure: no browser types here.

use crate::base::gather::push_all;
use crate::format::date::{OneOf, PartialDate};
use crate::format::model::*;
use crate::format::vocab::{
    ActorKind, CountQualifier, EventKind, Outcome, ParticipantRole, RelationKind, SourceKind,
    StatusState, TallyCategory, TimeOfDay,
};

/// The first bytes of a packed dataset: the format and this encoding's version.
const MAGIC: &[u8] = b"dossier/1 packed 2\n";

/// Bytes being written.
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

/// Bytes being read, how far, and whether a read has failed.
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    failed: bool,
}

impl Writer {
    pub fn byte(&mut self, b: u8) {
        self.0.push(b);
    }

    pub fn varint(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            at: 0,
            failed: false,
        }
    }

    /// Note a failed read: nothing after it is read, and the whole value
    /// is refused.
    #[cold]
    fn fail<T>(&mut self, stand_in: T) -> T {
        self.failed = true;
        self.at = self.bytes.len();
        stand_in
    }

    /// The next byte, or 0 and a failure at the end.
    pub fn byte(&mut self) -> u8 {
        match self.bytes.get(self.at) {
            Some(&b) => {
                self.at += 1;
                b
            }
            None => self.fail(0),
        }
    }

    /// A byte that must be below `n`: a flag, a variant, a term's index.
    fn below(&mut self, n: u8) -> u8 {
        match self.byte() {
            b if b < n => b,
            _ => self.fail(0),
        }
    }

    pub fn varint(&mut self) -> u64 {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return v;
            }
        }
        self.fail(0)
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        match self.bytes.get(self.at..).and_then(|rest| rest.get(..n)) {
            Some(slice) => {
                self.at += n;
                slice
            }
            None => self.fail(&[]),
        }
    }

    /// A length, refused when it claims more items than bytes remain
    /// (every item takes at least one), so damage never allocates wildly.
    fn len(&mut self) -> usize {
        match usize::try_from(self.varint()) {
            Ok(n) if n <= self.bytes.len() - self.at => n,
            _ => self.fail(0),
        }
    }

    /// Whether every byte was read, and read well.
    pub fn is_done(&self) -> bool {
        !self.failed && self.at == self.bytes.len()
    }
}

/// A value that packs into bytes and unpacks from them. `unpack` always
/// gives a value; after a failed read ([`Reader::is_done`] says so) it is a
/// stand-in, to be thrown away.
pub trait Packed: Sized {
    fn pack(&self, w: &mut Writer);
    fn unpack(r: &mut Reader) -> Self;
}

/// A value packed, after the header.
fn framed<T: Packed>(v: &T) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
    v.pack(&mut w);
    w.0
}

/// The value `framed` made, or `None` if these bytes are not one, whole.
fn unframed<T: Packed>(bytes: &[u8]) -> Option<T> {
    let mut r = Reader::new(bytes.strip_prefix(MAGIC)?);
    let v = T::unpack(&mut r);
    r.is_done().then_some(v)
}

/// A dataset packed, with its header.
pub fn pack(ds: &Dataset) -> Vec<u8> {
    framed(ds)
}

/// The dataset `pack` made, or `None` if these bytes are not one.
pub fn unpack(bytes: &[u8]) -> Option<Dataset> {
    unframed(bytes)
}

/// Packed bytes as text an HTML page can carry in a data block
/// (`<script type="text/plain">`), so that the page, not the widget's
/// module, holds its story: the module then serves any story, and the
/// story's text compresses beside the same text in the page's pre-rendered
/// view. Printable ASCII and whole UTF-8 characters (the story's strings)
/// stay as they are; every other byte (lengths, tags, numbers) is escaped
/// by a `~`: a byte below 0x20 (the commonest: short lengths, tags) as one
/// letter from `@` to `_`, any other as two hex digits, as are `~` itself,
/// `<` (which could close the block) and the C1 controls, so that nothing
/// the HTML parser changes (a carriage return, a NUL) is ever written.
///
/// ```
/// use dossier::format::packed::{from_text, to_text};
/// let bytes = b"\x01\x1eHezbollah\xe2\x80\x99s <b>~\r\n\xff";
/// let text = to_text(bytes);
/// assert_eq!(text, "~A~^Hezbollah\u{2019}s ~3cb>~7e~M~J~ff");
/// assert_eq!(from_text(&text).as_deref(), Some(&bytes[..]));
/// ```
pub fn to_text(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut i = 0;
    while i < bytes.len() {
        let len = match bytes[i] {
            0x20..=0x7e => 1,
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => 0,
        };
        let whole = (len > 0)
            .then(|| bytes.get(i..i + len))
            .flatten()
            .and_then(|s| std::str::from_utf8(s).ok())
            .and_then(|s| s.chars().next())
            .filter(|c| !matches!(c, '~' | '<' | '\u{80}'..='\u{9f}'));
        match whole {
            Some(c) => {
                out.push(c);
                i += len;
            }
            None if bytes[i] < 0x20 => {
                out.push('~');
                out.push(char::from(bytes[i] + 0x40));
                i += 1;
            }
            None => {
                out.push_str(&format!("~{:02x}", bytes[i]));
                i += 1;
            }
        }
    }
    out
}

/// The bytes [`to_text`] wrote, or `None` if `text` is not such text.
pub fn from_text(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    let mut bytes = text.bytes();
    let hex = |b: Option<u8>| char::from(b?).to_digit(16);
    while let Some(b) = bytes.next() {
        if b == b'~' {
            let first = bytes.next()?;
            if (0x40..0x60).contains(&first) {
                out.push(first - 0x40);
            } else {
                let (hi, lo) = (hex(Some(first))?, hex(bytes.next())?);
                out.push((hi << 4 | lo) as u8);
            }
        } else {
            out.push(b);
        }
    }
    Some(out)
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Packed for $t {
            fn pack(&self, w: &mut Writer) {
                w.varint(*self as u64);
            }
            fn unpack(r: &mut Reader) -> Self {
                let v = r.varint();
                <$t>::try_from(v).unwrap_or_else(|_| r.fail(0))
            }
        }
    )*};
}
unsigned!(u8, u32, u64, usize);

impl Packed for i32 {
    fn pack(&self, w: &mut Writer) {
        w.varint(((self << 1) ^ (self >> 31)) as u32 as u64);
    }
    fn unpack(r: &mut Reader) -> Self {
        let v = u32::unpack(r);
        (v >> 1) as i32 ^ -((v & 1) as i32)
    }
}

impl Packed for bool {
    fn pack(&self, w: &mut Writer) {
        w.byte(u8::from(*self));
    }
    fn unpack(r: &mut Reader) -> Self {
        r.below(2) == 1
    }
}

impl Packed for f64 {
    fn pack(&self, w: &mut Writer) {
        w.0.extend_from_slice(&self.to_le_bytes());
    }
    fn unpack(r: &mut Reader) -> Self {
        match r.take(8).try_into() {
            Ok(b) => f64::from_le_bytes(b),
            Err(_) => r.fail(0.0),
        }
    }
}

impl Packed for String {
    fn pack(&self, w: &mut Writer) {
        w.varint(self.len() as u64);
        w.0.extend_from_slice(self.as_bytes());
    }
    fn unpack(r: &mut Reader) -> Self {
        let n = r.len();
        match std::str::from_utf8(r.take(n)) {
            Ok(s) => s.to_owned(),
            Err(_) => r.fail(String::new()),
        }
    }
}

impl<T: Packed> Packed for Option<T> {
    fn pack(&self, w: &mut Writer) {
        match self {
            None => w.byte(0),
            Some(v) => {
                w.byte(1);
                v.pack(w);
            }
        }
    }
    fn unpack(r: &mut Reader) -> Self {
        (r.below(2) == 1).then(|| T::unpack(r))
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn pack(&self, w: &mut Writer) {
        w.varint(self.len() as u64);
        for v in self {
            v.pack(w);
        }
    }
    fn unpack(r: &mut Reader) -> Self {
        let n = r.len();
        // Exactly the room a story's lists need (tens of thousands of
        // events, each a few hundred bytes): grown by doubling, they would
        // be copied over again as they grow.
        let mut items = Vec::with_capacity(n);
        push_all(&mut items, (0..n).map(|_| T::unpack(r)));
        items
    }
}

impl<A: Packed, B: Packed, C: Packed> Packed for (A, B, C) {
    fn pack(&self, w: &mut Writer) {
        self.0.pack(w);
        self.1.pack(w);
        self.2.pack(w);
    }
    fn unpack(r: &mut Reader) -> Self {
        (A::unpack(r), B::unpack(r), C::unpack(r))
    }
}

/// A problem as the reader shows it: where, and why in words. The opener
/// writes the words ([`crate::format::validate::Problem`] has the kinds);
/// the reader only lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemText {
    /// A JSON path (`events[3].actors[1]`), `$` for the whole file, or a row of an import.
    pub path: String,
    pub text: String,
}

impl ProblemText {
    /// A problem with the whole file.
    pub fn whole(text: impl Into<String>) -> Self {
        ProblemText {
            path: "$".into(),
            text: text.into(),
        }
    }
}

/// What the opener says back while it opens a file, and when it is done.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// So far: the rows an import has read (none for a JSON file), and the share of bytes done (0 to 1).
    Progress { rows: Option<u64>, share: f64 },
    /// A checked story, and what an import could not read: first what the
    /// file as a whole lacks (`$`), then the rows it had to leave out.
    Opened {
        dataset: Box<Dataset>,
        skipped: Vec<ProblemText>,
    },
    /// Not a story: every problem found.
    Failed(Vec<ProblemText>),
}

impl Reply {
    /// The reply as the opener posts it.
    pub fn to_bytes(&self) -> Vec<u8> {
        framed(self)
    }

    /// The reply the opener posted, or `None` if these bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Reply> {
        unframed(bytes)
    }
}

impl Packed for Reply {
    fn pack(&self, w: &mut Writer) {
        match self {
            Reply::Progress { rows, share } => {
                w.byte(0);
                rows.pack(w);
                share.pack(w);
            }
            Reply::Opened { dataset, skipped } => {
                w.byte(1);
                dataset.pack(w);
                skipped.pack(w);
            }
            Reply::Failed(problems) => {
                w.byte(2);
                problems.pack(w);
            }
        }
    }
    fn unpack(r: &mut Reader) -> Self {
        match r.below(3) {
            0 => Reply::Progress {
                rows: Packed::unpack(r),
                share: Packed::unpack(r),
            },
            1 => Reply::Opened {
                dataset: Box::new(Dataset::unpack(r)),
                skipped: Packed::unpack(r),
            },
            _ => Reply::Failed(Packed::unpack(r)),
        }
    }
}

/// A struct as its fields, in the order listed. The fields after a `;`
/// are ones the reader never reads: they are not packed, and come back
/// empty (their `Default`). The story's JSON keeps them.
macro_rules! fields {
    ($($t:ident { $($f:ident),+ $(,)? $(; $($skip:ident),+ $(,)?)? })+) => {$(
        impl Packed for $t {
            fn pack(&self, w: &mut Writer) {
                $(self.$f.pack(w);)+
            }
            #[inline(never)]
            fn unpack(r: &mut Reader) -> Self {
                $t { $($f: Packed::unpack(r),)+ $($($skip: Default::default(),)+)? }
            }
        }
    )+};
}

fields! {
    // The reader draws no map, quotes no actor's titles, links no event to
    // the events it refers to, and shows no note on a source, an actor or
    // a tie (an event's and a figure's, it does).
    Dataset { format, story, sources, actors, events, relations, tallies, notes; schema }
    Story { title, dek, outlet, url, published, dateline, paragraphs }
    Source { id, name, kind, actor, via; note }
    Provenance { source, quote, paragraph }
    Actor { id, name, aliases, kind; note, roles }
    Event {
        id, date, until, time_of_day, date_text, date_inferred, kind, summary, part_of, place, participants,
        quantities, status, provenance, note; refers_to
    }
    Participant { actor, victims, role }
    Quantity { unit, count, provenance }
    Count { qualifier, value, low, high, words }
    Status { state, by, denied_by, not_acknowledged_by }
    Relation { id, kind, from, to, victims, role, since, until, events, provenance; note }
    Place { name, region, country; coordinates }
    Tally {
        id, counted_by, side, victims, place, category, outcome, count, since, as_of,
        subset_of, same_as, revises, withdrawn, events, status, provenance, note,
    }
    PartialDate { year, month, day, approximate, one_of }
    OneOf { last, range }
    ProblemText { path, text }
}

/// A closed vocabulary as its term's index, in one byte.
macro_rules! closed {
    ($($t:ty),+) => {$(
        impl Packed for $t {
            fn pack(&self, w: &mut Writer) {
                let i = <$t>::ALL.iter().position(|k| k == self).unwrap_or_default();
                w.byte(i as u8);
            }
            fn unpack(r: &mut Reader) -> Self {
                // One byte holds every term's index, and a stand-in exists.
                const _: () = assert!(!<$t>::ALL.is_empty() && <$t>::ALL.len() <= 255);
                <$t>::ALL[usize::from(r.below(<$t>::ALL.len() as u8))]
            }
        }
    )+};
}
closed!(CountQualifier, StatusState, TimeOfDay, Outcome);

/// An open vocabulary as its built-in term's index, or one past the last
/// and then the dataset's own term.
macro_rules! open {
    ($($t:ident),+) => {$(
        impl Packed for $t {
            fn pack(&self, w: &mut Writer) {
                match self {
                    $t::Custom(own) => {
                        w.varint($t::BUILT_IN.len() as u64);
                        own.pack(w);
                    }
                    built_in => {
                        let i = $t::BUILT_IN.iter().position(|k| k == built_in);
                        w.varint(i.unwrap_or_default() as u64);
                    }
                }
            }
            fn unpack(r: &mut Reader) -> Self {
                let i = usize::unpack(r);
                match $t::BUILT_IN.get(i) {
                    Some(k) => k.clone(),
                    None if i == $t::BUILT_IN.len() => $t::Custom(String::unpack(r)),
                    None => r.fail($t::Custom(String::new())),
                }
            }
        }
    )+};
}
open!(
    ActorKind,
    EventKind,
    ParticipantRole,
    RelationKind,
    SourceKind,
    TallyCategory
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::story::first_story;
    use proptest::prelude::*;

    proptest! {
        /// Any bytes come back from their text, which holds nothing an
        /// HTML parser would change or end a data block at.
        #[test]
        fn any_bytes_come_back_from_their_text(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let text = to_text(&bytes);
            prop_assert_eq!(from_text(&text), Some(bytes));
            prop_assert!(!text.contains('<'));
            prop_assert!(!text.chars().any(|c| c.is_control()));
        }
    }

    #[test]
    fn text_that_to_text_never_writes_is_refused() {
        assert_eq!(from_text("~"), None);
        assert_eq!(from_text("~4"), None);
        assert_eq!(from_text("~zz"), None);
        assert_eq!(from_text("~A~_~7f"), Some(vec![1, 0x1f, 0x7f]));
        assert_eq!(from_text("plain"), Some(b"plain".to_vec()));
    }

    /// `ds` as the reader reads it: without the fields it never reads.
    fn as_read(mut ds: Dataset) -> Dataset {
        ds.schema = None;
        for s in &mut ds.sources {
            s.note = None;
        }
        for a in &mut ds.actors {
            a.roles.clear();
            a.note = None;
        }
        for r in &mut ds.relations {
            r.note = None;
        }
        for e in &mut ds.events {
            e.refers_to.clear();
            if let Some(place) = &mut e.place {
                place.coordinates = None;
            }
        }
        ds
    }

    #[test]
    fn what_the_reader_never_reads_is_not_packed() {
        let ds = first_story().unwrap();
        // The first story has each: its schema, places on the map, actors'
        // titles (with their quotes).
        let has = |ds: &Dataset| {
            (
                ds.schema.is_some(),
                ds.events
                    .iter()
                    .any(|e| e.place.as_ref().is_some_and(|p| p.coordinates.is_some())),
                ds.actors.iter().any(|a| !a.roles.is_empty()),
            )
        };
        assert_eq!(has(&ds), (true, true, true));
        let back = unpack(&pack(&ds));
        assert_eq!(back.as_ref().map(has), Some((false, false, false)));
        assert_eq!(back, Some(as_read(ds)));
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_shape_of_story_comes_back_as_it_went() {
        use crate::import::shapes;
        for (name, _, _) in shapes::SHAPES {
            if let Some(shapes::Fixture::Json(ds)) = shapes::fixture(name) {
                // All but the fields the reader never reads ([`as_read`]).
                let back = unpack(&pack(&ds));
                assert_eq!(back, Some(as_read((*ds).clone())), "{name}");
            }
        }
    }

    #[test]
    fn the_first_story_packs_smaller_than_its_json() {
        let ds = first_story().unwrap();
        let json = crate::format::story::FIRST_STORY_JSON.len();
        assert!(
            pack(&ds).len() < json * 9 / 10,
            "{} vs {json}",
            pack(&ds).len()
        );
    }

    #[test]
    fn replies_come_back_as_they_went() {
        let problem = ProblemText {
            path: "rows[3]".into(),
            text: "no date".into(),
        };
        for reply in [
            Reply::Progress {
                rows: Some(12_000),
                share: 0.5,
            },
            Reply::Progress {
                rows: None,
                share: 0.0,
            },
            Reply::Opened {
                dataset: Box::new(as_read(first_story().unwrap())),
                skipped: vec![problem.clone()],
            },
            Reply::Failed(vec![problem, ProblemText::whole("the file is empty")]),
        ] {
            assert_eq!(Reply::from_bytes(&reply.to_bytes()), Some(reply));
        }
        assert_eq!(Reply::from_bytes(&pack(&first_story().unwrap())), None);
    }

    #[test]
    fn anything_but_a_whole_packed_story_is_refused() {
        let bytes = pack(&first_story().unwrap());
        assert_eq!(unpack(b""), None);
        assert_eq!(unpack(&bytes[..bytes.len() - 1]), None);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(unpack(&longer), None);
        assert_eq!(unpack(&bytes[MAGIC.len()..]), None);
    }

    #[test]
    fn a_value_out_of_range_refuses_the_whole() {
        let with = |tail: &[u8]| [MAGIC, tail].concat();
        // A fourth kind of reply (followed by what a third would read
        // whole: an empty list); a flag of 2; a length past the end.
        assert_eq!(Reply::from_bytes(&with(&[3, 0])), None);
        assert!(Reply::from_bytes(&with(&[2, 0])).is_some());
        let mut flag = vec![0, 2];
        flag.extend(0.5f64.to_le_bytes());
        assert_eq!(Reply::from_bytes(&with(&flag)), None);
        assert_eq!(Reply::from_bytes(&with(&[2, 5, 0])), None);
        // The same bytes, whole and in range, are a reply.
        flag[1] = 0;
        assert_eq!(
            Reply::from_bytes(&with(&flag)),
            Some(Reply::Progress {
                rows: None,
                share: 0.5
            })
        );
    }

    proptest! {
        #[test]
        fn damaged_bytes_never_panic(at in 0usize..4000, byte in any::<u8>(), cut in 0usize..4000) {
            let mut bytes = pack(&first_story().unwrap());
            let at = at % bytes.len();
            bytes[at] = byte;
            bytes.truncate(bytes.len() - cut % bytes.len());
            let _ = unpack(&bytes);
        }

        #[test]
        fn integers_come_back(u in any::<u64>(), i in any::<i32>()) {
            let mut w = Writer::default();
            u.pack(&mut w);
            i.pack(&mut w);
            let mut r = Reader::new(&w.0);
            prop_assert_eq!(u64::unpack(&mut r), u);
            prop_assert_eq!(i32::unpack(&mut r), i);
            prop_assert!(r.is_done());
        }
    }
}
