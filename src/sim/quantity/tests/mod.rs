//! Unit tests: tables ported from upstream
//! `staging/src/k8s.io/apimachinery/pkg/api/resource/quantity_test.go` (each test names the Go
//! test it mirrors) in `upstream`, and this crate's own examples and property tests in
//! `behaviour`. Upstream rows outside the simulator's range (|value| >= ~1.7e29) are left out.

mod behaviour;
mod upstream;

use super::{Format, NANOS_PER_UNIT, Quantity};

/// Go's `decQuantity(i, exponent, _)` value in nano-units: `i × 10^exponent`.
fn dec(i: i128, exponent: i32) -> i128 {
    let shift = exponent + 9;
    assert!(shift >= 0, "below 1n");
    i * 10i128.pow(shift.unsigned_abs())
}

/// Go's `maxAllowed` (2^63-1) in nano-units: where binary-suffixed values are capped.
const CAP: i128 = i64::MAX as i128 * NANOS_PER_UNIT;

/// Parses or fails the test, naming the input.
fn q(text: &str) -> Quantity {
    Quantity::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

/// What the API server would store for `text`.
fn s(text: &str) -> String {
    q(text).to_string()
}

/// Shorthand so the tables stay one row per line.
use Format::{BinarySI, DecimalExponent as Exp, DecimalSI};
