//! Canonical printing, ported from upstream `Quantity.CanonicalizeBytes` with
//! `AsCanonicalBytes` / `AsCanonicalBase1024Bytes` (`amount.go`) and `constructBytes`
//! (`suffix.go`).
//!
//! The rule the API server applies: no precision lost, no fractional digits, and the largest
//! suffix of the remembered notation that still shows the value exactly (`1536Mi`, `1500m`).

use super::{Format, NANOS_PER_UNIT};

/// Binary suffixes by power of 1024; index 0 is the bare number.
const BINARY_SUFFIXES: [&str; 7] = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

/// The string the API server prints for `nanos` remembered as `format`.
pub(super) fn canonical(nanos: i128, format: Format) -> String {
    if nanos == 0 {
        return "0".to_string();
    }
    match format {
        Format::BinarySI => binary(nanos),
        Format::DecimalSI | Format::DecimalExponent => decimal(nanos, format),
    }
}

/// BinarySI: values in (-1024, 1024) and fractional values print as DecimalSI, since no binary
/// suffix shows them exactly (`0.5Ki` → `512`, `1.5` → `1500m`); the rest print as a whole
/// number times the largest power of 1024 that divides it.
fn binary(nanos: i128) -> String {
    let bound = 1024 * NANOS_PER_UNIT;
    if -bound < nanos && nanos < bound || nanos % NANOS_PER_UNIT != 0 {
        return decimal(nanos, Format::DecimalSI);
    }
    let mut mantissa = nanos / NANOS_PER_UNIT;
    let mut power = 0;
    while mantissa % 1024 == 0 {
        mantissa /= 1024;
        power += 1;
    }
    match BINARY_SUFFIXES.get(power) {
        Some(suffix) => format!("{mantissa}{suffix}"),
        // Past `Ei` there is no suffix; newer upstream falls back to exponent notation
        // (released Go printed the bare mantissa, losing the magnitude).
        None => decimal(nanos, Format::DecimalExponent),
    }
}

/// DecimalSI / DecimalExponent: strip every factor of ten from the mantissa, then lower the
/// exponent to a multiple of three (`15e2` → `1500`, `15e-1` → `1500m`).
fn decimal(nanos: i128, format: Format) -> String {
    let mut mantissa = nanos;
    let mut exponent: i32 = -9;
    while mantissa % 10 == 0 {
        mantissa /= 10;
        exponent += 1;
    }
    // At least one (two) factors of ten were removed for these exponents, so no overflow.
    match exponent.rem_euclid(3) {
        1 => {
            mantissa *= 10;
            exponent -= 1;
        }
        2 => {
            mantissa *= 100;
            exponent -= 2;
        }
        _ => {}
    }
    let suffix = match (format, exponent) {
        (Format::DecimalExponent, 0) => "",
        (Format::DecimalSI, -9) => "n",
        (Format::DecimalSI, -6) => "u",
        (Format::DecimalSI, -3) => "m",
        (Format::DecimalSI, 0) => "",
        (Format::DecimalSI, 3) => "k",
        (Format::DecimalSI, 6) => "M",
        (Format::DecimalSI, 9) => "G",
        (Format::DecimalSI, 12) => "T",
        (Format::DecimalSI, 15) => "P",
        (Format::DecimalSI, 18) => "E",
        // DecimalExponent, or DecimalSI past `E` (newer upstream; released Go dropped the
        // suffix and printed `1000E` as `1`).
        _ => return format!("{mantissa}e{exponent}"),
    };
    format!("{mantissa}{suffix}")
}
