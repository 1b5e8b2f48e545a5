//! The container shell: what `kubectl exec` runs. Containers in kubestory run no real
//! processes, but the simulation knows every file the app wrote and which storage holds it,
//! so a small set of programs can answer truthfully (issue 12): `ls`, `cat`, `echo`, `sh -c`,
//! `rm`, `mkdir`, `touch`, `df`, `mount`, `id`, `whoami`, `hostname`, `env`, `sleep`, `pwd`,
//! `true`, `false`, `exit`, `cd`, `export`.
//!
//! The images are Debian-based (the story app is `node:…`), so the shell is dash (`sh`; `bash`
//! is accepted and words its errors as bash does) and the programs print what GNU coreutils
//! prints. Paths go through the container's mounts exactly as the kubelet set them up
//! ([`view`]), writes obey readOnly mounts (`Read-only file system`) and the process's
//! user and groups (`Permission denied`), and every line written is data like a story
//! ([`store`]): it lives in the filesystem that backs the path and survives or dies by the
//! same rules. `sleep` returns at once: simulated time moves only with `wait`.
//!
//! Everything is bounded: a command line ([`parse::MAX_COMMAND_BYTES`]), the commands run per
//! exec ([`MAX_STEPS`]), `sh -c` nesting ([`MAX_DEPTH`]), the output ([`MAX_OUTPUT_BYTES`])
//! and files (the story limits, [`crate::sim::limits`]).

mod copy;
mod disk;
mod expand;
mod ls;
pub mod parse;
mod programs;
mod store;
pub mod view;

use crate::sim::Cluster;
use crate::sim::objects::{Container, Pod};
use crate::sim::permissions::{Identity, identity};
use parse::{Connector, Redirect, Script, Simple};
use std::collections::BTreeMap;
use view::{Stat, View};

pub use crate::sim::limits::{
    MAX_EXEC_DEPTH as MAX_DEPTH, MAX_EXEC_OUTPUT_BYTES as MAX_OUTPUT_BYTES,
    MAX_EXEC_STEPS as MAX_STEPS,
};

/// Which shell the learner asked for: their error messages differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Flavor {
    /// `sh` (dash on Debian): `sh: 1: vim: not found`.
    Dash,
    /// `bash`: `bash: vim: command not found`.
    Bash,
}

/// One shell session in one container: where it is and what it remembers between lines (the
/// interactive shell keeps it; a plain exec uses a fresh one). Serializable so that the
/// sandbox's journal can replay a line of an interactive shell in the state it ran in.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Session {
    /// The pod's namespace.
    pub namespace: String,
    /// The pod.
    pub pod: String,
    /// The container.
    pub container: String,
    /// The working directory.
    pub cwd: String,
    /// Shell variables set with `NAME=value` or `export`.
    pub vars: BTreeMap<String, String>,
    /// dash counts input lines for its messages (`sh: 3: vim: not found`).
    pub line_no: u32,
    /// `$?`.
    pub status: i32,
    /// Set by `exit`: the session is over with this status.
    pub exited: Option<i32>,
    /// Whether stdout is a terminal (`-t`): `ls` prints columns.
    pub tty: bool,
    /// The shell's flavour.
    pub flavor: Flavor,
    /// Whether this is an interactive shell (messages drop dash's line number for bash).
    pub interactive: bool,
}

impl Session {
    /// A fresh session in the container's working directory.
    pub fn new(namespace: &str, pod: &str, container: &Container) -> Session {
        Session {
            namespace: namespace.to_string(),
            pod: pod.to_string(),
            container: container.name.clone(),
            cwd: working_dir(container),
            vars: BTreeMap::new(),
            line_no: 0,
            status: 0,
            exited: None,
            tty: false,
            flavor: Flavor::Dash,
            interactive: false,
        }
    }
}

/// The image's working directory: the story app's `/app`, else `/`.
pub fn working_dir(container: &Container) -> String {
    match crate::sim::app::App::for_image(&container.image) {
        crate::sim::app::App::Story => "/app".into(),
        _ => "/".into(),
    }
}

/// What a command printed and how it ended.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExecOutput {
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// The exit status.
    pub status: i32,
    /// Both streams in the order they were written (`true`: stderr), as a terminal shows
    /// them.
    pub chunks: Vec<(bool, String)>,
}

/// How a program was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    Program(&'static str),
    Missing,
}

/// The programs (and builtins) the shell has.
const PROGRAMS: &[&str] = &[
    "ls", "cat", "echo", "sh", "bash", "dash", "rm", "mkdir", "touch", "df", "mount", "id",
    "whoami", "hostname", "env", "printenv", "sleep", "pwd", "true", "false", "exit", "cd",
    "export", ":",
];

fn find(name: &str) -> Found {
    let base = [
        "/bin/",
        "/usr/bin/",
        "/usr/local/bin/",
        "/sbin/",
        "/usr/sbin/",
    ]
    .iter()
    .find_map(|d| name.strip_prefix(d))
    .unwrap_or(name);
    match PROGRAMS.iter().find(|p| **p == base) {
        Some(p) => Found::Program(p),
        None => Found::Missing,
    }
}

/// Streams of one command.
#[derive(Default)]
pub(crate) struct Io {
    /// What was written, in order (`true`: stderr), as a terminal shows it.
    chunks: Vec<(bool, String)>,
}

impl Io {
    fn write(&mut self, is_err: bool, s: &str) {
        if s.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some((e, text)) if *e == is_err => text.push_str(s),
            _ => self.chunks.push((is_err, s.to_string())),
        }
    }
    /// Writes to stdout.
    pub(crate) fn out(&mut self, s: impl AsRef<str>) {
        self.write(false, s.as_ref());
    }
    pub(crate) fn out_line(&mut self, s: impl AsRef<str>) {
        self.write(false, s.as_ref());
        self.write(false, "\n");
    }
    pub(crate) fn err_line(&mut self, s: impl AsRef<str>) {
        self.write(true, s.as_ref());
        self.write(true, "\n");
    }
    /// Takes everything written to one stream (for a pipe or a redirection).
    pub(crate) fn take(&mut self, is_err: bool) -> String {
        let mut taken = String::new();
        self.chunks.retain(|(e, t)| {
            if *e == is_err {
                taken.push_str(t);
                false
            } else {
                true
            }
        });
        taken
    }
    /// `2>&1`: stderr goes where stdout goes.
    pub(crate) fn err_to_out(&mut self) {
        let chunks = std::mem::take(&mut self.chunks);
        for (_, t) in chunks {
            self.write(false, &t);
        }
    }
    /// Appends another command's streams.
    pub(crate) fn absorb(&mut self, other: Io) {
        for (e, t) in other.chunks {
            self.write(e, &t);
        }
    }
    fn into_output(self, status: i32) -> ExecOutput {
        let pick = |want: bool| -> String {
            self.chunks
                .iter()
                .filter(|(e, _)| *e == want)
                .map(|(_, t)| t.as_str())
                .collect()
        };
        ExecOutput {
            stdout: pick(false),
            stderr: pick(true),
            status,
            chunks: self.chunks,
        }
    }
}

/// A running shell: the cluster, the container and the session.
pub(crate) struct Shell<'a> {
    pub cluster: &'a mut Cluster,
    pub pod: Pod,
    pub ctr: Container,
    pub who: Identity,
    pub session: &'a mut Session,
    steps: usize,
    depth: usize,
    /// Whether a filesystem changed (the caller bumps the change marker).
    pub changed: bool,
}

impl Cluster {
    /// Runs `argv` in the container as the container runtime does for `kubectl exec`: no
    /// shell unless `argv[0]` is one. `sh` without `-c` reads its stdin, which `kubectl exec`
    /// without `-i` leaves empty, so it exits at once.
    ///
    /// Fails (with the text kubectl prints) when the session's pod or container is gone.
    pub fn exec_argv(&mut self, session: &mut Session, argv: &[String]) -> ExecOutput {
        self.with_shell(session, |sh| {
            let mut io = Io::default();
            let total: usize = argv.iter().map(|a| a.len() + 1).sum();
            if total > parse::MAX_COMMAND_BYTES {
                io.err_line(parse::SyntaxError::TooLong(total).to_string());
                return (io, 126);
            }
            let Some(name) = argv.first() else {
                return (io, 0);
            };
            match find(name) {
                Found::Missing => {
                    io.out_line(sh.runtime_not_found(name));
                    (io, if sh.docker() { 126 } else { 128 })
                }
                Found::Program(p) => {
                    let status = sh.program(p, argv, "", &mut io, true);
                    (io, status)
                }
            }
        })
    }

    /// Runs one line typed into an interactive shell (`kubectl exec -it … -- sh`).
    pub fn shell_line(&mut self, session: &mut Session, line: &str) -> ExecOutput {
        session.line_no += 1;
        self.with_shell(session, |sh| {
            let mut io = Io::default();
            let status = sh.run_text(line, "", &mut io);
            (io, status)
        })
    }

    fn with_shell(
        &mut self,
        session: &mut Session,
        f: impl FnOnce(&mut Shell) -> (Io, i32),
    ) -> ExecOutput {
        let key = crate::sim::cluster::key(&session.namespace, &session.pod);
        let Some(pod) = self.pods.get(&key).cloned() else {
            session.exited = Some(137);
            return gone(format!(
                "Error from server (NotFound): pods \"{}\" not found\n",
                session.pod
            ));
        };
        let Some(ctr) = pod
            .spec
            .containers
            .iter()
            .find(|c| c.name == session.container)
            .cloned()
        else {
            session.exited = Some(137);
            return gone(format!(
                "error: unable to upgrade connection: container not found (\"{}\")\n",
                session.container
            ));
        };
        let who = identity(&pod, &ctr);
        let mut sh = Shell {
            cluster: self,
            pod,
            ctr,
            who,
            session,
            steps: 0,
            depth: 0,
            changed: false,
        };
        let (io, status) = f(&mut sh);
        let changed = sh.changed;
        session.status = status;
        if changed {
            self.resource_version += 1;
        }
        let mut out = io.into_output(status);
        let mut room = MAX_OUTPUT_BYTES;
        let mut kept = Vec::new();
        for (is_err, mut text) in std::mem::take(&mut out.chunks) {
            if text.len() > room {
                let mut cut = room;
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
                kept.push((is_err, text));
                kept.push((true, format!(
                    "\nkubestory: the output was cut at {MAX_OUTPUT_BYTES} bytes (kubestory's limit for one exec)\n"
                )));
                break;
            }
            room -= text.len();
            kept.push((is_err, text));
        }
        let join = |want: bool| -> String {
            kept.iter()
                .filter(|(e, _)| *e == want)
                .map(|(_, t)| t.as_str())
                .collect()
        };
        out.stdout = join(false);
        out.stderr = join(true);
        out.chunks = kept;
        out
    }
}

impl Shell<'_> {
    pub(crate) fn view(&self) -> View<'_> {
        View {
            cluster: self.cluster,
            pod: &self.pod,
            container: &self.ctr,
        }
    }

    /// Whether the node runs Docker (minikube's default runtime) rather than containerd.
    fn docker(&self) -> bool {
        self.cluster.profile() == crate::sim::Profile::Minikube
    }

    /// The runtime's refusal to start a program the image does not have.
    fn runtime_not_found(&self, name: &str) -> String {
        let inner = format!(
            "OCI runtime exec failed: exec failed: unable to start container process: exec: \"{name}\": executable file not found in $PATH: unknown"
        );
        if self.docker() {
            inner
        } else {
            format!(
                "error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: {inner}"
            )
        }
    }

    /// The prefix of the shell's own messages: `sh: 1: `, `bash: line 1: `, `bash: `.
    pub(crate) fn prefix(&self) -> String {
        match self.session.flavor {
            Flavor::Dash => format!("sh: {}: ", self.session.line_no.max(1)),
            Flavor::Bash if self.session.interactive => "bash: ".into(),
            Flavor::Bash => format!("bash: line {}: ", self.session.line_no.max(1)),
        }
    }

    /// An absolute path for `p` relative to the working directory.
    pub(crate) fn abs(&self, p: &str) -> String {
        if p.starts_with('/') {
            crate::sim::data::normalize(p)
        } else {
            crate::sim::data::join(&self.session.cwd, p)
        }
    }

    /// Parses and runs a command line.
    pub(crate) fn run_text(&mut self, text: &str, stdin: &str, io: &mut Io) -> i32 {
        match parse::parse(text) {
            Ok(script) => self.run_script(&script, stdin, io),
            Err(e @ (parse::SyntaxError::NotSimulated(_) | parse::SyntaxError::TooLong(_))) => {
                io.err_line(e.to_string());
                2
            }
            Err(e) => {
                let msg = match self.session.flavor {
                    Flavor::Dash => format!("{}{e}", self.prefix()),
                    Flavor::Bash => format!("{}syntax error: {}", self.prefix(), bash_syntax(&e)),
                };
                io.err_line(msg);
                2
            }
        }
    }

    fn run_script(&mut self, script: &Script, stdin: &str, io: &mut Io) -> i32 {
        let mut status = self.session.status;
        for and_or in script {
            status = self.run_pipeline(&and_or.first, stdin, io);
            self.session.status = status;
            for (conn, p) in &and_or.rest {
                if self.session.exited.is_some() {
                    break;
                }
                let run = match conn {
                    Connector::And => status == 0,
                    Connector::Or => status != 0,
                };
                if run {
                    status = self.run_pipeline(p, stdin, io);
                    self.session.status = status;
                }
            }
            if let Some(code) = self.session.exited {
                return code;
            }
        }
        status
    }

    fn run_pipeline(&mut self, pipeline: &[Simple], stdin: &str, io: &mut Io) -> i32 {
        let mut input = stdin.to_string();
        let mut status = 0;
        for (i, simple) in pipeline.iter().enumerate() {
            let last = i + 1 == pipeline.len();
            if last {
                status = self.run_simple(simple, &input, io);
            } else {
                let mut inner = Io::default();
                self.run_simple(simple, &input, &mut inner);
                input = inner.take(false);
                io.absorb(inner);
            }
        }
        status
    }

    fn run_simple(&mut self, simple: &Simple, stdin: &str, io: &mut Io) -> i32 {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            if self.steps == MAX_STEPS + 1 {
                io.err_line(format!(
                    "kubestory: more than {MAX_STEPS} commands in one exec (kubestory's limit); stopped"
                ));
            }
            self.session.exited = Some(2);
            return 2;
        }
        let mut argv = Vec::new();
        for w in &simple.words {
            argv.extend(self.expand(w));
        }
        // `NAME=value` alone sets a variable.
        if let Some(first) = argv.first()
            && argv.len() == 1
            && let Some((name, value)) = first.split_once('=')
            && is_name(name)
        {
            self.session
                .vars
                .insert(name.to_string(), value.to_string());
            return 0;
        }
        // Redirections: stdin first, then outputs (opened before the command runs).
        let mut input = stdin.to_string();
        let mut outs: Vec<(u8, bool, String)> = Vec::new();
        let mut err_to_out = false;
        for r in &simple.redirects {
            match r {
                Redirect::In(w) => {
                    let target = self.expand(w).join(" ");
                    let path = self.abs(&target);
                    match self.view().stat(&path) {
                        Stat::File => input = join_lines(&self.view().read(&path)),
                        Stat::Dir => {
                            input = String::new();
                        }
                        Stat::Missing => {
                            io.err_line(self.redirect_error(&target, "nonexistent", true));
                            return 2;
                        }
                    }
                }
                Redirect::Out { fd, append, target } => {
                    let target = self.expand(target).join(" ");
                    if let Err(e) = self.check_writable_file(&target) {
                        io.err_line(self.redirect_error(&target, &e, false));
                        return if self.session.flavor == Flavor::Dash {
                            2
                        } else {
                            1
                        };
                    }
                    outs.push((*fd, *append, target));
                }
                Redirect::ErrToOut => err_to_out = true,
            }
        }
        let mut inner = Io::default();
        let status = if argv.is_empty() {
            0
        } else {
            match find(&argv[0]) {
                Found::Program(p) => self.program(p, &argv, &input, &mut inner, false),
                Found::Missing => {
                    let msg = match self.session.flavor {
                        Flavor::Dash => format!("{}{}: not found", self.prefix(), argv[0]),
                        Flavor::Bash => {
                            format!("{}{}: command not found", self.prefix(), argv[0])
                        }
                    };
                    inner.err_line(msg);
                    127
                }
            }
        };
        if err_to_out {
            inner.err_to_out();
        }
        let mut truncated: Vec<u8> = Vec::new();
        for (fd, append, target) in outs {
            let text = if fd == 1 {
                inner.take(false)
            } else {
                inner.take(true)
            };
            // A second `>` to the same stream truncates its file too (and gets nothing).
            let _ = truncated.contains(&fd);
            truncated.push(fd);
            if let Err(e) = self.write_file(&target, &text, append) {
                io.err_line(e);
                return 1;
            }
        }
        io.absorb(inner);
        status
    }

    /// Why the file `target` cannot be opened for writing, as the errno text.
    pub(crate) fn check_writable_file(&self, target: &str) -> Result<(), String> {
        let path = self.abs(target);
        if path == "/dev/null" {
            return Ok(());
        }
        let view = self.view();
        match view.stat(&path) {
            Stat::Dir => return Err("Is a directory".into()),
            Stat::File => {}
            Stat::Missing => {
                if view.stat(&crate::sim::data::parent_of(&path)) != Stat::Dir {
                    return Err("nonexistent".into());
                }
            }
        }
        let place = view
            .place(&path)
            .map_err(|_| "Input/output error".to_string())?;
        if place.read_only {
            return Err("Read-only file system".into());
        }
        if self
            .cluster
            .data
            .write_denied(&place.fs, &place.path, &self.who)
            .is_some()
        {
            return Err("Permission denied".into());
        }
        Ok(())
    }

    /// dash's `cannot create X: …` / bash's `X: …` for a redirection that failed.
    fn redirect_error(&self, target: &str, why: &str, input: bool) -> String {
        match (self.session.flavor, why) {
            (Flavor::Dash, "nonexistent") if input => {
                format!("{}cannot open {target}: No such file", self.prefix())
            }
            (Flavor::Dash, "nonexistent") => {
                format!(
                    "{}cannot create {target}: Directory nonexistent",
                    self.prefix()
                )
            }
            (Flavor::Dash, why) => format!("{}cannot create {target}: {why}", self.prefix()),
            (Flavor::Bash, "nonexistent") => {
                format!("{}{target}: No such file or directory", self.prefix())
            }
            (Flavor::Bash, why) => format!("{}{target}: {why}", self.prefix()),
        }
    }

    /// Writes `text` (split into lines) to `target`; its lines become stories.
    pub(crate) fn write_file(
        &mut self,
        target: &str,
        text: &str,
        append: bool,
    ) -> Result<(), String> {
        use crate::sim::limits::{MAX_STORIES_PER_FILE, MAX_STORY_BYTES};
        let path = self.abs(target);
        if path == "/dev/null" {
            return Ok(());
        }
        let place = self
            .view()
            .place(&path)
            .map_err(|e| format!("kubestory: {e}"))?;
        let lines: Vec<String> = if text.is_empty() {
            Vec::new()
        } else {
            text.strip_suffix('\n')
                .unwrap_or(text)
                .split('\n')
                .map(str::to_string)
                .collect()
        };
        if let Some(long) = lines.iter().find(|l| l.len() > MAX_STORY_BYTES) {
            return Err(format!(
                "kubestory: a line of {} bytes: the simulated filesystems keep lines of at most {MAX_STORY_BYTES} bytes (kubestory's limit, as for stories)",
                long.len()
            ));
        }
        let existing = if append {
            self.cluster.data.count(&place.fs, &place.path)
        } else {
            0
        };
        if existing + lines.len() > MAX_STORIES_PER_FILE {
            return Err(format!(
                "kubestory: {target} would hold {} lines: the simulated filesystems keep at most {MAX_STORIES_PER_FILE} lines per file (kubestory's limit, as for stories)",
                existing + lines.len()
            ));
        }
        let is_new = !self
            .cluster
            .data
            .filesystems
            .get(&place.fs)
            .is_some_and(|f| f.is_file(&place.path));
        let now = self.cluster.now;
        let pod = self.pod.metadata.name.clone();
        let why = format!("{target} was overwritten with > in kubectl exec on pod {pod}");
        self.cluster
            .data
            .write_lines(&place.fs, &place.path, &lines, append, &pod, now, &why);
        if is_new {
            let who = self.who.clone();
            self.cluster
                .data
                .note_created_file(&place.fs, &place.path, &who);
        }
        self.changed = true;
        Ok(())
    }

    /// Runs a nested `sh -c TEXT` or a script read from stdin.
    pub(crate) fn nested(&mut self, text: &str, stdin: &str, io: &mut Io) -> i32 {
        if self.depth >= MAX_DEPTH {
            io.err_line(format!(
                "kubestory: sh nested more than {MAX_DEPTH} deep (kubestory's limit)"
            ));
            return 2;
        }
        self.depth += 1;
        let saved = (
            self.session.cwd.clone(),
            self.session.vars.clone(),
            self.session.exited.take(),
            self.session.line_no,
        );
        self.session.line_no = 1;
        let status = self.run_text(text, stdin, io);
        self.session.cwd = saved.0;
        self.session.vars = saved.1;
        self.session.exited = saved.2;
        self.session.line_no = saved.3;
        self.depth -= 1;
        status
    }
}

/// The session's pod or container went away: the connection ends (kubectl exits 137 when
/// the container is killed under it).
fn gone(stderr: String) -> ExecOutput {
    ExecOutput {
        stdout: String::new(),
        chunks: vec![(true, stderr.clone())],
        stderr,
        status: 137,
    }
}

fn bash_syntax(e: &parse::SyntaxError) -> String {
    match e {
        parse::SyntaxError::Unterminated => "unexpected end of file".into(),
        parse::SyntaxError::Unexpected(t) if t == "newline" || t == "end of file" => {
            "syntax error near unexpected token `newline'".into()
        }
        parse::SyntaxError::Unexpected(t) => format!("near unexpected token `{t}'"),
        other => other.to_string(),
    }
}

fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Lines back into text, each ending in a newline.
pub(crate) fn join_lines(lines: &[String]) -> String {
    let mut s = String::new();
    for l in lines {
        s.push_str(l);
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests;
