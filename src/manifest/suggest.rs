//! Did-you-mean: the closest known spelling of a mistyped field, kind or value.

/// The candidate the learner most likely meant, if any is close enough:
/// 1. the same word in other case (`AccessModes` → `accessModes`, `claimname` → `claimName`);
/// 2. the same word without `-`, `_` or spaces (`access_modes` → `accessModes`);
/// 3. the smallest Damerau-Levenshtein distance, case-insensitive, within a budget that grows
///    with the word (`accesModes` → `accessModes`, `volumeMount` → `volumeMounts`);
/// 4. failing that, a Jaro-Winkler similarity of at least 0.92 for longer words.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let candidates: Vec<&'a str> = candidates.into_iter().filter(|c| *c != input).collect();
    if input.is_empty() || candidates.is_empty() {
        return None;
    }
    let lower = input.to_lowercase();
    if let Some(c) = candidates.iter().find(|c| c.to_lowercase() == lower) {
        return Some(c);
    }
    let norm = normalize(input);
    if let Some(c) = candidates.iter().find(|c| normalize(c) == norm) {
        return Some(c);
    }
    let budget = match input.chars().count() {
        0..=3 => 1,
        4..=7 => 2,
        _ => 3,
    };
    let best = candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(&lower, &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= budget)
        .min_by(|(da, a), (db, b)| {
            da.cmp(db).then_with(|| {
                let ja = strsim::jaro_winkler(&lower, &a.to_lowercase());
                let jb = strsim::jaro_winkler(&lower, &b.to_lowercase());
                jb.total_cmp(&ja)
            })
        });
    if let Some((_, c)) = best {
        return Some(c);
    }
    if input.chars().count() < 6 {
        return None;
    }
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), *c))
        .filter(|(s, _)| *s >= 0.92)
        .max_by(|(a, _), (b, _)| a.total_cmp(b))
        .map(|(_, c)| c)
}

fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PVC_SPEC: &[&str] = &[
        "accessModes",
        "dataSource",
        "dataSourceRef",
        "resources",
        "selector",
        "storageClassName",
        "volumeAttributesClassName",
        "volumeMode",
        "volumeName",
    ];
    const CONTAINER: &[&str] = &[
        "name",
        "image",
        "volumeMounts",
        "volumeDevices",
        "ports",
        "env",
    ];
    const MOUNT: &[&str] = &[
        "name",
        "mountPath",
        "subPath",
        "readOnly",
        "mountPropagation",
    ];
    const CLAIM_SOURCE: &[&str] = &["claimName", "readOnly"];

    fn dym(input: &str, candidates: &[&'static str]) -> Option<&'static str> {
        did_you_mean(input, candidates.iter().copied())
    }

    #[test]
    fn the_brief_examples() {
        assert_eq!(dym("AccessModes", PVC_SPEC), Some("accessModes"));
        assert_eq!(dym("accesModes", PVC_SPEC), Some("accessModes"));
        assert_eq!(dym("storageclassName", PVC_SPEC), Some("storageClassName"));
        assert_eq!(dym("volumeMount", CONTAINER), Some("volumeMounts"));
        assert_eq!(dym("mountpath", MOUNT), Some("mountPath"));
        assert_eq!(dym("claimname", CLAIM_SOURCE), Some("claimName"));
    }

    #[test]
    fn more_typos() {
        assert_eq!(dym("access_modes", PVC_SPEC), Some("accessModes"));
        assert_eq!(dym("accessMode", PVC_SPEC), Some("accessModes"));
        assert_eq!(dym("storageClass", PVC_SPEC), Some("storageClassName"));
        assert_eq!(dym("imgae", CONTAINER), Some("image"));
        assert_eq!(dym("mountPth", MOUNT), Some("mountPath"));
        let modes = [
            "ReadOnlyMany",
            "ReadWriteMany",
            "ReadWriteOnce",
            "ReadWriteOncePod",
        ];
        assert_eq!(did_you_mean("ReadWriteOnly", modes), Some("ReadWriteOnce"));
        assert_eq!(did_you_mean("readwriteonce", modes), Some("ReadWriteOnce"));
        let kinds = [
            "Deployment",
            "DaemonSet",
            "StatefulSet",
            "PersistentVolumeClaim",
        ];
        assert_eq!(did_you_mean("Deploymnet", kinds), Some("Deployment"));
        assert_eq!(
            did_you_mean("PersistentVolumeClaims", kinds),
            Some("PersistentVolumeClaim")
        );
    }

    #[test]
    fn nothing_close_means_no_suggestion() {
        assert_eq!(dym("foo", PVC_SPEC), None);
        assert_eq!(dym("color", CONTAINER), None);
        assert_eq!(did_you_mean("Keep", ["Delete", "Retain"]), None);
        assert_eq!(dym("", PVC_SPEC), None);
        assert_eq!(dym("accessModes", PVC_SPEC), None);
    }
}
