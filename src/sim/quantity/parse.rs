//! Parsing, ported from upstream `quantity.go` (`parseQuantityString`, `ParseQuantity`) and
//! `suffix.go` (`interpret`).
//!
//! Go parses in two ways: a fast path for short inputs, which keeps the input string as the
//! quantity's printed form when it already looks canonical, and an arbitrary-precision slow path
//! that rounds up to 1n. Both give the same value, which is computed here once, exactly; the
//! fast-path conditions are still replayed because they decide what the API server echoes back
//! and which digit-less inputs (`Gi` yes, `Pi` no) are accepted.

use super::{Format, NANOS_PER_UNIT, QuantityError};

/// The characters Go lets a suffix start with (`eEinumkKMGTP`); anything else ends the suffix.
const SUFFIX_CHARS: &[u8] = b"eEinumkKMGTP";

/// Go's `maxInt64Factors`: numbers with more digits than this skip the fast path.
const MAX_INT64_FACTORS: usize = 18;

/// Go's cap for binary-suffixed values (`maxAllowed`, 2^63-1), in nano-units.
const BINARY_CAP_NANOS: u128 = i64::MAX as u128 * NANOS_PER_UNIT as u128;

/// The outcome of a successful parse; the caller decides how to keep the input text.
pub(super) struct Parsed {
    /// The exact value in nano-units.
    pub(super) nanos: i128,
    /// The notation to print in.
    pub(super) format: Format,
    /// Whether Go would reuse the input as the printed form.
    pub(super) cached: bool,
}

/// The pieces `parseQuantityString` cuts a quantity into.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Scanned<'a> {
    /// False when the input started with `-`.
    pub(super) positive: bool,
    /// Integer digits without leading zeros; `"0"` when there were none.
    pub(super) num: &'a [u8],
    /// Digits after the `.`, possibly empty.
    pub(super) denom: &'a [u8],
    /// Everything after the number, still to be interpreted.
    pub(super) suffix: &'a [u8],
    /// Whether the number part holds a digit at all; Go's slow path (`inf.Dec.SetString`)
    /// rejects it otherwise.
    pub(super) has_digit: bool,
}

/// Ports `parseQuantityString`, a scanner looser than the documented regular expression: it
/// lets the number be empty (`Gi`, `-`, `.`) and leaves suffix validity to [`interpret`].
pub(super) fn scan(s: &[u8]) -> Result<Scanned<'_>, QuantityError> {
    let end = s.len();
    let mut pos = 0;
    let mut positive = true;
    match s.first() {
        Some(b'-') => {
            positive = false;
            pos += 1;
        }
        Some(b'+') => pos += 1,
        _ => {}
    }
    while pos < end && s[pos] == b'0' {
        pos += 1;
    }
    let mut out = Scanned {
        positive,
        num: b"0",
        denom: b"",
        suffix: b"",
        has_digit: true,
    };
    if pos >= end {
        return Ok(out);
    }
    let num_start = pos;
    while pos < end && s[pos].is_ascii_digit() {
        pos += 1;
    }
    if pos > num_start {
        out.num = &s[num_start..pos];
    }
    if pos < end && s[pos] == b'.' {
        pos += 1;
        let denom_start = pos;
        while pos < end && s[pos].is_ascii_digit() {
            pos += 1;
        }
        out.denom = &s[denom_start..pos];
    }
    // Go's `value`, the number part handed to its slow path, is `str[0:pos]`.
    out.has_digit = s[..pos].iter().any(u8::is_ascii_digit);
    let suffix_start = pos;
    while pos < end && SUFFIX_CHARS.contains(&s[pos]) {
        pos += 1;
    }
    if pos < end && (s[pos] == b'-' || s[pos] == b'+') {
        pos += 1;
    }
    while pos < end && s[pos].is_ascii_digit() {
        pos += 1;
    }
    if pos < end {
        // A character that fits nowhere, e.g. the space in `1 Gi` or the `B` in `1KB`.
        return Err(QuantityError);
    }
    out.suffix = &s[suffix_start..];
    Ok(out)
}

/// Ports `suffixer.interpret`: the suffix's base (10 or 2), exponent and notation.
///
/// Exponents must fit in ±(2^31-1), matching newer upstream; older Go truncated them.
pub(super) fn interpret(suffix: &[u8]) -> Result<(u32, i32, Format), QuantityError> {
    use Format::{BinarySI, DecimalExponent, DecimalSI};
    Ok(match suffix {
        b"" => (10, 0, DecimalSI),
        b"n" => (10, -9, DecimalSI),
        b"u" => (10, -6, DecimalSI),
        b"m" => (10, -3, DecimalSI),
        b"k" => (10, 3, DecimalSI),
        b"M" => (10, 6, DecimalSI),
        b"G" => (10, 9, DecimalSI),
        b"T" => (10, 12, DecimalSI),
        b"P" => (10, 15, DecimalSI),
        b"E" => (10, 18, DecimalSI),
        b"Ki" => (2, 10, BinarySI),
        b"Mi" => (2, 20, BinarySI),
        b"Gi" => (2, 30, BinarySI),
        b"Ti" => (2, 40, BinarySI),
        b"Pi" => (2, 50, BinarySI),
        b"Ei" => (2, 60, BinarySI),
        [b'e' | b'E', rest @ ..] if !rest.is_empty() => {
            // Go's strconv.ParseInt(_, 10, 64): optional sign, then digits only, like Rust's.
            let text = std::str::from_utf8(rest).map_err(|_| QuantityError)?;
            let exponent: i64 = text.parse().map_err(|_| QuantityError)?;
            // i32::MIN is out too: Go negates the scale, and -i32::MIN does not fit.
            let exponent = i32::try_from(exponent)
                .ok()
                .filter(|&e| e != i32::MIN)
                .ok_or(QuantityError)?;
            (10, exponent, DecimalExponent)
        }
        _ => return Err(QuantityError),
    })
}

/// Ports `ParseQuantity`.
pub(super) fn parse(text: &str) -> Result<Parsed, QuantityError> {
    if text.is_empty() {
        return Err(QuantityError);
    }
    if text == "0" {
        return Ok(Parsed {
            nanos: 0,
            format: Format::DecimalSI,
            cached: true,
        });
    }
    let sc = scan(text.as_bytes())?;
    let (base, exponent, mut format) = interpret(sc.suffix)?;
    let (fast, cached) = fast_path(&sc, exponent, format);
    if !fast && !sc.has_digit {
        return Err(QuantityError);
    }

    let digits: Vec<u8> = sc.num.iter().chain(sc.denom).copied().collect();
    let fraction = i64::try_from(sc.denom.len()).map_err(|_| QuantityError)?;
    let (pow10, pow2) = match base {
        2 => (-fraction, exponent.unsigned_abs()),
        _ => (i64::from(exponent).saturating_sub(fraction), 0),
    };
    let magnitude = match (
        nanos_magnitude(&digits, pow10.saturating_add(9), pow2),
        format,
    ) {
        (Some(m), Format::BinarySI) => m.min(BINARY_CAP_NANOS),
        (None, Format::BinarySI) => BINARY_CAP_NANOS,
        (Some(m), _) => m,
        (None, _) => return Err(QuantityError),
    };
    let magnitude = i128::try_from(magnitude).map_err(|_| QuantityError)?;
    if format == Format::BinarySI && magnitude > 0 && magnitude < NANOS_PER_UNIT {
        // Go: "This avoids rounding and hopefully confusion, too."
        format = Format::DecimalSI;
    }
    Ok(Parsed {
        nanos: if sc.positive { magnitude } else { -magnitude },
        format,
        cached,
    })
}

/// Replays the conditions of Go's int64 fast path: whether it is taken, and whether it keeps
/// the input string as the printed form ("if the number is in canonical form, reuse the
/// string"). Returns `(fast, cached)`.
fn fast_path(sc: &Scanned<'_>, exponent: i32, format: Format) -> (bool, bool) {
    let digits = sc.num.len() + sc.denom.len();
    match format {
        Format::BinarySI => {
            // precision = 15 - len(num) - exponent*3/10 - 1, and no fraction allowed.
            let used = sc.num.len() as i64 + i64::from(exponent) * 3 / 10 + 1;
            let fast = sc.denom.is_empty() && used <= 15;
            // `value&0x07 != 0`: a cheap "not a multiple of 1024" test on the digits before
            // the suffix; only the last digits matter for the low three bits.
            let tail = &sc.num[sc.num.len().saturating_sub(3)..];
            let low = tail
                .iter()
                .fold(0u32, |acc, d| acc * 10 + u32::from(d - b'0'));
            (fast, fast && low & 7 != 0)
        }
        _ => {
            let scale = i64::from(exponent) - sc.denom.len() as i64;
            let fast = digits <= MAX_INT64_FACTORS && scale >= -9;
            let shifted = || sc.num.iter().chain(sc.denom);
            let shifted_ends_000 = shifted().rev().take(3).filter(|&&c| c == b'0').count() == 3;
            let canonical_looking =
                scale % 3 == 0 && !shifted_ends_000 && sc.num.first() != Some(&b'0');
            (fast, fast && canonical_looking)
        }
    }
}

/// `ceil(digits × 2^pow2 × 10^pow10)`, exactly; `None` when it does not fit in an `i128`.
///
/// This is the value in nano-units (the caller passes `pow10` already shifted by 9), rounded
/// up like Go's `amount.Round(amount, Nano, inf.RoundUp)`. Digits far below 1n are folded into
/// a sticky "something was there" bit; for binary values `pow2` extra decimal digits are kept,
/// which is enough: the kept part is then a multiple of 2^pow2 / 10^pow2, so the next whole
/// nano-unit above it is at least that far away, and the dropped tail is smaller than that.
fn nanos_magnitude(digits: &[u8], pow10: i64, pow2: u32) -> Option<u128> {
    let first = digits.iter().position(|&d| d != b'0');
    let Some(first) = first else { return Some(0) };
    let last = digits.iter().rposition(|&d| d != b'0').unwrap_or(first);
    let sig = &digits[first..=last];
    let len = i64::try_from(sig.len()).ok()?;
    let pow10 = pow10.saturating_add(i64::try_from(digits.len() - 1 - last).ok()?);
    if len.saturating_add(pow10) > 39 {
        return None; // at least 10^39 > i128::MAX
    }
    let mut big;
    let mut sticky = false;
    if pow10 >= 0 {
        big = Big::from_digits(sig);
        big.mul_pow2(pow2);
        for _ in 0..pow10 {
            big.mul_add(10, 0);
        }
    } else {
        let down = pow10.unsigned_abs();
        if down > sig.len() as u64 + 19 {
            return Some(1); // below 10^-1 nano-units even times 2^60: rounds up to 1n
        }
        // `down` is at most len + 19, so these narrowings cannot fail.
        let keep_below = down.saturating_sub(u64::from(pow2));
        let dropped = usize::try_from(keep_below).ok()?.min(sig.len());
        sticky = dropped > 0;
        big = Big::from_digits(&sig[..sig.len() - dropped]);
        big.mul_pow2(pow2);
        for _ in 0..(down - keep_below) {
            sticky |= big.div_rem(10) != 0;
        }
    }
    let value = big.to_u128()?.checked_add(u128::from(sticky))?;
    (value <= i128::MAX as u128).then_some(value)
}

/// Just enough unsigned big-integer arithmetic for [`nanos_magnitude`] (at most ~400 bits).
struct Big(Vec<u32>);

impl Big {
    /// Reads ASCII decimal digits.
    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for d in digits {
            big.mul_add(10, u32::from(d - b'0'));
        }
        big
    }

    /// `self = self * m + a`.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.0.push(carry as u32);
        }
    }

    /// Multiplies by 2^k for the binary suffixes (k is a multiple of 10, at most 60).
    fn mul_pow2(&mut self, k: u32) {
        for _ in 0..k / 10 {
            self.mul_add(1024, 0);
        }
    }

    /// Divides by `d` in place and returns the remainder.
    fn div_rem(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let cur = (rem << 32) | u64::from(*limb);
            *limb = (cur / u64::from(d)) as u32;
            rem = cur % u64::from(d);
        }
        rem as u32
    }

    /// The value, if it fits.
    fn to_u128(&self) -> Option<u128> {
        let used = self.0.iter().rposition(|&l| l != 0).map_or(0, |i| i + 1);
        if used > 4 {
            return None;
        }
        Some(
            self.0[..used]
                .iter()
                .rev()
                .fold(0u128, |acc, &l| (acc << 32) | u128::from(l)),
        )
    }
}
