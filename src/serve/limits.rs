//! The bounds of `kubestory serve`: a class server faces every machine that can reach its port,
//! so every resource a stranger can make it spend has a limit (see SECURITY.md).

use std::time::Duration;

/// The server's limits, with defaults sized for one class on one laptop (the load benchmark
/// in BENCHMARKS.md serves 200 students on 2 cores).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Students connected at once; one more is told the class is full.
    pub max_sessions: usize,
    /// TCP connections at once, authenticated or not (a flood of half-open connections
    /// cannot starve the students).
    pub max_connections: usize,
    /// Connections at once from one address (a classroom behind one NAT has many students
    /// on one address, so this is generous).
    pub max_connections_per_ip: usize,
    /// The time a connection has to finish the SSH handshake and log in.
    pub login_deadline: Duration,
    /// A student who presses no key for this long is disconnected (their progress is kept).
    pub idle_timeout: Duration,
    /// Failed logins from one address before it must wait ([`crate::serve::auth::RateLimit`]).
    pub failed_logins: u32,
    /// How long an address that failed too often waits.
    pub failed_login_cooldown: Duration,
    /// Input bytes queued for a session before more are dropped (a client that pastes faster
    /// than the session reads loses input, never the server's memory).
    pub input_queue: usize,
    /// Frames queued for a client that reads slowly before the session waits for it.
    pub output_queue: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_sessions: 250,
            max_connections: 400,
            max_connections_per_ip: 300,
            login_deadline: Duration::from_secs(30),
            idle_timeout: Duration::from_secs(45 * 60),
            failed_logins: 5,
            failed_login_cooldown: Duration::from_secs(60),
            input_queue: 64,
            output_queue: 64,
        }
    }
}
