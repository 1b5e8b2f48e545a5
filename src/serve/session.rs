//! One student's session: a thread that owns their [`Screen`], reads what their connection
//! and the teacher send, and hands the bytes to draw back to the connection. A thread per
//! student keeps the simulator synchronous and a slow or stuck student isolated; idle, the
//! thread sleeps until input or the screen's next timed work.

use super::hub::{Hub, ToSession};
use super::screen::{Screen, ScreenFactory, ScreenSetup};
use crate::class::live::Directive;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::Duration;

/// What the session sends to its connection.
#[derive(Debug, PartialEq, Eq)]
pub enum Out {
    /// Bytes for the student's terminal.
    Data(Vec<u8>),
    /// The last bytes, then the channel closes with this exit status.
    Close(Vec<u8>, u32),
}

/// Where the session writes: a bounded queue to the connection's writer task. A client that
/// stops reading fills it, and then the session waits (its input queue fills in turn and
/// further keys are dropped): one stuck client costs one thread, never the server's memory.
pub type OutTx = tokio::sync::mpsc::Sender<Out>;

/// The longest a session sleeps without a reason to wake (to notice the idle timeout).
const MAX_SLEEP: Duration = Duration::from_secs(5);

/// The longest a new session waits for the same student's previous one to save and end.
const TAKEOVER_WAIT: Duration = Duration::from_secs(5);

/// Starts the session thread of a student who joined (see [`Hub::join`]).
pub fn spawn(
    hub: Arc<Hub>,
    factory: ScreenFactory,
    setup: ScreenSetup,
    conn: u64,
    rx: Receiver<ToSession>,
    previous: Option<JoinHandle<()>>,
    out: OutTx,
) -> std::io::Result<JoinHandle<()>> {
    let name = setup.student.clone();
    std::thread::Builder::new()
        .name(format!("student-{name}"))
        .spawn(move || {
            if let Some(previous) = previous {
                wait_for(previous, TAKEOVER_WAIT);
            }
            let hub2 = hub.clone();
            // A panic in one student's screen ends that session only; the connection is
            // closed with a message and the class goes on.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run(&hub2, factory, setup, conn, rx, &out)
            }));
            if result.is_err() {
                let _ = out.blocking_send(Out::Close(super::text::crashed().into_bytes(), 2));
            }
            hub.left(&name, conn);
        })
}

/// Joins a thread, giving up after `limit` (it then ends on its own).
fn wait_for(thread: JoinHandle<()>, limit: Duration) {
    let start = std::time::Instant::now();
    while !thread.is_finished() && start.elapsed() < limit {
        std::thread::sleep(Duration::from_millis(20));
    }
    if thread.is_finished() {
        let _ = thread.join();
    }
}

fn run(
    hub: &Hub,
    factory: ScreenFactory,
    setup: ScreenSetup,
    conn: u64,
    rx: Receiver<ToSession>,
    out: &OutTx,
) {
    let name = setup.student.clone();
    let mut screen: Box<dyn Screen> = factory(setup);
    let idle_limit = hub.limits().idle_timeout.as_millis() as u64;
    let mut last_input = hub.now_ms();
    let mut watched = false;
    let mut idle_said = false;
    // The first screen at once, before waiting for anything.
    if let Some(bytes) = screen.frame()
        && out.blocking_send(Out::Data(bytes)).is_err()
    {
        let _ = screen.goodbye();
        return;
    }
    hub.report(conn, screen.status(hub.now_ms()), None);
    loop {
        let now = hub.now_ms();
        let idle_left = Duration::from_millis((last_input + idle_limit).saturating_sub(now));
        let sleep = screen
            .wake_in(now)
            .unwrap_or(MAX_SLEEP)
            .min(MAX_SLEEP)
            .min(idle_left);
        let mut hangup = false;
        match rx.recv_timeout(sleep) {
            Ok(msg) => {
                hangup |= handle(&mut *screen, msg, hub, &mut last_input, &mut watched);
                // Whatever else arrived meanwhile, before drawing once.
                while let Ok(msg) = rx.try_recv() {
                    hangup |= handle(&mut *screen, msg, hub, &mut last_input, &mut watched);
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => hangup = true,
        }
        let now = hub.now_ms();
        if !idle_said && now.saturating_sub(last_input) >= idle_limit {
            idle_said = true;
            screen.directive(
                Directive::End(super::text::idle(hub.limits().idle_timeout)),
                now,
            );
        }
        screen.poll(now);
        let events = screen.take_events();
        if !events.is_empty() {
            hub.events(&name, events);
        }
        if hangup {
            // Nobody to draw for: save the student's work and go.
            let _ = screen.goodbye();
            hub.events(&name, screen.take_events());
            return;
        }
        if let Some(bytes) = screen.frame()
            && out.blocking_send(Out::Data(bytes)).is_err()
        {
            let _ = screen.goodbye();
            hub.events(&name, screen.take_events());
            return;
        }
        hub.report(
            conn,
            screen.status(now),
            watched.then(|| screen.mirror()).flatten(),
        );
        if screen.ended() {
            // Saving may report more (a quiz's answers so far): recorded before the close.
            let bytes = screen.goodbye();
            hub.events(&name, screen.take_events());
            let _ = out.blocking_send(Out::Close(bytes, 0));
            return;
        }
    }
}

/// Applies one message; says whether the connection hung up.
fn handle(
    screen: &mut dyn Screen,
    msg: ToSession,
    hub: &Hub,
    last_input: &mut u64,
    watched: &mut bool,
) -> bool {
    let now = hub.now_ms();
    match msg {
        ToSession::Input(bytes) => {
            *last_input = now;
            screen.input(&bytes, now);
        }
        ToSession::Resize(w, h) => screen.resize(w, h),
        ToSession::Directive(d) => screen.directive(d, now),
        ToSession::Watch(on) => *watched = on,
        ToSession::Hangup => return true,
    }
    false
}
