//! Where stories physically live. Every story is in exactly one filesystem: a container's
//! writable layer, an emptyDir instance (on disk or in memory), a node's disk (hostPath and
//! local volumes) or a network volume (NFS, CSI, cloud disks). Events create, keep or destroy
//! filesystems exactly as the survival matrix says (semantics §8.2); a destroyed filesystem's
//! stories are recorded as a [`DataLoss`] with the rule that decided it.

use super::SimTime;
use super::permissions::{Identity, Perm, SETGID};
use imbl::{OrdMap, OrdSet, Vector};
use serde::Serialize;

/// Identity of one filesystem.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum FsId {
    /// The writable layer of one container instance. A restart makes a new instance.
    ContainerLayer {
        /// Pod UID.
        pod_uid: String,
        /// Container name.
        container: String,
        /// Which start of the container (its restart count when it started).
        instance: u32,
    },
    /// An emptyDir on the node's disk, for one pod.
    EmptyDir {
        /// Pod UID.
        pod_uid: String,
        /// Volume name.
        volume: String,
    },
    /// An emptyDir with `medium: Memory` (tmpfs), for one pod.
    Tmpfs {
        /// Pod UID.
        pod_uid: String,
        /// Volume name.
        volume: String,
    },
    /// A node's own disk: hostPath volumes and local PVs are directories on it.
    NodeDisk {
        /// Node name.
        node: String,
    },
    /// Storage outside the nodes: an NFS server, a CSI or cloud disk.
    Network {
        /// `nfs://server`, `csi://driver/handle`…
        id: String,
    },
}

impl FsId {
    /// A short human description (`emptyDir "cache" of pod x`), for why-lines and the UI.
    pub fn describe(&self) -> String {
        match self {
            FsId::ContainerLayer {
                container,
                instance,
                ..
            } => {
                format!(
                    "container {container:?}'s own filesystem (start #{})",
                    instance + 1
                )
            }
            FsId::EmptyDir { volume, .. } => format!("emptyDir {volume:?}"),
            FsId::Tmpfs { volume, .. } => format!("emptyDir {volume:?} (medium: Memory)"),
            FsId::NodeDisk { node } => format!("the disk of node {node}"),
            FsId::Network { id } => format!("network storage {id}"),
        }
    }
}

/// One story: a line of text the app stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Story {
    /// Unique, in order of writing.
    pub id: u64,
    /// The text.
    pub text: String,
    /// When it was written.
    pub written_at: SimTime,
    /// The pod that wrote it.
    pub writer: String,
    /// The filesystem it was written to. A story never moves: no mechanism in Kubernetes copies
    /// data between filesystems, which the property tests check.
    pub origin: FsId,
}

/// One filesystem: files (each a list of stories) and directories.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filesystem {
    /// Absolute path → the stories in that file, in order.
    pub files: OrdMap<String, Vector<Story>>,
    /// Directories that exist (parents of files exist implicitly).
    pub dirs: OrdSet<String>,
    /// Ownership and mode of the paths something set up explicitly (a volume plugin, the app
    /// creating a file); every other path has the default of [`DataStore::perm`].
    pub perms: OrdMap<String, Perm>,
}

impl Filesystem {
    /// Whether `path` is an existing directory (explicit, or a parent of a file).
    pub fn is_dir(&self, path: &str) -> bool {
        let path = normalize(path);
        if path == "/" || self.dirs.contains(&path) {
            return true;
        }
        let prefix = format!("{path}/");
        self.dirs.iter().any(|d| d.starts_with(&prefix))
            || self.files.keys().any(|f| f.starts_with(&prefix))
    }

    /// Whether `path` is an existing file.
    pub fn is_file(&self, path: &str) -> bool {
        self.files.contains_key(&normalize(path))
    }

    /// Creates a directory and its parents (`mkdir -p`).
    pub fn mkdir_p(&mut self, path: &str) {
        let path = normalize(path);
        if path != "/" {
            self.dirs.insert(path);
        }
    }

    /// All stories, in writing order.
    pub fn stories(&self) -> Vec<Story> {
        let mut all: Vec<Story> = self
            .files
            .values()
            .flat_map(|f| f.iter().cloned())
            .collect();
        all.sort_by_key(|s| s.id);
        all
    }

    /// Removes everything under `path` (`rm -rf path/*`), returning the stories removed.
    pub fn remove_tree(&mut self, path: &str) -> Vec<Story> {
        let path = normalize(path);
        let prefix = if path == "/" {
            "/".to_string()
        } else {
            format!("{path}/")
        };
        let doomed: Vec<String> = self
            .files
            .keys()
            .filter(|f| **f == path || f.starts_with(&prefix))
            .cloned()
            .collect();
        let mut lost = Vec::new();
        for f in doomed {
            if let Some(stories) = self.files.remove(&f) {
                lost.extend(stories);
            }
        }
        let dirs: Vec<String> = self
            .dirs
            .iter()
            .filter(|d| d.starts_with(&prefix))
            .cloned()
            .collect();
        for d in dirs {
            self.dirs.remove(&d);
        }
        // The directory itself goes too (`os.RemoveAll`): made again, it starts afresh.
        let owned: Vec<String> = self
            .perms
            .keys()
            .filter(|p| **p == path || p.starts_with(&prefix))
            .cloned()
            .collect();
        for p in owned {
            self.perms.remove(&p);
        }
        lost.sort_by_key(|s| s.id);
        lost
    }
}

/// Stories that were destroyed, with the rule that destroyed them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DataLoss {
    /// When.
    pub at: SimTime,
    /// The filesystem (or the part of it) that went away.
    pub fs: FsId,
    /// The path that was removed inside it (`/` for the whole filesystem).
    pub path: String,
    /// The stories that were in it.
    pub stories: Vec<Story>,
    /// One line: what happened and the Kubernetes rule that decided it.
    pub why: String,
    /// The id the next story would have had when this happened: every story with a smaller
    /// id was written before it (lesson goals order "a crash after the write" by it, since the
    /// clock does not move between commands).
    #[serde(skip)]
    pub next_story: u64,
}

/// Every filesystem in the simulated world.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataStore {
    /// Live filesystems.
    pub filesystems: OrdMap<FsId, Filesystem>,
    /// The id of the next story.
    pub next_story: u64,
    /// Every loss so far, oldest first.
    pub losses: Vector<DataLoss>,
    /// The containers' logs (kept by the kubelet on the node's disk, like the data).
    pub logs: super::logs::ContainerLogs,
}

impl DataStore {
    /// Creates an empty filesystem if it does not exist yet.
    pub fn ensure(&mut self, fs: &FsId) -> &mut Filesystem {
        self.filesystems.entry(fs.clone()).or_default()
    }

    /// Appends a story to `path` in `fs` and returns it.
    pub fn append(
        &mut self,
        fs: &FsId,
        path: &str,
        text: &str,
        writer: &str,
        now: SimTime,
    ) -> Story {
        let story = Story {
            id: self.next_story,
            text: text.to_string(),
            written_at: now,
            writer: writer.to_string(),
            origin: fs.clone(),
        };
        self.next_story += 1;
        let path = normalize(path);
        let target = self.ensure(fs);
        target
            .files
            .entry(path)
            .or_default()
            .push_back(story.clone());
        story
    }

    /// The ownership and mode of `path`: as recorded, else root-owned 0755 for a directory
    /// and 0644 for a file, except a node's `/tmp` and `/var/tmp` (1777, as on every Linux
    /// node).
    pub fn perm(&self, fs: &FsId, path: &str, is_dir: bool) -> Perm {
        let path = normalize(path);
        if let Some(p) = self.filesystems.get(fs).and_then(|f| f.perms.get(&path)) {
            return *p;
        }
        match fs {
            FsId::NodeDisk { .. } if path == "/tmp" || path == "/var/tmp" => Perm::root(0o1777),
            _ if is_dir => Perm::ROOT_DIR,
            _ => Perm::ROOT_FILE,
        }
    }

    /// Records the ownership and mode of `path` (creating the filesystem if needed).
    pub fn set_perm(&mut self, fs: &FsId, path: &str, perm: Perm) {
        self.ensure(fs).perms.insert(normalize(path), perm);
    }

    /// Why `who` may not append to the file `path`: the path that refuses it (the file when it
    /// exists, else the nearest existing directory above it, in which the file would be
    /// created) with its ownership; None when the write is allowed.
    pub fn write_denied(&self, fs: &FsId, path: &str, who: &Identity) -> Option<(String, Perm)> {
        let path = normalize(path);
        let existing = self.filesystems.get(fs);
        if existing.is_some_and(|f| f.is_file(&path)) {
            let p = self.perm(fs, &path, false);
            return (!p.writable_by(who, false)).then_some((path, p));
        }
        let mut dir = parent_of(&path);
        while dir != "/" && !existing.is_some_and(|f| f.is_dir(&dir)) {
            dir = parent_of(&dir);
        }
        let p = self.perm(fs, &dir, true);
        (!p.writable_by(who, true)).then_some((dir, p))
    }

    /// Records a file `who` just created: theirs, mode 0644 (the default umask 022), in the
    /// directory's group when that directory is set-group-ID (as an fsGroup volume is).
    pub fn note_created_file(&mut self, fs: &FsId, path: &str, who: &Identity) {
        let dir = self.perm(fs, &parent_of(&normalize(path)), true);
        let gid = if dir.mode & SETGID != 0 {
            dir.gid
        } else {
            who.gid
        };
        let perm = Perm {
            uid: who.uid,
            gid,
            mode: 0o644,
        };
        // The default needs no record.
        if perm != Perm::ROOT_FILE {
            self.set_perm(fs, path, perm);
        }
    }

    /// How many stories one file holds (without copying them).
    pub fn count(&self, fs: &FsId, path: &str) -> usize {
        self.filesystems
            .get(fs)
            .and_then(|f| f.files.get(&normalize(path)))
            .map_or(0, |stories| stories.len())
    }

    /// The stories in one file.
    pub fn read(&self, fs: &FsId, path: &str) -> Vec<Story> {
        self.filesystems
            .get(fs)
            .and_then(|f| f.files.get(&normalize(path)))
            .map(|v| v.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// Destroys a whole filesystem and records the loss (even of zero stories, so the UI can
    /// show that the storage itself went away).
    pub fn destroy(&mut self, fs: &FsId, why: String, now: SimTime) {
        if let Some(gone) = self.filesystems.remove(fs) {
            self.losses.push_back(DataLoss {
                at: now,
                fs: fs.clone(),
                path: "/".to_string(),
                stories: gone.stories(),
                why,
                next_story: self.next_story,
            });
        }
    }

    /// Removes a directory tree inside a filesystem and records the loss.
    pub fn remove_tree(&mut self, fs: &FsId, path: &str, why: String, now: SimTime) {
        if let Some(target) = self.filesystems.get_mut(fs) {
            let stories = target.remove_tree(path);
            self.losses.push_back(DataLoss {
                at: now,
                fs: fs.clone(),
                path: normalize(path),
                stories,
                why,
                next_story: self.next_story,
            });
        }
    }
}

/// Normalises an absolute path: collapses `//`, `.` and `..`, drops a trailing slash.
pub fn normalize(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    format!("/{}", parts.join("/"))
}

/// The directory holding a normalised path (`/` for `/` itself).
pub fn parent_of(path: &str) -> String {
    match path.rsplit_once('/') {
        Some(("", _)) | None => "/".into(),
        Some((dir, _)) => dir.into(),
    }
}

/// Joins a base path and a relative path, normalised.
pub fn join(base: &str, rel: &str) -> String {
    normalize(&format!("{base}/{rel}"))
}

/// Whether `path` is `prefix` itself or inside it (path-component aware).
pub fn is_within(path: &str, prefix: &str) -> bool {
    let (path, prefix) = (normalize(path), normalize(prefix));
    prefix == "/" || path == prefix || path.starts_with(&format!("{prefix}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalise_and_nest_by_component() {
        assert_eq!(
            normalize("/app//story/./x/../text.txt"),
            "/app/story/text.txt"
        );
        assert_eq!(normalize("/"), "/");
        assert!(is_within("/app/story/text.txt", "/app/story"));
        assert!(!is_within("/app/story2", "/app/story"));
        assert!(is_within("/anything", "/"));
    }

    #[test]
    fn remove_tree_takes_only_what_is_under_the_path() {
        let mut store = DataStore::default();
        let fs = FsId::NodeDisk { node: "n".into() };
        store.append(&fs, "/mnt/data/text.txt", "a", "p", SimTime(0));
        store.append(&fs, "/mnt/data2/text.txt", "b", "p", SimTime(0));
        store.remove_tree(&fs, "/mnt/data", "test".into(), SimTime(1));
        assert_eq!(store.read(&fs, "/mnt/data/text.txt"), vec![]);
        assert_eq!(store.read(&fs, "/mnt/data2/text.txt").len(), 1);
        assert_eq!(store.losses.len(), 1);
        assert_eq!(store.losses[0].stories[0].text, "a");
    }
}
