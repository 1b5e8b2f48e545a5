//! One SSH connection: the class code checked (password or keyboard-interactive), one session
//! channel with a pty and a shell request becomes the student's kubestory; anything else a
//! client may ask for (a command, sftp, port or agent forwarding, X11, a second channel) is
//! refused. russh calls these methods; each answers at once (no method waits on a student's
//! screen).

use super::auth::{RateLimit, code_matches};
use super::hub::{Hub, ToSession};
use super::screen::{ScreenFactory, ScreenSetup};
use super::session::{self, Out};
use super::text;
use russh::server::{Auth, ChannelOpenHandle, Msg, Response, Session};
use russh::{Channel, ChannelId, MethodKind, MethodSet, Pty};
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What every connection shares.
pub struct Ctx {
    /// The class.
    pub hub: Arc<Hub>,
    /// Makes each student's screen.
    pub factory: ScreenFactory,
    /// The class code.
    pub code: String,
    /// Failed logins per address.
    pub rate: Mutex<RateLimit>,
    /// Where each student's own folder is made (`<dir>/<name>`); `None`: nothing kept.
    pub students_dir: Option<PathBuf>,
    /// When the server started (the rate limit's clock).
    pub started: Instant,
    /// How students connect, for the refusals that say so.
    pub ssh: text::Ssh,
}

/// The largest terminal a client may claim (cells are drawn per frame: a huge claimed size
/// would cost every frame).
const MAX_COLS: u32 = 500;
const MAX_ROWS: u32 = 200;

/// The terminal a client asked for.
#[derive(Clone, Debug)]
struct PtyInfo {
    term: String,
    width: u16,
    height: u16,
}

/// One connection's state.
pub struct Conn {
    ctx: Arc<Ctx>,
    peer: IpAddr,
    /// Set once the code was right: the listener's login deadline reads it.
    pub authed: Arc<AtomicBool>,
    user: String,
    channel: Option<ChannelId>,
    pty: Option<PtyInfo>,
    no_color: bool,
    /// `LC_ALL`, `LC_CTYPE`, `LANG` as the client sent them.
    locale: [Option<String>; 3],
    tx: Option<SyncSender<ToSession>>,
}

impl Conn {
    /// A connection from `peer`.
    pub fn new(ctx: Arc<Ctx>, peer: Option<std::net::SocketAddr>) -> Conn {
        Conn {
            ctx,
            peer: peer.map_or(IpAddr::from([0, 0, 0, 0]), |p| p.ip()),
            authed: Arc::new(AtomicBool::new(false)),
            user: String::new(),
            channel: None,
            pty: None,
            no_color: false,
            locale: [None, None, None],
            tx: None,
        }
    }

    /// The methods a client may use: the code as a password, or typed at a prompt. Public
    /// keys are not offered, so clients do not try every key they hold first.
    pub fn methods() -> MethodSet {
        MethodSet::from(&[MethodKind::KeyboardInteractive, MethodKind::Password][..])
    }

    fn reject() -> Auth {
        Auth::Reject {
            proceed_with_methods: Some(Self::methods()),
            partial_success: false,
        }
    }

    fn check(&mut self, user: &str, given: &[u8]) -> Auth {
        let now = self.ctx.started.elapsed();
        let mut rate = self.ctx.rate.lock().unwrap_or_else(|e| e.into_inner());
        if !rate.allows(self.peer, now) {
            drop(rate);
            self.ctx.hub.login_refused();
            return Self::reject();
        }
        if code_matches(&self.ctx.code, given) {
            rate.succeeded(self.peer);
            self.user = user.to_string();
            self.authed.store(true, Ordering::SeqCst);
            Auth::Accept
        } else {
            rate.failed(self.peer, now);
            drop(rate);
            self.ctx.hub.login_refused();
            Self::reject()
        }
    }

    /// Writes `text` to the channel and closes it with exit status 1.
    fn refuse(session: &mut Session, channel: ChannelId, text: String) -> Result<(), russh::Error> {
        session.data(channel, text.into_bytes())?;
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)
    }

    fn start(&mut self, channel: ChannelId, session: &mut Session) -> Result<(), russh::Error> {
        let Some(pty) = self.pty.clone() else {
            return Self::refuse(session, channel, text::need_terminal(&self.ctx.ssh));
        };
        if crate::ui::remote_term::refusal(&pty.term).is_some() {
            return Self::refuse(
                session,
                channel,
                text::need_full_screen(&pty.term, &self.ctx.ssh),
            );
        }
        if let Err(e) = crate::class::bounds::check_name("student name", &self.user) {
            return Self::refuse(
                session,
                channel,
                text::bad_name(&e.to_string(), &self.ctx.ssh),
            );
        }
        let hub = self.ctx.hub.clone();
        let joined = match hub.join(&self.user) {
            Ok(j) => j,
            Err(e) => return Self::refuse(session, channel, text::cannot_join(&e.to_string())),
        };
        let (out_tx, mut out_rx) = tokio::sync::mpsc::channel::<Out>(hub.limits().output_queue);
        let handle = session.handle();
        tokio::spawn(async move {
            while let Some(out) = out_rx.recv().await {
                match out {
                    Out::Data(bytes) => {
                        if handle.data(channel, bytes).await.is_err() {
                            break;
                        }
                    }
                    Out::Close(bytes, status) => {
                        let _ = handle.data(channel, bytes).await;
                        let _ = handle.exit_status_request(channel, status).await;
                        let _ = handle.eof(channel).await;
                        let _ = handle.close(channel).await;
                        break;
                    }
                }
            }
        });
        let setup = ScreenSetup {
            student: self.user.clone(),
            width: pty.width,
            height: pty.height,
            term: pty.term,
            no_color: self.no_color,
            locale: self.locale.clone(),
            state_dir: self.ctx.students_dir.as_ref().map(|d| d.join(&self.user)),
            now_ms: hub.now_ms(),
        };
        let thread = session::spawn(
            hub.clone(),
            self.ctx.factory.clone(),
            setup,
            joined.conn,
            joined.rx,
            joined.previous,
            out_tx,
        )
        .map_err(russh::Error::IO)?;
        hub.keep_thread(&self.user, joined.conn, thread);
        self.tx = Some(joined.tx);
        Ok(())
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        if let Some(tx) = self.tx.take() {
            let _ = tx.try_send(ToSession::Hangup);
        }
    }
}

impl russh::server::Handler for Conn {
    type Error = russh::Error;

    async fn auth_none(&mut self, _user: &str) -> Result<Auth, Self::Error> {
        Ok(Self::reject())
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        Ok(self.check(user, password.as_bytes()))
    }

    async fn auth_publickey_offered(
        &mut self,
        _user: &str,
        _offer: russh::server::PublicKeyOffer<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(Self::reject())
    }

    async fn auth_publickey(
        &mut self,
        _user: &str,
        _key: russh::server::VerifiedPublicKey<'_>,
    ) -> Result<Auth, Self::Error> {
        Ok(Self::reject())
    }

    async fn auth_keyboard_interactive<'a>(
        &'a mut self,
        user: &str,
        _submethods: &str,
        response: Option<Response<'a>>,
    ) -> Result<Auth, Self::Error> {
        match response {
            None => Ok(Auth::Partial {
                name: "kubestory".into(),
                instructions: text::CODE_INSTRUCTION.into(),
                prompts: vec![(text::CODE_PROMPT.into(), false)].into(),
            }),
            Some(mut answers) => {
                let given = answers.next().unwrap_or_default();
                Ok(self.check(user, &given))
            }
        }
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.is_some() {
            // One kubestory per connection.
            reply
                .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        self.channel = Some(channel.id());
        reply.accept().await;
        Ok(())
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host_to_connect: &str,
        _port_to_connect: u32,
        _originator_address: &str,
        _originator_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        _socket_path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(russh::ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn data(
        &mut self,
        channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) == self.channel
            && let Some(tx) = &self.tx
        {
            // A full queue: the student's session is behind; the keys are dropped.
            let _ = tx.try_send(ToSession::Input(data.to_vec()));
        }
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) == self.channel
            && let Some(tx) = self.tx.take()
        {
            let _ = tx.try_send(ToSession::Hangup);
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.channel_eof(channel, session).await
    }

    #[allow(clippy::too_many_arguments)]
    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) != self.channel || self.tx.is_some() {
            return session.channel_failure(channel);
        }
        let term: String = term
            .chars()
            .filter(|c| c.is_ascii_graphic())
            .take(64)
            .collect();
        self.pty = Some(PtyInfo {
            term,
            width: col_width.clamp(1, MAX_COLS) as u16,
            height: row_height.clamp(1, MAX_ROWS) as u16,
        });
        session.channel_success(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        variable_name: &str,
        variable_value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // https://no-color.org: present and not empty. OpenSSH sends it with
        // `-o SendEnv=NO_COLOR`; of the rest of the client's environment only the locale is
        // used.
        if variable_name == "NO_COLOR" && !variable_value.is_empty() {
            self.no_color = true;
            return session.channel_success(channel);
        }
        // The locale decides whether to draw ASCII; only its spelling is kept, bounded.
        let slot = match variable_name {
            "LC_ALL" => Some(0),
            "LC_CTYPE" => Some(1),
            "LANG" => Some(2),
            _ => None,
        };
        if let Some(i) = slot
            && variable_value.len() <= 64
        {
            self.locale[i] = Some(variable_value.to_string());
            return session.channel_success(channel);
        }
        session.channel_failure(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if Some(channel) != self.channel || self.tx.is_some() {
            return session.channel_failure(channel);
        }
        session.channel_success(channel)?;
        self.start(channel, session)
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Accepted, then refused in words with exit status 1: OpenSSH quits at once on a
        // failed exec request, before printing anything the server sent, so a student
        // would read only "exec request failed" and never why.
        session.channel_success(channel)?;
        Self::refuse(session, channel, text::no_exec(&self.ctx.ssh))
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Self::refuse(session, channel, text::no_subsystem(name))
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn window_change_request(
        &mut self,
        channel: ChannelId,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let (w, h) = (
            col_width.clamp(1, MAX_COLS) as u16,
            row_height.clamp(1, MAX_ROWS) as u16,
        );
        if Some(channel) == self.channel {
            if let Some(pty) = self.pty.as_mut() {
                pty.width = w;
                pty.height = h;
            }
            if let Some(tx) = &self.tx {
                let _ = tx.try_send(ToSession::Resize(w, h));
            }
        }
        Ok(())
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        _socket_path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }
}
