//! Every text the teacher reads on the dashboard, in one place (as `ui::strings` is for the
//! app).

/// The table's title.
pub const TABLE_TITLE: &str = "students";
/// The table when nobody has connected yet.
pub const NOBODY_YET: &str = "Nobody has connected yet. Put the ssh line above on the projector: each student types it with their own name.";
/// The table when the filter hides everyone.
pub const NOBODY_MATCHES: &str = "Nobody matches the filter (Esc shows everyone).";
/// A key that needs a selected student when none is shown.
pub const NOBODY: &str = "no student is selected";
/// `p` or `Q` without lessons.
pub const NO_LESSONS: &str = "no lessons to present";
/// `f` before `p`.
pub const PRESENT_FIRST: &str =
    "follow mode follows a presentation: press p to present a lesson first";
/// Follow mode switched on.
pub const FOLLOW_ON: &str = "follow mode on: every student is on your step";
/// Follow mode switched off.
pub const FOLLOW_OFF: &str = "follow mode off: students work at their own pace";
/// `q` in the presentation.
pub const PRESENT_ENDED: &str = "presentation ended (p presents again)";
/// Esc on a message with text in it.
pub const DRAFT_KEPT: &str = "not sent; the text is kept for the next m, M or h";
/// Ctrl-Z on the dashboard.
pub const NO_SUSPEND: &str =
    "Ctrl-Z would stop the server with the dashboard, and every student with it: not here";
/// The question `q` asks.
pub const CONFIRM_QUIT: &str =
    "Stop the class? Every student's session ends; their progress is kept.  y: stop  n: keep going";
/// The help overlay's title.
pub const HELP_TITLE: &str = "dashboard keys (? or Esc to close)";
/// The help's note on the presentation's own keys.
pub const HELP_PRESENT: &str = "kubestory present's keys (q ends it):";
/// The prompt of the filter line.
pub const FILTER_PROMPT: &str = "/";
/// The prompt of the quiz's time limit.
pub const QUIZ_TIME_PROMPT: &str = "time limit (e.g. 10m; Enter: none): ";
/// The lesson list's title to present.
pub const CHOOSE_PRESENT: &str = "present which lesson? (Enter: present, Esc: cancel)";
/// The lesson list's title for a quiz.
pub const CHOOSE_QUIZ: &str = "quiz the class on (Enter: choose, Esc: cancel)";
/// The quiz list's first row.
pub const ALL_LESSONS: &str = "every lesson's questions";
/// The longest time limit a class quiz takes.
pub const MAX_QUIZ_LIMIT_MS: u64 = 24 * 3_600_000;

/// The prompt of the message line.
pub fn message_prompt(to: Option<&str>) -> String {
    match to {
        Some(name) => format!("message to {name}: "),
        None => "message to everyone: ".into(),
    }
}

/// The prompt of the hint line.
pub fn hint_prompt(to: &str) -> String {
    format!("hint for {to}: ")
}

/// After a message was sent.
pub fn sent_message(to: Option<&str>) -> String {
    match to {
        Some(name) => format!("message sent to {name}"),
        None => "message sent to everyone connected".into(),
    }
}

/// After a hint was sent.
pub fn sent_hint(to: &str) -> String {
    format!("hint sent to {to}")
}

/// After `Q`.
pub fn quiz_started(lessons: &[String], limit_ms: Option<u64>) -> String {
    let on = if lessons.is_empty() {
        "every lesson".to_string()
    } else {
        format!("lesson {}", lessons.join(", "))
    };
    match limit_ms {
        Some(ms) => format!(
            "quiz started for everyone connected: {on}, {} min",
            ms.div_ceil(60_000)
        ),
        None => format!("quiz started for everyone connected: {on}, no time limit"),
    }
}

/// A time limit that does not parse.
pub fn bad_limit(text: &str, why: &str) -> String {
    format!("{text:?} is not a time limit ({why}); try 10m or 90s")
}

/// A lesson that could not be presented.
pub fn cannot_present(id: &str, why: &str) -> String {
    format!("cannot present {id}: {why}")
}

/// The header over a watched screen (`cut`: the student's terminal size, when it is larger
/// than the room here and their screen is cut to fit).
pub fn watching(name: &str, cut: Option<(u16, u16)>) -> String {
    match cut {
        Some((w, h)) => {
            format!("reading {name}'s screen, read-only · {w}x{h}, cut to fit · Esc to go back")
        }
        None => format!("reading {name}'s screen, read-only: your keys stay here · Esc to go back"),
    }
}

/// A watched student whose screen has not arrived.
pub fn no_mirror(name: &str, connected: bool) -> String {
    if connected {
        format!("waiting for {name}'s screen…")
    } else {
        format!("{name} is not connected: nothing to show")
    }
}

/// The live vote's title.
pub fn tally_title(answered: u32, connected: usize) -> String {
    format!(" live vote: {answered} of {connected} answered ")
}
