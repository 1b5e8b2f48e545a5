//! The student table drawn: a row per student (stuck ones marked, the ones who left dimmed),
//! the sort column marked in the header, too-long text ending with `…`.

use super::hub::Hub;
use super::render::{fold, scroll_for, table_rows_area};
use super::state::Dashboard;
use super::strings;
use super::table::{self, Row, SortBy};
use crate::class::live::Place;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Cell, Paragraph, Row as TableRow, Table, TableState, Wrap};

/// The student table.
pub fn render_table(d: &Dashboard, hub: &dyn Hub, f: &mut Frame, r: Rect, theme: &Theme) {
    let students = hub.students();
    let now = hub.now_ms();
    let rows = table::rows(&students, now, d.sort, &d.filter);
    let connected = students.iter().filter(|s| s.connected).count();
    let stuck = rows.iter().filter(|r| r.stuck).count();
    let arrow = if d.options.ascii { "v" } else { "▼" };
    let mut title = format!(
        " {} {connected}/{} connected · sort: {} {arrow} ",
        strings::TABLE_TITLE,
        students.len(),
        d.sort.label()
    );
    if stuck > 0 {
        title.push_str(&format!("· {stuck} stuck "));
    }
    if !d.filter.is_empty() {
        title.push_str(&format!("· filter: {} (Esc: all) ", d.filter));
    }
    let block = Block::bordered()
        .border_set(theme.border)
        .title(fold(d, &crate::ui::panes::fit_title(&title, r.width)).into_owned());
    if rows.is_empty() {
        let text = if students.is_empty() {
            strings::NOBODY_YET
        } else {
            strings::NOBODY_MATCHES
        };
        f.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .style(theme.dim)
                .block(block),
            r,
        );
        return;
    }
    let wide = r.width >= 110;
    let name_w = rows
        .iter()
        .map(|r| r.status.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 16) as u16;
    let lesson_w = if wide { 24 } else { 10 };
    let head = |s: SortBy, label: &'static str| {
        if d.sort == s {
            format!("{label}{arrow}")
        } else {
            label.to_string()
        }
    };
    let header = TableRow::new(vec![
        Cell::from(""),
        Cell::from(head(SortBy::Name, "name")),
        Cell::from("lesson"),
        Cell::from(head(SortBy::Step, "step")),
        Cell::from("goals"),
        Cell::from(head(SortBy::TimeOnStep, "on step")),
        Cell::from("hints"),
        Cell::from(head(SortBy::Failures, "fails")),
        Cell::from(head(SortBy::LastActivity, "active")),
    ])
    .style(theme.dim);
    // The step column takes what the others leave (one space between columns, the border).
    let fixed = 2 + name_w + lesson_w + 5 + 8 + 5 + 6 + 8 + 8;
    let cols = Cols {
        name: name_w as usize,
        lesson: lesson_w as usize,
        step: r.width.saturating_sub(2 + fixed) as usize,
    };
    let body: Vec<TableRow> = rows
        .iter()
        .map(|row| table_row(d, row, wide, &cols, theme))
        .collect();
    let widths = [
        Constraint::Length(2),
        Constraint::Length(name_w),
        Constraint::Length(lesson_w),
        Constraint::Fill(1),
        Constraint::Length(5),
        Constraint::Length(8),
        Constraint::Length(5),
        Constraint::Length(6),
        Constraint::Length(8),
    ];
    let selected = super::update::selected_index(d, &rows);
    let visible = table_rows_area(r).height as usize;
    let mut state = TableState::default()
        .with_offset(scroll_for(selected.unwrap_or(0), d.scroll, visible))
        .with_selected(selected);
    let t = Table::new(body, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(theme.active);
    f.render_stateful_widget(t, r, &mut state);
}

/// The widths of the table's columns whose text may be too long.
struct Cols {
    name: usize,
    lesson: usize,
    step: usize,
}

/// One student's row: stuck ones marked `!` in the error style, the ones who left dimmed.
/// Text too long for its column ends with `…` (issue 10: nothing is cut without the mark).
fn table_row<'a>(
    d: &Dashboard,
    row: &'a Row,
    wide: bool,
    cols: &Cols,
    theme: &Theme,
) -> TableRow<'a> {
    let fit = |text: &str, room: usize| fold(d, &crate::ui::panes::fit(text, room)).into_owned();
    let s = &row.status;
    let dot = match (s.connected, d.options.ascii) {
        (true, false) => "●",
        (false, false) => "○",
        (true, true) => "*",
        (false, true) => "o",
    };
    let mark = format!("{dot}{}", if row.stuck { "!" } else { "" });
    let (lesson, step, goals) = match s.place {
        Place::Lesson => {
            let lesson = if wide && !s.lesson_title.is_empty() {
                s.lesson_title.clone()
            } else {
                s.lesson.clone()
            };
            let step = match s.step {
                Some(i) => format!("{}/{} {}", i + 1, s.steps, s.step_title),
                None => "recap".into(),
            };
            (lesson, step, format!("{}/{}", s.goals_met, s.goals_total))
        }
        Place::Picker => ("(choosing)".into(), String::new(), String::new()),
        Place::Sandbox => ("(sandbox)".into(), String::new(), String::new()),
        Place::Quiz => ("(quiz)".into(), String::new(), String::new()),
    };
    let on_step = if s.place == Place::Picker {
        String::new()
    } else {
        table::clock(row.on_step_ms)
    };
    let style = if row.stuck {
        theme.error
    } else if !s.connected {
        theme.dim
    } else {
        Style::default()
    };
    TableRow::new(vec![
        Cell::from(mark),
        Cell::from(fit(&s.name, cols.name)),
        Cell::from(fit(&lesson, cols.lesson)),
        Cell::from(fit(&step, cols.step)),
        Cell::from(goals),
        Cell::from(on_step),
        Cell::from(num(s.hints as u64)),
        Cell::from(num(u64::from(s.failed_commands))),
        Cell::from(table::ago(row.idle_ms)),
    ])
    .style(style)
}

/// A count, blank when zero (the eye goes to the ones that are not).
fn num(n: u64) -> String {
    if n == 0 { String::new() } else { n.to_string() }
}
