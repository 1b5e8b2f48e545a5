//! What a remote client's terminal can show, from what its SSH pty request and environment
//! said (`TERM`, `NO_COLOR`, the locale): the same rules as the local terminal's
//! ([`super::termenv`]), applied to values the server passes in instead of this process's
//! environment (the teacher's terminal is not the student's).

use super::termenv;

/// `TERM` families of hardware terminals that draw no UTF-8 box characters: drawn in ASCII.
pub const ASCII_FAMILIES: [&str; 3] = ["vt100", "vt102", "vt220"];

/// Why kubestory cannot run on the client's terminal (the message to send before closing),
/// or `None`. A remote name this machine has no terminfo entry for is given the benefit of
/// the doubt: the client's machine may know it, and crossterm reads no terminfo.
pub fn refusal(term: &str) -> Option<String> {
    termenv::refusal(Some(term), |_| None)
}

/// Whether to draw in colour: not when `NO_COLOR` was sent, nor on a terminal that says it
/// has none (`dumb`, and the hardware terminals of [`ASCII_FAMILIES`]).
pub fn color(term: &str, no_color: bool) -> bool {
    let term = term.trim();
    !no_color && !termenv::DUMB.contains(&term) && !in_family(term, &ASCII_FAMILIES)
}

/// Whether to draw with ASCII only: a hardware terminal ([`ASCII_FAMILIES`]), or a locale
/// the client sent that is not UTF-8 (`LC_ALL`, `LC_CTYPE`, `LANG` in POSIX's order; none
/// sent at all is the usual case, Windows' OpenSSH sends none, and means UTF-8).
pub fn ascii(term: &str, lc_all: Option<&str>, lc_ctype: Option<&str>, lang: Option<&str>) -> bool {
    let sent = [lc_all, lc_ctype, lang]
        .iter()
        .flatten()
        .any(|v| !v.is_empty());
    in_family(term.trim(), &ASCII_FAMILIES)
        || (sent && !termenv::utf8_locale(lc_all, lc_ctype, lang))
}

fn in_family(term: &str, families: &[&str]) -> bool {
    families.iter().any(|f| {
        term.strip_prefix(f)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '.']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_and_ascii_follow_the_client() {
        assert!(color("xterm-256color", false));
        assert!(!color("xterm-256color", true));
        assert!(!color("dumb", false));
        assert!(!color("vt100", false));
        assert!(!ascii("xterm-256color", None, None, None));
        assert!(!ascii("xterm", None, None, Some("en_US.UTF-8")));
        assert!(ascii("xterm", None, None, Some("C")));
        assert!(ascii("vt220", None, None, None));
        assert!(refusal("dumb").is_some());
        assert!(refusal("").is_some());
        assert_eq!(refusal("xterm-256color"), None);
        assert_eq!(refusal("some-unknown-term"), None);
    }
}
