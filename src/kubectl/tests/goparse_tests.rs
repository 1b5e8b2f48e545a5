use crate::kubectl::goparse::{parse_bool, parse_duration, parse_int, quote, quote_rune};

#[test]
fn parse_int_matches_strconv() {
    let ok: &[(&str, i64)] = &[
        ("3", 3),
        ("-1", -1),
        ("+7", 7),
        ("010", 8),
        ("0x1f", 31),
        ("0o17", 15),
        ("0b101", 5),
        ("1_000", 1000),
        ("0", 0),
        ("9223372036854775807", i64::MAX),
        ("-9223372036854775808", i64::MIN),
    ];
    for (s, want) in ok {
        assert_eq!(parse_int(s), Ok(*want), "{s}");
    }
    let syntax = |s: &str| format!("strconv.ParseInt: parsing {}: invalid syntax", quote(s));
    for s in ["x", "", "1.5", "08", "1__0", "_1", "1_", "0x", "--1", " 1"] {
        assert_eq!(parse_int(s), Err(syntax(s)), "{s:?}");
    }
    assert_eq!(
        parse_int("9223372036854775808"),
        Err("strconv.ParseInt: parsing \"9223372036854775808\": value out of range".to_string())
    );
}

#[test]
fn parse_bool_matches_strconv() {
    for s in ["1", "t", "T", "TRUE", "true", "True"] {
        assert_eq!(parse_bool(s), Ok(true));
    }
    for s in ["0", "f", "F", "FALSE", "false", "False"] {
        assert_eq!(parse_bool(s), Ok(false));
    }
    assert_eq!(
        parse_bool("yes"),
        Err("strconv.ParseBool: parsing \"yes\": invalid syntax".to_string())
    );
}

#[test]
fn parse_duration_matches_time_package() {
    let s = 1_000_000_000i64;
    let ok: &[(&str, i64)] = &[
        ("0", 0),
        ("30s", 30 * s),
        ("5m", 300 * s),
        ("1h30m", 5400 * s),
        ("1.5h", 5400 * s),
        ("-2m", -120 * s),
        ("100ms", 100_000_000),
        ("1us", 1000),
        (".5s", s / 2),
    ];
    for (text, want) in ok {
        assert_eq!(parse_duration(text), Ok(*want), "{text}");
    }
    assert_eq!(
        parse_duration("x"),
        Err("time: invalid duration \"x\"".to_string())
    );
    assert_eq!(
        parse_duration(""),
        Err("time: invalid duration \"\"".to_string())
    );
    assert_eq!(
        parse_duration("5"),
        Err("time: missing unit in duration \"5\"".to_string())
    );
    assert_eq!(
        parse_duration("5q"),
        Err("time: unknown unit \"q\" in duration \"5q\"".to_string())
    );
    assert_eq!(
        parse_duration(".s"),
        Err("time: invalid duration \".s\"".to_string())
    );
}

#[test]
fn quoting_matches_go() {
    assert_eq!(quote("a\"b\\c\n\t"), r#""a\"b\\c\n\t""#);
    assert_eq!(quote("é"), "\"é\"");
    assert_eq!(quote("\u{1}"), r#""\x01""#);
    assert_eq!(quote_rune('z'), "'z'");
    assert_eq!(quote_rune('\''), r"'\''");
}
