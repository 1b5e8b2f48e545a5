//! `manifest::load` never panics: not on arbitrary text, not on YAML-ish noise, and not on
//! random mutations of valid manifests. Whatever it refuses, it renders, and its pointers stay
//! inside the file.

use kubestory::manifest::{load, render};
use proptest::prelude::*;

const SEEDS: &[&str] = &[
    "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  labels: {app: db}\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: manual\n  resources:\n    requests:\n      storage: 1Gi\n",
    "apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n  capacity:\n    storage: 5Gi\n  accessModes:\n  - ReadWriteOnce\n  persistentVolumeReclaimPolicy: Retain\n  local:\n    path: /mnt/disks/ssd1\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - {key: kubernetes.io/hostname, operator: In, values: [node-1]}\n",
    "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: web}\nspec:\n  serviceName: web\n  replicas: 2\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        ports: [{containerPort: 80}]\n        volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]\n  volumeClaimTemplates:\n  - metadata: {name: www}\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 1Gi}}\n",
    "---\n{\n  apiVersion: \"v1\",\n  kind: \"Pod\",\n  metadata: {name: \"p\", },\n  spec: {containers: [{name: \"c\", image: \"busybox\", volumeMounts: [{name: \"v\", mountPath: \"/v\"}]}], volumes: [{name: \"v\", emptyDir: {}}]},\n}\n---\napiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: {name: fast}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n",
    "apiVersion: apps/v1\nkind: Deployment\nmetadata: &m {name: web, labels: {app: web}}\nspec:\n  selector: {matchLabels: {app: web}}\n  strategy: {type: Recreate}\n  template:\n    metadata: *m\n    spec:\n      containers:\n      - name: web\n        image: nginx\n        env: [{name: A, value: \"1\"}]\n",
];

const TOKENS: &[&str] = &[
    "\n",
    " ",
    "  ",
    "\t",
    ":",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "<<: ",
    "!!int ",
    "!!str ",
    "'",
    "\"",
    "|\n",
    ">-\n",
    "#",
    "---\n",
    "...\n",
    "~",
    "null",
    "yes",
    "0x1F",
    "1e9",
    ".inf",
    "10GB",
    "ReadWriteOnly",
    "kind: List\nitems:\n- ",
    "apiVersion: v1\n",
    "kind: Pod\n",
    "metadata:\n  name: x\n",
    "é",
    "\u{0}",
    "\r\n",
];

#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize, usize),
    Insert(usize, usize),
    DuplicateLine(usize),
    Indent(usize, usize),
    SwapLines(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0usize..12).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), 0..TOKENS.len()).prop_map(|(a, t)| Mutation::Insert(a, t)),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), 0usize..6).prop_map(|(l, n)| Mutation::Indent(l, n)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn char_boundary(s: &str, at: usize) -> usize {
    let mut i = at % (s.len() + 1);
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &str, m: &Mutation) -> String {
    let mut s = text.to_string();
    match *m {
        Mutation::Delete(at, n) => {
            let a = char_boundary(&s, at);
            let b = char_boundary(&s, (a + n).min(s.len()));
            if b >= a {
                s.replace_range(a..b, "");
            }
        }
        Mutation::Insert(at, t) => {
            let a = char_boundary(&s, at);
            s.insert_str(a, TOKENS[t]);
        }
        Mutation::DuplicateLine(l) | Mutation::Indent(l, _) | Mutation::SwapLines(l, _) => {
            let mut lines: Vec<String> = s.lines().map(str::to_string).collect();
            if lines.is_empty() {
                return s;
            }
            let i = l % lines.len();
            match *m {
                Mutation::DuplicateLine(_) => lines.insert(i, lines[i].clone()),
                Mutation::Indent(_, n) => {
                    lines[i] = format!("{}{}", " ".repeat(n), lines[i].trim_start())
                }
                Mutation::SwapLines(_, j) => {
                    let j = j % lines.len();
                    lines.swap(i, j);
                }
                _ => {}
            }
            s = lines.join("\n") + "\n";
        }
    }
    s
}

fn check(text: &str) {
    match load("f.yaml", text) {
        Ok(docs) => {
            for d in &docs {
                assert!(!d.kind.is_empty());
            }
        }
        Err(e) => {
            let out = render(&e, "creating");
            assert!(!out.is_empty());
            let lines = text.split('\n').count() as u32 + 1;
            for d in e.diagnostics() {
                assert!(d.line >= 1 && d.line <= lines, "{d} outside {lines} lines");
                assert!(d.column >= 1);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn never_panics_on_arbitrary_text(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn never_panics_on_yaml_like_noise(text in "[ \t\n:\\-\\[\\]{},&*!|>'\"#?~.a-zA-Z0-9<]{0,300}") {
        check(&text);
    }

    #[test]
    fn never_panics_on_mutated_manifests(seed in 0..SEEDS.len(), ms in prop::collection::vec(mutation(), 1..6)) {
        let mut text = SEEDS[seed].to_string();
        for m in &ms {
            text = apply(&text, m);
        }
        check(&text);
    }

    #[test]
    fn token_soup_never_panics(tokens in prop::collection::vec(0..TOKENS.len(), 0..80)) {
        let text: String = tokens.iter().map(|t| TOKENS[*t]).collect();
        check(&text);
    }
}

#[test]
fn the_seeds_themselves_load() {
    for (i, s) in SEEDS.iter().enumerate() {
        if let Err(e) = load("seed.yaml", s) {
            panic!("seed {i} does not load:\n{e}");
        }
    }
}
