//! The programs of the container shell, printing what GNU coreutils (and dash's builtins)
//! print, errors included: `ls: cannot access 'x': No such file or directory` (exit 2),
//! `cat: x: Is a directory`, `rm: cannot remove 'x': Read-only file system`…

use super::view::{Stat, hostname, user_name};
use super::{Flavor, Io, Shell, join_lines};
use crate::sim::data::{FsId, normalize, parent_of};
use crate::sim::objects::Volume;
use crate::sim::permissions::SETGID;

/// Width the shell assumes for `ls` columns on a terminal.
const COLUMNS: usize = 80;

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

    fn ls(&mut self, args: &[String], io: &mut Io) -> i32 {
        let mut long = false;
        let mut all = false;
        let mut almost = false;
        let mut one = false;
        let mut dir_only = false;
        let mut human = false;
        let mut paths = Vec::new();
        for a in args {
            if let Some(flags) = a
                .strip_prefix('-')
                .filter(|f| !f.is_empty() && !a.starts_with("--"))
            {
                for c in flags.chars() {
                    match c {
                        'l' => long = true,
                        'a' => all = true,
                        'A' => almost = true,
                        '1' => one = true,
                        'd' => dir_only = true,
                        'h' => human = true,
                        other => {
                            io.err_line(format!("ls: invalid option -- '{other}'"));
                            io.err_line("Try 'ls --help' for more information.");
                            return 2;
                        }
                    }
                }
            } else if a.starts_with("--") && a.len() > 2 {
                io.err_line(format!("ls: unrecognized option '{a}'"));
                io.err_line("Try 'ls --help' for more information.");
                return 2;
            } else {
                paths.push(a.clone());
            }
        }
        let _ = human;
        let listed_paths = !paths.is_empty();
        if paths.is_empty() {
            paths.push(".".into());
        }
        let mut status = 0;
        let mut files = Vec::new();
        let mut dirs = Vec::new();
        for p in &paths {
            let abs = self.abs(p);
            match self.view().stat(&abs) {
                Stat::Missing => {
                    io.err_line(format!(
                        "ls: cannot access '{p}': No such file or directory"
                    ));
                    status = 2;
                }
                Stat::Dir if !dir_only => dirs.push((p.clone(), abs)),
                Stat::Dir => files.push((p.clone(), abs, true)),
                Stat::File => files.push((p.clone(), abs, false)),
            }
        }
        files.sort();
        dirs.sort();
        let headers = dirs.len() + files.len() > 1;
        let mut first = true;
        if !files.is_empty() {
            let entries: Vec<(String, String, bool)> = files;
            self.print_entries(&entries, long, one, io, false);
            first = false;
        }
        for (shown, abs) in dirs {
            if !first {
                io.out("\n");
            }
            first = false;
            if headers {
                io.out_line(format!("{shown}:"));
            }
            let mut entries: Vec<(String, String, bool)> = Vec::new();
            if all {
                entries.push((".".into(), abs.clone(), true));
                entries.push(("..".into(), parent_of(&abs), true));
            }
            for (name, is_dir) in self.view().list(&abs) {
                if name.starts_with('.') && !(all || almost) {
                    continue;
                }
                let full = crate::sim::data::join(&abs, &name);
                entries.push((name, full, is_dir));
            }
            self.print_entries(&entries, long, one, io, true);
        }
        let _ = listed_paths;
        status
    }

    fn print_entries(
        &self,
        entries: &[(String, String, bool)],
        long: bool,
        one: bool,
        io: &mut Io,
        total: bool,
    ) {
        if long {
            let rows: Vec<[String; 7]> = entries
                .iter()
                .map(|(name, abs, is_dir)| self.long_row(name, abs, *is_dir))
                .collect();
            if total {
                let blocks: u64 = entries
                    .iter()
                    .map(|(_, abs, is_dir)| {
                        if *is_dir {
                            4
                        } else {
                            let size = self.file_size(abs);
                            size.div_ceil(4096) * 4
                        }
                    })
                    .sum();
                io.out_line(format!("total {blocks}"));
            }
            let width = |i: usize| rows.iter().map(|r| r[i].len()).max().unwrap_or(0);
            let w: Vec<usize> = (0..7).map(width).collect();
            for r in &rows {
                io.out_line(format!(
                    "{} {:>l$} {:<u$} {:<g$} {:>s$} {} {}",
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                    r[6],
                    l = w[1],
                    u = w[2],
                    g = w[3],
                    s = w[4]
                ));
            }
            return;
        }
        let names: Vec<&str> = entries.iter().map(|(n, _, _)| n.as_str()).collect();
        if one || !self.session.tty {
            for n in names {
                io.out_line(n);
            }
        } else {
            for line in columns(&names, COLUMNS) {
                io.out_line(line);
            }
        }
    }

    fn file_size(&self, abs: &str) -> u64 {
        self.view()
            .read(abs)
            .iter()
            .map(|l| l.len() as u64 + 1)
            .sum()
    }

    fn long_row(&self, name: &str, abs: &str, is_dir: bool) -> [String; 7] {
        let view = self.view();
        let perm = view.perm(abs, is_dir);
        let links = if is_dir {
            2 + view.list(abs).iter().filter(|(_, d)| *d).count()
        } else {
            1
        };
        let size = if is_dir { 4096 } else { self.file_size(abs) };
        let when = self.mtime(abs);
        [
            mode_string(perm.mode, is_dir),
            links.to_string(),
            user_name(perm.uid),
            user_name(perm.gid),
            size.to_string(),
            ls_time(when),
            name.to_string(),
        ]
    }

    /// When a path was last written: its newest line, else the pod's start.
    fn mtime(&self, abs: &str) -> crate::sim::SimTime {
        let view = self.view();
        let newest = view.place(abs).ok().and_then(|p| {
            let fs = self.cluster.data.filesystems.get(&p.fs)?;
            let prefix = format!("{}/", p.path.trim_end_matches('/'));
            fs.files
                .iter()
                .filter(|(k, _)| **k == p.path || k.starts_with(&prefix))
                .filter_map(|(_, v)| v.last().map(|s| s.written_at))
                .max()
        });
        newest
            .or(self.pod.metadata.creation_timestamp)
            .unwrap_or_default()
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

    /// The mounts of the container, `/` first, as `(source, target, fstype, options, path
    /// inside the filesystem, filesystem, volume)`.
    fn mount_table(&self) -> Vec<MountRow> {
        let mut rows = vec![MountRow {
            source: "overlay".into(),
            target: "/".into(),
            fstype: "overlay",
            read_only: false,
            fs: self.view().place("/").ok().map(|p| p.fs),
            volume: None,
        }];
        for m in &self.ctr.volume_mounts {
            let target = normalize(&m.mount_path);
            let place = self.view().place(&target).ok();
            let volume = self.pod.spec.volume(&m.name).cloned();
            let in_memory = volume
                .as_ref()
                .is_some_and(|v| v.secret.is_some() || v.extra.contains_key("projected"));
            let (source, fstype) = match place.as_ref().map(|p| &p.fs) {
                Some(FsId::Tmpfs { .. }) => ("tmpfs".to_string(), "tmpfs"),
                // Secrets and projected service-account tokens are kept in memory.
                _ if in_memory => ("tmpfs".to_string(), "tmpfs"),
                Some(FsId::Network { id }) => {
                    network_source(id, place.as_ref().map_or("/", |p| p.path.as_str()))
                }
                Some(_) | None => ("/dev/vda1".to_string(), "ext4"),
            };
            rows.push(MountRow {
                source,
                target,
                fstype,
                read_only: place.as_ref().is_some_and(|p| p.read_only),
                fs: place.map(|p| p.fs),
                volume,
            });
        }
        rows
    }

    fn mount(&self, io: &mut Io) -> i32 {
        for r in self.mount_table() {
            let opts = if r.read_only {
                "ro,relatime"
            } else {
                "rw,relatime"
            };
            io.out_line(format!(
                "{} on {} type {} ({opts})",
                r.source, r.target, r.fstype
            ));
        }
        io.out_line("proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)");
        io.out_line("tmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755)");
        io.out_line("sysfs on /sys type sysfs (ro,nosuid,nodev,noexec,relatime)");
        0
    }

    fn df(&self, args: &[String], io: &mut Io) -> i32 {
        let human = args.iter().any(|a| a.starts_with('-') && a.contains('h'));
        let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
        let table = self.mount_table();
        let mut rows: Vec<&MountRow> = Vec::new();
        let mut status = 0;
        if paths.is_empty() {
            rows.extend(table.iter());
        } else {
            for p in &paths {
                let abs = self.abs(p);
                if self.view().stat(&abs) == Stat::Missing {
                    io.err_line(format!("df: {p}: No such file or directory"));
                    status = 1;
                    continue;
                }
                if let Some(r) = table
                    .iter()
                    .filter(|r| crate::sim::data::is_within(&abs, &r.target))
                    .max_by_key(|r| r.target.len())
                {
                    rows.push(r);
                }
            }
        }
        if rows.is_empty() {
            return status;
        }
        let mut lines = vec![[
            "Filesystem".to_string(),
            if human {
                "Size".into()
            } else {
                "1K-blocks".into()
            },
            "Used".into(),
            if human {
                "Avail".into()
            } else {
                "Available".into()
            },
            "Use%".into(),
            "Mounted on".into(),
        ]];
        for r in &rows {
            let (size, used) = self.usage(r);
            let avail = size.saturating_sub(used);
            let pct = if size == 0 {
                "-".to_string()
            } else {
                format!("{}%", (used * 100).div_ceil(size.max(1)))
            };
            let fmt = |b: u64| {
                if human {
                    human_size(b)
                } else {
                    b.div_ceil(1024).to_string()
                }
            };
            lines.push([
                r.source.clone(),
                fmt(size),
                fmt(used),
                fmt(avail),
                pct,
                r.target.clone(),
            ]);
        }
        // GNU df's minimum widths: 14 for the source, 5 for -h numbers (9 for 1K-blocks).
        let num_min = if human { 5 } else { 9 };
        let w0 = lines.iter().map(|l| l[0].len()).max().unwrap_or(0).max(14);
        let wn: Vec<usize> = (1..5)
            .map(|i| {
                lines
                    .iter()
                    .map(|l| l[i].len())
                    .max()
                    .unwrap_or(0)
                    .max(if i == 4 { 4 } else { num_min })
            })
            .collect();
        for l in &lines {
            io.out_line(format!(
                "{:<w0$} {:>a$} {:>b$} {:>c$} {:>d$} {}",
                l[0],
                l[1],
                l[2],
                l[3],
                l[4],
                l[5],
                a = wn[0],
                b = wn[1],
                c = wn[2],
                d = wn[3]
            ));
        }
        // What the Filesystem column means in Kubernetes terms (kubestory's own lines).
        if !paths.is_empty() {
            for r in &rows {
                io.err_line(format!("kubestory: {} is {}", r.target, self.backing(r)));
            }
        }
        status
    }

    /// Which storage a mount is, in Kubernetes terms.
    fn backing(&self, r: &MountRow) -> String {
        let node = self.pod.spec.node_name.clone().unwrap_or_default();
        let volume = r.volume.as_ref();
        let vname = volume.map(|v| v.name.clone()).unwrap_or_default();
        match &r.fs {
            Some(FsId::ContainerLayer { .. }) | None => format!(
                "container {:?}'s own writable layer (overlay on node {node}'s disk): it is lost when the container restarts",
                self.ctr.name
            ),
            Some(FsId::EmptyDir { .. }) if volume.is_some_and(|v| v.empty_dir.is_some()) => {
                format!(
                    "emptyDir volume {vname:?} on node {node}'s disk: it lives as long as the pod"
                )
            }
            Some(FsId::EmptyDir { .. }) => format!("volume {vname:?} (scratch space of the pod)"),
            Some(FsId::Tmpfs { .. }) => format!(
                "emptyDir volume {vname:?} with medium: Memory (tmpfs in node {node}'s RAM): it lives as long as the pod"
            ),
            Some(FsId::NodeDisk { node }) => {
                let claim = volume.and_then(|v| self.pod.volume_claim_name(v));
                match claim {
                    Some(c) => format!(
                        "claim {c:?} (volume {vname:?}), a directory on node {node}'s disk: another node has its own"
                    ),
                    None => format!(
                        "hostPath volume {vname:?}, a directory on node {node}'s disk: another node has its own"
                    ),
                }
            }
            Some(FsId::Network { id }) => {
                let claim = volume.and_then(|v| self.pod.volume_claim_name(v));
                match claim {
                    Some(c) => format!(
                        "claim {c:?} (volume {vname:?}) on {id}: it follows the claim, not the pod"
                    ),
                    None => format!("volume {vname:?} on {id}"),
                }
            }
        }
    }

    /// Size and bytes used of a mount's filesystem.
    fn usage(&self, r: &MountRow) -> (u64, u64) {
        const GIB: u64 = 1 << 30;
        let stored: u64 =
            r.fs.as_ref()
                .and_then(|fs| self.cluster.data.filesystems.get(fs))
                .map(|f| {
                    f.files
                        .values()
                        .flat_map(|v| v.iter())
                        .map(|s| s.text.len() as u64 + 1)
                        .sum()
                })
                .unwrap_or(0);
        match &r.fs {
            Some(FsId::Tmpfs { .. }) => (8 * GIB, stored),
            Some(FsId::Network { .. }) => {
                let size = r
                    .volume
                    .as_ref()
                    .and_then(|v| self.pod.volume_claim_name(v))
                    .and_then(|c| {
                        self.cluster
                            .claim(self.pod.metadata.namespace_or_default(), &c)
                            .and_then(|c| c.spec.volume_name().map(str::to_string))
                    })
                    .and_then(|pv| {
                        self.cluster
                            .volume(&pv)
                            .and_then(|pv| pv.spec.storage())
                            .map(|q| u64::try_from(q.value()).unwrap_or(0))
                    })
                    .unwrap_or(GIB);
                (size, stored)
            }
            // The node's disk (minikube's default 20000 MB), shared by the container layers,
            // emptyDirs and hostPath directories.
            _ => (20_000 * 1_000_000, 4 * GIB + stored),
        }
    }
}

fn view_is_mount(sh: &Shell, path: &str) -> bool {
    sh.view().is_mount_point(path)
}

struct MountRow {
    source: String,
    target: String,
    fstype: &'static str,
    read_only: bool,
    fs: Option<FsId>,
    volume: Option<Volume>,
}

fn network_source(id: &str, path: &str) -> (String, &'static str) {
    if let Some(server) = id.strip_prefix("nfs://") {
        return (format!("{server}:{path}"), "nfs4");
    }
    if let Some(rest) = id.strip_prefix("csi://") {
        let handle = rest.rsplit('/').next().unwrap_or(rest);
        return (format!("/dev/disk/by-id/{handle}"), "ext4");
    }
    (id.to_string(), "ext4")
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

/// `drwxr-xr-x`, with set-group-ID (`s`/`S`) and sticky (`t`/`T`) bits.
pub(crate) fn mode_string(mode: u32, is_dir: bool) -> String {
    let mut s = String::with_capacity(10);
    s.push(if is_dir { 'd' } else { '-' });
    for (i, shift) in [6u32, 3, 0].iter().enumerate() {
        let bits = (mode >> shift) & 7;
        s.push(if bits & 4 != 0 { 'r' } else { '-' });
        s.push(if bits & 2 != 0 { 'w' } else { '-' });
        let x = bits & 1 != 0;
        let special = match i {
            0 => mode & 0o4000 != 0,
            1 => mode & SETGID != 0,
            _ => mode & 0o1000 != 0,
        };
        s.push(match (special, x, i) {
            (true, true, 2) => 't',
            (true, false, 2) => 'T',
            (true, true, _) => 's',
            (true, false, _) => 'S',
            (false, true, _) => 'x',
            (false, false, _) => '-',
        });
    }
    s
}

/// `ls -l`'s date in the C locale: `Jan  1 00:05`.
fn ls_time(t: crate::sim::SimTime) -> String {
    let iso = t.rfc3339();
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month: usize = iso.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let day: u32 = iso.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    format!(
        "{} {:>2} {}",
        MONTHS[month.clamp(1, 12) - 1],
        day,
        iso.get(11..16).unwrap_or("00:00")
    )
}

/// GNU `-h` sizes: powers of 1024, rounded up, one decimal below 10.
pub(crate) fn human_size(bytes: u64) -> String {
    if bytes < 1024 {
        return bytes.to_string();
    }
    let units = ['K', 'M', 'G', 'T', 'P'];
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < units.len() {
        value /= 1024.0;
        unit += 1;
    }
    if value < 10.0 {
        let v = (value * 10.0).ceil() / 10.0;
        if v >= 10.0 {
            format!("{}{}", v as u64, units[unit])
        } else {
            format!("{v:.1}{}", units[unit])
        }
    } else {
        format!("{}{}", value.ceil() as u64, units[unit])
    }
}

/// GNU `ls -C`: names down columns, as many columns as fit in `width`.
fn columns(names: &[&str], width: usize) -> Vec<String> {
    if names.is_empty() {
        return Vec::new();
    }
    let n = names.len();
    let mut best_rows = n;
    for cols in (1..=n).rev() {
        let rows = n.div_ceil(cols);
        let widths: Vec<usize> = (0..cols)
            .map(|c| {
                (0..rows)
                    .filter_map(|r| names.get(c * rows + r))
                    .map(|s| s.len())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let used_cols = widths.iter().filter(|w| **w > 0).count();
        let total: usize = widths.iter().take(used_cols).map(|w| w + 2).sum::<usize>() - 2;
        if total < width {
            best_rows = rows;
            break;
        }
    }
    let rows = best_rows;
    let cols = n.div_ceil(rows);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            (0..rows)
                .filter_map(|r| names.get(c * rows + r))
                .map(|s| s.len())
                .max()
                .unwrap_or(0)
        })
        .collect();
    (0..rows)
        .map(|r| {
            let mut line = String::new();
            for (c, width) in widths.iter().enumerate() {
                if let Some(name) = names.get(c * rows + r) {
                    let last = names.get((c + 1) * rows + r).is_none();
                    if last {
                        line.push_str(name);
                    } else {
                        line.push_str(&format!("{name:<w$}  ", w = *width));
                    }
                }
            }
            line
        })
        .collect()
}
