//! The running clock (issue 12, "Time runs"): in the TUI simulated time follows the wall
//! clock, paused with `t` and sped up with `>` (×1, ×10, ×60), shown in the status line.
//!
//! The simulation stays pure: the shell measures wall time and sends
//! [`super::Action::Elapsed`]`(ms)`; this file turns milliseconds into whole simulated seconds
//! (the remainder carries over) and the simulation moves with [`crate::sim::Simulation::tick`],
//! which is not an undo step (see `sim::history` for what undo does with time). Tests send
//! `Elapsed` themselves and never read the wall clock.
//!
//! Decisions: the sandbox and lessons start running at ×1; a presentation starts paused (the
//! presenter decides when time passes: `t`); quiz mode never runs it (a question's cluster
//! must stay as the question describes it). A lesson's goals count only what happened after
//! the step began, and what time does by itself counts like anything else (an eviction after
//! the step began meets a goal about it). `wait 5m` still jumps.

/// The speeds `>` and `<` step through.
pub const SPEEDS: [u64; 3] = [1, 10, 60];

/// The most wall time one [`super::Action::Elapsed`] may move (after a suspend with Ctrl-Z or
/// a stalled terminal, the clock does not leap).
pub const MAX_ELAPSED_MS: u64 = 2_000;

/// The shortest wall time between two moves of the running clock (see
/// [`Clock::wall_ms_to_next_tick`]).
pub const MIN_TICK_WALL_MS: u64 = 1000;

/// The running clock's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clock {
    /// Whether time stands still.
    pub paused: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Simulated milliseconds not yet turned into a whole second.
    carry_ms: u64,
}

impl Clock {
    /// The speed factor (1, 10, 60).
    pub fn factor(&self) -> u64 {
        SPEEDS[self.speed.min(SPEEDS.len() - 1)]
    }

    /// Whole simulated seconds that `wall_ms` of wall time make now (0 when paused).
    pub fn elapse(&mut self, wall_ms: u64) -> u64 {
        if self.paused {
            return 0;
        }
        let total = self.carry_ms + wall_ms.min(MAX_ELAPSED_MS) * self.factor();
        self.carry_ms = total % 1000;
        total / 1000
    }

    /// Wall milliseconds until the shell next hands wall time over: when the next simulated
    /// second is due, but at most once a wall second (at ×60 a frame a second that moves a
    /// minute, not sixty frames: from a measurement, 4% of a core against 0.1%).
    pub fn wall_ms_to_next_tick(&self) -> u64 {
        (1000 - self.carry_ms)
            .div_ceil(self.factor())
            .max(MIN_TICK_WALL_MS)
    }

    /// Pauses, or runs again.
    pub fn toggle(&mut self) {
        self.paused = !self.paused;
        self.carry_ms = 0;
    }

    /// The next speed up (stays at the fastest).
    pub fn faster(&mut self) {
        self.speed = (self.speed + 1).min(SPEEDS.len() - 1);
    }

    /// The next speed down (stays at ×1).
    pub fn slower(&mut self) {
        self.speed = self.speed.saturating_sub(1);
    }

    /// The status line's words: `12:00:05 ×10`, or `12:00:05 paused`.
    pub fn label(&self, now: crate::sim::SimTime) -> String {
        let stamp = now.rfc3339();
        let time = stamp.get(11..19).unwrap_or("");
        if self.paused {
            format!("{time} paused")
        } else {
            format!("{time} ×{}", self.factor())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_time_becomes_whole_seconds_with_a_carry() {
        let mut c = Clock::default();
        assert_eq!(c.elapse(600), 0);
        assert_eq!(c.elapse(600), 1);
        assert_eq!(c.elapse(800), 1);
        c.faster();
        assert_eq!(c.elapse(1000), 10);
        c.faster();
        c.faster();
        assert_eq!(c.factor(), 60);
        assert_eq!(c.elapse(500), 30);
        c.toggle();
        assert_eq!(c.elapse(5000), 0);
        c.toggle();
        assert_eq!(
            c.elapse(60_000),
            120,
            "one Elapsed moves at most 2 s of wall time"
        );
    }
}
