//! The apps' own verbs: write a story (`POST /story`), read them (`GET /story`), crash
//! (`GET /error`). Targets name a pod, or a workload whose first running pod answers, as
//! `kubectl exec deploy/x` picks one.

use super::app::{STORY_FILE, data_dir};
use super::cluster::key;
use super::data::{FsId, Story, join};
use super::errors::{ApiError, SimError};
use super::limits::{MAX_STORIES_PER_FILE, MAX_STORY_BYTES};
use super::objects::*;
use super::{Cluster, Kind};

/// What a story write did: where the text landed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryWrite {
    /// The pod that served the request.
    pub pod: String,
    /// The container.
    pub container: String,
    /// The story as stored.
    pub story: Story,
    /// The filesystem it landed in.
    pub fs: FsId,
    /// The path inside that filesystem.
    pub path: String,
}

/// A target of the app verbs: `NAME`, `pod/NAME`, `deploy/NAME`, `sts/NAME`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A pod by name.
    Pod(String),
    /// The first running pod of a Deployment.
    Deployment(String),
    /// The first running pod of a StatefulSet.
    StatefulSet(String),
}

impl Target {
    /// Parses `NAME`, `pod/NAME`, `po/NAME`, `deploy/NAME`, `deployment/NAME`, `sts/NAME`,
    /// `statefulset/NAME`.
    pub fn parse(text: &str) -> Result<Target, String> {
        let Some((kind, name)) = text.split_once('/') else {
            return Ok(Target::Pod(text.to_string()));
        };
        if name.is_empty() {
            return Err(format!(
                "error: arguments in resource/name form must have a single resource and name: {text:?}"
            ));
        }
        match Kind::from_resource(kind) {
            Some(Kind::Pod) => Ok(Target::Pod(name.into())),
            Some(Kind::Deployment) => Ok(Target::Deployment(name.into())),
            Some(Kind::StatefulSet) => Ok(Target::StatefulSet(name.into())),
            _ => Err(format!(
                "error: cannot attach to {kind}: expected a pod, deploy/NAME or sts/NAME"
            )),
        }
    }
}

impl Cluster {
    /// Resolves a target to a pod name: for a workload, the first running pod by name.
    pub fn resolve_target(&self, ns: &str, target: &Target) -> Result<String, SimError> {
        let owner_uid = match target {
            Target::Pod(name) => {
                return if self.pods.contains_key(&key(ns, name)) {
                    Ok(name.clone())
                } else {
                    Err(ApiError::not_found(Kind::Pod, name).into())
                };
            }
            Target::Deployment(name) => {
                let d = self
                    .deployment(ns, name)
                    .ok_or_else(|| ApiError::not_found(Kind::Deployment, name))?;
                let uid = d.metadata.uid.clone();
                let sets: Vec<String> = self
                    .replica_sets
                    .values()
                    .filter(|rs| rs.metadata.controller().is_some_and(|o| o.uid == uid))
                    .map(|rs| rs.metadata.uid.clone())
                    .collect();
                sets
            }
            Target::StatefulSet(name) => {
                let s = self
                    .stateful_set(ns, name)
                    .ok_or_else(|| ApiError::not_found(Kind::StatefulSet, name))?;
                vec![s.metadata.uid.clone()]
            }
        };
        let mut owned: Vec<&Pod> = self
            .pods
            .values()
            .filter(|p| p.metadata.namespace_or_default() == ns)
            .filter(|p| {
                p.metadata
                    .controller()
                    .is_some_and(|o| owner_uid.contains(&o.uid))
            })
            .collect();
        owned.sort_by(|a, b| a.metadata.name.cmp(&b.metadata.name));
        let serving = |p: &&&Pod| {
            p.status.phase == PodPhase::Running && p.metadata.deletion_timestamp.is_none()
        };
        let on_live_node = |p: &&&Pod| {
            p.spec
                .node_name
                .as_deref()
                .and_then(|n| self.node(n))
                .is_none_or(|n| n.is_up())
        };
        // The request goes to a pod that can answer: a running pod on a live machine first,
        // then any running pod (whose dead machine then times out), then any pod (for the
        // error message).
        owned
            .iter()
            .find(|p| serving(p) && on_live_node(p))
            .or_else(|| owned.iter().find(serving))
            .or(owned.first())
            .map(|p| p.metadata.name.clone())
            .ok_or_else(|| SimError::Refused("error: no pods found for the target".into()))
    }

    fn serving_container(
        &self,
        ns: &str,
        pod: &str,
        container: Option<&str>,
    ) -> Result<(Pod, Container), SimError> {
        let p = self
            .pods
            .get(&key(ns, pod))
            .cloned()
            .ok_or_else(|| ApiError::not_found(Kind::Pod, pod))?;
        let c = match container {
            Some(name) => p
                .spec
                .containers
                .iter()
                .find(|c| c.name == name)
                .cloned()
                .ok_or_else(|| {
                    SimError::Refused(format!(
                        "error: container {name} is not valid for pod {pod}"
                    ))
                })?,
            None => {
                let default = p
                    .metadata
                    .annotations
                    .get("kubectl.kubernetes.io/default-container");
                p.spec
                    .containers
                    .iter()
                    .find(|c| Some(&c.name) == default)
                    .or(p.spec.containers.first())
                    .cloned()
                    .ok_or_else(|| {
                        SimError::Refused(format!("error: pod {pod} has no containers"))
                    })?
            }
        };
        Ok((p, c))
    }

    /// A pod whose machine is down does not answer, even while the API still shows it
    /// Running (the control plane notices only after the grace period, §9.3): the request
    /// goes to a stopped machine and times out.
    fn require_reachable(&self, p: &Pod) -> Result<(), SimError> {
        let node = p.spec.node_name.as_deref().and_then(|n| self.node(n));
        match node {
            Some(n) if !n.is_up() => Err(SimError::Refused(format!(
                "error: pod {} does not answer: its node {} is down (i/o timeout)",
                p.metadata.name, n.metadata.name
            ))),
            _ => Ok(()),
        }
    }

    fn require_running(p: &Pod, c: &Container) -> Result<(), SimError> {
        let running = p
            .status
            .container_statuses
            .iter()
            .any(|s| s.name == c.name && s.state.running.is_some());
        if p.metadata.deletion_timestamp.is_some() || !running {
            let why = match p
                .status
                .container_statuses
                .iter()
                .find(|s| s.name == c.name)
            {
                Some(s) if s.state.waiting.is_some() => s
                    .state
                    .waiting
                    .as_ref()
                    .map(|w| w.reason.clone())
                    .unwrap_or_default(),
                _ if p.metadata.deletion_timestamp.is_some() => "Terminating".into(),
                _ if p.spec.node_name.is_none() => "Pending".into(),
                _ => "not running".into(),
            };
            return Err(SimError::Refused(format!(
                "error: pod {} is not serving: container {} is {why} (connection refused)",
                p.metadata.name, c.name
            )));
        }
        Ok(())
    }

    /// `POST /story`: the app in the pod appends `text` to its story file.
    pub fn write_story(
        &mut self,
        ns: &str,
        target: &Target,
        container: Option<&str>,
        text: &str,
    ) -> Result<StoryWrite, SimError> {
        if text.len() > MAX_STORY_BYTES {
            return Err(SimError::Refused(format!(
                "error: the story is {} bytes: kubestory's story app keeps stories of at most {MAX_STORY_BYTES} bytes (its limit); write a shorter one",
                text.len()
            )));
        }
        let pod_name = self.resolve_target(ns, target)?;
        let (pod, c) = self.serving_container(ns, &pod_name, container)?;
        Self::require_running(&pod, &c)?;
        self.require_reachable(&pod)?;
        let file = join(&data_dir(&pod.metadata, &c), STORY_FILE);
        let resolved = self
            .resolve_container_path(&pod, &c, &file)
            .map_err(SimError::Refused)?;
        if resolved.read_only {
            return Err(SimError::Refused(format!(
                "error: open {file}: read-only file system"
            )));
        }
        // The app writes as its user (issue 11): the file, or the directory it would be
        // created in, must let that user write.
        let who = crate::sim::permissions::identity(&pod, &c);
        if let Some((denied, perm)) = self.data.write_denied(&resolved.fs, &resolved.path, &who) {
            let shown = container_path_of(&file, &resolved.path, &denied);
            let app = crate::sim::app::App::for_image(&c.image).name();
            return Err(SimError::Refused(format!(
                "error: open {file}: permission denied\nkubestory: the {app} in pod/{pod_name} runs as {}; {shown} belongs to {}, so it may not write there: the story was not stored",
                who.describe(),
                perm.describe()
            )));
        }
        if self.data.count(&resolved.fs, &resolved.path) >= MAX_STORIES_PER_FILE {
            return Err(SimError::Refused(format!(
                "error: {file} already holds {MAX_STORIES_PER_FILE} stories: kubestory's story app keeps at most {MAX_STORIES_PER_FILE} per file (its limit); start from a new pod or volume"
            )));
        }
        let now = self.now;
        let new_file = !self
            .data
            .filesystems
            .get(&resolved.fs)
            .is_some_and(|f| f.is_file(&resolved.path));
        let story = self
            .data
            .append(&resolved.fs, &resolved.path, text, &pod_name, now);
        if new_file {
            self.data
                .note_created_file(&resolved.fs, &resolved.path, &who);
        }
        let held = self.data.count(&resolved.fs, &resolved.path);
        self.app_log(
            &pod,
            &c,
            &format!("POST /story: appended a story to {file} ({held} in the file)"),
        );
        self.resource_version += 1;
        Ok(StoryWrite {
            pod: pod_name,
            container: c.name,
            story,
            fs: resolved.fs,
            path: resolved.path,
        })
    }

    /// `GET /story`: the stories the app in the pod sees now.
    pub fn read_stories(
        &self,
        ns: &str,
        target: &Target,
        container: Option<&str>,
    ) -> Result<Vec<Story>, SimError> {
        let pod_name = self.resolve_target(ns, target)?;
        let (pod, c) = self.serving_container(ns, &pod_name, container)?;
        Self::require_running(&pod, &c)?;
        self.require_reachable(&pod)?;
        self.visible_stories(&pod, &c).map_err(SimError::Refused)
    }

    /// `GET /story` as a request the app serves: the stories, and a line in its log (a read
    /// changes nothing else, so it is not an undo step).
    pub fn read_stories_logged(
        &mut self,
        ns: &str,
        target: &Target,
        container: Option<&str>,
    ) -> Result<Vec<Story>, SimError> {
        let stories = self.read_stories(ns, target, container)?;
        let pod_name = self.resolve_target(ns, target)?;
        let (pod, c) = self.serving_container(ns, &pod_name, container)?;
        let file = join(&data_dir(&pod.metadata, &c), STORY_FILE);
        self.app_log(
            &pod,
            &c,
            &format!("GET /story: read {} stories from {file}", stories.len()),
        );
        Ok(stories)
    }

    /// The stories a container's app would return, without checking that it runs.
    pub fn visible_stories(&self, pod: &Pod, c: &Container) -> Result<Vec<Story>, String> {
        let file = join(&data_dir(&pod.metadata, c), STORY_FILE);
        let resolved = self.resolve_container_path(pod, c, &file)?;
        Ok(self.data.read(&resolved.fs, &resolved.path))
    }

    /// `GET /error`: the app exits with code 1.
    pub fn crash(
        &mut self,
        ns: &str,
        target: &Target,
        container: Option<&str>,
    ) -> Result<String, SimError> {
        let pod_name = self.resolve_target(ns, target)?;
        let (pod, c) = self.serving_container(ns, &pod_name, container)?;
        Self::require_running(&pod, &c)?;
        self.require_reachable(&pod)?;
        self.app_log(&pod, &c, "GET /error: exiting with code 1");
        let pod = self.pods.get(&key(ns, &pod_name)).cloned().unwrap_or(pod);
        self.crash_container(pod, &c);
        self.settle();
        Ok(pod_name)
    }
}

/// The container's name for `denied`, a path of the filesystem that holds `file` (which the
/// container sees at `file`, the filesystem at `fs_path`): the same number of levels up.
fn container_path_of(file: &str, fs_path: &str, denied: &str) -> String {
    let depth = |p: &str| p.split('/').filter(|s| !s.is_empty()).count();
    let up = depth(fs_path).saturating_sub(depth(denied));
    let mut shown = crate::sim::data::normalize(file);
    for _ in 0..up {
        shown = crate::sim::data::parent_of(&shown);
    }
    shown
}
