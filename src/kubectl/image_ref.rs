//! Whether an image name is a valid reference, as `kubectl run` checks it
//! (github.com/distribution/reference `regexp.go` `ReferenceRegexp`:
//! `[domain[:port]/]path[:tag][@digest]`, path components lowercase).

/// `reference.ReferenceRegexp.MatchString(s)`.
pub fn is_valid_reference(s: &str) -> bool {
    let (name_tag, digest) = match s.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (s, None),
    };
    if digest.is_some_and(|d| !is_digest(d)) {
        return false;
    }
    let last_slash = name_tag.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match name_tag[last_slash..].rfind(':') {
        Some(i) => (
            &name_tag[..last_slash + i],
            Some(&name_tag[last_slash + i + 1..]),
        ),
        None => (name_tag, None),
    };
    if tag.is_some_and(|t| !is_tag(t)) {
        return false;
    }
    if is_path(name) {
        return true;
    }
    match name.split_once('/') {
        Some((domain, path)) => is_domain(domain) && is_path(path),
        None => false,
    }
}

fn is_tag(t: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut chars = t.chars();
    t.len() <= 128
        && chars.next().is_some_and(word)
        && chars.all(|c| word(c) || c == '.' || c == '-')
}

fn is_digest(d: &str) -> bool {
    let Some((algo, hex)) = d.split_once(':') else {
        return false;
    };
    let algo_ok = algo.split(['+', '.', '-', '_']).all(|c| {
        let mut cs = c.chars();
        cs.next().is_some_and(|f| f.is_ascii_alphabetic()) && cs.all(|x| x.is_ascii_alphanumeric())
    });
    algo_ok && hex.len() >= 32 && hex.chars().all(|c| c.is_ascii_hexdigit())
}

/// `path-component ('/' path-component)*`, each `[a-z0-9]+` joined by `.`, `_`, `__` or `-+`.
fn is_path(p: &str) -> bool {
    !p.is_empty() && p.split('/').all(is_path_component)
}

fn is_path_component(c: &str) -> bool {
    let alnum = |ch: char| ch.is_ascii_lowercase() || ch.is_ascii_digit();
    let bytes: Vec<char> = c.chars().collect();
    if bytes.is_empty() || !alnum(bytes[0]) || !alnum(bytes[bytes.len() - 1]) {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        if alnum(bytes[i]) {
            i += 1;
            continue;
        }
        // A separator: `.`, `_`, `__` or one or more `-`.
        let start = i;
        while i < bytes.len() && !alnum(bytes[i]) {
            i += 1;
        }
        let sep: String = bytes[start..i].iter().collect();
        let ok = sep == "." || sep == "_" || sep == "__" || sep.chars().all(|x| x == '-');
        if !ok {
            return false;
        }
    }
    true
}

/// `host[:port]`, host a dotted domain name or a bracketed IPv6 address.
fn is_domain(d: &str) -> bool {
    let (host, port) = if let Some(rest) = d.strip_prefix('[') {
        match rest.split_once(']') {
            Some((ip6, after)) => {
                let ok = !ip6.is_empty() && ip6.chars().all(|c| c.is_ascii_hexdigit() || c == ':');
                if !ok {
                    return false;
                }
                ("ok", after.strip_prefix(':'))
            }
            None => return false,
        }
    } else {
        match d.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (d, None),
        }
    };
    if port.is_some_and(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    host.split('.').all(|c| {
        !c.is_empty()
            && c.chars().all(|x| x.is_ascii_alphanumeric() || x == '-')
            && !c.starts_with('-')
            && !c.ends_with('-')
    })
}

#[cfg(test)]
mod tests {
    use super::is_valid_reference;

    /// distribution/reference `reference_test.go` `TestReferenceParse` cases.
    #[test]
    fn references_as_distribution_parses_them() {
        for ok in [
            "nginx",
            "nginx:1.27",
            "busybox:1.28",
            "registry.k8s.io/pause:3.10",
            "localhost:5000/foo/bar:tag",
            "test_com/foo",
            "test__com",
            "a-----b",
            "[2001:db8::1]:5000/repo",
            "foo@sha256:ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "docker.io/library/nginx:latest",
        ] {
            assert!(is_valid_reference(ok), "{ok}");
        }
        for bad in [
            "",
            "Nginx",
            "nginx:",
            ":tag",
            "a_-b",
            "foo/",
            "-foo",
            "nginx:-bad",
            "foo@sha256:abc",
            "a___b",
        ] {
            assert!(!is_valid_reference(bad), "{bad}");
        }
    }
}
