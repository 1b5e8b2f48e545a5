//! What the lesson picker shows of a lesson, without the lesson: its id, title, summary,
//! length, steps and quiz size. The first screen draws from cards, so `kubestory` shows the
//! lessons without parsing eleven lesson files first (issue 10, "first screen"); a lesson is
//! parsed when it is opened.

use super::model::Lesson;

/// A lesson as the picker lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonCard {
    /// The lesson's id (`--lesson ID`, progress keys).
    pub id: String,
    /// Its title.
    pub title: String,
    /// One or two sentences on what it teaches.
    pub summary: String,
    /// About how long it takes.
    pub minutes: u32,
    /// What the learner will be able to do.
    pub objectives: Vec<String>,
    /// The ids of its steps, in order (progress counts the done ones).
    pub step_ids: Vec<String>,
    /// How many quiz questions it has.
    pub quiz: usize,
}

impl LessonCard {
    /// The card of a parsed lesson.
    pub fn of(lesson: &Lesson) -> LessonCard {
        LessonCard {
            id: lesson.id.clone(),
            title: lesson.title.clone(),
            summary: lesson.summary.clone(),
            minutes: lesson.minutes,
            objectives: lesson.objectives.clone(),
            step_ids: lesson.steps.iter().map(|s| s.id.clone()).collect(),
            quiz: lesson.quiz.len(),
        }
    }

    /// How many steps the lesson has.
    pub fn steps(&self) -> usize {
        self.step_ids.len()
    }

    /// The card as a Rust expression of [`BuiltinCard`], for the generated index of the
    /// built-in lessons (`src/lesson/builtin_cards.rs`).
    pub fn to_rust(&self) -> String {
        let list = |v: &[String]| {
            v.iter()
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!(
            "    BuiltinCard {{\n        id: {:?},\n        title: {:?},\n        summary: {:?},\n        minutes: {},\n        objectives: &[{}],\n        step_ids: &[{}],\n        quiz: {},\n    }},\n",
            self.id,
            self.title,
            self.summary,
            self.minutes,
            list(&self.objectives),
            list(&self.step_ids),
            self.quiz
        )
    }
}

/// A built-in lesson's card as compiled into the binary.
#[derive(Clone, Copy, Debug)]
pub struct BuiltinCard {
    /// See [`LessonCard::id`].
    pub id: &'static str,
    /// See [`LessonCard::title`].
    pub title: &'static str,
    /// See [`LessonCard::summary`].
    pub summary: &'static str,
    /// See [`LessonCard::minutes`].
    pub minutes: u32,
    /// See [`LessonCard::objectives`].
    pub objectives: &'static [&'static str],
    /// See [`LessonCard::step_ids`].
    pub step_ids: &'static [&'static str],
    /// See [`LessonCard::quiz`].
    pub quiz: usize,
}

impl From<&BuiltinCard> for LessonCard {
    fn from(c: &BuiltinCard) -> LessonCard {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        LessonCard {
            id: c.id.into(),
            title: c.title.into(),
            summary: c.summary.into(),
            minutes: c.minutes,
            objectives: owned(c.objectives),
            step_ids: owned(c.step_ids),
            quiz: c.quiz,
        }
    }
}
