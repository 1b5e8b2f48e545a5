//! The commands that build an object from their flags and create it: `kubectl run`
//! (kubernetes/kubernetes `staging/src/k8s.io/kubectl/pkg/generate/versioned/run.go`
//! `BasicPod.Generate`, `getLabels`, `parseEnvs`, `updatePodContainers`, `updatePodPorts`;
//! `cmd/run/run.go` `createGeneratedObject`), `kubectl create deployment`
//! (`cmd/create/create_deployment.go` `createDeployment`, `buildPodSpec`), `kubectl create
//! configmap` (`create_configmap.go` `createConfigMap`, `handleConfigMapFromFileSources`,
//! `validateNewConfigMap`) and `kubectl create secret generic` (`create_secret.go`
//! `createSecret`, `addKeyFromLiteralToSecret`; `pkg/util` `ParseLiteralSource`,
//! `ParseFileSource`).
//!
//! The generated object is what `--dry-run=client -o yaml` prints (its namespace only with
//! `-n`, as `EnforceNamespace` sets it); otherwise it is created like a manifest's object
//! (validated by the API server: its errors, `AlreadyExists`…), and the name printer says
//! `pod/NAME created`. The `create` generators wrap the API server's error as kubectl does
//! (`failed to create deployment: …`).

use super::objects::Item;
use super::output::{object_line, print_objects};
use super::problems::{Problem, render_flat};
use crate::kubectl::execute::Context;
use crate::kubectl::file_source::Node;
use crate::kubectl::goparse::quote;
use crate::kubectl::{DryRun, Invocation, Output, Verb, strings};
use crate::manifest;
use crate::manifest::validate::names::is_config_map_key;
use crate::sim::{ApplyOutcome, Kind};
use serde_json::{Map, Value, json};

/// Runs `kubectl run` or `kubectl create deployment|configmap|secret generic`.
pub fn run(inv: &Invocation, ctx: &mut Context, line: &str) -> Output {
    let mut out = Output::new();
    let generated = match inv.verb {
        Verb::Run => {
            if inv.flags.generator.attach {
                out.err_line(strings::RUN_ATTACHED).fail();
                return out;
            }
            pod(inv)
        }
        Verb::CreateDeployment => Ok(deployment(inv)),
        Verb::CreateConfigMap => config_map(inv, ctx),
        _ => secret(inv, ctx),
    };
    let mut value = match generated {
        Ok(v) => v,
        Err(e) if e.starts_with("kubestory:") => {
            out.err_line(e).fail();
            return out;
        }
        Err(e) => {
            out.err_line(format!("error: {e}")).fail();
            return out;
        }
    };
    if let Some(ns) = &inv.flags.namespace {
        value["metadata"]["namespace"] = json!(ns);
    }
    create(inv, ctx, line, value, out)
}

/// The Go struct order of the fields the generators set (k8s.io/api `core/v1/types.go`
/// `Pod`, `ObjectMeta`, `PodSpec`, `Container`, `ContainerPort`, `EnvVar`, `ConfigMap`,
/// `Secret`; `apps/v1/types.go` `Deployment`, `DeploymentSpec`; `PodTemplateSpec`,
/// `LabelSelector`): one list, consistent for all of them.
const GO_FIELD_ORDER: &[&str] = &[
    "kind",
    "apiVersion",
    "metadata",
    "name",
    "namespace",
    "labels",
    "annotations",
    "spec",
    "replicas",
    "selector",
    "matchLabels",
    "template",
    "strategy",
    "containers",
    "image",
    "command",
    "args",
    "ports",
    "containerPort",
    "env",
    "value",
    "resources",
    "imagePullPolicy",
    "restartPolicy",
    "dnsPolicy",
    "data",
    "type",
    "status",
];

/// The kind, the prefix of the name printer and the wrapping of the server's error.
fn kind_of(verb: Verb) -> (Kind, Option<&'static str>) {
    match verb {
        Verb::Run => (Kind::Pod, None),
        Verb::CreateDeployment => (Kind::Deployment, Some("deployment")),
        Verb::CreateConfigMap => (Kind::ConfigMap, Some("configmap")),
        _ => (Kind::Secret, Some("secret")),
    }
}

/// Sends the generated object (unless a client dry run) and prints the result.
fn create(
    inv: &Invocation,
    ctx: &mut Context,
    line: &str,
    value: Value,
    mut out: Output,
) -> Output {
    let (kind, wrap) = kind_of(inv.verb);
    let name = value["metadata"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let fail = |mut out: Output, problem: Problem| {
        let text = render_flat(&[problem], "creating");
        let text = match wrap {
            // `fmt.Errorf("failed to create deployment: %v", err)`: no longer an API status
            // error, so kubectl prints it as its own.
            Some(what) => {
                let inner = text
                    .lines()
                    .filter(|l| !l.starts_with("  "))
                    .collect::<Vec<_>>()
                    .join("\n");
                let inner = inner
                    .strip_prefix("Error from server (AlreadyExists): ")
                    .or_else(|| inner.strip_prefix("Error from server (NotFound): "))
                    .or_else(|| inner.strip_prefix("Error from server (Forbidden): "))
                    .or_else(|| inner.strip_prefix("Error from server: "))
                    // StatusError.Error() of an Invalid error has no "The " (kubectl's
                    // StandardErrorMessage adds it only to the errors it prints itself).
                    .or_else(|| inner.strip_prefix("The "))
                    .unwrap_or(&inner)
                    .to_string();
                format!("error: failed to create {what}: {inner}\n")
            }
            None => text
                .lines()
                .filter(|l| !l.starts_with("  "))
                .map(|l| format!("{l}\n"))
                .collect(),
        };
        out.err(text).fail();
        out
    };
    if inv.flags.dry_run == DryRun::Client {
        match object_line(&kind.qualified(), &name, "created", &inv.flags) {
            Some(t) => out.out(t),
            // A typed Go object: JSON keys in struct order (YAML sorts them anyway).
            None if inv.flags.output == crate::kubectl::OutputFormat::Json => out.out(
                crate::kubectl::print_json::to_json_struct_order(&value, GO_FIELD_ORDER),
            ),
            None => out.out(print_objects(&[value], inv.flags.output)),
        };
        return out;
    }
    let text = super::gojson::marshal(&value);
    let doc = match manifest::load(kind.plural(), &text) {
        Ok(mut docs) if !docs.is_empty() => docs.remove(0),
        Ok(_) => return out,
        Err(e) => {
            let problem = e.failures.into_iter().next().map(|f| Problem::Load {
                failure: Box::new(f),
                file: String::new(),
            });
            return match problem {
                Some(p) => fail(out, p),
                None => out,
            };
        }
    };
    let item = match Item::place("", doc, &inv.flags) {
        Ok(i) => i,
        Err(p) => return fail(out, p),
    };
    let object = item.doc.object.clone();
    let ns = item.ns().to_string();
    let result = match inv.flags.dry_run {
        DryRun::Server => {
            let mut scratch = ctx.sim.cluster().clone();
            scratch
                .create(object)
                .map(|_| scratch.get_object(kind, &ns, &name).map(|o| o.to_value()))
        }
        _ => ctx.sim.act(line, |c| {
            c.create(object)
                .map(|_: ApplyOutcome| c.get_object(kind, &ns, &name).map(|o| o.to_value()))
        }),
    };
    match result {
        Ok(created) => {
            let created = created.unwrap_or(item.doc.value.clone());
            match object_line(&kind.qualified(), &name, "created", &inv.flags) {
                Some(t) => out.out(t),
                None => out.out(print_objects(&[created], inv.flags.output)),
            };
            out
        }
        Err(e) => fail(out, Problem::api(&e)),
    }
}

/// `BasicPod.Generate`.
fn pod(inv: &Invocation) -> Result<Value, String> {
    let g = &inv.flags.generator;
    let name = inv.args.first().cloned().unwrap_or_default();
    let args: Vec<String> = inv.args.iter().skip(1).cloned().collect();
    let env = parse_envs(&g.env)?;
    let labels = if g.labels.is_empty() {
        let mut m = Map::new();
        m.insert("run".into(), json!(name));
        m
    } else {
        parse_labels(&g.labels)?
    };
    let mut container = json!({
        "name": name,
        "image": g.images.first().cloned().unwrap_or_default(),
        "resources": {},
    });
    if !args.is_empty() {
        let field = if g.command { "command" } else { "args" };
        container[field] = json!(args);
    }
    if !env.is_empty() {
        container["env"] = json!(env);
    }
    if !g.image_pull_policy.is_empty() {
        container["imagePullPolicy"] = json!(g.image_pull_policy);
    }
    if !g.port.is_empty() {
        container["ports"] = json!([{ "containerPort": parse_port(&g.port)? }]);
    }
    let restart = if g.restart.is_empty() {
        "Always"
    } else {
        g.restart.as_str()
    };
    let mut metadata = json!({ "name": name, "labels": labels });
    if !g.annotations.is_empty() {
        let mut a = Map::new();
        for s in &g.annotations {
            let (k, v) = s
                .split_once('=')
                .ok_or_else(|| format!("invalid annotation spec: {s}"))?;
            a.insert(k.to_string(), json!(v));
        }
        metadata["annotations"] = Value::Object(a);
    }
    Ok(json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": metadata,
        "spec": {
            "containers": [container],
            "dnsPolicy": "ClusterFirst",
            "restartPolicy": restart,
        },
        "status": {},
    }))
}

/// `generate.ParseLabels`: `a=b,c=d`.
fn parse_labels(text: &str) -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    for spec in text.split(',') {
        let parts: Vec<&str> = spec.split('=').collect();
        if parts.len() != 2 {
            return Err(format!("unexpected label spec: {spec}"));
        }
        if parts[0].is_empty() {
            return Err("unexpected empty label key".to_string());
        }
        out.insert(parts[0].to_string(), json!(parts[1]));
    }
    Ok(out)
}

/// `parseEnvs`: `NAME=value`, the name a C identifier as `IsEnvVarName` wants it.
fn parse_envs(envs: &[String]) -> Result<Vec<Value>, String> {
    let mut out = Vec::new();
    for env in envs {
        let Some((name, value)) = env.split_once('=') else {
            return Err(format!("invalid env: {env}"));
        };
        let valid = !name.is_empty()
            && !name.starts_with(|c: char| c.is_ascii_digit())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
        if !valid {
            return Err(format!("invalid env: {env}"));
        }
        out.push(json!({ "name": name, "value": value }));
    }
    Ok(out)
}

/// `utilsnet.ParsePort(port, true)`: `strconv.ParseUint(port, 10, 16)`.
fn parse_port(text: &str) -> Result<u16, String> {
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse::<u16>().map_err(|_| {
            format!(
                "strconv.ParseUint: parsing {}: value out of range",
                quote(text)
            )
        });
    }
    Err(format!(
        "strconv.ParseUint: parsing {}: invalid syntax",
        quote(text)
    ))
}

/// `createDeployment` with `buildPodSpec`.
fn deployment(inv: &Invocation) -> Value {
    let g = &inv.flags.generator;
    let name = inv.args.first().cloned().unwrap_or_default();
    let command: Vec<String> = inv.args.iter().skip(1).cloned().collect();
    let containers: Vec<Value> = g
        .images
        .iter()
        .enumerate()
        .map(|(i, image)| {
            let mut cname = image.rsplit('/').next().unwrap_or(image).to_string();
            if let Some((n, _)) = cname.split_once(':') {
                cname = n.to_string();
            }
            if let Some((n, _)) = cname.split_once('@') {
                cname = n.to_string();
            }
            // sanitizeAndUniquify: kubectl adds 5 random characters; kubestory a stable
            // suffix, so that runs are reproducible.
            if cname.contains(['_', '.']) {
                cname = format!("{}-{}", cname.replace(['_', '.'], "-"), stable_suffix(i));
            }
            let mut c = json!({ "name": cname, "image": image, "resources": {} });
            if !command.is_empty() {
                c["command"] = json!(command);
            }
            c
        })
        .collect();
    let mut containers = containers;
    let port: i64 = g.port.parse().unwrap_or(-1);
    if port >= 0 {
        if let Some(first) = containers.first_mut() {
            first["ports"] = json!([{ "containerPort": port }]);
        }
    }
    let labels = json!({ "app": name });
    json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": { "name": name, "labels": labels },
        "spec": {
            "replicas": inv.flags.replicas.unwrap_or(1),
            "selector": { "matchLabels": labels },
            "strategy": {},
            "template": {
                "metadata": { "labels": labels },
                "spec": { "containers": containers },
            },
        },
        "status": {},
    })
}

/// Five lowercase alphanumerics standing for `utilrand.String(5)`.
fn stable_suffix(i: usize) -> String {
    const ALPHABET: &[u8] = b"bcdfghjklmnpqrstvwxz2456789";
    (0..5)
        .map(|k| ALPHABET[(i * 7 + k * 5) % ALPHABET.len()] as char)
        .collect()
}

/// The most entries of a `--from-file` folder looked at.
const MAX_FOLDER_ENTRIES: usize = 500;

/// The most bytes the `--from-file` sources of one command may hold: what kubestory stores
/// in one object ([`crate::sim::limits::MAX_OBJECT_BYTES`]), so a folder of big files is
/// refused before it is read into memory.
fn check_budget(used: &mut usize, more: usize) -> Result<(), String> {
    *used += more;
    let max = crate::sim::limits::MAX_OBJECT_BYTES;
    if *used > max {
        return Err(format!(
            "kubestory: the --from-file sources hold more than {} KiB; kubestory stores objects of at most {} KiB (its limit; a lesson never needs more): use smaller files",
            max / 1024,
            max / 1024
        ));
    }
    Ok(())
}

/// One `--from-file` source read: `(key, text)` pairs, or kubectl's error.
fn file_source(
    source: &str,
    ctx: &Context,
    used: &mut usize,
) -> Result<Vec<(String, String)>, String> {
    let (key, path) = parse_file_source(source)?;
    match ctx.files.node(&path) {
        Node::Missing => Err(format!("error reading {path}: no such file or directory")),
        Node::Folder => {
            if source.contains('=') {
                return Err("cannot give a key name for a directory path".to_string());
            }
            let mut out = Vec::new();
            for entry in ctx.files.list(&path, MAX_FOLDER_ENTRIES) {
                let item = format!("{}/{entry}", path.trim_end_matches('/'));
                if ctx.files.node(&item) == Node::File {
                    let text = ctx.files.read(&item).unwrap_or_default();
                    check_budget(used, text.len())?;
                    out.push((entry, text));
                }
            }
            Ok(out)
        }
        _ => match ctx.files.read(&path) {
            Some(text) => {
                check_budget(used, text.len())?;
                Ok(vec![(key, text)])
            }
            None => Err(format!("error reading {path}: permission denied")),
        },
    }
}

/// `ParseFileSource`: `path` (key = its base name) or `key=path`.
fn parse_file_source(source: &str) -> Result<(String, String), String> {
    let n = source.matches('=').count();
    if n == 0 {
        let base = source
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(source);
        return Ok((base.to_string(), source.to_string()));
    }
    if n == 1 && source.starts_with('=') {
        return Err(format!("key name for file path {} missing", &source[1..]));
    }
    if n == 1 && source.ends_with('=') {
        return Err(format!(
            "file path for key name {} missing",
            &source[..source.len() - 1]
        ));
    }
    if n > 1 {
        return Err("key names or file paths cannot contain '='".to_string());
    }
    let (k, p) = source.split_once('=').unwrap_or((source, ""));
    Ok((k.to_string(), p.to_string()))
}

/// `ParseLiteralSource`: `key=value` (the value may hold `=`).
fn parse_literal_source(source: &str) -> Result<(String, String), String> {
    match source.split_once('=') {
        Some((k, v)) if !source.starts_with('=') => Ok((k.to_string(), v.to_string())),
        _ => Err(format!(
            "invalid literal source {source}, expected key=value"
        )),
    }
}

/// Go's `base64.StdEncoding.EncodeToString` (how `[]byte` values marshal to JSON).
fn base64_std(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `createConfigMap`: files first, then literals.
fn config_map(inv: &Invocation, ctx: &Context) -> Result<Value, String> {
    let g = &inv.flags.generator;
    let name = inv.args.first().cloned().unwrap_or_default();
    let mut data = Map::new();
    let add = |data: &mut Map<String, Value>, key: String, value: String| {
        let errs = is_config_map_key(&key);
        if !errs.is_empty() {
            return Err(format!(
                "{} is not a valid key name for a ConfigMap: {}",
                quote(&key),
                errs.join(",")
            ));
        }
        if data.contains_key(&key) {
            return Err(format!(
                "cannot add key {}, another key by that name already exists in Data for ConfigMap {}",
                quote(&key),
                quote(&name)
            ));
        }
        data.insert(key, json!(value));
        Ok(())
    };
    let mut used = 0;
    for source in &g.from_file {
        for (k, v) in file_source(source, ctx, &mut used)? {
            add(&mut data, k, v)?;
        }
    }
    for source in &g.from_literal {
        let (k, v) = parse_literal_source(source)?;
        add(&mut data, k, v)?;
    }
    let mut cm = json!({
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": { "name": name },
    });
    if !data.is_empty() {
        cm["data"] = Value::Object(data);
    }
    Ok(cm)
}

/// `createSecret`: literals first, then files; values base64-encoded.
fn secret(inv: &Invocation, ctx: &Context) -> Result<Value, String> {
    let g = &inv.flags.generator;
    let name = inv.args.first().cloned().unwrap_or_default();
    let mut data = Map::new();
    let add = |data: &mut Map<String, Value>, key: String, value: String| {
        let errs = is_config_map_key(&key);
        if !errs.is_empty() {
            return Err(format!(
                "{} is not valid key name for a Secret {}",
                quote(&key),
                errs.join(";")
            ));
        }
        if data.contains_key(&key) {
            return Err(format!(
                "cannot add key {key}, another key by that name already exists"
            ));
        }
        let encoded = base64_std(value.as_bytes());
        data.insert(key, json!(encoded));
        Ok(())
    };
    for source in &g.from_literal {
        let (k, v) = parse_literal_source(source)?;
        add(&mut data, k, v)?;
    }
    let mut used = 0;
    for source in &g.from_file {
        for (k, v) in file_source(source, ctx, &mut used)? {
            add(&mut data, k, v)?;
        }
    }
    let mut s = json!({
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": { "name": name },
    });
    if !data.is_empty() {
        s["data"] = Value::Object(data);
    }
    if !g.secret_type.is_empty() {
        s["type"] = json!(g.secret_type);
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `pkg/util` `TestParseFileSource` / `TestParseLiteralSource` cases.
    #[test]
    fn sources_parse_like_kubectl_util() {
        assert_eq!(
            parse_file_source("dir/story.txt").unwrap(),
            ("story.txt".into(), "dir/story.txt".into())
        );
        assert_eq!(
            parse_file_source("k=dir/f").unwrap(),
            ("k".into(), "dir/f".into())
        );
        assert_eq!(
            parse_file_source("=f").unwrap_err(),
            "key name for file path f missing"
        );
        assert_eq!(
            parse_file_source("k=").unwrap_err(),
            "file path for key name k missing"
        );
        assert_eq!(
            parse_file_source("a=b=c").unwrap_err(),
            "key names or file paths cannot contain '='"
        );
        assert_eq!(
            parse_literal_source("a=b=c").unwrap(),
            ("a".into(), "b=c".into())
        );
        assert_eq!(
            parse_literal_source("=x").unwrap_err(),
            "invalid literal source =x, expected key=value"
        );
        assert_eq!(
            parse_literal_source("x").unwrap_err(),
            "invalid literal source x, expected key=value"
        );
    }

    /// run_test.go `TestGeneratePod` env and port cases.
    #[test]
    fn env_and_ports_as_the_run_generator_reads_them() {
        assert!(parse_envs(&["A=b".into(), "B_2=".into()]).is_ok());
        assert_eq!(parse_envs(&["A".into()]).unwrap_err(), "invalid env: A");
        assert_eq!(parse_envs(&["=x".into()]).unwrap_err(), "invalid env: =x");
        assert_eq!(parse_port("80").unwrap(), 80);
        assert_eq!(
            parse_port("http").unwrap_err(),
            "strconv.ParseUint: parsing \"http\": invalid syntax"
        );
        assert_eq!(
            parse_port("70000").unwrap_err(),
            "strconv.ParseUint: parsing \"70000\": value out of range"
        );
        assert_eq!(
            parse_labels("a=b,c").unwrap_err(),
            "unexpected label spec: c"
        );
        assert_eq!(base64_std(b"s3cr3t"), "czNjcjN0");
        assert_eq!(base64_std(b"ab"), "YWI=");
        assert_eq!(base64_std(b"a"), "YQ==");
    }
}
