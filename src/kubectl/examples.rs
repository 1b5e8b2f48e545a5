//! The official Kubernetes examples `-f` can name by URL (`kubectl apply -f
//! https://k8s.io/examples/pods/storage/pv-volume.yaml`, as the storage tasks on
//! kubernetes.io do), served from copies bundled in the binary: the simulated cluster is
//! offline. The copies come from kubernetes/website `content/en/examples/` (CC BY 4.0, © The
//! Kubernetes Authors); `assets/k8s-examples/README.md` says which and how to refresh them.
//!
//! The URLs recognised: `http(s)://k8s.io/examples/PATH`, `http(s)://kubernetes.io/examples/PATH`
//! (and `www.kubernetes.io`), and
//! `https://raw.githubusercontent.com/kubernetes/website/(main|master)/content/en/examples/PATH`.
//! Any other URL, or an example not bundled, fails as kubectl fails without a network
//! (cli-runtime `resource/visitor.go` `readHttpWithRetries` returns the last `http.Get` error,
//! Go's `Get "URL": dial tcp: lookup HOST: no such host`), followed by a kubestory line.

/// Every bundled example: its path under `content/en/examples/` and its text.
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "application/deployment-scale.yaml",
        include_str!("../../assets/k8s-examples/application/deployment-scale.yaml"),
    ),
    (
        "application/deployment-update.yaml",
        include_str!("../../assets/k8s-examples/application/deployment-update.yaml"),
    ),
    (
        "application/deployment.yaml",
        include_str!("../../assets/k8s-examples/application/deployment.yaml"),
    ),
    (
        "application/mysql/mysql-deployment.yaml",
        include_str!("../../assets/k8s-examples/application/mysql/mysql-deployment.yaml"),
    ),
    (
        "application/mysql/mysql-pv.yaml",
        include_str!("../../assets/k8s-examples/application/mysql/mysql-pv.yaml"),
    ),
    (
        "application/web/web-parallel.yaml",
        include_str!("../../assets/k8s-examples/application/web/web-parallel.yaml"),
    ),
    (
        "application/web/web.yaml",
        include_str!("../../assets/k8s-examples/application/web/web.yaml"),
    ),
    (
        "application/wordpress/mysql-deployment.yaml",
        include_str!("../../assets/k8s-examples/application/wordpress/mysql-deployment.yaml"),
    ),
    (
        "application/wordpress/wordpress-deployment.yaml",
        include_str!("../../assets/k8s-examples/application/wordpress/wordpress-deployment.yaml"),
    ),
    (
        "pods/init-containers.yaml",
        include_str!("../../assets/k8s-examples/pods/init-containers.yaml"),
    ),
    (
        "pods/pod-configmap-volume.yaml",
        include_str!("../../assets/k8s-examples/pods/pod-configmap-volume.yaml"),
    ),
    (
        "pods/security/security-context.yaml",
        include_str!("../../assets/k8s-examples/pods/security/security-context.yaml"),
    ),
    (
        "pods/storage/projected-secret-downwardapi-configmap.yaml",
        include_str!(
            "../../assets/k8s-examples/pods/storage/projected-secret-downwardapi-configmap.yaml"
        ),
    ),
    (
        "pods/storage/projected.yaml",
        include_str!("../../assets/k8s-examples/pods/storage/projected.yaml"),
    ),
    (
        "pods/storage/pv-claim.yaml",
        include_str!("../../assets/k8s-examples/pods/storage/pv-claim.yaml"),
    ),
    (
        "pods/storage/pv-duplicate.yaml",
        include_str!("../../assets/k8s-examples/pods/storage/pv-duplicate.yaml"),
    ),
    (
        "pods/storage/pv-pod-backup.yaml",
        include_str!("../../assets/k8s-examples/pods/storage/pv-pod-backup.yaml"),
    ),
    (
        "pods/storage/pv-pod.yaml",
        include_str!("../../assets/k8s-examples/pods/storage/pv-pod.yaml"),
    ),
    (
        "pods/storage/pv-volume.yaml",
        include_str!("../../assets/k8s-examples/pods/storage/pv-volume.yaml"),
    ),
    (
        "pods/storage/redis.yaml",
        include_str!("../../assets/k8s-examples/pods/storage/redis.yaml"),
    ),
    (
        "pods/two-container-pod.yaml",
        include_str!("../../assets/k8s-examples/pods/two-container-pod.yaml"),
    ),
];

/// The bundled example a URL names, if any: `(path, text)`.
pub fn example_for_url(url: &str) -> Option<(&'static str, &'static str)> {
    let path = example_path(url)?;
    EXAMPLES.iter().find(|(p, _)| *p == path).copied()
}

/// The path under `content/en/examples/` that an official examples URL points at.
fn example_path(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let (host, path) = rest.split_once('/')?;
    match host {
        "k8s.io" | "kubernetes.io" | "www.kubernetes.io" => path.strip_prefix("examples/"),
        "raw.githubusercontent.com" => {
            let path = path.strip_prefix("kubernetes/website/")?;
            let (branch, path) = path.split_once('/')?;
            if branch != "main" && branch != "master" {
                return None;
            }
            path.strip_prefix("content/en/examples/")
        }
        _ => None,
    }
}

/// What kubectl prints when it cannot fetch `url` offline, and kubestory's line after it.
pub fn offline_error(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
        _ => authority,
    };
    let note = if example_path(url).is_some() {
        format!(
            "kubestory: the simulated cluster is offline; it has copies of {} official examples (pods/storage/…, pods/…, application/…), and this one is not among them. Save the manifest in a file and pass its name to -f.",
            EXAMPLES.len()
        )
    } else {
        "kubestory: the simulated cluster is offline: only the official Kubernetes examples (https://k8s.io/examples/…) are available by URL. Save the manifest in a file and pass its name to -f.".to_string()
    };
    format!(
        "error: Get {}: dial tcp: lookup {host}: no such host\n{note}",
        crate::kubectl::goparse::quote(url)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_example_urls_map_to_the_bundled_copies() {
        for url in [
            "https://k8s.io/examples/pods/storage/pv-volume.yaml",
            "https://kubernetes.io/examples/pods/storage/pv-volume.yaml",
            "http://k8s.io/examples/pods/storage/pv-volume.yaml",
            "https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/pods/storage/pv-volume.yaml",
        ] {
            assert_eq!(
                example_for_url(url).map(|(p, _)| p),
                Some("pods/storage/pv-volume.yaml"),
                "{url}"
            );
        }
        assert!(example_for_url("https://k8s.io/examples/nothing.yaml").is_none());
        assert!(
            example_for_url("https://example.com/examples/pods/storage/pv-volume.yaml").is_none()
        );
        assert_eq!(
            offline_error("https://example.com:8443/x.yaml")
                .lines()
                .next(),
            Some(
                "error: Get \"https://example.com:8443/x.yaml\": dial tcp: lookup example.com: no such host"
            )
        );
    }
}
