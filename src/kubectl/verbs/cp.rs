//! `kubectl cp LOCAL [NAMESPACE/]POD:PATH [-c CONTAINER]`: copies a file of the lesson's
//! workspace (what `-f` reads) into a container, where it is data like a story; after
//! `staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go` (`extractFileSpec`, `Run`, `copyToPod`).
//!
//! Copying out of a container (`kubectl cp POD:PATH LOCAL`) keeps the copy in memory over the
//! workspace ([`crate::kubectl::Copies`], through [`Output::copied_out`]): later `-f` and `cp`
//! lines read it, and nothing is written on disk. LOCAL must be a plain relative path (no
//! `..`, not absolute): a lesson cannot write outside its folder.

use super::container::pick_running;
use crate::kubectl::{Context, Invocation, Output};
use crate::sim::shell::Session;

/// `[namespace/]pod:path` or a local path (`cp.go` `extractFileSpec`).
struct Spec {
    namespace: Option<String>,
    pod: Option<String>,
    file: String,
}

fn spec(arg: &str) -> Spec {
    match arg.split_once(':') {
        Some((pod, file)) if !pod.is_empty() => {
            let (namespace, pod) = match pod.split_once('/') {
                Some((ns, p)) => (Some(ns.to_string()), p.to_string()),
                None => (None, pod.to_string()),
            };
            Spec {
                namespace,
                pod: Some(pod),
                file: file.to_string(),
            }
        }
        _ => Spec {
            namespace: None,
            pod: None,
            file: arg.to_string(),
        },
    }
}

fn failed(text: String) -> Output {
    let mut out = Output::new();
    out.err_line(text).fail();
    out
}

/// Runs `kubectl cp`.
pub fn run(inv: &Invocation, ctx: &mut Context, label: &str) -> Output {
    let (src, dest) = (spec(&inv.args[0]), spec(&inv.args[1]));
    if src.pod.is_some() && dest.pod.is_some() {
        return failed("error: one of src or dest must be a local file specification".into());
    }
    if src.file.is_empty() || dest.file.is_empty() {
        return failed("error: filepath can not be empty".into());
    }
    if src.pod.is_some() {
        return copy_out(inv, ctx, label, &src, &dest.file);
    }
    let Some(pod) = dest.pod.clone() else {
        return failed("error: one of src or dest must be a remote file specification".into());
    };
    // `copyToPod`: the local file must exist.
    let Some(text) = ctx.files.read(&src.file) else {
        return failed(format!(
            "error: {} doesn't exist in local filesystem",
            src.file
        ));
    };
    let ns = dest
        .namespace
        .clone()
        .unwrap_or_else(|| inv.flags.namespace_or_default().to_string());
    let mut out = Output::new();
    let c = &inv.flags.container_cmd;
    let picked = match pick_running(
        ctx.sim.cluster(),
        &ns,
        &pod,
        c.container.as_deref(),
        false,
        &mut out,
    ) {
        Ok(p) => p,
        Err(e) => {
            out.extend(e);
            return out;
        }
    };
    let mut dest_path = dest.file.clone();
    let base = src.file.rsplit('/').next().unwrap_or(&src.file).to_string();
    if dest_path != "/" && dest_path.ends_with('/') {
        dest_path.push_str(&base);
    }
    let mut session = Session::new(&ns, &picked.pod.metadata.name, &picked.container);
    let Ok(result) = ctx.sim.act(label, |cluster| {
        Ok::<_, std::convert::Infallible>(cluster.copy_into(&mut session, &dest_path, &base, &text))
    });
    super::exec::print_result(&mut out, &result);
    out
}

/// `kubectl cp [NS/]POD:PATH LOCAL` (`cp.go` `copyFromPod`: tar's `Removing leading `/'`
/// notice for an absolute path).
fn copy_out(inv: &Invocation, ctx: &mut Context, label: &str, src: &Spec, local: &str) -> Output {
    let mut out = Output::new();
    let plain = !local.starts_with('/') && !local.split('/').any(|p| p == "..");
    if !plain {
        return failed(format!(
            "kubestory: {local}: kubestory keeps copies in the workspace only; give a relative path without `..`"
        ));
    }
    let ns = src
        .namespace
        .clone()
        .unwrap_or_else(|| inv.flags.namespace_or_default().to_string());
    let c = &inv.flags.container_cmd;
    let pod = src.pod.clone().unwrap_or_default();
    let picked = match pick_running(
        ctx.sim.cluster(),
        &ns,
        &pod,
        c.container.as_deref(),
        false,
        &mut out,
    ) {
        Ok(p) => p,
        Err(e) => {
            out.extend(e);
            return out;
        }
    };
    if src.file.starts_with('/') {
        out.err_line("tar: Removing leading `/' from member names");
    }
    let mut session = Session::new(&ns, &picked.pod.metadata.name, &picked.container);
    let Ok(result) = ctx.sim.act(label, |cluster| {
        Ok::<_, std::convert::Infallible>(cluster.copy_out_of(&mut session, &src.file))
    });
    match result {
        Ok(text) => {
            let base = src.file.rsplit('/').next().unwrap_or(&src.file);
            let dest = match ctx.files.node(local) {
                crate::kubectl::file_source::Node::Folder => {
                    format!("{}/{base}", local.trim_end_matches('/'))
                }
                _ => local.to_string(),
            };
            let dest = dest.strip_prefix("./").unwrap_or(&dest).to_string();
            out.copied_out.push((dest, text));
        }
        Err(e) => {
            for (_, text) in &e.chunks {
                out.err(text);
            }
            out.fail();
        }
    }
    out
}
