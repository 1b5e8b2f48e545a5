//! Who an app runs as and whether it may write a path: POSIX ownership and mode bits on the
//! simulated filesystems (issue 11, "the app's user matters").
//!
//! - The process: `runAsUser`/`runAsGroup` of the container, else of the pod
//!   (`pkg/securitycontext/util.go` `DetermineEffectiveSecurityContext`), else the image's
//!   user. Every simulated image runs as root (uid 0, gid 0), as the course's story app does
//!   (its Dockerfile has no `USER`). The pod's `fsGroup` and `supplementalGroups` are added
//!   to the process's groups (`pkg/kubelet/kuberuntime/security_context.go`
//!   `determineEffectiveSecurityContext`).
//! - Root may write anywhere (the default capabilities include `CAP_DAC_OVERRIDE`); anyone
//!   else needs the `w` bit of the owner, group or other class that applies to them.
//! - A path with no recorded ownership belongs to root with mode 0755 (a directory: the
//!   image's own directories, a directory the kubelet creates for a hostPath volume,
//!   `pkg/volume/hostpath/host_path.go` `makeDir`) or 0644 (a file), except a node's `/tmp`
//!   and `/var/tmp` (1777). Volume plugins record what they set up: see
//!   `sim::kubelet::ownership`.

use super::objects::{Container, Pod};
use serde::Serialize;
use serde_json::Value;

/// The set-group-ID bit: new files in such a directory take the directory's group.
pub const SETGID: u32 = 0o2000;

/// Ownership and mode of one directory or file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Perm {
    /// Owner uid.
    pub uid: u32,
    /// Owner gid.
    pub gid: u32,
    /// Mode bits (`0o755`, `0o2777`…).
    pub mode: u32,
}

impl Perm {
    /// A directory as root creates it with the default umask: root:root 0755.
    pub const ROOT_DIR: Perm = Perm {
        uid: 0,
        gid: 0,
        mode: 0o755,
    };
    /// A file as root creates it with the default umask: root:root 0644.
    pub const ROOT_FILE: Perm = Perm {
        uid: 0,
        gid: 0,
        mode: 0o644,
    };

    /// Root-owned with the given mode.
    pub fn root(mode: u32) -> Perm {
        Perm {
            uid: 0,
            gid: 0,
            mode,
        }
    }

    /// Whether `who` may write here (for a directory: create files in it, which also needs
    /// the `x` bit).
    pub fn writable_by(&self, who: &Identity, is_dir: bool) -> bool {
        if who.uid == 0 {
            return true;
        }
        let shift = if who.uid == self.uid {
            6
        } else if who.gid == self.gid || who.groups.contains(&self.gid) {
            3
        } else {
            0
        };
        let bits = (self.mode >> shift) & 0o7;
        let need = if is_dir { 0o3 } else { 0o2 };
        bits & need == need
    }

    /// `ls -l`-like: `0:0 0755`.
    pub fn describe(&self) -> String {
        format!("{}:{} with mode {:04o}", self.uid, self.gid, self.mode)
    }
}

/// The user and groups of a container's process.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// The uid.
    pub uid: u32,
    /// The primary gid: `runAsGroup`, else 0 (the simulated images' `/etc/passwd` has no
    /// other entry).
    pub gid: u32,
    /// Supplementary groups: the pod's `fsGroup` and `supplementalGroups`.
    pub groups: Vec<u32>,
}

impl Identity {
    /// A short description for messages: `uid 1000`, `uid 1000, gid 3000, groups 2000`.
    pub fn describe(&self) -> String {
        let mut s = format!("uid {}", self.uid);
        if self.gid != 0 {
            s.push_str(&format!(", gid {}", self.gid));
        }
        if !self.groups.is_empty() {
            let g: Vec<String> = self.groups.iter().map(u32::to_string).collect();
            s.push_str(&format!(", groups {}", g.join(",")));
        }
        s
    }
}

/// A non-negative id field of a securityContext.
fn id_field(sc: Option<&Value>, key: &str) -> Option<u32> {
    sc?.get(key)?.as_u64().and_then(|v| u32::try_from(v).ok())
}

/// The pod's `securityContext.fsGroup`, if set.
pub fn pod_fs_group(pod: &Pod) -> Option<u32> {
    id_field(pod.spec.extra.get("securityContext"), "fsGroup")
}

/// Who a container's process runs as (see the module documentation).
pub fn identity(pod: &Pod, container: &Container) -> Identity {
    let pod_sc = pod.spec.extra.get("securityContext");
    let c_sc = container.extra.get("securityContext");
    let pick = |key: &str| id_field(c_sc, key).or_else(|| id_field(pod_sc, key));
    let mut groups: Vec<u32> = Vec::new();
    if let Some(g) = pod_fs_group(pod) {
        groups.push(g);
    }
    if let Some(list) = pod_sc
        .and_then(|s| s.get("supplementalGroups"))
        .and_then(Value::as_array)
    {
        groups.extend(
            list.iter()
                .filter_map(Value::as_u64)
                .filter_map(|v| u32::try_from(v).ok()),
        );
    }
    groups.dedup();
    Identity {
        uid: pick("runAsUser").unwrap_or(0),
        gid: pick("runAsGroup").unwrap_or(0),
        groups,
    }
}

/// `pkg/volume/volume_linux.go` `changeFilePermission`: fsGroup becomes the group, files gain
/// `rw` for it (0660), directories also `x` and set-group-ID (02770).
pub fn with_fs_group(p: Perm, fs_group: u32, is_dir: bool) -> Perm {
    let mask = if is_dir {
        0o660 | 0o110 | SETGID
    } else {
        0o660
    };
    Perm {
        uid: p.uid,
        gid: fs_group,
        mode: p.mode | mask,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn who(uid: u32, groups: &[u32]) -> Identity {
        Identity {
            uid,
            gid: 0,
            groups: groups.to_vec(),
        }
    }

    #[test]
    fn root_writes_anywhere_others_need_the_w_and_x_bits() {
        assert!(Perm::ROOT_DIR.writable_by(&who(0, &[]), true));
        assert!(!Perm::ROOT_DIR.writable_by(&who(1000, &[]), true));
        // `empty_dir.go` `defaultPerm` 0777: anyone.
        assert!(Perm::root(0o777).writable_by(&who(1000, &[]), true));
        // Group bits apply through a supplementary group.
        let g = Perm {
            uid: 0,
            gid: 2000,
            mode: 0o2775,
        };
        assert!(g.writable_by(&who(1000, &[2000]), true));
        assert!(!g.writable_by(&who(1000, &[]), true));
        // A 0644 file: only its owner may append.
        let f = Perm {
            uid: 1000,
            gid: 0,
            mode: 0o644,
        };
        assert!(f.writable_by(&who(1000, &[]), false));
        assert!(!f.writable_by(&who(1001, &[]), false));
    }

    /// `pkg/volume/volume_linux.go` `changeFilePermission`: `rwMask` 0660, directories also
    /// `execMask` 0110 and `os.ModeSetgid`.
    #[test]
    fn fs_group_makes_directories_group_writable_and_setgid() {
        let d = with_fs_group(Perm::ROOT_DIR, 2000, true);
        assert_eq!(
            d,
            Perm {
                uid: 0,
                gid: 2000,
                mode: 0o2775
            }
        );
        let f = with_fs_group(Perm::ROOT_FILE, 2000, false);
        assert_eq!(f.mode, 0o664);
    }

    /// `pkg/securitycontext/util.go` `DetermineEffectiveSecurityContext` (the container's
    /// runAsUser/runAsGroup override the pod's) and kuberuntime
    /// `determineEffectiveSecurityContext` (fsGroup and supplementalGroups join the groups).
    #[test]
    fn container_security_context_overrides_the_pods() {
        let pod: Pod = serde_json::from_value(json!({"metadata":{"name":"p"},"spec":{
            "securityContext":{"runAsUser":1000,"runAsGroup":3000,"fsGroup":2000,"supplementalGroups":[4000]},
            "containers":[{"name":"a","image":"x","securityContext":{"runAsUser":1001}},{"name":"b","image":"x"}]}}))
        .expect("pod");
        let a = identity(&pod, &pod.spec.containers[0]);
        assert_eq!(
            a,
            Identity {
                uid: 1001,
                gid: 3000,
                groups: vec![2000, 4000]
            }
        );
        assert_eq!(identity(&pod, &pod.spec.containers[1]).uid, 1000);
        let plain: Pod = serde_json::from_value(
            json!({"metadata":{"name":"p"},"spec":{"containers":[{"name":"a","image":"x"}]}}),
        )
        .expect("pod");
        assert_eq!(
            identity(&plain, &plain.spec.containers[0]),
            Identity::default(),
            "the images run as root"
        );
    }
}
