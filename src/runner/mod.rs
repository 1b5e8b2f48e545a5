//! The headless `kubestory sim` script runner.
