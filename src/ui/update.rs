//! `update(&mut App, Action)`: the only place state changes. Simulator work lives in
//! [`super::ops`]; this file routes actions and keeps modes, lines and history straight.

use super::action::{Action, Move};
use super::app::{App, Effect, Mode, Screen};
use super::editor::Editor;
use super::panes::cluster_tree;
use super::{command_line, drawer, layout, ops, panes, player, present, quiz, strings};
use ratatui_textarea::{Input, Key};

/// Applies one action to the app.
pub fn update(app: &mut App, action: Action) {
    // A message stays until the learner does something (ticks and resizes are not that).
    if !matches!(
        action,
        Action::Tick | Action::Resize(..) | Action::Elapsed(..)
    ) {
        app.message = None;
    }
    // The output drawer stays until the next key; while the editor shows an apply's error,
    // until the learner edits (the editor's own checks, live, take over: from a learner's
    // trial, the box covered the line being fixed and did not change as they typed), applies
    // again or closes the editor. Moving the cursor keeps it.
    let keeps_drawer = match &action {
        Action::Tick | Action::Resize(..) | Action::DrawerScroll(..) | Action::Elapsed(..) => true,
        Action::ScrollAt(..) => app.drawer.is_some(),
        Action::EditorInput(input) => app.mode == Mode::Editor && super::editor::is_movement(input),
        _ => false,
    };
    if !keeps_drawer {
        app.drawer = None;
    }
    let log_before = app.log.len();
    let opens_drawer = drawer::opens_for(&action);
    match action {
        Action::DrawerScroll(rows, cols) => drawer::scroll(app, rows, cols),
        Action::DrawerClose => {}
        Action::ScrollAt(_, _, by) if app.drawer.is_some() => drawer::scroll(app, by, 0),
        Action::Quit => {
            // Nothing typed is lost: a line still open is kept in the history (and its
            // file), one Up away next time, as Esc keeps it.
            if app.mode == Mode::Command {
                super::command_line::cancel(app);
            }
            super::sandbox::flush(app);
            app.quit = true;
        }
        Action::Suspend => app.effects.push(Effect::Suspend),
        Action::Select(m) => select(app, m),
        Action::Click(col, row) => click(app, col, row),
        Action::PromptStory => {
            if app.selected.as_ref().and_then(|s| s.pod()).is_some() {
                app.mode = Mode::StoryPrompt;
                app.line.clear();
                app.pasted.clear();
            } else {
                app.message = Some(strings::NEED_POD.into());
            }
        }
        Action::WriteStory(text) => ops::write_story(app, &text),
        Action::Crash => ops::crash(app),
        Action::DeletePod => ops::delete_pod(app),
        Action::ToggleNode => ops::toggle_node(app),
        Action::Undo => ops::undo(app),
        Action::ToggleHelp => app.help = !app.help,
        Action::OpenCommand => {
            app.mode = Mode::Command;
            app.line.clear();
            app.search = None;
            app.pasted.clear();
            app.history.reset_pos();
        }
        Action::RunCommand(line) => {
            ops::run_command(app, &line);
        }
        Action::LineInput(input) => line_input(app, input),
        Action::LineEdit(super::line_edit::Edit::Delete) if super::shell::ctrl_d(app) => {}
        Action::LineEdit(edit) => command_line::edit(app, edit),
        Action::LinePaste(text) => command_line::paste(app, &text),
        Action::SearchHistory => command_line::search(app),
        Action::SearchCancel => command_line::cancel_search(app),
        Action::LineSubmit => submit(app),
        Action::Cancel if app.edit.is_some() && app.mode == Mode::Editor => {
            super::edit_session::cancel(app)
        }
        Action::Cancel if app.mode == Mode::Filter => {
            app.line.take();
            app.filter = None;
            app.mode = Mode::Normal;
            app.fix_selection();
        }
        Action::Cancel if app.shell.is_some() && app.mode == Mode::Command => {
            super::shell::close(app, 0)
        }
        Action::Cancel => command_line::cancel(app),
        Action::HistoryPrev => command_line::history(app, true),
        Action::HistoryNext => command_line::history(app, false),
        Action::Complete => command_line::complete(app),
        Action::OpenEditor => app.mode = Mode::Editor,
        Action::EditorInput(input) => {
            if app.editor.input(input) {
                app.draft_dirty = true;
            }
        }
        Action::EditorPaste(text) => {
            if app.editor.paste(&text) {
                app.draft_dirty = true;
            }
        }
        Action::ApplyEditor if app.edit.is_some() => super::edit_session::save(app),
        Action::ApplyEditor if app.screen == Screen::Quiz => quiz::submit_fix(app),
        Action::ApplyEditor => ops::apply_editor(app),
        Action::ExternalEditor => app.effects.push(Effect::ExternalEditor),
        Action::SetDraft(text) => {
            app.editor = Editor::new(&text);
            app.draft_dirty = true;
        }
        Action::ShowTab(tab) => app.tab = tab,
        Action::ScrollLog(by) => {
            let max = app.log.len().saturating_sub(1);
            app.log_scroll = app.log_scroll.saturating_add_signed(by as isize).min(max);
        }
        Action::NextStep | Action::PrevStep | Action::NextHint | Action::RestartStep
            if !app.in_lesson() =>
        {
            app.message = Some(strings::LESSON_ONLY.into());
        }
        Action::NextStep if app.present.is_some() => present::next_step(app),
        Action::NextStep => player::next_step(app),
        Action::PrevStep => player::prev_step(app),
        Action::NextHint => player::next_hint(app),
        Action::RestartStep => player::restart_step(app),
        Action::Answer(i) => player::answer(app, i),
        Action::ScrollLesson(by) => scroll_lesson(app, by),
        Action::ScrollAt(col, row, by) => scroll_at(app, col, row, by),
        Action::OpenPicker if app.screen == Screen::Quiz => quiz::leave(app),
        Action::OpenPicker => {
            super::sandbox::flush(app);
            player::leave(app);
            app.mode = Mode::Normal;
        }
        Action::OpenQuiz => open_quiz(app),
        Action::PresentReveal => present::reveal(app),
        Action::PresentBlank => present::toggle_blank(app),
        Action::PresentDemo => present::play_demo(app),
        Action::PresentRevealAnswer => present::reveal_answer(app),
        Action::QuizPick(i) => quiz::pick(app, i),
        Action::QuizSubmit => quiz::submit(app),
        Action::QuizNext => quiz::next(app),
        Action::QuizSkip => quiz::skip(app),
        Action::QuizRetryMissed => quiz::retry_missed(app),
        Action::QuizAskQuit => quiz::ask_quit(app),
        Action::QuizAnswerQuit(quit) => quiz::answer_quit(app, quit),
        Action::QuizScroll(by) => {
            if let Some(q) = app.quiz.as_mut() {
                q.scroll = q.scroll.saturating_add_signed(by as i16);
            }
        }
        Action::PickerMove(by) => app.picker.move_by(by),
        Action::PickerOpen => open_picked(app),
        Action::Tick => app.flash = app.flash.saturating_sub(1),
        Action::ReloadLesson => player::reload(app),
        Action::Resize(w, h) => app.size = (w, h),
        Action::Elapsed(ms) => elapsed(app, ms),
        Action::ToggleClock => app.clock.toggle(),
        Action::ClockFaster => app.clock.faster(),
        Action::ClockSlower => app.clock.slower(),
        Action::StopWatch => super::watching::stop(app),
        Action::OnSelection(verb) => super::selection_keys::run(app, verb),
        Action::ConfirmDelete(yes) => super::selection_keys::confirm(app, yes),
        Action::NewManifest => app.mode = Mode::Editor,
        Action::OpenFilter => {
            app.mode = Mode::Filter;
            app.line.set(app.filter.as_deref().unwrap_or_default());
            app.search = None;
        }
        Action::ClearFilter => {
            app.filter = None;
            app.fix_selection();
        }
    }
    if app.mode == Mode::Filter {
        // The diagram and the log follow the filter as it is typed.
        let text = app.line.text().trim().to_string();
        app.filter = (!text.is_empty()).then_some(text);
        app.fix_selection();
    }
    // A running watch prints what this action (or the clock) changed.
    super::watching::poll(app);
    if app.in_lesson() {
        player::refresh_goals(app, true);
    }
    // The learner's own action: what it printed (and the goals it met) where they look.
    if opens_drawer {
        drawer::open_after(app, log_before);
    }
    mark_log_seen(app);
    quiz::check_time(app);
    if app.present.is_some() {
        present::sync(app);
    }
}

/// The log lines the learner has had on screen: all of them while the log pane shows or
/// the drawer is open; the Log tab marks the rest as unread.
fn mark_log_seen(app: &mut App) {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    let log_shown = app.screen == Screen::Play
        && !layout::too_small(area)
        && layout::areas(app, area).log.is_some();
    if log_shown || app.drawer.is_some() {
        app.log_seen = app.log.len();
    }
    app.log_seen = app.log_seen.min(app.log.len());
}

/// `Q` in the picker: a quiz on the selected lesson, or on every lesson from the sandbox row.
fn open_quiz(app: &mut App) {
    let (name, lessons) = match app.picker.chosen() {
        Some(l) => (l.lesson.id.clone(), vec![l.lesson.clone()]),
        None => (
            "all".to_string(),
            app.picker
                .all_lessons()
                .into_iter()
                .map(|l| l.lesson.clone())
                .collect(),
        ),
    };
    if let Err(e) = quiz::start(app, &name, lessons, None, None) {
        app.message = Some(e);
    }
}

/// Enter in the picker: the selected lesson from where the learner left it, or the sandbox.
fn open_picked(app: &mut App) {
    match app.picker.chosen().cloned() {
        Some(lesson) => {
            if let Err(e) = player::start(app, lesson, None) {
                app.message = Some(format!("{}{e}", strings::LESSON_FAILED));
            }
        }
        None => super::sandbox::open(app),
    }
}

fn scroll_lesson(app: &mut App, by: i32) {
    if let Some(p) = app.player.as_mut() {
        p.scroll = p.scroll.saturating_add_signed(by as i16);
    }
}

/// The mouse wheel scrolls the pane under the pointer: the lesson text or the log.
fn scroll_at(app: &mut App, col: u16, row: u16, by: i32) {
    let area = ratatui::layout::Rect::new(0, 0, app.size.0, app.size.1);
    if layout::too_small(area) || app.screen != Screen::Play {
        return;
    }
    let a = layout::areas(app, area);
    let inside = |r: Option<ratatui::layout::Rect>| {
        r.is_some_and(|r| r.contains(ratatui::layout::Position::new(col, row)))
    };
    if inside(a.lesson) {
        scroll_lesson(app, by);
    } else if inside(a.log) {
        let max = app.log.len().saturating_sub(1);
        app.log_scroll = app.log_scroll.saturating_add_signed(-by as isize).min(max);
    }
}

fn select(app: &mut App, m: Move) {
    let rows = cluster_tree::rows(&app.view());
    if rows.is_empty() {
        return;
    }
    let cur = app
        .selected
        .as_ref()
        .and_then(|s| rows.iter().position(|r| &r.item == s))
        .unwrap_or(0);
    let depth = rows[cur].depth;
    let next = match m {
        Move::Up => cur.saturating_sub(1),
        Move::Down => (cur + 1).min(rows.len() - 1),
        Move::Parent => (0..cur)
            .rev()
            .find(|&i| rows[i].depth < depth)
            .unwrap_or(cur),
        Move::Child => match rows.get(cur + 1) {
            Some(r) if r.depth > depth => cur + 1,
            _ => cur,
        },
    };
    app.selected_row = next;
    app.selected = Some(rows[next].item.clone());
}

fn click(app: &mut App, col: u16, row: u16) {
    if let Some(item) = panes::item_at(app, col, row) {
        let rows = cluster_tree::rows(&app.view());
        if let Some(i) = rows.iter().position(|r| r.item == item) {
            app.selected_row = i;
        }
        app.selected = Some(item);
    }
}

fn line_input(app: &mut App, input: Input) {
    match input.key {
        Key::Char(c) if !input.ctrl && !input.alt => command_line::type_char(app, c),
        _ => command_line::end_search(app),
    }
}

fn submit(app: &mut App) {
    command_line::end_search(app);
    let line = app.line.take();
    let mode = app.mode;
    app.mode = Mode::Normal;
    match mode {
        Mode::Command if app.shell.is_some() => super::shell::submit(app, &line),
        Mode::Command if app.screen == Screen::Quiz => quiz::submit_command(app, &line),
        Mode::Command => {
            command_line::record(app, &line);
            if !line.trim().is_empty() {
                ops::run_command(app, &line);
            }
            command_line::next_pasted(app);
        }
        Mode::StoryPrompt => {
            if line.trim().is_empty() {
                return;
            }
            ops::write_story(app, &line);
        }
        _ => {}
    }
}

/// Wall time passed: the running clock moves the simulation (only where a cluster is on
/// screen and the clock runs: never in the picker or a quiz).
fn elapsed(app: &mut App, ms: u64) {
    if app.screen != Screen::Play || app.quiz.is_some() {
        return;
    }
    let secs = app.clock.elapse(ms);
    if secs > 0 {
        let moved = app.sim.tick(secs);
        if moved > 0 {
            super::sandbox::note_tick(app, moved);
            ops::observe(app);
        }
    }
}
