//! The errors a command collects while it runs, printed at the end as kubectl's `CheckErr`
//! prints what `Run` returns (kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/cmd/util/
//! helpers.go` `checkErr`, `StandardErrorMessage`, `MultipleErrors`, `MultilineError`,
//! `AddSourceToErr`; apimachinery `util/errors` `aggregate.Error`):
//! - one error: kubectl's own get `error: `; an API error `Error from server (Reason): `; an
//!   Invalid error with details `The <Kind> "<name>" is invalid: ` and its causes;
//! - several: one line each, API errors with their `Error from server (…)` prefix, kubectl's
//!   own errors bare.
//!
//! kubestory's pointer lines for refused manifests follow kubectl's text, each starting with
//! [`POINTER_PREFIX`].

use crate::manifest::diagnostic::POINTER_PREFIX;
use crate::manifest::messages as msg;
use crate::manifest::{Failure, render};
use crate::sim::ApiError;

/// The details kubectl prints for an Invalid API error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// `details.kind` (`PersistentVolumeClaim`, `Deployment`: no group); empty when unknown.
    pub kind: String,
    /// `details.name`.
    pub name: String,
    /// The causes as `field: message`.
    pub causes: Vec<String>,
}

/// One error of a command.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// kubectl's own error, without `error: ` (`the path "x" does not exist`).
    Client(String),
    /// An API status error.
    Api {
        /// The status reason (`NotFound`).
        reason: String,
        /// The status message (`persistentvolumeclaims "x" not found`).
        message: String,
        /// Details of an Invalid error.
        invalid: Option<Box<Invalid>>,
    },
    /// A manifest document the loader refused, with its file.
    Load {
        /// The failure.
        failure: Box<Failure>,
        /// The file name as shown.
        file: String,
    },
}

impl Problem {
    /// An API error from the simulator.
    pub fn api(e: &ApiError) -> Problem {
        let invalid = match e {
            ApiError::Invalid { kind, name, causes } => Some(Box::new(Invalid {
                kind: kind.split('.').next().unwrap_or_default().to_string(),
                name: name.clone(),
                causes: causes.iter().map(|c| c.to_string()).collect(),
            })),
            _ => None,
        };
        Problem::Api {
            reason: e.reason().to_string(),
            message: e.to_string(),
            invalid,
        }
    }

    /// An API error with a message and no details.
    pub fn status(reason: &str, message: impl Into<String>) -> Problem {
        Problem::Api {
            reason: reason.to_string(),
            message: message.into(),
            invalid: None,
        }
    }

    /// `cmdutil.AddSourceToErr(verb, source, err)`.
    pub fn with_source(self, verb: &str, source: &str) -> Problem {
        if source.is_empty() {
            return self;
        }
        let prefix = format!("error when {verb} {}: ", msg::go_quote(source));
        match self {
            Problem::Client(text) => Problem::Client(format!("{prefix}{text}")),
            Problem::Api {
                reason,
                message,
                invalid,
            } => Problem::Api {
                reason,
                message: format!("{prefix}{message}"),
                invalid,
            },
            load => load,
        }
    }

    /// How kubectl prints this error alone (`single`) or among others.
    fn line(&self, single: bool, verb: &str) -> String {
        match self {
            Problem::Client(text) if single && !text.starts_with("error: ") => {
                format!("error: {text}")
            }
            Problem::Client(text) => text.clone(),
            Problem::Api {
                invalid: Some(inv), ..
            } if single => {
                if inv.kind.is_empty() && inv.name.is_empty() {
                    format!("The request is invalid: {}", inv.causes.join(", "))
                } else {
                    msg::kubectl_invalid(&inv.kind, &inv.name, &inv.causes)
                }
            }
            Problem::Api {
                reason, message, ..
            } => format!("Error from server ({reason}): {message}"),
            Problem::Load { failure, file } => render::kubectl_line(failure, file, verb, single),
        }
    }

    /// The text `err.Error()` gives (inside an aggregate printed as `[a, b]`).
    fn error_text(&self, verb: &str) -> String {
        match self {
            Problem::Client(text) => text.clone(),
            Problem::Api { message, .. } => message.clone(),
            Problem::Load { failure, file } => render::kubectl_line(failure, file, verb, false),
        }
    }
}

/// Renders errors returned as one flat list (`create`, `delete`, `patch`…), then the pointer
/// lines of refused manifests. Empty when there is no error.
pub fn render_flat(problems: &[Problem], verb: &str) -> String {
    render_grouped(&[], problems, verb)
}

/// Renders `apply`'s errors: those of reading the files (`GetObjects`, one aggregate) come
/// first, then those of each object. When the reading aggregate has several errors and objects
/// failed too, kubectl prints the aggregate on one line as `[a, b]`.
pub fn render_grouped(reading: &[Problem], objects: &[Problem], verb: &str) -> String {
    let mut out = String::new();
    let total = reading.len() + objects.len();
    if total == 0 {
        return out;
    }
    if reading.len() >= 2 && !objects.is_empty() {
        let mut seen: Vec<String> = Vec::new();
        for p in reading {
            let t = p.error_text(verb);
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
        out.push_str(&format!("[{}]\n", seen.join(", ")));
        for p in objects {
            push_line(&mut out, &p.line(false, verb));
        }
    } else {
        for p in reading.iter().chain(objects) {
            push_line(&mut out, &p.line(total == 1, verb));
        }
    }
    for p in reading.iter().chain(objects) {
        if let Problem::Load { failure, .. } = p {
            for d in &failure.diagnostics {
                out.push_str(&format!("{POINTER_PREFIX}{d}\n"));
            }
        }
    }
    out
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_and_multiple_errors_print_like_check_err() {
        let nf = Problem::status("NotFound", "pods \"a\" not found");
        assert_eq!(
            render_flat(std::slice::from_ref(&nf), "deleting"),
            "Error from server (NotFound): pods \"a\" not found\n"
        );
        let client = Problem::Client("the path \"x\" does not exist".into());
        assert_eq!(
            render_flat(std::slice::from_ref(&client), "creating"),
            "error: the path \"x\" does not exist\n"
        );
        assert_eq!(
            render_flat(&[client.clone(), nf.clone()], "creating"),
            "the path \"x\" does not exist\nError from server (NotFound): pods \"a\" not found\n"
        );
        assert_eq!(
            render_grouped(&[client.clone(), client.clone()], &[nf], "creating"),
            "[the path \"x\" does not exist]\nError from server (NotFound): pods \"a\" not found\n"
        );
    }

    #[test]
    fn invalid_alone_names_the_kind_without_group() {
        let e = ApiError::invalid(
            "Deployment.apps",
            "web",
            "spec.selector",
            "Invalid value",
            "x",
        );
        let p = Problem::api(&e).with_source("creating", "web.yaml");
        assert_eq!(
            render_flat(std::slice::from_ref(&p), "creating"),
            "The Deployment \"web\" is invalid: spec.selector: Invalid value: x\n"
        );
        assert_eq!(
            render_flat(&[p.clone(), p], "creating"),
            "Error from server (Invalid): error when creating \"web.yaml\": Deployment.apps \"web\" is invalid: spec.selector: Invalid value: x\n"
                .repeat(2)
        );
    }
}
