//! Simulator benchmarks (criterion): binding N claims against N PVs for N = 100 and 990 (2 N
//! objects must fit under `MAX_OBJECTS`, 2,000), and a scenario of N events, for N = 100,
//! 1,000, 10,000. Results and how to reproduce them: BENCHMARKS.md.

#[path = "workloads.rs"]
mod workloads;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn bind_claims(c: &mut Criterion) {
    let mut group = c.benchmark_group("bind_claims");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for n in [100usize, 990] {
        let (pvs, claims) = (workloads::pvs(n), workloads::claims(n));
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter(|| assert_eq!(black_box(workloads::bind(pvs.clone(), claims.clone())), n))
        });
    }
    group.finish();
}

fn scenario(c: &mut Criterion) {
    let mut group = c.benchmark_group("scenario");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    for n in [100usize, 1_000, 10_000] {
        group.bench_with_input(BenchmarkId::from_parameter(n), &n, |b, &n| {
            b.iter(|| black_box(workloads::scenario(n)))
        });
    }
    group.finish();
}

criterion_group!(benches, bind_claims, scenario);
criterion_main!(benches);
