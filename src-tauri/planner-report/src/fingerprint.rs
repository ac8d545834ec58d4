//! Stable 64-bit fingerprints (FNV-1a), so the same plan on the same date gives byte-identical
//! PDFs: printpdf would otherwise name fonts and the file from a process-wide counter.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0100_0000_01b3;

pub(crate) fn fingerprint(parts: &[&str]) -> u64 {
    let mut hash = OFFSET;
    for part in parts {
        // Length first, so ("ab", "c") and ("a", "bc") differ.
        for byte in part.len().to_le_bytes().iter().chain(part.as_bytes()) {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

/// Six capital letters, as a PDF subset-font tag must be (ISO 32000-1, 9.6.4).
pub(crate) fn subset_tag(hash: u64) -> String {
    let mut rest = hash;
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (rest % 26) as u8);
            rest /= 26;
            letter
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_separate_parts() {
        assert_eq!(fingerprint(&["plan"]), fingerprint(&["plan"]));
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
    }

    #[test]
    fn subset_tags_are_six_capitals() {
        for hash in [0, 1, u64::MAX, fingerprint(&["Łódź"])] {
            let tag = subset_tag(hash);
            assert_eq!(tag.len(), 6, "{tag}");
            assert!(tag.chars().all(|c| c.is_ascii_uppercase()), "{tag}");
        }
    }
}
