//! The accept loop: every TCP connection is counted against the server's limits before any
//! SSH work is done for it, must finish the handshake and log in within the login deadline,
//! and is ended when the server stops. (russh's own `run_on_socket` has no such bounds.)

use super::handler::{Conn, Ctx};
use super::limits::Limits;
use russh::Disconnect;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;
use tokio::sync::watch;

/// Open connections, in total and per address.
#[derive(Default)]
struct Counts {
    total: usize,
    per_ip: HashMap<IpAddr, usize>,
}

/// A counted connection: uncounted when dropped, however the connection ends.
struct Slot {
    counts: Arc<Mutex<Counts>>,
    ip: IpAddr,
}

impl Slot {
    fn take(counts: &Arc<Mutex<Counts>>, ip: IpAddr, limits: &Limits) -> Option<Slot> {
        let mut c = counts.lock().unwrap_or_else(|e| e.into_inner());
        let here = c.per_ip.get(&ip).copied().unwrap_or(0);
        if c.total >= limits.max_connections || here >= limits.max_connections_per_ip {
            return None;
        }
        c.total += 1;
        *c.per_ip.entry(ip).or_insert(0) += 1;
        Some(Slot {
            counts: counts.clone(),
            ip,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut c = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        c.total = c.total.saturating_sub(1);
        if let Some(n) = c.per_ip.get_mut(&self.ip) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                c.per_ip.remove(&self.ip);
            }
        }
    }
}

/// Accepts connections until `stop` turns true, then asks every connection to disconnect.
pub async fn accept_loop(
    listener: TcpListener,
    config: Arc<russh::server::Config>,
    ctx: Arc<Ctx>,
    mut stop: watch::Receiver<bool>,
) {
    let counts = Arc::new(Mutex::new(Counts::default()));
    let limits = ctx.hub.limits().clone();
    loop {
        let accepted = tokio::select! {
            _ = stop.changed() => return,
            a = listener.accept() => a,
        };
        let (socket, peer) = match accepted {
            Ok(a) => a,
            Err(_) => {
                // Out of file descriptors, or a connection reset before it was accepted:
                // breathe, then go on serving the others.
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let Some(slot) = Slot::take(&counts, peer.ip(), &limits) else {
            drop(socket);
            continue;
        };
        let conn = Conn::new(ctx.clone(), Some(peer));
        let authed = conn.authed.clone();
        let config = config.clone();
        let mut stop = stop.clone();
        let deadline = limits.login_deadline;
        tokio::spawn(async move {
            let _slot = slot;
            let _ = socket.set_nodelay(true);
            let started =
                tokio::time::timeout(deadline, russh::server::run_stream(config, socket, conn))
                    .await;
            let Ok(Ok(mut session)) = started else {
                return;
            };
            let handle = session.handle();
            let login = async {
                tokio::time::sleep(deadline).await;
                if authed.load(Ordering::SeqCst) {
                    std::future::pending::<()>().await;
                }
            };
            tokio::select! {
                _ = &mut session => {}
                _ = login => {
                    let _ = handle
                        .disconnect(Disconnect::ByApplication, "login took too long".into(), String::new())
                        .await;
                }
                _ = stop.changed() => {
                    let _ = handle
                        .disconnect(Disconnect::ByApplication, "the class is over".into(), String::new())
                        .await;
                }
            }
        });
    }
}
