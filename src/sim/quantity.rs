//! Kubernetes resource quantities (`10Gi`, `500Mi`, `1G`, `1.5Ti`, `100m`).
//!
//! STUB: being replaced by the full implementation (exact comparison, canonical form).

use std::cmp::Ordering;
use std::fmt;

/// A parsed quantity. Compared by exact numeric value, so `1G` < `1Gi` (semantics §1.1).
#[derive(Clone, Debug)]
pub struct Quantity {
    nanos: i128,
    text: String,
}

/// Why a string is not a valid quantity.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")]
pub struct QuantityError;

impl Quantity {
    /// Parses a quantity as the API server does.
    pub fn parse(text: &str) -> Result<Quantity, QuantityError> {
        let t = text.trim();
        let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(t.len());
        let (num, suffix) = t.split_at(split);
        let base: f64 = num.parse().map_err(|_| QuantityError)?;
        let mult: f64 = match suffix {
            "" => 1.0,
            "Ki" => 1024.0,
            "Mi" => 1024.0 * 1024.0,
            "Gi" => 1024.0f64.powi(3),
            "Ti" => 1024.0f64.powi(4),
            "k" => 1e3,
            "M" => 1e6,
            "G" => 1e9,
            "T" => 1e12,
            _ => return Err(QuantityError),
        };
        Ok(Quantity { nanos: (base * mult * 1e9) as i128, text: t.to_string() })
    }

    /// The value in bytes (or base units), rounded up, as the API does for `Value()`.
    pub fn value(&self) -> i128 {
        (self.nanos + 999_999_999).div_euclid(1_000_000_000)
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
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
impl serde::Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
impl<'de> serde::Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = serde_json::Value::deserialize(d)?;
        let text = match v {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            other => return Err(serde::de::Error::custom(format!("invalid quantity {other}"))),
        };
        Quantity::parse(&text).map_err(serde::de::Error::custom)
    }
}
