//! Containers in `describe pod` and in pod templates (describe.go `describeContainers`,
//! `describeContainerBasicInfo`, `describeContainerCommand`, `describeContainerState`,
//! `describeStatus`, `describeResources`, `describeContainerProbe`, `DescribeProbe`,
//! `describeContainerVolumes`; the environment is in [`super::env`]).

use super::common::rfc1123z_or_zero;
use crate::kubectl::describe_writer::{DescribeWriter, LEVEL_1, LEVEL_2, LEVEL_3};
use crate::sim::Quantity;
use crate::sim::objects::*;
use serde_json::Value;

/// `describeContainers`: the `label:` heading and one block per container. `pod` resolves
/// `fieldRef` variables (`None` in a template); `space` is `"  "` in a template.
pub fn describe_containers(
    w: &mut DescribeWriter,
    label: &str,
    containers: &[Container],
    statuses: &[ContainerStatus],
    pod: Option<&Pod>,
    space: &str,
) {
    let none = if containers.is_empty() { " <none>" } else { "" };
    w.write(0, &format!("{space}{label}:{none}\n"));
    for c in containers {
        let status = statuses.iter().find(|s| s.name == c.name);
        let name_indent = if space.is_empty() { "" } else { " " };
        w.write(LEVEL_1, &format!("{name_indent}{}:\n", c.name));
        if status.is_some() {
            w.write(LEVEL_2, "Container ID:\t\n");
        }
        w.write(LEVEL_2, &format!("Image:\t{}\n", c.image));
        if status.is_some() {
            w.write(LEVEL_2, "Image ID:\t\n");
        }
        ports(w, c);
        command(w, c);
        if let Some(s) = status {
            describe_status(w, "State", &s.state);
            if s.last_state.terminated.is_some() {
                describe_status(w, "Last State", &s.last_state);
            }
            let ready = if s.ready { "True" } else { "False" };
            w.write(LEVEL_2, &format!("Ready:\t{ready}\n"));
            w.write(LEVEL_2, &format!("Restart Count:\t{}\n", s.restart_count));
        }
        resources(w, c.extra.get("resources").unwrap_or(&Value::Null), LEVEL_2);
        probes(w, c);
        super::env::env_from(w, c);
        super::env::env(w, c, pod);
        mounts(w, c);
    }
}

/// The JSON array at `v`, or an empty slice.
pub fn array(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// `Port:`/`Ports:` and `Host Port:`/`Host Ports:` (protocol defaults to TCP).
fn ports(w: &mut DescribeWriter, c: &Container) {
    let list = array(c.extra.get("ports"));
    let fmt = |key: &str| {
        list.iter()
            .map(|p| {
                format!(
                    "{}/{}",
                    p[key].as_i64().unwrap_or(0),
                    p["protocol"].as_str().unwrap_or("TCP")
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (key, one, many) in [
        ("containerPort", "Port", "Ports"),
        ("hostPort", "Host Port", "Host Ports"),
    ] {
        let text = fmt(key);
        if text.contains(',') {
            w.write(LEVEL_2, &format!("{many}:\t{text}\n"));
        } else if text.is_empty() {
            w.write(LEVEL_2, &format!("{one}:\t<none>\n"));
        } else {
            w.write(LEVEL_2, &format!("{one}:\t{text}\n"));
        }
    }
}

/// `Command:` and `Args:`, one line per element (split at newlines).
fn command(w: &mut DescribeWriter, c: &Container) {
    for (key, title) in [("command", "Command"), ("args", "Args")] {
        let list = array(c.extra.get(key));
        if list.is_empty() {
            continue;
        }
        w.write(LEVEL_2, &format!("{title}:\n"));
        for item in list {
            for line in item.as_str().unwrap_or_default().split('\n') {
                w.write(LEVEL_3, &format!("{line}\n"));
            }
        }
    }
}

/// `describeStatus`: Running, Waiting (with a reason) or Terminated.
fn describe_status(w: &mut DescribeWriter, name: &str, state: &ContainerState) {
    if let Some(r) = &state.running {
        w.write(LEVEL_2, &format!("{name}:\tRunning\n"));
        w.write(
            LEVEL_3,
            &format!("Started:\t{}\n", rfc1123z_or_zero(Some(r.started_at))),
        );
    } else if let Some(wt) = &state.waiting {
        w.write(LEVEL_2, &format!("{name}:\tWaiting\n"));
        if !wt.reason.is_empty() {
            w.write(LEVEL_3, &format!("Reason:\t{}\n", wt.reason));
        }
    } else if let Some(t) = &state.terminated {
        w.write(LEVEL_2, &format!("{name}:\tTerminated\n"));
        if let Some(r) = t.reason.as_deref().filter(|r| !r.is_empty()) {
            w.write(LEVEL_3, &format!("Reason:\t{r}\n"));
        }
        w.write(LEVEL_3, &format!("Exit Code:\t{}\n", t.exit_code));
        w.write(
            LEVEL_3,
            &format!("Started:\t{}\n", rfc1123z_or_zero(t.started_at)),
        );
        w.write(
            LEVEL_3,
            &format!("Finished:\t{}\n", rfc1123z_or_zero(t.finished_at)),
        );
    } else {
        w.write(LEVEL_2, &format!("{name}:\tWaiting\n"));
    }
}

/// `describeResources`: `Limits:` and `Requests:`, names sorted.
pub fn resources(w: &mut DescribeWriter, res: &Value, level: usize) {
    for (key, title) in [("limits", "Limits"), ("requests", "Requests")] {
        let Some(map) = res[key].as_object().filter(|m| !m.is_empty()) else {
            continue;
        };
        w.write(level, &format!("{title}:\n"));
        let mut names: Vec<&String> = map.keys().collect();
        names.sort();
        for name in names {
            w.write(
                level + 1,
                &format!("{name}:\t{}\n", quantity_text(&map[name])),
            );
        }
    }
}

/// A quantity as the API server stores it (canonical form), or the text as written.
pub fn quantity_text(v: &Value) -> String {
    let text = match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    Quantity::parse(text.trim())
        .map(|q| q.to_string())
        .unwrap_or(text)
}

/// `describeContainerProbe` with `DescribeProbe` (API defaults: timeout 1s, period 10s,
/// success 1, failure 3).
fn probes(w: &mut DescribeWriter, c: &Container) {
    for (key, title) in [
        ("livenessProbe", "Liveness"),
        ("readinessProbe", "Readiness"),
        ("startupProbe", "Startup"),
    ] {
        if let Some(p) = c.extra.get(key).filter(|p| p.is_object()) {
            w.write(LEVEL_2, &format!("{title}:\t{}\n", describe_probe(p)));
        }
    }
}

fn describe_probe(p: &Value) -> String {
    let n = |k: &str, d: i64| p[k].as_i64().unwrap_or(d);
    let attrs = format!(
        "delay={}s timeout={}s period={}s #success={} #failure={}",
        n("initialDelaySeconds", 0),
        n("timeoutSeconds", 1),
        n("periodSeconds", 10),
        n("successThreshold", 1),
        n("failureThreshold", 3)
    );
    let port = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    };
    if let Some(cmd) = p["exec"]["command"].as_array() {
        let words: Vec<&str> = cmd.iter().filter_map(Value::as_str).collect();
        return format!("exec [{}] {attrs}", words.join(" "));
    }
    let http = &p["httpGet"];
    if http.is_object() {
        let scheme = http["scheme"].as_str().unwrap_or("HTTP").to_lowercase();
        let host = http["host"].as_str().unwrap_or("");
        let path = http["path"].as_str().unwrap_or("");
        return format!(
            "http-get {scheme}://{host}:{}{path} {attrs}",
            port(&http["port"])
        );
    }
    let tcp = &p["tcpSocket"];
    if tcp.is_object() {
        let host = tcp["host"].as_str().unwrap_or("");
        return format!("tcp-socket {host}:{} {attrs}", port(&tcp["port"]));
    }
    format!("unknown {attrs}")
}

/// `describeContainerVolumes`: mounts sorted by path, `(rw)`/`(ro)` and `path="sub"`.
fn mounts(w: &mut DescribeWriter, c: &Container) {
    let none = if c.volume_mounts.is_empty() {
        "\t<none>"
    } else {
        ""
    };
    w.write(LEVEL_2, &format!("Mounts:{none}\n"));
    let mut list: Vec<&VolumeMount> = c.volume_mounts.iter().collect();
    list.sort_by(|a, b| a.mount_path.cmp(&b.mount_path));
    for m in list {
        let mut flags = vec![if m.read_only.unwrap_or(false) {
            "ro".to_string()
        } else {
            "rw".to_string()
        }];
        if let Some(sub) = m.sub_path.as_deref().filter(|s| !s.is_empty()) {
            flags.push(format!("path={}", crate::kubectl::goparse::quote(sub)));
        }
        w.write(
            LEVEL_3,
            &format!("{} from {} ({})\n", m.mount_path, m.name, flags.join(",")),
        );
    }
}
