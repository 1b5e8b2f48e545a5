//! The class record written out for a teacher: `kubestory class export CLASS --csv PATH` or
//! `--json PATH`. Per-student rows then per-question rows; in CSV both share one header (a
//! `row` column says which kind a line is), so the file is one RFC 4180 table any
//! spreadsheet opens, with every text cell neutralized against formula injection.

use crate::lesson::quiz::results::neutralize;
use serde::Serialize;
use std::path::Path;

/// One student's results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StudentRow {
    /// The student's name (their SSH user name).
    pub name: String,
    /// Lessons finished.
    pub lessons_done: u32,
    /// Steps whose goals they met.
    pub steps_done: u32,
    /// Quiz questions answered right.
    pub quiz_right: u32,
    /// Quiz questions answered.
    pub quiz_answered: u32,
    /// Seconds connected, over all their sessions.
    pub seconds: i64,
}

/// How the class did on one quiz question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct QuestionRow {
    /// The question's lesson.
    pub lesson: String,
    /// The question's id in its lesson.
    pub question: String,
    /// How many students answered it.
    pub answered: u32,
    /// How many answered it right.
    pub right: u32,
    /// The wrong answer chosen most often (empty when nobody was wrong): what to re-teach.
    pub most_chosen_wrong: String,
}

/// A whole class's export.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClassExport {
    /// The class's name.
    pub class: String,
    /// Per-student rows, by name.
    pub students: Vec<StudentRow>,
    /// Per-question rows, by lesson and question.
    pub questions: Vec<QuestionRow>,
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file (or its temporary sibling) could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// The CSV header: the kind of row, then the student columns, then the question columns.
pub const CSV_HEADER: [&str; 11] = [
    "row",
    "name",
    "lessons_done",
    "steps_done",
    "quiz_score",
    "seconds",
    "lesson",
    "question",
    "answered",
    "right",
    "most_chosen_wrong",
];

/// The export as CSV text: a header, one `student` line per student (quiz score as
/// `right/answered`), one `question` line per question. Quoting is the `csv` crate's
/// (RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled).
pub fn to_csv(e: &ClassExport) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut lines: Vec<[String; 11]> = Vec::new();
    for s in &e.students {
        lines.push([
            "student".into(),
            neutralize(&s.name),
            s.lessons_done.to_string(),
            s.steps_done.to_string(),
            format!("{}/{}", s.quiz_right, s.quiz_answered),
            s.seconds.to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    for q in &e.questions {
        lines.push([
            "question".into(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            neutralize(&q.lesson),
            neutralize(&q.question),
            q.answered.to_string(),
            q.right.to_string(),
            neutralize(&q.most_chosen_wrong),
        ]);
    }
    // Writing to a Vec cannot fail; the records all have the header's width.
    let _ = w.write_record(CSV_HEADER);
    for l in &lines {
        let _ = w.write_record(l);
    }
    w.into_inner().unwrap_or_default()
}

/// The export as pretty JSON: `{"class", "students": […], "questions": […]}`.
pub fn to_json(e: &ClassExport) -> Vec<u8> {
    let mut v = serde_json::to_vec_pretty(e).unwrap_or_default();
    v.push(b'\n');
    v
}

/// Writes `bytes` to `path` atomically (a temporary sibling, then a rename), so a failed
/// export never leaves half a file where a good one was.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = std::path::PathBuf::from(tmp);
    std::fs::write(&tmp, bytes).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str, wrong: &str) -> ClassExport {
        ClassExport {
            class: "c".into(),
            students: vec![StudentRow {
                name: name.into(),
                lessons_done: 1,
                steps_done: 3,
                quiz_right: 2,
                quiz_answered: 3,
                seconds: 60,
            }],
            questions: vec![QuestionRow {
                lesson: "state".into(),
                question: "q1".into(),
                answered: 3,
                right: 2,
                most_chosen_wrong: wrong.into(),
            }],
        }
    }

    /// RFC 4180: commas, quotes and line breaks are quoted, quotes doubled; lines end CRLF.
    #[test]
    fn csv_quotes_commas_quotes_and_newlines() {
        let text = String::from_utf8(to_csv(&sample("ada", "a, \"b\"\nc"))).unwrap();
        assert_eq!(
            text,
            "row,name,lessons_done,steps_done,quiz_score,seconds,lesson,question,answered,right,most_chosen_wrong\r\n\
             student,ada,1,3,2/3,60,,,,,\r\n\
             question,,,,,,state,q1,3,2,\"a, \"\"b\"\"\nc\"\r\n"
        );
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(&rows[1][10], "a, \"b\"\nc");
    }

    /// A wrong answer that looks like a formula is not run by the teacher's spreadsheet.
    #[test]
    fn csv_cells_are_neutralized() {
        let text = String::from_utf8(to_csv(&sample("ada", "=HYPERLINK(1)"))).unwrap();
        assert!(text.contains(",'=HYPERLINK(1)\r\n"), "{text}");
    }

    #[test]
    fn json_has_students_then_questions() {
        let v: serde_json::Value = serde_json::from_slice(&to_json(&sample("ada", "x"))).unwrap();
        assert_eq!(v["students"][0]["quiz_right"], 2);
        assert_eq!(v["questions"][0]["most_chosen_wrong"], "x");
    }
}
