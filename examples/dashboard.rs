//! The teacher's dashboard over a pretend class, to try it by hand without a server:
//! `cargo run --example dashboard` (q then y to leave). A `FakeHub` holds six students; a
//! thread moves the clock and brings in votes on the `state` lesson's first prediction, as a
//! server's hub would. Every directive sent is printed when the dashboard ends.

use kubestory::class::live::Tally;
use kubestory::ui::dashboard::fake::{FakeHub, SAMPLE_NOW_MS, sample_class};
use kubestory::ui::dashboard::{Hub, Options};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() -> color_eyre::Result<()> {
    color_eyre::install()?;
    let hub = Arc::new(FakeHub::new(sample_class(), SAMPLE_NOW_MS));
    hub.state().mirror = Some(student_screen());
    let clock = Arc::clone(&hub);
    std::thread::spawn(move || {
        let start = Instant::now();
        let votes = [
            ("ana", 0),
            ("ben", 1),
            ("dev", 0),
            ("emma", 0),
            ("farid", 2),
        ];
        loop {
            std::thread::sleep(Duration::from_millis(200));
            let secs = start.elapsed().as_secs() as usize;
            let mut s = clock.state();
            s.now_ms = SAMPLE_NOW_MS + start.elapsed().as_millis() as u64;
            // A vote every three seconds, as answers come in.
            let given = (secs / 3).min(votes.len());
            let mut t = Tally {
                counts: vec![0; 3],
                connected: 5,
                ..Tally::default()
            };
            for (name, o) in &votes[..given] {
                t.counts[*o] += 1;
                t.by_student.push((name.to_string(), *o));
            }
            let key = ("state".to_string(), "restart".to_string());
            if s.tallies.get(&key) != Some(&t) {
                s.tallies.insert(key, t);
                s.changed += 1;
            }
        }
    });
    let exit = kubestory::ui::dashboard::run(
        hub.as_ref(),
        Options {
            color: std::env::var_os("NO_COLOR").is_none(),
            ascii: std::env::args().any(|a| a == "--ascii"),
            present_theme: kubestory::ui::theme::ThemeName::HighContrast,
            lessons: kubestory::lesson::builtin_library(),
            ..Options::default()
        },
    )?;
    for (to, d) in hub.sent() {
        println!("sent to {}: {d:?}", to.as_deref().unwrap_or("everyone"));
    }
    println!("exit: {exit:?} (students: {})", hub.students().len());
    Ok(())
}

/// What a student sees: the `state` lesson's second step at 100x30.
fn student_screen() -> ratatui::buffer::Buffer {
    let (lessons, _) = kubestory::lesson::builtin_lessons();
    let mut app = kubestory::ui::App::sandbox();
    if let Some(l) = lessons.into_iter().find(|l| l.lesson.id == "state") {
        let _ = kubestory::ui::player::start(&mut app, l, Some(1));
    }
    app.size = (100, 30);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30))
        .expect("a test backend never fails");
    let _ = t.draw(|f| kubestory::ui::render(&app, f));
    t.backend().buffer().clone()
}
