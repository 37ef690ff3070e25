//! The editor's state as a pure reducer: the draft, its undo history, the
//! text selected in the article, the item being edited, and what to say to
//! a screen reader after each action. The shell only dispatches actions and
//! draws the state; saving and checking follow the draft's revision.
//!
//! Pure: no browser types here.

use super::draft::{self, paragraphs};
use super::fields::{Control, Form, List};
use super::history::History;
use super::path;
use super::quote::{byte_at, provenance, quote_in, Selection};
use super::suggest::{figure_in, Fact, Suggestion};
use crate::format::date::PartialDate;
use crate::format::parts::Target;
use serde_json::{json, Value};
use std::rc::Rc;

/// The part of the draft the form pane shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Story,
    List(List),
    Notes,
    Problems,
}

/// What a selection in the article is made into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteAs {
    /// Another quote for the item being edited (an event, relation or tally).
    Current,
    /// A figure of the event being edited: a quantity, with the quote added.
    Quantity,
    /// A title of the actor being edited, with its quote.
    Role,
    /// A new event, relation or tally quoting it; a new actor named by it.
    New(List),
    /// The words and paragraph of the quote at this path, anchored anew.
    Replace(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Put a value at a path; `typing` joins it to the last step of undo
    /// when it is in the same field.
    Set {
        path: String,
        value: Value,
        typing: bool,
    },
    /// Text typed into the field at a path: a number where the format has
    /// one (kept as text while it is not one, for the validator to name),
    /// and an optional field left empty taken out. A value chosen rather
    /// than typed (`typing: false`) also names its item, as [`Action::Named`].
    SetText {
        path: String,
        text: String,
        typing: bool,
    },
    /// Take out a field, or an element of a list.
    Remove(String),
    /// A new, empty item at the end of a list, opened.
    Add(List),
    /// Append to a list inside an item (a participant, a quantity).
    Append {
        path: String,
        value: Value,
    },
    /// The item's name was committed: give it an id if it has none.
    Named(List, usize),
    /// A reference was committed: a name typed in it ("the army") becomes
    /// the id of the item so named, where it is not an id already.
    Resolve(String, Target),
    /// Give an item a new id, and every reference to it.
    RenameId(List, usize, String),
    /// Text selected in the article (or none).
    Select(Option<Selection>),
    /// Make the selection a quote.
    QuoteAs(QuoteAs),
    /// The source the next quotes come from.
    Source(String),
    /// Add a source, and quote from it.
    NewSource {
        name: String,
        kind: String,
    },
    /// Wait for a selection to re-anchor the quote at this path (or stop).
    Reanchor(Option<String>),
    Open(Option<(List, usize)>),
    /// Show the field at a path (a problem's) and move the focus to it.
    Reveal(String),
    Pane(Pane),
    EditParagraph(u32, String),
    SplitParagraph(u32, usize),
    JoinParagraph(u32),
    RemoveParagraph(u32),
    AddParagraph,
    Undo,
    Redo,
    /// Replace the whole draft (a draft opened from storage or a file).
    Load(Value),
    /// Take up a suggestion from the text: its words become the quote, and
    /// what it proposes is made of them in one step.
    Accept(Suggestion),
    /// Put a suggestion aside: it is not offered again.
    Dismiss(Suggestion),
    /// A new event like event `i`: the same place, participants and status
    /// (the stages of one attack), with its own date, summary and quotes.
    LikeThis(usize),
    /// Event `i` is reported with no date of its own: dated the story's
    /// day or the day before, and said so ([`draft::undated`]).
    Undated(usize),
}

/// The editor.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The draft, shared with the history and with the editor before the
    /// last action: an action copies it once, only when it changes it.
    pub doc: Rc<Value>,
    /// Earlier and later drafts, shared: the editor is copied on every action.
    history: History<Rc<Value>>,
    pub selection: Option<Selection>,
    pub open: Option<(List, usize)>,
    pub pane: Pane,
    /// The source quotes are credited to, by id.
    pub source: String,
    /// A quote waiting for a new selection.
    pub reanchor: Option<String>,
    /// Bumped on every change of the draft: saving and checking follow it.
    pub revision: u64,
    /// What the last action did, for the status line and screen readers.
    pub said: String,
    /// A field to move the focus to after drawing (a new item's first
    /// field), numbered so that asking twice for one field moves it twice.
    pub focus: Option<(u64, String)>,
    focus_count: u64,
    /// Suggestions taken up or put aside.
    pub dismissed: Vec<Suggestion>,
    /// Whether the last action was a keystroke in a field: the shell checks
    /// and keeps the draft a moment after typing stops, not on every key.
    pub typed: bool,
}

/// What [`Editor::suggestions`] reads: equal inputs, equal suggestions.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestionInputs {
    paragraphs: Vec<String>,
    published: String,
    known: Vec<(String, String)>,
    /// The draft's quotes of events and of figures (`true`), each with its
    /// paragraph: the facts the article's words have already become, in
    /// this session or an earlier one.
    quoted: Vec<(bool, u64, String)>,
    dismissed: usize,
}

impl Editor {
    pub fn new(doc: Value) -> Editor {
        let source = draft::ids(&doc, List::Sources)
            .into_iter()
            .next()
            .unwrap_or_default();
        Editor {
            doc: Rc::new(doc),
            history: History::default(),
            selection: None,
            open: None,
            pane: Pane::Story,
            source,
            reanchor: None,
            revision: 0,
            said: String::new(),
            focus: None,
            focus_count: 0,
            dismissed: Vec::new(),
            typed: false,
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// The words the current selection would quote, and their paragraph.
    pub fn selected_quote(&self) -> Option<(String, u32)> {
        let s = self.selection?;
        let ps = paragraphs(&self.doc);
        let p = ps.get((s.paragraph as usize).checked_sub(1)?)?;
        quote_in(p, s.start, s.end).map(|q| (q.to_owned(), s.paragraph))
    }

    /// What the selection can be made into now, each with its button's words.
    pub fn quote_options(&self) -> Vec<(QuoteAs, String)> {
        if self.selected_quote().is_none() {
            return Vec::new();
        }
        self.quote_choices()
    }

    /// What a selection could be made into, with or without one: the bar
    /// shows them all the time, so that it does not grow under the reader's
    /// eyes when words are selected.
    pub fn quote_choices(&self) -> Vec<(QuoteAs, String)> {
        let mut out = Vec::new();
        let sourced = !self.source.is_empty();
        if let Some(path) = &self.reanchor {
            if sourced {
                out.push((
                    QuoteAs::Replace(path.clone()),
                    "Re-anchor the flagged quote here".into(),
                ));
            }
        }
        match self.open {
            Some((list @ (List::Events | List::Relations | List::Tallies), i)) if sourced => {
                out.push((
                    QuoteAs::Current,
                    format!("Add to this {} ({})", list.noun(), self.name_of(list, i)),
                ));
                if list == List::Events {
                    out.push((QuoteAs::Quantity, "Add as a figure of this event".into()));
                }
            }
            Some((List::Actors, i)) if sourced => {
                out.push((
                    QuoteAs::Role,
                    format!("Add as a title of {}", self.name_of(List::Actors, i)),
                ));
            }
            _ => {}
        }
        if sourced {
            out.push((QuoteAs::New(List::Events), "New event".into()));
        }
        out.push((QuoteAs::New(List::Actors), "New actor named so".into()));
        if sourced {
            out.push((QuoteAs::New(List::Relations), "New relation".into()));
            out.push((QuoteAs::New(List::Tallies), "New tally".into()));
        }
        out
    }

    /// An item's name as the lists show it.
    pub fn name_of(&self, list: List, i: usize) -> String {
        let at = path::index(list.key(), i);
        let field = |k: &str| path::text(&self.doc, &path::key(&at, k)).trim();
        // A tally is known by its figure and who counted it ("at least 23
        // killed, by the health ministry"): a menu of ids ("t-ministry-unknown",
        // "t-ministry-unknown-2") leaves the author guessing which is which.
        let figure = (list == List::Tallies)
            .then(|| path::get(&self.doc, &path::key(&at, "count")))
            .flatten()
            .and_then(|c| serde_json::from_value::<crate::format::model::Count>(c.clone()).ok())
            .map(|c| {
                let by = field("counted_by");
                let by = self.named_source(by).unwrap_or_else(|| by.to_owned());
                let outcome = match field("outcome") {
                    "" => "killed",
                    o => o,
                };
                format!("{} {outcome}, by {by}", c.said())
            });
        if let Some(figure) = figure {
            return clip(&figure, 60);
        }
        let name = match list {
            // A relation is best known by its id ("r-hamas-allied-hezbollah").
            List::Relations | List::Tallies if !field("id").is_empty() => field("id"),
            _ if !field(list.name_field()).is_empty() => field(list.name_field()),
            _ => field("id"),
        };
        if name.is_empty() {
            format!("new {} {}", list.noun(), i + 1)
        } else {
            clip(name, 60)
        }
    }

    fn change(&mut self, group: Option<&str>, f: impl FnOnce(&mut Value) -> bool) -> bool {
        let before = Rc::clone(&self.doc);
        if !f(Rc::make_mut(&mut self.doc)) || self.doc == before {
            self.doc = before;
            return false;
        }
        self.history.record(before, group);
        self.revision += 1;
        self.keep_source();
        true
    }

    /// The source new quotes are credited to, still one of the story's.
    fn keep_source(&mut self) {
        let ids = draft::ids(&self.doc, List::Sources);
        if !ids.contains(&self.source) {
            self.source = ids.into_iter().next().unwrap_or_default();
        }
    }

    /// The editor after `action`.
    /// What event `i` takes from the whole it is part of, in words: "Part
    /// of “Air strikes hit Wad Hamid”. From it: place Wad Hamid, 2
    /// participants, status alleged." `None` for an event that is no part.
    pub fn inherits(&self, i: usize) -> Option<String> {
        let at = path::index("events", i);
        let whole_id = path::text(&self.doc, &path::key(&at, "part_of")).to_owned();
        if whole_id.is_empty() {
            return None;
        }
        let w = (0..path::len(&self.doc, "events"))
            .find(|&k| path::text(&self.doc, &format!("events[{k}].id")) == whole_id)?;
        let whole = path::index("events", w);
        let own = |key: &str| path::get(&self.doc, &path::key(&at, key)).is_some();
        let mut taken = Vec::new();
        let place = path::text(&self.doc, &path::key(&whole, "place.name"));
        if !own("place") && !place.is_empty() {
            taken.push(format!("place {place}"));
        }
        let n = path::len(&self.doc, &path::key(&whole, "participants"));
        if path::len(&self.doc, &path::key(&at, "participants")) == 0 && n > 0 {
            taken.push(format!("{n} participant{}", if n == 1 { "" } else { "s" }));
        }
        let state = path::text(&self.doc, &path::key(&whole, "status.state"));
        if !own("status") && !state.is_empty() {
            taken.push(format!("status {state}"));
        }
        let name = self.name_of(List::Events, w);
        Some(match taken.is_empty() {
            true => format!("Part of “{name}”; it says all its own."),
            false => format!(
                "Part of “{name}”. From it: {}. Fill a field here to say otherwise.",
                taken.join(", ")
            ),
        })
    }

    /// The suggestions still on offer in the draft's article.
    pub fn suggestions(&self) -> Vec<Suggestion> {
        self.suggestions_from(&self.read_for_suggestions())
    }

    /// What the suggestions are read from: the article's paragraphs, its
    /// date, and the names of the story's actors and sources. The shell
    /// reads the suggestions again only when these change, not when an
    /// event's summary is typed.
    pub fn read_for_suggestions(&self) -> SuggestionInputs {
        let mut known = Vec::new();
        for list in [List::Actors, List::Sources] {
            for i in 0..path::len(&self.doc, list.key()) {
                let at = path::index(list.key(), i);
                known.push((
                    path::text(&self.doc, &path::key(&at, "id")).to_owned(),
                    path::text(&self.doc, &path::key(&at, "name")).to_owned(),
                ));
            }
        }
        // The quote each event and tally was made from (its first; those
        // added to it after may be another fact's words too) and its
        // quantities': an event's, or a figure's.
        let mut quoted = Vec::new();
        for (list, figure) in [("events", false), ("tallies", true)] {
            for i in 0..path::len(&self.doc, list) {
                let item = path::get(&self.doc, &path::index(list, i)).unwrap_or(&Value::Null);
                quotes_in(
                    item.pointer("/provenance/0").unwrap_or(&Value::Null),
                    figure,
                    &mut quoted,
                );
                quotes_in(
                    item.get("quantities").unwrap_or(&Value::Null),
                    true,
                    &mut quoted,
                );
            }
        }
        SuggestionInputs {
            paragraphs: paragraphs(&self.doc),
            published: path::text(&self.doc, "story.published").to_owned(),
            known,
            quoted,
            dismissed: self.dismissed.len(),
        }
    }

    /// The suggestions read from `inputs`, less those put aside, and the
    /// events and figures whose words the draft already quotes (taken up
    /// before the page was last opened, say).
    pub fn suggestions_from(&self, inputs: &SuggestionInputs) -> Vec<Suggestion> {
        let published = inputs
            .published
            .parse()
            .unwrap_or(crate::format::date::PartialDate::day(1970, 1, 1));
        let taken = |s: &Suggestion| {
            let figure = match s.fact {
                Fact::Figure { .. } => true,
                Fact::Happening { .. } => false,
                _ => return false,
            };
            // Its very words, whatever they became (a figure taken up as an
            // event); or within a quote of its own kind's (an event's
            // sentence, not the figures inside it).
            inputs.quoted.iter().any(|(f, p, q)| {
                *p == s.paragraph as u64
                    && (*q == s.words || (*f == figure && q.contains(&s.words)))
            })
        };
        super::suggest::suggestions(&inputs.paragraphs, published, &inputs.known)
            .into_iter()
            .filter(|s| !self.dismissed.contains(s) && !taken(s))
            .collect()
    }

    /// Make what a suggestion proposes, from its very words.
    fn accept(mut self, s: Suggestion) -> Editor {
        let Some(p) = paragraphs(&self.doc).get(s.paragraph as usize - 1).cloned() else {
            return self;
        };
        let utf16 = |b: usize| p.get(..b).map_or(0, |t| t.encode_utf16().count() as u32);
        // One sentence makes one event: the other kinds its words suggest
        // are put aside with it.
        if matches!(s.fact, Fact::Happening { .. }) {
            let same: Vec<Suggestion> = self
                .suggestions()
                .into_iter()
                .filter(|o| {
                    matches!(o.fact, Fact::Happening { .. })
                        && (o.paragraph, o.start, o.end) == (s.paragraph, s.start, s.end)
                })
                .collect();
            self.dismissed.extend(same);
        }
        self.selection = Some(Selection {
            paragraph: s.paragraph,
            start: utf16(s.start),
            end: utf16(s.end),
        });
        let event = match self.open {
            Some((List::Events, i)) => Some(path::index("events", i)),
            _ => None,
        };
        // A place with no event open to take it is not used up: it waits
        // for its event.
        if event.is_some() || !matches!(s.fact, Fact::Place { .. }) {
            self.dismissed.push(s.clone());
        }
        // A figure or an event is credited to whom its sentence says said
        // it, where the story has that source, not to the one used last.
        let speaker = match s.fact {
            Fact::Figure { .. } | Fact::Happening { .. } => {
                self.speaker_of(&p, s.paragraph, s.start, s.end)
            }
            _ => None,
        };
        let credit = match speaker {
            Some((name, Some(id))) if id != self.source => {
                self.source = id;
                format!(" Credited to {name}, as its sentence says.")
            }
            Some((name, None)) => format!(
                " Its sentence names {name} as the speaker, not yet a source: it is credited to {}.",
                self.source_name()
            ),
            Some(_) => String::new(),
            // No speaker: the article's own reporting, where the story has
            // it as a source; never silently whoever was quoted last.
            None if matches!(s.fact, Fact::Figure { .. } | Fact::Happening { .. }) => {
                match self.article_source() {
                    Some(id) if id == self.source => String::new(),
                    Some(id) => {
                        self.source = id;
                        format!(" Credited to {}, the article's own reporting: its sentence names no speaker.", self.source_name())
                    }
                    None if self.source.is_empty() => String::new(),
                    None => format!(
                        " Its sentence names no speaker: it is credited to {}, the source used last. Change “Credited to” if another said it.",
                        self.source_name()
                    ),
                }
            }
            None => String::new(),
        };
        let mut e = self.take_up(s, &p, event);
        if !credit.is_empty() {
            e.said.push_str(&credit);
        }
        e
    }

    /// An event's standing chosen as claimed, alleged, confirmed or
    /// disputed, with no one named yet: named as the source its first quote
    /// is credited to, and said so, for the author to keep or change.
    fn say_whose_word(&mut self, at: &str, state: &str) {
        let Some(status) = at.strip_suffix(".state").filter(|s| s.ends_with(".status")) else {
            return;
        };
        if !matches!(state, "claimed" | "alleged" | "confirmed" | "disputed") {
            return;
        }
        let by = path::key(status, "by");
        if path::len(&self.doc, &by) > 0 {
            return;
        }
        let event = &status[..status.len() - ".status".len()];
        let first = path::key(&path::index(&path::key(event, "provenance"), 0), "source");
        let source = path::text(&self.doc, &first).to_owned();
        if source.is_empty() {
            return;
        }
        self.change(None, |d| path::set(d, &by, json!([source])));
        let name = self.named_source(&source).unwrap_or(source);
        self.said = format!(
            "{} by {name}, whose words it quotes: change “by” if the text names another.",
            capital(state)
        );
    }

    /// The story's source for the article's own reporting (of kind
    /// `article`), by id.
    fn article_source(&self) -> Option<String> {
        (0..path::len(&self.doc, "sources"))
            .find(|&i| path::text(&self.doc, &format!("sources[{i}].kind")) == "article")
            .map(|i| path::text(&self.doc, &format!("sources[{i}].id")).to_owned())
    }

    /// The name of the source quotes are credited to now.
    fn source_name(&self) -> String {
        self.named_source(&self.source)
            .unwrap_or_else(|| "no source".into())
    }

    /// The name of the story's source `id`, if it has one so named.
    fn named_source(&self, id: &str) -> Option<String> {
        (0..path::len(&self.doc, "sources"))
            .find(|&i| path::text(&self.doc, &format!("sources[{i}].id")) == id)
            .map(|i| self.name_of(List::Sources, i))
    }

    /// Who the clause of the words from `start` to `end` (bytes) of
    /// paragraph `paragraph` says said them, in the case a name needs, and
    /// the id of the story's source of that name, if there is one. The
    /// clause, not the whole sentence: in "Police detained 14, according
    /// to the ministry; the union put the number at 20", the 20 is not the
    /// ministry's.
    fn speaker_of(
        &self,
        p: &str,
        paragraph: u32,
        start: usize,
        end: usize,
    ) -> Option<(String, Option<String>)> {
        let (from, to) = super::suggest::sentence_around(p, start, end);
        let from = p[from..start].rfind(';').map_or(from, |i| from + i + 1);
        let to = p[end..to].find(';').map_or(to, |i| end + i);
        let inputs = self.read_for_suggestions();
        let published = inputs
            .published
            .parse()
            .unwrap_or(crate::format::date::PartialDate::day(1970, 1, 1));
        let said = super::suggest::suggestions(&inputs.paragraphs, published, &inputs.known)
            .into_iter()
            .find_map(|o| match o.fact {
                Fact::Attribution { source, .. }
                    if o.paragraph == paragraph && o.start >= from && o.end <= to =>
                {
                    Some(super::quote::name_case(&source, p, &inputs.paragraphs))
                }
                _ => None,
            })?;
        let id = (0..path::len(&self.doc, "sources"))
            .find(|&i| {
                path::text(&self.doc, &format!("sources[{i}].name")).eq_ignore_ascii_case(&said)
            })
            .map(|i| path::text(&self.doc, &format!("sources[{i}].id")).to_owned());
        Some((said, id))
    }

    /// Make what suggestion `s` proposes, its words selected.
    fn take_up(mut self, s: Suggestion, p: &str, event: Option<String>) -> Editor {
        match s.fact {
            Fact::Figure {
                outcome: Some(_), ..
            } => self.made(QuoteAs::New(List::Tallies)),
            Fact::Figure { .. } if event.is_some() => self.made(QuoteAs::Quantity),
            Fact::Figure { .. } => self.made(QuoteAs::New(List::Events)),
            Fact::Happening { kind } => {
                let mut e = self.made(QuoteAs::New(List::Events));
                if let Some((List::Events, i)) = e.open {
                    let at = path::key(&path::index("events", i), "kind");
                    e.change(Some(&at), |d| path::set(d, &at, json!(kind.as_str())));
                }
                e
            }
            Fact::When {
                date,
                time_of_day,
                inferred,
            } => {
                let mut e = match event {
                    Some(_) => self,
                    None => self.made(QuoteAs::New(List::Events)),
                };
                let Some((List::Events, i)) = e.open else {
                    return e;
                };
                let at = path::index("events", i);
                e.change(None, |d| {
                    path::set(d, &path::key(&at, "date"), json!(date.to_string()));
                    path::set(d, &path::key(&at, "date_text"), json!(s.words));
                    if let Some(t) = time_of_day {
                        path::set(d, &path::key(&at, "time_of_day"), json!(t.as_str()));
                    }
                    if let Some(how) = &inferred {
                        path::set(d, &path::key(&at, "date_inferred"), json!(how));
                    }
                    true
                });
                e.said = format!("Date {} set from “{}”.", date.human(), s.words);
                e
            }
            Fact::Attribution { source, kind } => {
                let source = super::quote::name_case(&source, p, &paragraphs(&self.doc));
                let known = (0..path::len(&self.doc, "sources")).find(|&i| {
                    path::text(&self.doc, &format!("sources[{i}].name"))
                        .eq_ignore_ascii_case(&source)
                });
                match known {
                    Some(i) => {
                        let id = path::text(&self.doc, &format!("sources[{i}].id")).to_owned();
                        self.apply(Action::Source(id))
                    }
                    // A kind is taken only as the words suggest it, and said
                    // so; otherwise it is left for the author to choose, and
                    // the checker asks for it.
                    None => {
                        let mut e = self.apply(Action::NewSource {
                            name: source.clone(),
                            kind: kind.unwrap_or_default().to_owned(),
                        });
                        if let Some(kind) = kind {
                            let label = crate::format::vocab::SourceKind::from_name(kind)
                                .map(|k| k.label().into_owned())
                                .unwrap_or_default();
                            e.said = format!(
                                "New source “{source}”, taken as {} {label} from its words: change its kind in Sources if it is not one.",
                                if label.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }
                            );
                        }
                        e
                    }
                }
            }
            Fact::Name {
                known: Some(id), ..
            } if !draft::ids(&self.doc, List::Actors).contains(&id) => {
                // Known only as a source (the mayor who spoke): the actor
                // is made, and the source speaks for it. (`ensure_id` links
                // the two only where their ids agree; the name taken up may
                // be shorter than the source's, "Lina Vosk" of "Mayor Lina
                // Vosk", and its id another.)
                let mut e = self.made(QuoteAs::New(List::Actors));
                let actor = match e.open {
                    Some((List::Actors, i)) => {
                        path::text(&e.doc, &format!("actors[{i}].id")).to_owned()
                    }
                    _ => String::new(),
                };
                let source = (0..path::len(&e.doc, "sources"))
                    .map(|k| path::index("sources", k))
                    .find(|at| path::text(&e.doc, &path::key(at, "id")) == id);
                if let Some(at) = source.filter(|at| {
                    !actor.is_empty() && path::text(&e.doc, &path::key(at, "actor")).is_empty()
                }) {
                    let at = path::key(&at, "actor");
                    e.change(None, |d| path::set(d, &at, json!(actor)));
                }
                e
            }
            Fact::Name {
                known: Some(id), ..
            } => match event {
                Some(at) => self.apply(Action::Append {
                    path: path::key(&at, "participants"),
                    value: json!({"actor": id, "role": ""}),
                }),
                _ => {
                    self.said = format!("“{}” is already in the story.", s.words);
                    self
                }
            },
            Fact::Name { known: None, .. } => self.made(QuoteAs::New(List::Actors)),
            Fact::Place { name } => match event {
                Some(at) => {
                    let at = path::key(&path::key(&at, "place"), "name");
                    let was = path::text(&self.doc, &at).to_owned();
                    self.change(Some(&at), |d| path::set(d, &at, json!(name)));
                    self.said = if was.is_empty() || was == name {
                        format!("Place set to “{name}”.")
                    } else {
                        format!("Place set to “{name}” (it was “{was}”).")
                    };
                    self
                }
                None => {
                    self.said = format!(
                        "“{name}” reads as a place: open the event that happened there, then use it again. To make it an actor, quote it as one."
                    );
                    self
                }
            },
        }
    }

    pub fn apply(mut self, action: Action) -> Editor {
        self.focus = None;
        self.typed = matches!(
            action,
            Action::Set { typing: true, .. } | Action::SetText { typing: true, .. }
        );
        match action {
            Action::Set {
                path,
                value,
                typing,
            } => {
                let group = typing.then_some(path.clone());
                self.change(group.as_deref(), |d| path::set(d, &path, value));
            }
            Action::SetText { path, text, typing } => {
                let field = super::fields::field_at(&path);
                let required = field.is_none_or(|f| f.required);
                let group = typing.then_some(path.clone());
                let t = text.trim();
                let value = match field.map(|f| f.control) {
                    Some(Control::Number) => t.parse::<u64>().ok().map(|n| json!(n)),
                    Some(Control::Decimal) => t.parse::<f64>().ok().map(|n| json!(n)),
                    // A date written in words, once committed, is written as
                    // the format writes it ("Monday" by the story's day).
                    Some(Control::Date) if !typing && PartialDate::plain(t).is_none() => {
                        let published = self.doc["story"]["published"]
                            .as_str()
                            .and_then(PartialDate::plain);
                        published
                            .and_then(|p| draft::day_near(t, p))
                            .or_else(|| draft::day_in_words(t))
                            .map(|d| json!(d.to_string()))
                    }
                    Some(Control::Url) if !typing => Some(json!(draft::web_address(t))),
                    _ => None,
                }
                .unwrap_or(Value::String(text.clone()));
                // A list's element stays while it is retyped.
                if t.is_empty() && !required && !path.ends_with(']') {
                    self.change(group.as_deref(), |d| remove_leaving_no_empty_list(d, &path));
                } else {
                    self.change(group.as_deref(), |d| path::set(d, &path, value));
                }
                // A value chosen, not typed (a menu): the item is named by it
                // as by a committed name (a relation by its kind).
                if !typing {
                    if let Some((list, i)) = path::item_of(&path) {
                        if draft::ensure_id(Rc::make_mut(&mut self.doc), list, i) {
                            self.revision += 1;
                        }
                    }
                    self.say_whose_word(&path, t);
                }
            }
            Action::Remove(path) => {
                // A quote waiting to be re-anchored may have moved or gone.
                self.reanchor = None;
                if self.change(None, |d| remove_leaving_no_empty_list(d, &path)) {
                    // The focus goes to what held the removed part.
                    let holder = match path.rfind(['[', '.']) {
                        Some(i) if path[i..].starts_with('[') => path[..i].to_owned(),
                        _ => path.clone(),
                    };
                    self.focus_on(holder);
                    if let Some((list, i)) = path::item_of(&path) {
                        if path == path::index(list.key(), i) {
                            self.open = None;
                            self.said = format!("{} removed.", capital(list.noun()));
                        }
                    }
                }
            }
            Action::Add(list) => {
                let mut at = 0;
                self.change(None, |d| {
                    at = draft::push(d, list, draft::blank(list));
                    true
                });
                self.opened(list, at, format!("New {} added.", list.noun()));
            }
            Action::Resolve(at, target) => {
                let typed = path::text(&self.doc, &at).trim().to_owned();
                let items = || {
                    target.lists().iter().flat_map(|&list| {
                        (0..path::len(&self.doc, list.key())).map(move |i| (list, i))
                    })
                };
                let field = |(list, i): (List, usize), k: &str| {
                    path::text(&self.doc, &path::key(&path::index(list.key(), i), k)).to_owned()
                };
                let is_id = items().any(|it| field(it, "id") == typed);
                let named = items()
                    .find(|&it| {
                        !typed.is_empty()
                            && field(it, it.0.name_field()).eq_ignore_ascii_case(&typed)
                    })
                    .map(|it| field(it, "id"));
                if let Some(id) = named.filter(|id| !is_id && !id.is_empty()) {
                    self.change(None, |d| path::set(d, &at, json!(id)));
                }
            }
            Action::Append { path, value } => {
                let n = path::len(&self.doc, &path);
                self.change(None, |d| path::set(d, &path::index(&path, n), value));
                self.focus_on(path::index(&path, n));
            }
            Action::Named(list, i) => {
                self.history.seal();
                let mut doc = Rc::clone(&self.doc);
                if draft::ensure_id(Rc::make_mut(&mut doc), list, i) {
                    // The id joins the naming's step of undo.
                    self.doc = doc;
                    self.revision += 1;
                }
            }
            Action::RenameId(list, i, id) => {
                let at = path::key(&path::index(list.key(), i), "id");
                let old = path::text(&self.doc, &at).to_owned();
                let taken = draft::ids(&self.doc, list).contains(&id) && id != old;
                if id.is_empty() || !crate::format::validate::is_valid_id(&id) || taken {
                    // Refused: an id that breaks links or merges two items.
                    self.said = if taken {
                        format!(
                            "The id “{id}” is taken by another {}; the id stays “{old}”.",
                            list.noun()
                        )
                    } else {
                        format!("“{id}” cannot be an id (lower-case letters, digits, '-', '_' or '.'); the id stays “{old}”.")
                    };
                    self.revision += 1;
                    return self;
                }
                let current = list == List::Sources && self.source == old;
                if self.change(Some(&at), |d| {
                    draft::rename_id(d, list, i, &id);
                    true
                }) && current
                {
                    self.source = id;
                }
            }
            Action::Select(s) => self.selection = s,
            Action::Dismiss(s) => self.dismissed.push(s),
            Action::Accept(s) => return self.accept(s),
            Action::Undated(i) => {
                let published = self.doc["story"]["published"]
                    .as_str()
                    .and_then(PartialDate::plain);
                match published.and_then(draft::undated) {
                    Some((date, how)) => {
                        let at = path::index("events", i);
                        self.change(None, |d| {
                            path::set(d, &path::key(&at, "date"), json!(date));
                            path::set(d, &path::key(&at, "date_inferred"), json!(how))
                        });
                        self.said = how;
                    }
                    None => {
                        self.said = "The story has no day of publication to date it by: give the story's date first.".into();
                    }
                }
            }
            Action::LikeThis(i) => {
                let like = path::index("events", i);
                let mut item = draft::blank(List::Events);
                for key in ["place", "participants", "status"] {
                    if let Some(v) = path::get(&self.doc, &path::key(&like, key)) {
                        item[key] = v.clone();
                    }
                }
                let mut at = 0;
                self.change(None, |d| {
                    at = draft::push(d, List::Events, item);
                    true
                });
                let name = self.name_of(List::Events, i);
                self.opened(
                    List::Events,
                    at,
                    format!("New event like “{name}”: its place, participants and status copied."),
                );
            }
            Action::QuoteAs(what) => self.quote(what),
            Action::Source(id) => self.source = id,
            Action::NewSource { name, kind } => {
                let mut at = 0;
                self.change(None, |d| {
                    at = draft::push(
                        d,
                        List::Sources,
                        json!({"id": "", "name": name.trim(), "kind": kind}),
                    );
                    draft::ensure_id(d, List::Sources, at);
                    true
                });
                self.source = path::text(&self.doc, &format!("sources[{at}].id")).to_owned();
                self.said = format!("Source “{}” added; new quotes come from it.", name.trim());
            }
            Action::Reanchor(p) => {
                self.said = if p.is_some() {
                    "Select the quote's words in the article, then choose Re-anchor.".into()
                } else {
                    String::new()
                };
                self.reanchor = p;
            }
            Action::Open(item) => {
                self.history.seal();
                self.open = item;
                if let Some((list, _)) = item {
                    self.pane = Pane::List(list);
                }
            }
            Action::Reveal(p) => {
                self.history.seal();
                if let Some((list, i)) = path::item_of(&p) {
                    self.open = Some((list, i));
                    self.pane = Pane::List(list);
                } else if p.starts_with("notes") {
                    self.pane = Pane::Notes;
                } else {
                    self.pane = Pane::Story;
                }
                self.focus_on(p);
            }
            Action::Pane(p) => {
                self.history.seal();
                self.pane = p;
                if !matches!((p, self.open), (Pane::List(l), Some((o, _))) if l == o) {
                    self.open = None;
                }
            }
            Action::EditParagraph(n, text) => {
                self.change(Some(&format!("paragraph {n}")), |d| {
                    draft::edit_paragraph(d, n, &text)
                });
            }
            Action::SplitParagraph(n, at) => {
                self.forget_selection();
                if self.change(None, |d| draft::split_paragraph(d, n, at)) {
                    self.said = format!("Paragraph {n} split in two.");
                }
            }
            Action::JoinParagraph(n) => {
                self.forget_selection();
                if self.change(None, |d| draft::join_paragraphs(d, n)) {
                    self.said = format!("Paragraphs {n} and {} joined.", n + 1);
                }
            }
            Action::RemoveParagraph(n) => {
                self.forget_selection();
                if self.change(None, |d| draft::remove_paragraph(d, n)) {
                    self.said = format!("Paragraph {n} removed.");
                }
            }
            Action::AddParagraph => {
                let n = paragraphs(&self.doc).len();
                self.change(None, |d| {
                    path::set(d, &format!("story.paragraphs[{n}]"), json!(""))
                });
                self.focus_on(format!("story.paragraphs[{n}]"));
            }
            Action::Undo => {
                self.forget_selection();
                let step = self.history.undo(std::mem::take(&mut self.doc));
                self.settle(step, "Undone.");
            }
            Action::Redo => {
                self.forget_selection();
                let step = self.history.redo(std::mem::take(&mut self.doc));
                self.settle(step, "Redone.");
            }
            Action::Load(doc) => {
                let mut fresh = Editor::new(doc);
                fresh.revision = self.revision + 1;
                return fresh;
            }
        }
        self
    }

    /// After the paragraphs or the quotes may have changed under them: the
    /// selection and a quote waiting for one no longer point where they did.
    fn forget_selection(&mut self) {
        self.selection = None;
        self.reanchor = None;
    }

    fn focus_on(&mut self, path: String) {
        self.focus_count += 1;
        self.focus = Some((self.focus_count, path));
    }

    /// After undo or redo (`Err` when there was no step to take): the
    /// draft, and an open item that still exists.
    fn settle(&mut self, step: Result<Rc<Value>, Rc<Value>>, said: &str) {
        let (doc, changed) = match step {
            Ok(doc) => (doc, true),
            Err(doc) => (doc, false),
        };
        self.doc = doc;
        self.keep_source();
        if changed {
            self.revision += 1;
            self.said = said.into();
        }
        if let Some((list, i)) = self.open {
            if i >= path::len(&self.doc, list.key()) {
                self.open = None;
            }
        }
    }

    fn opened(&mut self, list: List, i: usize, said: String) {
        self.open = Some((list, i));
        self.pane = Pane::List(list);
        self.said = said;
        let first = match list {
            List::Events => "date",
            List::Relations => "kind",
            List::Tallies => "category",
            List::Sources | List::Actors => "name",
        };
        self.focus_on(path::key(&path::index(list.key(), i), first));
    }

    fn quote(&mut self, what: QuoteAs) {
        // A figure, event, tie or tally is credited, as a suggestion taken
        // up is, to whom its clause says said it, where the story has that
        // source; not silently to the one used last.
        let new_fact = matches!(
            what,
            QuoteAs::Quantity | QuoteAs::New(List::Events | List::Relations | List::Tallies)
        );
        let mut credit = String::new();
        if let (true, Some((p, paragraph, a, b))) = (new_fact, self.selected_span()) {
            match self.speaker_of(&p, paragraph, a, b) {
                Some((name, Some(id))) if id != self.source => {
                    self.source = id;
                    credit = format!(" Credited to {name}, as its words say.");
                }
                Some(_) => {}
                // Said, as for a suggestion taken up: never silently.
                None if !self.source.is_empty() => {
                    credit = format!(
                        " Its words name no speaker: it is credited to {}, as “Credited to” says.",
                        self.source_name()
                    );
                }
                None => {}
            }
        }
        self.quote_as(what);
        self.said.push_str(&credit);
    }

    /// What a suggestion taken up makes of its words: as
    /// [`Action::QuoteAs`], but credited already (see [`Editor::accept`]),
    /// so not credited again.
    fn made(mut self, what: QuoteAs) -> Editor {
        self.focus = None;
        self.typed = false;
        self.quote_as(what);
        self
    }

    /// The selection's paragraph (its text and number) and its bytes in
    /// it, in order (a selection may be made backwards), when it quotes
    /// any words.
    fn selected_span(&self) -> Option<(String, u32, usize, usize)> {
        self.selected_quote()?;
        let sel = self.selection?;
        let p = paragraphs(&self.doc)
            .get((sel.paragraph as usize).checked_sub(1)?)?
            .clone();
        let (a, b) = (byte_at(&p, sel.start), byte_at(&p, sel.end));
        Some((p, sel.paragraph, a.min(b), a.max(b)))
    }

    fn quote_as(&mut self, what: QuoteAs) {
        let Some((quote, paragraph)) = self.selected_quote() else {
            return;
        };
        let source = self.source.clone();
        let entry = provenance(&source, &quote, paragraph);
        let short = clip(&quote, 40);
        match what {
            QuoteAs::Current => {
                let Some((list, i)) = self.open else { return };
                let at = path::key(&path::index(list.key(), i), "provenance");
                let n = path::len(&self.doc, &at);
                if self.change(None, |d| path::set(d, &path::index(&at, n), entry)) {
                    self.said = format!("Quote “{short}” added to this {}.", list.noun());
                }
            }
            QuoteAs::Quantity => {
                let Some((List::Events, i)) = self.open else {
                    return;
                };
                let at = path::index("events", i);
                let (count, unit) = match figure_in(&quote) {
                    Some((count, unit, _)) => {
                        (serde_json::to_value(count).unwrap_or_default(), unit)
                    }
                    None => (json!({"qualifier": "exact", "value": 0}), String::new()),
                };
                let (q, p) = (path::key(&at, "quantities"), path::key(&at, "provenance"));
                let (nq, np) = (path::len(&self.doc, &q), path::len(&self.doc, &p));
                // The figure carries its own source and words; an event with
                // no quote yet takes them as its own too.
                self.change(None, |d| {
                    path::set(
                        d,
                        &path::index(&q, nq),
                        json!({"unit": unit, "count": count, "provenance": entry.clone()}),
                    );
                    if np == 0 {
                        path::set(d, &path::index(&p, np), entry);
                    }
                    true
                });
                self.said = format!("Figure added to this event from “{short}”.");
                self.focus_on(path::key(&path::index(&q, nq), "unit"));
            }
            QuoteAs::Role => {
                let Some((List::Actors, i)) = self.open else {
                    return;
                };
                let at = path::key(&path::index("actors", i), "roles");
                let n = path::len(&self.doc, &at);
                self.change(None, |d| {
                    path::set(
                        d,
                        &path::index(&at, n),
                        json!({"title": quote, "provenance": entry}),
                    )
                });
                self.said = format!("Title “{short}” added.");
            }
            QuoteAs::New(list) => {
                let published = path::text(&self.doc, "story.published").to_owned();
                let mut item = draft::blank(list);
                let mut unsaid = "";
                match list {
                    List::Actors | List::Sources => {
                        let ps = paragraphs(&self.doc);
                        let p = ps.get(paragraph as usize - 1).map_or("", String::as_str);
                        item["name"] = json!(super::quote::name_case(&quote, p, &ps));
                    }
                    List::Tallies => {
                        item["counted_by"] = json!(source);
                        item["as_of"] = json!(published);
                        let figure = figure_in(&quote);
                        if let Some((count, ..)) = &figure {
                            item["count"] = serde_json::to_value(count).unwrap_or_default();
                        }
                        // What befell them, from the words or else their
                        // sentence ("Police detained 14 …; the union put the
                        // number at 20": 20 detained); where neither says,
                        // the author is told it counts the killed.
                        let outcome = figure.and_then(|f| f.2).or_else(|| {
                            let (p, _, a, b) = self.selected_span()?;
                            super::suggest::outcome_at(&p, a, b)
                        });
                        match outcome {
                            Some(o) if !o.is_killed() => item["outcome"] = json!(o.as_str()),
                            Some(_) => {}
                            None => unsaid = " Its words say not what befell them: it counts the killed until its outcome says otherwise.",
                        }
                        item["provenance"] = json!([entry]);
                    }
                    List::Events | List::Relations => item["provenance"] = json!([entry]),
                }
                let mut at = 0;
                self.change(None, |d| {
                    at = draft::push(d, list, item);
                    if matches!(list, List::Actors | List::Sources) {
                        draft::ensure_id(d, list, at);
                    }
                    true
                });
                self.opened(
                    list,
                    at,
                    format!("New {} made from “{short}”.{unsaid}", list.noun()),
                );
            }
            QuoteAs::Replace(at)
                if path::get(&self.doc, &at).is_none()
                    && path::get(&self.doc, parent_of(&at)).is_none() =>
            {
                // What held the quote has gone: nothing to anchor.
                self.reanchor = None;
                self.said = "The quote to re-anchor is no longer in the story.".into();
            }
            QuoteAs::Replace(at) => {
                let source = if path::text(&self.doc, &path::key(&at, "source")).is_empty() {
                    source
                } else {
                    path::text(&self.doc, &path::key(&at, "source")).to_owned()
                };
                if self.change(None, |d| {
                    path::set(d, &at, provenance(&source, &quote, paragraph))
                }) {
                    self.said = format!("Quote re-anchored: “{short}”, paragraph {paragraph}.");
                }
                self.reanchor = None;
            }
        }
        self.selection = None;
    }
}

/// The path of what holds the field or element at `at`.
fn parent_of(at: &str) -> &str {
    at.rfind(['.', '[']).map_or("", |i| &at[..i])
}

/// `s` cut to about `max` characters at a word's end, with an ellipsis.
pub fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut: String = s.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

/// Take out the value at `path`; a list of the format's that is then empty
/// goes too, when it is optional (no `"roles": []` left behind).
fn remove_leaving_no_empty_list(doc: &mut Value, at: &str) -> bool {
    if path::remove(doc, at).is_none() {
        return false;
    }
    if let Some(list) = at
        .strip_suffix(']')
        .and_then(|p| p.rfind('[').map(|i| &at[..i]))
    {
        let empty = path::get(doc, list)
            .and_then(Value::as_array)
            .is_some_and(Vec::is_empty);
        let optional = super::fields::field_at(list).is_some_and(|f| !f.required);
        if empty && optional {
            path::remove(doc, list);
        }
    }
    true
}

/// `s` with a capital first letter.
pub fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Every quote in `v` with its paragraph, as a figure's or not
/// (`figure`): an object holding both a `paragraph` and a `quote`,
/// wherever it sits.
fn quotes_in(v: &Value, figure: bool, out: &mut Vec<(bool, u64, String)>) {
    match v {
        Value::Object(m) => {
            if let (Some(p), Some(q)) = (
                m.get("paragraph").and_then(Value::as_u64),
                m.get("quote").and_then(Value::as_str),
            ) {
                out.push((figure, p, q.to_owned()));
            }
            m.values().for_each(|x| quotes_in(x, figure, out));
        }
        Value::Array(a) => a.iter().for_each(|x| quotes_in(x, figure, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::author::draft::{new_story, Article};

    fn editor() -> Editor {
        drafted(
            "Port strike halts shipping",
            "2024-06-03",
            "Dockworkers at Port Example walked out on Monday, the union said.\n\nAt least 40 ships were waiting to unload, according to the harbour master.",
        )
    }

    /// A new draft of an article in The Example Times.
    fn drafted(title: &str, published: &str, body: &str) -> Editor {
        Editor::new(new_story(&Article {
            title: title.into(),
            outlet: "The Example Times".into(),
            url: format!(
                "https://example.com/{}",
                title.to_lowercase().replace(' ', "-")
            ),
            published: published.into(),
            body: body.into(),
            ..Default::default()
        }))
    }

    fn select(e: Editor, paragraph: u32, words: &str) -> Editor {
        let p = &paragraphs(&e.doc)[paragraph as usize - 1];
        let start = p.find(words).expect("words in paragraph");
        let utf16 = |s: &str| s.encode_utf16().count() as u32;
        e.apply(Action::Select(Some(Selection {
            paragraph,
            start: utf16(&p[..start]),
            end: utf16(&p[..start + words.len()]),
        })))
    }

    #[test]
    fn a_name_known_only_as_a_source_becomes_the_actor_it_speaks_for() {
        let e = drafted(
            "Mourning",
            "2025-03-03",
            "Mayor Lina Vosk said the city would hold three days of mourning.",
        )
        .apply(Action::NewSource {
            name: "Mayor Lina Vosk".into(),
            kind: "official_statement".into(),
        });
        let name = e
            .suggestions()
            .into_iter()
            .find(|s| matches!(s.fact, Fact::Name { .. }) && s.words.contains("Lina Vosk"))
            .expect("the name is offered");
        let e = e.apply(Action::Accept(name));
        assert_eq!(path::len(&e.doc, "actors"), 1, "{}", e.said);
        let actor = path::text(&e.doc, "actors[0].id").to_owned();
        assert!(!actor.is_empty());
        assert_eq!(path::text(&e.doc, "sources[0].actor"), actor);
    }

    #[test]
    fn a_place_is_where_the_open_event_happened() {
        let e = drafted(
            "Market shelled",
            "2025-03-03",
            "Shells struck the market in Halvik on Sunday, residents said.",
        );
        let place = |e: &Editor| {
            e.suggestions()
                .into_iter()
                .find(|s| matches!(s.fact, Fact::Place { .. }))
                .expect("Halvik is offered as a place")
        };
        // With no event open, nothing is made, and the author is told why.
        let halvik = place(&e);
        let e = e.apply(Action::Accept(halvik));
        assert_eq!(path::len(&e.doc, "events"), 0);
        assert_eq!(path::len(&e.doc, "actors"), 0);
        assert!(e.said.contains("open the event"), "{}", e.said);
        // With the event open, it is the event's place.
        let happening = e
            .suggestions()
            .into_iter()
            .find(|s| matches!(s.fact, Fact::Happening { .. }))
            .expect("the strike is offered");
        let e = e.apply(Action::Accept(happening));
        assert_eq!(path::len(&e.doc, "events"), 1);
        let halvik = place(&e);
        let e = e.apply(Action::Accept(halvik));
        assert_eq!(
            path::text(&e.doc, "events[0].place.name"),
            "Halvik",
            "{}",
            e.said
        );
        assert_eq!(path::len(&e.doc, "actors"), 0);
    }

    #[test]
    fn an_undated_event_is_dated_the_story_s_day_or_the_day_before_and_says_so() {
        let e = editor()
            .apply(Action::Add(List::Events))
            .apply(Action::Undated(0));
        assert_eq!(
            path::text(&e.doc, "events[0].date"),
            "[2024-06-02,2024-06-03]"
        );
        let how = path::text(&e.doc, "events[0].date_inferred");
        assert!(how.contains("Mon 3 Jun 2024"), "{how}");
        assert_eq!(e.said, how);
        // One step back takes both away.
        let e = e.apply(Action::Undo);
        assert_eq!(path::text(&e.doc, "events[0].date"), "");
        assert_eq!(path::text(&e.doc, "events[0].date_inferred"), "");
    }

    #[test]
    fn an_address_committed_without_its_scheme_is_a_web_page_s() {
        let e = editor().apply(Action::SetText {
            path: "story.url".into(),
            text: "northerncourier.example/halvik".into(),
            typing: true,
        });
        // Left as typed while it is typed…
        assert_eq!(
            path::text(&e.doc, "story.url"),
            "northerncourier.example/halvik"
        );
        let e = e.apply(Action::SetText {
            path: "story.url".into(),
            text: "northerncourier.example/halvik".into(),
            typing: false,
        });
        // …and a web page's once committed.
        assert_eq!(
            path::text(&e.doc, "story.url"),
            "https://northerncourier.example/halvik"
        );
    }

    #[test]
    fn a_name_typed_in_a_reference_becomes_its_id() {
        let e = Editor::new(json!({
            "sources": [{"id": "army", "name": "the army", "kind": "official_statement"}],
            "actors": [{"id": "army", "name": "The Army"}, {"id": "front", "name": "Eastern Front"}],
            "events": [{"participants": [{"actor": "eastern front"}], "status": {"denied_by": ["the army"]}}]
        }));
        let e = e.apply(Action::Resolve(
            "events[0].participants[0].actor".into(),
            Target::Actor,
        ));
        assert_eq!(
            path::text(&e.doc, "events[0].participants[0].actor"),
            "front"
        );
        // An id already is left as it is, though it is a name too.
        let e = e.apply(Action::Resolve(
            "events[0].status.denied_by[0]".into(),
            Target::Party,
        ));
        assert_eq!(path::text(&e.doc, "events[0].status.denied_by[0]"), "army");
        let e = e.apply(Action::SetText {
            path: "events[0].status.denied_by[0]".into(),
            text: "eastern FRONT".into(),
            typing: false,
        });
        let e = e.apply(Action::Resolve(
            "events[0].status.denied_by[0]".into(),
            Target::Party,
        ));
        assert_eq!(path::text(&e.doc, "events[0].status.denied_by[0]"), "front");
        // A name no item has stays, for the checker to name.
        let e = e.apply(Action::SetText {
            path: "events[0].participants[0].actor".into(),
            text: "the navy".into(),
            typing: false,
        });
        let e = e.apply(Action::Resolve(
            "events[0].participants[0].actor".into(),
            Target::Actor,
        ));
        assert_eq!(
            path::text(&e.doc, "events[0].participants[0].actor"),
            "the navy"
        );
    }

    #[test]
    fn a_tally_is_known_by_its_figure_and_counter() {
        let e = Editor::new(json!({
            "sources": [{"id": "ministry", "name": "the health ministry", "kind": "official_statement"}],
            "tallies": [
                {"id": "t-ministry-unknown", "counted_by": "ministry", "count": {"qualifier": "at_least", "value": 23}},
                {"id": "t-ministry-unknown-2", "counted_by": "ministry", "outcome": "wounded", "count": {"qualifier": "exact", "low": 40, "high": 60}},
                {"id": "t-new", "counted_by": "ministry"}
            ]
        }));
        assert_eq!(
            e.name_of(List::Tallies, 0),
            "at least 23 killed, by the health ministry"
        );
        assert_eq!(
            e.name_of(List::Tallies, 1),
            "40–60 wounded, by the health ministry"
        );
        // With no count yet, its id.
        assert_eq!(e.name_of(List::Tallies, 2), "t-new");
    }

    #[test]
    fn a_fact_whose_sentence_names_no_speaker_is_never_silently_the_last_source_s() {
        let story = |with_outlet: bool| {
            let e = drafted(
                "Port strike",
                "2024-06-03",
                "Dockworkers walked out on Monday, the union said.\n\nThe strike closed 12 berths.",
            );
            let e = if with_outlet {
                e.apply(Action::NewSource {
                    name: "The Example Times".into(),
                    kind: "article".into(),
                })
            } else {
                e
            };
            let e = e.apply(Action::NewSource {
                name: "the union".into(),
                kind: "group_statement".into(),
            });
            let berths = e
                .suggestions()
                .into_iter()
                .find(|s| s.words.contains("12 berths") && matches!(s.fact, Fact::Happening { .. }))
                .expect("the event is offered");
            e.apply(Action::Accept(berths))
        };
        // The article's own reporting, where the story has it as a source.
        let e = story(true);
        assert_eq!(
            path::text(&e.doc, "events[0].provenance[0].source"),
            "example-times"
        );
        assert!(e.said.contains("the article's own reporting"), "{}", e.said);
        // Else the source used last, said so.
        let e = story(false);
        assert_eq!(
            path::text(&e.doc, "events[0].provenance[0].source"),
            "union"
        );
        assert!(e.said.contains("names no speaker"), "{}", e.said);
        // Opened again, the draft offers no event it already quotes (the
        // figure in it, yes).
        let again = Editor::new((*e.doc).clone());
        let offered = again.suggestions();
        assert!(
            !offered
                .iter()
                .any(|s| s.words.contains("12 berths") && matches!(s.fact, Fact::Happening { .. })),
            "{offered:?}"
        );
        assert!(again
            .suggestions()
            .iter()
            .any(|s| s.words == "12 berths" && matches!(s.fact, Fact::Figure { .. })));
    }

    #[test]
    fn a_selection_becomes_an_event_a_figure_and_undoes_step_by_step() {
        let e = editor();
        let e = select(e, 1, "Dockworkers at Port Example walked out on Monday");
        // No source yet: only an actor can be made.
        assert_eq!(e.quote_options().len(), 1);
        let e = e.apply(Action::NewSource {
            name: "the dockworkers' union".into(),
            kind: "group_statement".into(),
        });
        assert_eq!(e.source, "dockworkers-union");
        let e = e.apply(Action::QuoteAs(QuoteAs::New(List::Events)));
        assert_eq!(e.open, Some((List::Events, 0)));
        assert_eq!(
            path::get(&e.doc, "events[0].provenance[0]"),
            Some(
                &json!({"source": "dockworkers-union", "quote": "Dockworkers at Port Example walked out on Monday", "paragraph": 1})
            )
        );
        assert_eq!(e.selection, None);
        let e = e.apply(Action::NewSource {
            name: "the harbour master".into(),
            kind: "official_statement".into(),
        });
        let e = select(e, 2, "At least 40 ships were waiting to unload");
        let e = e.apply(Action::QuoteAs(QuoteAs::Quantity));
        // The figure has its own source and words; the event keeps its one quote.
        assert_eq!(
            path::get(&e.doc, "events[0].quantities[0]"),
            Some(
                &json!({"unit": "ships", "count": {"qualifier": "at_least", "value": 40},
                "provenance": {"source": "harbour-master", "quote": "At least 40 ships were waiting to unload", "paragraph": 2}})
            )
        );
        assert_eq!(path::len(&e.doc, "events[0].provenance"), 1);
        // Typing a summary is one step; naming gives the id.
        let mut e = e;
        for text in ["D", "Do", "Dockworkers walk out, halting the port."] {
            e = e.apply(Action::Set {
                path: "events[0].summary".into(),
                value: json!(text),
                typing: true,
            });
        }
        let e = e.apply(Action::Named(List::Events, 0));
        assert_eq!(
            path::text(&e.doc, "events[0].id"),
            "e-dockworkers-walk-out-halting"
        );
        let e = e.apply(Action::Undo);
        assert_eq!(path::text(&e.doc, "events[0].summary"), "");
        assert_eq!(path::len(&e.doc, "events[0].quantities"), 1);
        let e = e.apply(Action::Redo);
        assert_eq!(
            path::text(&e.doc, "events[0].summary"),
            "Dockworkers walk out, halting the port."
        );
    }

    #[test]
    fn a_fact_taken_up_is_credited_to_whom_its_sentence_names() {
        let e = editor()
            .apply(Action::NewSource {
                name: "the harbour master".into(),
                kind: "official_statement".into(),
            })
            .apply(Action::NewSource {
                name: "the union".into(),
                kind: "group_statement".into(),
            });
        assert_eq!(e.source, "union");
        let ships = e
            .suggestions()
            .into_iter()
            .find(|s| s.words == "At least 40 ships")
            .expect("the figure is offered");
        let e = e.apply(Action::Accept(ships));
        assert_eq!(
            path::text(&e.doc, "events[0].provenance[0].source"),
            "harbour-master"
        );
        assert!(
            e.said.contains("Credited to the harbour master"),
            "{}",
            e.said
        );
        // A speaker the story has no source for is named, not guessed.
        let e = editor().apply(Action::NewSource {
            name: "the union".into(),
            kind: "group_statement".into(),
        });
        let ships = e
            .suggestions()
            .into_iter()
            .find(|s| s.words == "At least 40 ships")
            .expect("the figure is offered");
        let e = e.apply(Action::Accept(ships));
        assert_eq!(
            path::text(&e.doc, "events[0].provenance[0].source"),
            "union"
        );
        assert!(
            e.said.contains("names the harbour master as the speaker"),
            "{}",
            e.said
        );
    }

    #[test]
    fn selected_words_are_credited_to_their_clauses_speaker_and_a_tally_takes_its_sentences_outcome(
    ) {
        let e = drafted(
            "Strike",
            "2025-03-03",
            "Police detained 14 strikers on Tuesday night, according to the interior ministry; the union put the number at 20.",
        );
        let e = ["the union", "the interior ministry"]
            .iter()
            .fold(e, |e, name| {
                e.apply(Action::NewSource {
                    name: (*name).into(),
                    kind: "official_statement".into(),
                })
            });
        let ministry = e.source.clone();
        let union = path::text(&e.doc, "sources[0].id").to_owned();
        assert_ne!(ministry, union);
        // The union's 20: its clause names no speaker, so it is not the
        // ministry's, whose source it keeps only if chosen.
        let e = e.apply(Action::Source(union.clone()));
        let e = select(e, 1, "the union put the number at 20");
        let e = e.apply(Action::QuoteAs(QuoteAs::New(List::Tallies)));
        assert_eq!(path::text(&e.doc, "tallies[0].counted_by"), union);
        assert_eq!(
            path::text(&e.doc, "tallies[0].outcome"),
            "detained",
            "from its sentence"
        );
        assert!(!e.said.contains("counts the killed"), "{}", e.said);
        // The ministry's 14, selected backwards while the union is the source.
        let e = select(e, 1, "Police detained 14 strikers on Tuesday night");
        let forwards = e.selection.unwrap();
        let e = e.apply(Action::Select(Some(Selection {
            start: forwards.end,
            end: forwards.start,
            ..forwards
        })));
        let e = e.apply(Action::QuoteAs(QuoteAs::New(List::Tallies)));
        assert_eq!(path::text(&e.doc, "tallies[1].counted_by"), ministry);
        assert!(
            e.said.contains("Credited to the interior ministry"),
            "{}",
            e.said
        );
        // Words whose clause names no one: the source chosen, said so.
        let e = select(e, 1, "the union put the number at 20");
        let e = e.apply(Action::QuoteAs(QuoteAs::New(List::Tallies)));
        assert_eq!(path::text(&e.doc, "tallies[2].counted_by"), ministry);
        assert!(e.said.contains("name no speaker"), "{}", e.said);
        // A figure's own outcome comes before its sentence's first.
        let e = drafted(
            "Raid",
            "2025-03-03",
            "14 were detained and 3 killed in the raid.",
        );
        // Killed, the default, is left out: neither is the first figure's
        // "detained".
        let mut e = e;
        for (k, words) in ["3 killed", "3"].into_iter().enumerate() {
            e = select(e, 1, words).apply(Action::QuoteAs(QuoteAs::New(List::Tallies)));
            let outcome = path::text(&e.doc, &format!("tallies[{k}].outcome")).to_owned();
            assert_eq!(outcome, "", "{words}: the figure at the words");
        }
        // Words that say nothing of what befell them are said to count the killed.
        let e = drafted("Toll", "2025-03-03", "The toll stood at 30 on Monday.");
        let e = select(e, 1, "The toll stood at 30");
        let e = e.apply(Action::QuoteAs(QuoteAs::New(List::Tallies)));
        assert!(e.said.contains("counts the killed"), "{}", e.said);
    }

    #[test]
    fn a_standing_chosen_names_whose_word_it_is_from_the_first_quote() {
        let e = editor().apply(Action::NewSource {
            name: "the union".into(),
            kind: "group_statement".into(),
        });
        let e = select(e, 1, "Dockworkers at Port Example walked out on Monday");
        let e = e.apply(Action::QuoteAs(QuoteAs::New(List::Events)));
        let e = e.apply(Action::SetText {
            path: "events[0].status.state".into(),
            text: "claimed".into(),
            typing: false,
        });
        assert_eq!(
            path::get(&e.doc, "events[0].status.by"),
            Some(&json!(["union"]))
        );
        assert!(e.said.starts_with("Claimed by the union"), "{}", e.said);
        // Named already: left as it is.
        let e = e
            .apply(Action::Set {
                path: "events[0].status.by".into(),
                value: json!(["harbour"]),
                typing: false,
            })
            .apply(Action::SetText {
                path: "events[0].status.state".into(),
                text: "alleged".into(),
                typing: false,
            });
        assert_eq!(
            path::get(&e.doc, "events[0].status.by"),
            Some(&json!(["harbour"]))
        );
        // Reported: no one to name.
        let e = e
            .apply(Action::Remove("events[0].status.by".into()))
            .apply(Action::SetText {
                path: "events[0].status.state".into(),
                text: "reported".into(),
                typing: false,
            });
        assert_eq!(path::len(&e.doc, "events[0].status.by"), 0);
    }

    #[test]
    fn keys_typed_wait_for_the_checks_and_the_suggestions_read_only_what_they_read() {
        let e = editor();
        let before = e.read_for_suggestions();
        let e = e.apply(Action::Add(List::Events));
        assert!(!e.typed, "adding an event is checked at once");
        let e = e.apply(Action::SetText {
            path: "events[0].summary".into(),
            text: "Dockworkers walk out".into(),
            typing: true,
        });
        assert!(e.typed, "a key typed waits for a pause");
        // A summary is not what suggestions read: they need not be read again.
        assert_eq!(e.read_for_suggestions(), before);
        assert_eq!(e.suggestions_from(&before), e.suggestions());
        let e = e.apply(Action::SetText {
            path: "events[0].kind".into(),
            text: "peaceful_protest".into(),
            typing: false,
        });
        assert!(!e.typed, "a menu's choice is checked at once");
        // A new source's name is: the suggestions read again.
        let e = e.apply(Action::NewSource {
            name: "the harbour master".into(),
            kind: "official_statement".into(),
        });
        assert_ne!(e.read_for_suggestions(), before);
    }

    #[test]
    fn removing_the_last_of_an_optional_list_leaves_no_empty_list() {
        let mut e = editor();
        e = e.apply(Action::Add(List::Actors));
        e = e.apply(Action::Append {
            path: "actors[0].roles".into(),
            value: json!({"title": "x"}),
        });
        e = e.apply(Action::Append {
            path: "actors[0].roles".into(),
            value: json!({"title": "y"}),
        });
        e = e.apply(Action::Remove("actors[0].roles[1]".into()));
        assert_eq!(path::len(&e.doc, "actors[0].roles"), 1);
        e = e.apply(Action::Remove("actors[0].roles[0]".into()));
        assert_eq!(path::get(&e.doc, "actors[0].roles"), None);
        // A required list stays, empty, for the validator to name.
        e = e.apply(Action::Add(List::Events));
        e = e.apply(Action::Append {
            path: "events[0].provenance".into(),
            value: json!({}),
        });
        e = e.apply(Action::Remove("events[0].provenance[0]".into()));
        assert_eq!(path::get(&e.doc, "events[0].provenance"), Some(&json!([])));
        assert_eq!(
            clip("Floods cut off at least 12 villages in the hills west", 40),
            "Floods cut off at least 12 villages in…"
        );
    }

    #[test]
    fn nothing_points_where_it_no_longer_should() {
        let e = editor().apply(Action::NewSource {
            name: "union".into(),
            kind: "group_statement".into(),
        });
        let e =
            select(e, 1, "walked out on Monday").apply(Action::QuoteAs(QuoteAs::New(List::Events)));
        // A quote waiting to be re-anchored, then its event removed: the
        // next selection cannot write into a path that is gone.
        let e = e.apply(Action::Reanchor(Some("events[0].provenance[0]".into())));
        let e = e.apply(Action::Remove("events[0]".into()));
        assert_eq!(e.reanchor, None);
        let e = select(e, 1, "walked out");
        assert!(!e
            .quote_options()
            .iter()
            .any(|(q, _)| matches!(q, QuoteAs::Replace(_))));
        // A selection does not survive the paragraphs moving under it.
        let e = e.apply(Action::SplitParagraph(
            1,
            "Dockworkers at Port Example".len(),
        ));
        assert_eq!(e.selection, None);
        // Ids: an empty or taken id is refused; the quote source follows a rename.
        let e = e.apply(Action::NewSource {
            name: "harbour master".into(),
            kind: "official_statement".into(),
        });
        let e = e.apply(Action::RenameId(List::Sources, 1, "union".into()));
        assert_eq!(path::text(&e.doc, "sources[1].id"), "harbour-master");
        assert!(e.said.contains("taken"), "{}", e.said);
        let e = e.apply(Action::RenameId(List::Sources, 1, "".into()));
        assert_eq!(path::text(&e.doc, "sources[1].id"), "harbour-master");
        let e = e.apply(Action::RenameId(List::Sources, 1, "harbour".into()));
        assert_eq!(e.source, "harbour");
        let e = e.apply(Action::Remove("sources[1]".into()));
        assert_eq!(e.source, "union");
        // Text becomes a number where the format has one; an optional field
        // left empty goes, a list's element stays while it is retyped.
        let e = e.apply(Action::Add(List::Tallies));
        let e = e.apply(Action::SetText {
            path: "tallies[0].count.value".into(),
            text: "23".into(),
            typing: true,
        });
        assert_eq!(
            path::get(&e.doc, "tallies[0].count.value"),
            Some(&json!(23))
        );
        let e = e.apply(Action::SetText {
            path: "tallies[0].place".into(),
            text: "".into(),
            typing: true,
        });
        assert_eq!(path::get(&e.doc, "tallies[0].place"), None);
        let e = e.apply(Action::Append {
            path: "tallies[0].events".into(),
            value: json!("x"),
        });
        let e = e.apply(Action::SetText {
            path: "tallies[0].events[0]".into(),
            text: "".into(),
            typing: true,
        });
        assert_eq!(path::get(&e.doc, "tallies[0].events"), Some(&json!([""])));
    }

    #[test]
    fn a_stale_quote_is_anchored_again_from_a_selection() {
        let e = editor().apply(Action::NewSource {
            name: "union".into(),
            kind: "group_statement".into(),
        });
        let e =
            select(e, 1, "walked out on Monday").apply(Action::QuoteAs(QuoteAs::New(List::Events)));
        let e = e.apply(Action::EditParagraph(
            1,
            "Dockworkers at Port Example stopped work on Monday, the union said.".into(),
        ));
        let stale = draft::stale_quotes(&e.doc);
        assert_eq!(stale.len(), 1);
        let e = e.apply(Action::Reanchor(Some(stale[0].0.path.clone())));
        let e = select(e, 1, "stopped work on Monday");
        assert!(matches!(e.quote_options()[0].0, QuoteAs::Replace(_)));
        let first = e.quote_options()[0].0.clone();
        let e = e.apply(Action::QuoteAs(first));
        assert!(draft::stale_quotes(&e.doc).is_empty());
        assert_eq!(e.reanchor, None);
    }

    #[test]
    fn a_suggestion_taken_up_makes_its_fact_from_its_words() {
        let e = editor();
        let offered = e.suggestions();
        let find = |e: &Editor, words: &str| {
            e.suggestions()
                .into_iter()
                .find(|s| s.words == words)
                .unwrap_or_else(|| panic!("{words}: {:?}", e.suggestions()))
        };
        // Who speaks: a source, of the kind its words suggest, said aloud.
        let union = find(&e, "the union");
        let e = e.apply(Action::Accept(union));
        assert_eq!(e.source, "union");
        assert_eq!(path::text(&e.doc, "sources[0].kind"), "group_statement");
        assert!(e.said.contains("taken as a group statement"), "{}", e.said);
        // A figure with no event open: a new event quoting those words.
        let ships = find(&e, "At least 40 ships");
        let e = e.apply(Action::Accept(ships));
        assert_eq!(e.open, Some((List::Events, 0)));
        assert_eq!(
            path::text(&e.doc, "events[0].provenance[0].quote"),
            "At least 40 ships"
        );
        // A weekday: the open event's date, with the words and how it was read.
        let monday = find(&e, "Monday");
        let e = e.apply(Action::Accept(monday));
        assert_eq!(path::text(&e.doc, "events[0].date"), "2024-06-03");
        assert_eq!(path::text(&e.doc, "events[0].date_text"), "Monday");
        assert!(path::text(&e.doc, "events[0].date_inferred").starts_with("its “Monday”"));
        // Taken up or put aside, a suggestion is not offered again.
        let master = find(&e, "the harbour master");
        let e = e.apply(Action::Dismiss(master.clone()));
        assert!(!e.suggestions().contains(&master));
        assert_eq!(e.suggestions().len(), offered.len() - 4);
    }

    #[test]
    fn a_date_typed_in_words_is_written_as_the_format_writes_it_once_committed() {
        let e = editor().apply(Action::Add(List::Events));
        let set = |e: Editor, text: &str, typing: bool| {
            e.apply(Action::SetText {
                path: "events[0].date".into(),
                text: text.into(),
                typing,
            })
        };
        // While typing, the text stays as it is.
        let e = set(e, "Monday", true);
        assert_eq!(path::text(&e.doc, "events[0].date"), "Monday");
        // Committed: the story's Monday (published Monday 3 June 2024), a
        // day in words; the format's own forms, and what cannot be read,
        // stay as written.
        let mut e = e;
        for (typed, written) in [
            ("Monday", "2024-06-03"),
            ("Friday", "2024-05-31"),
            ("1 June 2024", "2024-06-01"),
            ("2024-05", "2024-05"),
            ("soon", "soon"),
        ] {
            e = set(e, typed, false);
            assert_eq!(path::text(&e.doc, "events[0].date"), written, "{typed}");
        }
    }

    #[test]
    fn a_new_event_like_another_copies_what_they_share() {
        let e = editor();
        let e = select(e, 1, "Dockworkers at Port Example walked out on Monday");
        let e = e.apply(Action::QuoteAs(QuoteAs::New(List::Events)));
        let e = e.apply(Action::Set {
            path: "events[0].place".into(),
            value: json!({"name": "Port Example"}),
            typing: false,
        });
        let e = e.apply(Action::LikeThis(0));
        assert_eq!(e.open, Some((List::Events, 1)));
        assert_eq!(path::text(&e.doc, "events[1].place.name"), "Port Example");
        assert_eq!(
            path::get(&e.doc, "events[1].status"),
            path::get(&e.doc, "events[0].status")
        );
        assert_eq!(path::text(&e.doc, "events[1].date"), "");
        assert_eq!(path::len(&e.doc, "events[1].provenance"), 0);
        let e = e.apply(Action::Undo);
        assert_eq!(path::len(&e.doc, "events"), 1);
    }

    #[test]
    fn a_part_says_what_it_takes_from_its_whole() {
        let e = editor();
        let e = select(e, 1, "Dockworkers at Port Example walked out on Monday");
        let e = e.apply(Action::QuoteAs(QuoteAs::New(List::Events)));
        let e = e.apply(Action::Set {
            path: "events[0].id".into(),
            value: json!("e-walkout"),
            typing: false,
        });
        let e = e.apply(Action::Set {
            path: "events[0].place".into(),
            value: json!({"name": "Port Example"}),
            typing: false,
        });
        assert_eq!(e.inherits(0), None);
        let e = e.apply(Action::Add(List::Events));
        let e = e.apply(Action::Set {
            path: "events[1].part_of".into(),
            value: json!("e-walkout"),
            typing: false,
        });
        let e = e.apply(Action::Remove("events[1].status".into()));
        let said = e.inherits(1).unwrap();
        assert!(
            said.contains("From it: place Port Example, status reported"),
            "{said}"
        );
    }

    #[test]
    fn one_sentence_makes_one_event() {
        let e = drafted(
            "Market struck",
            "2024-01-08",
            "Jets struck the market and killed 12 people.",
        );
        let kinds = |e: &Editor| {
            e.suggestions()
                .into_iter()
                .filter(|s| matches!(s.fact, Fact::Happening { .. }))
                .count()
        };
        assert_eq!(kinds(&e), 2, "struck and killed: {:?}", e.suggestions());
        let strike = e
            .suggestions()
            .into_iter()
            .find(|s| matches!(s.fact, Fact::Happening { .. }))
            .unwrap();
        let e = e.apply(Action::Accept(strike));
        assert_eq!(path::len(&e.doc, "events"), 1);
        assert_eq!(kinds(&e), 0);
        // The toll in it is still offered.
        assert!(e
            .suggestions()
            .iter()
            .any(|s| matches!(s.fact, Fact::Figure { .. })));
    }
}
