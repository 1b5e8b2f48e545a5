//! The main area's other two screens: a watched student's (their last frame, read-only) and
//! the presentation (the presenter's app drawn off screen and copied in, with the live vote).

use super::hub::Hub;
use super::render::{Areas, fold};
use super::state::Dashboard;
use super::{strings, tally};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// A watched student's screen: a header saying whose, then their screen as they see it, cut
/// to the room there is.
pub fn render_watch(
    d: &Dashboard,
    hub: &dyn Hub,
    f: &mut Frame,
    a: Areas,
    name: &str,
    theme: &Theme,
) {
    let mirror = hub.mirror();
    let cut = mirror
        .as_ref()
        .filter(|b| b.area.width > a.main.width || b.area.height > a.main.height)
        .map(|b| (b.area.width, b.area.height));
    let header = strings::watching(name, cut);
    let header = crate::ui::panes::fit(&header, a.banner.width as usize);
    f.render_widget(
        Paragraph::new(Line::styled(fold(d, &header).into_owned(), theme.active)),
        a.banner,
    );
    match mirror {
        Some(buf) => blit(&buf, f.buffer_mut(), a.main),
        None => {
            let connected = hub.students().iter().any(|s| s.name == name && s.connected);
            f.render_widget(
                Paragraph::new(fold(d, &strings::no_mirror(name, connected)).into_owned())
                    .style(theme.dim),
                a.main,
            );
        }
    }
}

/// Copies `src` into `area` of `dst`, from its top-left corner, cropped to what fits.
pub fn blit(src: &Buffer, dst: &mut Buffer, area: Rect) {
    let w = src.area.width.min(area.width);
    let h = src.area.height.min(area.height);
    for y in 0..h {
        for x in 0..w {
            let from = (src.area.x + x, src.area.y + y);
            let to = (area.x + x, area.y + y);
            if let (Some(c), Some(_)) = (src.cell(from), dst.cell(to)) {
                let c = c.clone();
                if let Some(cell) = dst.cell_mut(to) {
                    *cell = c;
                }
            }
        }
    }
}

/// Where the presentation's parts go: its app, and the live vote under it.
pub fn present_areas(d: &Dashboard, hub: &dyn Hub, main: Rect) -> (Rect, Option<Rect>) {
    let Some(rows) = tally::panel_rows(d, hub) else {
        return (main, None);
    };
    // The app keeps the room it needs ([`crate::ui::layout::MIN`]).
    let room = main.height.saturating_sub(crate::ui::layout::MIN.1);
    let h = (rows as u16).min(room);
    if h < 3 {
        return (main, None);
    }
    let [app, panel] = Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(main);
    (app, Some(panel))
}

/// The presentation: one header line (how to connect, follow mode), the presenter's app as
/// `kubestory present` draws it, and the live vote while the step asks a prediction.
pub fn render_present(
    d: &Dashboard,
    hub: &dyn Hub,
    f: &mut Frame,
    a: Areas,
    banner: &[String],
    theme: &Theme,
) {
    let Some(p) = &d.presenter else {
        return;
    };
    // How to connect on the left (late-comers read it off the projector), the class's mode
    // on the right.
    let first = banner.first().map_or("", |s| s.as_str());
    let right = match (
        p.follow,
        first.chars().count() + 48 <= a.banner.width as usize,
    ) {
        (true, true) => " class follows you · f own pace · Tab students ",
        (false, true) => " class at own pace · f follow · Tab students ",
        (true, false) => " following (f) · Tab students ",
        (false, false) => " own pace (f) · Tab students ",
    };
    let room = (a.banner.width as usize).saturating_sub(right.chars().count() + 1);
    let left = crate::ui::panes::fit(first, room);
    let [l, r] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(right.chars().count() as u16),
    ])
    .areas(a.banner);
    f.render_widget(
        Paragraph::new(Line::styled(fold(d, &left).into_owned(), theme.key)),
        l,
    );
    f.render_widget(Paragraph::new(Line::styled(right, theme.active)), r);
    // The app is drawn over the rest, its own two bottom lines included.
    let whole = Rect {
        height: a.main.height + a.line.height + a.status.height,
        ..a.main
    };
    let (app_area, panel) = present_areas(d, hub, whole);
    let (buf, cursor) = draw_app(&p.app, app_area.width, app_area.height);
    blit(&buf, f.buffer_mut(), app_area);
    if let Some((x, y)) = cursor {
        f.set_cursor_position((app_area.x + x, app_area.y + y));
    }
    if let Some(r) = panel {
        tally::render(d, hub, f, r, theme);
    }
}

/// The app drawn off screen at `w`×`h`: its cells, and its cursor when it shows one.
fn draw_app(app: &crate::ui::App, w: u16, h: u16) -> (Buffer, Option<(u16, u16)>) {
    let backend = ratatui::backend::TestBackend::new(w.max(1), h.max(1));
    // The test backend never fails (its error type has no value).
    let Ok(mut t) = ratatui::Terminal::new(backend);
    if t.draw(|f| crate::ui::render(app, f)).is_err() {
        return (Buffer::empty(Rect::new(0, 0, w, h)), None);
    }
    let b = t.backend();
    let cursor = b
        .cursor_visible()
        .then(|| (b.cursor_position().x, b.cursor_position().y));
    (b.buffer().clone(), cursor)
}
