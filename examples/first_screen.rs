//! The work kubestory does before its first screen, without a terminal: list the built-in
//! lessons as `kubestory` with no arguments does, prepare the app (progress, picker) and draw
//! the picker once at 80x24. Run under callgrind to count instructions (BENCHMARKS.md,
//! "First screen"). `parse-all` parses every lesson first, as kubestory did before.

use kubestory::ui::{Options, render};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    let parse_all = std::env::args().nth(1).as_deref() == Some("parse-all");
    let options = if parse_all {
        let (lessons, _) = kubestory::lesson::builtin_lessons();
        Options {
            lessons,
            ..Default::default()
        }
    } else {
        Options {
            library: kubestory::lesson::builtin_library(),
            ..Default::default()
        }
    };
    let app = kubestory::ui::terminal::prepare(options, None).expect("prepare");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    terminal.draw(|f| render::render(&app, f)).expect("draw");
    println!("{}", terminal.backend().buffer().content.len());
}
