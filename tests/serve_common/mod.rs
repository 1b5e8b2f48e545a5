//! Shared by the class server's tests: a scripted SSH client (russh's) that logs in as a
//! student, and a stand-in student screen so the server is tested without the TUI.
#![allow(dead_code)]

use kubestory::class::live::{ClassEvent, Directive, Place, StudentStatus};
use kubestory::serve::screen::{Screen, ScreenFactory, ScreenSetup};
use kubestory::serve::{ServeOptions, Server, limits::Limits};
use russh::client;
use russh::keys::PublicKeyOrCertificate;
use std::sync::Arc;
use std::time::Duration;

/// The code every test class uses.
pub const CODE: &str = "test-code-42";

/// Trusts any host key (the tests check the key's persistence separately).
pub struct Trust;

impl client::Handler for Trust {
    type Error = russh::Error;
    async fn check_server_key(&mut self, _: &PublicKeyOrCertificate) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

/// A started server over a temporary state folder (removed on drop, after the server stops).
pub struct TestServer {
    pub server: Option<Server>,
    pub dir: tempfile::TempDir,
    pub addr: std::net::SocketAddr,
}

impl TestServer {
    pub fn start(limits: Limits, factory: ScreenFactory) -> TestServer {
        let dir = tempfile::tempdir().unwrap();
        let server = Server::start(ServeOptions {
            listen: "127.0.0.1:0".parse().unwrap(),
            code: Some(CODE.into()),
            class: "test-class".into(),
            state_dir: dir.path().to_path_buf(),
            limits,
            factory,
        })
        .unwrap();
        let addr = server.local_addr();
        TestServer {
            server: Some(server),
            dir,
            addr,
        }
    }

    pub fn stop(&mut self) {
        if let Some(s) = self.server.take() {
            s.stop();
        }
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A client runtime (the server has its own; a test drives clients from this one).
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Connects and tries the password; `Ok(None)`: refused.
pub async fn login(
    addr: std::net::SocketAddr,
    user: &str,
    code: &str,
) -> Result<Option<client::Handle<Trust>>, russh::Error> {
    let config = Arc::new(client::Config {
        inactivity_timeout: Some(Duration::from_secs(30)),
        ..Default::default()
    });
    let mut handle = client::connect(config, addr, Trust).await?;
    let auth = handle.authenticate_password(user, code).await?;
    Ok(auth.success().then_some(handle))
}

/// A logged-in student with a shell channel, collecting what the server draws.
pub struct Student {
    pub handle: client::Handle<Trust>,
    pub channel: russh::Channel<client::Msg>,
    pub screen: Vec<u8>,
    pub exit: Option<u32>,
    pub closed: bool,
}

impl Student {
    /// Logs in with the class code and opens the kubestory session at `cols`x`rows`.
    pub async fn join(addr: std::net::SocketAddr, user: &str, cols: u32, rows: u32) -> Student {
        let handle = login(addr, user, CODE)
            .await
            .unwrap()
            .expect("the class code is accepted");
        let channel = handle.channel_open_session().await.unwrap();
        channel
            .request_pty(true, "xterm-256color", cols, rows, 0, 0, &[])
            .await
            .unwrap();
        channel.request_shell(true).await.unwrap();
        Student {
            handle,
            channel,
            screen: Vec::new(),
            exit: None,
            closed: false,
        }
    }

    /// Reads until the screen holds `needle` (true) or `limit` passes (false).
    pub async fn wait_for(&mut self, needle: &str, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        loop {
            if String::from_utf8_lossy(&self.screen).contains(needle) {
                return true;
            }
            if self.closed {
                return false;
            }
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Err(_) => return false,
                Ok(None) => self.closed = true,
                Ok(Some(msg)) => self.take(msg),
            }
        }
    }

    /// Reads until the channel closes (true) or `limit` passes.
    pub async fn wait_closed(&mut self, limit: Duration) -> bool {
        let deadline = tokio::time::Instant::now() + limit;
        while !self.closed {
            match tokio::time::timeout_at(deadline, self.channel.wait()).await {
                Err(_) => return false,
                Ok(None) => self.closed = true,
                Ok(Some(msg)) => self.take(msg),
            }
        }
        true
    }

    fn take(&mut self, msg: russh::ChannelMsg) {
        match msg {
            russh::ChannelMsg::Data { data } => self.screen.extend_from_slice(&data),
            russh::ChannelMsg::ExtendedData { data, .. } => self.screen.extend_from_slice(&data),
            russh::ChannelMsg::ExitStatus { exit_status } => self.exit = Some(exit_status),
            russh::ChannelMsg::Close => self.closed = true,
            _ => {}
        }
    }

    /// Types bytes.
    pub async fn send(&mut self, bytes: &[u8]) {
        self.channel.data_bytes(bytes.to_vec()).await.unwrap();
    }

    /// The screen as text so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.screen).into_owned()
    }
}

/// A stand-in student screen: greets, echoes every input as `got:…`, `v` votes for option b,
/// `q` quits, shows directives as text.
pub struct EchoScreen {
    name: String,
    size: (u16, u16),
    pending: Vec<u8>,
    events: Vec<ClassEvent>,
    ended: Option<String>,
    greeted: bool,
    last: u64,
}

/// Makes [`EchoScreen`]s.
pub fn echo_factory() -> ScreenFactory {
    Arc::new(|setup: ScreenSetup| {
        Box::new(EchoScreen {
            name: setup.student,
            size: (setup.width, setup.height),
            pending: Vec::new(),
            events: Vec::new(),
            ended: None,
            greeted: false,
            last: setup.now_ms,
        }) as Box<dyn Screen>
    })
}

impl Screen for EchoScreen {
    fn input(&mut self, bytes: &[u8], now_ms: u64) {
        self.last = now_ms;
        if bytes.contains(&b'q') {
            self.ended = Some("quit".into());
            return;
        }
        if bytes == b"v" {
            self.events.push(ClassEvent::Voted {
                lesson: "state".into(),
                step: "crash".into(),
                option: 1,
            });
        }
        self.pending.extend_from_slice(b"got:");
        self.pending.extend_from_slice(bytes);
        self.pending.extend_from_slice(b"\r\n");
    }
    fn resize(&mut self, width: u16, height: u16) {
        self.size = (width, height);
        self.pending
            .extend_from_slice(format!("size:{width}x{height}\r\n").as_bytes());
    }
    fn directive(&mut self, d: Directive, _now_ms: u64) {
        match d {
            Directive::End(reason) => self.ended = Some(reason),
            other => self
                .pending
                .extend_from_slice(format!("directive:{other:?}\r\n").as_bytes()),
        }
    }
    fn wake_in(&self, _now_ms: u64) -> Option<Duration> {
        None
    }
    fn poll(&mut self, _now_ms: u64) {}
    fn frame(&mut self) -> Option<Vec<u8>> {
        if !self.greeted {
            self.greeted = true;
            let (w, h) = self.size;
            self.pending.splice(
                0..0,
                format!("welcome {} {w}x{h}\r\n", self.name).into_bytes(),
            );
        }
        (!self.pending.is_empty()).then(|| std::mem::take(&mut self.pending))
    }
    fn status(&self, now_ms: u64) -> StudentStatus {
        StudentStatus {
            name: self.name.clone(),
            place: Place::Sandbox,
            last_activity_ms: self.last.min(now_ms),
            ..StudentStatus::default()
        }
    }
    fn take_events(&mut self) -> Vec<ClassEvent> {
        std::mem::take(&mut self.events)
    }
    fn ended(&self) -> bool {
        self.ended.is_some()
    }
    fn goodbye(&mut self) -> Vec<u8> {
        format!("bye: {}\r\n", self.ended.clone().unwrap_or_default()).into_bytes()
    }
    fn mirror(&self) -> Option<kubestory::ui::mirror::Mirror> {
        None
    }
}
