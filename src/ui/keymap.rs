//! The keymap as data (atuin's habit): each binding is keys → action, with the condition
//! under which it is active and a short label. Key handling, the status line and the `?` help
//! overlay all read this one table, so they can never disagree.

use super::action::{Action, Move};
use super::app::{App, Mode, Screen, Tab};
use super::quiz::Phase;
use crate::lesson::quiz::QuestionKind;
use ratatui_textarea::{Input, Key};

/// When a binding is active.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Browsing (no input line, editor or overlay).
    Browse,
    /// Browsing in the sandbox (not in a lesson), for keys lessons take over.
    Sandbox,
    /// Browsing during a lesson.
    Lesson,
    /// Browsing during a lesson whose step waits for a prediction.
    Predict,
    /// The lesson picker is up.
    Picker,
    /// The help overlay is open.
    Help,
    /// The kubectl command line is open.
    Command,
    /// The command line or the story input line is open.
    Line,
    /// A Ctrl-R search of the command line's history is in progress.
    Search,
    /// The command line is open and no search is in progress.
    CommandNoSearch,
    /// The manifest editor is open.
    Editor,
    /// Quiz mode, browsing (no input line, editor or overlay).
    Quiz,
    /// A quiz question answered by picking options or stories.
    QuizPick,
    /// A quiz question answered by picking: every kind is checked with Enter, never by the
    /// letter alone, so the feedback always comes and a pick can be changed first.
    QuizCheck,
    /// A fix-the-manifest question.
    QuizFix,
    /// A which-command question.
    QuizCommand,
    /// A quiz question waiting for an answer (any kind).
    QuizAsking,
    /// A quiz answer's feedback is up, and another question follows.
    QuizAnswered,
    /// The feedback of the round's last question is up: the results follow.
    QuizAnsweredLast,
    /// `q` was pressed mid-quiz: only y, n and Esc answer.
    QuizConfirm,
    /// The quiz's review screen.
    QuizReview,
    /// Presenting a lesson (classroom mode), screen shown.
    Present,
    /// Presenting, screen blanked: only `b` (and quitting) work.
    Blank,
    /// Ctrl-D asked whether to delete the selection: only y, n and Esc answer.
    Confirm,
    /// Browsing with a `/` filter set.
    Filtered,
    /// The output drawer is open over the panes (browsing).
    Drawer,
    /// The drawer's text goes on below it.
    DrawerDown,
    /// The drawer's text is cut on the right (or scrolled sideways).
    DrawerSideways,
    /// Always.
    Always,
    /// A cluster is on screen (browsing a lesson or the sandbox): the clock keys work.
    Clock,
    /// Browsing while a watch streams into the log (`kubectl get -w`).
    Watching,
}

impl When {
    /// Whether the condition holds in this state.
    pub fn holds(self, app: &App) -> bool {
        let picker = app.screen == Screen::Picker;
        let in_quiz = app.screen == Screen::Quiz;
        let blank = app.present.as_ref().is_some_and(|p| p.blank);
        let confirming_delete = app.confirm.is_some() && app.mode == Mode::Normal && !app.help;
        let browse = app.mode == Mode::Normal
            && !app.help
            && !picker
            && !in_quiz
            && !blank
            && !confirming_delete;
        let confirming = app.quiz.as_ref().is_some_and(|q| q.confirm_quit);
        let quiz_browse = app.mode == Mode::Normal && !app.help && in_quiz && !confirming;
        let quiz = app.quiz.as_ref().filter(|_| quiz_browse);
        let asking = |k: QuestionKind| quiz.is_some_and(|q| q.asking(k));
        match self {
            When::Browse => browse,
            When::Sandbox => browse && !app.in_lesson(),
            When::Lesson => browse && app.in_lesson(),
            When::Predict => {
                // Presenting, the class votes and `v` reveals: letters are not answers.
                browse
                    && app.present.is_none()
                    && app.in_lesson()
                    && app.player.as_ref().is_some_and(|p| p.awaiting_prediction())
            }
            When::Picker => picker && !app.help,
            When::Help => app.help,
            When::Command => app.mode == Mode::Command,
            When::Line => matches!(app.mode, Mode::Command | Mode::StoryPrompt | Mode::Filter),
            When::Search => app.mode == Mode::Command && app.search.is_some(),
            When::CommandNoSearch => app.mode == Mode::Command && app.search.is_none(),
            When::Editor => app.mode == Mode::Editor && !app.help,
            When::Quiz => quiz_browse,
            When::QuizPick => quiz.is_some_and(|q| q.picking()),
            When::QuizCheck => quiz.is_some_and(|q| q.picking()),
            When::QuizFix => asking(QuestionKind::FixManifest),
            When::QuizCommand => asking(QuestionKind::Command),
            When::QuizAsking => quiz.is_some_and(|q| matches!(q.phase, Phase::Asking)),
            When::QuizAnswered => {
                quiz.is_some_and(|q| matches!(q.phase, Phase::Answered(_)) && !q.on_last())
            }
            When::QuizAnsweredLast => {
                quiz.is_some_and(|q| matches!(q.phase, Phase::Answered(_)) && q.on_last())
            }
            When::QuizConfirm => confirming && in_quiz && app.mode == Mode::Normal && !app.help,
            When::QuizReview => quiz.is_some_and(|q| matches!(q.phase, Phase::Review)),
            When::Present => browse && app.present.as_ref().is_some_and(|p| !p.blank),
            When::Blank => app.present.as_ref().is_some_and(|p| p.blank) && !app.help,
            When::Drawer => {
                app.drawer.is_some()
                    && app.mode == Mode::Normal
                    && !app.help
                    && app.screen == Screen::Play
            }
            When::DrawerDown => When::Drawer.holds(app) && crate::ui::drawer::overflows(app).0,
            When::DrawerSideways => When::Drawer.holds(app) && crate::ui::drawer::overflows(app).1,
            When::Confirm => confirming_delete && app.screen == Screen::Play,
            When::Filtered => browse && app.filter.is_some(),
            When::Always => true,
            When::Clock => browse && app.screen == Screen::Play,
            When::Watching => browse && app.screen == Screen::Play && app.following.is_some(),
        }
    }

    /// Whether the condition is one of quiz mode's.
    pub fn is_quiz(self) -> bool {
        self.title() == "quiz"
    }

    /// How the help overlay names the condition.
    pub fn title(self) -> &'static str {
        match self {
            When::Browse | When::Sandbox => "cluster",
            When::Lesson | When::Predict => "lessons",
            When::Picker => "lesson list",
            When::Help => "help",
            When::Command | When::CommandNoSearch => "command line",
            When::Line => "input line",
            When::Search => "history search",
            When::Editor => "editor",
            When::Quiz
            | When::QuizPick
            | When::QuizCheck
            | When::QuizFix
            | When::QuizCommand
            | When::QuizAsking
            | When::QuizAnswered
            | When::QuizAnsweredLast
            | When::QuizConfirm
            | When::QuizReview => "quiz",
            When::Present | When::Blank => "presenting",
            When::Confirm => "delete?",
            When::Filtered => "cluster",
            When::Drawer | When::DrawerDown | When::DrawerSideways => "command output",
            When::Always => "anywhere",
            When::Clock => "clock",
            When::Watching => "watch",
        }
    }
}

/// One binding. Generic so that the teacher's dashboard (`dashboard::keys`) uses the same
/// shape over its own actions and states.
#[derive(Clone, Debug, PartialEq)]
pub struct Binding<A = Action, W = When> {
    /// The keys (any of them triggers the action).
    pub keys: Vec<Input>,
    /// When it is active.
    pub when: W,
    /// What it does.
    pub action: A,
    /// A short label for the status line and the help.
    pub label: &'static str,
    /// Whether the status line shows it (the help always does).
    pub in_status: bool,
}

/// The key `c` alone (also the dashboard's keymap).
pub(crate) fn key(c: char) -> Input {
    Input {
        key: Key::Char(c),
        ..Input::default()
    }
}
/// Ctrl and `c`.
pub(crate) fn ctrl(c: char) -> Input {
    Input {
        key: Key::Char(c),
        ctrl: true,
        ..Input::default()
    }
}
/// A key that is not a character (Enter, arrows…).
pub(crate) fn special(k: Key) -> Input {
    Input {
        key: k,
        ..Input::default()
    }
}
fn alt(k: Key) -> Input {
    Input {
        key: k,
        alt: true,
        ..Input::default()
    }
}
fn ctrl_key(k: Key) -> Input {
    Input {
        key: k,
        ctrl: true,
        ..Input::default()
    }
}
fn back_tab() -> Input {
    Input {
        key: Key::Tab,
        shift: true,
        ..Input::default()
    }
}

/// A binding (the tables read like a config file, one per line).
pub(crate) fn b<A, W>(
    keys: Vec<Input>,
    when: W,
    action: A,
    label: &'static str,
    in_status: bool,
) -> Binding<A, W> {
    Binding {
        keys,
        when,
        action,
        label,
        in_status,
    }
}

/// The table, first match wins. One binding per line, like a config file.
#[rustfmt::skip]
pub fn bindings() -> Vec<Binding> {
    use super::line_edit::Edit as E;
    use super::selection_keys::SelectionVerb as SV;
    use Action as A;
    use When as W;
    vec![
        b(vec![ctrl('c')], W::Always, A::Quit, "quit", false),
        b(vec![ctrl('z')], W::Always, A::Suspend, "suspend", false),
        b(vec![special(Key::Esc), key('?')], W::Help, A::ToggleHelp, "close help", true),
        b(vec![special(Key::Esc)], W::Drawer, A::DrawerClose, "close", true),
        b(vec![special(Key::Up), key('k')], W::DrawerDown, A::DrawerScroll(-1, 0), "scroll", true),
        b(vec![special(Key::Down), key('j')], W::DrawerDown, A::DrawerScroll(1, 0), "scroll", false),
        b(vec![special(Key::PageUp)], W::DrawerDown, A::DrawerScroll(-10, 0), "page up", false),
        b(vec![special(Key::PageDown)], W::DrawerDown, A::DrawerScroll(10, 0), "page down", false),
        // `describe`'s Events are at the bottom (from a learner's trial: End closed the box).
        b(vec![special(Key::End)], W::DrawerDown, A::DrawerScroll(100_000, 0), "end", false),
        b(vec![special(Key::Home)], W::DrawerDown, A::DrawerScroll(-100_000, 0), "top", false),
        b(vec![special(Key::Left), key('h')], W::DrawerSideways, A::DrawerScroll(0, -8), "left", false),
        b(vec![special(Key::Right), key('l')], W::DrawerSideways, A::DrawerScroll(0, 8), "right", true),
        b(vec![special(Key::Up), key('k')], W::Picker, A::PickerMove(-1), "up", false),
        b(vec![special(Key::Down), key('j'), special(Key::Tab)], W::Picker, A::PickerMove(1), "down", false),
        b(vec![special(Key::Enter)], W::Picker, A::PickerOpen, "start or resume", true),
        b(vec![key('Q')], W::Picker, A::OpenQuiz, "quiz", true),
        b(vec![key('q')], W::Picker, A::Quit, "quit", true),
        b(vec![key('a'), key('b'), key('c'), key('d'), key('e'), key('f')], W::QuizPick, A::QuizPick(0), "pick", true),
        b(vec![special(Key::Enter)], W::QuizCheck, A::QuizSubmit, "check", true),
        b(vec![key('e'), special(Key::Enter)], W::QuizFix, A::OpenEditor, "edit the manifest", true),
        b(vec![key(':'), special(Key::Enter)], W::QuizCommand, A::OpenCommand, "type a command", true),
        b(vec![key('s')], W::QuizAsking, A::QuizSkip, "skip", true),
        b(vec![special(Key::Enter), key('n')], W::QuizAnswered, A::QuizNext, "next question", true),
        b(vec![special(Key::Enter), key('n')], W::QuizAnsweredLast, A::QuizNext, "results", true),
        b(vec![key('r')], W::QuizReview, A::QuizRetryMissed, "retry missed", true),
        b(vec![special(Key::Enter), key('L')], W::QuizReview, A::OpenPicker, "lessons", true),
        b(vec![key('L')], W::Quiz, A::OpenPicker, "leave quiz", false),
        b(vec![special(Key::PageUp)], W::Quiz, A::QuizScroll(-5), "text up", false),
        b(vec![special(Key::PageDown)], W::Quiz, A::QuizScroll(5), "text down", false),
        b(vec![key('q')], W::Quiz, A::QuizAskQuit, "quit", true),
        // q's question, answered (listed right under q in the help).
        b(vec![key('y')], W::QuizConfirm, A::QuizAnswerQuit(true), "yes, end the quiz and quit", true),
        b(vec![key('n'), special(Key::Esc)], W::QuizConfirm, A::QuizAnswerQuit(false), "no, keep going", true),
        b(vec![key('?')], W::Quiz, A::ToggleHelp, "help", true),
        b(vec![key('?')], W::Picker, A::ToggleHelp, "help", true),
        b(vec![key('b'), key('.')], W::Blank, A::PresentBlank, "show the screen", true),
        b(vec![key('q')], W::Blank, A::Quit, "quit", false),
        b(vec![key(' ')], W::Present, A::PresentReveal, "reveal", true),
        b(vec![key('d')], W::Present, A::PresentDemo, "demo", true),
        b(vec![key('v')], W::Present, A::PresentRevealAnswer, "reveal answer", true),
        b(vec![key('b'), key('.')], W::Present, A::PresentBlank, "blank", true),
        b(vec![key('y')], W::Confirm, A::ConfirmDelete(true), "yes, delete it", true),
        b(vec![key('n'), special(Key::Esc)], W::Confirm, A::ConfirmDelete(false), "no, keep it", true),
        b(vec![special(Key::Esc)], W::Filtered, A::ClearFilter, "show all", true),
        b(vec![key('q')], W::Browse, A::Quit, "quit", true),
        b(vec![key('?')], W::Browse, A::ToggleHelp, "help", true),
        b(vec![key('a'), key('b'), key('c'), key('d')], W::Predict, A::Answer(0), "answer", true),
        b(vec![key('n')], W::Lesson, A::NextStep, "next step", true),
        b(vec![key('p')], W::Lesson, A::PrevStep, "prev step", false),
        b(vec![key('h')], W::Lesson, A::NextHint, "hint", true),
        b(vec![key('R')], W::Lesson, A::RestartStep, "restart step", false),
        b(vec![key('L')], W::Lesson, A::OpenPicker, "lessons", false),
        b(vec![ctrl('r')], W::Lesson, A::ReloadLesson, "reload lesson", false),
        b(vec![special(Key::PageUp)], W::Lesson, A::ScrollLesson(-5), "lesson text up", false),
        b(vec![special(Key::PageDown)], W::Lesson, A::ScrollLesson(5), "lesson text down", false),
        b(vec![special(Key::Up), key('k'), back_tab()], W::Browse, A::Select(Move::Up), "up", false),
        b(vec![special(Key::Down), key('j'), special(Key::Tab)], W::Browse, A::Select(Move::Down), "down", false),
        b(vec![special(Key::Left)], W::Browse, A::Select(Move::Parent), "parent", false),
        b(vec![key('h')], W::Sandbox, A::Select(Move::Parent), "parent", false),
        b(vec![key('l')], W::Sandbox, A::OnSelection(SV::Logs), "logs", false),
        b(vec![special(Key::Right)], W::Browse, A::Select(Move::Child), "child", false),
        b(vec![key('l')], W::Lesson, A::Select(Move::Child), "child", false),
        b(vec![key(':')], W::Browse, A::OpenCommand, "command", true),
        b(vec![key('/')], W::Browse, A::OpenFilter, "filter", false),
        // k9s's keys on the selected object (the sandbox's e and l; d, y, s everywhere).
        b(vec![key('e')], W::Sandbox, A::OnSelection(SV::Edit), "edit", true),
        b(vec![key('n')], W::Sandbox, A::NewManifest, "new", false),
        b(vec![key('e')], W::Lesson, A::OpenEditor, "edit", true),
        b(vec![key('d')], W::Sandbox, A::OnSelection(SV::Describe), "describe", false),
        b(vec![key('d')], W::Lesson, A::OnSelection(SV::Describe), "describe", false),
        b(vec![key('y')], W::Browse, A::OnSelection(SV::Yaml), "yaml", false),
        b(vec![key('s')], W::Browse, A::OnSelection(SV::Shell), "shell", false),
        b(vec![key('w')], W::Browse, A::PromptStory, "story", true),
        b(vec![key('r')], W::Browse, A::Crash, "crash", true),
        b(vec![key('x')], W::Browse, A::DeletePod, "delete", true),
        b(vec![ctrl('d')], W::Browse, A::OnSelection(SV::Delete), "delete…", false),
        b(vec![key('u')], W::Browse, A::Undo, "undo", true),
        b(vec![key('F')], W::Browse, A::ToggleNode, "fail/recover", true),
        b(vec![key('E')], W::Browse, A::ExternalEditor, "$EDITOR", false),
        b(vec![special(Key::PageUp), key('[')], W::Sandbox, A::ScrollLog(10), "log back", false),
        b(vec![special(Key::PageDown), key(']')], W::Sandbox, A::ScrollLog(-10), "log forward", false),
        b(vec![key('[')], W::Lesson, A::ScrollLog(10), "log back", false),
        b(vec![key(']')], W::Lesson, A::ScrollLog(-10), "log forward", false),
        b(vec![key('L')], W::Sandbox, A::OpenPicker, "lessons", false),
        b(vec![key('1')], W::Browse, A::ShowTab(Tab::Cluster), "cluster tab", false),
        b(vec![key('2')], W::Browse, A::ShowTab(Tab::Log), "log tab", false),
        b(vec![key('3')], W::Browse, A::ShowTab(Tab::Lesson), "lesson tab", false),
        // Ctrl-R's search first: its Esc gives the line back, its Enter runs the match.
        b(vec![ctrl('r')], W::Search, A::SearchHistory, "older match", true),
        b(vec![special(Key::Enter)], W::Search, A::LineSubmit, "run", true),
        b(vec![special(Key::Esc), ctrl('g')], W::Search, A::SearchCancel, "cancel", true),
        b(vec![special(Key::Enter)], W::Line, A::LineSubmit, "run", true),
        b(vec![special(Key::Esc)], W::Line, A::Cancel, "cancel", true),
        b(vec![special(Key::Up)], W::Command, A::HistoryPrev, "history", true),
        b(vec![special(Key::Down)], W::Command, A::HistoryNext, "history", false),
        b(vec![ctrl('r')], W::CommandNoSearch, A::SearchHistory, "search history", true),
        b(vec![special(Key::Tab)], W::Command, A::Complete, "complete", true),
        // Readline's keys (bash's emacs mode), on the command line and the story line.
        b(vec![special(Key::Left), ctrl('b')], W::Line, A::LineEdit(E::Left), "back a character", false),
        b(vec![special(Key::Right), ctrl('f')], W::Line, A::LineEdit(E::Right), "forward a character", false),
        b(vec![special(Key::Home), ctrl('a')], W::Line, A::LineEdit(E::Home), "start of the line", false),
        b(vec![special(Key::End), ctrl('e')], W::Line, A::LineEdit(E::End), "end of the line", false),
        b(vec![alt(Key::Char('b')), ctrl_key(Key::Left)], W::Line, A::LineEdit(E::WordLeft), "back a word", false),
        b(vec![alt(Key::Char('f')), ctrl_key(Key::Right)], W::Line, A::LineEdit(E::WordRight), "forward a word", false),
        b(vec![special(Key::Backspace)], W::Line, A::LineEdit(E::Backspace), "delete back", false),
        b(vec![special(Key::Delete), ctrl('d')], W::Line, A::LineEdit(E::Delete), "delete forward", false),
        b(vec![ctrl('w')], W::Line, A::LineEdit(E::KillWordBefore), "cut to the space before", false),
        b(vec![alt(Key::Backspace)], W::Line, A::LineEdit(E::KillWordBack), "cut the word before", false),
        b(vec![alt(Key::Char('d'))], W::Line, A::LineEdit(E::KillWordAfter), "cut the word after", false),
        b(vec![ctrl('k')], W::Line, A::LineEdit(E::KillToEnd), "cut to the end", false),
        b(vec![ctrl('u')], W::Line, A::LineEdit(E::KillToStart), "cut to the start", false),
        b(vec![ctrl('y')], W::Line, A::LineEdit(E::Yank), "paste what was cut", false),
        b(vec![ctrl('s')], W::Editor, A::ApplyEditor, "apply", true),
        b(vec![ctrl('o')], W::Editor, A::ExternalEditor, "$EDITOR", true),
        b(vec![special(Key::Esc)], W::Editor, A::Cancel, "close", true),
        b(vec![ctrl('u')], W::Editor, A::EditorInput(ctrl('u')), "undo", true),
        b(vec![ctrl('r')], W::Editor, A::EditorInput(ctrl('r')), "redo", true),
        // The running clock and the watch: the status line shows them at its start
        // (`render::bottom_lines`), with these keys.
        b(vec![key('t')], W::Clock, A::ToggleClock, "pause/run time", false),
        b(vec![key('>')], W::Clock, A::ClockFaster, "time faster", false),
        b(vec![key('<')], W::Clock, A::ClockSlower, "time slower", false),
        b(vec![special(Key::Esc)], W::Watching, A::StopWatch, "stop the watch", false),
    ]
}

/// Whether a pressed key is one of a binding's keys (Shift is part of the letter for chars).
pub fn matches(bound: &Input, pressed: &Input) -> bool {
    let shift_matters = !matches!(bound.key, Key::Char(_));
    bound.key == pressed.key
        && bound.ctrl == pressed.ctrl
        && bound.alt == pressed.alt
        && (!shift_matters || bound.shift == pressed.shift)
}

/// The action a key triggers now, if any; unbound keys go to the open input line or editor.
pub fn action_for(app: &App, input: Input) -> Option<Action> {
    for bnd in bindings() {
        if bnd.when.holds(app)
            && let Some(i) = bnd.keys.iter().position(|k| matches(k, &input))
        {
            // One binding answers with any of a–d: the key pressed picks the option.
            return Some(match bnd.action {
                Action::Answer(_) => Action::Answer(i),
                Action::QuizPick(_) => Action::QuizPick(i),
                other => other,
            });
        }
    }
    if app.help {
        return None;
    }
    // The drawer stays until the next key: a key that means nothing here closes it.
    if When::Drawer.holds(app) {
        return Some(Action::DrawerClose);
    }
    match app.mode {
        Mode::Command | Mode::StoryPrompt | Mode::Filter => Some(Action::LineInput(input)),
        Mode::Editor => Some(Action::EditorInput(input)),
        Mode::Normal => None,
    }
}

/// The bindings active now, in table order.
pub fn active(app: &App) -> Vec<Binding> {
    bindings()
        .into_iter()
        .filter(|b| b.when.holds(app))
        .collect()
}

/// How a key is written: `w`, `Ctrl-S`, `↑`, `Shift-Tab`.
pub fn key_label(i: &Input) -> String {
    let base = match i.key {
        Key::Char(' ') => "Space".to_string(),
        Key::Char(c) if i.ctrl || i.alt => c.to_ascii_uppercase().to_string(),
        Key::Char(c) => c.to_string(),
        Key::Up => "↑".into(),
        Key::Down => "↓".into(),
        Key::Left => "←".into(),
        Key::Right => "→".into(),
        Key::Enter => "Enter".into(),
        Key::Esc => "Esc".into(),
        Key::Tab => "Tab".into(),
        Key::PageUp => "PgUp".into(),
        Key::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    let mut s = String::new();
    if i.ctrl {
        s.push_str("Ctrl-");
    }
    if i.alt {
        s.push_str("Alt-");
    }
    if i.shift && !matches!(i.key, Key::Char(_)) {
        s.push_str("Shift-");
    }
    s + &base
}

/// The keys of a binding joined by `/`.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(key_label).collect::<Vec<_>>().join("/")
}

/// The status line's items: (first key, label) of the bindings that work right now and are
/// meant for the status line, one per label (the help lists every key).
pub fn status_items(app: &App) -> Vec<(String, &'static str)> {
    let mut items: Vec<(String, &'static str)> = Vec::new();
    for b in active(app).iter().filter(|b| b.in_status) {
        if items.iter().any(|(_, l)| *l == b.label) {
            continue;
        }
        let first = match b.action {
            Action::Answer(_) => answer_keys(app),
            Action::QuizPick(_) => quiz_keys(app),
            _ => b.keys.first().map(key_label).unwrap_or_default(),
        };
        items.push((first, b.label));
    }
    items
}

/// The status line as plain text: `key label` pairs separated by two spaces.
pub fn status_line(app: &App) -> String {
    status_items(app)
        .iter()
        .map(|(k, l)| format!("{k} {l}"))
        .collect::<Vec<_>>()
        .join("  ")
}

/// The answer keys of the question on screen: `a-b` for two options, up to `a-d`.
fn answer_keys(app: &App) -> String {
    let n = app
        .player
        .as_ref()
        .and_then(|p| p.current())
        .and_then(|s| s.predict.as_ref())
        .map_or(2, |q| q.options.len().clamp(2, 4));
    super::strings::letters(n)
}

/// The pick keys of the quiz question on screen: `a-b` for true/false, up to `a-f`.
fn quiz_keys(app: &App) -> String {
    super::strings::letters(app.quiz.as_ref().map_or(2, |q| q.pick_count().clamp(1, 6)))
}

/// The first key of the active binding for `action` (the status line's clock and watch
/// items name their keys from the table, so they cannot disagree with it).
pub fn key_for(app: &App, action: &Action) -> Option<String> {
    active(app)
        .iter()
        .find(|b| &b.action == action)
        .and_then(|b| b.keys.first().map(key_label))
}
