//! Quiz results: one row per question, kept in a local history (JSON Lines, appended, so a
//! crash never spoils earlier sessions) and exported with `--export PATH` as JSON or CSV.

use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// One answered (or unanswered) question, as exported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultRow {
    /// The quiz's name (`all`, or the lesson ids).
    pub quiz: String,
    /// The lesson the question belongs to.
    pub lesson: String,
    /// The question's id within the lesson.
    pub question: String,
    /// The question's kind (`single`, `survivors`…).
    pub kind: String,
    /// The answer given, in words (empty when unanswered).
    pub answer: String,
    /// Whether the answer was right.
    pub correct: bool,
    /// Whether the question was answered at all (a time limit can end a quiz early).
    pub answered: bool,
    /// Seconds taken to answer.
    pub seconds: f64,
    /// When it was answered (RFC 3339; empty when unanswered).
    pub date: String,
    /// Who answered (`quiz --name NAME`; empty when not given). Last, so the columns of
    /// exports written before it keep their places; missing in older history lines.
    #[serde(default)]
    pub name: String,
}

/// The `kind` of the score row that ends an export.
pub const SCORE_KIND: &str = "score";

/// The rows followed by a score row: `kind` is [`SCORE_KIND`], `answer` is `right/asked`,
/// `correct` whether all were right, `answered` whether all were answered, `seconds` the
/// total and `date` the last answer's. It has the rows' shape, so an export stays one JSON
/// array or one CSV table that reads back as rows, and a teacher merging files sees each
/// student's score without counting lines.
pub fn with_score_row(rows: &[ResultRow]) -> Vec<ResultRow> {
    let mut out = rows.to_vec();
    let right = rows.iter().filter(|r| r.correct).count();
    out.push(ResultRow {
        quiz: rows.first().map(|r| r.quiz.clone()).unwrap_or_default(),
        lesson: String::new(),
        question: String::new(),
        kind: SCORE_KIND.to_string(),
        answer: format!("{right}/{}", rows.len()),
        correct: right == rows.len(),
        answered: rows.iter().all(|r| r.answered),
        seconds: rows.iter().map(|r| r.seconds).sum(),
        date: rows
            .iter()
            .map(|r| r.date.as_str())
            .max()
            .unwrap_or("")
            .to_string(),
        name: rows.first().map(|r| r.name.clone()).unwrap_or_default(),
    });
    out
}

/// Why results could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    /// The export path names no known format.
    #[error("cannot tell the format of {0:?}: name it .json or .csv")]
    UnknownFormat(String),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// CSV encoding failed.
    #[error("cannot write {path}: {source}")]
    Csv {
        /// The file.
        path: String,
        /// What went wrong.
        source: csv::Error,
    },
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A JSON array of rows.
    Json,
    /// A header line and one line per row.
    Csv,
}

impl Format {
    /// The format a path's extension names (checked before a quiz starts, so a typo does not
    /// cost the learner their results at the end).
    pub fn of(path: &Path) -> Result<Format, ResultsError> {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("json") => Ok(Format::Json),
            Some("csv") => Ok(Format::Csv),
            _ => Err(ResultsError::UnknownFormat(path.display().to_string())),
        }
    }
}

/// Writes rows to `path` in the format its extension names (replacing the file atomically),
/// followed by the score row ([`with_score_row`]).
pub fn export(rows: &[ResultRow], path: &Path) -> Result<(), ResultsError> {
    let rows = &with_score_row(rows)[..];
    let shown = path.display().to_string();
    let io = |source| ResultsError::Io {
        path: shown.clone(),
        source,
    };
    let bytes = match Format::of(path)? {
        Format::Json => {
            let mut v = serde_json::to_vec_pretty(rows).map_err(|e| io(e.into()))?;
            v.push(b'\n');
            v
        }
        Format::Csv => to_csv(rows).map_err(|source| ResultsError::Csv {
            path: shown.clone(),
            source,
        })?,
    };
    let tmp = path.with_extension("partial");
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(io)
}

/// The rows as CSV text (header included). Every text cell is made safe to open in a
/// spreadsheet: see [`neutralize`].
pub fn to_csv(rows: &[ResultRow]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        let safe = ResultRow {
            quiz: neutralize(&r.quiz),
            lesson: neutralize(&r.lesson),
            question: neutralize(&r.question),
            kind: neutralize(&r.kind),
            answer: neutralize(&r.answer),
            date: neutralize(&r.date),
            name: neutralize(&r.name),
            ..r.clone()
        };
        w.serialize(&safe)?;
    }
    w.into_inner().map_err(|e| e.into_error().into())
}

/// A CSV cell a spreadsheet will not run as a formula: a cell that begins with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP, "CSV Injection":
/// <https://owasp.org/www-community/attacks/CSV_Injection>). Answers are learners' text
/// (a typed command, a whole manifest), and exports are opened by teachers.
pub fn neutralize(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// Appends rows to the local history (`quiz-results.jsonl` in the state folder).
pub fn append_history(rows: &[ResultRow], state_dir: &Path) -> Result<(), ResultsError> {
    let path = state_dir.join("quiz-results.jsonl");
    let io = |source| ResultsError::Io {
        path: path.display().to_string(),
        source,
    };
    std::fs::create_dir_all(state_dir).map_err(io)?;
    let mut text = String::new();
    for r in rows {
        text.push_str(&serde_json::to_string(r).map_err(|e| io(e.into()))?);
        text.push('\n');
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .map_err(io)?;
    f.write_all(text.as_bytes()).map_err(io)
}
