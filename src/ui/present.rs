//! Classroom mode (`kubestory present`): the presenter's side. A lesson played on a
//! projector: the step text revealed paragraph by paragraph, the predict question put to the
//! class (the answer hidden until the presenter reveals it), a scripted demo played one line
//! per key press, the screen blanked on demand, and every step change published for the
//! speaker-notes terminal (`kubestory present --notes`, see [`super::notes`]).

use super::app::{App, Effect, LogKind};
use super::{ops, player, strings};
use serde::{Deserialize, Serialize};

/// The presenter's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Present {
    /// How many paragraphs of the step's text are shown.
    pub revealed: usize,
    /// The screen is blanked (`b`).
    pub blank: bool,
    /// The next demo line to play.
    pub demo_pos: usize,
    /// The demo line played last, shown as it runs.
    pub last_demo: Option<String>,
    /// The app clock (ms) when the presentation started.
    pub started_ms: u64,
    /// When the presentation started (seconds since the Unix epoch), for the notes terminal.
    pub started_unix: u64,
    /// The (lesson, step, recap) on screen, to notice step changes.
    pub shown: Option<(String, usize, bool)>,
    /// What the notes terminal was last told about: (step, demo lines played, blank,
    /// answer revealed).
    pub published_key: Option<PublishedKey>,
}

/// The state the notes terminal's view depends on.
pub type PublishedKey = (Option<(String, usize, bool)>, usize, bool, bool);

/// What the presenter publishes for the notes terminal: everything it shows, so the notes
/// terminal needs neither the lesson files nor the presenter's flags.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Session {
    /// The presenter's process id (the notes terminal says when it is gone).
    pub pid: u32,
    /// The lesson's title.
    pub lesson: String,
    /// The step shown (1-based; `steps + 1` for the recap).
    pub step: usize,
    /// How many steps the lesson has.
    pub steps: usize,
    /// The step's title ("Recap" after the last step).
    pub title: String,
    /// The step's speaker notes.
    pub notes: Option<String>,
    /// The next step's title, if there is one.
    pub next: Option<String>,
    /// The demo lines of the step, and how many were played.
    pub demo: Vec<String>,
    /// How many demo lines were played.
    pub demo_played: usize,
    /// The predict question put to the class, if any.
    pub predict: Option<String>,
    /// Its right answer(s) with why, for the presenter's eyes only.
    pub answer: Option<String>,
    /// Whether the class has seen the answer (`v`).
    pub answer_revealed: bool,
    /// Whether the presenter blanked the screen.
    pub blank: bool,
    /// When the presentation started (seconds since the Unix epoch).
    pub started_unix: u64,
}

/// The file the presenter writes and `--notes` follows, in the state folder.
pub const SESSION_FILE: &str = "present-session.json";

/// The largest session file the notes terminal reads (one lesson step's text and notes are
/// far smaller); a bigger or non-regular file there is not a presenter's and is ignored.
pub const MAX_SESSION_BYTES: u64 = 1 << 20;

/// Splits a step's text into paragraphs (blank-line separated, a code block kept whole): the
/// units Space reveals.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if line.trim().is_empty() && !in_code {
            if !cur.is_empty() {
                out.push(cur.join("\n"));
                cur.clear();
            }
        } else {
            cur.push(line);
        }
    }
    if !cur.is_empty() {
        out.push(cur.join("\n"));
    }
    out
}

/// Turns a lesson that is playing into a presentation.
pub fn begin(app: &mut App, started_unix: u64) {
    // The presenter decides when simulated time passes (`t`): the clock starts paused.
    app.clock.paused = true;
    app.present = Some(Present {
        revealed: 1,
        started_ms: app.clock_ms,
        started_unix,
        ..Present::default()
    });
    sync(app);
}

/// How many paragraphs the current step has.
fn paragraph_count(app: &App) -> usize {
    app.player
        .as_ref()
        .and_then(|p| p.current())
        .map_or(0, |s| paragraphs(&s.text).len())
}

/// Space: the next paragraph of the step's text.
pub fn reveal(app: &mut App) {
    let total = paragraph_count(app);
    if let Some(p) = app.present.as_mut() {
        if p.revealed < total {
            p.revealed += 1;
        } else {
            app.message = Some(strings::PRESENT_ALL_SHOWN.into());
        }
    }
}

/// `b`: blanks the screen, or shows it again.
pub fn toggle_blank(app: &mut App) {
    if let Some(p) = app.present.as_mut() {
        p.blank = !p.blank;
    }
}

/// `d`: plays the step's next demo line, as if typed on the command line. The whole step
/// text is shown from then on: the class follows it with the demo.
pub fn play_demo(app: &mut App) {
    let Some(pos) = app.present.as_ref().map(|p| p.demo_pos) else {
        return;
    };
    let Some(step) = app.player.as_ref().and_then(|pl| pl.current()) else {
        return;
    };
    let (total, paras) = (step.demo.len(), paragraphs(&step.text).len());
    let Some(line) = step.demo.get(pos).cloned() else {
        app.message = Some(if total == 0 {
            strings::PRESENT_NO_DEMO.into()
        } else {
            strings::PRESENT_DEMO_DONE.into()
        });
        return;
    };
    // Pods are named when the line is played: the teacher may have improvised since the
    // lesson's solutions built the cluster.
    let line = match crate::lesson::placeholders::resolve(&line, app.sim.cluster()) {
        Ok(line) => line,
        Err(why) => {
            // Not played: after `R` (or the teacher's own fix) `d` plays it again.
            let text = strings::present_demo_mismatch(pos + 1, total, &why);
            app.push_log(LogKind::Error, &text);
            app.message = Some(text);
            return;
        }
    };
    if let Some(p) = app.present.as_mut() {
        p.demo_pos += 1;
        p.last_demo = Some(line.clone());
        p.revealed = p.revealed.max(paras);
    }
    let ran = ops::run_command(app, &line);
    // The class reads the command on the message line (its output is in the log).
    app.message = Some(if ran {
        strings::present_demo_line(pos + 1, total, &line)
    } else {
        strings::present_demo_failed(pos + 1, total, &line)
    });
}

/// `v`: the class has voted; the predict question's answer is revealed.
pub fn reveal_answer(app: &mut App) {
    let correct = app
        .player
        .as_ref()
        .filter(|p| p.answer.is_none())
        .and_then(|p| p.current())
        .and_then(|s| s.predict.as_ref())
        .and_then(|q| q.options.iter().position(|o| o.correct));
    match correct {
        Some(i) => {
            player::answer(app, i);
            player::reveal_verdict(app);
        }
        None => app.message = Some(strings::PRESENT_NO_VOTE.into()),
    }
}

/// `n` in a presentation: the next step even when the class did not do this one (it is
/// rebuilt from the lesson's solutions, as a skip is).
pub fn next_step(app: &mut App) {
    let before = app.player.as_ref().map(|p| (p.step, p.recap));
    player::next_step(app);
    let after = app.player.as_ref().map(|p| (p.step, p.recap));
    if before == after && app.player.as_ref().is_some_and(|p| p.skip_armed) {
        player::next_step(app);
    }
}

/// After every action: a new step starts with its first paragraph and its demo from the
/// top, and the notes terminal is told whenever what it shows changed.
pub fn sync(app: &mut App) {
    let Some(pl) = app.player.as_ref() else {
        return;
    };
    let key = (pl.lesson().id.clone(), pl.step, pl.recap);
    let Some(pr) = app.present.as_mut() else {
        return;
    };
    if pr.shown.as_ref() != Some(&key) {
        pr.shown = Some(key);
        pr.revealed = 1;
        pr.demo_pos = 0;
        pr.last_demo = None;
    }
    // What the notes show changes only with these; most key presses change none of them,
    // and then no session is built (it clones the step's texts).
    let answered = app.player.as_ref().is_some_and(|p| p.answer.is_some());
    let Some(pr) = app.present.as_mut() else {
        return;
    };
    let key = (pr.shown.clone(), pr.demo_pos, pr.blank, answered);
    if pr.published_key.as_ref() == Some(&key) {
        return;
    }
    pr.published_key = Some(key);
    if let Some(s) = session(app) {
        app.effects.push(Effect::PublishPresent(Box::new(s)));
    }
}

/// What the notes terminal should show now.
pub fn session(app: &App) -> Option<Session> {
    let pl = app.player.as_ref()?;
    let pr = app.present.as_ref()?;
    let lesson = pl.lesson();
    let step = pl.current();
    Some(Session {
        pid: std::process::id(),
        lesson: lesson.title.clone(),
        step: if pl.recap {
            lesson.steps.len() + 1
        } else {
            pl.step + 1
        },
        steps: lesson.steps.len(),
        title: step.map_or_else(|| "Recap".to_string(), |s| s.title.clone()),
        notes: step.and_then(|s| s.notes.clone()),
        next: if pl.recap {
            None
        } else {
            lesson
                .steps
                .get(pl.step + 1)
                .map(|s| s.title.clone())
                .or_else(|| Some("Recap".to_string()))
        },
        demo: step.map(|s| s.demo.clone()).unwrap_or_default(),
        demo_played: pr.demo_pos,
        predict: step
            .and_then(|s| s.predict.as_ref())
            .map(|q| q.question.clone()),
        answer: step.and_then(|s| s.predict.as_ref()).map(|q| {
            q.options
                .iter()
                .filter(|o| o.correct)
                .map(|o| format!("{}: {}", o.text, o.explain))
                .collect::<Vec<_>>()
                .join(" / ")
        }),
        answer_revealed: pl.answer.is_some(),
        blank: pr.blank,
        started_unix: pr.started_unix,
    })
}
