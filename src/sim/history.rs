//! Undo: a snapshot of the whole cluster before every action. The collections are persistent
//! (`imbl`), so a snapshot shares almost everything with the live state and costs O(1).
//!
//! Time and undo (issue 12, "Time runs"): the TUI's running clock moves the cluster with
//! [`Simulation::tick`], which is never an undo step (a second of clock is not something the
//! learner did). Undo takes back an *action*, not the time that ran freely since: the cluster
//! goes back to its snapshot and then lives through the free-running seconds again, so the
//! clock never jumps back and what time alone does (a back-off expiring, a NotReady node's
//! pods evicted) happens again, without the undone action. A `wait 5m` (or `kubectl wait`,
//! `rollout status`) is an action: undoing it takes its jump back.

use super::Cluster;

/// One undoable step.
#[derive(Clone, Debug)]
pub struct Checkpoint {
    /// What the action was (`kubectl delete pod x`), for the UI's time-travel list.
    pub label: String,
    /// The state before it.
    pub before: Cluster,
    /// [`Simulation::free_secs`] when the action ran: the free-running seconds after it are
    /// lived again on undo.
    pub free_secs: u64,
}

/// A cluster with its undo history.
#[derive(Clone, Debug, Default)]
pub struct Simulation {
    cluster: Cluster,
    undo: Vec<Checkpoint>,
    /// Seconds the clock has run on its own ([`Simulation::tick`]) since the start.
    free_secs: u64,
}

impl Simulation {
    /// A simulation starting from this cluster.
    pub fn new(cluster: Cluster) -> Simulation {
        Simulation {
            cluster,
            undo: Vec::new(),
            free_secs: 0,
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
                        free_secs: self.free_secs,
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

    /// Undoes the last action that changed anything; returns its label. The seconds the
    /// clock ran on its own since that action pass again on the restored cluster (see the
    /// module's doc): undo never moves the clock backwards, except to take back a `wait`.
    pub fn undo(&mut self) -> Option<String> {
        let cp = self.undo.pop()?;
        self.cluster = cp.before;
        self.cluster
            .advance(self.free_secs.saturating_sub(cp.free_secs));
        Some(cp.label)
    }

    /// Renames the last undoable step (a replayed change keeps the name the learner saw, e.g.
    /// `kubectl edit pod x` for the patch it sent).
    pub fn relabel_last(&mut self, label: impl Into<String>) {
        if let Some(cp) = self.undo.last_mut() {
            cp.label = label.into();
        }
    }

    /// Lets `secs` of simulated time pass on their own (the TUI's running clock): controllers
    /// act on every deadline on the way, as with `wait`, but no undo step is recorded.
    /// Returns the seconds that actually passed (the clock stops at its limit).
    pub fn tick(&mut self, secs: u64) -> u64 {
        let before = self.cluster.now();
        self.cluster.advance(secs);
        let moved = self.cluster.now().since(before);
        self.free_secs = self.free_secs.saturating_add(moved);
        moved
    }

    /// Seconds the clock has run on its own since the simulation started.
    pub fn free_secs(&self) -> u64 {
        self.free_secs
    }

    /// The undoable actions, oldest first.
    pub fn history(&self) -> impl Iterator<Item = &str> {
        self.undo.iter().map(|c| c.label.as_str())
    }
}
