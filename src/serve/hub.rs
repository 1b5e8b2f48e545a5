//! The class while the server runs: who is connected, where each student is, the votes, and
//! the way to every student's session. Sessions report here; the dashboard reads here and
//! sends the teacher's directives through here. One mutex, held only for copies and map
//! updates (never across I/O).

use super::limits::Limits;
use super::record::Recorder;
use crate::class::live::{ClassEvent, Directive, StudentStatus, Tally};
use crate::ui::mirror::Mirror;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Instant;

/// What reaches a student's session thread.
#[derive(Debug)]
pub enum ToSession {
    /// Bytes their terminal sent.
    Input(Vec<u8>),
    /// Their terminal's new size.
    Resize(u16, u16),
    /// The teacher's directive.
    Directive(Directive),
    /// The teacher started (true) or stopped watching their screen.
    Watch(bool),
    /// The connection is gone.
    Hangup,
}

/// Why a student cannot join.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum JoinError {
    /// [`Limits::max_sessions`] students are connected.
    #[error("the class is full ({0} students are connected); ask your teacher")]
    Full(usize),
    /// The server is stopping.
    #[error("the class is over")]
    Stopping,
}

/// A place in the class, handed to a joining session.
pub struct Joined {
    /// This session's number (the class record's and the hub's key for it).
    pub conn: u64,
    /// Where the session thread reads.
    pub rx: Receiver<ToSession>,
    /// Where the connection writes (also kept by the hub for directives).
    pub tx: SyncSender<ToSession>,
    /// The thread of the same student's previous session, still ending: the new session
    /// waits for it, so progress is saved before it is read again.
    pub previous: Option<JoinHandle<()>>,
}

struct Link {
    conn: u64,
    tx: SyncSender<ToSession>,
    thread: Option<JoinHandle<()>>,
}

struct Entry {
    status: StudentStatus,
    link: Option<Link>,
}

#[derive(Default)]
struct State {
    students: BTreeMap<String, Entry>,
    /// (lesson, step) → student → option.
    votes: HashMap<(String, String), BTreeMap<String, usize>>,
    watched: Option<String>,
    mirror: Option<Mirror>,
    next_conn: u64,
    stopping: bool,
    /// Connections that failed to log in, for the banner.
    refused_logins: u64,
}

/// The class's shared state. See the module doc.
pub struct Hub {
    started: Instant,
    state: Mutex<State>,
    changed: AtomicU64,
    limits: Limits,
    recorder: Recorder,
    banner: Vec<String>,
}

impl Hub {
    /// A hub for a class with these limits, writing through `recorder`, whose dashboard
    /// shows `banner` on top (how to connect).
    pub fn new(limits: Limits, recorder: Recorder, banner: Vec<String>) -> Hub {
        Hub {
            started: Instant::now(),
            state: Mutex::new(State {
                next_conn: 1,
                ..State::default()
            }),
            changed: AtomicU64::new(1),
            limits,
            recorder,
            banner,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A session thread that panicked while holding the lock left the map consistent (every
        // update is a single insert or assignment): go on with it.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn bump(&self) {
        self.changed.fetch_add(1, Ordering::Relaxed);
    }

    /// Milliseconds since the server started: the clock of sessions and the dashboard.
    pub fn now_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }

    /// The limits the server runs with.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The record writer.
    pub fn recorder(&self) -> &Recorder {
        &self.recorder
    }

    /// A counter that moves whenever something the dashboard shows changed.
    pub fn changed(&self) -> u64 {
        self.changed.load(Ordering::Relaxed)
    }

    /// A student logs in. The same name already connected is taken over: the old session is
    /// told so and ends (a student whose laptop lost the network comes back at once).
    pub fn join(&self, name: &str) -> Result<Joined, JoinError> {
        let mut s = self.lock();
        if s.stopping {
            return Err(JoinError::Stopping);
        }
        let connected = s.students.values().filter(|e| e.link.is_some()).count();
        let already = s.students.get(name).is_some_and(|e| e.link.is_some());
        if connected >= self.limits.max_sessions && !already {
            return Err(JoinError::Full(self.limits.max_sessions));
        }
        let conn = s.next_conn;
        s.next_conn += 1;
        let (tx, rx) = sync_channel(self.limits.input_queue);
        let entry = s.students.entry(name.to_string()).or_insert_with(|| Entry {
            status: StudentStatus {
                name: name.to_string(),
                ..StudentStatus::default()
            },
            link: None,
        });
        let mut previous = None;
        if let Some(mut old) = entry.link.take() {
            let _ = old.tx.try_send(ToSession::Directive(Directive::End(
                "You logged in again from another terminal: this one is closed.".into(),
            )));
            previous = old.thread.take();
        }
        entry.link = Some(Link {
            conn,
            tx: tx.clone(),
            thread: None,
        });
        entry.status.connected = true;
        drop(s);
        self.recorder.started(conn, name);
        self.bump();
        Ok(Joined {
            conn,
            rx,
            tx,
            previous,
        })
    }

    /// Keeps the session thread of `conn`, so a later session of the same student or the
    /// server's stop can wait for it.
    pub fn keep_thread(&self, name: &str, conn: u64, thread: JoinHandle<()>) {
        let mut s = self.lock();
        if let Some(link) = s
            .students
            .get_mut(name)
            .and_then(|e| e.link.as_mut())
            .filter(|l| l.conn == conn)
        {
            link.thread = Some(thread);
        }
    }

    /// The session `conn` of `name` ended (the student stays on the dashboard, disconnected).
    pub fn left(&self, name: &str, conn: u64) {
        let mut s = self.lock();
        if let Some(e) = s.students.get_mut(name)
            && e.link.as_ref().is_some_and(|l| l.conn == conn)
        {
            e.link = None;
            e.status.connected = false;
        }
        if s.watched.as_deref() == Some(name) {
            s.mirror = None;
        }
        drop(s);
        self.recorder.ended(conn);
        self.bump();
    }

    /// A session's latest status (and screen, when watched).
    pub fn report(&self, conn: u64, status: StudentStatus, mirror: Option<Mirror>) {
        let mut s = self.lock();
        let name = status.name.clone();
        let Some(e) = s.students.get_mut(&name) else {
            return;
        };
        if e.link.as_ref().map(|l| l.conn) != Some(conn) {
            return;
        }
        let mut changed = false;
        let status = StudentStatus {
            connected: true,
            ..status
        };
        if e.status != status {
            e.status = status;
            changed = true;
        }
        if let Some(m) = mirror
            && s.watched.as_deref() == Some(name.as_str())
        {
            s.mirror = Some(m);
            changed = true;
        }
        drop(s);
        if changed {
            self.bump();
        }
    }

    /// What a session did: votes are tallied here, everything goes to the record.
    pub fn events(&self, name: &str, events: Vec<ClassEvent>) {
        for event in events {
            if let ClassEvent::Voted {
                lesson,
                step,
                option,
            } = &event
            {
                self.lock()
                    .votes
                    .entry((lesson.clone(), step.clone()))
                    .or_default()
                    .insert(name.to_string(), *option);
                self.bump();
            }
            self.recorder.event(name, event);
        }
    }

    /// Everyone seen this run, by name.
    pub fn students(&self) -> Vec<StudentStatus> {
        self.lock()
            .students
            .values()
            .map(|e| e.status.clone())
            .collect()
    }

    /// Sends a directive to one student (`Some(name)`) or everyone connected. A session whose
    /// queue is full (its client stopped reading) misses it rather than stall the teacher.
    pub fn send(&self, to: Option<&str>, directive: Directive) {
        let s = self.lock();
        for (name, e) in &s.students {
            if to.is_some_and(|t| t != name) {
                continue;
            }
            if let Some(link) = &e.link {
                let _ = link.tx.try_send(ToSession::Directive(directive.clone()));
            }
        }
    }

    /// Starts watching one student's screen (or stops, with `None`).
    pub fn watch(&self, student: Option<&str>) {
        let mut s = self.lock();
        let before = s.watched.take();
        if let Some(old) = before.as_deref().and_then(|n| s.students.get(n))
            && let Some(link) = &old.link
        {
            let _ = link.tx.try_send(ToSession::Watch(false));
        }
        s.mirror = None;
        s.watched = student.map(str::to_string);
        if let Some(link) = student
            .and_then(|n| s.students.get(n))
            .and_then(|e| e.link.as_ref())
        {
            let _ = link.tx.try_send(ToSession::Watch(true));
        }
        drop(s);
        self.bump();
    }

    /// The watched student's screen as last drawn.
    pub fn mirror(&self) -> Option<Mirror> {
        self.lock().mirror.clone()
    }

    /// The live vote on a step's prediction with `options` options.
    pub fn tally(&self, lesson: &str, step: &str, options: usize) -> Tally {
        let s = self.lock();
        let mut counts = vec![0u32; options];
        let mut by_student = Vec::new();
        if let Some(votes) = s.votes.get(&(lesson.to_string(), step.to_string())) {
            for (name, &option) in votes {
                if let Some(c) = counts.get_mut(option) {
                    *c += 1;
                    by_student.push((name.clone(), option));
                }
            }
        }
        Tally {
            counts,
            by_student,
            connected: s.students.values().filter(|e| e.link.is_some()).count(),
        }
    }

    /// How to connect, for the dashboard's top lines; with a warning if the record failed.
    pub fn banner(&self) -> Vec<String> {
        let mut lines = self.banner.clone();
        let refused = self.lock().refused_logins;
        if refused > 0 {
            lines.push(format!("{refused} login(s) refused (wrong class code)"));
        }
        if let Some(e) = self.recorder.last_error.lock().ok().and_then(|e| e.clone()) {
            lines.push(format!("the class record could not be written: {e}"));
        }
        lines
    }

    /// Counts a refused login (shown in the banner).
    pub fn login_refused(&self) {
        self.lock().refused_logins += 1;
        self.bump();
    }

    /// Ends every session with `reason` and returns their threads, to be joined: the server
    /// stops. No student can join afterwards.
    pub fn stop_all(&self, reason: &str) -> Vec<JoinHandle<()>> {
        let mut s = self.lock();
        s.stopping = true;
        let mut threads = Vec::new();
        for e in s.students.values_mut() {
            if let Some(link) = e.link.as_mut() {
                // A full queue: the session is stuck writing to a client that does not read;
                // the hang-up that follows (the connection is closed) ends it.
                match link
                    .tx
                    .try_send(ToSession::Directive(Directive::End(reason.to_string())))
                {
                    Ok(()) | Err(TrySendError::Disconnected(_)) => {}
                    Err(TrySendError::Full(_)) => {}
                }
                if let Some(t) = link.thread.take() {
                    threads.push(t);
                }
            }
        }
        threads
    }
}
