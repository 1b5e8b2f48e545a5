//! Learner YAML to API objects, with positions: strict field checking, `file:line:column`
//! diagnostics and did-you-mean suggestions.
