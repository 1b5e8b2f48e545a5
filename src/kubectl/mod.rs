//! A kubectl command line in, kubectl's exact text out.

pub mod status;
