//! Runs one benchmark workload once, for instruction counts under callgrind (see
//! BENCHMARKS.md): `bench_workload bind|scenario N`.

#[path = "../benches/workloads.rs"]
mod workloads;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "bind".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1000);
    let result = match which.as_str() {
        "scenario" => workloads::scenario(n),
        _ => workloads::bind(workloads::pvs(n), workloads::claims(n)),
    };
    println!("{which} {n}: {result}");
}
