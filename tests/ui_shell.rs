//! Issue 12: `kubectl exec -it POD -- sh` opens a simulated shell on the command line; what it
//! writes is data in the container's storage (`story read` shows it), `exit` goes back.

mod ui_common;

use kubestory::ui::app::{LogKind, Mode};
use ratatui_textarea::Key;
use ui_common::*;

fn log_text(a: &kubestory::ui::App) -> String {
    a.log
        .iter()
        .map(|l| l.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn an_exec_it_shell_writes_a_file_and_exit_returns() {
    let mut a = app("shell");
    command(&mut a, EMPTYDIR);
    command(&mut a, "exec -it deploy/story -- sh");
    assert!(a.shell.is_some(), "{}", log_text(&a));
    assert_eq!(a.mode, Mode::Command, "the shell keeps the line open");
    type_text(&mut a, "cd story && echo from the shell >> text.txt");
    press(&mut a, special(Key::Enter));
    type_text(&mut a, "ls -l");
    press(&mut a, special(Key::Enter));
    type_text(&mut a, "vim");
    press(&mut a, special(Key::Enter));
    let log = log_text(&a);
    assert!(log.contains(":/app/story# ls -l"), "{log}");
    assert!(log.contains("-rw-r--r-- 1 root root"), "{log}");
    assert!(log.contains("sh: 3: vim: not found"), "{log}");
    // ↑ brings back the shell's own history.
    press(&mut a, special(Key::Up));
    assert_eq!(a.line.text(), "vim");
    press(&mut a, ctrl('u'));
    type_text(&mut a, "exit");
    press(&mut a, special(Key::Enter));
    assert!(a.shell.is_none());
    assert_eq!(a.mode, Mode::Normal);
    command(&mut a, "story read deploy/story");
    assert!(
        a.log
            .iter()
            .any(|l| l.kind == LogKind::Output && l.text.contains("from the shell")),
        "{}",
        log_text(&a)
    );
    // The command line's history is back, with the exec line in it.
    press(&mut a, key(':'));
    press(&mut a, special(Key::Up));
    assert_eq!(a.line.text(), "story read deploy/story");
}

#[test]
fn ctrl_d_and_esc_leave_the_shell() {
    let mut a = app("shell-keys");
    command(&mut a, EMPTYDIR);
    command(&mut a, "exec -it deploy/story -- bash");
    assert!(a.shell.is_some());
    press(&mut a, ctrl('d'));
    assert!(a.shell.is_none());
    command(&mut a, "exec -it deploy/story -- sh");
    press(&mut a, special(Key::Esc));
    assert!(a.shell.is_none());
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn the_shell_at_80x24() {
    let mut a = app("shell-80");
    command(&mut a, EMPTYDIR);
    command(&mut a, "exec -it deploy/story -- sh");
    type_text(&mut a, "echo hello > story/greeting; ls story; df -h story");
    press(&mut a, special(Key::Enter));
    let shown = screen(&mut a, 80, 24);
    assert!(shown.contains("greeting"), "{shown}");
    insta::assert_snapshot!(shown);
}

/// In the TUI `-it` has a terminal: a one-shot command runs without kubectl's "Unable to use
/// a TTY" warning (which a script, whose stdin is no terminal, prints), `ls` in columns.
#[test]
fn exec_it_of_a_plain_command_runs_once_on_the_terminal() {
    let mut a = app("shell-once");
    command(&mut a, EMPTYDIR);
    command(&mut a, "exec -it deploy/story -- ls /");
    assert!(a.shell.is_none());
    let log = log_text(&a);
    assert!(!log.contains("Unable to use a TTY"), "{log}");
    assert!(log.contains("app  boot  etc"), "{log}");
}

/// `kubectl cp POD:PATH LOCAL` keeps the copy in memory over the workspace: `cp` and `-f`
/// read it afterwards, and nothing is written on disk.
#[test]
fn cp_out_of_a_container_stays_in_memory() {
    let mut a = app("cp-out");
    command(&mut a, EMPTYDIR);
    command(&mut a, "story write deploy/story copied story");
    let pod = a
        .sim
        .cluster()
        .pods()
        .next()
        .map(|p| p.metadata.name.clone())
        .expect("a pod");
    let local = "kubestory-cp-test-copy.txt";
    command(&mut a, &format!("cp {pod}:/app/story/text.txt {local}"));
    assert!(
        !std::path::Path::new(local).exists(),
        "kubectl cp wrote on disk"
    );
    command(&mut a, &format!("cp {local} {pod}:/tmp/back.txt"));
    command(&mut a, "exec deploy/story -- cat /tmp/back.txt");
    let log = log_text(&a);
    assert!(log.contains("kept in memory"), "{log}");
    assert!(
        a.log
            .iter()
            .any(|l| l.kind == LogKind::Output && l.text.contains("copied story")),
        "{log}"
    );
}

/// Tab after `exec` offers the pods and the workloads that pick one.
#[test]
fn tab_completes_exec_targets() {
    let mut a = app("shell-tab");
    command(&mut a, EMPTYDIR);
    press(&mut a, key(':'));
    type_text(&mut a, "exec dep");
    press(&mut a, special(Key::Tab));
    assert_eq!(a.line.text(), "exec deployment/story ");
}
