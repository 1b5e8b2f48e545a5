//! A student's screen as last drawn, which the teacher watches read-only from the dashboard
//! (`kubestory serve`). A plain ratatui buffer: the server passes it along without knowing
//! what it holds, and the dashboard draws it as it is.

/// A copy of a screen's cells.
pub type Mirror = ratatui::buffer::Buffer;
