//! Kubernetes resource quantities (`10Gi`, `500Mi`, `1G`, `1.5Ti`, `100m`), as apimachinery's
//! `resource.Quantity` parses, compares and prints them.
//!
//! Storage lessons hinge on details learners trip over: `1G` is less than `1Gi`, a claim for
//! `1024Mi` is stored as `1Gi`, `0.5Gi` comes back as `512Mi`. So this is a port of upstream
//! `staging/src/k8s.io/apimachinery/pkg/api/resource/{quantity,suffix,amount,math}.go`, not an
//! approximation:
//! - `parse` mirrors `parseQuantityString`, `suffixer.interpret` and `ParseQuantity`,
//!   including which strings the API server keeps verbatim (its parse-time string cache);
//! - `format` mirrors `CanonicalizeBytes` (the form the API server writes back).
//!
//! The value is held as an exact `i128` count of nano-units (10^-9), the resolution Go rounds
//! every parsed quantity up to. No floating point is involved anywhere.
//!
//! Where this port differs from Go, on purpose (all far outside what a tutorial manifest holds):
//! - decimal magnitudes of about 1.7e29 or more (`1e30`, `1000000000000E`) are rejected with
//!   [`QuantityError`]; Go keeps them in an arbitrary-precision decimal. Binary-suffixed values
//!   never hit this: Go caps them at 2^63-1, and so does this port;
//! - an exponent outside ±(2^31-1) is rejected, as newer upstream does; older releases
//!   silently truncated it to 32 bits (`1e4294967297` meant `1e1`);
//! - a decimal value past `E` (10^18), or a binary one past `Ei`, prints in exponent form
//!   (`1000E` → `1e21`), as newer upstream tests require; released Go dropped the missing
//!   suffix and printed `1`;
//! - [`Quantity::value`] returns the exact `i128` instead of saturating at `i64`.

mod format;
mod parse;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;
use std::fmt;

/// Nano-units per unit: the fixed-point scale of [`Quantity`], Go's `resource.Nano`.
const NANOS_PER_UNIT: i128 = 1_000_000_000;

/// Which notation a quantity was written in; the API server re-prints a value in the notation
/// it arrived in, so `1Gi` stays binary and `1G` stays decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Powers of 1024 (`Ki`..`Ei`). Printed as decimal when the value is not a whole number or
    /// is smaller than 1024 in magnitude, because no binary suffix can show it exactly.
    BinarySI,
    /// Powers of 1000 (`n`, `u`, `m`, none, `k`..`E`); also what a bare number gets.
    DecimalSI,
    /// Scientific notation (`1e3`, `5E-2`), kept so `1e3` is not rewritten as `1k`.
    DecimalExponent,
}

/// A resource quantity with its exact value and the notation it was written in.
///
/// Equality, ordering and hashing look at the numeric value only, so `1G` < `1Gi` and
/// `1024Mi` == `1Gi`: that is how the API server compares requests with capacities.
/// [`Display`](fmt::Display) gives the string the API server stores.
#[derive(Clone, Debug)]
pub struct Quantity {
    /// The exact value in nano-units; Go rounds anything finer up to 1n.
    nanos: i128,
    /// The remembered notation, which picks the suffix family when printing.
    format: Format,
    /// The input text, when Go's fast parser would have cached it and so echo it back verbatim.
    cached: Option<Box<str>>,
}

/// Why a string is not a valid quantity.
///
/// One message for every failure, because it is the one learners see from the API server for a
/// malformed quantity. (Go has two rarer variants, "unable to parse quantity's suffix" for
/// `1i` and "unable to parse numeric part of quantity" for `Pi`; the simulator folds them into
/// this one, and also uses it for decimal values too large for its fixed-point range.)
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
)]
pub struct QuantityError;

impl Quantity {
    /// Parses a quantity exactly as the API server's `resource.ParseQuantity` does.
    ///
    /// Surrounding whitespace is an error here, as in Go; only JSON/YAML decoding trims it (see
    /// the `Deserialize` impl). Go's scanner is looser than its documented regular expression:
    /// `.`, `-`, `Gi` and `m` all parse as zero, while `Pi` and `Ei` are rejected. Values below
    /// 1n round up (away from zero) to 1n; binary-suffixed values above 2^63-1 are capped there.
    pub fn parse(text: &str) -> Result<Quantity, QuantityError> {
        let parsed = parse::parse(text)?;
        Ok(Quantity {
            nanos: parsed.nanos,
            format: parsed.format,
            cached: parsed.cached.then(|| text.into()),
        })
    }

    /// A byte count in binary notation, the way provisioners report capacity
    /// (`resource.NewQuantity(bytes, BinarySI)`), so 1073741824 prints as `1Gi`.
    ///
    /// Saturates at about ±1.7e29 bytes, the edge of the fixed-point range.
    pub fn from_bytes(bytes: i128) -> Quantity {
        let max_units = i128::MAX / NANOS_PER_UNIT;
        Quantity::from_nanos(
            bytes.clamp(-max_units, max_units) * NANOS_PER_UNIT,
            Format::BinarySI,
        )
    }

    /// Builds a quantity that prints in canonical form (nothing cached); used by constructors and
    /// tests that mirror Go's `NewScaledQuantity` and friends.
    fn from_nanos(nanos: i128, format: Format) -> Quantity {
        Quantity {
            nanos,
            format,
            cached: None,
        }
    }

    /// The value in whole units (bytes, cores...), rounded away from zero like Go's `Value()`,
    /// so a `1500m` request never reads as less than it asked for.
    pub fn value(&self) -> i128 {
        let units = self.nanos / NANOS_PER_UNIT;
        match (self.nanos % NANOS_PER_UNIT).signum() {
            1 => units + 1,
            -1 => units - 1,
            _ => units,
        }
    }

    /// The notation the value will be printed in, which is the one it was written in, except
    /// that a binary value below 1 (`0.000001Ki`) becomes decimal at parse time, as in Go.
    pub fn format(&self) -> Format {
        self.format
    }
}

impl PartialEq for Quantity {
    fn eq(&self, other: &Self) -> bool {
        self.nanos == other.nanos
    }
}

impl Eq for Quantity {}

impl PartialOrd for Quantity {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Quantity {
    fn cmp(&self, other: &Self) -> Ordering {
        self.nanos.cmp(&other.nanos)
    }
}

impl std::hash::Hash for Quantity {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.nanos.hash(state)
    }
}

/// Prints what the API server stores: the canonical form (`1024Mi` → `1Gi`, `0.5` → `500m`),
/// or the input itself when Go's parser cached it (`100m`, `1Gi`, but also `+1Gi`, `1E3`).
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.cached {
            Some(text) => f.write_str(text),
            None => f.write_str(&format::canonical(self.nanos, self.format)),
        }
    }
}

/// Serializes as the stored string, like Go's `MarshalJSON`.
impl serde::Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Accepts a string (trimmed, like Go's `UnmarshalJSON`), a number (manifests often say
/// `storage: 1073741824`) or null (zero, as in Go). A float loses the spelling it had in the
/// document (`1e3` arrives as 1000), so it is re-read as a plain decimal.
impl<'de> serde::Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(QuantityVisitor)
    }
}

/// Turns whichever scalar the document holds into the text Go's decoder would have parsed.
struct QuantityVisitor;

impl QuantityVisitor {
    fn parse<E: serde::de::Error>(text: &str) -> Result<Quantity, E> {
        Quantity::parse(text.trim()).map_err(E::custom)
    }
}

impl serde::de::Visitor<'_> for QuantityVisitor {
    type Value = Quantity;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a quantity such as \"10Gi\" or a number")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Quantity, E> {
        Self::parse(v)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Quantity, E> {
        Self::parse(&v.to_string())
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Quantity, E> {
        Self::parse(&v.to_string())
    }

    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<Quantity, E> {
        Self::parse(&v.to_string())
    }

    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<Quantity, E> {
        Self::parse(&v.to_string())
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Quantity, E> {
        // `{}` never uses exponent notation and prints the shortest exact round-trip digits.
        Self::parse(&format!("{v}"))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Quantity, E> {
        Ok(Quantity::from_nanos(0, Format::DecimalSI))
    }
}
