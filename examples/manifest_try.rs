//! Prints what `manifest::load` says about a file: `cargo run --example manifest_try -- FILE`.
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let name = std::path::Path::new(&path)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("x.yaml")
            .to_string();
        match kubestory::manifest::load(&name, &text) {
            Ok(docs) => {
                for d in &docs {
                    println!(
                        "ok: {} {} {:?} simulated={}",
                        d.kind, d.name, d.namespace, d.simulated
                    );
                    for w in &d.warnings {
                        println!("  warning: {w}");
                    }
                }
            }
            Err(e) => print!("{e}"),
        }
    }
}
