//! Stage 3, opening: a file the reader opens (a Dossier JSON, or an ACLED
//! CSV) becomes a checked story, packed for the reader, or the located
//! problems that keep it from being one.
//!
//! This is the opener's core. It runs in its own wasm module, in a worker
//! (`src/bin/opener.rs`, loaded when a reader first opens a file, follows a
//! `?data=` link or drops a file), so that the reader of the bundled story
//! never downloads the JSON parser, the validator, its messages or the
//! importer. What it says back is a [`Reply`], packed.
//!
//! Pure: no browser types here.

use crate::base::gather::Gather;
use crate::format::packed::{ProblemText, Reply};
use crate::format::validate::{load_bytes, Problem, PARTS};
use crate::import::acled::{looks_like_csv, Importer};

/// Rows an import reads between two progress replies.
pub const ROWS_PER_STEP: usize = 1000;

/// Open `bytes`, the file called `name`: check it as a Dossier JSON, or
/// import it as an ACLED CSV. `progress` hears how far it has come (first
/// with no rows for a JSON file, then after every [`ROWS_PER_STEP`] rows of
/// an import); the return value is the last word.
///
/// ```
/// use dossier::format::packed::Reply;
/// let mut heard = Vec::new();
/// let last = dossier::open::open("s.json", b"{".to_vec(), |r| heard.push(r));
/// assert_eq!(heard, [Reply::Progress { rows: None, share: 0.0 }]);
/// assert!(matches!(last, Reply::Failed(p) if p[0].text.starts_with("invalid JSON at line 1")));
/// ```
pub fn open(name: &str, bytes: Vec<u8>, mut progress: impl FnMut(Reply)) -> Reply {
    let texts = |mut problems: Vec<Problem>| -> Vec<ProblemText> {
        in_file_order(&mut problems);
        problems.iter().map(ProblemText::from).gather()
    };
    if !looks_like_csv(name, &bytes) {
        progress(Reply::Progress {
            rows: None,
            share: 0.0,
        });
        return match load_bytes(&bytes) {
            Ok(dataset) => Reply::Opened {
                dataset: Box::new(dataset),
                skipped: Vec::new(),
            },
            Err(mut problems) => {
                in_file_order(&mut problems);
                with_ids(&mut problems, &bytes);
                Reply::Failed(problems.iter().map(ProblemText::from).gather())
            }
        };
    }
    let mut importer = match Importer::new(bytes, name) {
        Ok(importer) => importer,
        Err(problems) => return Reply::Failed(texts(problems)),
    };
    loop {
        let done = importer.step(ROWS_PER_STEP);
        progress(Reply::Progress {
            rows: Some(importer.rows() as u64),
            share: importer.progress(),
        });
        if done {
            break;
        }
    }
    match importer.finish() {
        Ok(import) => Reply::Opened {
            dataset: Box::new(import.dataset),
            // What the file as a whole lacks first, then the rows left out.
            skipped: import
                .warnings
                .into_iter()
                .map(ProblemText::whole)
                .chain(import.skipped.iter().map(|s| (&s.problem()).into()))
                .gather(),
        },
        Err(problems) => Reply::Failed(texts(problems)),
    }
}

/// The problems in the order of the file, as an author reads down it: the
/// whole file's first, then by part in the format's order (story, sources,
/// actors, events, relations, tallies), by item, and along the rest of the
/// path. The checks find them pass by pass (the references, then the
/// dates, …), which would list `events[4]` before `events[3]`.
fn in_file_order(problems: &mut [Problem]) {
    crate::base::order::sort_by_key(problems, |p| {
        let mut steps = p.path.split(['.', '[', ']']).filter(|s| !s.is_empty());
        let part = steps.next().unwrap_or_default();
        // The whole file's ("$") first.
        let rank = PARTS
            .iter()
            .position(|&k| k == part)
            .map_or(PARTS.len() + 1, |i| i + 1);
        let rank = if part == "$" { 0 } else { rank };
        // An index as a number (3 before 10), a field by its name.
        let rest: Vec<Result<usize, String>> =
            steps.map(|s| s.parse().map_err(|_| s.to_owned())).gather();
        (rank, rest)
    });
}

/// Each problem's place with the id of the item it is in, where the file
/// gives one: "events[22] (e-arrests).date". An author finds an item by its
/// id sooner than by counting to the 23rd. Read from the file again, as
/// its problems may have kept it from decoding; not for a file over 16 MB,
/// whose second reading would cost more than it saves.
fn with_ids(problems: &mut [Problem], bytes: &[u8]) {
    // As text, as the checks read it: one JSON reader in the module.
    let text = std::str::from_utf8(bytes)
        .ok()
        .filter(|t| t.len() <= 16 << 20);
    let file = text.and_then(|t| {
        serde_json::from_str::<serde_json::Value>(t.trim_start_matches('\u{feff}')).ok()
    });
    let Some(file) = file else { return };
    for p in problems {
        // Only an item of one of the dataset's own lists: "events[22]…".
        let Some((part, rest)) = p.path.split_once('[') else {
            continue;
        };
        let Some((index, _)) = rest.split_once(']') else {
            continue;
        };
        let item = index
            .parse::<usize>()
            .ok()
            .and_then(|i| file.get(part)?.get(i));
        let Some(id) = item.and_then(|item| item.get("id")?.as_str()) else {
            continue;
        };
        let id: String = id.chars().take(60).collect();
        p.path
            .insert_str(part.len() + index.len() + 2, &format!(" ({id})"));
    }
}

/// Rows of the export a [`WarmUp`] imports.
pub const WARM_UP_ROWS: usize = 1_500;

/// Rows a [`WarmUp`] imports a step: a step is a few milliseconds even
/// before the browser has optimised the importer, so that a file arriving
/// in the middle waits no longer than that.
pub const WARM_UP_ROWS_PER_STEP: usize = 50;

/// The import of a small generated ACLED export, checked, packed and
/// dropped, a step at a time: what a worker started ahead of a file does
/// while the reader chooses it.
///
/// A browser first runs a wasm module's functions as quickly compiled
/// code, and compiles each again, optimised, only once it has run a while
/// and only for its next call. The first file opened paid for that: its
/// 20,000 rows took 290–330 ms to import, against 170–190 ms for the same
/// file opened again (in Chromium on the machine `make bench` runs on).
/// A reader presses "Open file…", drags a file over the page or follows a
/// link some hundreds of milliseconds or more before the file arrives;
/// the worker spends some of that time running the importer's, the
/// validator's and the packer's functions, so that the file meets their
/// optimised code. The worker stops stepping when a file comes.
///
/// ```
/// let mut warm = dossier::open::WarmUp::new();
/// let mut steps = 1;
/// while !warm.step() {
///     steps += 1;
/// }
/// assert!(steps > 20 && warm.packed() > 100_000);
/// ```
pub struct WarmUp {
    importer: Option<Importer>,
    packed: usize,
}

impl Default for WarmUp {
    fn default() -> Self {
        Self::new()
    }
}

impl WarmUp {
    pub fn new() -> WarmUp {
        let csv = crate::import::generate::acled_csv(WARM_UP_ROWS, 1);
        WarmUp {
            importer: Importer::new(csv.into_bytes(), "warm-up.csv").ok(),
            packed: 0,
        }
    }

    /// One step; true once the whole export is imported, checked and
    /// packed.
    pub fn step(&mut self) -> bool {
        let Some(importer) = self.importer.as_mut() else {
            return true;
        };
        if !importer.step(WARM_UP_ROWS_PER_STEP) {
            return false;
        }
        if let Some(Ok(import)) = self.importer.take().map(Importer::finish) {
            let reply = Reply::Opened {
                dataset: Box::new(import.dataset),
                skipped: Vec::new(),
            };
            self.packed = reply.to_bytes().len();
        }
        true
    }

    /// The bytes the export packed to, once done: what keeps the work
    /// from being optimised away.
    pub fn packed(&self) -> usize {
        self.packed
    }
}

// The tests' generated exports are large: natively only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::format::validate::ProblemKind;

    #[test]
    fn a_problem_s_place_names_its_item_s_id() {
        let mut ds: serde_json::Value =
            serde_json::from_str(include_str!("../format/data/first-story.json")).unwrap();
        ds["events"][3]["date"] = serde_json::json!("May the fifth");
        ds["events"][1]["participants"][0]["actor"] = serde_json::json!("nobody-at-all");
        let (_, last) = replies("story.json", &serde_json::to_vec(&ds).unwrap());
        let Reply::Failed(problems) = last else {
            panic!("{last:?}")
        };
        let places: Vec<&str> = problems.iter().map(|p| p.path.as_str()).gather();
        let (first, fourth) = (
            ds["events"][1]["id"].as_str().unwrap(),
            ds["events"][3]["id"].as_str().unwrap(),
        );
        assert_eq!(
            places,
            [
                format!("events[1] ({first}).participants[0].actor"),
                format!("events[3] ({fourth}).date")
            ]
        );
    }

    #[test]
    fn problems_are_listed_in_the_order_of_the_file() {
        let mut problems: Vec<Problem> = [
            "tallies[0].count",
            "events[10].date",
            "events[4].participants[0].actor",
            "events[3].date",
            "story.published",
            "actors[2].kind",
            "$",
            "events[3].kind",
        ]
        .into_iter()
        .map(|path| Problem::new(path, ProblemKind::Empty))
        .gather();
        in_file_order(&mut problems);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).gather();
        assert_eq!(
            paths,
            [
                "$",
                "story.published",
                "actors[2].kind",
                "events[3].date",
                "events[3].kind",
                "events[4].participants[0].actor",
                "events[10].date",
                "tallies[0].count",
            ]
        );
    }

    fn replies(name: &str, bytes: &[u8]) -> (Vec<Reply>, Reply) {
        let mut heard = Vec::new();
        let last = open(name, bytes.to_vec(), |r| heard.push(r));
        (heard, last)
    }

    #[test]
    fn a_valid_json_story_opens_checked() {
        let (heard, last) = replies("s.json", crate::format::story::FIRST_STORY_JSON.as_bytes());
        assert_eq!(heard.len(), 1);
        let Reply::Opened { dataset, skipped } = last else {
            panic!("not opened: {last:?}");
        };
        assert_eq!(Ok(*dataset), crate::format::story::first_story());
        assert!(skipped.is_empty());
    }

    #[test]
    fn every_problem_of_a_broken_story_is_told_with_its_place() {
        let text = crate::format::story::FIRST_STORY_JSON
            .replace("\"dossier/1\"", "\"dossier/9\"")
            .replacen("\"2024-05-15\"", "\"2024-13-15\"", 1);
        let (_, last) = replies("s.json", text.as_bytes());
        let Reply::Failed(problems) = last else {
            panic!("opened a broken story");
        };
        assert!(problems.len() > 1);
        assert!(problems
            .iter()
            .any(|p| p.path == "format" && p.text.contains("dossier/9")));
        assert!(problems.iter().any(|p| p.text.contains("month 13")));
    }

    #[test]
    fn an_acled_export_is_imported_with_progress_and_its_skipped_rows() {
        let csv = crate::import::generate::acled_csv(2_500, 3) + "\nnot,a,row\n";
        let (heard, last) = replies("export.csv", csv.as_bytes());
        let rows: Vec<_> = heard
            .iter()
            .map(|r| match r {
                Reply::Progress { rows, .. } => rows.unwrap(),
                other => panic!("{other:?}"),
            })
            .gather();
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert!(rows.windows(2).all(|w| w[0] < w[1]));
        let Reply::Opened { dataset, skipped } = last else {
            panic!("not opened: {last:?}");
        };
        assert!(dataset.events.len() >= 2_400);
        assert_eq!(skipped.len(), 1, "{skipped:?}");
        assert!(skipped[0].path.starts_with("row "));
    }

    #[test]
    fn a_csv_that_is_not_acled_fails_whole() {
        let (_, last) = replies("x.csv", b"a,b\n1,2\n");
        assert!(matches!(last, Reply::Failed(p) if !p.is_empty()));
    }
}
