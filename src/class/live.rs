//! A class while it runs (issue 14): what each student's session reports to the server (their
//! place and the things worth recording), what the teacher sends back, and the tally of a live
//! vote. Plain data shared by three rooms that must not know each other's insides: the
//! student's session (`ui::remote_session`), the teacher's dashboard (`ui::dashboard`) and the
//! SSH server that carries messages between them (`serve`).
//!
//! Times are milliseconds on the server's clock (since it started), passed in by the server:
//! nothing here reads a clock.

/// Where a student is and how it goes there: one row of the teacher's dashboard.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StudentStatus {
    /// The student's name (their SSH user name, checked by `class::bounds::check_name`).
    pub name: String,
    /// Whether a session of theirs is open now (a student who left stays on the dashboard).
    pub connected: bool,
    /// What is on their screen.
    pub place: Place,
    /// The lesson's id (empty outside a lesson).
    pub lesson: String,
    /// The lesson's title (empty outside a lesson).
    pub lesson_title: String,
    /// The step on screen, 0-based (`None` outside a lesson, or on the recap).
    pub step: Option<usize>,
    /// How many steps the lesson has.
    pub steps: usize,
    /// The step's title.
    pub step_title: String,
    /// How many of the step's goals hold now.
    pub goals_met: usize,
    /// How many goals the step has.
    pub goals_total: usize,
    /// When the step on screen began (server ms): the dashboard shows the time on it.
    pub step_since_ms: u64,
    /// Hints opened on this step.
    pub hints: usize,
    /// Commands that failed since the step began: with time on the step, the sign of being
    /// stuck.
    pub failed_commands: u32,
    /// The last key they pressed (server ms).
    pub last_activity_ms: u64,
    /// The option they chose for the step's prediction (0-based), if any.
    pub voted: Option<usize>,
}

/// Which screen a student has up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Place {
    /// Choosing a lesson.
    #[default]
    Picker,
    /// Playing a lesson.
    Lesson,
    /// The sandbox.
    Sandbox,
    /// A quiz.
    Quiz,
}

/// Something a student did that the class record keeps (see [`crate::class::ClassRecord`]):
/// drained from their session after every input and written by the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClassEvent {
    /// A step came on screen.
    StepStarted {
        /// The lesson's id.
        lesson: String,
        /// The step's id.
        step: String,
    },
    /// A step's goals all held.
    StepCompleted {
        /// The lesson's id.
        lesson: String,
        /// The step's id.
        step: String,
    },
    /// The lesson's last step was done.
    LessonCompleted {
        /// The lesson's id.
        lesson: String,
    },
    /// A hint was opened (`hint` counts from 1).
    HintOpened {
        /// The lesson's id.
        lesson: String,
        /// The step's id.
        step: String,
        /// Which hint.
        hint: usize,
    },
    /// A command failed (kubectl's error, a refused action).
    CommandFailed {
        /// The lesson's id (empty in the sandbox).
        lesson: String,
        /// The step's id (empty in the sandbox).
        step: String,
        /// The command as typed (cut to the record's bound by the server).
        command: String,
    },
    /// The student answered the step's prediction: their vote.
    Voted {
        /// The lesson's id.
        lesson: String,
        /// The step's id.
        step: String,
        /// The chosen option, 0-based.
        option: usize,
    },
    /// The student answered a quiz question.
    QuizAnswered {
        /// The question's lesson.
        lesson: String,
        /// The question's id in its lesson.
        question: String,
        /// The answer as the quiz results show it.
        answer: String,
        /// Whether it was right.
        correct: bool,
    },
}

/// What the teacher sends to a student's session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Directive {
    /// A message from the teacher, shown until the student presses a key.
    Message(String),
    /// A hint written by the teacher for this student (shown like a message, marked as a
    /// hint).
    Hint(String),
    /// Follow the presenter: open this lesson at this step (0-based). While following, a
    /// prediction's verdict waits for [`Directive::Reveal`].
    Follow {
        /// The lesson's id.
        lesson: String,
        /// The step, 0-based.
        step: usize,
    },
    /// Stop following: work at your own pace (verdicts come as the result shows again).
    OwnPace,
    /// The teacher revealed this step's answer: show the verdict and the explanation.
    Reveal {
        /// The lesson's id.
        lesson: String,
        /// The step's id.
        step: String,
    },
    /// Start a quiz for the class.
    StartQuiz {
        /// The lessons whose questions to ask (empty: all).
        lessons: Vec<String>,
        /// End the quiz after this many milliseconds.
        time_limit_ms: Option<u64>,
        /// Shuffle with this seed (the same order for everyone).
        seed: Option<u64>,
    },
    /// The session ends (the server stops, or the same student logged in elsewhere): the
    /// reason is the last thing they see.
    End(String),
}

/// A live vote: how many chose each option of the step's prediction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Votes per option, in the question's order.
    pub counts: Vec<u32>,
    /// Who chose what (name, option), by name: shown only if the teacher chooses.
    pub by_student: Vec<(String, usize)>,
    /// How many students are connected (to show "12 of 25 answered").
    pub connected: usize,
}

impl Tally {
    /// How many answered.
    pub fn answered(&self) -> u32 {
        self.counts.iter().sum()
    }
}
