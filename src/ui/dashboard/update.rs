//! `update(&mut Dashboard, &dyn Hub, DashAction)`: the one place the dashboard's state changes
//! and the one place directives are sent. No terminal here: tests drive it with a
//! [`super::fake::FakeHub`].

use super::hub::Hub;
use super::keys::DashAction;
use super::presenting::{follow_now, present_action, start_presenting, toggle_follow};
use super::state::{Chooser, ChooserFor, Dashboard, Presenter, Prompt, PromptKind, View};
use super::{strings, table};
use crate::class::live::Directive;
use crate::ui::line_edit::LineEdit;

/// The rows the table shows now (filtered and sorted).
pub fn shown_rows(d: &Dashboard, hub: &dyn Hub) -> Vec<table::Row> {
    table::rows(&hub.students(), hub.now_ms(), d.sort, &d.filter)
}

/// The selected student's row index in `rows` (the first row when the selection is gone).
pub fn selected_index(d: &Dashboard, rows: &[table::Row]) -> Option<usize> {
    if rows.is_empty() {
        return None;
    }
    Some(
        d.selected
            .as_ref()
            .and_then(|n| rows.iter().position(|r| &r.status.name == n))
            .unwrap_or(0),
    )
}

/// The selected student's name, if any row is shown.
pub fn selected_name(d: &Dashboard, hub: &dyn Hub) -> Option<String> {
    let rows = shown_rows(d, hub);
    selected_index(d, &rows).map(|i| rows[i].status.name.clone())
}

/// The terminal's size, before a frame: the table scrolled to keep the selection in sight,
/// and the presenter's app told the size it is drawn at (its layout and clicks depend on it).
pub fn resize(d: &mut Dashboard, hub: &dyn Hub, size: (u16, u16)) {
    use super::render;
    d.size = size;
    let area = ratatui::layout::Rect::new(0, 0, size.0, size.1);
    let banner = hub.banner().len();
    let visible = render::table_rows_area(render::areas(d, banner, area).main).height as usize;
    let rows = shown_rows(d, hub);
    if let Some(i) = selected_index(d, &rows) {
        d.scroll = render::scroll_for(i, d.scroll, visible);
    }
    let r = render::present_app_area(d, hub);
    if let Some(p) = d.presenter.as_mut() {
        p.app.size = (r.width, r.height);
    }
}

/// Applies one action.
pub fn update(d: &mut Dashboard, hub: &dyn Hub, action: DashAction) {
    use DashAction as A;
    // A key answers the last note: it stays until then.
    if !matches!(action, A::Present(_)) {
        d.message = None;
    }
    match action {
        A::Move(by) => {
            let rows = shown_rows(d, hub);
            if let Some(i) = selected_index(d, &rows) {
                let last = rows.len() - 1;
                let j = i.saturating_add_signed(by as isize).min(last);
                d.selected = Some(rows[j].status.name.clone());
            }
        }
        A::SelectRow(n) => {
            let rows = shown_rows(d, hub);
            if let Some(r) = rows.get(n) {
                d.selected = Some(r.status.name.clone());
            }
        }
        A::Watch => match selected_name(d, hub) {
            Some(name) => {
                hub.watch(Some(&name));
                d.view = View::Watch(name);
            }
            None => d.message = Some(strings::NOBODY.into()),
        },
        A::StopWatch => {
            hub.watch(None);
            d.view = View::Table;
        }
        A::CycleSort => d.sort = d.sort.next(),
        A::OpenFilter => {
            d.prompt = Some(Prompt {
                kind: PromptKind::Filter,
                line: LineEdit::new(&d.filter),
                error: None,
            })
        }
        A::ClearFilter => d.filter.clear(),
        A::OpenMessage(all) => {
            let to = if all {
                Some(None)
            } else {
                target(d, hub).map(Some)
            };
            match to {
                Some(to) => open_text(d, PromptKind::Message(to)),
                None => d.message = Some(strings::NOBODY.into()),
            }
        }
        A::OpenHint => match target(d, hub) {
            Some(name) => open_text(d, PromptKind::Hint(name)),
            None => d.message = Some(strings::NOBODY.into()),
        },
        A::PromptChar(c) => {
            if let Some(p) = d.prompt.as_mut() {
                p.line.insert(c);
                p.error = None;
            }
            live_filter(d);
        }
        A::PromptPaste(text) => {
            if let Some(p) = d.prompt.as_mut() {
                // A pasted paragraph is one line of a message: its line breaks become spaces.
                let text = text.replace("\r\n", " ").replace(['\r', '\n'], " ");
                p.line.insert_str(&text);
            }
            live_filter(d);
        }
        A::PromptEdit(e) => {
            if let Some(p) = d.prompt.as_mut() {
                p.line.apply(e);
            }
            live_filter(d);
        }
        A::PromptSubmit => submit(d, hub),
        A::PromptCancel => {
            if let Some(p) = d.prompt.take() {
                match p.kind {
                    PromptKind::Filter => d.filter.clear(),
                    PromptKind::Message(_) | PromptKind::Hint(_) => {
                        d.draft = p.line.text().to_string();
                        if !d.draft.is_empty() {
                            d.message = Some(strings::DRAFT_KEPT.into());
                        }
                    }
                    PromptKind::QuizTime(_) => {}
                }
            }
        }
        A::OpenPresent => {
            if d.options.lessons.is_empty() {
                d.message = Some(strings::NO_LESSONS.into());
            } else {
                let selected = d
                    .presented()
                    .and_then(|(id, _)| d.options.lessons.iter().position(|l| l.card.id == id))
                    .unwrap_or(0);
                d.chooser = Some(Chooser {
                    purpose: ChooserFor::Present,
                    selected,
                });
            }
        }
        A::OpenQuiz => {
            // Row 0 is every lesson; the presented lesson is offered first when there is one.
            let selected = d
                .presented()
                .and_then(|(id, _)| d.options.lessons.iter().position(|l| l.card.id == id))
                .map_or(0, |i| i + 1);
            d.chooser = Some(Chooser {
                purpose: ChooserFor::Quiz,
                selected,
            });
        }
        A::ChooserMove(by) => {
            let rows = chooser_rows(d);
            if let Some(c) = d.chooser.as_mut() {
                c.selected = c
                    .selected
                    .saturating_add_signed(by as isize)
                    .min(rows.saturating_sub(1));
            }
        }
        A::ChooserPick => pick(d, hub),
        A::ChooserCancel => d.chooser = None,
        A::SwitchView => {
            d.view = match d.view {
                View::Present => View::Table,
                _ if d.presenter.is_some() => View::Present,
                ref v => v.clone(),
            }
        }
        A::ToggleFollow => toggle_follow(d, hub),
        A::ToggleNames => {
            if let Some(p) = d.presenter.as_mut() {
                p.names = !p.names;
            }
        }
        A::Present(a) => present_action(d, hub, a),
        A::AskQuit => d.confirm_quit = true,
        A::ConfirmQuit(yes) => {
            d.confirm_quit = false;
            d.quit = yes;
        }
        A::ToggleHelp => d.help = !d.help,
        A::NoSuspend => d.message = Some(strings::NO_SUSPEND.into()),
    }
}

/// The student `m` and `h` are for: the one watched, else the selected one.
fn target(d: &Dashboard, hub: &dyn Hub) -> Option<String> {
    match &d.view {
        View::Watch(name) => Some(name.clone()),
        _ => selected_name(d, hub),
    }
}

/// Opens the line for a message or a hint, with the text cancelled last (if any).
fn open_text(d: &mut Dashboard, kind: PromptKind) {
    d.prompt = Some(Prompt {
        kind,
        line: LineEdit::new(&d.draft),
        error: None,
    });
}

/// The filter follows its line as it is typed.
fn live_filter(d: &mut Dashboard) {
    if let Some(p) = &d.prompt
        && p.kind == PromptKind::Filter
    {
        d.filter = p.line.text().to_string();
    }
}

/// Enter on the line.
fn submit(d: &mut Dashboard, hub: &dyn Hub) {
    let Some(mut p) = d.prompt.take() else {
        return;
    };
    let text = p.line.text().trim().to_string();
    match p.kind.clone() {
        PromptKind::Filter => d.filter = text,
        PromptKind::Message(_) | PromptKind::Hint(_) if text.is_empty() => {}
        PromptKind::Message(to) => {
            hub.send(to.as_deref(), Directive::Message(text));
            d.draft.clear();
            d.message = Some(strings::sent_message(to.as_deref()));
        }
        PromptKind::Hint(to) => {
            hub.send(Some(&to), Directive::Hint(text));
            d.draft.clear();
            d.message = Some(strings::sent_hint(&to));
        }
        PromptKind::QuizTime(lessons) => match parse_limit(&text) {
            Ok(limit) => {
                let started = strings::quiz_started(&lessons, limit);
                hub.send(
                    None,
                    Directive::StartQuiz {
                        lessons,
                        time_limit_ms: limit,
                        // The same order for everyone, and a new one for each quiz.
                        seed: Some(hub.now_ms()),
                    },
                );
                d.message = Some(started);
            }
            Err(why) => {
                p.error = Some(why);
                d.prompt = Some(p);
            }
        },
    }
}

/// A quiz's time limit as typed: empty for none, else a duration such as `10m` or `90s`
/// (humantime, as `kubestory quiz --time-limit` takes it), at most a day.
pub fn parse_limit(text: &str) -> Result<Option<u64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let d =
        humantime::parse_duration(text).map_err(|e| strings::bad_limit(text, &e.to_string()))?;
    let ms = u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
    if ms == 0 || ms > strings::MAX_QUIZ_LIMIT_MS {
        return Err(strings::bad_limit(text, "between 1s and 24h, please"));
    }
    Ok(Some(ms))
}

/// How many rows the lesson list has.
pub fn chooser_rows(d: &Dashboard) -> usize {
    match d.chooser.as_ref().map(|c| c.purpose) {
        Some(ChooserFor::Quiz) => d.options.lessons.len() + 1,
        _ => d.options.lessons.len(),
    }
}

/// Enter on the lesson list: present the lesson, or ask the quiz's time limit.
fn pick(d: &mut Dashboard, hub: &dyn Hub) {
    let Some(c) = d.chooser.take() else {
        return;
    };
    match c.purpose {
        ChooserFor::Quiz => {
            let lessons = match c.selected {
                0 => Vec::new(),
                i => d
                    .options
                    .lessons
                    .get(i - 1)
                    .map(|l| vec![l.card.id.clone()])
                    .unwrap_or_default(),
            };
            d.prompt = Some(Prompt {
                kind: PromptKind::QuizTime(lessons),
                line: LineEdit::default(),
                error: None,
            });
        }
        ChooserFor::Present => {
            let Some(id) = d.options.lessons.get(c.selected).map(|l| l.card.id.clone()) else {
                return;
            };
            match start_presenting(d, &id) {
                Ok(app) => {
                    let (follow, names) = d
                        .presenter
                        .as_ref()
                        .map_or((false, false), |p| (p.follow, p.names));
                    d.presenter = Some(Presenter {
                        app,
                        follow,
                        names,
                        followed: None,
                    });
                    d.view = View::Present;
                    follow_now(d, hub);
                }
                Err(e) => d.message = Some(strings::cannot_present(&id, &e.to_string())),
            }
        }
    }
}
