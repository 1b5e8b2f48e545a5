//! This crate's own expectations: the lesson examples, Go's scanner quirks, the overflow
//! policy, serde, and property tests.

use super::*;
use crate::sim::quantity::QuantityError;
use proptest::prelude::*;
use std::hash::BuildHasher;

/// The storage examples this simulator's lessons rely on.
#[test]
fn storage_lesson_examples() {
    for (input, expect) in [
        ("1024Mi", "1Gi"),
        ("1000M", "1G"),
        ("0.5Gi", "512Mi"),
        ("1.5Gi", "1536Mi"),
        ("100m", "100m"),
        ("1000m", "1"),
        ("1e3", "1e3"),
        ("1500", "1500"),
        ("2048", "2048"),
        ("1536Ki", "1536Ki"),
        ("0", "0"),
        ("0.1Gi", "107374182400m"),
        ("1000Ei", "9223372036854775807"),
    ] {
        assert_eq!(s(input), expect, "{input}");
    }
    assert!(q("1G") < q("1Gi"));
    assert_eq!(q("1024Mi"), q("1Gi"));
    assert_eq!(q("1Gi").value(), 1 << 30);
    assert_eq!(q("1.5Gi").format(), BinarySI);
    assert_eq!(q("100m").value(), 1);
    let state = std::hash::RandomState::new();
    assert_eq!(state.hash_one(q("1024Mi")), state.hash_one(q("1Gi")));
}

/// Go's fast parser keeps the input string when it looks canonical, and the API server then
/// stores that string as written: signs, leading zeros and trailing dots survive.
#[test]
fn api_server_echoes_cached_spellings() {
    for (input, expect) in [
        ("+1Gi", "+1Gi"),
        ("01Gi", "01Gi"),
        ("1E3", "1E3"),
        ("1e+3", "1e+3"),
        ("1.G", "1.G"),
        ("1.005k", "1.005k"),
        ("0100m", "0100m"),
        ("100.5k", "100500"),
        ("+8Ki", "8Ki"),
        ("+1Pi", "1Pi"),
        ("+0", "0"),
        ("-0", "0"),
    ] {
        assert_eq!(s(input), expect, "{input}");
    }
}

/// What Go's scanner lets through despite its regular expression, and what it does not.
#[test]
fn go_scanner_edge_cases() {
    for zero in ["Gi", "Ki", "Ti", "m", "k", "-", "+", ".", "-.", "e3", ".Gi"] {
        assert_eq!(q(zero).nanos, 0, "{zero}");
    }
    for bad in [
        "1.5.5", "1 Gi", "1gi", "1KB", "--1", "Pi", "Ei", "e-10", "1e", "1e+", "1Ee3", "1e3e3",
        "1Mi3", "1Ki-3", "ki", "1µ", "1,5", "1_000", "0x10", "∞",
    ] {
        assert_eq!(Quantity::parse(bad), Err(QuantityError), "{bad:?}");
    }
}

/// Overflow policy: binary values cap like Go; decimal ones beyond the fixed-point range error.
#[test]
fn out_of_range_values() {
    assert_eq!(q("1000Ei").nanos, CAP);
    assert_eq!(
        q("-99999999999999999999999999999999999999999Ei").nanos,
        -CAP
    );
    assert_eq!(q("1000Ei").format(), BinarySI);
    for bad in [
        "1e30",
        "1000000000000E",
        "1e2147483647",
        "999999999999999999999999999999",
    ] {
        assert_eq!(Quantity::parse(bad), Err(QuantityError), "{bad}");
    }
    assert_eq!(q("0e2147483647").nanos, 0);
    assert_eq!(q("1e-2147483647").nanos, 1);
    assert_eq!(
        q("170141183460469231731687303715.884105727").nanos,
        i128::MAX
    );
    let just_over = "170141183460469231731687303715.884105728";
    assert_eq!(Quantity::parse(just_over), Err(QuantityError));
    let long_zeros = format!("1{}e-200", "0".repeat(200));
    assert_eq!(q(&long_zeros).nanos, dec(1, 0));
    let long_tail = format!("1.{}1Ei", "0".repeat(5000));
    assert_eq!(q(&long_tail).nanos, dec(1 << 60, 0) + 1);
    assert_eq!(
        Quantity::from_bytes(i128::MAX).value(),
        i128::MAX / NANOS_PER_UNIT
    );
    assert_eq!(
        Quantity::from_bytes(i128::MIN).value(),
        -(i128::MAX / NANOS_PER_UNIT)
    );
}

#[test]
fn serde_round_trip() {
    let json = serde_json::to_string(&q("1024Mi")).unwrap_or_default();
    assert_eq!(json, r#""1Gi""#);
    let back: Quantity = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, q("1Gi"));
    let number: Quantity = serde_json::from_str("1073741824").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (number.to_string().as_str(), number.format()),
        ("1073741824", DecimalSI)
    );
    let float: Quantity = serde_json::from_str("1.5").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(float.to_string(), "1500m");
    let null: Quantity = serde_json::from_str("null").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(null.to_string(), "0");
    assert!(serde_json::from_str::<Quantity>("true").is_err());
    assert!(serde_json::from_str::<Quantity>(r#""1gi""#).is_err());
}

/// The named suffixes, binary and decimal.
fn named_suffix() -> impl Strategy<Value = String> {
    proptest::sample::select(vec![
        "", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei",
    ])
    .prop_map(str::to_string)
}

/// Suffixes for the round-trip generator, including exponent forms.
fn suffix() -> impl Strategy<Value = String> {
    prop_oneof![named_suffix(), "[eE][-+]?[0-9]{1,2}"]
}

proptest! {
    #[test]
    fn parse_never_panics(text in any::<String>()) {
        let _ = Quantity::parse(&text);
    }

    #[test]
    fn parse_never_panics_on_quantity_alphabet(text in "[-+0-9.eEinumkKMGTP ]{0,30}") {
        if let Ok(parsed) = Quantity::parse(&text) {
            prop_assert_eq!(Quantity::parse(&parsed.to_string()), Ok(parsed));
        }
    }

    /// `parse(q.to_string()) == q`, and the printed form is a fixed point, as the API server
    /// needs for a stored object to read back unchanged.
    #[test]
    fn printed_form_round_trips(
        sign in "[-+]?",
        int in "[0-9]{0,24}",
        frac in proptest::option::of("[0-9]{0,24}"),
        suffix in suffix(),
    ) {
        let frac = frac.map(|f| format!(".{f}")).unwrap_or_default();
        let text = format!("{sign}{int}{frac}{suffix}");
        if let Ok(parsed) = Quantity::parse(&text) {
            let printed = parsed.to_string();
            let back = Quantity::parse(&printed);
            prop_assert_eq!(back.as_ref(), Ok(&parsed), "{} printed as {}", text, printed);
            prop_assert_eq!(back.map(|b| b.to_string()), Ok(printed));
        }
    }

    /// Small inputs against a direct i128 computation of `ceil(digits × base^exp)` in nano-units.
    #[test]
    fn value_matches_reference(
        int in 0u64..1_000_000_000,
        frac in "[0-9]{0,9}",
        suffix in proptest::sample::select(vec![
            ("n", 1, -9), ("u", 1, -6), ("m", 1, -3), ("", 1, 0), ("k", 1, 3), ("M", 1, 6),
            ("G", 1, 9), ("Ki", 1 << 10, 0), ("Mi", 1 << 20, 0), ("Gi", 1 << 30, 0),
        ]),
        negative in any::<bool>(),
    ) {
        let (text, factor, exp10) = suffix;
        let input = format!("{}{int}.{frac}{text}", if negative { "-" } else { "" });
        let digits: i128 = format!("{int}{frac}").parse().unwrap_or(0);
        let shift = exp10 + 9 - frac.len() as i32;
        let scaled = digits * factor;
        let magnitude = if shift >= 0 {
            scaled * 10i128.pow(shift.unsigned_abs())
        } else {
            let divisor = 10i128.pow(shift.unsigned_abs());
            (scaled + divisor - 1) / divisor
        };
        let expected = if negative { -magnitude } else { magnitude };
        prop_assert_eq!(Quantity::parse(&input).map(|q| q.nanos), Ok(expected), "{}", input);
    }

    /// Inputs of an ordinary shape always parse.
    #[test]
    fn ordinary_inputs_parse(
        int in "[0-9]{1,10}",
        suffix in prop_oneof![named_suffix(), "[eE][-+]?[0-9]"],
    ) {
        let text = format!("{int}{suffix}");
        prop_assert!(Quantity::parse(&text).is_ok(), "{}", text);
    }
}
