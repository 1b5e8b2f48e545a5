//! `kubectl edit TYPE NAME`, after kubernetes/kubernetes
//! `staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go` (`EditOptions.Run`,
//! `visitToPatch`, `editHeader.writeTo`, `editResults.addError`, `hasLines`) and
//! `cmd/util/helpers.go` (`StripComments`, `ManualStrip`).
//!
//! kubectl writes the object as YAML under a comment header into a temporary file, runs the
//! editor, and when it returns: the same content (comments aside) is "Edit cancelled, no
//! changes made."; a file without lines is "Edit cancelled, saved file was empty."; a syntax
//! error or an object the API server finds invalid reopens the editor with the reasons in the
//! header; a changed apiVersion, kind or name is refused; anything else is sent as a patch and
//! printed `pod/x edited`.
//!
//! The editor here is the kubestory app's own (`crate::ui::edit_session` drives [`begin`] and
//! [`finish`]). kubectl computes a strategic merge patch (`CreateTwoWayMergePatch`) for
//! built-in kinds; kubestory sends the JSON merge patch of the same two documents
//! ([`super::patching::create_merge_patch`]). Diffed from the object the learner saw, both
//! store the edited object: they differ only in how lists merge with a concurrent change,
//! which the simulated cluster never makes while the editor is open.

use super::patch::{current_value, merge_one, to_json};
use super::patching::create_merge_patch;
use super::problems::Problem;
use super::targets::{Found, find};
use crate::kubectl::execute::Context;
use crate::kubectl::{Invocation, Output, OutputFormat};
use serde_json::Value;

/// The header kubectl puts above the object (`editHeader.writeTo`, normal edit mode).
pub const HEADER: &str = "# Please edit the object below. Lines beginning with a '#' will be ignored,\n\
# and an empty file will abort the edit. If an error occurs while saving this file will be\n\
# reopened with the relevant failures.\n\
#\n";

/// The temporary file kubectl's editor works on (`edit.LaunchTempFile("kubectl-edit-", ".yaml")`:
/// Go's `os.CreateTemp` adds a random number; kubestory's is fixed so output is stable).
pub const TEMP_FILE: &str = "/tmp/kubectl-edit-1066381466.yaml";

/// One object being edited: what was fetched and what the editor was given.
#[derive(Clone, Debug, PartialEq)]
pub struct EditSession {
    /// The object.
    pub found: Found,
    /// Its JSON when it was fetched (the patch is computed from this).
    pub original: Value,
    /// The text the editor opened with (header and YAML).
    pub buffer: String,
    /// The command line, for the undo label.
    pub label: String,
}

/// What saving the editor's text led to.
#[derive(Debug)]
pub enum Finished {
    /// The edit is over (edited, skipped, cancelled or refused): kubectl's output.
    Done(Output),
    /// kubectl reopens the editor with this text (the reasons in its header) after printing
    /// the output.
    Reopen {
        /// The editor's new text.
        text: String,
        /// What kubectl printed before reopening.
        out: Output,
    },
}

/// In a `kubestory sim` script there is no editor to open.
pub fn not_interactive() -> Output {
    let mut out = Output::new();
    out.err_line(
        "kubestory: `kubectl edit` opens the object in an editor, which a script cannot do; \
         in the kubestory app it opens in the built-in editor. In a script, change the object \
         with `kubectl patch TYPE NAME -p '…'` or `kubectl apply -f FILE`.",
    )
    .fail();
    out
}

/// Fetches the one object `inv` names and the text the editor opens with; kubectl's errors
/// (not found, unknown type) as an output otherwise.
pub fn begin(inv: &Invocation, ctx: &Context, label: &str) -> Result<EditSession, Output> {
    let (found, problems) = find(inv, ctx)?;
    if let Some(first) = problems.first() {
        let mut out = Output::new();
        out.err(super::problems::render_flat(
            std::slice::from_ref(first),
            "editing",
        ))
        .fail();
        return Err(out);
    }
    let mut found = found.into_iter();
    let (Some(one), None) = (found.next(), found.next()) else {
        let mut out = Output::new();
        out.err_line(
            "kubestory: edit one object at a time: `kubectl edit TYPE NAME` (kubectl would open \
             every match as one List).",
        )
        .fail();
        return Err(out);
    };
    let Some(original) = current_value(ctx.sim.cluster(), &one) else {
        let mut out = Output::new();
        out.err_line("error: edit cancelled, no objects found")
            .fail();
        return Err(out);
    };
    let yaml = super::output::print_objects(std::slice::from_ref(&original), OutputFormat::Yaml);
    Ok(EditSession {
        found: one,
        original,
        buffer: format!("{HEADER}{yaml}"),
        label: label.to_string(),
    })
}

/// Lines that are comments (`ManualStrip`: a first non-blank `#` that is not `#!`) removed.
fn manual_strip(text: &str) -> String {
    text.split('\n')
        .filter(|l| {
            let t = l.trim();
            !t.starts_with('#') || t.starts_with("#!")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `hasLines`: any line that is not blank and not a comment.
fn has_lines(text: &str) -> bool {
    text.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#')
    })
}

/// The YAML as JSON (`StripComments` compares this), or the syntax error.
fn parse(text: &str) -> Result<Value, String> {
    let json = to_json(text)?;
    serde_json::from_str(&json).map_err(|e| e.to_string())
}

/// Whether two texts say the same once comments are gone (`StripComments`: as JSON when both
/// parse, else line by line).
fn same_content(a: &str, b: &str) -> bool {
    match (parse(a), parse(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => manual_strip(a) == manual_strip(b),
    }
}

/// The reopened file: the header with the reasons, then the learner's text without its old
/// comments (`ManualStrip`).
fn reopened(reasons: &[(String, Vec<String>)], edited: &str) -> String {
    let mut text = HEADER.to_string();
    for (head, others) in reasons {
        let colon = if others.is_empty() { "" } else { ":" };
        text.push_str(&format!("# {}{colon}\n", hash_on_line_break(head)));
        for o in others {
            text.push_str(&format!("# * {}\n", hash_on_line_break(o)));
        }
        text.push_str("#\n");
    }
    text.push_str(manual_strip(edited).trim_start_matches('\n'));
    text
}

/// `hashOnLineBreak`: every line of a message stays a comment.
fn hash_on_line_break(s: &str) -> String {
    s.replace('\n', "\n# ").replace("\n# #", "\n#")
}

/// The merge patch saving `edited` sends (as Go's JSON), when it parses and changes
/// something: the sandbox's journal keeps an edit as this patch.
pub fn patch_text(session: &EditSession, edited: &str) -> Option<String> {
    let value = parse(edited).ok()?;
    create_merge_patch(&session.original, &value).map(|p| super::gojson::marshal(&p))
}

/// What the editor's text becomes when it is saved (see the module documentation).
pub fn finish(session: &EditSession, edited: &str, ctx: &mut Context) -> Finished {
    let mut out = Output::new();
    if same_content(&session.buffer, edited) {
        out.err_line("Edit cancelled, no changes made.");
        return Finished::Done(out);
    }
    if !has_lines(edited) {
        out.err_line("Edit cancelled, saved file was empty.");
        return Finished::Done(out);
    }
    let value = match parse(edited) {
        Ok(v) => v,
        Err(e) => {
            // kubectl prints nothing: the reason is in the reopened file's header.
            let head =
                format!("The edited file had a syntax error: error converting YAML to JSON: {e}");
            return Finished::Reopen {
                text: reopened(&[(head, Vec::new())], edited),
                out,
            };
        }
    };
    let f = &session.found;
    let prefix = f.kind.qualified();
    if value == session.original {
        out.out_line(format!("{prefix}/{} skipped", f.name));
        return Finished::Done(out);
    }
    let Some(patch) = create_merge_patch(&session.original, &value) else {
        out.out_line(format!("{prefix}/{} skipped", f.name));
        return Finished::Done(out);
    };
    // `mergepatch.RequireKeyUnchanged("apiVersion"/"kind")`, `RequireMetadataKeyUnchanged("name")`.
    let renamed = patch.get("apiVersion").is_some()
        || patch.get("kind").is_some()
        || patch.pointer("/metadata/name").is_some();
    if renamed {
        out.err_line("error: At least one of apiVersion, kind and name was changed");
        out.err_line(format!(
            "A copy of your changes has been stored to \"{TEMP_FILE}\""
        ));
        out.fail();
        return Finished::Done(out);
    }
    // `resource.RequireNamespace`: the namespace cannot move either.
    if let Some(ns) = patch.pointer("/metadata/namespace") {
        let typed = ns.as_str().unwrap_or_default();
        out.err_line(format!(
            "error: the namespace from the provided object \"{typed}\" does not match the \
             namespace \"{}\". You must pass '--namespace={typed}' to perform this operation.",
            f.namespace
        ));
        out.err_line(format!(
            "A copy of your changes has been stored to \"{TEMP_FILE}\""
        ));
        out.fail();
        return Finished::Done(out);
    }
    let text = super::gojson::marshal(&patch);
    let resource = f.kind.qualified_plural();
    match merge_one(ctx, f, &text, &session.label) {
        Ok((_, warnings)) => {
            for w in warnings {
                out.err_line(format!("Warning: {w}"));
            }
            out.out_line(format!("{prefix}/{} edited", f.name));
            Finished::Done(out)
        }
        Err(Problem::Api {
            reason, invalid, ..
        }) if reason == "Invalid" => {
            let causes = invalid.map(|i| i.causes).unwrap_or_default();
            out.err_line(format!("error: {resource} \"{}\" is invalid", f.name));
            let head = format!("{resource} \"{}\" was not valid", f.name);
            Finished::Reopen {
                text: reopened(&[(head, causes)], edited),
                out,
            }
        }
        Err(Problem::Api {
            reason, message, ..
        }) if reason == "NotFound" => {
            let _ = message;
            out.err_line(format!(
                "error: {resource} \"{}\" could not be found on the server",
                f.name
            ));
            out.err_line(format!(
                "The edits you made on deleted resources have been saved to \"{TEMP_FILE}\""
            ));
            out.fail();
            Finished::Done(out)
        }
        Err(other) => {
            let text = match other {
                Problem::Api { message, .. } => message,
                Problem::Client(m) => m,
                Problem::Load { file, .. } => file,
            };
            out.err_line(format!(
                "error: {resource} \"{}\" could not be patched: {text}",
                f.name
            ));
            out.err_line(format!(
                "You can run `kubectl replace -f {TEMP_FILE}` to try this update again."
            ));
            out.fail();
            Finished::Done(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::{DiskFiles, parse_command_line};
    use crate::sim::{Cluster, ClusterConfig, Simulation};

    fn sim_with_claim() -> Simulation {
        let mut sim = Simulation::new(Cluster::new(ClusterConfig::default()));
        let files = DiskFiles {
            base: std::path::PathBuf::from("."),
        };
        let manifest = "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n  labels:\n    app: story\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n";
        let overlay = crate::kubectl::Overlay {
            name: "c.yaml",
            text: manifest,
            under: &files,
        };
        let out = crate::kubectl::execute(
            "kubectl apply -f c.yaml",
            &mut Context {
                sim: &mut sim,
                files: &overlay,
            },
        );
        assert!(out.success, "{}", out.combined());
        sim
    }

    fn session(sim: &mut Simulation, line: &str) -> Result<EditSession, Output> {
        let inv = parse_command_line(line).expect("parses");
        let files = DiskFiles {
            base: std::path::PathBuf::from("."),
        };
        begin(&inv, &Context { sim, files: &files }, line)
    }

    fn save(sim: &mut Simulation, s: &EditSession, text: &str) -> Finished {
        let files = DiskFiles {
            base: std::path::PathBuf::from("."),
        };
        finish(s, text, &mut Context { sim, files: &files })
    }

    #[test]
    fn editoptions_header_then_the_object_as_yaml() {
        let mut sim = sim_with_claim();
        let s = session(&mut sim, "kubectl edit pvc data").expect("found");
        assert!(s.buffer.starts_with(HEADER));
        assert!(s.buffer.contains("kind: PersistentVolumeClaim\n"));
        let missing = session(&mut sim, "kubectl edit pvc nope").expect_err("missing");
        assert_eq!(
            missing.stderr(),
            "Error from server (NotFound): persistentvolumeclaims \"nope\" not found\n"
        );
    }

    #[test]
    fn editoptions_run_unchanged_text_is_cancelled_and_a_label_change_is_edited() {
        let mut sim = sim_with_claim();
        let s = session(&mut sim, "kubectl edit pvc data").expect("found");
        let Finished::Done(out) = save(&mut sim, &s, &format!("# mine\n{}", s.buffer)) else {
            panic!("no reopen");
        };
        assert_eq!(out.stderr(), "Edit cancelled, no changes made.\n");
        let edited = s.buffer.replace("app: story", "app: web");
        let Finished::Done(out) = save(&mut sim, &s, &edited) else {
            panic!("no reopen");
        };
        assert_eq!(out.stdout(), "persistentvolumeclaim/data edited\n");
        let claim = sim.cluster().claim("default", "data").expect("claim");
        assert_eq!(
            claim.metadata.labels.get("app").map(String::as_str),
            Some("web")
        );
        let Finished::Done(out) = save(&mut sim, &s, "# nothing\n\n") else {
            panic!("no reopen");
        };
        assert_eq!(out.stderr(), "Edit cancelled, saved file was empty.\n");
    }

    #[test]
    fn editoptions_visit_to_patch_refuses_a_new_name_and_reopens_on_invalid() {
        let mut sim = sim_with_claim();
        let s = session(&mut sim, "kubectl edit pvc data").expect("found");
        let renamed = s.buffer.replace("name: data", "name: other");
        let Finished::Done(out) = save(&mut sim, &s, &renamed) else {
            panic!("refused, not reopened");
        };
        assert!(!out.success);
        assert!(
            out.stderr()
                .starts_with("error: At least one of apiVersion, kind and name was changed\n")
        );
        // A bound claim's spec is immutable except for a few fields: the API server's
        // Invalid comes back, and the editor reopens with the cause in the header.
        let bigger = s.buffer.replace(
            "accessModes:\n  - ReadWriteOnce",
            "accessModes:\n  - ReadWriteMany",
        );
        assert_ne!(bigger, s.buffer, "the YAML spells accessModes this way");
        match save(&mut sim, &s, &bigger) {
            Finished::Reopen { text, out } => {
                assert_eq!(
                    out.stderr(),
                    "error: persistentvolumeclaims \"data\" is invalid\n"
                );
                assert!(text.starts_with(HEADER), "{text}");
                assert!(
                    text.contains(
                        "# persistentvolumeclaims \"data\" was not valid:\n# * spec: Forbidden"
                    ),
                    "{text}"
                );
                assert!(text.contains("- ReadWriteMany"));
            }
            Finished::Done(out) => panic!("expected a reopen: {}", out.combined()),
        }
        let broken = s.buffer.replace("app: story", "app: [story");
        match save(&mut sim, &s, &broken) {
            Finished::Reopen { text, .. } => assert!(
                text.contains("# The edited file had a syntax error: error converting YAML to JSON: yaml: line"),
                "{text}"
            ),
            Finished::Done(out) => panic!("expected a reopen: {}", out.combined()),
        }
    }
}
