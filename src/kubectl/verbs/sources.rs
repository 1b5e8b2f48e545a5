//! `-f` as the verbs see it: every document of every file, in order, either ready to send or
//! refused, the way cli-runtime's builder with `ContinueOnError` visits them (kubernetes/
//! kubernetes `staging/src/k8s.io/cli-runtime/pkg/resource/builder.go`, `visitor.go`
//! `StreamVisitor`, `ContinueOnErrorVisitor`).

use super::files::{FilesError, read_paths};
use super::objects::Item;
use super::problems::{Problem, render_flat};
use crate::kubectl::execute::FileSource;
use crate::kubectl::{Invocation, Output};
use crate::manifest::{self, Document, Failure, ObjectRef};

/// One document of the files.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// Ready to send.
    Item(Box<Item>),
    /// Refused while reading, by kubectl itself (a YAML error, no `kind`, an unknown kind, a
    /// namespace that contradicts `-n`).
    ReadError(Problem),
    /// Read, but the API server refuses it when it is sent (unknown fields, validation).
    ServerError {
        /// kubectl's error.
        problem: Problem,
        /// The object, as far as the file says.
        object: ObjectRef,
        /// The file.
        file: String,
    },
}

/// Reads and loads every `-f` path. `Err` is what kubectl prints when a path cannot be read
/// (nothing is sent then).
pub fn read(
    inv: &Invocation,
    files: &dyn FileSource,
    crds: manifest::Crds,
) -> Result<Vec<Entry>, Output> {
    let sources = match read_paths(&inv.flags.filenames, inv.flags.recursive, files) {
        Ok(s) => s,
        Err(FilesError::Kubectl(errors)) => {
            let problems: Vec<Problem> = errors.into_iter().map(Problem::Client).collect();
            let mut out = Output::new();
            out.err(render_flat(&problems, "")).fail();
            return Err(out);
        }
        Err(FilesError::Kubestory(note)) => {
            let mut out = Output::new();
            out.err_line(note).fail();
            return Err(out);
        }
    };
    let mut entries = Vec::new();
    for src in sources {
        let (docs, failures) = match manifest::load_for(&src.name, &src.text, crds) {
            Ok(docs) => (docs, Vec::new()),
            Err(e) => (e.loaded, e.failures),
        };
        let mut ordered: Vec<(usize, Result<Document, Failure>)> = docs
            .into_iter()
            .map(|d| (d.index, Ok(d)))
            .chain(failures.into_iter().map(|f| (f.document, Err(f))))
            .collect();
        ordered.sort_by_key(|(i, r)| (*i, r.is_err()));
        for (_, r) in ordered {
            entries.push(match r {
                Ok(doc) => match Item::place(&src.name, doc, &inv.flags) {
                    Ok(item) if item.matches(&inv.flags) => Entry::Item(Box::new(item)),
                    Ok(_) => continue,
                    Err(p) => Entry::ReadError(p),
                },
                Err(f) if f.kind.from_server() => Entry::ServerError {
                    object: f.object.clone(),
                    problem: load_problem(f, &src.name),
                    file: src.name.clone(),
                },
                Err(f) => Entry::ReadError(load_problem(f, &src.name)),
            });
        }
    }
    Ok(entries)
}

fn load_problem(failure: Failure, file: &str) -> Problem {
    Problem::Load {
        failure: Box::new(failure),
        file: file.to_string(),
    }
}

/// The pointer lines of problems the API server accepts but a controller will trip over,
/// printed after everything else, with kubestory's prefix (they are not kubectl's).
pub fn deferred_warnings(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        if let Entry::Item(item) = e {
            for d in &item.doc.warnings {
                out.push_str(&format!(
                    "{}{d}\n",
                    crate::manifest::diagnostic::POINTER_PREFIX
                ));
            }
        }
    }
    out
}
