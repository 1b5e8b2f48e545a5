//! The class server against clients that misbehave: garbage instead of SSH, connections opened
//! and abandoned by the hundred, a client that vanishes mid-frame. Each time another student
//! goes on unaffected.

mod serve_common;

use kubestory::serve::limits::Limits;
use serve_common::*;
use std::io::{Read, Write};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(15);

#[test]
fn garbage_instead_of_ssh_is_dropped_and_others_go_on() {
    let server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    let rt = runtime();
    let mut ada = rt.block_on(Student::join(addr, "ada", 80, 24));
    let mut junk = std::net::TcpStream::connect(addr).unwrap();
    junk.set_read_timeout(Some(WAIT)).unwrap();
    let mut seed = 0x9e3779b97f4a7c15u64;
    let garbage: Vec<u8> = (0..64 * 1024)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect();
    let _ = junk.write_all(&garbage);
    // The server answers with its identification, then closes on the garbage.
    let mut got = Vec::new();
    let _ = junk.read_to_end(&mut got);
    assert!(
        String::from_utf8_lossy(&got).starts_with("SSH-2.0-kubestory_"),
        "{:?}",
        String::from_utf8_lossy(&got)
    );
    rt.block_on(async {
        ada.send(b"still here").await;
        assert!(ada.wait_for("got:still here", WAIT).await);
    });
}

#[test]
fn two_hundred_abandoned_connections_leave_students_unaffected_and_are_dropped() {
    let limits = Limits {
        login_deadline: Duration::from_secs(3),
        ..Limits::default()
    };
    let server = TestServer::start(limits, echo_factory());
    let addr = server.addr;
    let abandoned: Vec<std::net::TcpStream> = (0..200)
        .map(|_| std::net::TcpStream::connect(addr).unwrap())
        .collect();
    let rt = runtime();
    rt.block_on(async {
        let mut ada = Student::join(addr, "ada", 80, 24).await;
        assert!(ada.wait_for("welcome ada", WAIT).await);
        ada.send(b"x").await;
        assert!(ada.wait_for("got:x", WAIT).await);
    });
    // After the login deadline every abandoned connection has been closed by the server.
    for mut c in abandoned {
        c.set_read_timeout(Some(WAIT)).unwrap();
        let mut sink = Vec::new();
        let closed = c.read_to_end(&mut sink).is_ok();
        assert!(closed, "an abandoned connection was closed by the server");
    }
}

#[test]
fn connections_beyond_the_limit_are_closed_at_once() {
    let limits = Limits {
        max_connections: 5,
        max_connections_per_ip: 5,
        ..Limits::default()
    };
    let server = TestServer::start(limits, echo_factory());
    let addr = server.addr;
    let held: Vec<std::net::TcpStream> = (0..5)
        .map(|_| std::net::TcpStream::connect(addr).unwrap())
        .collect();
    // Give the accept loop the time to count them.
    std::thread::sleep(Duration::from_millis(300));
    let mut extra = std::net::TcpStream::connect(addr).unwrap();
    extra.set_read_timeout(Some(WAIT)).unwrap();
    let mut got = Vec::new();
    let _ = extra.read_to_end(&mut got);
    assert!(
        got.is_empty(),
        "no SSH banner for a connection over the limit"
    );
    drop(held);
    // Once they are gone, students get in again.
    std::thread::sleep(Duration::from_millis(300));
    runtime().block_on(async {
        let mut ada = Student::join(addr, "ada", 80, 24).await;
        assert!(ada.wait_for("welcome ada", WAIT).await);
    });
}

#[test]
fn a_client_that_vanishes_mid_frame_leaves_the_class_unaffected() {
    let server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    let hub = server.server.as_ref().unwrap().hub();
    {
        // A runtime of its own, shut down under the client's feet: the TCP connection
        // vanishes without an SSH goodbye while the server is writing a large frame.
        let rt = runtime();
        rt.block_on(async {
            let mut bob = Student::join(addr, "bob", 80, 24).await;
            assert!(bob.wait_for("welcome bob", WAIT).await);
            bob.send(&vec![b'x'; 30_000]).await;
            std::mem::forget(bob);
        });
        rt.shutdown_timeout(Duration::ZERO);
    }
    let rt = runtime();
    rt.block_on(async {
        let mut ada = Student::join(addr, "ada", 80, 24).await;
        assert!(ada.wait_for("welcome ada", WAIT).await);
        ada.send(b"y").await;
        assert!(ada.wait_for("got:y", WAIT).await);
    });
    // Bob's session ends once the server notices the connection is gone.
    let deadline = std::time::Instant::now() + WAIT;
    while std::time::Instant::now() < deadline
        && hub
            .students()
            .iter()
            .any(|s| s.name == "bob" && s.connected)
    {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        hub.students()
            .iter()
            .any(|s| s.name == "bob" && !s.connected),
        "bob shows as disconnected"
    );
}

#[test]
fn a_student_typing_garbage_into_the_real_kubestory_hurts_nobody() {
    let factory = kubestory::serve::student::factory(kubestory::lesson::builtin_library(), vec![]);
    let server = TestServer::start(Limits::default(), factory);
    let addr = server.addr;
    let rt = runtime();
    rt.block_on(async {
        let mut ada = Student::join(addr, "ada", 100, 30).await;
        assert!(ada.wait_for("Pick a lesson", WAIT).await, "{}", ada.text());
        let mut mallory = Student::join(addr, "mallory", 80, 24).await;
        assert!(mallory.wait_for("Pick a lesson", WAIT).await);
        // A megabyte of noise: escape sequences cut anywhere, pastes that never end, UTF-8
        // halves, control keys (q among them may end mallory's own session: that is fine).
        let mut seed = 0x2545f4914f6cdd1du64;
        let noise: Vec<u8> = (0..1 << 20)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                match seed % 7 {
                    0 => 0x1b,
                    1 => b'[',
                    2 => b'2',
                    3 => 0xc3,
                    _ => (seed >> 8) as u8,
                }
            })
            .collect();
        for chunk in noise.chunks(16 * 1024) {
            if mallory.channel.data_bytes(chunk.to_vec()).await.is_err() {
                break;
            }
        }
        // Ada, meanwhile, opens a lesson and runs a command.
        ada.send(b"\r").await;
        assert!(ada.wait_for("step 1/", WAIT).await, "{}", ada.text());
        ada.screen.clear();
        ada.send(b":kubectl get nodes\r").await;
        assert!(ada.wait_for("Ready", WAIT).await, "{}", ada.text());
    });
}
