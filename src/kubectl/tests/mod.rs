//! Tests of the kubectl room, one file per module under test.

mod goparse_tests;
mod parse_errors_tests;
mod parse_tests;
mod selector_tests;
mod tokenize_tests;
