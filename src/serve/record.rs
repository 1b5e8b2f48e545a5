//! The class record's one writer: a thread that owns the SQLite connection and writes what
//! the sessions report, in order, so no session ever waits on the disk. The record is the
//! class's memory across server restarts (see [`crate::class`]).

use crate::class::ClassRecord;
use crate::class::live::ClassEvent;
use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

/// One write for the record.
#[derive(Debug)]
enum Op {
    /// A session began (`conn` identifies it until it ends).
    Started { conn: u64, student: String, at: i64 },
    /// The session `conn` ended.
    Ended { conn: u64, at: i64 },
    /// Stop writing.
    Stop,
    /// Something the student did.
    Event {
        student: String,
        event: ClassEvent,
        at: i64,
    },
}

/// The handle sessions write through. Cloning it is cheap; the writer stops when
/// [`Recorder::finish`] is called after every session ended.
#[derive(Clone)]
pub struct Recorder {
    tx: Sender<Op>,
    /// The last write that failed, for the dashboard's banner (a full disk must not go
    /// unnoticed, nor stop the class).
    pub last_error: Arc<Mutex<Option<String>>>,
}

/// The writer thread, to be joined at the end.
pub struct RecordThread {
    join: JoinHandle<()>,
}

/// The wall clock in Unix seconds: the record's times.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Starts the writer over an open record.
pub fn start(record: ClassRecord) -> (Recorder, RecordThread) {
    let (tx, rx) = channel();
    let last_error = Arc::new(Mutex::new(None));
    let errors = last_error.clone();
    let join = std::thread::Builder::new()
        .name("class-record".into())
        .spawn(move || write_all(record, rx, errors))
        .expect("spawn the class record writer");
    (Recorder { tx, last_error }, RecordThread { join })
}

impl Recorder {
    /// A session of `student` began.
    pub fn started(&self, conn: u64, student: &str) {
        let _ = self.tx.send(Op::Started {
            conn,
            student: student.to_string(),
            at: unix_now(),
        });
    }

    /// The session `conn` ended.
    pub fn ended(&self, conn: u64) {
        let _ = self.tx.send(Op::Ended {
            conn,
            at: unix_now(),
        });
    }

    /// Stops the writer once what was sent before is written (sessions still running after
    /// this lose their later events; the server stops them first).
    pub fn stop(&self) {
        let _ = self.tx.send(Op::Stop);
    }

    /// Something `student` did.
    pub fn event(&self, student: &str, event: ClassEvent) {
        let _ = self.tx.send(Op::Event {
            student: student.to_string(),
            event,
            at: unix_now(),
        });
    }
}

impl RecordThread {
    /// Waits until every write sent before [`Recorder::stop`] (or before the last
    /// [`Recorder`] was dropped) is on disk.
    pub fn finish(self) {
        let _ = self.join.join();
    }
}

/// The step a failure outside any lesson step is counted under.
const NO_STEP: &str = "-";

fn write_all(record: ClassRecord, rx: Receiver<Op>, errors: Arc<Mutex<Option<String>>>) {
    let mut sessions: HashMap<u64, (String, i64)> = HashMap::new();
    for op in rx {
        let result = match op {
            Op::Stop => break,
            Op::Started { conn, student, at } => record.session_started(&student, at).map(|id| {
                sessions.insert(conn, (student, id));
            }),
            Op::Ended { conn, at } => match sessions.remove(&conn) {
                Some((student, id)) => record.session_ended(&student, id, at),
                None => Ok(()),
            },
            Op::Event { student, event, at } => write_event(&record, &student, event, at),
        };
        if let Err(e) = result
            && let Ok(mut slot) = errors.lock()
        {
            *slot = Some(e.to_string());
        }
    }
    // The server stops: any session still open ends now.
    let at = unix_now();
    for (_, (student, id)) in sessions {
        let _ = record.session_ended(&student, id, at);
    }
}

fn or_dash(s: &str) -> &str {
    if s.is_empty() { NO_STEP } else { s }
}

fn write_event(
    record: &ClassRecord,
    student: &str,
    event: ClassEvent,
    at: i64,
) -> Result<(), crate::class::ClassError> {
    match event {
        ClassEvent::StepStarted { lesson, step } => {
            record.step_started(student, &lesson, &step, at)
        }
        ClassEvent::StepCompleted { lesson, step } => {
            record.step_completed(student, &lesson, &step, at)
        }
        ClassEvent::LessonCompleted { lesson } => record.lesson_completed(student, &lesson, at),
        ClassEvent::HintOpened { lesson, step, .. } => {
            record.hint_opened(student, &lesson, &step, at)
        }
        // The sandbox has no lesson: its failures count under "sandbox".
        ClassEvent::CommandFailed { lesson, step, .. } => {
            let lesson = if lesson.is_empty() {
                "sandbox"
            } else {
                &lesson
            };
            record.command_failed(student, lesson, or_dash(&step), at)
        }
        ClassEvent::Voted {
            lesson,
            step,
            option,
        } => record.vote(student, &lesson, &step, &option_letter(option), at),
        ClassEvent::QuizAnswered {
            lesson,
            question,
            answer,
            correct,
        } => {
            let answer: String = answer.chars().take(1000).collect();
            record.quiz_answer(student, &lesson, &question, &answer, correct, at)
        }
    }
}

/// A vote's option as the learner chose it: `a`, `b`, … (as the keys and the tally name them).
pub fn option_letter(option: usize) -> String {
    match u8::try_from(option).ok().filter(|o| *o < 26) {
        Some(o) => char::from(b'a' + o).to_string(),
        None => option.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_reach_the_record_in_order_and_sessions_end_on_finish() {
        let dir = tempfile::tempdir().unwrap();
        let record = ClassRecord::open_or_create(dir.path(), "k8s-101").unwrap();
        let (rec, thread) = start(record);
        rec.started(1, "ada");
        rec.event(
            "ada",
            ClassEvent::StepCompleted {
                lesson: "state".into(),
                step: "write".into(),
            },
        );
        rec.event(
            "ada",
            ClassEvent::Voted {
                lesson: "state".into(),
                step: "crash".into(),
                option: 1,
            },
        );
        rec.event(
            "ada",
            ClassEvent::QuizAnswered {
                lesson: "state".into(),
                question: "q1".into(),
                answer: "b".into(),
                correct: true,
            },
        );
        rec.event(
            "ada",
            ClassEvent::CommandFailed {
                lesson: String::new(),
                step: String::new(),
                command: "kubectl nope".into(),
            },
        );
        let errors = rec.last_error.clone();
        drop(rec);
        thread.finish();
        assert_eq!(*errors.lock().unwrap(), None);
        let record = ClassRecord::open_existing(dir.path(), "k8s-101").unwrap();
        let rows = record.student_rows().unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].steps_done, 1);
        assert_eq!(rows[0].quiz_right, 1);
        assert_eq!(
            record.tally("state", "crash").unwrap(),
            vec![("b".to_string(), 1)]
        );
    }

    #[test]
    fn a_refused_write_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let record = ClassRecord::open_or_create(dir.path(), "c").unwrap();
        let (rec, thread) = start(record);
        rec.event(
            "ada",
            ClassEvent::StepStarted {
                lesson: String::new(),
                step: "s".into(),
            },
        );
        rec.started(1, "ada");
        let errors = rec.last_error.clone();
        drop(rec);
        thread.finish();
        let e = errors.lock().unwrap().clone().unwrap_or_default();
        assert!(e.contains("lesson id"), "{e}");
    }

    #[test]
    fn option_letters() {
        assert_eq!(option_letter(0), "a");
        assert_eq!(option_letter(3), "d");
        assert_eq!(option_letter(30), "30");
    }
}
