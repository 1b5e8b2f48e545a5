//! Quiz questions: the format (`model`), load-time shape checks (`shape`), the graders quiz
//! mode and lint share (`grade`), the replay that proves every answer key (`lint`), a quiz in
//! progress (`session`) and its results (`results`).

pub mod grade;
pub mod lint;
pub mod model;
pub mod results;
pub mod session;
pub mod shape;

pub use model::{Choice, Question, QuestionKind};
