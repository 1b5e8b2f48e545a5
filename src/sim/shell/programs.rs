//! The programs of the container shell, printing what GNU coreutils (and dash's builtins)
//! print, errors included: `ls: cannot access 'x': No such file or directory` (exit 2),
//! `cat: x: Is a directory`, `rm: cannot remove 'x': Read-only file system`…

use super::view::{Stat, hostname, user_name};
use super::{Flavor, Io, Shell, join_lines};
use crate::sim::data::parent_of;
use crate::sim::permissions::SETGID;

impl Shell<'_> {
    /// Runs one program. `direct`: started by the runtime itself, not by a shell (so `echo`
    /// is coreutils' `/bin/echo`, not dash's builtin).
    pub(crate) fn program(
        &mut self,
        name: &str,
        argv: &[String],
        stdin: &str,
        io: &mut Io,
        direct: bool,
    ) -> i32 {
        let args = &argv[1..];
        match name {
            "ls" => self.ls(args, io),
            "cat" => self.cat(args, stdin, io),
            "echo" => echo(args, io, direct),
            "sh" | "dash" | "bash" => self.sh(name, args, stdin, io),
            "rm" => self.rm(args, io),
            "mkdir" => self.mkdir(args, io),
            "touch" => self.touch(args, io),
            "df" => self.df(args, io),
            "mount" => self.mount(io),
            "id" => self.id(args, io),
            "whoami" => match self.who.uid {
                0 | 1000 => {
                    io.out_line(user_name(self.who.uid));
                    0
                }
                uid => {
                    io.err_line(format!("whoami: cannot find name for user ID {uid}"));
                    1
                }
            },
            "hostname" => {
                io.out_line(hostname(&self.pod));
                0
            }
            "env" | "printenv" => {
                if let Some(var) = args.first().filter(|_| name == "printenv") {
                    return match environment(self).into_iter().find(|(k, _)| k == var) {
                        Some((_, v)) => {
                            io.out_line(v);
                            0
                        }
                        None => 1,
                    };
                }
                for (k, v) in environment(self) {
                    io.out_line(format!("{k}={v}"));
                }
                0
            }
            "sleep" => sleep(args, io),
            "pwd" => {
                io.out_line(&self.session.cwd);
                0
            }
            "true" | ":" => 0,
            "false" => 1,
            "exit" => {
                let code = match args.first() {
                    None => self.session.status,
                    Some(a) => match a.parse::<i64>() {
                        Ok(n) => (n & 0xff) as i32,
                        Err(_) => {
                            io.err_line(format!("{}exit: Illegal number: {a}", self.prefix()));
                            2
                        }
                    },
                };
                self.session.exited = Some(code);
                code
            }
            "cd" => self.cd(args, io),
            "export" => {
                for a in args {
                    if let Some((k, v)) = a.split_once('=') {
                        self.session.vars.insert(k.to_string(), v.to_string());
                    }
                }
                0
            }
            _ => 127,
        }
    }

    fn sh(&mut self, name: &str, args: &[String], stdin: &str, io: &mut Io) -> i32 {
        let flavor = if name == "bash" {
            Flavor::Bash
        } else {
            Flavor::Dash
        };
        let saved = (self.session.flavor, self.session.interactive);
        self.session.flavor = flavor;
        self.session.interactive = false;
        let status = match args.first().map(String::as_str) {
            Some("-c") => match args.get(1) {
                Some(text) => self.nested(text, stdin, io),
                None => {
                    io.err_line(match flavor {
                        Flavor::Dash => "sh: 0: -c requires an argument".to_string(),
                        Flavor::Bash => "bash: -c: option requires an argument".to_string(),
                    });
                    2
                }
            },
            // `sh` alone, or `sh -i`, `bash -l`: the shell reads commands from its stdin.
            Some(a) if a.starts_with('-') => self.nested(stdin, "", io),
            None => self.nested(stdin, "", io),
            Some(script) => {
                let path = self.abs(script);
                if self.view().stat(&path) == Stat::File {
                    let text = join_lines(&self.view().read(&path));
                    self.nested(&text, stdin, io)
                } else {
                    io.err_line(match flavor {
                        Flavor::Dash => format!("sh: 0: cannot open {script}: No such file"),
                        Flavor::Bash => format!("bash: {script}: No such file or directory"),
                    });
                    if flavor == Flavor::Dash { 2 } else { 127 }
                }
            }
        };
        self.session.flavor = saved.0;
        self.session.interactive = saved.1;
        status
    }

    fn cd(&mut self, args: &[String], io: &mut Io) -> i32 {
        let target = match args.first() {
            Some(a) => a.clone(),
            None => {
                if self.who.uid == 0 {
                    "/root".into()
                } else {
                    "/home/node".into()
                }
            }
        };
        let path = self.abs(&target);
        match self.view().stat(&path) {
            Stat::Dir => {
                self.session.cwd = path;
                0
            }
            other => {
                let msg = match self.session.flavor {
                    Flavor::Dash => format!("{}cd: can't cd to {target}", self.prefix()),
                    Flavor::Bash if other == Stat::File => {
                        format!("{}cd: {target}: Not a directory", self.prefix())
                    }
                    Flavor::Bash => {
                        format!("{}cd: {target}: No such file or directory", self.prefix())
                    }
                };
                io.err_line(msg);
                if self.session.flavor == Flavor::Dash {
                    2
                } else {
                    1
                }
            }
        }
    }

    fn cat(&mut self, args: &[String], stdin: &str, io: &mut Io) -> i32 {
        let files: Vec<&String> = args
            .iter()
            .filter(|a| !a.starts_with('-') || *a == "-")
            .collect();
        if files.is_empty() {
            io.out(stdin);
            return 0;
        }
        let mut status = 0;
        for f in files {
            if f == "-" {
                io.out(stdin);
                continue;
            }
            let path = self.abs(f);
            match self.view().stat(&path) {
                Stat::File => io.out(join_lines(&self.view().read(&path))),
                Stat::Dir => {
                    io.err_line(format!("cat: {f}: Is a directory"));
                    status = 1;
                }
                Stat::Missing => {
                    io.err_line(format!("cat: {f}: No such file or directory"));
                    status = 1;
                }
            }
        }
        status
    }

    fn rm(&mut self, args: &[String], io: &mut Io) -> i32 {
        let (mut recursive, mut force) = (false, false);
        let mut targets = Vec::new();
        let mut flags_done = false;
        for a in args {
            if !flags_done && a == "--" {
                flags_done = true;
            } else if !flags_done && a.starts_with('-') && a.len() > 1 {
                for c in a[1..].chars() {
                    match c {
                        'r' | 'R' => recursive = true,
                        'f' => force = true,
                        'v' | 'i' => {}
                        other => {
                            io.err_line(format!("rm: invalid option -- '{other}'"));
                            io.err_line("Try 'rm --help' for more information.");
                            return 1;
                        }
                    }
                }
            } else {
                targets.push(a.clone());
            }
        }
        if targets.is_empty() {
            if force {
                return 0;
            }
            io.err_line("rm: missing operand");
            io.err_line("Try 'rm --help' for more information.");
            return 1;
        }
        let mut status = 0;
        for t in targets {
            if let Err(e) = self.rm_one(&t, recursive, force) {
                io.err_line(format!("rm: cannot remove '{t}': {e}"));
                status = 1;
            }
        }
        status
    }

    fn rm_one(&mut self, t: &str, recursive: bool, force: bool) -> Result<(), String> {
        let path = self.abs(t);
        let stat = self.view().stat(&path);
        if stat == Stat::Missing {
            return if force {
                Ok(())
            } else {
                Err("No such file or directory".into())
            };
        }
        if stat == Stat::Dir && !recursive {
            return Err("Is a directory".into());
        }
        if path == "/" {
            return Err("kubestory: removing / is not simulated".into());
        }
        // Mounts under this path: their contents go, the mount points stay (busy).
        let mounts: Vec<String> = self
            .view()
            .mount_paths()
            .into_iter()
            .filter(|m| crate::sim::data::is_within(m, &path))
            .collect();
        if self.view().is_image_path(&path) && mounts.is_empty() {
            return Err(
                "kubestory: the image's own files are not simulated; only what the app or exec wrote can be removed"
                    .into(),
            );
        }
        let view = self.view();
        let place = view.place(&path).map_err(|e| format!("kubestory: {e}"))?;
        if place.read_only {
            return Err("Read-only file system".into());
        }
        let parent = view
            .place(&parent_of(&path))
            .map_err(|e| format!("kubestory: {e}"))?;
        let denied = self
            .cluster
            .data
            .write_denied(
                &parent.fs,
                &crate::sim::data::join(&parent.path, "x"),
                &self.who,
            )
            .is_some();
        if denied && !view.is_mount_point(&path) {
            return Err("Permission denied".into());
        }
        let now = self.cluster.now;
        let why = format!(
            "{t} was removed with rm in kubectl exec on pod {}",
            self.pod.metadata.name
        );
        let mut busy = false;
        for m in &mounts {
            if let Ok(mp) = self.view().place(m)
                && !mp.read_only
            {
                self.cluster
                    .data
                    .remove_dir(&mp.fs, &mp.path, true, &why, now);
            }
            busy = true;
        }
        if stat == Stat::File {
            self.cluster
                .data
                .remove_file(&place.fs, &place.path, &why, now);
        } else if !view_is_mount(self, &path) {
            self.cluster
                .data
                .remove_dir(&place.fs, &place.path, false, &why, now);
        }
        self.changed = true;
        if busy {
            return Err("Device or resource busy".into());
        }
        Ok(())
    }

    fn mkdir(&mut self, args: &[String], io: &mut Io) -> i32 {
        let parents = args.iter().any(|a| a == "-p" || a == "--parents");
        let dirs: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        if dirs.is_empty() {
            io.err_line("mkdir: missing operand");
            io.err_line("Try 'mkdir --help' for more information.");
            return 1;
        }
        let mut status = 0;
        for d in dirs {
            let path = self.abs(d);
            let fail = |io: &mut Io, why: &str| {
                io.err_line(format!("mkdir: cannot create directory '{d}': {why}"));
            };
            match self.view().stat(&path) {
                Stat::Dir if parents => continue,
                Stat::Dir | Stat::File => {
                    fail(io, "File exists");
                    status = 1;
                    continue;
                }
                Stat::Missing => {}
            }
            if !parents && self.view().stat(&parent_of(&path)) != Stat::Dir {
                fail(io, "No such file or directory");
                status = 1;
                continue;
            }
            let place = match self.view().place(&path) {
                Ok(p) => p,
                Err(e) => {
                    fail(io, &e);
                    status = 1;
                    continue;
                }
            };
            if place.read_only {
                fail(io, "Read-only file system");
                status = 1;
                continue;
            }
            if self
                .cluster
                .data
                .write_denied(&place.fs, &place.path, &self.who)
                .is_some()
            {
                fail(io, "Permission denied");
                status = 1;
                continue;
            }
            self.cluster.data.ensure(&place.fs).mkdir_p(&place.path);
            if self.who.uid != 0 || self.who.gid != 0 {
                let dir = self
                    .cluster
                    .data
                    .perm(&place.fs, &parent_of(&place.path), true);
                let gid = if dir.mode & SETGID != 0 {
                    dir.gid
                } else {
                    self.who.gid
                };
                let perm = crate::sim::permissions::Perm {
                    uid: self.who.uid,
                    gid,
                    mode: 0o755 | (dir.mode & SETGID),
                };
                self.cluster.data.set_perm(&place.fs, &place.path, perm);
            }
            self.changed = true;
        }
        status
    }

    fn touch(&mut self, args: &[String], io: &mut Io) -> i32 {
        let files: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        if files.is_empty() {
            io.err_line("touch: missing file operand");
            io.err_line("Try 'touch --help' for more information.");
            return 1;
        }
        let mut status = 0;
        for f in files {
            let path = self.abs(f);
            if self.view().stat(&path) != Stat::Missing {
                continue;
            }
            let why = match self.check_writable_file(f) {
                Ok(()) => match self.write_file(f, "", true) {
                    Ok(()) => continue,
                    Err(e) => e,
                },
                Err(e) if e == "nonexistent" => "No such file or directory".to_string(),
                Err(e) => e,
            };
            io.err_line(format!("touch: cannot touch '{f}': {why}"));
            status = 1;
        }
        status
    }

    fn id(&self, args: &[String], io: &mut Io) -> i32 {
        let who = &self.who;
        let name = |id: u32| match id {
            0 | 1000 => format!("{id}({})", user_name(id)),
            other => other.to_string(),
        };
        let flags: String = args.iter().filter_map(|a| a.strip_prefix('-')).collect();
        if flags.contains('u') {
            io.out_line(if flags.contains('n') {
                user_name(who.uid)
            } else {
                who.uid.to_string()
            });
            return 0;
        }
        if flags.contains('g') {
            io.out_line(if flags.contains('n') {
                user_name(who.gid)
            } else {
                who.gid.to_string()
            });
            return 0;
        }
        let mut groups = vec![name(who.gid)];
        for g in &who.groups {
            if *g != who.gid {
                groups.push(name(*g));
            }
        }
        io.out_line(format!(
            "uid={} gid={} groups={}",
            name(who.uid),
            name(who.gid),
            groups.join(",")
        ));
        0
    }
}

fn view_is_mount(sh: &Shell, path: &str) -> bool {
    sh.view().is_mount_point(path)
}

/// The container's environment: what the runtime and the kubelet set, the container's own
/// `env` values, and the service variables of the `kubernetes` service.
pub(crate) fn environment(sh: &Shell) -> Vec<(String, String)> {
    let mut env = vec![
        (
            "PATH".to_string(),
            "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin".to_string(),
        ),
        ("HOSTNAME".to_string(), hostname(&sh.pod)),
    ];
    if let Some(list) = sh.ctr.extra.get("env").and_then(|v| v.as_array()) {
        for e in list {
            if let (Some(n), Some(v)) = (
                e.get("name").and_then(|v| v.as_str()),
                e.get("value").and_then(|v| v.as_str()),
            ) {
                env.push((n.to_string(), v.to_string()));
            }
        }
    }
    for (k, v) in [
        ("KUBERNETES_SERVICE_HOST", "10.96.0.1"),
        ("KUBERNETES_SERVICE_PORT", "443"),
        ("KUBERNETES_SERVICE_PORT_HTTPS", "443"),
        ("KUBERNETES_PORT", "tcp://10.96.0.1:443"),
        ("KUBERNETES_PORT_443_TCP", "tcp://10.96.0.1:443"),
        ("KUBERNETES_PORT_443_TCP_PROTO", "tcp"),
        ("KUBERNETES_PORT_443_TCP_PORT", "443"),
        ("KUBERNETES_PORT_443_TCP_ADDR", "10.96.0.1"),
    ] {
        env.push((k.to_string(), v.to_string()));
    }
    let home = if sh.who.uid == 0 {
        "/root"
    } else {
        "/home/node"
    };
    env.push(("HOME".to_string(), home.to_string()));
    for (k, v) in &sh.session.vars {
        match env.iter_mut().find(|(n, _)| n == k) {
            Some(slot) => slot.1 = v.clone(),
            None => env.push((k.clone(), v.clone())),
        }
    }
    env
}

fn echo(args: &[String], io: &mut Io, direct: bool) -> i32 {
    let mut newline = true;
    let mut escapes = !direct;
    let mut rest = args;
    while let Some(first) = rest.first() {
        match first.as_str() {
            "-n" => newline = false,
            "-e" if direct => escapes = true,
            "-E" if direct => escapes = false,
            _ => break,
        }
        rest = &rest[1..];
    }
    let mut text = rest.join(" ");
    if escapes {
        if let Some(cut) = text.find("\\c") {
            text.truncate(cut);
            newline = false;
        }
        text = text
            .replace("\\n", "\n")
            .replace("\\t", "\t")
            .replace("\\\\", "\\");
    }
    io.out(&text);
    if newline {
        io.out("\n");
    }
    0
}

fn sleep(args: &[String], io: &mut Io) -> i32 {
    let Some(first) = args.first() else {
        io.err_line("sleep: missing operand");
        io.err_line("Try 'sleep --help' for more information.");
        return 1;
    };
    for a in args {
        let number = a.trim_end_matches(['s', 'm', 'h', 'd']);
        if number.parse::<f64>().is_err() || number.is_empty() {
            io.err_line(format!("sleep: invalid time interval '{a}'"));
            io.err_line("Try 'sleep --help' for more information.");
            return 1;
        }
    }
    // Simulated time moves only with `wait`: sleep returns at once.
    let _ = first;
    0
}
