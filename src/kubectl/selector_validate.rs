//! Label key and value checks with the API's messages, as `labels.Parse` reports them.
//!
//! The name rules themselves (apimachinery `util/validation/validation.go`: `IsQualifiedName`,
//! `IsValidLabelValue`) live in [`crate::manifest::validate::names`], shared with the manifest
//! loader; this file only wraps them the way `field.Invalid` prints
//! (`<path>: Invalid value: "<v>": <detail>`; a nil path prints as `<nil>`).

use super::goparse::quote;
use crate::manifest::validate::names::{is_qualified_name, is_valid_label_value};

/// `validateLabelKey`: `Err("<path>: Invalid value: \"k\": …")` for a bad key.
pub(crate) fn validate_key(key: &str, path: &str) -> Result<(), String> {
    let errs = is_qualified_name(key);
    if errs.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{path}: Invalid value: {}: {}",
        quote(key),
        errs.join("; ")
    ))
}

/// `validateLabelValue` for the `index`-th value of `key`.
pub(crate) fn validate_value(key: &str, value: &str, index: usize) -> Result<(), String> {
    let errs = is_valid_label_value(value);
    if errs.is_empty() {
        return Ok(());
    }
    Err(format!(
        "values[{index}][{key}]: Invalid value: {}: {}",
        quote(value),
        errs.join("; ")
    ))
}
