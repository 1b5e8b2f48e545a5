//! `kubestory serve` (issue 14): a whole class from one machine. Students connect with the
//! stock OpenSSH client (`ssh -p PORT NAME@HOST`, the class code as the password) and each gets
//! their own kubestory; the teacher's dashboard runs in the terminal where `serve` started.
//!
//! The room's parts, one job each: [`auth`] (the code, failed-login limits), [`host_key`],
//! [`limits`], [`listener`] (the bounded accept loop), [`handler`] (one SSH connection: what is
//! accepted, what is refused), [`session`] (a student's thread), [`hub`] (the class while it
//! runs), [`record`] (the class record's writer), [`screen`] (what a session needs of the
//! student's kubestory, which `ui::remote_session` provides) and [`text`]. This room never
//! imports the terminal libraries: the student's screen and the dashboard are `ui`'s.

pub mod auth;
pub mod dashboard_hub;
pub mod handler;
pub mod headless;
pub mod host_key;
pub mod hub;
pub mod limits;
pub mod listener;
pub mod record;
pub mod screen;
pub mod session;
pub mod student;
pub mod text;

use hub::Hub;
use screen::ScreenFactory;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The port `serve` listens on unless told: OpenSSH's usual alternative port, free on most
/// teachers' laptops (22 is the machine's own SSH server, if any).
pub const DEFAULT_PORT: u16 = 2222;

/// How `kubestory serve` runs.
#[derive(Clone)]
pub struct ServeOptions {
    /// Where to listen (`--listen`).
    pub listen: SocketAddr,
    /// The class code (`--code`); a random one when `None`.
    pub code: Option<String>,
    /// The class's name (`--class`): its record is `<state>/classes/<name>.sqlite`.
    pub class: String,
    /// The state folder.
    pub state_dir: PathBuf,
    /// The server's bounds.
    pub limits: limits::Limits,
    /// Makes each student's screen.
    pub factory: ScreenFactory,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The class record could not be opened.
    #[error(transparent)]
    Class(#[from] crate::class::ClassError),
    /// The host key could not be had.
    #[error(transparent)]
    HostKey(#[from] host_key::HostKeyError),
    /// `--code` is not usable.
    #[error("--code: {0}")]
    Code(#[from] auth::CodeError),
    /// The address could not be listened on.
    #[error("cannot listen on {addr}: {source}{}", bind_hint(.source, .addr))]
    Bind {
        /// The address.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The async runtime could not start.
    #[error("cannot start the server's runtime: {0}")]
    Runtime(std::io::Error),
}

fn bind_hint(e: &std::io::Error, addr: &SocketAddr) -> String {
    match e.kind() {
        std::io::ErrorKind::AddrInUse => format!(
            " (another program uses port {}: try `--listen {}:{}`)",
            addr.port(),
            addr.ip(),
            addr.port().saturating_add(1)
        ),
        std::io::ErrorKind::PermissionDenied if addr.port() < 1024 => {
            " (ports below 1024 need administrator rights: use a port such as 2222)".to_string()
        }
        _ => String::new(),
    }
}

/// A running class server.
pub struct Server {
    hub: Arc<Hub>,
    runtime: tokio::runtime::Runtime,
    stop: tokio::sync::watch::Sender<bool>,
    record: record::RecordThread,
    local_addr: SocketAddr,
    code: String,
}

/// The folder where the students of `class` keep their own progress and drafts.
pub fn students_dir(state_dir: &std::path::Path, class: &str) -> PathBuf {
    crate::class::classes_dir(state_dir)
        .join(class)
        .join("students")
}

impl Server {
    /// Opens the class record, loads (or makes) the host key, listens, and starts accepting
    /// students on a two-thread runtime. The caller runs the dashboard (or waits) and then
    /// calls [`Server::stop`].
    pub fn start(options: ServeOptions) -> Result<Server, ServeError> {
        let record = crate::class::ClassRecord::open_or_create(&options.state_dir, &options.class)?;
        let (key, _new) = host_key::load_or_create(&options.state_dir)?;
        let fingerprint = host_key::fingerprint(&key);
        let code = match options.code {
            Some(c) => {
                auth::check_code(&c)?;
                c
            }
            None => auth::new_code(),
        };
        let bind = |source| ServeError::Bind {
            addr: options.listen,
            source,
        };
        let std_listener = std::net::TcpListener::bind(options.listen).map_err(bind)?;
        std_listener.set_nonblocking(true).map_err(bind)?;
        let local_addr = std_listener.local_addr().map_err(bind)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("serve")
            .enable_all()
            .build()
            .map_err(ServeError::Runtime)?;
        let listener = {
            let _guard = runtime.enter();
            tokio::net::TcpListener::from_std(std_listener).map_err(bind)?
        };
        let (recorder, record) = record::start(record);
        let ssh = text::Ssh {
            port: local_addr.port(),
            host: connect_host(local_addr),
        };
        let banner = banner_lines(&options.class, &ssh, &code, &fingerprint);
        let hub = Arc::new(Hub::new(options.limits.clone(), recorder, banner));
        let ctx = Arc::new(handler::Ctx {
            hub: hub.clone(),
            factory: options.factory,
            code: code.clone(),
            rate: Mutex::new(auth::RateLimit::new(
                options.limits.failed_logins,
                options.limits.failed_login_cooldown,
            )),
            students_dir: Some(students_dir(&options.state_dir, &options.class)),
            started: Instant::now(),
            ssh,
        });
        let config = Arc::new(russh::server::Config {
            server_id: russh::SshId::Standard(
                concat!("SSH-2.0-kubestory_", env!("CARGO_PKG_VERSION")).into(),
            ),
            methods: handler::Conn::methods(),
            auth_rejection_time: Duration::from_secs(1),
            // OpenSSH first asks with "none" to learn the methods: answer that at once.
            auth_rejection_time_initial: Some(Duration::ZERO),
            keys: vec![key],
            // OpenSSH's first "none" probe counts as one: three tries at the code.
            max_auth_attempts: 4,
            // Idle students are ended by their session (with a message); the transport only
            // drops peers that stopped answering keepalives.
            inactivity_timeout: None,
            keepalive_interval: Some(Duration::from_secs(30)),
            keepalive_max: 3,
            nodelay: true,
            ..Default::default()
        });
        let (stop, stop_rx) = tokio::sync::watch::channel(false);
        runtime.spawn(listener::accept_loop(listener, config, ctx, stop_rx));
        Ok(Server {
            hub,
            runtime,
            stop,
            record,
            local_addr,
            code,
        })
    }

    /// The class, for the dashboard.
    pub fn hub(&self) -> Arc<Hub> {
        self.hub.clone()
    }

    /// The address students connect to (the real port when `--listen` asked for port 0).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The class code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Stops the class: every student is told the class is over and their work is saved, the
    /// connections close, and the class record is complete on disk when this returns.
    pub fn stop(self) {
        let threads = self.hub.stop_all(text::CLASS_OVER);
        let deadline = Instant::now() + Duration::from_secs(10);
        for t in threads {
            while !t.is_finished() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(10));
            }
            if t.is_finished() {
                let _ = t.join();
            }
        }
        // The goodbye bytes are queued: give the writers a moment to send them before the
        // connections are told to disconnect.
        std::thread::sleep(Duration::from_millis(200));
        let _ = self.stop.send(true);
        self.runtime.shutdown_timeout(Duration::from_secs(2));
        self.hub.recorder().stop();
        drop(self.hub);
        self.record.finish();
    }
}

/// The dashboard's top lines: how to connect, for the projector.
fn banner_lines(class: &str, ssh: &text::Ssh, code: &str, fingerprint: &str) -> Vec<String> {
    vec![
        format!(
            "class {class}: connect with   {}   class code: {code}",
            ssh.line("YOURNAME")
        ),
        format!("host key {fingerprint} (ssh shows it the first time: it must match)"),
    ]
}

/// The address students type: the listening address, or this machine's network address
/// when listening on all of them (IPv6 in brackets).
fn connect_host(addr: SocketAddr) -> String {
    let host = if addr.ip().is_unspecified() {
        lan_address().map_or_else(|| "THIS-MACHINE".to_string(), |ip| ip.to_string())
    } else {
        addr.ip().to_string()
    };
    if host.contains(':') {
        format!("[{host}]")
    } else {
        host
    }
}

/// This machine's address on the local network, as students see it: the source address the
/// system would use to reach a public address (a UDP "connect" sends nothing).
fn lan_address() -> Option<std::net::IpAddr> {
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}
