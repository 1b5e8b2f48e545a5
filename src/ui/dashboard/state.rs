//! The dashboard's whole state: one [`Dashboard`], changed only by [`super::update::update`]
//! and drawn by [`super::render::render`], like the app's own Elm shape. What the server
//! knows (students, votes, the watched screen) is not here: it is read from the
//! [`super::Hub`] at every frame.

use super::table::SortBy;
use crate::ui::App;
use crate::ui::line_edit::LineEdit;
use crate::ui::theme::ThemeName;

/// How to run the dashboard (the server fills it from `kubestory serve`'s flags).
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Draw with ASCII characters only (`--ascii`).
    pub ascii: bool,
    /// Use colours (false when `NO_COLOR` is set).
    pub color: bool,
    /// The dashboard's colour scheme.
    pub theme: ThemeName,
    /// The presentation's colour scheme (`kubestory present` defaults to high contrast: it is
    /// for the projector).
    pub present_theme: ThemeName,
    /// The lessons the teacher can present and quiz on (the students' lessons).
    pub lessons: Vec<crate::lesson::LibraryLesson>,
}

/// Which screen is up.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The student table.
    #[default]
    Table,
    /// One student's screen, read-only (their name).
    Watch(String),
    /// The teacher's presentation.
    Present,
}

/// What the one-line editor at the bottom is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// `/`: the filter, applied as it is typed.
    Filter,
    /// `m` / `M`: a message to one student (`Some`) or to everyone.
    Message(Option<String>),
    /// `h`: a hint to one student.
    Hint(String),
    /// `Q`, after the lessons: the quiz's time limit (the lessons chosen).
    QuizTime(Vec<String>),
}

/// The one-line editor at the bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// What Enter does with the text.
    pub kind: PromptKind,
    /// The text and its cursor.
    pub line: LineEdit,
    /// Why the last Enter was refused (a time limit that does not parse), shown beside it.
    pub error: Option<String>,
}

/// What the lesson list (`p`, `Q`) is choosing for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChooserFor {
    /// The lesson to present.
    Present,
    /// The quiz's lessons: the first row is "every lesson".
    Quiz,
}

/// The lesson list over the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chooser {
    /// What the choice is for.
    pub purpose: ChooserFor,
    /// The selected row.
    pub selected: usize,
}

/// The teacher's presentation: a full local app in present mode, and the class's part in it.
pub struct Presenter {
    /// The app, as `kubestory present` runs it (nothing saved to disk).
    pub app: App,
    /// Follow mode: every student is moved to the presenter's step.
    pub follow: bool,
    /// Who voted what is shown under the tally (`N`); private by default.
    pub names: bool,
    /// The (lesson, step) last sent with `Follow`, so that only changes are sent.
    pub followed: Option<(String, usize)>,
}

/// The dashboard's state.
pub struct Dashboard {
    /// What is on screen.
    pub view: View,
    /// The table's order.
    pub sort: SortBy,
    /// The `/` filter (empty: everyone).
    pub filter: String,
    /// The selected student, by name (stays on them when the order changes).
    pub selected: Option<String>,
    /// The one-line editor, while open.
    pub prompt: Option<Prompt>,
    /// Text of a message or hint cancelled with Esc, offered again by the next `m`/`M`/`h`:
    /// nothing typed is lost to a stray key.
    pub draft: String,
    /// The lesson list, while open.
    pub chooser: Option<Chooser>,
    /// `q` asked whether to stop the class.
    pub confirm_quit: bool,
    /// The help overlay is open.
    pub help: bool,
    /// Set when the teacher confirmed: `run` returns.
    pub quit: bool,
    /// A one-line note for the teacher (what was sent, what went wrong).
    pub message: Option<String>,
    /// The presentation, once `p` started one (kept when the table is up).
    pub presenter: Option<Presenter>,
    /// The run's options (lessons, look).
    pub options: Options,
    /// The terminal's size, for clicks and the presentation's app.
    pub size: (u16, u16),
    /// How far the table is scrolled (its first row shown).
    pub scroll: usize,
}

impl Dashboard {
    /// A dashboard showing the table, sorted by name.
    pub fn new(options: Options) -> Dashboard {
        Dashboard {
            view: View::Table,
            sort: SortBy::Name,
            filter: String::new(),
            selected: None,
            prompt: None,
            draft: String::new(),
            chooser: None,
            confirm_quit: false,
            help: false,
            quit: false,
            message: None,
            presenter: None,
            options,
            size: (80, 24),
            scroll: 0,
        }
    }

    /// The lesson being presented and the step on screen (`None` outside a lesson, and on the
    /// recap).
    pub fn presented(&self) -> Option<(String, usize)> {
        let pl = self.presenter.as_ref()?.app.player.as_ref()?;
        (!pl.recap).then(|| (pl.lesson().id.clone(), pl.step))
    }

    /// The presented step, when it asks a prediction: (lesson id, step id, the question).
    pub fn presented_vote(&self) -> Option<(String, String, &crate::lesson::model::Predict)> {
        let pl = self.presenter.as_ref()?.app.player.as_ref()?;
        if pl.recap {
            return None;
        }
        let step = pl.current()?;
        let predict = step.predict.as_ref()?;
        Some((pl.lesson().id.clone(), step.id.clone(), predict))
    }

    /// Whether the presented step's answer was revealed (locally, with `v`).
    pub fn revealed(&self) -> bool {
        self.presenter
            .as_ref()
            .and_then(|p| p.app.player.as_ref())
            .is_some_and(|p| p.answer.is_some())
    }
}
