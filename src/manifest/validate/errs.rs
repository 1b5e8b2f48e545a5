//! The error collector, building each `field.Error` with plain words and a suggestion.

use super::{ErrorType, FieldError};
use crate::manifest::messages as msg;
use crate::manifest::suggest::did_you_mean;
use crate::manifest::tree::Pos;

/// Collects errors in the API server's order.
#[derive(Default)]
pub(crate) struct Errs {
    pub list: Vec<FieldError>,
}

impl Extend<FieldError> for Errs {
    fn extend<T: IntoIterator<Item = FieldError>>(&mut self, iter: T) {
        self.list.extend(iter);
    }
}

impl Errs {
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push(
        &mut self,
        path: &str,
        kind: ErrorType,
        value: Option<String>,
        detail: &str,
        pos: Pos,
        message: String,
        suggestion: Option<String>,
    ) {
        self.list.push(FieldError {
            path: path.to_string(),
            kind,
            value,
            detail: detail.to_string(),
            pos,
            message,
            suggestion,
        });
    }

    /// `field.Required`.
    pub(crate) fn required(&mut self, path: &str, pos: Pos, detail: &str, hint: Option<String>) {
        let message = if detail.is_empty() {
            format!("{path} is required")
        } else {
            format!("{path}: {detail}")
        };
        self.push(path, ErrorType::Required, None, detail, pos, message, hint);
    }

    /// `field.NotSupported`: the value and the quoted list of supported values.
    pub(crate) fn not_supported(&mut self, path: &str, pos: Pos, value: &str, supported: &[&str]) {
        let quoted: Vec<String> = supported.iter().map(|s| msg::go_quote(s)).collect();
        let detail = if supported.is_empty() {
            String::new()
        } else {
            format!("supported values: {}", quoted.join(", "))
        };
        let suggestion = msg::synonym(value)
            .filter(|s| supported.contains(s))
            .or_else(|| did_you_mean(value, supported.iter().copied()))
            .map(msg::did_you_mean)
            .or_else(|| Some(format!("use one of {}", quoted.join(", "))));
        let message = format!(
            "{} is not a supported value for {path}",
            msg::go_quote(value)
        );
        self.push(
            path,
            ErrorType::NotSupported,
            Some(msg::go_quote(value)),
            &detail,
            pos,
            message,
            suggestion,
        );
    }

    /// `field.Invalid` with a Go-formatted value.
    pub(crate) fn invalid(
        &mut self,
        path: &str,
        pos: Pos,
        go_value: String,
        detail: &str,
        hint: Option<String>,
    ) {
        let message = if go_value.starts_with('"') {
            format!("{go_value} is not a valid {path}: {detail}")
        } else {
            format!("{path}: {detail}")
        };
        self.push(
            path,
            ErrorType::Invalid,
            Some(go_value),
            detail,
            pos,
            message,
            hint,
        );
    }

    /// `field.Invalid` with kubestory's own description.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn invalid_with(
        &mut self,
        path: &str,
        pos: Pos,
        go_value: String,
        detail: &str,
        message: String,
        hint: Option<String>,
    ) {
        self.push(
            path,
            ErrorType::Invalid,
            Some(go_value),
            detail,
            pos,
            message,
            hint,
        );
    }

    /// `field.Forbidden`.
    pub(crate) fn forbidden(&mut self, path: &str, pos: Pos, detail: &str, hint: Option<String>) {
        let message = format!("{path}: {detail}");
        self.push(path, ErrorType::Forbidden, None, detail, pos, message, hint);
    }

    /// `field.NotFound`.
    pub(crate) fn not_found(
        &mut self,
        path: &str,
        pos: Pos,
        value: &str,
        message: String,
        hint: Option<String>,
    ) {
        self.push(
            path,
            ErrorType::NotFound,
            Some(msg::go_quote(value)),
            "",
            pos,
            message,
            hint,
        );
    }

    /// `field.Duplicate`.
    pub(crate) fn duplicate(&mut self, path: &str, pos: Pos, value: &str) {
        let message = format!(
            "{} is used twice: {path} must be unique",
            msg::go_quote(value)
        );
        self.push(
            path,
            ErrorType::Duplicate,
            Some(msg::go_quote(value)),
            "",
            pos,
            message,
            None,
        );
    }
}
