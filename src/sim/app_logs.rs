//! What the apps write to their logs ([`super::logs`]): kubestory's stand-in for the story
//! app's console output, one line per start, request and crash.

use super::Cluster;
use super::app::{App, STORY_FILE, data_dir};
use super::data::join;
use super::objects::{Container, Pod};

impl Cluster {
    /// Appends a line to the log of the container's current instance.
    pub(crate) fn app_log(&mut self, pod: &Pod, c: &Container, text: &str) {
        let instance = pod
            .status
            .container_statuses
            .iter()
            .find(|s| s.name == c.name)
            .map_or(0, |s| s.restart_count);
        let now = self.now;
        self.data
            .logs
            .push(&pod.metadata.uid, &c.name, instance, now, text);
    }

    /// A container instance started: the kubelet keeps only its log and the previous
    /// instance's, and the app says where it keeps its data.
    pub(crate) fn log_app_start(&mut self, pod: &Pod, c: &Container) {
        let instance = pod
            .status
            .container_statuses
            .iter()
            .find(|s| s.name == c.name)
            .map_or(0, |s| s.restart_count);
        self.data
            .logs
            .keep_from(&pod.metadata.uid, &c.name, instance.saturating_sub(1));
        let file = join(&data_dir(&pod.metadata, c), STORY_FILE);
        let line = match App::for_image(&c.image) {
            App::Story => format!("Story app listening on port 80; stories are kept in {file}"),
            other => format!(
                "{} started; its data is in {}",
                other.name(),
                data_dir(&pod.metadata, c)
            ),
        };
        self.app_log(pod, c, &line);
    }
}
