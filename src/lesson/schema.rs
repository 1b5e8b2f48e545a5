//! The JSON Schema of the lesson format, generated from [`super::model::Lesson`] (field doc
//! comments become descriptions). The committed copy is `assets/lesson.schema.json`; the test
//! `lesson_schema_is_current` fails when it is stale and `KUBESTORY_BLESS=1 cargo test
//! lesson_schema` rewrites it.

/// The schema as pretty-printed JSON, ending in a newline.
pub fn lesson_schema_json() -> String {
    let schema = schemars::schema_for!(super::model::Lesson);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
