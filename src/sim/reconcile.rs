//! Running the controllers until nothing changes, and moving the clock.

use super::{Cluster, SimTime};

/// A guard against controllers that never agree; reaching it is a bug, reported in tests.
const MAX_ROUNDS: usize = 100;

impl Cluster {
    /// Runs every controller until the cluster stops changing (the state a learner would see
    /// a few seconds later on a real cluster).
    pub fn settle(&mut self) {
        for _ in 0..MAX_ROUNDS {
            let before = self.resource_version;
            self.run_node_lifecycle();
            self.run_deployments();
            self.run_replica_sets();
            self.run_stateful_sets();
            self.run_garbage_collector();
            self.run_pv_controller();
            self.run_protection_controllers();
            self.run_scheduler();
            self.run_kubelets();
            self.release_attachments();
            if self.resource_version == before {
                return;
            }
        }
        debug_assert!(false, "controllers did not settle in {MAX_ROUNDS} rounds");
    }

    /// Moves the clock forward by `secs`, stopping at every deadline on the way (node
    /// grace periods, evictions, back-offs, forced detaches) so each happens at its own time.
    pub fn advance(&mut self, secs: u64) {
        let target = self.now.plus(secs);
        while let Some(next) = self.next_deadline().filter(|d| *d <= target) {
            self.now = next;
            self.settle();
        }
        self.now = target;
        self.settle();
    }

    /// Sets the clock (for tests that need an exact instant). Never moves backwards.
    pub fn advance_to(&mut self, at: SimTime) {
        if at > self.now {
            self.advance(at.since(self.now));
        }
    }
}
