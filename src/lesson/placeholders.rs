//! Demo lines that name pods by what they are, not by a name fixed in the lesson.
//!
//! Pod names of Deployments are generated (`story-65cb784d44-cbl8x`), so a demo line that
//! holds one works only on the exact cluster the lesson's solutions build. In a classroom
//! the teacher improvises (deletes a pod, scales, rolls out), the names change, and `d`
//! printed `NotFound` right after the class had been told what to expect. A demo line may
//! instead write `{{pod TARGET}}` or `{{pod TARGET N}}`: the name of the `N`th pod (1-based,
//! default 1) of `TARGET` (`deploy/NAME`, `sts/NAME`) in the order `kubectl get pods`
//! lists them (by name), skipping pods already being deleted. It is resolved on the
//! cluster as it is when the line is played (and when lint replays it).

use crate::sim::{Cluster, Target};

/// How a placeholder opens; `}}` closes it.
pub const OPEN: &str = "{{pod ";

/// A piece of a demo line: text as written, or the inside of a placeholder.
enum Part<'a> {
    Text(&'a str),
    Pod(&'a str),
}

/// Splits `line` into text and placeholders; an unclosed `{{pod ` is an error.
fn parts(line: &str) -> Result<Vec<Part<'_>>, String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find(OPEN) {
        out.push(Part::Text(&rest[..at]));
        let inner_start = at + OPEN.len();
        let Some(len) = rest[inner_start..].find("}}") else {
            return Err(format!("`{}` has no closing `}}}}`", &rest[at..]));
        };
        out.push(Part::Pod(rest[inner_start..inner_start + len].trim()));
        rest = &rest[inner_start + len + 2..];
    }
    out.push(Part::Text(rest));
    Ok(out)
}

/// Replaces every `{{pod TARGET [N]}}` in `line` with a pod name from `cluster`. An error
/// says which pod the line needs and what the cluster has instead, for the presenter (and
/// lint) to act on.
pub fn resolve(line: &str, cluster: &Cluster) -> Result<String, String> {
    parts(line)?
        .into_iter()
        .map(|p| match p {
            Part::Text(t) => Ok(t.to_string()),
            Part::Pod(inner) => pod_name(inner, cluster),
        })
        .collect()
}

/// Whether `line` holds a placeholder (lint checks those lines against the cluster).
pub fn has_placeholder(line: &str) -> bool {
    line.contains(OPEN)
}

/// Checks the form of every placeholder in `line` (target kind, ordinal) without a cluster:
/// the load-time check. Returns the first problem.
pub fn check_form(line: &str) -> Result<(), String> {
    for p in parts(line)? {
        if let Part::Pod(inner) = p {
            parse(inner)?;
        }
    }
    Ok(())
}

/// `line` with every placeholder replaced by a stand-in pod name, for the load-time parse
/// of the line's shape (after [`check_form`]).
pub fn stand_in(line: &str) -> String {
    match parts(line) {
        Ok(parts) => parts
            .into_iter()
            .map(|p| match p {
                Part::Text(t) => t,
                Part::Pod(_) => "placeholder-pod",
            })
            .collect(),
        Err(_) => line.to_string(),
    }
}

/// `TARGET [N]` → the target and its 1-based ordinal.
fn parse(inner: &str) -> Result<(Target, usize, &str), String> {
    let mut words = inner.split_whitespace();
    let target_text = words.next().unwrap_or_default();
    let ordinal = match words.next() {
        None => 1,
        Some(n) => match n.parse::<usize>() {
            Ok(n) if n >= 1 => n,
            _ => {
                return Err(format!(
                    "`{{{{pod {inner}}}}}`: `{n}` is not a pod number (1 is the first pod)"
                ));
            }
        },
    };
    if let Some(extra) = words.next() {
        return Err(format!(
            "`{{{{pod {inner}}}}}`: unexpected `{extra}` (write {{{{pod deploy/NAME 2}}}})"
        ));
    }
    match Target::parse(target_text) {
        Ok(t @ (Target::Deployment(_) | Target::StatefulSet(_))) => Ok((t, ordinal, target_text)),
        _ => Err(format!(
            "`{{{{pod {inner}}}}}`: the target must be deploy/NAME or sts/NAME (a pod's own name needs no placeholder)"
        )),
    }
}

fn pod_name(inner: &str, cluster: &Cluster) -> Result<String, String> {
    let (target, n, text) = parse(inner)?;
    let names = pods_of(cluster, &target);
    names.get(n - 1).cloned().ok_or_else(|| {
        let has = match names.len() {
            0 => "none".to_string(),
            k => format!("{k} ({})", names.join(", ")),
        };
        format!(
            "the line needs pod {n} of {text}, and {text} has {has} now",
            n = ordinal(n)
        )
    })
}

fn ordinal(n: usize) -> String {
    match n {
        1 => "1 (the first)".into(),
        2 => "2 (the second)".into(),
        n => n.to_string(),
    }
}

/// The pods a Deployment's ReplicaSets or a StatefulSet own in `default`, not being
/// deleted, by name (the order of `kubectl get pods`).
fn pods_of(cluster: &Cluster, target: &Target) -> Vec<String> {
    let owners: Vec<String> = match target {
        Target::Deployment(name) => {
            let Some(d) = cluster.deployment("default", name) else {
                return Vec::new();
            };
            let uid = d.metadata.uid.clone();
            cluster
                .replica_sets()
                .filter(|rs| rs.metadata.controller().is_some_and(|o| o.uid == uid))
                .map(|rs| rs.metadata.uid.clone())
                .collect()
        }
        Target::StatefulSet(name) => cluster
            .stateful_set("default", name)
            .map(|s| vec![s.metadata.uid.clone()])
            .unwrap_or_default(),
        Target::Pod(name) => return vec![name.clone()],
    };
    let mut names: Vec<String> = cluster
        .pods()
        .filter(|p| p.metadata.namespace_or_default() == "default")
        .filter(|p| p.metadata.deletion_timestamp.is_none())
        .filter(|p| {
            p.metadata
                .controller()
                .is_some_and(|o| owners.contains(&o.uid))
        })
        .map(|p| p.metadata.name.clone())
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kubectl::MemoryFiles;
    use crate::runner::run_one;
    use crate::sim::{ClusterConfig, Simulation};

    const STORY: &str = "apiVersion: apps/v1
kind: Deployment
metadata: {name: story}
spec:
  replicas: 2
  selector: {matchLabels: {app: story}}
  template:
    metadata: {labels: {app: story}}
    spec:
      containers: [{name: story, image: academind/kub-data-demo:1}]
";

    fn cluster_with(lines: &[&str]) -> Simulation {
        let mut sim = Simulation::new(Cluster::new(ClusterConfig::default()));
        let mut files = MemoryFiles::new();
        files.insert("story.yaml", STORY);
        for line in lines {
            let mut out = String::new();
            assert!(run_one(&mut sim, line, &files, &mut out), "{line}: {out}");
        }
        sim
    }

    const TWO: &[&str] = &["kubectl apply -f story.yaml", "wait 30s"];

    #[test]
    fn pods_are_named_in_kubectl_get_order_when_the_line_is_played() {
        let sim = cluster_with(TWO);
        let mut names: Vec<String> = sim
            .cluster()
            .pods()
            .map(|p| p.metadata.name.clone())
            .collect();
        names.sort();
        assert_eq!(names.len(), 2);
        assert_eq!(
            resolve("story read pod/{{pod deploy/story 2}}", sim.cluster()),
            Ok(format!("story read pod/{}", names[1]))
        );
        assert_eq!(
            resolve("kubectl delete pod {{pod deploy/story}}", sim.cluster()),
            Ok(format!("kubectl delete pod {}", names[0]))
        );
        assert_eq!(
            resolve("kubectl get pods", sim.cluster()),
            Ok("kubectl get pods".into())
        );
    }

    #[test]
    fn a_pod_the_cluster_no_longer_has_is_an_error_saying_what_is_there() {
        let mut sim = cluster_with(TWO);
        let mut out = String::new();
        run_one(
            &mut sim,
            "kubectl scale deploy/story --replicas=1",
            &MemoryFiles::new(),
            &mut out,
        );
        run_one(&mut sim, "wait 1m", &MemoryFiles::new(), &mut out);
        let err = resolve("story read pod/{{pod deploy/story 2}}", sim.cluster())
            .expect_err("one pod left");
        assert!(err.contains("pod 2 (the second) of deploy/story"), "{err}");
        assert!(err.contains("has 1 (story-"), "{err}");
        let gone = resolve("{{pod deploy/nothing}}", sim.cluster()).expect_err("no such app");
        assert!(gone.contains("has none now"), "{gone}");
    }

    #[test]
    fn malformed_placeholders_are_refused_with_what_to_write() {
        for (line, says) in [
            ("kubectl delete pod {{pod deploy/story", "no closing"),
            ("{{pod deploy/story 0}}", "not a pod number"),
            ("{{pod deploy/story two}}", "not a pod number"),
            ("{{pod story-abc}}", "deploy/NAME or sts/NAME"),
            ("{{pod deploy/story 1 2}}", "unexpected `2`"),
        ] {
            let err = check_form(line).expect_err(line);
            assert!(err.contains(says), "{line}: {err}");
        }
        assert!(check_form("kubectl patch x -p '{\"a\":{\"b\":1}}'").is_ok());
        assert!(has_placeholder("{{pod sts/web 1}}"));
    }
}
