//! Running the controllers until nothing changes, and moving the clock.

use super::limits::{MAX_REPLICAS, MAX_SIMULATED_SECS};
use super::{Cluster, SimError, SimTime, human_duration};

/// A guard against controllers that never agree; reaching it is a bug, reported in tests.
/// A StatefulSet makes (and, rolling out, replaces) one pod per round, a few rounds each, so
/// the guard grows with [`MAX_REPLICAS`]: four rounds per replica, plus room for the rest.
const MAX_ROUNDS: usize = 4 * MAX_REPLICAS as usize + 100;

impl Cluster {
    /// Runs every controller until the cluster stops changing (the state a learner would see
    /// a few seconds later on a real cluster).
    pub fn settle(&mut self) {
        for _ in 0..MAX_ROUNDS {
            let before = self.resource_version;
            if !self.api_reachable() {
                // The control-plane node is down: the API server, the scheduler and every
                // controller stopped with it. Only the kubelets of the other nodes keep
                // running their containers (issue 11, "The control plane is a node that can
                // fail").
                self.run_kubelets();
                if self.resource_version == before {
                    return;
                }
                continue;
            }
            self.run_node_lifecycle();
            self.run_deployments();
            self.run_replica_sets();
            self.run_stateful_sets();
            self.run_ephemeral_controller();
            self.run_garbage_collector();
            self.run_pv_controller();
            self.run_protection_controllers();
            self.run_pod_gc();
            self.run_scheduler();
            self.run_attach_detach();
            self.run_kubelets();
            if self.resource_version == before {
                return;
            }
        }
        debug_assert!(false, "controllers did not settle in {MAX_ROUNDS} rounds");
    }

    /// `wait`: moves the clock forward by `secs` ([`Cluster::advance`]), or refuses (and
    /// changes nothing) when that would take it past [`MAX_SIMULATED_SECS`].
    pub fn try_advance(&mut self, secs: u64) -> Result<(), SimError> {
        let left = MAX_SIMULATED_SECS.saturating_sub(self.now.0);
        if secs > left {
            return Err(SimError::Refused(format!(
                "error: cannot wait {}: kubestory's simulated clock stops {} years after the simulation's start (its limit); at most {left}s ({}) can still pass",
                human_duration(secs),
                MAX_SIMULATED_SECS / (365 * 86_400),
                human_duration(left),
            )));
        }
        self.advance(secs);
        Ok(())
    }

    /// Moves the clock forward by `secs`, stopping at every deadline on the way (node
    /// grace periods, evictions, back-offs, forced detaches) so each happens at its own time.
    /// The clock never passes [`MAX_SIMULATED_SECS`]: a longer move stops there
    /// ([`Cluster::try_advance`] refuses it instead).
    pub fn advance(&mut self, secs: u64) {
        let target = self
            .now
            .plus(secs)
            .min(SimTime(MAX_SIMULATED_SECS.max(self.now.0)));
        while let Some(next) = self.next_deadline().filter(|d| *d <= target) {
            self.now = next;
            self.settle();
        }
        self.now = target;
        self.settle();
    }

    /// One step of a watched wait (`kubectl wait`, `rollout status`, a `-w` during `wait`):
    /// moves the clock to the next deadline before `until`, or to `until`, so the caller can
    /// look at the cluster at every moment something may have changed. Returns false when the
    /// clock did not move (it is at `until`, or at its limit).
    pub fn step_towards(&mut self, until: SimTime) -> bool {
        let now = self.now;
        if now >= until {
            return false;
        }
        let next = self
            .next_deadline()
            .filter(|d| *d > now && *d < until)
            .unwrap_or(until);
        self.advance_to(next);
        self.now > now
    }

    /// Sets the clock (for tests that need an exact instant). Never moves backwards.
    pub fn advance_to(&mut self, at: SimTime) {
        if at > self.now {
            self.advance(at.since(self.now));
        }
    }
}
