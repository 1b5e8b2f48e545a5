//! [`KubectlError`]: everything that stops a kubectl command before it reaches the cluster,
//! displayed as exactly what kubectl v1.34 writes to stderr.
//!
//! kubectl prints errors through `cmdutil.CheckErr` (kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go`): plain errors get an `error: ` prefix,
//! API errors are shown as `Error from server (Reason): …`, and a final newline is added when
//! missing. `Display` reproduces those bytes, trailing newline included, so that
//! `eprint!("{err}")` matches a real terminal. kubestory's own advice (a did-you-mean hint, a
//! "not simulated" note) is never mixed into kubectl's text: see [`KubectlError::hint`].

use super::output::Output;
use super::tokenize::TokenizeError;
use thiserror::Error;

/// A command-line error, displayed as kubectl's exact stderr text (ending in `\n`).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum KubectlError {
    /// The line could not be split into words (kubestory's own message; a shell would refuse
    /// such a line before kubectl runs).
    #[error("kubestory: {0}\n")]
    Tokenize(#[from] TokenizeError),

    /// cobra's `unknown command %q for %q` with its "Did you mean this?" block
    /// (spf13/cobra `command.go` `findSuggestions`, `args.go` `legacyArgs`).
    #[error(
        "error: unknown command {} for \"kubectl\"{}\n",
        super::goparse::quote(command),
        did_you_mean(suggestions)
    )]
    UnknownCommand {
        /// The word typed where a command was expected.
        command: String,
        /// Commands cobra suggests (Levenshtein distance ≤ 2, prefix, or `SuggestFor`).
        suggestions: Vec<String>,
    },

    /// A pflag parse error wrapped by kubectl's flag error function (kubectl
    /// `util/templates/templater.go` `FlagErrorFunc`): `error: <pflag text>` and
    /// `See '<command> --help' for usage.`
    #[error("error: {message}\nSee '{command_path} --help' for usage.\n")]
    Flag {
        /// pflag's message (`unknown flag: --foo`, `flag needs an argument: 'n' in -n`…).
        message: String,
        /// The command path (`kubectl get`).
        command_path: String,
    },

    /// `cmdutil.UsageErrorf`: `error: <message>` and `See '<command> -h' for help and examples`.
    #[error(
        "{}\nSee '{command_path} -h' for help and examples\n",
        with_error_prefix(message)
    )]
    Usage {
        /// The message.
        message: String,
        /// The command path (`kubectl drain`).
        command_path: String,
    },

    /// `kubectl get` with no resource type (kubectl `cmd/get/get.go` `Complete`): a line on
    /// stderr, a blank line, then a usage error.
    #[error(
        "You must specify the type of resource to get. Use \"kubectl api-resources\" for a \
         complete list of supported resources.\n\nerror: Required resource not specified.\nUse \
         \"kubectl explain <resource>\" for a detailed description of that resource (e.g. \
         kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n"
    )]
    GetWithoutType,

    /// An unknown resource type (cli-runtime `resource/builder.go` `mappingFor`).
    #[error(
        "error: the server doesn't have a resource type {}\n",
        super::goparse::quote(resource)
    )]
    UnknownResourceType {
        /// The resource part of the argument, as typed (`pvcs` for `pvcs.apps`).
        resource: String,
        /// kubestory's did-you-mean suggestion (`pvc`), shown only by [`Self::hint`].
        suggestion: Option<String>,
    },

    /// A real kubectl resource type that kubestory's cluster does not simulate (`svc`, `jobs`).
    #[error(
        "kubestory: {resource:?} is a real Kubernetes resource type, but this simulated cluster \
         only has pods, persistentvolumeclaims (pvc), persistentvolumes (pv), storageclasses \
         (sc), deployments, replicasets, statefulsets, configmaps, secrets, namespaces, nodes \
         and events\n"
    )]
    ResourceNotSimulated {
        /// The resource as typed.
        resource: String,
    },

    /// `unable to match a printer suitable for the output format …` (cli-runtime
    /// `genericclioptions/print_flags.go` `NoCompatiblePrinterError`).
    #[error(
        "error: unable to match a printer suitable for the output format {}, allowed formats are: {}\n",
        super::goparse::quote(format),
        allowed.join(",")
    )]
    NoCompatiblePrinter {
        /// The `-o` value as typed.
        format: String,
        /// The allowed formats, sorted.
        allowed: Vec<String>,
    },

    /// An error the API server would return (`Error from server (BadRequest): …`); one line per
    /// failed request, as kubectl prints an aggregate.
    #[error("{}", server_lines(.0))]
    Server(Vec<String>),

    /// Any other error kubectl prints through `CheckErr` (`error: ` is prepended unless the
    /// message already starts with it; a final newline is added when missing).
    #[error("{}", finish(&with_error_prefix(.0)))]
    Message(String),

    /// Text kubectl prints verbatim to stderr before exiting with status 1.
    #[error("{}", finish(.0))]
    Raw(String),

    /// A real kubectl feature kubestory does not simulate; the text explains what to do instead.
    #[error("kubestory: {0}\n")]
    NotSimulated(String),

    /// `-h`/`--help` or a bare command that would print kubectl's help.
    #[error(
        "kubestory: kubectl's help text is not reproduced here. Try `kubectl {topic}` with a \
         resource, for example `kubectl get pvc`; the lesson's hints list the commands it uses.\n"
    )]
    Help {
        /// The command whose help was asked for (`get`), or empty for the root.
        topic: String,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        return String::new();
    }
    let mut s = String::from("\n\nDid you mean this?\n");
    for name in suggestions {
        s.push('\t');
        s.push_str(name);
        s.push('\n');
    }
    // cobra's message already ends with a newline; `fatal` adds none, and our format adds one.
    s.pop();
    s
}

fn with_error_prefix(message: &str) -> String {
    if message.starts_with("error: ") {
        message.to_string()
    } else {
        format!("error: {message}")
    }
}

fn finish(message: &str) -> String {
    if message.ends_with('\n') {
        message.to_string()
    } else {
        format!("{message}\n")
    }
}

fn server_lines(lines: &[String]) -> String {
    lines.iter().map(|l| finish(l)).collect()
}

impl KubectlError {
    /// A `CheckErr`-style error with this message.
    pub fn message(text: impl Into<String>) -> KubectlError {
        KubectlError::Message(text.into())
    }

    /// kubestory's advice to show after kubectl's text, if any (never part of `Display`).
    pub fn hint(&self) -> Option<String> {
        match self {
            KubectlError::UnknownResourceType {
                suggestion: Some(s),
                ..
            } => Some(format!(
                "kubestory: did you mean {s:?}? (`kubectl api-resources` lists the types)"
            )),
            _ => None,
        }
    }

    /// kubectl's exact output for this error: its text on stderr and a failed status.
    pub fn to_output(&self) -> Output {
        let mut out = Output::new();
        out.err(self.to_string()).fail();
        out
    }

    /// [`Self::to_output`] followed by kubestory's hint line on stderr, when there is one.
    pub fn to_output_with_hint(&self) -> Output {
        let mut out = self.to_output();
        if let Some(hint) = self.hint() {
            out.err_line(hint);
        }
        out
    }
}
