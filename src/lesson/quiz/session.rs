//! A quiz in progress: which questions, in which order, what was answered, the score, and
//! "retry the ones I missed". Pure: the caller measures time and supplies the date, so a
//! session replays identically in tests.

use super::model::Question;
use crate::lesson::model::Lesson;
use crate::sim::names::Rng;

/// Where a question comes from: a lesson of the session and a question of that lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuestionRef {
    /// Index into the session's lessons.
    pub lesson: usize,
    /// Index into that lesson's `quiz`.
    pub question: usize,
}

/// How one question was answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The answer as the learner gave it, in words (`b: Nothing`, the command typed, the
    /// stories marked, the manifest text).
    pub answer: String,
    /// Whether it was right.
    pub correct: bool,
    /// Milliseconds from showing the question to answering it.
    pub millis: u64,
    /// When it was answered (RFC 3339, supplied by the caller).
    pub answered_at: String,
}

/// A quiz session over some lessons' questions.
#[derive(Clone, Debug)]
pub struct QuizSession {
    /// What the quiz is called in results (`all`, or the lesson ids).
    pub name: String,
    /// Who is answering (`quiz --name NAME`; empty when not given): carried on every result
    /// row so 25 students' exports can be told apart and merged.
    pub student: String,
    lessons: Vec<Lesson>,
    order: Vec<QuestionRef>,
    outcomes: Vec<Option<Outcome>>,
    pos: usize,
}

/// Why a quiz cannot start.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QuizError {
    /// The chosen lessons have no questions.
    #[error("the chosen lessons have no quiz questions")]
    NoQuestions,
}

impl QuizSession {
    /// Every question of `lessons`, in lesson order, or shuffled with `seed` (the same seed
    /// gives the same order, so a class can share one).
    pub fn new(name: &str, lessons: Vec<Lesson>, seed: Option<u64>) -> Result<Self, QuizError> {
        let mut order: Vec<QuestionRef> = lessons
            .iter()
            .enumerate()
            .flat_map(|(l, lesson)| {
                (0..lesson.quiz.len()).map(move |q| QuestionRef {
                    lesson: l,
                    question: q,
                })
            })
            .collect();
        if order.is_empty() {
            return Err(QuizError::NoQuestions);
        }
        if let Some(seed) = seed {
            shuffle(&mut order, seed);
        }
        let outcomes = vec![None; order.len()];
        Ok(QuizSession {
            name: name.to_string(),
            student: String::new(),
            lessons,
            order,
            outcomes,
            pos: 0,
        })
    }

    /// How many questions the session has.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Whether the session has no questions (never true: `new` refuses that).
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The position of the current question (0-based).
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The question at a position, with its lesson.
    pub fn at(&self, pos: usize) -> Option<(&Lesson, &Question)> {
        let r = self.order.get(pos)?;
        let lesson = self.lessons.get(r.lesson)?;
        Some((lesson, lesson.quiz.get(r.question)?))
    }

    /// The current question, with its lesson; `None` once every question was seen.
    pub fn current(&self) -> Option<(&Lesson, &Question)> {
        self.at(self.pos)
    }

    /// The outcome recorded at a position.
    pub fn outcome(&self, pos: usize) -> Option<&Outcome> {
        self.outcomes.get(pos).and_then(Option::as_ref)
    }

    /// Records the current question's outcome (a second answer replaces the first: the
    /// first one counts only if the caller does not call this again).
    pub fn record(&mut self, outcome: Outcome) {
        if let Some(slot) = self.outcomes.get_mut(self.pos) {
            *slot = Some(outcome);
        }
    }

    /// Moves to the next question; false when there is none (the review comes next).
    pub fn advance(&mut self) -> bool {
        if self.pos < self.order.len() {
            self.pos += 1;
        }
        self.pos < self.order.len()
    }

    /// Whether every question has been passed (answered or skipped).
    pub fn finished(&self) -> bool {
        self.pos >= self.order.len()
    }

    /// Ends the session now (a time limit ran out): the rest stay unanswered.
    pub fn finish(&mut self) {
        self.pos = self.order.len();
    }

    /// (right, answered, total).
    pub fn score(&self) -> (usize, usize, usize) {
        let answered = self.outcomes.iter().flatten().count();
        let right = self.outcomes.iter().flatten().filter(|o| o.correct).count();
        (right, answered, self.order.len())
    }

    /// Positions answered wrong or not at all.
    pub fn missed(&self) -> Vec<usize> {
        (0..self.order.len())
            .filter(|&i| !self.outcome(i).is_some_and(|o| o.correct))
            .collect()
    }

    /// A new session with only the questions missed here, in the same order.
    pub fn retry_missed(&self) -> Option<QuizSession> {
        let order: Vec<QuestionRef> = self.missed().into_iter().map(|i| self.order[i]).collect();
        if order.is_empty() {
            return None;
        }
        Some(QuizSession {
            name: self.name.clone(),
            student: self.student.clone(),
            lessons: self.lessons.clone(),
            outcomes: vec![None; order.len()],
            order,
            pos: 0,
        })
    }

    /// One result row per question (unanswered ones too, with an empty answer), for the
    /// saved history and `--export`.
    pub fn rows(&self) -> Vec<super::results::ResultRow> {
        (0..self.order.len())
            .filter_map(|i| {
                let (lesson, q) = self.at(i)?;
                let o = self.outcome(i);
                Some(super::results::ResultRow {
                    quiz: self.name.clone(),
                    lesson: lesson.id.clone(),
                    question: q.id.clone(),
                    kind: q.kind.name().to_string(),
                    answer: o.map(|o| o.answer.clone()).unwrap_or_default(),
                    correct: o.is_some_and(|o| o.correct),
                    answered: o.is_some(),
                    seconds: o.map_or(0.0, |o| o.millis as f64 / 1000.0),
                    date: o.map(|o| o.answered_at.clone()).unwrap_or_default(),
                    name: self.student.clone(),
                })
            })
            .collect()
    }
}

/// Fisher-Yates with the simulator's SplitMix64, so an order depends only on the seed and
/// never on a crate's version.
fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut rng = Rng::new(seed);
    for i in (1..items.len()).rev() {
        let j = (rng.next_u64() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}
