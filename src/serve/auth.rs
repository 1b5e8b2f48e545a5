//! Who may join the class: the class code (asked as the SSH password, or by
//! keyboard-interactive), the student's name (their SSH user name), and a limit on failed
//! logins per address so the code cannot be guessed. Pure: the caller passes the time in.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Duration;

/// The letters of a generated class code: no 0/O, 1/l/I, so it reads aloud and off a
/// projector without mistakes.
const CODE_ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";

/// How long a generated code is: 8 letters of 32 is 40 bits, far beyond what the failed-login
/// limit lets anyone try during a class.
pub const CODE_LEN: usize = 8;

/// The longest class code `--code` accepts (and the longest answer compared).
pub const MAX_CODE_LEN: usize = 64;

/// Why a `--code` is refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CodeError {
    /// Too short to keep anyone out.
    #[error("the class code must be at least 4 characters (it keeps strangers out of the class)")]
    TooShort,
    /// Longer than [`MAX_CODE_LEN`].
    #[error("the class code must be at most {MAX_CODE_LEN} characters")]
    TooLong,
    /// Holds spaces or control characters, which students cannot type reliably.
    #[error("the class code must be printable characters without spaces")]
    NotPrintable,
}

/// Checks a code given with `--code`.
pub fn check_code(code: &str) -> Result<(), CodeError> {
    if code.chars().count() < 4 {
        return Err(CodeError::TooShort);
    }
    if code.len() > MAX_CODE_LEN {
        return Err(CodeError::TooLong);
    }
    if code.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(CodeError::NotPrintable);
    }
    Ok(())
}

/// A fresh random class code of [`CODE_LEN`] letters.
pub fn new_code() -> String {
    use rand::RngExt;
    let mut rng = rand::rng();
    (0..CODE_LEN)
        .map(|_| CODE_ALPHABET[rng.random_range(0..CODE_ALPHABET.len())] as char)
        .collect()
}

/// Whether `given` is the class code, in time independent of where they differ (a timing
/// side channel would let the code be found letter by letter).
pub fn code_matches(code: &str, given: &[u8]) -> bool {
    let code = code.as_bytes();
    if given.len() != code.len() {
        return false;
    }
    code.iter()
        .zip(given)
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

/// Failed logins per address: after [`RateLimit::new`]'s `allowed` failures within the
/// cooldown, every login from that address is refused until the cooldown has passed since the
/// last failure. Bounded: at most [`MAX_TRACKED`] addresses are remembered (the oldest are
/// forgotten first).
#[derive(Debug)]
pub struct RateLimit {
    allowed: u32,
    cooldown: Duration,
    failures: HashMap<IpAddr, (u32, Duration)>,
}

/// The most addresses [`RateLimit`] remembers.
pub const MAX_TRACKED: usize = 10_000;

impl RateLimit {
    /// Allows `allowed` failures per address, then refuses it for `cooldown`.
    pub fn new(allowed: u32, cooldown: Duration) -> RateLimit {
        RateLimit {
            allowed,
            cooldown,
            failures: HashMap::new(),
        }
    }

    /// Whether `ip` may try to log in at `now` (time since the server started).
    pub fn allows(&self, ip: IpAddr, now: Duration) -> bool {
        match self.failures.get(&ip) {
            Some(&(count, last)) => count < self.allowed || now >= last + self.cooldown,
            None => true,
        }
    }

    /// Records a failed login.
    pub fn failed(&mut self, ip: IpAddr, now: Duration) {
        if self.failures.len() >= MAX_TRACKED && !self.failures.contains_key(&ip) {
            let cooldown = self.cooldown;
            self.failures.retain(|_, (_, last)| now < *last + cooldown);
            if self.failures.len() >= MAX_TRACKED
                && let Some(oldest) = self
                    .failures
                    .iter()
                    .min_by_key(|(_, (_, last))| *last)
                    .map(|(ip, _)| *ip)
            {
                self.failures.remove(&oldest);
            }
        }
        let entry = self.failures.entry(ip).or_insert((0, now));
        if now >= entry.1 + self.cooldown {
            entry.0 = 0;
        }
        entry.0 += 1;
        entry.1 = now;
    }

    /// Records a successful login: the address starts afresh.
    pub fn succeeded(&mut self, ip: IpAddr) {
        self.failures.remove(&ip);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(n: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, n])
    }

    #[test]
    fn code_matches_only_the_whole_code() {
        assert!(code_matches("abcd2345", b"abcd2345"));
        assert!(!code_matches("abcd2345", b"abcd2346"));
        assert!(!code_matches("abcd2345", b"abcd234"));
        assert!(!code_matches("abcd2345", b"abcd23456"));
        assert!(!code_matches("abcd2345", b""));
    }

    #[test]
    fn new_codes_use_the_unambiguous_alphabet() {
        let a = new_code();
        assert_eq!(a.len(), CODE_LEN);
        assert!(a.bytes().all(|b| CODE_ALPHABET.contains(&b)), "{a}");
        assert_ne!(a, new_code(), "two codes in a row differ");
        assert!(check_code(&a).is_ok());
    }

    #[test]
    fn check_code_refuses_what_students_cannot_type() {
        assert_eq!(check_code("abc"), Err(CodeError::TooShort));
        assert_eq!(check_code("ab cd"), Err(CodeError::NotPrintable));
        assert_eq!(check_code(&"x".repeat(65)), Err(CodeError::TooLong));
        assert!(check_code("k8s-Rocks!").is_ok());
    }

    #[test]
    fn an_address_that_fails_too_often_waits_for_the_cooldown() {
        let mut r = RateLimit::new(3, Duration::from_secs(60));
        let t = Duration::from_secs;
        for i in 0..3 {
            assert!(r.allows(ip(1), t(i)));
            r.failed(ip(1), t(i));
        }
        assert!(!r.allows(ip(1), t(10)), "three failures: refused");
        assert!(r.allows(ip(2), t(10)), "another address is not affected");
        assert!(
            !r.allows(ip(1), t(61)),
            "the cooldown runs from the last failure"
        );
        assert!(r.allows(ip(1), t(62)));
        r.failed(ip(1), t(62));
        assert!(
            r.allows(ip(1), t(63)),
            "after the cooldown the count starts over"
        );
    }

    #[test]
    fn success_forgets_the_failures() {
        let mut r = RateLimit::new(2, Duration::from_secs(60));
        r.failed(ip(1), Duration::ZERO);
        r.succeeded(ip(1));
        r.failed(ip(1), Duration::ZERO);
        assert!(r.allows(ip(1), Duration::ZERO));
    }

    #[test]
    fn the_table_of_addresses_is_bounded() {
        let mut r = RateLimit::new(1, Duration::from_secs(60));
        for i in 0..(MAX_TRACKED as u32 + 50) {
            r.failed(
                IpAddr::from(i.to_be_bytes()),
                Duration::from_millis(i as u64),
            );
        }
        assert!(r.failures.len() <= MAX_TRACKED);
    }
}
