//! The imperative shell: terminal setup and restore (normal exit, panic, signals, a hung-up
//! terminal: see [`super::signals`]), the blocking event loop (a timeout only to notice
//! signals; idle costs ~0% CPU), crossterm events turned into [`Action`]s at the edge, drafts
//! saved, `$EDITOR` run and Ctrl-Z honoured with the TUI suspended.

use super::app::{App, Effect, Mode};
use super::persist;
use super::signals::{Exit, Pending, Watch};
use super::tty;
use super::{Action, keymap, render, strings, update};
use crate::kubectl::file_source::read_regular;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::DefaultTerminal;
use ratatui_textarea::{Input, Key};
use std::time::Duration;

/// How to run the TUI.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Draw with ASCII characters only.
    pub ascii: bool,
    /// Use colours (false when `NO_COLOR` is set).
    pub color: bool,
    /// The lessons to offer (already loaded) and the problems met loading them.
    pub lessons: Vec<crate::lesson::LoadedLesson>,
    /// More lessons to offer after `lessons`, parsed only when opened (the built-in ones:
    /// the first screen parses no lesson).
    pub library: Vec<crate::lesson::LibraryLesson>,
    /// Lesson files that did not load, one line each.
    pub problems: Vec<String>,
    /// Open this lesson directly (`--lesson ID`) instead of the picker.
    pub lesson: Option<String>,
    /// Open the sandbox directly (`--sandbox`).
    pub sandbox: bool,
    /// The sandbox's cluster (`--profile`, `--nodes`): minikube with one node by default.
    pub sandbox_cluster: crate::sim::ClusterConfig,
    /// The lesson file to reload when it changes (`--watch FILE`; its lesson is `lesson`).
    pub watch: Option<std::path::PathBuf>,
    /// Start in quiz mode (`kubestory quiz`).
    pub quiz: Option<QuizOptions>,
    /// Present the lesson (`kubestory present`): classroom mode.
    pub present: bool,
    /// The colour scheme.
    pub theme: super::theme::ThemeName,
}

/// `kubestory quiz [LESSON…] --shuffle --seed N --time-limit D --export PATH`.
#[derive(Clone, Debug, Default)]
pub struct QuizOptions {
    /// The lessons whose questions to ask (ids; empty: every lesson).
    pub lessons: Vec<String>,
    /// Shuffle the questions with this seed (`None`: lesson order).
    pub seed: Option<u64>,
    /// End the quiz after this many milliseconds.
    pub time_limit_ms: Option<u64>,
    /// Also write the results here (`.json` or `.csv`).
    pub export: Option<std::path::PathBuf>,
    /// `--name NAME`: who answers, carried on every result row (empty: not given).
    pub name: String,
}

/// The lesson with this id, or an error naming the ids there are (with a did-you-mean).
fn find_lesson(app: &App, id: &str) -> color_eyre::Result<crate::lesson::LoadedLesson> {
    if let Some(l) = app.picker.find(id) {
        return Ok(l.clone());
    }
    let ids: Vec<&str> = app
        .picker
        .lessons
        .iter()
        .map(|l| l.card.id.as_str())
        .collect();
    let hint = crate::manifest::suggest::did_you_mean(id, ids.iter().copied())
        .map(|s| format!(" (did you mean {s:?}?)"))
        .unwrap_or_default();
    color_eyre::eyre::bail!(
        "there is no lesson {id:?}{hint}; `kubestory list` shows them: {}",
        ids.join(", ")
    )
}

/// Builds the app the terminal will show: progress loaded (a corrupt file is set aside and
/// reported), the picker filled, and the lesson or sandbox opened when asked. Kept apart
/// from [`run`] so that tests and benchmarks can build the very first frame.
pub fn prepare(options: Options, state_dir: Option<std::path::PathBuf>) -> color_eyre::Result<App> {
    let mut app = App::sandbox();
    app.sandbox_cluster = options.sandbox_cluster.clone();
    app.ascii = options.ascii;
    app.color = options.color;
    app.theme = options.theme;
    app.state_dir = state_dir.clone();
    if let Some(dir) = &state_dir {
        app.draft_path = Some(dir.join(persist::SANDBOX_DRAFT));
        let (progress, outcome) = crate::lesson::progress::load(dir);
        app.progress = progress;
        match outcome {
            crate::lesson::progress::LoadOutcome::SetAside { aside, why } => {
                app.message = Some(strings::progress_set_aside(
                    &aside.display().to_string(),
                    &why,
                ));
            }
            crate::lesson::progress::LoadOutcome::Unusable { why } => {
                app.message = Some(format!("your saved progress could not be read: {why}"));
            }
            _ => {}
        }
    }
    let mut lessons: Vec<crate::lesson::LibraryLesson> =
        options.lessons.into_iter().map(Into::into).collect();
    lessons.extend(options.library);
    app.picker = super::picker::Picker::from_library(lessons, options.problems);
    if let Some(id) = app.progress.last_lesson.clone() {
        app.picker.select_id(&id);
    }
    app.screen = super::app::Screen::Picker;
    // Presenting starts before a lesson opens, so the lesson starts as a presentation does:
    // from its first step, without the presenter's own progress (which it never changes).
    if options.present && options.lesson.is_some() {
        begin_present(&mut app);
    }
    if let Some(quiz) = &options.quiz {
        let lessons = if quiz.lessons.is_empty() {
            app.picker
                .all_lessons()
                .into_iter()
                .map(|l| l.lesson.clone())
                .collect()
        } else {
            let mut v = Vec::new();
            for id in &quiz.lessons {
                v.push(find_lesson(&app, id)?.lesson);
            }
            v
        };
        let name = if quiz.lessons.is_empty() {
            "all".to_string()
        } else {
            quiz.lessons.join("+")
        };
        super::quiz::start(&mut app, &name, lessons, quiz.seed, quiz.time_limit_ms)
            .map_err(color_eyre::eyre::Report::msg)?;
        if let Some(q) = app.quiz.as_mut() {
            q.export = quiz.export.clone();
            q.session.student = quiz.name.clone();
        }
    } else if let Some(id) = &options.lesson {
        let lesson = find_lesson(&app, id)?;
        super::player::start(&mut app, lesson, None).map_err(color_eyre::eyre::Report::msg)?;
        if let Some(file) = &options.watch {
            app.watch = Some(super::app::Watch {
                modified: super::player::modified(file),
                file: file.clone(),
            });
            app.note(&strings::watching(&file.display().to_string()));
        }
    } else if options.sandbox {
        app.picker.selected = app.picker.lessons.len();
        update(&mut app, Action::PickerOpen);
    }
    if options.present && app.present.is_none() {
        begin_present(&mut app);
    }
    Ok(app)
}

/// Runs kubestory until the learner quits, a signal ends it or the terminal hangs up; says
/// which, for the exit status. Call after `color_eyre::install()` so a panic report is printed
/// after the terminal is restored.
pub fn run(options: Options) -> color_eyre::Result<Exit> {
    let mut app = prepare(options, persist::state_dir())?;
    let watch = Watch::start()?;
    let mut terminal = ratatui::try_init()?;
    restore_on_panic();
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut app, &watch);
    watch.leaving();
    tty::leave();
    save_draft(&mut app);
    // A signal or a hang-up ends the loop without `q`: the running clock's last seconds too.
    super::sandbox::flush(&mut app);
    super::player::save_progress(&mut app);
    // Text that could not be saved in the state folder: say where it is, now that the
    // learner sees their shell again.
    // (Written, not `eprintln!`: on a terminal that hung up that would panic.)
    if let Some(text) = super::drafts::farewell(&app) {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "{text}");
    }
    // The notes terminal learns that the presentation is over.
    if app.present.is_some()
        && let Some(dir) = &app.state_dir
    {
        let _ = std::fs::remove_file(dir.join(super::present::SESSION_FILE));
    }
    // Quitting in the middle of a quiz keeps the answers given (and any unsaved review).
    let pending: Vec<Effect> = std::mem::take(&mut app.effects)
        .into_iter()
        .chain(super::quiz::unsaved_results(&app))
        .collect();
    for effect in pending {
        if let Effect::SaveQuizResults { rows, export } = effect {
            save_quiz_results(&mut app, &rows, export);
        }
    }
    finish(terminal, watch, result)
}

/// ratatui's panic hook restores raw mode and the screen; mouse reporting, bracketed paste
/// and the cursor must come back too.
pub(crate) fn restore_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            crossterm::cursor::Show
        );
        previous(info);
    }));
}

/// The end of a full-screen session, once the terminal is restored: the exit (a signal's
/// wins over the error it caused, such as a write to a hung-up terminal).
pub(crate) fn finish(
    mut terminal: ratatui::DefaultTerminal,
    watch: Watch,
    result: color_eyre::Result<()>,
) -> color_eyre::Result<Exit> {
    if terminal.show_cursor().is_err() {
        // The terminal is gone: ratatui's drop would try again and report the failure on a
        // standard error that is gone too (a panic). There is nothing left to free it for.
        std::mem::forget(terminal);
    }
    let exit = watch.exit();
    drop(watch);
    match (result, exit) {
        (Err(e), Exit::Quit) => Err(e),
        _ => Ok(exit),
    }
}

/// Test hook, read here only: `KUBESTORY_TEST_STALL_MS=N` makes the event loop sleep N ms
/// (at most [`MAX_TEST_STALL_MS`]) once, right after its first frame, as a slow command
/// would. The end-to-end tests use it to check that a signal arriving while kubestory is busy
/// still gives the terminal back (tests/ui_e2e_signals.rs).
pub const TEST_STALL_ENV: &str = "KUBESTORY_TEST_STALL_MS";

/// The longest stall [`TEST_STALL_ENV`] can ask for.
pub const MAX_TEST_STALL_MS: u64 = 60_000;

fn test_stall() -> Option<Duration> {
    let ms: u64 = std::env::var(TEST_STALL_ENV).ok()?.parse().ok()?;
    Some(Duration::from_millis(ms.min(MAX_TEST_STALL_MS)))
}

fn save_draft(app: &mut App) {
    super::player::save_draft(app);
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    watch: &Watch,
) -> color_eyre::Result<()> {
    let mut dirty = true;
    let started = std::time::Instant::now();
    let mut shown_second = 0;
    let mut stall = test_stall();
    // The running clock: wall time since the last simulated second was handed over.
    let mut last_tick = std::time::Instant::now();
    loop {
        stamp(app, started);
        if dirty {
            let size = terminal.size()?;
            app.size = (size.width, size.height);
            terminal.draw(|f| render(app, f))?;
            dirty = false;
        }
        if let Some(busy) = stall.take() {
            std::thread::sleep(busy);
        }
        if app.quit {
            return Ok(());
        }
        match watch.attend(terminal, true)? {
            Some(true) => return Ok(()),
            Some(false) => {
                dirty = true;
                continue;
            }
            None => {}
        }
        save_draft(app);
        for effect in std::mem::take(&mut app.effects) {
            match effect {
                Effect::ExternalEditor => external_editor(terminal, app, watch)?,
                Effect::Suspend => watch.suspend(terminal, true)?,
                Effect::SaveQuizResults { rows, export } => save_quiz_results(app, &rows, export),
                Effect::PublishPresent(session) => publish(app, &session),
            }
            dirty = true;
        }
        if dirty {
            continue;
        }
        // Idle: wake only to notice signals. During the loss flash: a frame every 150 ms.
        // With the clock running: also when its next simulated second is due.
        let animating = app.flash > 0;
        let running = clock_runs(app);
        let mut wait_ms = if animating { 150 } else { 250 };
        if running {
            let due = app.clock.wall_ms_to_next_tick();
            let spent = last_tick.elapsed().as_millis() as u64;
            wait_ms = wait_ms.min(due.saturating_sub(spent).max(1));
        } else {
            last_tick = std::time::Instant::now();
        }
        let timeout = Duration::from_millis(wait_ms);
        if event::poll(timeout)? {
            // Events that mean nothing (mouse motion, key releases) cost no frame.
            if let Some(action) = to_action(app, event::read()?) {
                update(app, action);
                dirty = true;
            }
        } else if animating {
            update(app, Action::Tick);
            dirty = true;
        } else if app.quiz.as_ref().is_some_and(|q| q.deadline.is_some())
            && app.clock_ms / 1000 != shown_second
        {
            // A timed quiz: the countdown moves once a second, and time can run out.
            shown_second = app.clock_ms / 1000;
            update(app, Action::Tick);
            dirty = true;
        } else if app
            .watch
            .as_ref()
            .is_some_and(|w| super::player::modified(&w.file) != w.modified)
        {
            // `--watch`: a look at the file's time stamp on every idle wake-up.
            update(app, Action::ReloadLesson);
            dirty = true;
        }
        // The running clock: a frame only when a simulated second passed (the status line's
        // clock, an AGE, a watch's new row); between seconds nothing on screen changes.
        let spent = last_tick.elapsed().as_millis() as u64;
        if clock_runs(app) && spent >= app.clock.wall_ms_to_next_tick() {
            let before = app.cluster().now();
            update(app, Action::Elapsed(spent));
            last_tick = std::time::Instant::now();
            dirty |= app.cluster().now() != before;
        }
    }
}

/// Whether the simulated clock runs now (a cluster on screen, not paused, not a quiz).
fn clock_runs(app: &App) -> bool {
    app.screen == super::app::Screen::Play && !app.clock.paused && app.quiz.is_none()
}

/// Sets the app's clock before an action: quiz timings and dates come from here only.
fn stamp(app: &mut App, started: std::time::Instant) {
    app.clock_ms = started.elapsed().as_millis() as u64;
    app.clock_date = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
}

/// Saves a quiz's results: appended to the local history, and written to `--export PATH`.
/// What happened is shown on the review screen.
fn save_quiz_results(
    app: &mut App,
    rows: &[crate::lesson::quiz::results::ResultRow],
    export: Option<std::path::PathBuf>,
) {
    let mut notes = Vec::new();
    if let Some(dir) = &app.state_dir {
        match crate::lesson::quiz::results::append_history(rows, dir) {
            Ok(()) => notes.push(strings::quiz_saved(
                &dir.join("quiz-results.jsonl").display().to_string(),
            )),
            Err(e) => notes.push(e.to_string()),
        }
    }
    if let Some(path) = &export {
        match crate::lesson::quiz::results::export(rows, path) {
            Ok(()) => notes.push(strings::quiz_exported(&path.display().to_string())),
            Err(e) => notes.push(e.to_string()),
        }
    }
    let text = (!notes.is_empty()).then(|| notes.join("\n"));
    match app.quiz.as_mut() {
        Some(quiz) => quiz.saved = text,
        None => app.message = text.map(|t| t.replace('\n', "; ")),
    }
}

/// Writes the presenter's state for `present --notes` (atomically: the notes terminal never
/// reads half a file). A failure is shown once, never fatal.
fn publish(app: &mut App, session: &super::present::Session) {
    let Some(dir) = &app.state_dir else {
        return;
    };
    let path = dir.join(super::present::SESSION_FILE);
    let text = serde_json::to_string_pretty(session).unwrap_or_default();
    if let Err(e) = persist::write_atomic(&path, &text) {
        app.message = Some(format!("cannot publish for the notes terminal: {e}"));
    }
}

/// The edge: a crossterm event becomes an action (or nothing).
pub fn to_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let input = if k.code == KeyCode::BackTab {
                Input {
                    key: Key::Tab,
                    shift: true,
                    ..Input::default()
                }
            } else {
                Input::from(k)
            };
            keymap::action_for(app, input)
        }
        Event::Mouse(m) if m.kind == MouseEventKind::Down(MouseButton::Left) => {
            (app.mode == Mode::Normal && !app.help).then_some(Action::Click(m.column, m.row))
        }
        Event::Mouse(m) if m.kind == MouseEventKind::ScrollDown => {
            Some(Action::ScrollAt(m.column, m.row, 3))
        }
        Event::Mouse(m) if m.kind == MouseEventKind::ScrollUp => {
            Some(Action::ScrollAt(m.column, m.row, -3))
        }
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        Event::Paste(text) if app.mode == Mode::Editor => Some(Action::EditorPaste(text)),
        Event::Paste(text)
            if matches!(app.mode, Mode::Command | Mode::StoryPrompt | Mode::Filter) =>
        {
            Some(Action::LinePaste(text))
        }
        _ => None,
    }
}

/// Suspends the TUI, edits the buffer in `$VISUAL`/`$EDITOR` (default `vi`), and reloads it.
/// The editor works on a private temporary copy (removed afterwards), so it never depends on
/// the state folder being writable; what comes back is kept like any edit.
fn external_editor(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    watch: &Watch,
) -> color_eyre::Result<()> {
    let copy = match super::drafts::external_copy(app) {
        Ok(copy) => copy,
        Err(e) => {
            app.message = Some(format!(
                "{} (a temporary copy: {e})",
                strings::EXTERNAL_EDITOR_FAILED
            ));
            return Ok(());
        }
    };
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".into());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi").to_string();
    tty::leave();
    let child = watch.foreground_child();
    let status = std::process::Command::new(&program)
        .args(words)
        .arg(copy.path())
        .status();
    drop(child);
    tty::enter(terminal, true)?;
    match status {
        Ok(_) => match read_regular(copy.path(), persist::MAX_DRAFT_BYTES + 1) {
            Ok(text) if text.len() as u64 > persist::MAX_DRAFT_BYTES => {
                app.message = Some(format!(
                    "the edited file is over {} MiB, kubestory's limit for a draft: the draft was left as it was",
                    persist::MAX_DRAFT_BYTES >> 20
                ))
            }
            Ok(text) => {
                update(app, Action::SetDraft(text));
                app.mode = Mode::Editor;
            }
            Err(e) => app.message = Some(format!("cannot read the draft back: {e}")),
        },
        Err(e) => {
            app.message = Some(format!(
                "{} ({program}: {e})",
                strings::EXTERNAL_EDITOR_FAILED
            ))
        }
    }
    Ok(())
}

/// Turns the app into a presentation, stamped with the wall clock's start.
fn begin_present(app: &mut App) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    super::present::begin(app, now);
}

/// `kubestory present --notes`: follows the presenting session through the file it
/// publishes, until `q`. Restores the terminal, and answers signals, like [`run`].
pub fn run_notes(
    state_dir: Option<std::path::PathBuf>,
    theme: super::theme::ThemeName,
    color: bool,
    ascii: bool,
) -> color_eyre::Result<Exit> {
    let Some(dir) = state_dir else {
        color_eyre::eyre::bail!("no state folder: the notes terminal has nothing to follow");
    };
    let file = dir.join(super::present::SESSION_FILE);
    let watch = Watch::start()?;
    let mut terminal = ratatui::try_init()?;
    restore_on_panic();
    let look = super::theme::Theme::named(theme, color, ascii);
    let mut notes = super::notes::Notes::default();
    let mut seen: Option<std::time::SystemTime> = None;
    let mut drawn: Option<super::notes::Notes> = None;
    let mut resized = false;
    let result = (|| -> color_eyre::Result<()> {
        loop {
            let modified = std::fs::metadata(&file).and_then(|m| m.modified()).ok();
            if modified != seen {
                seen = modified;
                match read_regular(&file, super::present::MAX_SESSION_BYTES) {
                    Ok(text) => {
                        if let Ok(s) = serde_json::from_str(&text) {
                            notes.session = Some(s);
                            notes.presenter_gone = false;
                        }
                    }
                    Err(_) => notes.presenter_gone = notes.session.is_some(),
                }
            }
            notes.now_unix = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            // Draw only when something shows differently: the file, the clock's second, a
            // resize (idle, the notes terminal wakes four times a second and sleeps again).
            if drawn.as_ref() == Some(&notes) && !resized {
                match next_notes_event(&watch)? {
                    NotesEvent::Quit => return Ok(()),
                    NotesEvent::Resize => resized = true,
                    NotesEvent::Suspend => {
                        watch.suspend(&mut terminal, false)?;
                        resized = true;
                    }
                    NotesEvent::Redraw => {
                        tty::enter(&mut terminal, false)?;
                        resized = true;
                    }
                    NotesEvent::Idle => {}
                }
                continue;
            }
            drawn = Some(notes.clone());
            resized = false;
            terminal.draw(|f| {
                if let Some(style) = super::theme::screen_style(theme, color) {
                    let area = f.area();
                    f.buffer_mut().set_style(area, style);
                }
                super::notes::render(&notes, f, &look, color, ascii)
            })?;
            match next_notes_event(&watch)? {
                NotesEvent::Quit => return Ok(()),
                NotesEvent::Resize => resized = true,
                NotesEvent::Suspend => {
                    watch.suspend(&mut terminal, false)?;
                    resized = true;
                }
                NotesEvent::Redraw => {
                    tty::enter(&mut terminal, false)?;
                    resized = true;
                }
                NotesEvent::Idle => {}
            }
        }
    })();
    watch.leaving();
    tty::leave();
    finish(terminal, watch, result)
}

/// What woke the notes terminal.
enum NotesEvent {
    /// `q`, Ctrl-C, an ending signal or a hung-up terminal.
    Quit,
    /// The terminal changed size: draw again.
    Resize,
    /// Ctrl-Z or SIGTSTP.
    Suspend,
    /// SIGCONT: the terminal may have changed behind kubestory's back.
    Redraw,
    /// A quarter second passed, or a key that means nothing.
    Idle,
}

/// Waits up to a quarter second for a key.
fn next_notes_event(watch: &Watch) -> color_eyre::Result<NotesEvent> {
    match watch.pending() {
        Pending::End(_) => return Ok(NotesEvent::Quit),
        Pending::Suspend => return Ok(NotesEvent::Suspend),
        Pending::Redraw => return Ok(NotesEvent::Redraw),
        Pending::Nothing => {}
    }
    if !event::poll(Duration::from_millis(250))? {
        return Ok(NotesEvent::Idle);
    }
    let ctrl = |k: &crossterm::event::KeyEvent, c: char| {
        k.code == KeyCode::Char(c)
            && k.modifiers
                .contains(crossterm::event::KeyModifiers::CONTROL)
    };
    Ok(match event::read()? {
        Event::Key(k)
            if k.kind != KeyEventKind::Release
                && (k.code == KeyCode::Char('q') || ctrl(&k, 'c')) =>
        {
            NotesEvent::Quit
        }
        Event::Key(k) if k.kind != KeyEventKind::Release && ctrl(&k, 'z') => NotesEvent::Suspend,
        Event::Resize(..) => NotesEvent::Resize,
        _ => NotesEvent::Idle,
    })
}
