//! Fuzzes the container shell (`kubectl exec … -- sh -c '…'`): whatever line is given, parsing
//! it must not panic, and running it in a story pod must not panic and stay within its
//! bounds (output size, commands run, nesting).

#![no_main]

use kubestory::sim::shell::Session;
use kubestory::sim::shell::parse::parse;
use kubestory::sim::{Cluster, ClusterConfig, Object};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse(&text);
    let mut c = Cluster::new(ClusterConfig::default());
    let pod = serde_json::from_value(serde_json::json!({
        "apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "default"},
        "spec": {"containers": [{"name": "story", "image": "academind/kub-data-demo:1",
            "volumeMounts": [{"name": "d", "mountPath": "/app/story"}]}],
            "volumes": [{"name": "d", "emptyDir": {}}]}
    }));
    let Ok(pod) = pod else { return };
    if c.apply(Object::Pod(pod)).is_err() {
        return;
    }
    let Some(p) = c.pod("default", "p").cloned() else { return };
    let mut session = Session::new("default", "p", &p.spec.containers[0]);
    let out = c.exec_argv(&mut session, &["sh".into(), "-c".into(), text.into_owned()]);
    assert!(out.stdout.len() + out.stderr.len() <= 2 * kubestory::sim::shell::MAX_OUTPUT_BYTES + 200);
});
