//! The class record (issue 14): what a class did — students, sessions, steps with times,
//! hints, failed commands, votes and quiz answers — kept in an embedded SQLite database so a
//! class survives a server restart and a teacher can export it afterwards.
//!
//! One database file per class (`<state>/classes/<name>.sqlite`): two classes cannot mix
//! because they never share a file, a damaged file costs one class and not all of them,
//! `kubestory class list` is a directory listing, and forgetting a class is deleting a file.
//! No terminal here: `kubestory serve` (later) and `kubestory class` call this API.

pub mod bounds;
pub mod export;
pub mod live;
mod schema;

use bounds::{check_answer, check_id, check_name};
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use std::path::{Path, PathBuf};

/// Unix seconds. The caller passes times in (tests pass fixed ones; the server its clock).
pub type Time = i64;

/// Why the class record could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ClassError {
    /// A student or class name breaks the naming rule.
    #[error(
        "{what} {name} is not allowed: use 1 to 32 characters of A-Z a-z 0-9 . _ -, beginning with a letter or digit"
    )]
    BadName {
        /// Which name ("student name", "class name").
        what: &'static str,
        /// The refused name, quoted and cut.
        name: String,
    },
    /// A lesson, step, question or option id is empty, too long or holds control characters.
    #[error("{what} {id} is not allowed: use 1 to 64 characters, no control characters")]
    BadId {
        /// Which id.
        what: &'static str,
        /// The refused id, quoted and cut.
        id: String,
    },
    /// A quiz answer is longer than the record keeps.
    #[error("a quiz answer of {bytes} bytes is too long: the class record keeps at most 4096")]
    AnswerTooLong {
        /// Its length.
        bytes: usize,
    },
    /// No class of that name is kept.
    #[error("there is no class {name:?}{}; {}", hint(.suggestion), kept_list(.known))]
    UnknownClass {
        /// The asked name.
        name: String,
        /// The closest kept name, if any is close.
        suggestion: Option<String>,
        /// The kept classes.
        known: Vec<String>,
    },
    /// The file is not a database this kubestory can read: left in place, untouched.
    #[error(
        "the class record {path} is damaged or not a kubestory class record ({reason}); it was left as it is: move it away to start the class afresh"
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// SQLite's words.
        reason: String,
    },
    /// The file was written by a newer kubestory.
    #[error(
        "the class record {path} has schema version {found}, newer than this kubestory's {VERSION}: update kubestory",
        VERSION = schema::VERSION
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: i64,
    },
    /// The state folder could not be read or created.
    #[error("cannot use {path}: {source}")]
    Io {
        /// The folder or file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// Any other database failure (disk full, locked too long).
    #[error("class record {path}: {source}")]
    Db {
        /// The file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
}

fn hint(s: &Option<String>) -> String {
    s.as_ref()
        .map(|s| format!(" (did you mean {s:?}?)"))
        .unwrap_or_default()
}

fn kept_list(k: &[String]) -> String {
    if k.is_empty() {
        "no class is kept yet (`kubestory serve --class NAME` starts one)".to_string()
    } else {
        format!("the classes kept are: {}", k.join(", "))
    }
}

/// The folder of class records inside the state folder.
pub fn classes_dir(state_dir: &Path) -> PathBuf {
    state_dir.join("classes")
}

/// The file that keeps one class.
fn class_file(state_dir: &Path, name: &str) -> PathBuf {
    classes_dir(state_dir).join(format!("{name}.sqlite"))
}

/// One class's record, open for reading and writing. Writes are small transactions in WAL
/// mode: a crash loses at most the write in flight, and readers (an export while the server
/// runs) do not block the writer.
pub struct ClassRecord {
    conn: Connection,
    path: PathBuf,
    name: String,
}

impl std::fmt::Debug for ClassRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClassRecord")
            .field("path", &self.path)
            .finish()
    }
}

/// How one class is doing, for `kubestory class list`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassSummary {
    /// The class's name.
    pub name: String,
    /// How many students it has seen.
    pub students: u32,
    /// The latest time any student did anything (None: no student yet).
    pub last_activity: Option<Time>,
}

impl ClassRecord {
    /// Opens the class `name`, creating it (and the state folder) if it is not kept yet: what
    /// `kubestory serve --class NAME` does, so a class goes on where it stopped.
    pub fn open_or_create(state_dir: &Path, name: &str) -> Result<ClassRecord, ClassError> {
        check_name("class name", name)?;
        let dir = classes_dir(state_dir);
        std::fs::create_dir_all(&dir).map_err(|source| ClassError::Io {
            path: dir.clone(),
            source,
        })?;
        Self::open_file(class_file(state_dir, name), name, true)
    }

    /// Opens a class that must exist already (exports): an unknown name is an error with a
    /// did-you-mean, never a new empty class.
    pub fn open_existing(state_dir: &Path, name: &str) -> Result<ClassRecord, ClassError> {
        let path = class_file(state_dir, name);
        if check_name("class name", name).is_err() || !path.is_file() {
            let known = list_names(state_dir)?;
            let suggestion =
                crate::manifest::suggest::did_you_mean(name, known.iter().map(String::as_str))
                    .map(str::to_string);
            return Err(ClassError::UnknownClass {
                name: name.to_string(),
                suggestion,
                known,
            });
        }
        Self::open_file(path, name, false)
    }

    fn open_file(path: PathBuf, name: &str, create: bool) -> Result<ClassRecord, ClassError> {
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let db = |source| db_error(&path, source);
        let mut conn = Connection::open_with_flags(&path, flags).map_err(db)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(db)?;
        // The first statement reads the header: a file that is not a database fails here.
        let _: String = conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(db)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(db)?;
        if let Err(found) = schema::migrate(&mut conn).map_err(db)? {
            return Err(ClassError::TooNew { path, found });
        }
        Ok(ClassRecord {
            conn,
            path,
            name: name.to_string(),
        })
    }

    /// The class's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The student's row id, created on first sight; marks them active at `at`.
    fn student(&self, name: &str, at: Time) -> Result<i64, ClassError> {
        check_name("student name", name)?;
        self.conn
            .query_row(
                "INSERT INTO students (name, last_seen) VALUES (?1, ?2)
                 ON CONFLICT(name) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)
                 RETURNING id",
                params![name, at],
                |r| r.get(0),
            )
            .map_err(|e| self.db(e))
    }

    fn db(&self, source: rusqlite::Error) -> ClassError {
        db_error(&self.path, source)
    }

    /// A student connected: a session starts. Returns its id for [`Self::session_ended`].
    pub fn session_started(&self, student: &str, at: Time) -> Result<i64, ClassError> {
        let id = self.student(student, at)?;
        self.conn
            .query_row(
                "INSERT INTO sessions (student, started) VALUES (?1, ?2) RETURNING id",
                params![id, at],
                |r| r.get(0),
            )
            .map_err(|e| self.db(e))
    }

    /// A session ended (the student left, or the server stopped): its time counts.
    pub fn session_ended(&self, student: &str, session: i64, at: Time) -> Result<(), ClassError> {
        let id = self.student(student, at)?;
        self.conn
            .execute(
                "UPDATE sessions SET ended = ?3 WHERE id = ?1 AND student = ?2 AND ended IS NULL",
                params![session, id, at],
            )
            .map(drop)
            .map_err(|e| self.db(e))
    }

    /// A student opened a step (the first time counts: coming back does not reset it).
    pub fn step_started(
        &self,
        student: &str,
        lesson: &str,
        step: &str,
        at: Time,
    ) -> Result<(), ClassError> {
        let id = self.step_ids(student, lesson, step, at)?;
        self.conn
            .execute(
                "INSERT INTO steps (student, lesson, step, started) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT DO NOTHING",
                params![id, lesson, step, at],
            )
            .map(drop)
            .map_err(|e| self.db(e))
    }

    /// A student met a step's goals (the first completion's time is kept).
    pub fn step_completed(
        &self,
        student: &str,
        lesson: &str,
        step: &str,
        at: Time,
    ) -> Result<(), ClassError> {
        self.step_started(student, lesson, step, at)?;
        let id = self.student(student, at)?;
        self.conn
            .execute(
                "UPDATE steps SET completed = ?4
                 WHERE student = ?1 AND lesson = ?2 AND step = ?3 AND completed IS NULL",
                params![id, lesson, step, at],
            )
            .map(drop)
            .map_err(|e| self.db(e))
    }

    /// A student finished a whole lesson (its last step's goals met).
    pub fn lesson_completed(
        &self,
        student: &str,
        lesson: &str,
        at: Time,
    ) -> Result<(), ClassError> {
        check_id("lesson id", lesson)?;
        let id = self.student(student, at)?;
        self.conn
            .execute(
                "INSERT INTO lessons_done (student, lesson, at) VALUES (?1, ?2, ?3)
                 ON CONFLICT DO NOTHING",
                params![id, lesson, at],
            )
            .map(drop)
            .map_err(|e| self.db(e))
    }

    /// A student opened a hint on a step: a sign of being stuck, shown on the dashboard.
    pub fn hint_opened(
        &self,
        student: &str,
        lesson: &str,
        step: &str,
        at: Time,
    ) -> Result<(), ClassError> {
        self.bump(student, lesson, step, at, "hints")
    }

    /// A student's command failed on a step: another sign of being stuck.
    pub fn command_failed(
        &self,
        student: &str,
        lesson: &str,
        step: &str,
        at: Time,
    ) -> Result<(), ClassError> {
        self.bump(student, lesson, step, at, "failed_commands")
    }

    fn bump(
        &self,
        student: &str,
        lesson: &str,
        step: &str,
        at: Time,
        column: &'static str,
    ) -> Result<(), ClassError> {
        self.step_started(student, lesson, step, at)?;
        let id = self.student(student, at)?;
        // `column` is one of two constants above, never input.
        let sql = format!(
            "UPDATE steps SET {column} = {column} + 1 WHERE student = ?1 AND lesson = ?2 AND step = ?3"
        );
        self.conn
            .execute(&sql, params![id, lesson, step])
            .map(drop)
            .map_err(|e| self.db(e))
    }

    fn step_ids(
        &self,
        student: &str,
        lesson: &str,
        step: &str,
        at: Time,
    ) -> Result<i64, ClassError> {
        check_id("lesson id", lesson)?;
        check_id("step id", step)?;
        self.student(student, at)
    }

    /// A student's vote on a step's prediction; voting again replaces the vote (one per
    /// student per step, so the tally counts people).
    pub fn vote(
        &self,
        student: &str,
        lesson: &str,
        step: &str,
        option: &str,
        at: Time,
    ) -> Result<(), ClassError> {
        check_id("vote option", option)?;
        let id = self.step_ids(student, lesson, step, at)?;
        self.conn
            .execute(
                "INSERT INTO votes (student, lesson, step, option, at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT DO UPDATE SET option = excluded.option, at = excluded.at",
                params![id, lesson, step, option, at],
            )
            .map(drop)
            .map_err(|e| self.db(e))
    }

    /// The tally of a step's vote: (option, count), most votes first.
    pub fn tally(&self, lesson: &str, step: &str) -> Result<Vec<(String, u32)>, ClassError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT option, count(*) FROM votes WHERE lesson = ?1 AND step = ?2
                 GROUP BY option ORDER BY count(*) DESC, option",
            )
            .map_err(|e| self.db(e))?;
        let rows = st
            .query_map(params![lesson, step], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(|e| self.db(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.db(e))
    }

    /// A student answered a quiz question; answering again replaces the answer (the score
    /// counts each question once).
    #[allow(clippy::too_many_arguments)]
    pub fn quiz_answer(
        &self,
        student: &str,
        lesson: &str,
        question: &str,
        answer: &str,
        correct: bool,
        at: Time,
    ) -> Result<(), ClassError> {
        check_id("lesson id", lesson)?;
        check_id("question id", question)?;
        check_answer(answer)?;
        let id = self.student(student, at)?;
        self.conn
            .execute(
                "INSERT INTO quiz_answers (student, lesson, question, answer, correct, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT DO UPDATE SET answer = excluded.answer,
                    correct = excluded.correct, at = excluded.at",
                params![id, lesson, question, answer, correct, at],
            )
            .map(drop)
            .map_err(|e| self.db(e))
    }

    /// Per-student rows, by name.
    pub fn student_rows(&self) -> Result<Vec<export::StudentRow>, ClassError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT s.name,
                    (SELECT count(*) FROM lessons_done d WHERE d.student = s.id),
                    (SELECT count(*) FROM steps t WHERE t.student = s.id AND t.completed IS NOT NULL),
                    (SELECT count(*) FROM quiz_answers q WHERE q.student = s.id AND q.correct),
                    (SELECT count(*) FROM quiz_answers q WHERE q.student = s.id),
                    (SELECT coalesce(sum(max(0, coalesce(e.ended, s.last_seen) - e.started)), 0)
                       FROM sessions e WHERE e.student = s.id)
                 FROM students s ORDER BY s.name",
            )
            .map_err(|e| self.db(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(export::StudentRow {
                    name: r.get(0)?,
                    lessons_done: r.get(1)?,
                    steps_done: r.get(2)?,
                    quiz_right: r.get(3)?,
                    quiz_answered: r.get(4)?,
                    seconds: r.get(5)?,
                })
            })
            .map_err(|e| self.db(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.db(e))
    }

    /// Per-question rows, by lesson then question; the most chosen wrong answer breaks ties
    /// alphabetically, so an export is the same every time.
    pub fn question_rows(&self) -> Result<Vec<export::QuestionRow>, ClassError> {
        let mut st = self
            .conn
            .prepare(
                "SELECT q.lesson, q.question, count(*), sum(q.correct),
                    (SELECT w.answer FROM quiz_answers w
                       WHERE w.lesson = q.lesson AND w.question = q.question AND NOT w.correct
                       GROUP BY w.answer ORDER BY count(*) DESC, w.answer LIMIT 1)
                 FROM quiz_answers q GROUP BY q.lesson, q.question
                 ORDER BY q.lesson, q.question",
            )
            .map_err(|e| self.db(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(export::QuestionRow {
                    lesson: r.get(0)?,
                    question: r.get(1)?,
                    answered: r.get(2)?,
                    right: r.get(3)?,
                    most_chosen_wrong: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                })
            })
            .map_err(|e| self.db(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.db(e))
    }

    /// Student count and last activity, for `kubestory class list`.
    pub fn summary(&self) -> Result<ClassSummary, ClassError> {
        let (students, last_activity) = self
            .conn
            .query_row("SELECT count(*), max(last_seen) FROM students", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(|e| self.db(e))?
            .unwrap_or((0, None));
        Ok(ClassSummary {
            name: self.name.clone(),
            students,
            last_activity,
        })
    }
}

/// A SQLite error, with "not a database" told apart: that file is reported as damaged.
fn db_error(path: &Path, source: rusqlite::Error) -> ClassError {
    use rusqlite::ffi::ErrorCode;
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => ClassError::Corrupt {
            path: path.to_path_buf(),
            reason: source.to_string(),
        },
        _ => ClassError::Db {
            path: path.to_path_buf(),
            source,
        },
    }
}

/// The names of the classes kept, sorted (files named `NAME.sqlite` with a valid name).
pub fn list_names(state_dir: &Path) -> Result<Vec<String>, ClassError> {
    let dir = classes_dir(state_dir);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(ClassError::Io { path: dir, source }),
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let stem = name.strip_suffix(".sqlite")?;
            check_name("class name", stem).ok()?;
            Some(stem.to_string())
        })
        .collect();
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests;
