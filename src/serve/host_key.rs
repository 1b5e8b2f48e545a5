//! The server's host key: generated once (Ed25519) and kept in the state folder, so students
//! who connect again are not warned that the host changed. The file is the OpenSSH private key
//! format, readable by the teacher only (0600 on Unix).

use russh::keys::ssh_key::{HashAlg, LineEnding, PrivateKey};
use std::path::{Path, PathBuf};

/// Where the host key is kept, inside the state folder.
pub fn path(state_dir: &Path) -> PathBuf {
    state_dir.join("server").join("host_ed25519")
}

/// Why the host key could not be had.
#[derive(Debug, thiserror::Error)]
pub enum HostKeyError {
    /// The file or its folder could not be read or written.
    #[error("host key {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not an OpenSSH private key.
    #[error(
        "host key {path} is not an OpenSSH private key ({reason}); move it away and kubestory makes a new one (students will be warned once that the host key changed)"
    )]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The decoder's words.
        reason: String,
    },
    /// A key could not be generated.
    #[error("cannot generate a host key: {0}")]
    Generate(String),
}

/// The largest host key file read (an Ed25519 key is about 400 bytes).
const MAX_KEY_BYTES: u64 = 64 * 1024;

/// The host key kept in `state_dir`, made and saved on first use. Says whether it is new.
pub fn load_or_create(state_dir: &Path) -> Result<(PrivateKey, bool), HostKeyError> {
    let file = path(state_dir);
    let io = |source| HostKeyError::Io {
        path: file.clone(),
        source,
    };
    match crate::kubectl::file_source::read_regular(&file, MAX_KEY_BYTES) {
        Ok(text) => {
            let key = PrivateKey::from_openssh(text.as_bytes()).map_err(|e| {
                HostKeyError::Unreadable {
                    path: file.clone(),
                    reason: e.to_string(),
                }
            })?;
            return Ok((key, false));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    let key = PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519)
        .map_err(|e| HostKeyError::Generate(e.to_string()))?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| HostKeyError::Generate(e.to_string()))?;
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    write_private(&file, text.as_bytes()).map_err(io)?;
    Ok((key, true))
}

/// The key's SHA-256 fingerprint as `ssh` prints it when it first meets the host.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

/// Writes a new file readable by its owner only, whole or not at all.
fn write_private(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = file.parent().unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(file).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (a, new_a) = load_or_create(dir.path()).unwrap();
        let (b, new_b) = load_or_create(dir.path()).unwrap();
        assert!(new_a && !new_b);
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert!(fingerprint(&a).starts_with("SHA256:"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path(dir.path()))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_damaged_key_is_reported_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("server")).unwrap();
        std::fs::write(path(dir.path()), "not a key").unwrap();
        let e = load_or_create(dir.path()).unwrap_err().to_string();
        assert!(e.contains("is not an OpenSSH private key"), "{e}");
        assert_eq!(
            std::fs::read_to_string(path(dir.path())).unwrap(),
            "not a key"
        );
    }
}
