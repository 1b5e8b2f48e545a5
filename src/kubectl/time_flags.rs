//! The flags of the commands about time (issue 12, "Time runs"): `get -w|--watch-only|
//! --output-watch-events`, `wait --for --timeout`, `rollout status -w --timeout`, `events
//! --for --types -w`. Kept apart from [`super::Flags`]' long list so the commands that let
//! time run read one place.

/// kubectl's default `--timeout` of `kubectl wait` (`NewWaitFlags`: 30 seconds).
pub const WAIT_DEFAULT_TIMEOUT_SECS: u64 = 30;

/// What `--timeout` becomes when negative: "wait for a week" (`wait.go` `ToOptions`: 168h).
pub const NEGATIVE_TIMEOUT_SECS: u64 = 168 * 3600;

/// kubestory's limit on `--timeout` (SECURITY.md, "Limits"): a week, what kubectl itself
/// makes of a negative timeout. The clock stops at every deadline on the way, so a longer
/// wait could take long to compute.
pub const MAX_TIMEOUT_SECS: u64 = NEGATIVE_TIMEOUT_SECS;

/// How long `rollout status` without `--timeout` waits in kubestory (a real one waits until
/// Ctrl-C): ten minutes, a Deployment's default `progressDeadlineSeconds`.
pub const ROLLOUT_STATUS_DEFAULT_SECS: u64 = 600;

/// The flags of `get -w`, `wait`, `rollout status` and `events`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimeFlags {
    /// `get -w/--watch`, `events -w`.
    pub watch: bool,
    /// `get --watch-only`.
    pub watch_only: bool,
    /// `get --output-watch-events`.
    pub output_watch_events: bool,
    /// `wait --for=…` as typed (`None` when absent).
    pub for_condition: Option<String>,
    /// `--timeout` in whole seconds as the command means it: `wait` and `rollout status`
    /// (`None`: rollout status waits as long as it takes; `Some(0)`: check once).
    pub timeout_secs: Option<u64>,
    /// `rollout status -w` (true by default; `-w=false` prints the status once).
    pub rollout_watch: bool,
    /// `events --for TYPE/NAME`.
    pub for_object: Option<String>,
    /// `events --types=Normal,Warning` (empty: every type).
    pub types: Vec<String>,
}
