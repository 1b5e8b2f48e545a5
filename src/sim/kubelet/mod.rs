//! The simulated kubelet on each node: mounts volumes (hostPath type checks, Multi-Attach),
//! starts containers with fresh writable layers, restarts crashed ones with back-off, and
//! finishes pod deletions, destroying what lives and dies with the pod (semantics §8, §9.1).

mod lifecycle;
mod mounting;
mod ownership;
mod restarts;
mod status;

pub(crate) use status::{pod_started, refresh_pod_phase};

/// Directories every simulated node has (minikube's node image has these).
pub const STANDARD_NODE_DIRS: &[&str] = &[
    "/data", "/etc", "/home", "/mnt", "/opt", "/tmp", "/usr", "/var", "/var/lib", "/var/log",
];

/// The kubelet's event source.
pub const KUBELET: &str = "kubelet";
/// kubelet back-off: initial window (seconds).
pub const BACKOFF_INITIAL: u64 = 10;
/// kubelet back-off: maximum window (seconds).
pub const BACKOFF_MAX: u64 = 300;

/// A stable 64-hex-digit digest for an image name (the simulator pulls nothing).
pub(crate) fn image_digest(image: &str, seed: &str) -> String {
    let mut out = String::new();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for round in 0..4u8 {
        for b in image
            .bytes()
            .chain(seed.bytes())
            .chain(std::iter::once(round))
        {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        out.push_str(&format!("{h:016x}"));
    }
    out
}
