//! Go's own `text/tabwriter` test table (golang/go `src/text/tabwriter/tabwriter_test.go`),
//! written all at once, byte by byte and in Fibonacci-sized slices, plus kubectl's settings.

use crate::kubectl::tabwriter::*;

/// Go source text to bytes: `ÿ` stands for the escape byte `\xff`.
fn b(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for c in s.chars() {
        if c == 'ÿ' {
            out.push(0xff);
        } else {
            let mut tmp = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        }
    }
    out
}

type Case = (
    &'static str,
    usize,
    usize,
    usize,
    u8,
    u32,
    &'static str,
    &'static str,
);

const CASES: &[Case] = &[
    ("1a", 8, 0, 1, b'.', 0, "", ""),
    ("1a debug", 8, 0, 1, b'.', DEBUG, "", ""),
    ("1b esc stripped", 8, 0, 1, b'.', STRIP_ESCAPE, "ÿÿ", ""),
    ("1b esc", 8, 0, 1, b'.', 0, "ÿÿ", "ÿÿ"),
    ("1c esc stripped", 8, 0, 1, b'.', STRIP_ESCAPE, "ÿ\tÿ", "\t"),
    ("1c esc", 8, 0, 1, b'.', 0, "ÿ\tÿ", "ÿ\tÿ"),
    (
        "1d esc stripped",
        8,
        0,
        1,
        b'.',
        STRIP_ESCAPE,
        "ÿ\"foo\t\n\tbar\"ÿ",
        "\"foo\t\n\tbar\"",
    ),
    (
        "1d esc",
        8,
        0,
        1,
        b'.',
        0,
        "ÿ\"foo\t\n\tbar\"ÿ",
        "ÿ\"foo\t\n\tbar\"ÿ",
    ),
    (
        "1e esc stripped",
        8,
        0,
        1,
        b'.',
        STRIP_ESCAPE,
        "abcÿ\tdef",
        "abc\tdef",
    ),
    ("1e esc", 8, 0, 1, b'.', 0, "abcÿ\tdef", "abcÿ\tdef"),
    ("2", 8, 0, 1, b'.', 0, "\n\n\n", "\n\n\n"),
    ("3", 8, 0, 1, b'.', 0, "a\nb\nc", "a\nb\nc"),
    ("4a", 8, 0, 1, b'.', 0, "\t", ""),
    ("4b", 8, 0, 1, b'.', ALIGN_RIGHT, "\t", ""),
    ("5", 8, 0, 1, b'.', 0, "*\t*", "*.......*"),
    ("5b", 8, 0, 1, b'.', 0, "*\t*\n", "*.......*\n"),
    ("5c", 8, 0, 1, b'.', 0, "*\t*\t", "*.......*"),
    ("5c debug", 8, 0, 1, b'.', DEBUG, "*\t*\t", "*.......|*"),
    ("5d", 8, 0, 1, b'.', ALIGN_RIGHT, "*\t*\t", ".......**"),
    ("6", 8, 0, 1, b'.', 0, "\t\n", "........\n"),
    ("7a", 8, 0, 1, b'.', 0, "a) foo", "a) foo"),
    ("7b", 8, 0, 1, b' ', 0, "b) foo\tbar", "b) foo  bar"),
    ("7c", 8, 0, 1, b'.', 0, "c) foo\tbar\t", "c) foo..bar"),
    ("7d", 8, 0, 1, b'.', 0, "d) foo\tbar\n", "d) foo..bar\n"),
    (
        "7e",
        8,
        0,
        1,
        b'.',
        0,
        "e) foo\tbar\t\n",
        "e) foo..bar.....\n",
    ),
    (
        "7f",
        8,
        0,
        1,
        b'.',
        FILTER_HTML,
        "f) f&lt;o\t<b>bar</b>\t\n",
        "f) f&lt;o..<b>bar</b>.....\n",
    ),
    (
        "7g",
        8,
        0,
        1,
        b'.',
        FILTER_HTML,
        "g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp",
        "g) f&lt;o..<b>bar</b>..... non-terminated entity &amp",
    ),
    (
        "7g debug",
        8,
        0,
        1,
        b'.',
        FILTER_HTML | DEBUG,
        "g) f&lt;o\t<b>bar</b>\t non-terminated entity &amp",
        "g) f&lt;o..|<b>bar</b>.....| non-terminated entity &amp",
    ),
    ("8", 8, 0, 1, b'*', 0, "Hello, world!\n", "Hello, world!\n"),
    (
        "9a",
        1,
        0,
        0,
        b'.',
        0,
        "1\t2\t3\t4\n11\t222\t3333\t44444\n",
        "1.2..3...4\n11222333344444\n",
    ),
    (
        "9b",
        1,
        0,
        0,
        b'.',
        FILTER_HTML,
        "1\t2<!---\x0c--->\t3\t4\n11\t222\t3333\t44444\n",
        "1.2<!---\x0c--->..3...4\n11222333344444\n",
    ),
    (
        "9c",
        1,
        0,
        0,
        b'.',
        0,
        "1\t2\t3\t4\x0c11\t222\t3333\t44444\n",
        "1234\n11222333344444\n",
    ),
    (
        "9c debug",
        1,
        0,
        0,
        b'.',
        DEBUG,
        "1\t2\t3\t4\x0c11\t222\t3333\t44444\n",
        "1|2|3|4\n---\n11|222|3333|44444\n",
    ),
    (
        "10a",
        5,
        0,
        0,
        b'.',
        0,
        "1\t2\t3\t4\n",
        "1....2....3....4\n",
    ),
    (
        "10b",
        5,
        0,
        0,
        b'.',
        0,
        "1\t2\t3\t4\t\n",
        "1....2....3....4....\n",
    ),
    (
        "11",
        8,
        0,
        1,
        b'.',
        0,
        "本\tb\tc\naa\t本本本\tcccc\tddddd\naaa\tbbbb\n",
        "本.......b.......c\naa......本本本.....cccc....ddddd\naaa.....bbbb\n",
    ),
    (
        "12a",
        8,
        0,
        1,
        b' ',
        ALIGN_RIGHT,
        "a\tè\tc\t\naa\tèèè\tcccc\tddddd\t\naaa\tèèèè\t\n",
        "       a       è       c\n      aa     èèè    cccc   ddddd\n     aaa    èèèè\n",
    ),
    (
        "12b",
        2,
        0,
        0,
        b' ',
        0,
        "a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n",
        "a  b  c\naa bbbcccc\naaabbbb\n",
    ),
    (
        "12c",
        8,
        0,
        1,
        b'_',
        0,
        "a\tb\tc\naa\tbbb\tcccc\naaa\tbbbb\n",
        "a_______b_______c\naa______bbb_____cccc\naaa_____bbbb\n",
    ),
    (
        "13a",
        4,
        0,
        1,
        b'-',
        0,
        "4444\t日本語\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n",
        "4444------日本語-22--1---333\n999999999-22\n7---------22\n------------------88888888\n\n666666-666666-666666----4444\n1------1------999999999-0000000000\n",
    ),
    (
        "13b",
        4,
        0,
        3,
        b'.',
        0,
        "4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t999999999\t0000000000\n",
        "4444........333...22...1...333\n999999999...22\n7...........22\n....................88888888\n\n666666...666666...666666......4444\n1........1........999999999...0000000000\n",
    ),
    (
        "13c",
        8,
        8,
        1,
        b'\t',
        FILTER_HTML,
        "4444\t333\t22\t1\t333\n999999999\t22\n7\t22\n\t\t\t88888888\n\n666666\t666666\t666666\t4444\n1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n",
        "4444\t\t333\t22\t1\t333\n999999999\t22\n7\t\t22\n\t\t\t\t88888888\n\n666666\t666666\t666666\t\t4444\n1\t1\t<font color=red attr=日本語>999999999</font>\t0000000000\n",
    ),
    (
        "14",
        1,
        0,
        2,
        b' ',
        ALIGN_RIGHT,
        ".0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t",
        "    .0          .3    2.4    -5.1\n  23.0  12345678.9    2.4  -989.4\n   5.1        12.0    2.4    -7.0\n    .0         0.0  332.0  8908.0\n    .0         -.3  456.4    22.1\n    .0         1.2   44.4   -13.3",
    ),
    (
        "14 debug",
        1,
        0,
        2,
        b' ',
        ALIGN_RIGHT | DEBUG,
        ".0\t.3\t2.4\t-5.1\t\n23.0\t12345678.9\t2.4\t-989.4\t\n5.1\t12.0\t2.4\t-7.0\t\n.0\t0.0\t332.0\t8908.0\t\n.0\t-.3\t456.4\t22.1\t\n.0\t1.2\t44.4\t-13.3\t\t",
        "    .0|          .3|    2.4|    -5.1|\n  23.0|  12345678.9|    2.4|  -989.4|\n   5.1|        12.0|    2.4|    -7.0|\n    .0|         0.0|  332.0|  8908.0|\n    .0|         -.3|  456.4|    22.1|\n    .0|         1.2|   44.4|   -13.3|",
    ),
    ("15a", 4, 0, 0, b'.', 0, "a\t\tb", "a.......b"),
    (
        "15b",
        4,
        0,
        0,
        b'.',
        DISCARD_EMPTY_COLUMNS,
        "a\t\tb",
        "a.......b",
    ),
    (
        "15c",
        4,
        0,
        0,
        b'.',
        DISCARD_EMPTY_COLUMNS,
        "a\x0b\x0bb",
        "a...b",
    ),
    (
        "15d",
        4,
        0,
        0,
        b'.',
        ALIGN_RIGHT | DISCARD_EMPTY_COLUMNS,
        "a\x0b\x0bb",
        "...ab",
    ),
    (
        "16a",
        100,
        100,
        0,
        b'\t',
        0,
        "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
        "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
    ),
    (
        "16b",
        100,
        100,
        0,
        b'\t',
        DISCARD_EMPTY_COLUMNS,
        "a\x0bb\x0b\x0bd\na\x0bb\x0b\x0bd\x0be\na\na\x0bb\x0bc\x0bd\na\x0bb\x0bc\x0bd\x0be\n",
        "a\tb\td\na\tb\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
    ),
    (
        "16b debug",
        100,
        100,
        0,
        b'\t',
        DISCARD_EMPTY_COLUMNS | DEBUG,
        "a\x0bb\x0b\x0bd\na\x0bb\x0b\x0bd\x0be\na\na\x0bb\x0bc\x0bd\na\x0bb\x0bc\x0bd\x0be\n",
        "a\t|b\t||d\na\t|b\t||d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n",
    ),
    (
        "16c",
        100,
        100,
        0,
        b'\t',
        DISCARD_EMPTY_COLUMNS,
        "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
        "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
    ),
    (
        "16c debug",
        100,
        100,
        0,
        b'\t',
        DISCARD_EMPTY_COLUMNS | DEBUG,
        "a\tb\t\td\na\tb\t\td\te\na\na\tb\tc\td\na\tb\tc\td\te\n",
        "a\t|b\t|\t|d\na\t|b\t|\t|d\t|e\na\na\t|b\t|c\t|d\na\t|b\t|c\t|d\t|e\n",
    ),
];

fn run(case: &Case, chunks: &[&[u8]]) -> Vec<u8> {
    let (_, minwidth, tabwidth, padding, padchar, flags, _, _) = *case;
    let mut w = TabWriter::new(minwidth, tabwidth, padding, padchar, flags);
    for chunk in chunks {
        w.write(chunk);
    }
    w.flush();
    w.take_output()
}

#[test]
fn go_tabwriter_table() {
    for case in CASES {
        let src = b(case.6);
        let want = b(case.7);
        assert_eq!(run(case, &[&src]), want, "{} (all at once)", case.0);
        let bytes: Vec<&[u8]> = src.chunks(1).collect();
        assert_eq!(run(case, &bytes), want, "{} (byte by byte)", case.0);
        let mut fib = Vec::new();
        let (mut i, mut d) = (0, 0);
        while i < src.len() {
            let end = (i + d).min(src.len());
            fib.push(&src[i..end]);
            i = end;
            d += 1;
        }
        assert_eq!(run(case, &fib), want, "{} (fibonacci slices)", case.0);
    }
}

#[test]
fn kubectl_get_settings() {
    let mut w = TabWriter::kubectl_get();
    w.write_str("NAME\tSTATUS\tAGE\nx\tBound\t5s\nlonger-name\tPending\t10m\n");
    assert_eq!(
        w.finish(),
        "NAME          STATUS    AGE\nx             Bound     5s\nlonger-name   Pending   10m\n"
    );
}

#[test]
fn remember_widths_keeps_columns_across_flushes() {
    let mut w = TabWriter::kubectl_get();
    w.write_str("a-long-name\tx\n");
    w.flush();
    w.write_str("b\ty\n");
    w.flush();
    assert_eq!(
        String::from_utf8(w.take_output()).unwrap(),
        "a-long-name   x\nb             y\n"
    );
    w.set_remembered_widths(None);
    w.write_str("b\ty\n");
    w.flush();
    assert_eq!(String::from_utf8(w.take_output()).unwrap(), "b     y\n");
}

#[test]
fn kubectl_describe_settings() {
    let mut w = TabWriter::kubectl_describe();
    w.write_str("Name:\tdata\nNamespace:\tdefault\nStorageClass:\tstandard\n");
    assert_eq!(
        w.finish(),
        "Name:          data\nNamespace:     default\nStorageClass:  standard\n"
    );
}
