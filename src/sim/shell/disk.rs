//! `df` and `mount`: which filesystem backs each mount of the container, as GNU `df` and
//! util-linux `mount` print it, with a `kubestory:` line naming the Kubernetes volume.

use super::view::Stat;
use super::{Io, Shell};
use crate::sim::data::{FsId, normalize};
use crate::sim::objects::Volume;

impl Shell<'_> {
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

    pub(super) fn mount(&self, io: &mut Io) -> i32 {
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

    pub(super) fn df(&self, args: &[String], io: &mut Io) -> i32 {
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
