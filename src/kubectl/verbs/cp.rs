//! `kubectl cp LOCAL [NAMESPACE/]POD:PATH [-c CONTAINER]`: copies a file of the lesson's
//! workspace (what `-f` reads) into a container, where it is data like a story; after
//! `staging/src/k8s.io/kubectl/pkg/cmd/cp/cp.go` (`extractFileSpec`, `Run`, `copyToPod`).
//!
//! Copying out of a container (`kubectl cp POD:PATH LOCAL`) would write a file on the
//! learner's disk; kubestory does not write there, and says how to read the file instead.

use super::container::{pick, require_running};
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
    if let Some(pod) = &src.pod {
        let mut out = Output::new();
        if src.file.starts_with('/') {
            out.err_line("tar: Removing leading `/' from member names");
        }
        out.err_line(format!(
            "kubestory: copying out of a container is not simulated (kubestory writes no file on your disk); `kubectl exec {pod} -- cat {}` prints it",
            src.file
        ))
        .fail();
        return out;
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
    let picked = match pick(
        ctx.sim.cluster(),
        &ns,
        &pod,
        c.container.as_deref(),
        false,
        false,
        &mut out,
    ) {
        Ok(p) => p,
        Err(e) => {
            out.extend(e);
            return out;
        }
    };
    if let Err(e) = require_running(ctx.sim.cluster(), &picked) {
        out.extend(e);
        return out;
    }
    let mut dest_path = dest.file.clone();
    let base = src.file.rsplit('/').next().unwrap_or(&src.file).to_string();
    if dest_path != "/" && dest_path.ends_with('/') {
        dest_path.push_str(&base);
    }
    let mut session = Session::new(&ns, &picked.pod.metadata.name, &picked.container);
    let Ok(result) = ctx.sim.act(label, |cluster| {
        Ok::<_, std::convert::Infallible>(cluster.copy_into(&mut session, &dest_path, &base, &text))
    });
    for (is_err, text) in &result.chunks {
        if *is_err {
            out.err(text);
        } else {
            out.out(text);
        }
    }
    if result.status != 0 {
        out.err_line(format!(
            "command terminated with exit code {}",
            result.status
        ));
        out.fail();
    }
    out
}
