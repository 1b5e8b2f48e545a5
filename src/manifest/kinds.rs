//! Which kinds exist: the kinds a v1.34 API server serves (from the schema of record), plus
//! the VolumeSnapshot CRDs most storage tutorials install.

use super::messages as msg;
use super::schema::{KindEntry, Schema};
use super::suggest::did_you_mean;
use std::sync::OnceLock;

/// Kinds served by widely installed CRDs (external-snapshotter), accepted like built-ins.
const EXTRA_KINDS: &[(&str, &str, &str, bool)] = &[
    (
        "VolumeSnapshot",
        "snapshot.storage.k8s.io/v1",
        "volumesnapshots",
        true,
    ),
    (
        "VolumeSnapshotClass",
        "snapshot.storage.k8s.io/v1",
        "volumesnapshotclasses",
        false,
    ),
    (
        "VolumeSnapshotContent",
        "snapshot.storage.k8s.io/v1",
        "volumesnapshotcontents",
        false,
    ),
];

/// Every kind kubestory accepts.
pub fn all_kinds() -> &'static [KindEntry] {
    static KINDS: OnceLock<Vec<KindEntry>> = OnceLock::new();
    KINDS.get_or_init(|| {
        let mut kinds = Schema::get().kinds.clone();
        kinds.extend(
            EXTRA_KINDS
                .iter()
                .map(|(kind, api_version, plural, namespaced)| KindEntry {
                    kind: (*kind).to_string(),
                    api_version: (*api_version).to_string(),
                    plural: (*plural).to_string(),
                    namespaced: *namespaced,
                    schema: None,
                }),
        );
        kinds
    })
}

/// Looks up a kind in an API version. On no match, returns a suggestion for the learner.
pub fn resolve(api_version: &str, kind: &str) -> Result<&'static KindEntry, Option<String>> {
    let kinds = all_kinds();
    if let Some(k) = kinds
        .iter()
        .find(|k| k.kind == kind && k.api_version == api_version)
    {
        return Ok(k);
    }
    // The kind exists, in another version.
    let elsewhere: Vec<&KindEntry> = kinds.iter().filter(|k| k.kind == kind).collect();
    if let Some(k) = elsewhere
        .iter()
        .find(|k| !k.api_version.contains("beta"))
        .or(elsewhere.first())
    {
        return Err(Some(format!(
            "{kind} is served as apiVersion: {}",
            k.api_version
        )));
    }
    // A typo in the kind: prefer kinds of the same version.
    let same_version = kinds
        .iter()
        .filter(|k| k.api_version == api_version)
        .map(|k| k.kind.as_str());
    if let Some(k) = did_you_mean(kind, same_version) {
        return Err(Some(msg::did_you_mean(k)));
    }
    if let Some(name) = did_you_mean(kind, kinds.iter().map(|k| k.kind.as_str())) {
        let version = kinds
            .iter()
            .find(|k| k.kind == name)
            .map(|k| k.api_version.as_str())
            .unwrap_or("");
        return Err(Some(format!(
            "did you mean {} (apiVersion: {version})?",
            msg::go_quote(name)
        )));
    }
    Err(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_served_and_extra_kinds() {
        assert!(resolve("apps/v1", "Deployment").is_ok_and(|k| k.schema.is_some()));
        assert!(resolve("v1", "Service").is_ok_and(|k| k.schema.is_none() && k.namespaced));
        assert!(resolve("batch/v1", "CronJob").is_ok());
        assert!(resolve("snapshot.storage.k8s.io/v1", "VolumeSnapshot").is_ok());
        assert!(resolve("storage.k8s.io/v1", "CSIDriver").is_ok_and(|k| !k.namespaced));
    }

    #[test]
    fn suggests_kinds_and_versions() {
        assert_eq!(
            resolve("apps/v1", "Deploymnet").err().flatten().as_deref(),
            Some("did you mean \"Deployment\"?")
        );
        assert_eq!(
            resolve("apps/v1", "deployment").err().flatten().as_deref(),
            Some("did you mean \"Deployment\"?")
        );
        assert_eq!(
            resolve("v1", "Deployment").err().flatten().as_deref(),
            Some("Deployment is served as apiVersion: apps/v1")
        );
        assert_eq!(
            resolve("v1", "PersistantVolumeClaim")
                .err()
                .flatten()
                .as_deref(),
            Some("did you mean \"PersistentVolumeClaim\"?")
        );
        assert_eq!(resolve("v1", "Frobnicator").err().flatten(), None);
    }
}
