//! Changing a node's labels and annotations (what `kubectl label node` and `kubectl annotate
//! node` send as a merge patch). Node labels matter to the scheduler (`nodeSelector`, node
//! affinity, `local` PVs' node affinity through `kubernetes.io/hostname`), so the controllers
//! settle afterwards: a pending pod whose selector now matches gets scheduled.

use super::super::errors::ApiError;
use super::super::{Cluster, Kind};
use std::collections::BTreeMap;

impl Cluster {
    /// Replaces a node's labels and annotations. Returns whether anything changed.
    pub fn set_node_metadata(
        &mut self,
        node: &str,
        labels: BTreeMap<String, String>,
        annotations: BTreeMap<String, String>,
    ) -> Result<bool, ApiError> {
        self.require_api()?;
        let mut n = self
            .nodes
            .get(node)
            .cloned()
            .ok_or_else(|| ApiError::not_found(Kind::Node, node))?;
        if n.metadata.labels == labels && n.metadata.annotations == annotations {
            return Ok(false);
        }
        n.metadata.labels = labels;
        n.metadata.annotations = annotations;
        self.put_node(n);
        self.settle();
        Ok(true)
    }
}
