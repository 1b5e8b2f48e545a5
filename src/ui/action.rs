//! Every thing the app can do, as one enum (the Elm architecture's `Msg`). Keys, mouse clicks
//! and lesson steps become an [`Action`]; only [`super::update::update`] changes state.

use super::app::Tab;
use ratatui_textarea::Input;

/// Which way the selection moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    /// The previous row.
    Up,
    /// The next row.
    Down,
    /// The parent (a pod's node, a container's pod).
    Parent,
    /// The first child.
    Child,
}

/// One thing the learner (or a lesson) asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Leave kubestory.
    Quit,
    /// Suspend kubestory as a shell job (Ctrl-Z): the shell's prompt comes back, `fg` resumes.
    Suspend,
    /// Move the selection.
    Select(Move),
    /// Select the row under a mouse click at (column, row).
    Click(u16, u16),
    /// Open the story input line for the selected pod.
    PromptStory,
    /// Write a story through the selected pod.
    WriteStory(String),
    /// Crash the selected container (`GET /error`).
    Crash,
    /// Delete the selected pod (as `kubectl delete pod`).
    DeletePod,
    /// Fail the selected node, or recover it when it is down.
    ToggleNode,
    /// Undo the last event that changed the cluster.
    Undo,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Open the kubectl command line.
    OpenCommand,
    /// Run a kubectl command line (with or without the leading `kubectl`).
    RunCommand(String),
    /// A key typed into the command line or the story input line.
    LineInput(Input),
    /// An editing key in the command line or the story input line (readline's keys).
    LineEdit(super::line_edit::Edit),
    /// Text pasted into the command line or the story input line (bracketed paste).
    LinePaste(String),
    /// Ctrl-R on the command line: search the history backwards (again: an older match).
    SearchHistory,
    /// Esc or Ctrl-G during a search: the line as it was before Ctrl-R.
    SearchCancel,
    /// Enter in the command line or the story input line.
    LineSubmit,
    /// Esc in an input line, the editor or the help overlay.
    Cancel,
    /// The previous command from the history.
    HistoryPrev,
    /// The next command from the history.
    HistoryNext,
    /// Complete the word under the cursor in the command line.
    Complete,
    /// Open the manifest editor.
    OpenEditor,
    /// A key typed into the editor.
    EditorInput(Input),
    /// Text pasted into the editor (bracketed paste), inserted at the cursor.
    EditorPaste(String),
    /// Apply the editor buffer (`kubectl apply -f editor.yaml`).
    ApplyEditor,
    /// Edit the draft in `$EDITOR` (the shell suspends the TUI).
    ExternalEditor,
    /// Replace the editor buffer (after `$EDITOR` returns, or when a lesson provides one).
    SetDraft(String),
    /// Scroll the output drawer by rows (down positive) and columns (right positive).
    DrawerScroll(i32, i32),
    /// Close the output drawer.
    DrawerClose,
    /// Scroll the log back (positive) or forward (negative) by lines.
    ScrollLog(i32),
    /// Show a tab in the small layout.
    ShowTab(Tab),
    /// The next lesson step (lessons only).
    NextStep,
    /// The previous lesson step (lessons only).
    PrevStep,
    /// The next hint (lessons only).
    NextHint,
    /// Restart the lesson's step from the cluster its solutions leave (lessons only).
    RestartStep,
    /// Answer the step's predict question with option N (0-based; keys `a`–`d`).
    Answer(usize),
    /// Scroll the lesson text down (positive) or up (negative) by lines.
    ScrollLesson(i32),
    /// The mouse wheel over the screen at (column, row): down (positive) or up (negative).
    ScrollAt(u16, u16, i32),
    /// Back to the lesson picker.
    OpenPicker,
    /// Move the picker's selection by rows.
    PickerMove(i32),
    /// Start or resume the selected lesson (or open the sandbox).
    PickerOpen,
    /// Reload the lesson from its file (`--watch`, or `Ctrl-R` by hand).
    ReloadLesson,
    /// A frame of the data-loss flash passed (or, in a timed quiz, a second).
    Tick,
    /// Start a quiz on the picker's selected lesson (on the sandbox row: every lesson).
    OpenQuiz,
    /// Pick option or story N in a quiz (0-based; keys `a`–`f`).
    QuizPick(usize),
    /// Check the picked options or stories.
    QuizSubmit,
    /// The next question after the feedback.
    QuizNext,
    /// Skip the question (it counts as missed).
    QuizSkip,
    /// A new round with only the missed questions.
    QuizRetryMissed,
    /// Scroll the quiz text down (positive) or up (negative).
    QuizScroll(i32),
    /// `q` mid-quiz: ask before ending it.
    QuizAskQuit,
    /// The answer to that question: `true` ends the quiz and quits, `false` goes on.
    QuizAnswerQuit(bool),
    /// Classroom mode: show the next paragraph of the step's text.
    PresentReveal,
    /// Classroom mode: blank the screen, or show it again.
    PresentBlank,
    /// Classroom mode: play the step's next demo line.
    PresentDemo,
    /// Classroom mode: the class voted; reveal the predict question's answer.
    PresentRevealAnswer,
    /// The terminal changed size.
    Resize(u16, u16),
    /// A k9s key on the selected object (`d`, `y`, `e`, `l`, `s`, Ctrl-D).
    OnSelection(super::selection_keys::SelectionVerb),
    /// The answer to "delete this?": `true` deletes.
    ConfirmDelete(bool),
    /// The sandbox's `n`: a new manifest in the editor (its draft).
    NewManifest,
    /// `/`: type a filter for the diagram and the log.
    OpenFilter,
    /// Esc with a filter set: show everything again.
    ClearFilter,
    /// This many milliseconds of wall time passed: the running clock moves the simulation
    /// (the shell sends it; tests send it by hand).
    Elapsed(u64),
    /// Pause the simulated clock, or run it again.
    ToggleClock,
    /// Run the clock faster (×1 → ×10 → ×60).
    ClockFaster,
    /// Run the clock slower.
    ClockSlower,
    /// Stop the watch streaming into the log (`kubectl get -w`).
    StopWatch,
}
