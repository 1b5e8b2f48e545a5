//! Bounds on every text the class record takes: student and class names arrive from the
//! network (the SSH user name), ids and answers from students' screens. Each refusal says the
//! rule, so a student mistyping their name at the `ssh` prompt knows what to change.

use super::ClassError;

/// Longest student or class name: fits a dashboard column and a file name everywhere.
pub const MAX_NAME_CHARS: usize = 32;
/// Longest lesson, step, question or vote option id (lesson files use short ids).
pub const MAX_ID_CHARS: usize = 64;
/// Longest quiz answer kept, in bytes (an answer in words, a typed command).
pub const MAX_ANSWER_BYTES: usize = 4096;

/// Checks a student or class name: 1–32 characters of `A-Z a-z 0-9 . _ -`, beginning with a
/// letter or digit (a class name is also its file's name, so `..` and hidden files are out).
pub fn check_name(what: &'static str, name: &str) -> Result<(), ClassError> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
    let ok_first = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let len = name.chars().count();
    if ok_chars && ok_first && (1..=MAX_NAME_CHARS).contains(&len) {
        Ok(())
    } else {
        Err(ClassError::BadName {
            what,
            name: shown(name),
        })
    }
}

/// Checks an id (lesson, step, question, vote option): 1–64 printable characters.
pub fn check_id(what: &'static str, id: &str) -> Result<(), ClassError> {
    let len = id.chars().count();
    if (1..=MAX_ID_CHARS).contains(&len) && !id.chars().any(char::is_control) {
        Ok(())
    } else {
        Err(ClassError::BadId {
            what,
            id: shown(id),
        })
    }
}

/// Checks a quiz answer: at most [`MAX_ANSWER_BYTES`] bytes (it may be empty: unanswered).
pub fn check_answer(answer: &str) -> Result<(), ClassError> {
    if answer.len() <= MAX_ANSWER_BYTES {
        Ok(())
    } else {
        Err(ClassError::AnswerTooLong {
            bytes: answer.len(),
        })
    }
}

/// A refused input as shown in an error: at most 40 characters, control characters escaped
/// (it may be a hostile string meant for the teacher's terminal).
fn shown(s: &str) -> String {
    let cut: String = s.chars().take(40).collect();
    let mut out = format!("{cut:?}");
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_rule_and_the_error_says_it() {
        for good in ["ada", "Bob.K", "x_1-2", &"a".repeat(32)] {
            assert!(check_name("student name", good).is_ok(), "{good}");
        }
        for bad in [
            "",
            "..",
            ".hidden",
            "-x",
            "a b",
            "é",
            "a/b",
            &"a".repeat(33),
            "a\x1b[2J",
        ] {
            let e = check_name("student name", bad).unwrap_err().to_string();
            assert!(
                e.contains("1 to 32 characters") && e.contains("A-Z a-z 0-9 . _ -"),
                "{bad}: {e}"
            );
            assert!(!e.contains('\x1b'), "escape not shown raw: {e}");
        }
    }

    #[test]
    fn ids_and_answers_are_bounded() {
        assert!(check_id("lesson id", "state").is_ok());
        assert!(check_id("lesson id", "").is_err());
        assert!(check_id("lesson id", "a\nb").is_err());
        assert!(check_id("lesson id", &"s".repeat(65)).is_err());
        assert!(check_answer("").is_ok());
        assert!(check_answer(&"x".repeat(MAX_ANSWER_BYTES)).is_ok());
        let e = check_answer(&"x".repeat(MAX_ANSWER_BYTES + 1)).unwrap_err();
        assert!(e.to_string().contains("4096"), "{e}");
    }
}
