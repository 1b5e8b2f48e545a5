//! `UnquoteExtend` of client-go `util/jsonpath/parser.go`: Go's `strconv.Unquote` rules
//! (`UnquoteChar`) for a string in double or single quotes.

/// Go's `strconv.ErrSyntax` text.
const SYNTAX: &str = "invalid syntax";

/// Unquotes `"…"` or `'…'` with Go's escapes; `Err` carries Go's error text.
pub fn unquote_extend(s: &str) -> Result<String, &'static str> {
    let bytes = s.as_bytes();
    let n = bytes.len();
    if n < 2 || bytes[0] != bytes[n - 1] || !matches!(bytes[0], b'"' | b'\'') {
        return Err(SYNTAX);
    }
    let quote = bytes[0] as char;
    let body = &s[1..n - 1];
    let mut out: Vec<u8> = Vec::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c == quote {
            return Err(SYNTAX);
        }
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        let e = chars.next().ok_or(SYNTAX)?;
        let simple = match e {
            'a' => Some(7u8),
            'b' => Some(8),
            'f' => Some(12),
            'n' => Some(b'\n'),
            'r' => Some(b'\r'),
            't' => Some(b'\t'),
            'v' => Some(11),
            '\\' => Some(b'\\'),
            '\'' | '"' if e == quote => Some(e as u8),
            '\'' | '"' => return Err(SYNTAX),
            _ => None,
        };
        if let Some(b) = simple {
            out.push(b);
            continue;
        }
        match e {
            'x' | 'u' | 'U' => {
                let len = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v: u32 = 0;
                for _ in 0..len {
                    let d = chars.next().and_then(|d| d.to_digit(16)).ok_or(SYNTAX)?;
                    v = (v << 4) | d;
                }
                if e == 'x' {
                    out.push(v as u8);
                } else {
                    let c = char::from_u32(v).ok_or(SYNTAX)?;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    let d = chars.next().and_then(|d| d.to_digit(8)).ok_or(SYNTAX)?;
                    v = (v << 3) | d;
                }
                if v > 255 {
                    return Err(SYNTAX);
                }
                out.push(v as u8);
            }
            _ => return Err(SYNTAX),
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}
