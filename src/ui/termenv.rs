//! What the environment says about the terminal before the full screen opens: whether `TERM`
//! names a terminal that can draw one (a dumb terminal would get a screenful of escape
//! sequences), and whether the locale's character set is UTF-8 (box drawing) or not (ASCII,
//! as `--ascii`). Pure functions of the values, with `*_here` wrappers that read the
//! environment, so the rules are tested without touching it.

use std::path::{Path, PathBuf};

/// `TERM` values that name a terminal that cannot move its cursor (an editor's shell buffer,
/// a CI log, a serial console set up that way).
pub const DUMB: [&str; 2] = ["dumb", "unknown"];

/// `TERM` families that understand the ANSI/xterm sequences crossterm writes (it reads no
/// terminfo), accepted even when this machine has no terminfo entry for the exact name: a
/// terminal emulator's own entry (`xterm-kitty`, `xterm-ghostty`, `alacritty`) is often
/// missing on a machine reached over ssh. `NAME`, `NAME-…` and `NAME.…` match.
pub const ANSI_FAMILIES: [&str; 22] = [
    "xterm",
    "screen",
    "tmux",
    "rxvt",
    "linux",
    "vt100",
    "vt102",
    "vt220",
    "alacritty",
    "kitty",
    "foot",
    "wezterm",
    "ghostty",
    "st",
    "konsole",
    "gnome",
    "vte",
    "putty",
    "contour",
    "iterm2",
    "mintty",
    "ms-terminal",
];

/// Where ncurses looks for terminfo entries when `TERMINFO` and `TERMINFO_DIRS` do not say.
pub const SYSTEM_TERMINFO_DIRS: [&str; 7] = [
    "/etc/terminfo",
    "/lib/terminfo",
    "/usr/share/terminfo",
    "/usr/lib/terminfo",
    "/usr/share/lib/terminfo",
    "/usr/local/share/terminfo",
    "/opt/homebrew/share/terminfo",
];

/// Why the full screen cannot open on the terminal `term` names, as the message to print
/// (`None`: it can). `known(term)` says whether this machine has a terminfo entry for it
/// (`None`: there is no terminfo database to ask, so an unknown name is given the benefit of
/// the doubt).
pub fn refusal(term: Option<&str>, known: impl Fn(&str) -> Option<bool>) -> Option<String> {
    const FIX: &str = "If it is a terminal emulator, tell kubestory so: `TERM=xterm-256color kubestory`. \
         (`kubestory sim`, `lint` and `list` work anywhere.)";
    let term = term.map(str::trim).unwrap_or_default();
    if term.is_empty() {
        return Some(format!(
            "kubestory needs a full-screen terminal, and TERM is not set, so it cannot tell \
             what this terminal understands.\n{FIX}"
        ));
    }
    if DUMB.contains(&term) {
        return Some(format!(
            "kubestory needs a full-screen terminal, and TERM={term} says this one cannot \
             move its cursor.\n{FIX}"
        ));
    }
    let family = ANSI_FAMILIES.iter().any(|f| {
        term.strip_prefix(f)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['-', '.']))
    });
    if !family && known(term) == Some(false) {
        return Some(format!(
            "kubestory needs a full-screen terminal, and TERM={term} names no terminal this \
             machine knows (it has no terminfo entry for it).\n{FIX} Or install the terminal's \
             terminfo entry."
        ));
    }
    None
}

/// [`refusal`] for this process's `TERM` and terminfo database.
pub fn refusal_here() -> Option<String> {
    let term = std::env::var("TERM").ok();
    let dirs = terminfo_dirs();
    refusal(term.as_deref(), |t| has_terminfo(t, &dirs))
}

/// The folders ncurses searches, in its order: `$TERMINFO`, `~/.terminfo`, `$TERMINFO_DIRS`
/// (an empty element stands for the system's folders), then [`SYSTEM_TERMINFO_DIRS`].
pub fn terminfo_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(d) = std::env::var_os("TERMINFO").filter(|d| !d.is_empty()) {
        dirs.push(PathBuf::from(d));
    }
    if let Some(home) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        dirs.push(Path::new(&home).join(".terminfo"));
    }
    if let Some(list) = std::env::var_os("TERMINFO_DIRS") {
        dirs.extend(
            std::env::split_paths(&list)
                .filter(|d| !d.as_os_str().is_empty())
                .collect::<Vec<_>>(),
        );
    }
    dirs.extend(SYSTEM_TERMINFO_DIRS.iter().map(PathBuf::from));
    dirs
}

/// Whether one of `dirs` holds a terminfo entry for `term` (`x/xterm` or, on macOS,
/// `78/xterm`). `None` when none of them is a terminfo database at all (none has `dumb`,
/// which every database has): a system without terminfo (a minimal container, a BSD with a
/// hashed database) cannot say.
pub fn has_terminfo(term: &str, dirs: &[PathBuf]) -> Option<bool> {
    let entry = |dir: &Path, name: &str| {
        let Some(first) = name.chars().next() else {
            return false;
        };
        dir.join(first.to_string()).join(name).is_file()
            || dir.join(format!("{:x}", first as u32)).join(name).is_file()
    };
    let mut database = false;
    for dir in dirs {
        if !term.contains(['/', '\\']) && !term.starts_with('.') && entry(dir, term) {
            return Some(true);
        }
        database |= entry(dir, "dumb");
    }
    database.then_some(false)
}

/// Whether the locale's character set is UTF-8. The first of `LC_ALL`, `LC_CTYPE` and `LANG`
/// that is set and not empty decides, as in POSIX; none at all is the C locale (ASCII).
pub fn utf8_locale(lc_all: Option<&str>, lc_ctype: Option<&str>, lang: Option<&str>) -> bool {
    [lc_all, lc_ctype, lang]
        .into_iter()
        .flatten()
        .find(|v| !v.is_empty())
        .is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            v.contains("utf-8") || v.contains("utf8")
        })
}

/// [`utf8_locale`] for this process's environment.
pub fn utf8_locale_here() -> bool {
    let var = |name| std::env::var(name).ok();
    utf8_locale(
        var("LC_ALL").as_deref(),
        var("LC_CTYPE").as_deref(),
        var("LANG").as_deref(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumb_unset_and_empty_terminals_are_refused() {
        let knows_all = |_: &str| Some(true);
        for term in [None, Some(""), Some("  "), Some("dumb"), Some("unknown")] {
            let why = refusal(term, knows_all);
            assert!(why.is_some(), "{term:?} accepted");
            assert!(why.unwrap().contains("TERM=xterm-256color"));
        }
    }

    #[test]
    fn known_terminals_and_ansi_families_are_accepted() {
        let knows_none = |_: &str| Some(false);
        for term in [
            "xterm-256color",
            "xterm-kitty",
            "xterm-ghostty",
            "screen.xterm-256color",
            "tmux-256color",
            "alacritty",
            "linux",
            "st-256color",
        ] {
            assert_eq!(refusal(Some(term), knows_none), None, "{term}");
        }
        assert_eq!(refusal(Some("hp2621"), |_| Some(true)), None);
    }

    #[test]
    fn an_unknown_name_is_refused_only_when_a_database_says_so() {
        assert!(refusal(Some("xtrem"), |_| Some(false)).is_some());
        assert!(refusal(Some("stupid"), |_| Some(false)).is_some());
        assert_eq!(refusal(Some("xtrem"), |_| None), None);
    }

    #[test]
    fn terminfo_entries_are_found_in_both_layouts() {
        let root = std::env::temp_dir().join(format!("ks-terminfo-{}", std::process::id()));
        let linux = root.join("linux");
        let mac = root.join("mac");
        for (dir, sub) in [(&linux, "d"), (&linux, "x"), (&mac, "64"), (&mac, "78")] {
            std::fs::create_dir_all(dir.join(sub)).unwrap();
        }
        std::fs::write(linux.join("d/dumb"), "").unwrap();
        std::fs::write(linux.join("x/xterm"), "").unwrap();
        std::fs::write(mac.join("64/dumb"), "").unwrap();
        std::fs::write(mac.join("78/xterm"), "").unwrap();
        for dir in [&linux, &mac] {
            let dirs = vec![dir.clone()];
            assert_eq!(has_terminfo("xterm", &dirs), Some(true));
            assert_eq!(has_terminfo("xyz", &dirs), Some(false));
            assert_eq!(has_terminfo("../x/xterm", &dirs), Some(false));
        }
        assert_eq!(has_terminfo("xterm", &[root.join("none")]), None);
        let _ = std::fs::remove_dir_all(&root);
    }

    #[test]
    fn the_locale_decides_in_posix_order() {
        assert!(utf8_locale(None, None, Some("en_US.UTF-8")));
        assert!(utf8_locale(None, None, Some("C.utf8")));
        assert!(utf8_locale(None, Some("UTF-8"), Some("C")));
        assert!(!utf8_locale(Some("C"), None, Some("en_US.UTF-8")));
        assert!(!utf8_locale(Some(""), Some("POSIX"), Some("en_US.UTF-8")));
        assert!(!utf8_locale(None, None, Some("en_US.ISO-8859-1")));
        assert!(!utf8_locale(None, None, None));
        assert!(!utf8_locale(Some(""), Some(""), Some("")));
    }
}
