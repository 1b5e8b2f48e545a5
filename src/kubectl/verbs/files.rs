//! Reading the paths given to `-f`, as cli-runtime's builder does (kubernetes/kubernetes
//! `staging/src/k8s.io/cli-runtime/pkg/resource/builder.go` `FilenameParam`, `Path`;
//! `visitor.go` `ExpandPathsToFileVisitors`): a file is read whatever its extension; a folder
//! gives its `.json`, `.yaml` and `.yml` files in name order, and its sub-folders' only with
//! `-R`. A missing path stops the whole command before anything is sent. A URL is one of the
//! official examples bundled in [`crate::kubectl::examples`], or fails as offline.

use super::super::file_source::{FileSource, Node};
use super::super::strings;

/// cli-runtime's `FileExtensions`.
const FILE_EXTENSIONS: &[&str] = &["json", "yaml", "yml"];
/// The most files one `-f` folder may expand to.
const MAX_FILES: usize = 500;
/// The most folder entries looked at for one `-f` folder (`-f / -R` must not walk a disk).
const MAX_ENTRIES: usize = 5000;
/// The deepest folder nesting followed with `-R`.
const MAX_DEPTH: usize = 32;

/// One file to load: the name kubectl shows in messages (the path as typed, joined with the
/// file's path inside a folder) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFile {
    /// `pvc.yaml`, `manifests/pvc.yaml`.
    pub name: String,
    /// The content (invalid UTF-8 replaced).
    pub text: String,
}

/// Why the paths could not be read: kubectl's builder errors (each shown on its own line, or
/// with `error: ` when alone), or a kubestory note for what kubestory cannot read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FilesError {
    /// kubectl's own errors (`the path "x" does not exist`), in order.
    Kubectl(Vec<String>),
    /// A kubestory limitation (`-f -`), or kubectl's offline error for a URL with
    /// kubestory's line after it.
    Kubestory(String),
}

/// Reads every path of `-f` in order.
pub fn read_paths(
    paths: &[String],
    recursive: bool,
    files: &dyn FileSource,
) -> Result<Vec<SourceFile>, FilesError> {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for typed in paths {
        if typed == "-" {
            return Err(FilesError::Kubestory(
                strings::STDIN_NOT_SIMULATED.to_string(),
            ));
        }
        if typed.starts_with("http://") || typed.starts_with("https://") {
            // The official examples are bundled; any other URL fails as offline.
            match crate::kubectl::examples::example_for_url(typed) {
                Some((_, text)) => {
                    out.push(SourceFile {
                        name: typed.clone(),
                        text: text.to_string(),
                    });
                    continue;
                }
                None => {
                    return Err(FilesError::Kubestory(
                        crate::kubectl::examples::offline_error(typed),
                    ));
                }
            }
        }
        match files.node(typed) {
            Node::Missing => errors.push(format!(
                "the path {} does not exist",
                crate::kubectl::goparse::quote(typed)
            )),
            Node::Folder => {
                let before = out.len();
                let mut budget = MAX_ENTRIES;
                walk(files, typed, recursive, 0, &mut budget, &mut out);
                if out.len() == before {
                    errors.push(format!(
                        "error reading [{typed}]: recognized file extensions are [.json .yaml .yml]"
                    ));
                }
            }
            Node::File => match files.read(typed) {
                Some(text) => out.push(SourceFile {
                    name: typed.clone(),
                    text,
                }),
                None => errors.push(format!(
                    "the path {} cannot be accessed",
                    crate::kubectl::goparse::quote(typed)
                )),
            },
            Node::Other => {
                return Err(FilesError::Kubestory(strings::not_a_regular_file(typed)));
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(FilesError::Kubectl(errors))
    }
}

/// `filepath.Walk` in lexical order: files of known extensions, sub-folders with `-R`.
fn walk(
    files: &dyn FileSource,
    shown: &str,
    recursive: bool,
    depth: usize,
    budget: &mut usize,
    out: &mut Vec<SourceFile>,
) {
    for name in files.list(shown, MAX_ENTRIES) {
        if out.len() >= MAX_FILES || *budget == 0 {
            return;
        }
        *budget -= 1;
        let shown_path = format!("{}/{name}", shown.trim_end_matches('/'));
        match files.node(&shown_path) {
            Node::Folder if recursive && depth < MAX_DEPTH => {
                walk(files, &shown_path, recursive, depth + 1, budget, out);
            }
            Node::File => {
                let known = std::path::Path::new(&name)
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| FILE_EXTENSIONS.contains(&e));
                if known && let Some(text) = files.read(&shown_path) {
                    out.push(SourceFile {
                        name: shown_path,
                        text,
                    });
                }
            }
            _ => {}
        }
    }
}

/// Reads one file named by the learner (`--patch-file`): `None` when it cannot be read.
pub fn read_one(typed: &str, files: &dyn FileSource) -> Option<String> {
    match files.node(typed) {
        Node::File => files.read(typed),
        _ => None,
    }
}
