//! Tests of the kubectl room, one file per module under test.

mod describe_tests;
mod goparse_tests;
mod parse_errors_tests;
mod parse_tests;
mod pipe_tests;
mod print_tests;
mod proptest_tests;
mod selector_tests;
mod table_tests;
mod tabwriter_tests;
mod tokenize_tests;
