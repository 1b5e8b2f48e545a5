//! Deterministic stand-ins for the places where Kubernetes is random: UIDs, pod name
//! suffixes, pod-template hashes. Seeded, so a script prints the same names on every run.

/// A small seeded generator (SplitMix64). Part of the cluster state, so undo restores it too.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rng {
    state: u64,
}

/// The alphabet of `k8s.io/apimachinery/pkg/util/rand` (no vowels, no confusable characters).
const SAFE_ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";

impl Rng {
    /// A generator with this seed.
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A version-4 UUID string, as the API server assigns to `metadata.uid`.
    pub fn uuid(&mut self) -> String {
        let a = self.next_u64();
        let b = self.next_u64();
        let time_hi = ((a >> 16) & 0x0fff) | 0x4000;
        let clock = ((b >> 48) & 0x3fff) | 0x8000;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            a >> 32,
            a & 0xffff,
            time_hi,
            clock,
            b & 0xffff_ffff_ffff
        )
    }

    /// `n` characters from the safe alphabet: the suffix of `generateName` (`story-7d9f8-x5kqz`).
    pub fn suffix(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| SAFE_ALPHABET[(self.next_u64() % SAFE_ALPHABET.len() as u64) as usize] as char)
            .collect()
    }
}

/// The `pod-template-hash` of a Deployment's template: FNV-32a of the template, then
/// `rand.SafeEncodeString` of its decimal digits, as `controller.ComputeHash` does. The input
/// is our JSON rendering of the template rather than Go's spew dump, so the values differ from a
/// real cluster's, but the shape (`6d8f7b9c4`) and the stability (same template, same hash) hold.
pub fn pod_template_hash(template_json: &str, collision_count: u32) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    let mut feed = |bytes: &[u8]| {
        for b in bytes {
            hash ^= u32::from(*b);
            hash = hash.wrapping_mul(0x0100_0193);
        }
    };
    feed(template_json.as_bytes());
    if collision_count > 0 {
        feed(&collision_count.to_le_bytes());
    }
    hash.to_string()
        .bytes()
        .map(|b| SAFE_ALPHABET[usize::from(b) % SAFE_ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_names() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        assert_eq!(a.uuid(), b.uuid());
        assert_eq!(a.suffix(5), b.suffix(5));
    }

    #[test]
    fn uuid_has_the_v4_shape() {
        let id = Rng::new(1).uuid();
        let parts: Vec<&str> = id.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            vec![8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'));
    }

    #[test]
    fn template_hash_is_stable_and_safe() {
        let h = pod_template_hash("{\"a\":1}", 0);
        assert_eq!(h, pod_template_hash("{\"a\":1}", 0));
        assert_ne!(h, pod_template_hash("{\"a\":2}", 0));
        assert!(h.bytes().all(|c| SAFE_ALPHABET.contains(&c)));
    }
}
