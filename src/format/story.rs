//! The bundled first story: Al-Monitor, "Lebanon's Hezbollah hosts Hamas
//! delegation, fires 60 rockets on Israel" (15 May 2024). The pages the
//! build makes carry it, packed, beside their pre-rendered view
//! (`components::page_part`), so that it renders with no request; the
//! reader's module carries no story of its own.
//!
//! Pure: no browser types here.

use crate::format::model::Dataset;
use crate::format::validate::{load, Problem};

/// The dataset's JSON text, as committed in `src/format/data/first-story.json`
/// less the whitespace between tokens (build.rs).
pub const FIRST_STORY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/first-story.min.json"));

/// The bundled story, decoded and checked. The test suite holds it valid, so
/// the widget only meets the error branch if a broken file is ever committed.
/// For the command line, the editor and the tests: the reader reads
/// [`FIRST_STORY_PACKED`].
pub fn first_story() -> Result<Dataset, Vec<Problem>> {
    load(FIRST_STORY_JSON)
}

/// The same story checked and packed ([`crate::format::packed`]), as the
/// pages carry it (written as text): `dossier pack` writes it from the
/// JSON, and a test fails when it is stale.
pub const FIRST_STORY_PACKED: &[u8] = include_bytes!("data/first-story.packed");

/// Where `dossier pack` writes [`FIRST_STORY_PACKED`], from the crate's root.
pub const FIRST_STORY_PACKED_PATH: &str = "src/format/data/first-story.packed";

/// The bundled story unpacked, with no parsing and no checking (it was
/// checked when it was packed), as the reader's module unpacks the page's.
/// `None` only if the committed bytes were damaged, which a test rules out.
pub fn bundled() -> Option<Dataset> {
    crate::format::packed::unpack(FIRST_STORY_PACKED)
}

/// Counts per part of a dataset, for `dossier stats` and the closing notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    pub paragraphs: usize,
    pub sources: usize,
    pub actors: usize,
    pub events: usize,
    pub relations: usize,
    pub tallies: usize,
    /// Notes on the dataset and on its items: the recorded ambiguities.
    pub notes: usize,
}

impl Stats {
    pub fn of(ds: &Dataset) -> Self {
        let item_notes = ds.actors.iter().filter(|a| a.note.is_some()).count()
            + ds.events.iter().filter(|e| e.note.is_some()).count()
            + ds.relations.iter().filter(|r| r.note.is_some()).count()
            + ds.tallies.iter().filter(|t| t.note.is_some()).count()
            + ds.sources.iter().filter(|s| s.note.is_some()).count();
        Stats {
            paragraphs: ds.story.paragraphs.len(),
            sources: ds.sources.len(),
            actors: ds.actors.len(),
            events: ds.events.len(),
            relations: ds.relations.len(),
            tallies: ds.tallies.len(),
            notes: ds.notes.len() + item_notes,
        }
    }
}

/// The first story with its AFP count of Lebanon's civilians (the whole
/// its journalists are part of) revised to more than `to`, by the tally
/// `t-later`: for the tests of how a revision reads and is drawn.
#[cfg(test)]
pub(crate) fn civilians_revised(to: u64) -> Dataset {
    use crate::format::{model::Count, vocab::CountQualifier};
    let mut ds = first_story().expect("the first story is valid");
    let civilians = ds.tallies.iter().find(|t| t.id == "t-lebanon-civilians");
    let mut later = civilians.expect("the AFP count").clone();
    later.id = "t-later".into();
    later.revises = Some("t-lebanon-civilians".into());
    later.count = Count::of(CountQualifier::MoreThan, to);
    ds.tallies.push(later);
    ds
}
