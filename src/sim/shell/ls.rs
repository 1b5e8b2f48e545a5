//! `ls` as GNU coreutils prints it in the C locale: one name per line into a pipe, columns
//! on a terminal (`ls -C`), `-l` with mode, links, owner, group, size and date, `total`.

use super::view::{Stat, user_name};
use super::{Io, Shell};
use crate::sim::data::parent_of;
use crate::sim::permissions::SETGID;

/// Width the shell assumes for `ls` columns on a terminal.
const COLUMNS: usize = 80;

impl Shell<'_> {
    pub(super) fn ls(&mut self, args: &[String], io: &mut Io) -> i32 {
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
