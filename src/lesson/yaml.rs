//! The one module that names `serde_yaml` (deprecated upstream; a maintained fork such as
//! `serde_yaml_ng` is a one-line swap here).

use serde::de::DeserializeOwned;

/// A YAML or shape error with its 1-based position, when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YamlError {
    /// 1-based line (1 when unknown).
    pub line: u32,
    /// 1-based column (1 when unknown).
    pub column: u32,
    /// serde_yaml's message without its trailing position.
    pub message: String,
}

/// Reads one YAML document into `T`. serde_yaml refuses alias expansion beyond a fixed
/// budget ("repetition limit exceeded") and deep recursion; both come back as errors.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e
            .location()
            .map(|l| (l.line() as u32, l.column() as u32))
            .unwrap_or((1, 1));
        let mut message = e.to_string();
        if let Some(cut) = message.find(" at line ") {
            message.truncate(cut);
        }
        YamlError {
            line: line.max(1),
            column: column.max(1),
            message,
        }
    })
}
