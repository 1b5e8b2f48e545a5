//! The whole state of the app shell: one [`App`], changed only by [`super::update::update`]
//! and drawn by [`super::render::render`] from an immutable borrow.

use super::editor::Editor;
use super::selection::Item;
use super::strings;
use crate::sim::{Cluster, ClusterConfig, Simulation};

/// Which text-entry mode (if any) has the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Keys act on the selection.
    Normal,
    /// The `:` kubectl command line.
    Command,
    /// The story input line opened by `w`.
    StoryPrompt,
    /// The manifest editor.
    Editor,
    /// The `/` filter line: the diagram and the log show what matches as it is typed.
    Filter,
}

/// The lesson file `--watch` follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Watch {
    /// The file.
    pub file: std::path::PathBuf,
    /// Its modification time when last loaded (`None`: it could not be read).
    pub modified: Option<std::time::SystemTime>,
}

/// Which screen is up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The lesson picker.
    Picker,
    /// The cluster with its panes: a lesson, or the sandbox.
    Play,
    /// Quiz mode: a question, its scenario, feedback, the review.
    Quiz,
}

/// The pane shown in the small (tabbed) layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// The cluster tree (or diagram).
    Cluster,
    /// The event log.
    Log,
    /// The lesson text.
    Lesson,
}

/// What a log line is about, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogKind {
    /// A command the learner ran.
    Command,
    /// kubectl's standard output or an app's answer.
    Output,
    /// kubectl's standard error or a refused action.
    Error,
    /// A new Kubernetes event.
    Event,
    /// Stories that were destroyed.
    Loss,
    /// A lesson goal that became true, a step done.
    Goal,
    /// kubestory's own note (undo, restored draft…).
    Note,
}

/// One line of the event log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    /// What it is about.
    pub kind: LogKind,
    /// The text (one line).
    pub text: String,
}

/// Work the shell must do outside `update` (it touches the terminal or the disk).
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Suspend the TUI and edit the draft in `$EDITOR`.
    ExternalEditor,
    /// Give the terminal back and stop as a shell job until `fg` (Ctrl-Z).
    Suspend,
    /// Save a quiz's results: appended to the local history, and written to `export`.
    SaveQuizResults {
        /// One row per question of the round.
        rows: Vec<crate::lesson::quiz::results::ResultRow>,
        /// `--export PATH`.
        export: Option<std::path::PathBuf>,
    },
    /// Tell the speaker-notes terminal what the presenter shows now.
    PublishPresent(Box<super::present::Session>),
}

/// The app's state.
pub struct App {
    /// The cluster and its undo history.
    pub sim: Simulation,
    /// The selected thing, shared with the diagram.
    pub selected: Option<Item>,
    /// The row of the selection last time it existed, so deleting it selects a neighbour.
    pub selected_row: usize,
    /// Who has the keyboard.
    pub mode: Mode,
    /// The pane shown in the small layout.
    pub tab: Tab,
    /// The event log, oldest first.
    pub log: Vec<LogLine>,
    /// How many lines the log is scrolled back from its end (0: following new lines).
    pub log_scroll: usize,
    /// The text of the command line or the story input line being typed, with its cursor.
    pub line: super::line_edit::LineEdit,
    /// Commands run from the command line (this lesson's, or the sandbox's), kept between
    /// runs in the state folder.
    pub history: super::history::History,
    /// A Ctrl-R search over the history in progress.
    pub search: Option<super::search::Search>,
    /// Lines of a multi-line paste still to come up on the command line, one per Enter.
    pub pasted: std::collections::VecDeque<String>,
    /// The manifest editor.
    pub editor: Editor,
    /// Whether the help overlay is open.
    pub help: bool,
    /// A one-line message for the status bar (errors of keys, completions…).
    pub message: Option<String>,
    /// Set when the learner quits.
    pub quit: bool,
    /// Which screen is up.
    pub screen: Screen,
    /// The lesson being played (`None`: the sandbox or the picker).
    pub player: Option<super::player::Player>,
    /// The lesson picker.
    pub picker: super::picker::Picker,
    /// Where the learner stands in every lesson.
    pub progress: crate::lesson::progress::Progress,
    /// Where progress and drafts are saved (`None`: nothing is saved, as in tests).
    pub state_dir: Option<std::path::PathBuf>,
    /// What the sandbox starts as (`--profile`, `--nodes`).
    pub sandbox_cluster: ClusterConfig,
    /// The name the editor's buffer goes by for `kubectl apply -f NAME` (`editor.yaml` in
    /// the sandbox, the step's manifest name in a lesson).
    pub editor_file: String,
    /// Frames left of the data-loss flash (the event loop ticks while it is non-zero).
    pub flash: u8,
    /// The lesson file reloaded when it changes (`--watch`).
    pub watch: Option<Watch>,
    /// Draw with ASCII only (`--ascii`).
    pub ascii: bool,
    /// Use colours (off with `NO_COLOR`).
    pub color: bool,
    /// The terminal size.
    pub size: (u16, u16),
    /// Work for the shell.
    pub effects: Vec<Effect>,
    /// The draft changed since it was last saved.
    pub draft_dirty: bool,
    /// Events already shown in the log (by `seq`).
    pub seen_event_seq: u64,
    /// Losses already shown in the log.
    pub seen_losses: usize,
    /// Index of the first loss the last action caused: the diagram marks
    /// `losses[highlight_from..seen_losses]` as lost, with their why.
    pub highlight_from: usize,
    /// Where the editor buffer is kept between runs (the draft file in the state folder);
    /// `None` when it is not kept (a quiz's scratch answer, a run without a state folder).
    pub draft_path: Option<std::path::PathBuf>,
    /// The output of the learner's last action, over the panes until the next key (see
    /// [`super::drawer`]).
    pub drawer: Option<super::drawer::Drawer>,
    /// How many log lines the learner has had on screen (the Log tab marks the rest unread).
    pub log_seen: usize,
    /// Which draft the editor holds (see [`super::drafts`]).
    pub draft_slot: String,
    /// Every draft edited this session, by slot: switching steps never depends on the disk.
    pub drafts: std::collections::BTreeMap<String, String>,
    /// Where a slot's text went when its draft file could not be written (a private file the
    /// learner is shown at once and again on quitting).
    pub rescued: std::collections::BTreeMap<String, std::path::PathBuf>,
    /// The colour scheme (`--theme`, remembered in the state folder).
    pub theme: super::theme::ThemeName,
    /// Classroom mode's state (`kubestory present`; `None` otherwise).
    pub present: Option<super::present::Present>,
    /// Quiz mode's state (`None` outside a quiz).
    pub quiz: Option<super::quiz::QuizUi>,
    /// Milliseconds since kubestory started, set by the shell before every action (tests set
    /// it by hand): quiz answer times and time limits read it, never the wall clock.
    pub clock_ms: u64,
    /// The date and time now (RFC 3339), set by the shell like `clock_ms`, for quiz results.
    pub clock_date: String,
    /// A `kubectl edit` in the editor (`None` when the editor holds the draft).
    pub edit: Option<super::edit_session::UiEdit>,
    /// The delete command Ctrl-D asks about (y runs it, n or Esc keeps the object).
    pub confirm: Option<String>,
    /// Where the sandbox's changes are kept for next time (`None`: not kept).
    pub journal: Option<super::sandbox::Journal>,
    /// The `/` filter: the diagram keeps the objects whose name contains it (and what they
    /// need), the log the lines that contain it; case-insensitive. `None`: everything.
    pub filter: Option<String>,
    /// The interactive container shell (`kubectl exec -it POD -- sh`), while it is open.
    pub shell: Option<super::shell::ShellUi>,
    /// Files `kubectl cp POD:PATH LOCAL` copied out of containers: kept in memory over the
    /// workspace (`-f` and `cp` read them), never written to disk.
    pub copied: crate::kubectl::MemoryFiles,
    /// The running simulated clock: paused or not, and how fast (see [`super::clock`]).
    pub clock: super::clock::Clock,
    /// The watch streaming into the log (`kubectl get -w`), until Esc.
    pub following: Option<Box<dyn crate::kubectl::watch::Follow>>,
    /// A session for a remote stranger (`kubestory serve`): `-f` and `cp` read only the
    /// editor's buffer, the lesson's manifests and in-memory copies, never the disk of the
    /// machine kubestory runs on (see [`super::remote_session`]).
    pub contained: bool,
    /// The prediction's verdict waits for the teacher's reveal (a class following the
    /// presenter votes first, then sees the answer together).
    pub hold_verdict: bool,
    /// Command lines that failed this session (a class's sign of being stuck), and the
    /// last of them as typed.
    pub failed_commands: u64,
    /// See [`App::failed_commands`].
    pub last_failed_command: String,
}

impl App {
    /// A sandbox on a fresh one-node minikube cluster.
    pub fn sandbox() -> App {
        App::new(Simulation::new(Cluster::new(ClusterConfig::default())))
    }

    /// An app around a simulation.
    pub fn new(sim: Simulation) -> App {
        let seen_event_seq = sim.cluster().events().map(|e| e.seq).max().unwrap_or(0);
        let seen_losses = sim.cluster().data().losses.len();
        let mut app = App {
            sim,
            selected: None,
            selected_row: 0,
            mode: Mode::Normal,
            tab: Tab::Cluster,
            log: Vec::new(),
            log_scroll: 0,
            line: super::line_edit::LineEdit::default(),
            history: super::history::History::default(),
            search: None,
            pasted: std::collections::VecDeque::new(),
            editor: Editor::new(""),
            help: false,
            message: None,
            quit: false,
            screen: Screen::Play,
            player: None,
            picker: super::picker::Picker::default(),
            progress: crate::lesson::progress::Progress::default(),
            state_dir: None,
            sandbox_cluster: ClusterConfig::default(),
            editor_file: strings::EDITOR_FILE.to_string(),
            flash: 0,
            watch: None,
            ascii: false,
            color: true,
            size: (120, 40),
            effects: Vec::new(),
            draft_dirty: false,
            seen_event_seq,
            seen_losses,
            highlight_from: seen_losses,
            draft_path: None,
            drawer: None,
            log_seen: 0,
            draft_slot: super::drafts::SANDBOX_SLOT.to_string(),
            drafts: std::collections::BTreeMap::new(),
            rescued: std::collections::BTreeMap::new(),
            theme: super::theme::ThemeName::Dark,
            present: None,
            quiz: None,
            clock_ms: 0,
            clock_date: String::new(),
            edit: None,
            confirm: None,
            journal: None,
            filter: None,
            shell: None,
            copied: crate::kubectl::MemoryFiles::new(),
            clock: super::clock::Clock::default(),
            following: None,
            contained: false,
            hold_verdict: false,
            failed_commands: 0,
            last_failed_command: String::new(),
        };
        app.note(strings::EMPTY_LOG);
        app.fix_selection();
        app
    }

    /// Whether a lesson is being played (lesson keys work only then).
    pub fn in_lesson(&self) -> bool {
        self.player.is_some() && self.screen == Screen::Play
    }

    /// Replaces the cluster (a lesson's step rebuilt, the sandbox opened): the log starts
    /// over and nothing that happened before is reported as new.
    pub fn reset_sim(&mut self, sim: Simulation) {
        self.sim = sim;
        // Files copied out of the old cluster's containers belonged to it.
        self.copied = crate::kubectl::MemoryFiles::new();
        self.seen_event_seq = self.cluster().events().map(|e| e.seq).max().unwrap_or(0);
        self.seen_losses = self.cluster().data().losses.len();
        self.highlight_from = self.seen_losses;
        self.flash = 0;
        self.log.clear();
        self.log_scroll = 0;
        self.selected = None;
        self.selected_row = 0;
        // A watch of the old cluster ends with it (its rows would compare two clusters).
        self.following = None;
        self.fix_selection();
    }

    /// The cluster as the diagram and the selection see it: filtered by `/` when a filter is
    /// set ([`Cluster::filtered`]), else the cluster itself.
    pub fn view(&self) -> std::borrow::Cow<'_, Cluster> {
        match &self.filter {
            Some(f) => {
                let needle = f.to_lowercase();
                std::borrow::Cow::Owned(
                    self.cluster()
                        .filtered(|name| name.to_lowercase().contains(&needle)),
                )
            }
            None => std::borrow::Cow::Borrowed(self.cluster()),
        }
    }

    /// The log lines the log pane shows: those containing the `/` filter, or all.
    pub fn shown_log(&self) -> std::borrow::Cow<'_, [LogLine]> {
        match &self.filter {
            Some(f) => {
                let needle = f.to_lowercase();
                std::borrow::Cow::Owned(
                    self.log
                        .iter()
                        .filter(|l| l.text.to_lowercase().contains(&needle))
                        .cloned()
                        .collect(),
                )
            }
            None => std::borrow::Cow::Borrowed(&self.log),
        }
    }

    /// The cluster now.
    pub fn cluster(&self) -> &Cluster {
        self.sim.cluster()
    }

    /// Adds a line (or several) to the log.
    pub fn push_log(&mut self, kind: LogKind, text: &str) {
        self.log_scroll = 0;
        for line in text.lines() {
            self.log.push(LogLine {
                kind,
                text: line.to_string(),
            });
        }
    }

    /// Adds a kubestory note to the log.
    pub fn note(&mut self, text: &str) {
        self.push_log(LogKind::Note, text);
    }

    /// Keeps the selection on an existing row: the same item if it still exists, else the
    /// row where it was (a neighbour after a deletion).
    pub fn fix_selection(&mut self) {
        let rows = super::panes::cluster_tree::rows(&self.view());
        if rows.is_empty() {
            self.selected = None;
            return;
        }
        if let Some(sel) = &self.selected
            && let Some(i) = rows.iter().position(|r| &r.item == sel)
        {
            self.selected_row = i;
            return;
        }
        let i = self.selected_row.min(rows.len() - 1);
        self.selected_row = i;
        self.selected = Some(rows[i].item.clone());
    }
}
