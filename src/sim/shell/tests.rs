//! Table tests of the container shell against a story pod with an emptyDir at /app/story and
//! a readOnly mount, run as root and as a non-root user.

use crate::sim::shell::Session;
use crate::sim::{Cluster, ClusterConfig};

fn cluster(security: &str) -> (Cluster, Session) {
    let mut c = Cluster::new(ClusterConfig::default());
    let pod: crate::sim::objects::Pod = serde_json::from_str(&format!(
        r#"{{"apiVersion":"v1","kind":"Pod","metadata":{{"name":"p","namespace":"default"}},
        "spec":{{{security}"containers":[{{"name":"story","image":"academind/kub-data-demo:1",
        "volumeMounts":[{{"name":"data","mountPath":"/app/story"}},{{"name":"ro","mountPath":"/ro","readOnly":true}}]}}],
        "volumes":[{{"name":"data","emptyDir":{{}}}},{{"name":"ro","emptyDir":{{}}}}]}}}}"#
    ))
    .expect("pod");
    c.apply(crate::sim::Object::Pod(pod)).expect("applied");
    let p = c.pod("default", "p").cloned().expect("created");
    let session = Session::new("default", "p", &p.spec.containers[0]);
    (c, session)
}

fn run(c: &mut Cluster, s: &mut Session, line: &str) -> (String, String, i32) {
    let argv = vec!["sh".to_string(), "-c".to_string(), line.to_string()];
    let o = c.exec_argv(s, &argv);
    (o.stdout, o.stderr, o.status)
}

#[test]
fn programs_print_what_dash_and_coreutils_print() {
    let (mut c, mut s) = cluster("");
    let cases: &[(&str, &str, &str, i32)] = &[
        ("echo hi > story/a; cat story/a", "hi\n", "", 0),
        ("echo two >> story/a && cat story/a", "hi\ntwo\n", "", 0),
        ("pwd; cd story; pwd", "/app\n/app/story\n", "", 0),
        ("ls story", "a\n", "", 0),
        ("cat nope", "", "cat: nope: No such file or directory\n", 1),
        (
            "ls /nope",
            "",
            "ls: cannot access '/nope': No such file or directory\n",
            2,
        ),
        (
            "echo x > /ro/f",
            "",
            "sh: 1: cannot create /ro/f: Read-only file system\n",
            2,
        ),
        (
            "touch /ro/f",
            "",
            "touch: cannot touch '/ro/f': Read-only file system\n",
            1,
        ),
        (
            "mkdir /ro/d",
            "",
            "mkdir: cannot create directory '/ro/d': Read-only file system\n",
            1,
        ),
        (
            "rm story",
            "",
            "rm: cannot remove 'story': Is a directory\n",
            1,
        ),
        ("vim", "", "sh: 1: vim: not found\n", 127),
        ("false || echo fallback", "fallback\n", "", 0),
        ("true && false; echo $?", "1\n", "", 0),
        ("id", "uid=0(root) gid=0(root) groups=0(root)\n", "", 0),
        ("whoami", "root\n", "", 0),
        ("X=1; echo \"$X\" '$X'", "1 $X\n", "", 0),
        ("ls story/*", "story/a\n", "", 0),
        ("rm story/a && ls story", "", "", 0),
        ("sleep 5 && echo slept", "slept\n", "", 0),
        (
            "sleep x",
            "",
            "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n",
            1,
        ),
    ];
    for (line, out, err, status) in cases {
        let got = run(&mut c, &mut s, line);
        assert_eq!(got, (out.to_string(), err.to_string(), *status), "{line}");
    }
}

#[test]
fn a_non_root_user_meets_permission_denied() {
    let (mut c, mut s) = cluster(r#""securityContext":{"runAsUser":1000},"#);
    let (_, err, status) = run(&mut c, &mut s, "echo x > /etc/motd");
    assert_eq!(err, "sh: 1: cannot create /etc/motd: Permission denied\n");
    assert_eq!(status, 2);
    // An emptyDir is 0777: anyone may write.
    assert_eq!(run(&mut c, &mut s, "echo x > story/f && id -u").0, "1000\n");
}

#[test]
fn sizes_are_bounded() {
    let (mut c, mut s) = cluster("");
    let long = "x".repeat(crate::sim::limits::MAX_STORY_BYTES + 1);
    let (_, err, status) = run(&mut c, &mut s, &format!("echo {long} > story/f"));
    assert!(err.contains("kubestory's limit"), "{err}");
    assert_ne!(status, 0);
    let (_, err, _) = run(&mut c, &mut s, &"true;".repeat(1500));
    assert!(err.contains("kubestory's limit"), "{err}");
    let deep = (0..20).fold("true".to_string(), |acc, _| {
        format!("sh -c '{}'", acc.replace('\'', ""))
    });
    let _ = run(&mut c, &mut s, &deep);
}

#[test]
fn columns_on_a_terminal() {
    let (mut c, mut s) = cluster("");
    s.tty = true;
    let (out, _, _) = run(&mut c, &mut s, "ls /");
    assert!(out.lines().count() < 5, "{out}");
    assert!(out.starts_with("app  boot  etc"), "{out}");
}
