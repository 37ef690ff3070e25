//! The widget's own state around the story: which story is shown, a story
//! being fetched from `?data=` or read from a file, the notice above it, and
//! whether a file is being dragged over it. One pure reducer over named
//! actions, in the manner of yew's todomvc; the fetching, reading and
//! dragging themselves are effects in the shell that dispatch these actions.
//!
//! Pure: no browser types here.

use crate::base::num::thousands;
use crate::format::model::Dataset;
use crate::format::packed::{ProblemText as Problem, Reply};
use crate::format::story::bundled;
use std::rc::Rc;

/// What the widget shows: a story, or why it cannot.
#[derive(Debug, Clone)]
pub enum Loaded {
    Story(Rc<Dataset>),
    Broken(Rc<Vec<Problem>>),
}

/// The same story is the same one loaded, not an equal copy: comparing
/// two datasets field by field would cost the reader its code (and
/// time at every comparison of the widget's state).
impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Loaded::Story(a), Loaded::Story(b)) => Rc::ptr_eq(a, b),
            (Loaded::Broken(a), Loaded::Broken(b)) => a == b,
            _ => false,
        }
    }
}

impl Loaded {
    /// The story the page carries, as [`crate::format::packed::to_text`]
    /// wrote it into its `<script id="dossier-story" type="text/plain">`,
    /// or what is wrong with it. The reader's module holds no story of its
    /// own: the page brings one.
    pub fn from_page(text: Option<&str>) -> Self {
        use crate::format::packed::{from_text, unpack};
        // Not trimmed: `to_text` writes nothing around the story, and a
        // story may end in a space that is its own.
        match text.map(|t| from_text(t).and_then(|b| unpack(&b))) {
            Some(Some(ds)) => Loaded::Story(Rc::new(ds)),
            Some(None) => Loaded::Broken(Rc::new(vec![Problem::whole(
                "the story this page carries is damaged; the page was not built as it should have been",
            )])),
            None => Loaded::Broken(Rc::new(vec![Problem::whole(
                "this page carries no story (no element with the id dossier-story)",
            )])),
        }
    }

    /// The bundled first story (broken only if damaged bytes are committed):
    /// for the command line, the tests and the pre-rendered page; the
    /// reader's module takes the page's ([`Loaded::from_page`]).
    pub fn bundled() -> Self {
        match bundled() {
            Some(ds) => Loaded::Story(Rc::new(ds)),
            None => Loaded::Broken(Rc::new(vec![Problem::whole(
                "the bundled story is damaged; this build of the widget is broken",
            )])),
        }
    }
}

/// Where a story came from: the page's `?data=`, or a file the reader opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Query,
    /// The file's name.
    File(String),
}

/// A message above the story: what could not be opened, or used.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub title: String,
    pub problems: Rc<Vec<Problem>>,
}

/// How far the opening of a file has come.
#[derive(Debug, Clone, PartialEq)]
pub enum Progress {
    /// The file is read, and the opener's module loads, before it starts
    /// on the file.
    Reading(String),
    /// A Dossier JSON is being checked.
    Checking(String),
    /// An ACLED import: the file's name, the rows read, the share of bytes done (0 to 1).
    Importing {
        name: String,
        rows: usize,
        share: f64,
    },
}

impl Progress {
    /// The status line: "Importing acled.csv: 12,000 rows".
    pub fn label(&self) -> String {
        match self {
            Progress::Reading(name) => format!("Reading {name}…"),
            Progress::Checking(name) => format!("Checking {name}…"),
            Progress::Importing { name, rows, .. } => {
                format!("Importing {name}: {} rows", thousands(*rows as u64))
            }
        }
    }

    /// The share done, when it is known.
    pub fn share(&self) -> Option<f64> {
        match self {
            Progress::Importing { share, .. } => Some(*share),
            _ => None,
        }
    }
}

/// Everything that changes the widget's state around the story.
#[derive(Debug, Clone, PartialEq)]
pub enum AppAction {
    /// A story is being fetched from this address.
    Fetching(String),
    /// A file is being read, checked or imported.
    Progress(Progress),
    /// A story was opened; `skipped` lists what an import could not read
    /// (the whole file's first, then its rows).
    Opened {
        from: Origin,
        dataset: Rc<Dataset>,
        skipped: Vec<Problem>,
    },
    /// A story could not be opened: the one shown stays.
    Failed {
        from: Origin,
        problems: Vec<Problem>,
    },
    /// The reader closed the notice.
    Dismissed,
    /// A file is (or is no longer) being dragged over the widget.
    Dragging(bool),
}

impl AppAction {
    /// The page's title once this action has been applied, where it
    /// changes it: an opened story's own. (The bundled story's is in
    /// `index.html`.)
    pub fn page_title(&self) -> Option<String> {
        match self {
            AppAction::Opened { dataset, .. } => Some(format!("Dossier · {}", dataset.story.title)),
            // Not the page's own story's title over a link that failed.
            AppAction::Failed {
                from: Origin::Query,
                ..
            } => Some("Dossier".to_owned()),
            _ => None,
        }
    }

    /// What a reply of the opener, opening the file `name`, does.
    pub fn replied(from: &Origin, name: &str, reply: Reply) -> AppAction {
        match reply {
            Reply::Progress { rows: None, .. } => {
                AppAction::Progress(Progress::Checking(name.to_owned()))
            }
            Reply::Progress {
                rows: Some(rows),
                share,
            } => AppAction::Progress(Progress::Importing {
                name: name.to_owned(),
                rows: rows as usize,
                share,
            }),
            Reply::Opened { dataset, skipped } => AppAction::Opened {
                from: from.clone(),
                dataset: Rc::new(*dataset),
                skipped,
            },
            Reply::Failed(problems) => AppAction::Failed {
                from: from.clone(),
                problems,
            },
        }
    }
}

/// The widget's state around the story.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub loaded: Loaded,
    /// Counts the stories opened: each one starts a fresh view.
    pub generation: u32,
    /// The fragment the view starts from: the page's, until another story is opened.
    pub fragment: Option<String>,
    /// The address being fetched, while it is.
    pub fetching: Option<String>,
    pub progress: Option<Progress>,
    pub notice: Option<Notice>,
    pub dragging: bool,
    /// The story came from a file on the reader's device: no link can
    /// carry it.
    pub local: bool,
}

impl AppState {
    /// The state a page opens with.
    pub fn new(loaded: Loaded, fragment: Option<String>) -> Self {
        AppState {
            loaded,
            generation: 0,
            fragment,
            fetching: None,
            progress: None,
            notice: None,
            dragging: false,
            local: false,
        }
    }

    /// The state after `action`. Pure: the shell runs the effects.
    pub fn apply(&self, action: AppAction) -> AppState {
        let mut next = self.clone();
        match action {
            AppAction::Fetching(url) => next.fetching = Some(url),
            AppAction::Progress(p) => {
                next.notice = None;
                next.progress = Some(p);
            }
            AppAction::Opened {
                from,
                dataset,
                skipped,
            } => {
                next.fetching = None;
                next.progress = None;
                next.loaded = Loaded::Story(dataset);
                next.generation = self.generation.wrapping_add(1);
                next.local = matches!(from, Origin::File(_));
                let opened = match from {
                    Origin::File(name) => {
                        // A file is a new story: its view starts afresh.
                        next.fragment = None;
                        format!("Opened {name}")
                    }
                    Origin::Query => "Opened the linked story".to_owned(),
                };
                let rows = skipped.iter().filter(|p| p.path != "$").count();
                next.notice = (!skipped.is_empty()).then(|| Notice {
                    // What the file as a whole lacks is said in the list.
                    title: match rows {
                        0 => opened,
                        n => format!("{opened}; {} rows could not be used", thousands(n as u64)),
                    },
                    problems: Rc::new(skipped),
                });
            }
            AppAction::Failed { from, problems } => {
                next.fetching = None;
                next.progress = None;
                match from {
                    // A link asks for its story: the page's own, in its
                    // place, would be another story under the reader's
                    // article. Only why it could not be opened is shown.
                    Origin::Query => next.loaded = Loaded::Broken(Rc::new(problems)),
                    Origin::File(name) => {
                        next.notice = Some(Notice {
                            title: format!(
                                "{name} could not be opened; the story you had is unchanged"
                            ),
                            problems: Rc::new(problems),
                        })
                    }
                }
            }
            AppAction::Dismissed => next.notice = None,
            AppAction::Dragging(on) => next.dragging = on,
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(reason: &str) -> Problem {
        Problem::whole(reason)
    }

    fn start() -> AppState {
        AppState::new(Loaded::bundled(), Some("a=hamas".into()))
    }

    fn story() -> Rc<Dataset> {
        match Loaded::bundled() {
            Loaded::Story(ds) => ds,
            Loaded::Broken(p) => panic!("{p:?}"),
        }
    }

    #[test]
    fn a_story_from_a_file_is_local_and_one_from_a_link_is_not() {
        let opened = |from: Origin| AppAction::Opened {
            from,
            dataset: story(),
            skipped: vec![],
        };
        let s = start();
        assert!(!s.local);
        let s = s.apply(opened(Origin::File("x.json".into())));
        assert!(s.local);
        let s = s.apply(opened(Origin::Query));
        assert!(!s.local);
    }

    #[test]
    fn an_opened_story_or_a_failed_link_titles_the_page() {
        let opened = AppAction::Opened {
            from: Origin::File("x.csv".into()),
            dataset: story(),
            skipped: vec![],
        };
        assert_eq!(
            opened.page_title().as_deref(),
            Some(
                "Dossier · Lebanon’s Hezbollah hosts Hamas delegation, fires 60 rockets on Israel"
            )
        );
        assert_eq!(AppAction::Dismissed.page_title(), None);
        assert_eq!(AppAction::Fetching("u".into()).page_title(), None);
        // A link that fails takes the page's story's title away; a file
        // that fails leaves the story, and its title.
        let failed = |from| AppAction::Failed {
            from,
            problems: vec![],
        };
        assert_eq!(
            failed(Origin::Query).page_title().as_deref(),
            Some("Dossier")
        );
        assert_eq!(failed(Origin::File("x.csv".into())).page_title(), None);
    }

    #[test]
    fn a_fetched_story_replaces_the_bundled_one_and_keeps_the_page_view() {
        let s = start().apply(AppAction::Fetching("https://e.com/s.json".into()));
        assert_eq!(s.fetching.as_deref(), Some("https://e.com/s.json"));
        let ds = story();
        let s = s.apply(AppAction::Opened {
            from: Origin::Query,
            dataset: ds.clone(),
            skipped: vec![],
        });
        assert_eq!(s.fetching, None);
        assert_eq!(s.loaded, Loaded::Story(ds));
        assert_eq!(s.fragment.as_deref(), Some("a=hamas"));
        assert_eq!(s.generation, 1);
    }

    #[test]
    fn a_failed_fetch_shows_why_and_no_other_story() {
        let before = start().apply(AppAction::Fetching("x".into()));
        let s = before.apply(AppAction::Failed {
            from: Origin::Query,
            problems: vec![problem("404")],
        });
        assert_eq!(s.loaded, Loaded::Broken(Rc::new(vec![problem("404")])));
        assert_eq!(s.generation, 0);
        assert_eq!((s.fetching, s.notice), (None, None));
    }

    #[test]
    fn opening_a_file_reports_progress_then_starts_a_fresh_view() {
        let s = start()
            .apply(AppAction::Failed {
                from: Origin::File("old.json".into()),
                problems: vec![problem("x")],
            })
            .apply(AppAction::Progress(Progress::Reading("a.csv".into())));
        assert_eq!(s.notice, None, "a new file clears the old notice");
        assert_eq!(
            s.progress.as_ref().map(Progress::label).as_deref(),
            Some("Reading a.csv…")
        );
        let s = s.apply(AppAction::Progress(Progress::Importing {
            name: "a.csv".into(),
            rows: 12_000,
            share: 0.5,
        }));
        let p = s.progress.clone().unwrap();
        assert_eq!(
            (p.label().as_str(), p.share()),
            ("Importing a.csv: 12,000 rows", Some(0.5))
        );
        let s = s.apply(AppAction::Opened {
            from: Origin::File("a.csv".into()),
            dataset: story(),
            skipped: vec![problem("no fatalities column"), row(3), row(9)],
        });
        assert_eq!(s.progress, None);
        assert_eq!(s.fragment, None);
        assert_eq!(s.generation, 1);
        assert_eq!(
            s.notice.as_ref().map(|n| n.title.as_str()),
            Some("Opened a.csv; 2 rows could not be used"),
            "the rows counted, not what the file as a whole lacks"
        );
        let lacking = s.apply(AppAction::Opened {
            from: Origin::File("b.csv".into()),
            dataset: story(),
            skipped: vec![problem("no fatalities column")],
        });
        assert_eq!(lacking.notice.map(|n| n.title), Some("Opened b.csv".into()));
    }

    fn row(n: usize) -> Problem {
        Problem {
            path: format!("row {n} (line {})", n + 1),
            text: "actor1 is empty".into(),
        }
    }

    #[test]
    fn a_broken_file_leaves_the_story_and_its_view() {
        let s = start().apply(AppAction::Failed {
            from: Origin::File("b.json".into()),
            problems: vec![problem("bad")],
        });
        assert_eq!(s.fragment.as_deref(), Some("a=hamas"));
        assert_eq!(s.generation, 0);
        assert_eq!(
            s.notice.as_ref().map(|n| n.title.as_str()),
            Some("b.json could not be opened; the story you had is unchanged")
        );
        assert_eq!(s.apply(AppAction::Dismissed).notice, None);
    }

    #[test]
    fn the_openers_replies_become_progress_then_the_story() {
        let from = Origin::File("a.csv".into());
        let act = |reply| AppAction::replied(&from, "a.csv", reply);
        let checking = act(Reply::Progress {
            rows: None,
            share: 0.0,
        });
        assert_eq!(
            checking,
            AppAction::Progress(Progress::Checking("a.csv".into()))
        );
        let s = start()
            .apply(AppAction::Progress(Progress::Reading("a.csv".into())))
            .apply(act(Reply::Progress {
                rows: Some(3_000),
                share: 0.25,
            }));
        assert_eq!(
            s.progress.as_ref().map(Progress::label).as_deref(),
            Some("Importing a.csv: 3,000 rows")
        );
        let ds = (*story()).clone();
        let s = s.apply(act(Reply::Opened {
            dataset: Box::new(ds.clone()),
            skipped: vec![],
        }));
        assert!(matches!(&s.loaded, Loaded::Story(got) if **got == ds));
        assert_eq!((s.progress, s.notice), (None, None));
        let failed = start().apply(act(Reply::Failed(vec![problem("bad")])));
        assert_eq!(failed.notice.map(|n| n.problems.len()), Some(1));
    }

    #[test]
    fn dragging_is_a_flag() {
        let s = start().apply(AppAction::Dragging(true));
        assert!(s.dragging);
        assert!(!s.apply(AppAction::Dragging(false)).dragging);
    }
}
