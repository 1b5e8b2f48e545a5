//! Times `manifest::load` on pathological inputs near the 1 MiB limit.
use std::time::Instant;
fn main() {
    let mb = 1 << 20;
    let cases: Vec<(&str, String)> = vec![
        ("brackets", "[".repeat(mb - 10)),
        ("braces", "{a: ".repeat(mb / 4 - 10)),
        ("keys", (0..).map(|i| format!("k{i}: v\n")).take_while({ let mut n = 0; move |s: &String| { n += s.len(); n < mb - 100 } }).collect()),
        ("dup keys", "a: 1\n".repeat(mb / 5 - 10)),
        ("seq", "- x\n".repeat(mb / 4 - 10)),
        ("ladder", (0..2000).map(|i| format!("{}k:\n", " ".repeat(i))).collect()),
        ("long scalar", format!("a: {}\n", "x".repeat(mb - 10))),
        ("quoted newlines", format!("a: \"{}\"\n", "\\n".repeat(mb / 2 - 10))),
        ("aliases", format!("a: &a [x]\nb: [{}]\n", vec!["*a"; mb / 4 - 10].join(","))),
        ("docs", "---\n".repeat(mb / 4 - 10)),
        ("simple keys flow", format!("[{}]", "a: b, ".repeat(mb / 6 - 10))),
        ("colons", ":".repeat(mb - 10)),
        ("dashes", "- ".repeat(mb / 2 - 10)),
        ("question", "? ".repeat(mb / 2 - 10)),
        ("pvc x many", "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accesModes: [ReadWriteOnce]\n  resources: {requests: {storage: 10GB}}\n---\n".repeat(mb / 140)),
    ];
    for (name, text) in cases {
        let t = Instant::now();
        let r = kubestory::manifest::load("s.yaml", &text);
        let out = match &r {
            Ok(d) => format!("ok {} docs", d.len()),
            Err(e) => format!(
                "err: {}",
                e.failures
                    .first()
                    .map(|f| f.reason.chars().take(80).collect::<String>())
                    .unwrap_or_default()
            ),
        };
        println!(
            "{name:18} {:>5} KiB {:>8.1} ms  {out}",
            text.len() / 1024,
            t.elapsed().as_secs_f64() * 1000.0
        );
    }
}
