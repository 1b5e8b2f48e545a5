//! The dashboard's keymap as data, like the app's ([`crate::ui::keymap`]): each binding is
//! keys → [`DashAction`] with the condition under which it holds and a label. Key handling,
//! the status line and the `?` help all read this one table.

use super::state::{Dashboard, View};
use crate::ui::line_edit::Edit;
use ratatui_textarea::{Input, Key};

/// What a key does on the dashboard.
#[derive(Clone, Debug, PartialEq)]
pub enum DashAction {
    /// Moves the table's selection by rows.
    Move(i32),
    /// Selects the table's n-th shown row (a click).
    SelectRow(usize),
    /// Watches the selected student's screen.
    Watch,
    /// Back from watching to the table.
    StopWatch,
    /// The next sort column.
    CycleSort,
    /// Opens the `/` filter line.
    OpenFilter,
    /// Clears the filter.
    ClearFilter,
    /// A message to the selected student (`false`) or to everyone (`true`).
    OpenMessage(bool),
    /// A hint to the selected student.
    OpenHint,
    /// A character typed into the open line.
    PromptChar(char),
    /// Pasted text into the open line.
    PromptPaste(String),
    /// A readline edit on the open line.
    PromptEdit(Edit),
    /// Enter on the open line.
    PromptSubmit,
    /// Esc on the open line.
    PromptCancel,
    /// Opens the lesson list to present one.
    OpenPresent,
    /// Opens the lesson list to start a class quiz.
    OpenQuiz,
    /// Moves the lesson list's selection.
    ChooserMove(i32),
    /// Takes the lesson list's selection.
    ChooserPick,
    /// Closes the lesson list.
    ChooserCancel,
    /// Switches between the presentation and the table.
    SwitchView,
    /// Follow mode on or off.
    ToggleFollow,
    /// Shows or hides who voted what.
    ToggleNames,
    /// A key for the presented app (its own keymap's action).
    Present(crate::ui::Action),
    /// `q`: asks whether to stop the class.
    AskQuit,
    /// The answer to that.
    ConfirmQuit(bool),
    /// The help overlay.
    ToggleHelp,
    /// Ctrl-Z: refused with a note (stopping the process would stop the class's server).
    NoSuspend,
}

/// When a binding holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Always (Ctrl-C).
    Always,
    /// The help overlay is open.
    Help,
    /// "Stop the class?" is asked.
    Confirm,
    /// The one-line editor is open.
    Prompt,
    /// The lesson list is open.
    Chooser,
    /// The table, nothing over it.
    Table,
    /// The table with a filter set.
    Filtered,
    /// The table while a presentation runs behind it.
    TablePresenting,
    /// The table, nothing presented.
    TableIdle,
    /// Watching a student.
    Watch,
    /// The presentation, its app browsing (no line or editor open in it).
    Present,
}

impl When {
    /// Whether the condition holds now.
    pub fn holds(self, d: &Dashboard) -> bool {
        let over = d.help || d.confirm_quit || d.prompt.is_some() || d.chooser.is_some();
        match self {
            When::Always => true,
            When::Help => d.help,
            When::Confirm => d.confirm_quit && !d.help,
            When::Prompt => d.prompt.is_some() && !d.help && !d.confirm_quit,
            When::Chooser => d.chooser.is_some() && !over_chooser(d),
            When::Table => !over && d.view == View::Table,
            When::Filtered => When::Table.holds(d) && !d.filter.is_empty(),
            When::TablePresenting => When::Table.holds(d) && d.presenter.is_some(),
            When::TableIdle => When::Table.holds(d) && d.presenter.is_none(),
            When::Watch => !over && matches!(d.view, View::Watch(_)),
            When::Present => {
                !over
                    && d.view == View::Present
                    && d.presenter
                        .as_ref()
                        .is_some_and(|p| p.app.mode == crate::ui::app::Mode::Normal && !p.app.help)
            }
        }
    }
}

/// Whether something is open over the lesson list.
fn over_chooser(d: &Dashboard) -> bool {
    d.help || d.confirm_quit || d.prompt.is_some()
}

/// One binding of the dashboard: the app keymap's shape over the dashboard's actions.
pub type Binding = crate::ui::keymap::Binding<DashAction, When>;

use crate::ui::keymap::{b, ctrl, key, special};

/// The table, first match wins.
#[rustfmt::skip]
pub fn bindings() -> Vec<Binding> {
    use DashAction as A;
    use When as W;
    vec![
        b(vec![ctrl('c')], W::Always, A::AskQuit, "stop the class", false),
        b(vec![ctrl('z')], W::Always, A::NoSuspend, "(ignored: the server runs here)", false),
        b(vec![special(Key::Esc), key('?')], W::Help, A::ToggleHelp, "close help", true),
        b(vec![key('y')], W::Confirm, A::ConfirmQuit(true), "yes, stop the class", true),
        b(vec![key('n'), special(Key::Esc)], W::Confirm, A::ConfirmQuit(false), "no, keep going", true),
        b(vec![special(Key::Enter)], W::Prompt, A::PromptSubmit, "send", true),
        b(vec![special(Key::Esc)], W::Prompt, A::PromptCancel, "cancel", true),
        b(vec![special(Key::Up), key('k')], W::Chooser, A::ChooserMove(-1), "up", false),
        b(vec![special(Key::Down), key('j')], W::Chooser, A::ChooserMove(1), "down", false),
        b(vec![special(Key::Enter)], W::Chooser, A::ChooserPick, "choose", true),
        b(vec![special(Key::Esc), key('q')], W::Chooser, A::ChooserCancel, "cancel", true),
        b(vec![special(Key::Esc), key('q'), special(Key::Backspace), special(Key::Left)], W::Watch, A::StopWatch, "back", true),
        b(vec![key('m')], W::Watch, A::OpenMessage(false), "msg", true),
        b(vec![key('h')], W::Watch, A::OpenHint, "hint", true),
        b(vec![key('?')], W::Watch, A::ToggleHelp, "help", true),
        b(vec![special(Key::Tab)], W::Present, A::SwitchView, "students", true),
        b(vec![key('f')], W::Present, A::ToggleFollow, "follow", true),
        b(vec![key('N')], W::Present, A::ToggleNames, "names", false),
        b(vec![key('?')], W::Present, A::ToggleHelp, "help", true),
        b(vec![special(Key::Esc)], W::Filtered, A::ClearFilter, "show all", false),
        b(vec![special(Key::Up), key('k')], W::Table, A::Move(-1), "up", false),
        b(vec![special(Key::Down), key('j')], W::Table, A::Move(1), "down", false),
        b(vec![special(Key::PageUp)], W::Table, A::Move(-10), "page up", false),
        b(vec![special(Key::PageDown)], W::Table, A::Move(10), "page down", false),
        b(vec![special(Key::Home), key('g')], W::Table, A::Move(-100_000), "first", false),
        b(vec![special(Key::End), key('G')], W::Table, A::Move(100_000), "last", false),
        b(vec![key('w'), special(Key::Enter)], W::Table, A::Watch, "watch", true),
        b(vec![key('m')], W::Table, A::OpenMessage(false), "msg", true),
        b(vec![key('M')], W::Table, A::OpenMessage(true), "msg everyone", false),
        b(vec![key('h')], W::Table, A::OpenHint, "hint", true),
        b(vec![key('s')], W::Table, A::CycleSort, "sort", true),
        b(vec![key('/')], W::Table, A::OpenFilter, "filter", true),
        b(vec![special(Key::Tab)], W::TablePresenting, A::SwitchView, "slides", true),
        b(vec![key('f')], W::TablePresenting, A::ToggleFollow, "follow", false),
        b(vec![key('p')], W::TableIdle, A::OpenPresent, "present", true),
        b(vec![key('p')], W::Table, A::OpenPresent, "present another", false),
        b(vec![key('Q')], W::Table, A::OpenQuiz, "quiz", true),
        b(vec![key('q')], W::Table, A::AskQuit, "stop", true),
        b(vec![key('?')], W::Table, A::ToggleHelp, "help", true),
    ]
}

/// Whether a pressed key is one of a binding's keys (as the app's keymap decides it).
fn matches(bound: &Input, pressed: &Input) -> bool {
    crate::ui::keymap::matches(bound, pressed)
}

/// What a key does now: a dashboard binding, else a character or a readline edit for the open
/// line (the app's own readline bindings), else the presented app's action in the
/// presentation. Keys while watching a student match only the watch bindings: nothing is
/// ever forwarded to the student.
pub fn action_for(d: &Dashboard, input: Input) -> Option<DashAction> {
    for bnd in bindings() {
        if bnd.when.holds(d) && bnd.keys.iter().any(|k| matches(k, &input)) {
            return Some(bnd.action);
        }
    }
    if d.help || d.confirm_quit {
        return None;
    }
    if When::Prompt.holds(d) {
        for bnd in crate::ui::keymap::bindings() {
            if bnd.when == crate::ui::keymap::When::Line
                && let crate::ui::Action::LineEdit(e) = bnd.action
                && bnd.keys.iter().any(|k| matches(k, &input))
            {
                return Some(DashAction::PromptEdit(e));
            }
        }
        return match input.key {
            Key::Char(c) if !input.ctrl && !input.alt => Some(DashAction::PromptChar(c)),
            _ => None,
        };
    }
    if d.chooser.is_some() {
        return None;
    }
    if d.view == View::Present
        && let Some(p) = &d.presenter
    {
        return crate::ui::keymap::action_for(&p.app, input).map(DashAction::Present);
    }
    None
}

/// The bindings that hold now, in table order (the status line's keys).
pub fn active(d: &Dashboard) -> Vec<Binding> {
    bindings().into_iter().filter(|b| b.when.holds(d)).collect()
}

/// How a key is written in the status line and the help.
pub fn label(i: &Input) -> String {
    crate::ui::keymap::key_label(i)
}
