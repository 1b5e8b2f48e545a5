//! A load failure as `kubectl apply -f FILE` prints it, then kubestory's pointer lines
//! (prefixed `kubestory: `, as every line kubestory adds to kubectl's output).
//!
//! kubectl's shape (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go, `checkErr`):
//! - one error: kubectl errors get `error: `; API errors `Error from server (Reason): `; an
//!   Invalid error becomes `The <Kind> "<name>" is invalid: ` with its causes, one per line
//!   after `* ` when there are several (`MultilineError`);
//! - several errors (`MultipleErrors`): one line each, API errors with their
//!   `Error from server (…)` prefix, kubectl's own errors bare.
//!
//! Errors found while reading the file come first, then the API server's, as `apply` collects
//! them. API errors carry `error when <verb> "<file>": ` (`cmdutil.AddSourceToErr`).

use super::diagnostic::{Failure, FailureKind, LoadError};
use super::messages as msg;

/// Renders a load failure for a kubectl verb's gerund (`creating`, `applying`, `replacing`).
pub fn render(err: &LoadError, verb: &str) -> String {
    let mut ordered: Vec<&Failure> = err
        .failures
        .iter()
        .filter(|f| !f.kind.from_server())
        .collect();
    ordered.extend(err.failures.iter().filter(|f| f.kind.from_server()));
    let single = ordered.len() == 1;
    let mut out = String::new();
    for f in &ordered {
        out.push_str(&kubectl_line(f, &err.file, verb, single));
        out.push('\n');
    }
    for f in &ordered {
        for d in &f.diagnostics {
            out.push_str(super::diagnostic::POINTER_PREFIX);
            out.push_str(&d.to_string());
            out.push('\n');
        }
    }
    out
}

/// What kubectl prints for one failure.
pub fn kubectl_line(f: &Failure, file: &str, verb: &str, single: bool) -> String {
    let plain = match f.kind {
        FailureKind::Parse => msg::kubectl_parse(file, &f.reason),
        FailureKind::ClientValidation => msg::kubectl_validating(file, &f.reason),
        FailureKind::NoMatch => f.reason.clone(),
        FailureKind::BadRequest => {
            return format!(
                "Error from server (BadRequest): error when {verb} {}: {}",
                msg::go_quote(file),
                f.reason
            );
        }
        FailureKind::Invalid if single => {
            return msg::kubectl_invalid(&f.object.kind, &f.object.name, &f.causes);
        }
        FailureKind::Invalid => {
            return format!(
                "Error from server (Invalid): error when {verb} {}: {}",
                msg::go_quote(file),
                f.reason
            );
        }
    };
    if single {
        format!("error: {plain}")
    } else {
        plain
    }
}
