//! Undo: a snapshot of the whole cluster before every action. The collections are persistent
//! (`imbl`), so a snapshot shares almost everything with the live state and costs O(1).

use super::Cluster;

/// One undoable step.
#[derive(Clone, Debug)]
pub struct Checkpoint {
    /// What the action was (`kubectl delete pod x`), for the UI's time-travel list.
    pub label: String,
    /// The state before it.
    pub before: Cluster,
}

/// A cluster with its undo history.
#[derive(Clone, Debug, Default)]
pub struct Simulation {
    cluster: Cluster,
    undo: Vec<Checkpoint>,
}

impl Simulation {
    /// A simulation starting from this cluster.
    pub fn new(cluster: Cluster) -> Simulation {
        Simulation {
            cluster,
            undo: Vec::new(),
        }
    }

    /// The current state.
    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    /// Runs an action. On success a checkpoint is kept if anything changed; on error the state
    /// is restored exactly, so a failed action never leaves half a change behind.
    pub fn act<T, E>(
        &mut self,
        label: impl Into<String>,
        f: impl FnOnce(&mut Cluster) -> Result<T, E>,
    ) -> Result<T, E> {
        let before = self.cluster.clone();
        let marker = self.cluster.change_marker();
        match f(&mut self.cluster) {
            Ok(v) => {
                if self.cluster.change_marker() != marker {
                    self.undo.push(Checkpoint {
                        label: label.into(),
                        before,
                    });
                }
                Ok(v)
            }
            Err(e) => {
                self.cluster = before;
                Err(e)
            }
        }
    }

    /// Undoes the last action that changed anything; returns its label.
    pub fn undo(&mut self) -> Option<String> {
        let cp = self.undo.pop()?;
        self.cluster = cp.before;
        Some(cp.label)
    }

    /// Renames the last undoable step (a replayed change keeps the name the learner saw, e.g.
    /// `kubectl edit pod x` for the patch it sent).
    pub fn relabel_last(&mut self, label: impl Into<String>) {
        if let Some(cp) = self.undo.last_mut() {
            cp.label = label.into();
        }
    }

    /// The undoable actions, oldest first.
    pub fn history(&self) -> impl Iterator<Item = &str> {
        self.undo.iter().map(|c| c.label.as_str())
    }
}
