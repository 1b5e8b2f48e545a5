//! A container's filesystem as the container sees it: the image's own directories, its
//! writable layer, and every volume at its mountPath (longest prefix wins, subPath, readOnly),
//! each path resolved to the [`FsId`] that really holds it (`Cluster::resolve_container_path`).

use crate::sim::Cluster;
use crate::sim::app::App;
use crate::sim::data::{FsId, is_within, normalize, parent_of};
use crate::sim::objects::{Container, Pod};
use crate::sim::permissions::Perm;
use std::collections::BTreeSet;

/// Directories every simulated image has (a Debian base with the app's own directory).
const IMAGE_DIRS: &[&str] = &[
    "/bin",
    "/boot",
    "/dev",
    "/etc",
    "/home",
    "/lib",
    "/media",
    "/mnt",
    "/opt",
    "/proc",
    "/root",
    "/run",
    "/sbin",
    "/srv",
    "/sys",
    "/tmp",
    "/usr",
    "/usr/bin",
    "/usr/lib",
    "/usr/local",
    "/usr/local/bin",
    "/usr/sbin",
    "/var",
    "/var/lib",
    "/var/log",
    "/var/tmp",
];

/// What a path is, as `stat` would say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stat {
    /// No such file or directory.
    Missing,
    /// A directory.
    Dir,
    /// A regular file.
    File,
}

/// A container's view of its filesystem.
pub struct View<'a> {
    /// The cluster.
    pub cluster: &'a Cluster,
    /// The pod.
    pub pod: &'a Pod,
    /// The container.
    pub container: &'a Container,
}

/// A path resolved for reading or writing.
#[derive(Clone, Debug)]
pub struct Place {
    /// The filesystem.
    pub fs: FsId,
    /// The path inside it.
    pub path: String,
    /// Whether writes are refused.
    pub read_only: bool,
    /// Whether this is the container layer (the image's directories show through).
    pub layer: bool,
}

impl View<'_> {
    /// The image's own directories: the Debian skeleton, the app's data directory's parents
    /// (`/app` for the story app) and its working directory.
    pub fn image_dirs(&self) -> BTreeSet<String> {
        let mut dirs: BTreeSet<String> = IMAGE_DIRS.iter().map(|s| s.to_string()).collect();
        let data = App::for_image(&self.container.image).data_dir();
        let mut p = parent_of(data);
        while p != "/" {
            dirs.insert(p.clone());
            p = parent_of(&p);
        }
        if App::for_image(&self.container.image) == App::Story {
            dirs.insert("/home/node".into());
        }
        dirs
    }

    /// The image's own files with their contents (`/etc/hostname` is the pod's hostname, as
    /// the kubelet bind-mounts it).
    pub fn image_file(&self, path: &str) -> Option<String> {
        match path {
            "/etc/hostname" => Some(format!("{}\n", hostname(self.pod))),
            "/etc/passwd" => Some(PASSWD.to_string()),
            "/dev/null" => Some(String::new()),
            _ => None,
        }
    }

    /// Resolves a container path.
    pub fn place(&self, path: &str) -> Result<Place, String> {
        let r = self
            .cluster
            .resolve_container_path(self.pod, self.container, path)?;
        Ok(Place {
            layer: r.volume.is_none(),
            fs: r.fs,
            path: r.path,
            read_only: r.read_only,
        })
    }

    /// The normalised mount paths of the container's volumes.
    pub fn mount_paths(&self) -> Vec<String> {
        self.container
            .volume_mounts
            .iter()
            .map(|m| normalize(&m.mount_path))
            .collect()
    }

    /// What `path` is.
    pub fn stat(&self, path: &str) -> Stat {
        let path = normalize(path);
        if path == "/" || self.mount_paths().iter().any(|m| is_within(m, &path)) {
            return Stat::Dir;
        }
        let Ok(place) = self.place(&path) else {
            return Stat::Missing;
        };
        let fs = self.cluster.data.filesystems.get(&place.fs);
        if fs.is_some_and(|f| f.is_file(&place.path)) {
            return Stat::File;
        }
        if fs.is_some_and(|f| f.is_dir(&place.path)) {
            return Stat::Dir;
        }
        if place.layer {
            if self.image_dirs().contains(&path) {
                return Stat::Dir;
            }
            if self.image_file(&path).is_some() {
                return Stat::File;
            }
        }
        Stat::Missing
    }

    /// The names directly inside the directory `path` (which must be one), sorted as the C
    /// locale sorts (bytes), with whether each is a directory.
    pub fn list(&self, path: &str) -> Vec<(String, bool)> {
        let path = normalize(path);
        let prefix = if path == "/" {
            "/".to_string()
        } else {
            format!("{path}/")
        };
        let mut out: std::collections::BTreeMap<String, bool> = Default::default();
        let child =
            |full: &str, is_dir: bool, out: &mut std::collections::BTreeMap<String, bool>| {
                if let Some(rest) = full.strip_prefix(&prefix)
                    && !rest.is_empty()
                {
                    let (name, deeper) = match rest.split_once('/') {
                        Some((n, _)) => (n, true),
                        None => (rest, is_dir),
                    };
                    let e = out.entry(name.to_string()).or_insert(deeper);
                    *e |= deeper;
                }
            };
        for m in self.mount_paths() {
            child(&m, true, &mut out);
        }
        if let Ok(place) = self.place(&path) {
            let inner_prefix = if place.path == "/" {
                "/".to_string()
            } else {
                format!("{}/", place.path)
            };
            if let Some(fs) = self.cluster.data.filesystems.get(&place.fs) {
                let mut add = |inner: &str, is_dir: bool| {
                    if let Some(rest) = inner.strip_prefix(&inner_prefix) {
                        child(&format!("{prefix}{rest}"), is_dir, &mut out);
                    }
                };
                for f in fs.files.keys() {
                    add(f, false);
                }
                for d in fs.dirs.iter() {
                    add(d, true);
                }
            }
            if place.layer {
                for d in self.image_dirs() {
                    child(&d, true, &mut out);
                }
                for f in ["/etc/hostname", "/etc/passwd"] {
                    child(f, false, &mut out);
                }
            }
        }
        // A path hidden by a mount is not listed through the mount's parent twice.
        out.into_iter().collect()
    }

    /// The lines of a file (the stories' texts), or the image file's lines.
    pub fn read(&self, path: &str) -> Vec<String> {
        let path = normalize(path);
        if let Ok(place) = self.place(&path) {
            let fs = self.cluster.data.filesystems.get(&place.fs);
            if let Some(stories) = fs.and_then(|f| f.files.get(&place.path)) {
                return stories.iter().map(|s| s.text.clone()).collect();
            }
            if place.layer
                && let Some(text) = self.image_file(&path)
            {
                return text.lines().map(str::to_string).collect();
            }
        }
        Vec::new()
    }

    /// Ownership and mode of a path (directories of the image and mount roots included).
    pub fn perm(&self, path: &str, is_dir: bool) -> Perm {
        let path = normalize(path);
        match self.place(&path) {
            Ok(place) => {
                if place.layer && path == "/tmp" {
                    return Perm::root(0o1777);
                }
                self.cluster.data.perm(&place.fs, &place.path, is_dir)
            }
            Err(_) => {
                if is_dir {
                    Perm::ROOT_DIR
                } else {
                    Perm::ROOT_FILE
                }
            }
        }
    }

    /// Whether `path` is exactly a mount point.
    pub fn is_mount_point(&self, path: &str) -> bool {
        let path = normalize(path);
        self.mount_paths().contains(&path)
    }

    /// Whether `path` is one of the image's own paths (not something written since).
    pub fn is_image_path(&self, path: &str) -> bool {
        let path = normalize(path);
        let written = self.place(&path).ok().and_then(|p| {
            self.cluster
                .data
                .filesystems
                .get(&p.fs)
                .map(|f| f.is_file(&p.path) || f.dirs.contains(&p.path))
        });
        written != Some(true)
            && (self.image_dirs().contains(&path) || self.image_file(&path).is_some())
    }
}

/// The pod's hostname: `spec.hostname`, else its name (as the kubelet sets it).
pub fn hostname(pod: &Pod) -> String {
    pod.spec
        .hostname
        .clone()
        .unwrap_or_else(|| pod.metadata.name.clone())
}

/// The image's `/etc/passwd`, trimmed to the accounts the shell names (root, and the `node`
/// user the node.js images have).
const PASSWD: &str = "root:x:0:0:root:/root:/bin/bash\nnode:x:1000:1000::/home/node:/bin/bash\n";

/// A user name for `ls -l` and `id` (numeric when the image has no such user).
pub fn user_name(uid: u32) -> String {
    match uid {
        0 => "root".into(),
        1000 => "node".into(),
        other => other.to_string(),
    }
}
