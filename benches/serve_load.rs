//! The class server under load (issue 14): N scripted students connect over SSH to a real
//! `kubestory serve --headless` process and play a lesson at a human pace (a key every 0.3 to
//! 0.9 s). Reports, per N: the 95th-percentile time from a student's key to their screen
//! changing, the bytes sent per student per second, and the server's CPU and resident memory.
//!
//! ```sh
//! cargo build --release && cargo bench --bench serve_load            # N = 10, 50, 200
//! SERVE_LOAD_N=200 SERVE_LOAD_SECS=60 cargo bench --bench serve_load
//! SERVE_LOAD_CLOCK=1 …   # students leave the lesson's clock running
//! ```
//! The clients run on the same machine (two cores) as the server, so the figures are an upper
//! bound of what the server alone costs.

#[path = "../tests/serve_common/mod.rs"]
mod serve_common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What a student does first: open the first lesson, pause its running clock (so that every
/// later screen change answers a key, not the clock's second), apply the lesson's manifest.
const PREFIX: &[&str] = &["\r", "t", ":", "kubectl apply -f story.yaml", "\r"];

/// Then, in a loop, what a learner does in a step, each key changing the screen: type and run a
/// command, open and close the help, move the selection in the diagram.
const LOOP: &[&str] = &[":", "kubectl get pods", "\r", "?", "?", "j", "k"];

/// The keys of `words` in order: every character of a typed word is its own key.
fn keys(words: &[&str]) -> Vec<Vec<u8>> {
    words
        .iter()
        .flat_map(|w| w.bytes().map(|b| vec![b]).collect::<Vec<_>>())
        .collect()
}

struct Figures {
    latencies_ms: Vec<f64>,
    /// (key index in the script, latency) for the slowest keys report.
    by_key: Vec<(Vec<u8>, f64)>,
    bytes: u64,
    keys: u64,
    unanswered: u64,
}

fn main() {
    let ns: Vec<usize> = std::env::var("SERVE_LOAD_N")
        .unwrap_or_else(|_| "10,50,200".into())
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    let secs: u64 = std::env::var("SERVE_LOAD_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let bin = std::env::var("KUBESTORY_BIN").unwrap_or_else(|_| "target/release/kubestory".into());
    if !std::path::Path::new(&bin).exists() {
        eprintln!("{bin} is missing: run `cargo build --release` first");
        std::process::exit(2);
    }
    println!(
        "| students | p50 key→screen | p95 key→screen | p99 | bytes/student/s | server CPU | server RSS (peak) |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for n in ns {
        run(&bin, n, Duration::from_secs(secs));
    }
}

fn run(bin: &str, n: usize, length: Duration) {
    let state = tempfile::tempdir().expect("a temporary state folder");
    let mut server = Command::new(bin)
        .args([
            "serve",
            "--headless",
            "--listen",
            "127.0.0.1:0",
            "--code",
            serve_common::CODE,
            "--class",
            &format!("load-{n}"),
            "--max-students",
            "1000",
        ])
        .env("XDG_STATE_HOME", state.path())
        .env("HOME", state.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start kubestory serve");
    let pid = server.id();
    let mut lines = BufReader::new(server.stdout.take().expect("stdout")).lines();
    let port: u16 = lines
        .by_ref()
        .map_while(Result::ok)
        .find_map(|l| {
            let rest = l.split("ssh -p ").nth(1)?;
            rest.split_whitespace().next()?.parse().ok()
        })
        .expect("the banner names the port");
    std::thread::spawn(move || for _ in lines {});
    let addr: std::net::SocketAddr = ([127, 0, 0, 1], port).into();
    let figures = Arc::new(Mutex::new(Figures {
        latencies_ms: Vec::new(),
        by_key: Vec::new(),
        bytes: 0,
        keys: 0,
        unanswered: 0,
    }));
    let rt = serve_common::runtime();
    let (cpu0, measure_from) = rt.block_on(async {
        // Everyone joins (as a class does, within a few seconds), then the measure starts.
        let mut students = Vec::new();
        for i in 0..n {
            let s = serve_common::Student::join(addr, &format!("student{i}"), 100, 30).await;
            students.push(s);
        }
        for s in &mut students {
            s.wait_for("\x1b[", Duration::from_secs(30)).await;
        }
        let cpu0 = cpu_ticks(pid);
        let from = Instant::now();
        let mut tasks = Vec::new();
        for (i, s) in students.into_iter().enumerate() {
            let figures = figures.clone();
            tasks.push(tokio::spawn(play(s, i as u64, from + length, figures)));
        }
        for t in tasks {
            let _ = t.await;
        }
        (cpu0, from)
    });
    let elapsed = measure_from.elapsed().as_secs_f64();
    let cpu = (cpu_ticks(pid) - cpu0) as f64 / ticks_per_second() / elapsed * 100.0;
    let (rss, hwm) = memory_kib(pid);
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let _ = server.wait();
    let f = figures.lock().expect("figures");
    let mut l = f.latencies_ms.clone();
    l.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| {
        l.get(((l.len() as f64 * p) as usize).min(l.len().saturating_sub(1)))
            .copied()
            .unwrap_or(f64::NAN)
    };
    println!(
        "| {n} | {:.1} ms | {:.1} ms | {:.1} ms | {:.0} B | {:.0} % of a core | {} MiB ({} MiB) |",
        pct(0.5),
        pct(0.95),
        pct(0.99),
        f.bytes as f64 / n as f64 / elapsed,
        cpu,
        rss / 1024,
        hwm / 1024
    );
    if std::env::var_os("SERVE_LOAD_DETAIL").is_some() {
        let mut worst = f.by_key.clone();
        worst.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (k, ms) in worst.iter().take(8) {
            println!("  slow: key {:?} {ms:.1} ms", String::from_utf8_lossy(k));
        }
    }
    if f.unanswered > 0 {
        println!(
            "  ({} of {} keys changed nothing on screen within 2 s)",
            f.unanswered, f.keys
        );
    }
}

/// One student: a key at a human pace, then the time until the screen changes.
async fn play(
    mut s: serve_common::Student,
    seed: u64,
    until: Instant,
    figures: Arc<Mutex<Figures>>,
) {
    let mut rng = seed.wrapping_mul(0x9e3779b97f4a7c15) | 1;
    let mut i = 0;
    s.screen.clear();
    while Instant::now() < until {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        tokio::time::sleep(Duration::from_millis(300 + rng % 600)).await;
        let mut prefix = keys(PREFIX);
        if std::env::var_os("SERVE_LOAD_CLOCK").is_some() {
            // The clock keeps running: the status line's time changes every second.
            prefix.remove(1);
        }
        let body = keys(LOOP);
        let key = if i < prefix.len() {
            prefix[i].clone()
        } else {
            body[(i - prefix.len()) % body.len()].clone()
        };
        i += 1;
        // Whatever arrived since the last key (a late part of its answer) is not the answer to
        // this one.
        while let Ok(Some(msg)) = tokio::time::timeout(Duration::ZERO, s.channel.wait()).await {
            if let russh::ChannelMsg::Data { data } = msg {
                s.screen.extend_from_slice(&data);
            }
        }
        let sent = Instant::now();
        s.send(&key).await;
        let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
        let mut answered = false;
        while tokio::time::Instant::now() < deadline {
            match tokio::time::timeout_at(deadline, s.channel.wait()).await {
                Ok(Some(russh::ChannelMsg::Data { data })) => {
                    s.screen.extend_from_slice(&data);
                    answered = true;
                    break;
                }
                Ok(Some(_)) => {}
                _ => break,
            }
        }
        let mut f = figures.lock().expect("figures");
        f.keys += 1;
        if answered {
            let ms = sent.elapsed().as_secs_f64() * 1000.0;
            f.latencies_ms.push(ms);
            f.by_key.push((key.clone(), ms));
        } else {
            f.unanswered += 1;
        }
        f.bytes += s.screen.len() as u64;
        drop(f);
        // Keep only what is needed to count bytes.
        s.screen.clear();
    }
}

fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let get = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // utime and stime are fields 14 and 15 of stat; after the ")" they are 12 and 13 (0-based 11, 12).
    get(11) + get(12)
}

fn ticks_per_second() -> f64 {
    // SAFETY: sysconf only reads a configuration value.
    let t = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if t > 0 { t as f64 } else { 100.0 }
}

fn memory_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let get = |key: &str| {
        status
            .lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (get("VmRSS:"), get("VmHWM:"))
}
