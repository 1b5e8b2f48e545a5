//! Tables ported from upstream `quantity_test.go`; each test names the Go test it mirrors.

use super::*;
use crate::sim::quantity::QuantityError;
use crate::sim::quantity::parse::{Scanned, interpret, scan};

/// Mirrors TestQuantityParse: the main table, then the same with `-` and with `+` in front.
#[test]
fn test_quantity_parse() {
    let table: &[(&str, i128, Format)] = &[
        ("0", 0, DecimalSI),
        ("0n", 0, DecimalSI),
        ("0u", 0, DecimalSI),
        ("0m", 0, DecimalSI),
        ("0Ki", 0, BinarySI),
        ("0k", 0, DecimalSI),
        ("0Mi", 0, BinarySI),
        ("0M", 0, DecimalSI),
        ("0Gi", 0, BinarySI),
        ("0G", 0, DecimalSI),
        ("0Ti", 0, BinarySI),
        ("0T", 0, DecimalSI),
        // Quantity less numbers are allowed
        ("1", dec(1, 0), DecimalSI),
        // Binary suffixes
        ("1Ki", dec(1024, 0), BinarySI),
        ("8Ki", dec(8 * 1024, 0), BinarySI),
        ("7Mi", dec(7 << 20, 0), BinarySI),
        ("6Gi", dec(6 << 30, 0), BinarySI),
        ("5Ti", dec(5 << 40, 0), BinarySI),
        ("4Pi", dec(4 << 50, 0), BinarySI),
        ("3Ei", dec(3 << 60, 0), BinarySI),
        ("10Ti", dec(10 << 40, 0), BinarySI),
        ("100Ti", dec(100 << 40, 0), BinarySI),
        // Decimal suffixes
        ("5n", dec(5, -9), DecimalSI),
        ("4u", dec(4, -6), DecimalSI),
        ("3m", dec(3, -3), DecimalSI),
        ("9", dec(9, 0), DecimalSI),
        ("8k", dec(8, 3), DecimalSI),
        ("50k", dec(5, 4), DecimalSI),
        ("7M", dec(7, 6), DecimalSI),
        ("6G", dec(6, 9), DecimalSI),
        ("5T", dec(5, 12), DecimalSI),
        ("40T", dec(4, 13), DecimalSI),
        ("300T", dec(3, 14), DecimalSI),
        ("2P", dec(2, 15), DecimalSI),
        ("1E", dec(1, 18), DecimalSI),
        // Decimal exponents
        ("1E-3", dec(1, -3), Exp),
        ("1e3", dec(1, 3), Exp),
        ("1E6", dec(1, 6), Exp),
        ("1e9", dec(1, 9), Exp),
        ("1E12", dec(1, 12), Exp),
        ("1e15", dec(1, 15), Exp),
        ("1E18", dec(1, 18), Exp),
        // Nonstandard but still parsable
        ("1e14", dec(1, 14), Exp),
        ("1e13", dec(1, 13), Exp),
        ("100.035k", dec(100035, 0), DecimalSI),
        // Things that look like floating point
        ("0.001", dec(1, -3), DecimalSI),
        ("0.0005k", dec(5, -1), DecimalSI),
        ("0.005", dec(5, -3), DecimalSI),
        ("0.05", dec(5, -2), DecimalSI),
        ("0.5", dec(5, -1), DecimalSI),
        ("0.00050k", dec(5, -1), DecimalSI),
        ("0.00500", dec(5, -3), DecimalSI),
        ("0.05000", dec(5, -2), DecimalSI),
        ("0.50000", dec(5, -1), DecimalSI),
        ("0.5e0", dec(5, -1), Exp),
        ("0.5e-1", dec(5, -2), Exp),
        ("0.5e-2", dec(5, -3), Exp),
        ("10.035M", dec(10035, 3), DecimalSI),
        ("1.2e3", dec(12, 2), Exp),
        ("1.3E+6", dec(13, 5), Exp),
        ("1.40e9", dec(14, 8), Exp),
        ("1.53E12", dec(153, 10), Exp),
        ("1.6e15", dec(16, 14), Exp),
        ("1.7E18", dec(17, 17), Exp),
        ("9.01", dec(901, -2), DecimalSI),
        ("8.1k", dec(81, 2), DecimalSI),
        ("7.123456M", dec(7123456, 0), DecimalSI),
        ("6.987654321G", dec(6987654321, 0), DecimalSI),
        ("5.444T", dec(5444, 9), DecimalSI),
        ("40.1T", dec(401, 11), DecimalSI),
        ("300.2T", dec(3002, 11), DecimalSI),
        ("2.5P", dec(25, 14), DecimalSI),
        ("1.01E", dec(101, 16), DecimalSI),
        // Things that saturate/round
        ("3.001n", dec(4, -9), DecimalSI),
        ("1.1E-9", dec(2, -9), Exp),
        ("0.0000000001", dec(1, -9), DecimalSI),
        ("0.0000000005", dec(1, -9), DecimalSI),
        ("0.00000000050", dec(1, -9), DecimalSI),
        ("0.5e-9", dec(1, -9), Exp),
        ("0.9n", dec(1, -9), DecimalSI),
        ("0.00000012345", dec(124, -9), DecimalSI),
        ("0.00000012354", dec(124, -9), DecimalSI),
        ("9Ei", CAP, BinarySI),
        ("9223372036854775807Ki", CAP, BinarySI),
        ("12E", dec(12, 18), DecimalSI),
        // We'll accept fractional binary stuff, too.
        ("100.035Ki", dec(10243584, -2), BinarySI),
        ("0.5Mi", dec(512 * 1024, 0), BinarySI),
        ("0.05Gi", dec(536870912, -1), BinarySI),
        ("0.025Ti", dec(274877906944, -1), BinarySI),
        // Things written by trolls
        ("0.000000000001Ki", dec(2, -9), DecimalSI), // rounds up, changes format
        (".001", dec(1, -3), DecimalSI),
        (".0001k", dec(100, -3), DecimalSI),
        ("1.", dec(1, 0), DecimalSI),
        ("1.G", dec(1, 9), DecimalSI),
    ];
    for &(input, nanos, format) in table {
        for (prefix, sign) in [("", 1), ("-", -1), ("+", 1)] {
            let text = format!("{prefix}{input}");
            let got = q(&text);
            assert_eq!(got.nanos, sign * nanos, "{text}");
            assert_eq!(got.format(), format, "{text}");
        }
    }

    let invalid = [
        "",
        "1.1.M",
        "1+1.0M",
        "0.1mi",
        "0.1am",
        "aoeu",
        ".5i",
        "1i",
        "-3.01i",
        "-3.01e-",
        // an exponent outside the int32 scale is rejected rather than truncated
        "1e4294967297",
        // trailing whitespace is forbidden
        " 1",
        "1 ",
    ];
    for text in invalid {
        assert_eq!(Quantity::parse(text), Err(QuantityError), "{text:?}");
    }
}

/// Mirrors TestQuantityParseZero.
#[test]
fn test_quantity_parse_zero() {
    assert_eq!(s("0"), "0");
}

/// Mirrors TestParseQuantityString (the scanner on its own).
#[test]
fn test_parse_quantity_string() {
    let table: &[(&str, bool, &str, &str, &str)] = &[
        ("0.025Ti", true, "0", "025", "Ti"),
        ("1.025Ti", true, "1", "025", "Ti"),
        ("-1.025Ti", false, "1", "025", "Ti"),
        (".", true, "0", "", ""),
        ("-.", false, "0", "", ""),
        ("1E-3", true, "1", "", "E-3"),
    ];
    for &(input, positive, num, denom, suffix) in table {
        let got = scan(input.as_bytes()).unwrap_or_else(|e| panic!("{input}: {e}"));
        let Scanned {
            positive: p,
            num: n,
            denom: d,
            suffix: x,
            ..
        } = got;
        assert_eq!(
            (p, n, d, x),
            (
                positive,
                num.as_bytes(),
                denom.as_bytes(),
                suffix.as_bytes()
            ),
            "{input}"
        );
    }
}

/// Mirrors TestInterpretExponentInt32Bounds.
#[test]
fn test_interpret_exponent_int32_bounds() {
    let table: &[(&str, Option<i32>)] = &[
        ("e14", Some(14)),
        ("E2147483647", Some(i32::MAX)),
        ("E-2147483647", Some(-i32::MAX)),
        ("E2147483648", None),
        ("E-2147483648", None),
        ("E4294967297", None),
        ("E8589934592", None),
        ("E9223372036854775807", None),
        ("E9223372036854775808", None),
        ("E6024865272343", None),
    ];
    for &(suffix, want) in table {
        let got = interpret(suffix.as_bytes()).ok();
        assert_eq!(got, want.map(|e| (10, e, Exp)), "{suffix}");
    }
}

/// Mirrors TestQuantityCmp (the string half).
#[test]
fn test_quantity_cmp() {
    use std::cmp::Ordering::{Equal, Greater, Less};
    for (x, y, want) in [
        ("0", "0", Equal),
        ("100m", "50m", Greater),
        ("50m", "100m", Less),
        ("10000T", "100Gi", Greater),
    ] {
        assert_eq!(q(x).cmp(&q(y)), want, "{x} vs {y}");
    }
}

/// Mirrors TestQuantityNeg.
#[test]
fn test_quantity_neg() {
    assert_eq!(
        Quantity::from_nanos(-dec(901, -2), DecimalSI).to_string(),
        "-9010m"
    );
}

/// Mirrors TestQuantityString: canonical form, parse of the canonical form, the alternate
/// spelling canonicalizing to it, and the negated value.
#[test]
fn test_quantity_string() {
    let table: &[(i128, Format, &str, &str)] = &[
        (dec(1024 * 1024 * 1024, 0), BinarySI, "1Gi", "1024Mi"),
        (dec(300 * 1024 * 1024, 0), BinarySI, "300Mi", "307200Ki"),
        (dec(6 * 1024, 0), BinarySI, "6Ki", ""),
        (
            dec(1001 * 1024 * 1024 * 1024, 0),
            BinarySI,
            "1001Gi",
            "1025024Mi",
        ),
        (dec(1024 * 1024 * 1024 * 1024, 0), BinarySI, "1Ti", "1024Gi"),
        (dec(5, 0), BinarySI, "5", "5000m"),
        (dec(500, -3), BinarySI, "500m", "0.5"),
        (dec(1, 9), DecimalSI, "1G", "1000M"),
        (dec(1000, 6), DecimalSI, "1G", "0.001T"),
        (dec(1000000, 3), DecimalSI, "1G", ""),
        (dec(1000000000, 0), DecimalSI, "1G", ""),
        (dec(1, -3), DecimalSI, "1m", "1000u"),
        (dec(80, -3), DecimalSI, "80m", ""),
        (dec(1080, -3), DecimalSI, "1080m", "1.08"),
        (dec(108, -2), DecimalSI, "1080m", "1080000000n"),
        (dec(10800, -4), DecimalSI, "1080m", ""),
        (dec(300, 6), DecimalSI, "300M", ""),
        (dec(1, 12), DecimalSI, "1T", ""),
        (dec(1, 18), DecimalSI, "1E", ""),
        (dec(1, 21), DecimalSI, "1e21", "1000E"),
        (dec(5, 21), DecimalSI, "5e21", "5000E"),
        (dec(1, 24), DecimalSI, "1e24", "1000000E"),
        (dec(1234567, 6), DecimalSI, "1234567M", ""),
        (dec(1234567, -3), BinarySI, "1234567m", ""),
        (dec(3, 3), DecimalSI, "3k", ""),
        (dec(1025, 0), BinarySI, "1025", ""),
        (0, DecimalSI, "0", ""),
        (0, BinarySI, "0", ""),
        (dec(1, 9), Exp, "1e9", ".001e12"),
        (dec(1, -3), Exp, "1e-3", "0.001e0"),
        (dec(1, -9), Exp, "1e-9", "1000e-12"),
        (dec(80, -3), Exp, "80e-3", ""),
        (dec(300, 6), Exp, "300e6", ""),
        (dec(1, 12), Exp, "1e12", ""),
        (dec(1, 3), Exp, "1e3", ""),
        (dec(3, 3), Exp, "3e3", ""),
        (dec(3, 3), DecimalSI, "3k", ""),
        (0, Exp, "0", "00"),
        (dec(1, -9), DecimalSI, "1n", ""),
        (dec(80, -9), DecimalSI, "80n", ""),
        (dec(1080, -9), DecimalSI, "1080n", ""),
        (dec(108, -8), DecimalSI, "1080n", ""),
        (dec(1, -6), DecimalSI, "1u", ""),
        (dec(80, -6), DecimalSI, "80u", ""),
        (dec(1080, -6), DecimalSI, "1080u", ""),
    ];
    for &(nanos, format, expect, alternate) in table {
        assert_eq!(Quantity::from_nanos(nanos, format).to_string(), expect);
        assert_eq!(s(expect), expect, "canonical form must survive a parse");
        if !alternate.is_empty() {
            assert_eq!(s(alternate), expect, "{alternate}");
            assert_eq!(q(alternate).nanos, nanos, "{alternate}");
        }
        if nanos != 0 {
            let negated = Quantity::from_nanos(-nanos, format).to_string();
            assert_eq!(negated, format!("-{expect}"));
        }
    }
}

/// Mirrors TestBinarySIPastEiArithmeticRoundTrip (2^70 has no binary suffix) and
/// TestBinarySIZeroExponentString.
#[test]
fn test_binary_si_past_ei_and_zero_exponent() {
    let past_ei = Quantity::from_bytes(1 << 70);
    assert_eq!(past_ei.to_string(), "1180591620717411303424");
    assert_eq!(q(&past_ei.to_string()), past_ei);
    assert_eq!(Quantity::from_bytes(2000).to_string(), "2000");
    assert_eq!(Quantity::from_bytes(-2000).to_string(), "-2000");
}

/// Mirrors TestQuantityParseEmit, plus its negated half.
#[test]
fn test_quantity_parse_emit() {
    for (input, expect) in [
        ("1Ki", "1Ki"),
        ("1Mi", "1Mi"),
        ("1Gi", "1Gi"),
        ("1024Mi", "1Gi"),
        ("1000M", "1G"),
        (".001Ki", "1024m"),
        (".000001Ki", "1024u"),
        (".000000001Ki", "1024n"),
        (".000000000001Ki", "2n"),
    ] {
        assert_eq!(s(input), expect, "{input}");
        assert_eq!(s(&format!("-{input}")), format!("-{expect}"), "-{input}");
    }
}

/// Mirrors TestNewSet, TestMilliNewSet and TestNewScaledSet (constructors, then canonical form).
#[test]
fn test_new_set() {
    let table: &[(i128, Format, &str)] = &[
        (dec(1, 0), DecimalSI, "1"),
        (dec(1000, 0), DecimalSI, "1k"),
        (dec(1234000, 0), DecimalSI, "1234k"),
        (dec(1024, 0), BinarySI, "1Ki"),
        (dec(1000000, 0), Exp, "1e6"),
        (dec(1024 * 1024, 0), BinarySI, "1Mi"),
        (dec(1, -3), DecimalSI, "1m"),
        (dec(1000, -3), DecimalSI, "1"),
        (dec(1234000, -3), DecimalSI, "1234"),
        (dec(1024, -3), BinarySI, "1024m"),
        (dec(1000000, -3), Exp, "1e3"),
        (dec(1024 * 1024, -3), BinarySI, "1048576m"),
        (dec(1000, -9), DecimalSI, "1u"),
        (dec(1000, -6), DecimalSI, "1m"),
        (dec(0, -9), DecimalSI, "0"),
    ];
    for &(nanos, format, expect) in table {
        assert_eq!(Quantity::from_nanos(nanos, format).to_string(), expect);
        assert_eq!(q(expect).nanos, nanos, "{expect} must round-trip");
    }
    assert_eq!(Quantity::from_bytes(1024).to_string(), "1Ki");
    assert_eq!(Quantity::from_bytes(1024 * 1024).to_string(), "1Mi");
}

/// Mirrors TestParseQuantity: numbers around 18-20 digits and the int64 limits, which Go
/// echoes verbatim or re-prints canonically depending on its fast path.
#[test]
fn test_parse_quantity_near_int64() {
    let table: &[(&str, &str)] = &[
        ("-999999999999999999", ""),
        ("999999999999999999", ""),
        ("999999999999999999.0", "999999999999999999"),
        ("-999999999999999999.1", "-999999999999999999100m"),
        ("9999999999999999999", ""),
        ("-1E", ""),
        ("1000000000000000000", "1E"),
        ("-1000000000000000000", "-1E"),
        ("9999999999999999999.0", "9999999999999999999"),
        ("1.0E", "1E"),
        ("-1000000000000000000.0", "-1E"),
        ("9999999999999999999000m", "9999999999999999999"),
        ("9999999999999999999.1", "9999999999999999999100m"),
        ("1.0000000000000000001E", "1000000000000000000100m"),
        ("-1000000000000000000.1", "-1000000000000000000100m"),
        ("1.000000000000000001E", "1000000000000000001"),
        ("1000000000000000001", ""),
        ("10E", ""),
        ("10000000000000000000", "10E"),
        ("-10.0E", "-10E"),
        ("10000000000000000000000m", "10E"),
        ("10.0000000000000000001E", "10000000000000000000100m"),
        ("10.000000000000000001E", "10000000000000000001"),
        ("-9223372036854775809", ""),
        ("9223372036854775806.0", "9223372036854775806"),
        ("-9223372036854775809000m", "-9223372036854775809"),
        ("9223372036854775806.1", "9223372036854775806100m"),
        ("-9223372036854775808", ""),
        ("9223372036854775807", ""),
        ("9223372036854775807000m", "9223372036854775807"),
        ("-9223372036854775808.1", "-9223372036854775808100m"),
        ("9223372036854775808", ""),
        ("9223372036854775808.1", "9223372036854775808100m"),
    ];
    for &(input, canonical) in table {
        let expect = if canonical.is_empty() {
            input
        } else {
            canonical
        };
        assert_eq!(s(input), expect, "{input}");
    }
    assert_eq!(
        q("1.0000000000000000001E").nanos,
        dec(10000000000000000001, -1)
    );
}

/// Mirrors TestNegativeValueRoundsAwayFromZero (`Value()` only).
#[test]
fn test_negative_value_rounds_away_from_zero() {
    for (input, value) in [
        ("-.484785E-7466", -1),
        (".484785E-7466", 1),
        ("-.484785E-1", -1),
        (".484785E-1", 1),
        ("-0.0005", -1),
        ("0.0005", 1),
        ("-1500m", -2),
        ("1500m", 2),
        ("-9.5000000001Gi", -10200547329),
        ("9.5000000001Gi", 10200547329),
        ("-1", -1),
        ("1", 1),
        ("0", 0),
    ] {
        assert_eq!(q(input).value(), value, "{input}");
    }
}

/// Mirrors TestJSONWhitespace (decoding trims; `ParseQuantity` itself does not).
#[test]
fn test_json_whitespace() {
    for (json, expect) in [
        (r#"" 1""#, "1"),
        (r#""1 ""#, "1"),
        ("1", "1"),
        (" 1", "1"),
        ("1 ", "1"),
        ("10", "10"),
        ("-1", "-1"),
        (" -1", "-1"),
    ] {
        let got: Quantity = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(got.to_string(), expect, "{json}");
    }
}
