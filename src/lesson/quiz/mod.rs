//! Quiz questions: the format (`model`), load-time shape checks (`shape`), the graders quiz
//! mode and lint share (`grade`), and the replay that proves every answer key (`lint`).

pub mod grade;
pub mod lint;
pub mod model;
pub mod shape;

pub use model::{Choice, Question, QuestionKind};
