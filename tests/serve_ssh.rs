//! The class server over a real SSH connection (russh's client), with a stand-in student
//! screen: who gets in, what is refused, what the class record keeps, and that one bad client
//! cannot hurt the others. (The OpenSSH client and the real TUI: tests/serve_e2e.rs.)

mod serve_common;

use kubestory::class::ClassRecord;
use kubestory::serve::limits::Limits;
use serve_common::*;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(10);

#[test]
fn a_student_with_the_code_gets_a_session_sized_to_their_terminal() {
    let mut server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    runtime().block_on(async {
        let mut ada = Student::join(addr, "ada", 100, 30).await;
        assert!(
            ada.wait_for("welcome ada 100x30", WAIT).await,
            "{}",
            ada.text()
        );
        ada.send(b"hello").await;
        assert!(ada.wait_for("got:hello", WAIT).await);
        ada.channel.window_change(80, 24, 0, 0).await.unwrap();
        assert!(ada.wait_for("size:80x24", WAIT).await);
        ada.send(b"q").await;
        assert!(ada.wait_closed(WAIT).await);
        assert!(ada.text().contains("bye: quit"), "{}", ada.text());
        assert_eq!(ada.exit, Some(0));
    });
    let hub = server.server.as_ref().unwrap().hub();
    let ada = hub
        .students()
        .into_iter()
        .find(|s| s.name == "ada")
        .unwrap();
    assert!(!ada.connected, "the student who quit shows as disconnected");
    server.stop();
    let record = ClassRecord::open_existing(server.dir.path(), "test-class").unwrap();
    let rows = record.student_rows().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].name, "ada");
}

#[test]
fn a_wrong_code_is_refused_and_keyboard_interactive_takes_the_right_one() {
    let server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    runtime().block_on(async {
        assert!(login(addr, "eve", "guess").await.unwrap().is_none());
        let config = std::sync::Arc::new(russh::client::Config::default());
        let mut h = russh::client::connect(config, addr, Trust).await.unwrap();
        let reply = h
            .authenticate_keyboard_interactive_start("bob", None)
            .await
            .unwrap();
        let russh::client::KeyboardInteractiveAuthResponse::InfoRequest { prompts, .. } = reply
        else {
            panic!("the server asks for the code: {reply:?}");
        };
        assert_eq!(prompts.len(), 1);
        assert_eq!(prompts[0].prompt, "class code: ");
        assert!(!prompts[0].echo, "the code is not echoed");
        let done = h
            .authenticate_keyboard_interactive_respond(vec![CODE.into()])
            .await
            .unwrap();
        assert!(
            matches!(
                done,
                russh::client::KeyboardInteractiveAuthResponse::Success
            ),
            "{done:?}"
        );
    });
    let banner = server.server.as_ref().unwrap().hub().banner().join("\n");
    assert!(banner.contains("1 login(s) refused"), "{banner}");
}

#[test]
fn an_address_that_fails_too_often_is_refused_even_with_the_right_code() {
    let limits = Limits {
        failed_logins: 3,
        ..Limits::default()
    };
    let server = TestServer::start(limits, echo_factory());
    let addr = server.addr;
    runtime().block_on(async {
        for _ in 0..3 {
            assert!(login(addr, "eve", "wrong").await.unwrap().is_none());
        }
        assert!(
            login(addr, "eve", CODE).await.unwrap().is_none(),
            "refused during the cooldown"
        );
    });
}

#[test]
fn commands_subsystems_forwarding_and_missing_terminals_are_refused() {
    let server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    runtime().block_on(async {
        let h = login(addr, "mallory", CODE).await.unwrap().unwrap();
        // ssh HOST cat /etc/passwd
        let mut ch = h.channel_open_session().await.unwrap();
        ch.exec(true, "cat /etc/passwd").await.unwrap();
        let mut out = Vec::new();
        let mut status = None;
        while let Some(msg) = ch.wait().await {
            match msg {
                russh::ChannelMsg::Data { data } => out.extend_from_slice(&data),
                russh::ChannelMsg::ExitStatus { exit_status } => status = Some(exit_status),
                _ => {}
            }
        }
        let out = String::from_utf8_lossy(&out);
        // Refused in words and by the exit status (OpenSSH would print nothing of a failed
        // exec request's text: tests/serve_e2e.rs).
        assert_eq!(status, Some(1), "the command fails");
        assert!(out.contains("kubestory runs no commands"), "{out}");
        assert!(!out.contains("root:"), "{out}");
    });
    runtime().block_on(async {
        let h = login(addr, "mallory", CODE).await.unwrap().unwrap();
        let mut ch = h.channel_open_session().await.unwrap();
        ch.request_subsystem(true, "sftp").await.unwrap();
        let mut failed = false;
        while let Some(msg) = ch.wait().await {
            failed |= matches!(msg, russh::ChannelMsg::Failure);
        }
        assert!(failed, "sftp is refused");
        // ssh -L: a direct-tcpip channel is refused.
        let fwd = h
            .channel_open_direct_tcpip("127.0.0.1", 22, "127.0.0.1", 5555)
            .await;
        assert!(fwd.is_err(), "port forwarding is refused");
        // ssh -R: a remote forward is refused.
        assert!(h.tcpip_forward("127.0.0.1", 0).await.is_err());
    });
    runtime().block_on(async {
        // ssh -T: no terminal.
        let h = login(addr, "mallory", CODE).await.unwrap().unwrap();
        let mut ch = h.channel_open_session().await.unwrap();
        ch.request_shell(true).await.unwrap();
        let mut out = Vec::new();
        while let Some(msg) = ch.wait().await {
            if let russh::ChannelMsg::Data { data } = msg {
                out.extend_from_slice(&data);
            }
        }
        assert!(
            String::from_utf8_lossy(&out).contains("kubestory needs a terminal"),
            "{}",
            String::from_utf8_lossy(&out)
        );
    });
    let names: Vec<String> = server
        .server
        .as_ref()
        .unwrap()
        .hub()
        .students()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert!(
        names.is_empty(),
        "no refused request made a session: {names:?}"
    );
}

#[test]
fn a_user_name_that_cannot_be_a_student_name_is_explained() {
    let server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    runtime().block_on(async {
        let mut s = Student::join(addr, "Bob Smith", 80, 24).await;
        assert!(s.wait_closed(WAIT).await);
        let text = s.text();
        assert!(
            text.contains("student name \"Bob Smith\" is not allowed"),
            "{text}"
        );
        let line = format!("ssh -p {} yourname@127.0.0.1", addr.port());
        assert!(text.contains(&line), "{text}");
        assert_eq!(s.exit, Some(1));
    });
}

#[test]
fn logging_in_again_takes_the_session_over() {
    let server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    let hub = server.server.as_ref().unwrap().hub();
    runtime().block_on(async {
        let mut first = Student::join(addr, "ada", 80, 24).await;
        assert!(first.wait_for("welcome ada", WAIT).await);
        let mut second = Student::join(addr, "ada", 80, 24).await;
        assert!(first.wait_closed(WAIT).await);
        assert!(first.text().contains("logged in again"), "{}", first.text());
        assert!(second.wait_for("welcome ada", WAIT).await);
        let ada: Vec<_> = hub
            .students()
            .into_iter()
            .filter(|s| s.name == "ada")
            .collect();
        assert_eq!(ada.len(), 1);
        assert!(ada[0].connected, "the second session is the one connected");
    });
}

#[test]
fn a_full_class_says_so() {
    let limits = Limits {
        max_sessions: 1,
        ..Limits::default()
    };
    let server = TestServer::start(limits, echo_factory());
    let addr = server.addr;
    runtime().block_on(async {
        let mut ada = Student::join(addr, "ada", 80, 24).await;
        assert!(ada.wait_for("welcome", WAIT).await);
        let mut bob = Student::join(addr, "bob", 80, 24).await;
        assert!(bob.wait_closed(WAIT).await);
        assert!(bob.text().contains("the class is full"), "{}", bob.text());
    });
}

#[test]
fn votes_are_tallied_and_recorded() {
    let mut server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    let hub = server.server.as_ref().unwrap().hub();
    runtime().block_on(async {
        let mut ada = Student::join(addr, "ada", 80, 24).await;
        let mut bob = Student::join(addr, "bob", 80, 24).await;
        ada.send(b"v").await;
        bob.send(b"v").await;
        assert!(ada.wait_for("got:v", WAIT).await && bob.wait_for("got:v", WAIT).await);
        let tally = hub.tally("state", "crash", 3);
        assert_eq!(tally.counts, vec![0, 2, 0]);
        assert_eq!(tally.connected, 2);
        assert_eq!(
            tally.by_student,
            vec![("ada".to_string(), 1), ("bob".to_string(), 1)]
        );
    });
    drop(hub);
    server.stop();
    let record = ClassRecord::open_existing(server.dir.path(), "test-class").unwrap();
    assert_eq!(
        record.tally("state", "crash").unwrap(),
        vec![("b".to_string(), 2)]
    );
}

#[test]
fn stopping_the_server_ends_every_session_cleanly_and_keeps_the_record() {
    let mut server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    let rt = runtime();
    let (mut ada, mut bob) = rt.block_on(async {
        let mut ada = Student::join(addr, "ada", 80, 24).await;
        let mut bob = Student::join(addr, "bob", 80, 24).await;
        assert!(ada.wait_for("welcome", WAIT).await && bob.wait_for("welcome", WAIT).await);
        (ada, bob)
    });
    let stopper = std::thread::spawn(move || {
        server.stop();
        server
    });
    rt.block_on(async {
        for s in [&mut ada, &mut bob] {
            assert!(s.wait_for("The class is over", WAIT).await, "{}", s.text());
            assert!(s.wait_closed(WAIT).await);
        }
    });
    let server = stopper.join().unwrap();
    let record = ClassRecord::open_existing(server.dir.path(), "test-class").unwrap();
    let rows = record.student_rows().unwrap();
    assert_eq!(rows.len(), 2);
}

#[test]
fn a_terminal_that_cannot_draw_is_told_what_to_do() {
    let server = TestServer::start(Limits::default(), echo_factory());
    let addr = server.addr;
    runtime().block_on(async {
        let h = login(addr, "ada", CODE).await.unwrap().unwrap();
        let mut ch = h.channel_open_session().await.unwrap();
        ch.request_pty(true, "dumb", 80, 24, 0, 0, &[])
            .await
            .unwrap();
        ch.request_shell(true).await.unwrap();
        let mut out = Vec::new();
        while let Some(msg) = ch.wait().await {
            if let russh::ChannelMsg::Data { data } = msg {
                out.extend_from_slice(&data);
            }
        }
        let out = String::from_utf8_lossy(&out);
        assert!(out.contains("TERM=dumb says this one cannot draw"), "{out}");
        let line = format!("TERM=xterm-256color ssh -p {} NAME@127.0.0.1", addr.port());
        assert!(out.contains(&line), "{out}");
    });
}
