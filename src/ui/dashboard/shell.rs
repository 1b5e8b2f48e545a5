//! The imperative shell around the dashboard: the terminal set up and given back as
//! [`crate::ui::terminal::run`] does (the same signal watch, panic hook and way out), events
//! turned into [`DashAction`]s, and a frame drawn only when something shows differently: the
//! hub's [`Hub::changed`] counter moved, a key, a resize, or a new second for the table's
//! "ago" column. Idle, the loop sleeps in a 250 ms poll (to notice signals): about 0% CPU.

use super::hub::Hub;
use super::keys::{self, DashAction};
use super::render;
use super::state::{Dashboard, Options, View};
use super::update::{self, update};
use crate::ui::signals::{Exit, Watch};
use crate::ui::tty;
use crossterm::event::{
    self, EnableBracketedPaste, EnableMouseCapture, Event, KeyCode, KeyEventKind, MouseButton,
    MouseEvent, MouseEventKind,
};
use ratatui_textarea::{Input, Key};
use std::time::{Duration, Instant};

/// Runs the dashboard in this terminal until the teacher stops the class (`q`, then `y`) or
/// a signal ends it; says which. The caller (the server) then ends every session. Call on the
/// main thread after `color_eyre::install()`.
pub fn run(hub: &dyn Hub, options: Options) -> color_eyre::Result<Exit> {
    let mut d = Dashboard::new(options);
    let watch = Watch::start()?;
    let mut terminal = ratatui::try_init()?;
    crate::ui::terminal::restore_on_panic();
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut terminal, &mut d, hub, &watch);
    watch.leaving();
    tty::leave();
    if matches!(d.view, View::Watch(_)) {
        hub.watch(None);
    }
    crate::ui::terminal::finish(terminal, watch, result)
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    d: &mut Dashboard,
    hub: &dyn Hub,
    watch: &Watch,
) -> color_eyre::Result<()> {
    let started = Instant::now();
    let mut dirty = true;
    let mut seen = hub.changed();
    let mut second = hub.now_ms() / 1000;
    let mut last_tick = Instant::now();
    loop {
        if dirty {
            let size = terminal.size()?;
            d.size = (size.width, size.height);
            settle(d, hub, started);
            terminal.draw(|f| render::render(d, hub, f))?;
            dirty = false;
        }
        if d.quit {
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
        if presenter_effects(d) {
            dirty = true;
            continue;
        }
        // The presenter's running clock (`t` in the presentation): wall time handed over
        // when its next simulated second is due, as the app's own loop does.
        let clock = presenter_clock_runs(d);
        let mut wait_ms = 250;
        if let (true, Some(p)) = (clock, &d.presenter) {
            let due = p.app.clock.wall_ms_to_next_tick();
            let spent = last_tick.elapsed().as_millis() as u64;
            wait_ms = wait_ms.min(due.saturating_sub(spent).max(1));
        } else {
            last_tick = Instant::now();
        }
        if event::poll(Duration::from_millis(wait_ms))? {
            dirty |= handle(d, hub, event::read()?);
        }
        let now = hub.changed();
        if now != seen {
            seen = now;
            dirty = true;
        }
        let s = hub.now_ms() / 1000;
        if s != second {
            second = s;
            // The table's times and the presentation's timer move with the clock; a watched
            // screen changes only with the student's frames.
            dirty |= !matches!(d.view, View::Watch(_));
        }
        let spent = last_tick.elapsed().as_millis() as u64;
        if clock
            && let Some(p) = d.presenter.as_mut()
            && spent >= p.app.clock.wall_ms_to_next_tick()
        {
            crate::ui::update(&mut p.app, crate::ui::Action::Elapsed(spent));
            last_tick = Instant::now();
            dirty = true;
        }
    }
}

/// Before a frame: the size taken (see [`update::resize`]) and the presenter's app told the
/// time (its quiz and demo timings read it).
fn settle(d: &mut Dashboard, hub: &dyn Hub, started: Instant) {
    update::resize(d, hub, d.size);
    if let Some(p) = d.presenter.as_mut() {
        p.app.clock_ms = started.elapsed().as_millis() as u64;
    }
}

/// Whether the presented app's simulated clock runs (a cluster on screen, not paused).
fn presenter_clock_runs(d: &Dashboard) -> bool {
    d.presenter.as_ref().is_some_and(|p| {
        p.app.screen == crate::ui::app::Screen::Play && !p.app.clock.paused && p.app.quiz.is_none()
    })
}

/// Work the presented app asked of the shell: none has a place here (Ctrl-Z would stop the
/// server with the dashboard, `$EDITOR` would take the terminal from it, quiz results and
/// notes are `kubestory present`'s), so it is dropped. Whether any came.
fn presenter_effects(d: &mut Dashboard) -> bool {
    let Some(p) = d.presenter.as_mut() else {
        return false;
    };
    let any = !p.app.effects.is_empty();
    p.app.effects.clear();
    any
}

/// One terminal event; whether it may show (a redraw follows).
pub fn handle(d: &mut Dashboard, hub: &dyn Hub, ev: Event) -> bool {
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
            if let Some(a) = keys::action_for(d, input) {
                update(d, hub, a);
            }
            true
        }
        Event::Paste(text) if keys::When::Prompt.holds(d) => {
            update(d, hub, DashAction::PromptPaste(text));
            true
        }
        Event::Paste(text) => {
            present_event(d, hub, Event::Paste(text));
            true
        }
        Event::Mouse(m) => mouse(d, hub, m),
        Event::Resize(..) => true,
        _ => false,
    }
}

/// A click or a wheel turn: on the table, it selects or scrolls; on the presentation it is
/// the presented app's (shifted to its corner); elsewhere nothing.
fn mouse(d: &mut Dashboard, hub: &dyn Hub, m: MouseEvent) -> bool {
    let over = d.help || d.confirm_quit || d.prompt.is_some() || d.chooser.is_some();
    if over {
        return false;
    }
    match d.view {
        View::Table => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let banner = hub.banner().len();
                match render::row_at(d, banner, m.column, m.row) {
                    Some(i) => {
                        update(d, hub, DashAction::SelectRow(i));
                        true
                    }
                    None => false,
                }
            }
            MouseEventKind::ScrollDown => {
                update(d, hub, DashAction::Move(3));
                true
            }
            MouseEventKind::ScrollUp => {
                update(d, hub, DashAction::Move(-3));
                true
            }
            _ => false,
        },
        View::Present => {
            let r = render::present_app_area(d, hub);
            let inside =
                m.column >= r.x && m.column < r.right() && m.row >= r.y && m.row < r.bottom();
            if !inside {
                return false;
            }
            let shifted = MouseEvent {
                column: m.column - r.x,
                row: m.row - r.y,
                ..m
            };
            present_event(d, hub, Event::Mouse(shifted))
        }
        View::Watch(_) => false,
    }
}

/// An event for the presented app, through its own edge ([`crate::ui::terminal::to_action`]).
fn present_event(d: &mut Dashboard, hub: &dyn Hub, ev: Event) -> bool {
    if d.view != View::Present {
        return false;
    }
    let Some(p) = &d.presenter else {
        return false;
    };
    match crate::ui::terminal::to_action(&p.app, ev) {
        Some(a) => {
            update(d, hub, DashAction::Present(a));
            true
        }
        None => false,
    }
}
