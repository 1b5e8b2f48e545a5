//! Rule B of `kubestory lint` (issue 10, "predict, observe, explain"): a step must not answer
//! its own prediction before the learner is asked. The step's title, its goal labels and its
//! hints are on screen before the answer (goals once answered, but still before the learner
//! has acted and seen the result), and its text is read first; none may contain the text of
//! a correct option. Text is compared normalised (case, punctuation, spacing) and word by
//! word, so "Nothing, the story is gone" is found in "nothing: the story is GONE".

use super::load::{LoadedLesson, diag};
use super::model::Step;
use crate::manifest::Diagnostic;

/// Fewer words than this in a correct option are not looked for in prose (step text and
/// hints), where a one- or two-word answer ("Nothing", "Bound") is an ordinary word; titles
/// and labels are checked for any answer.
const PROSE_MIN_WORDS: usize = 3;

/// A label or title this long or longer that is itself part of a correct option states the
/// answer too ("The story is gone" in "Nothing, the story is gone").
const LABEL_IN_OPTION_MIN_WORDS: usize = 3;

/// Every place in `step` that gives away a correct option of its prediction.
pub fn lint_spoilers(loaded: &LoadedLesson, step: &Step) -> Vec<Diagnostic> {
    let Some(predict) = &step.predict else {
        return Vec::new();
    };
    let id_needle = format!("id: {}", step.id);
    let answers: Vec<(String, &str)> = predict
        .options
        .iter()
        .filter(|o| o.correct)
        .map(|o| (normalise(&o.text), o.text.as_str()))
        .filter(|(n, _)| !n.is_empty())
        .collect();
    let mut errors = Vec::new();
    let mut flag = |at: (u32, u32), what: &str, answer: &str| {
        errors.push(diag(
            &loaded.file,
            at,
            &format!(
                "step {:?}: its {what} gives away the predicted answer {answer:?} before the learner has seen it happen",
                step.id
            ),
            Some("say what to look at, not what will be seen (\"What happened to the story?\")".into()),
        ));
    };
    for (answer, shown) in &answers {
        if short_text_spoils(&step.title, answer) {
            flag(
                loaded.locate(&["steps:", &id_needle, "title:"]),
                "title",
                shown,
            );
        }
        for g in &step.goals {
            if short_text_spoils(&g.label, answer) {
                flag(
                    loaded.locate_label(&step.id, &g.label),
                    &format!("goal label {:?}", g.label),
                    shown,
                );
            }
        }
        if words(answer) < PROSE_MIN_WORDS {
            continue;
        }
        for h in &step.hints {
            if contains_words(&normalise(&strip_code(h)), answer) {
                let start: String = h.lines().next().unwrap_or("").chars().take(24).collect();
                flag(
                    loaded.locate(&["steps:", &id_needle, "hints:", &start]),
                    "hint",
                    shown,
                );
            }
        }
        if contains_words(&normalise(&strip_code(&step.text)), answer) {
            flag(
                loaded.locate(&["steps:", &id_needle, "text:"]),
                "text",
                shown,
            );
        }
    }
    errors
}

/// A title or label gives the answer away when it contains it, or when it is itself a part of
/// it of a few words or more.
fn short_text_spoils(text: &str, answer: &str) -> bool {
    let text = normalise(text);
    contains_words(&text, answer)
        || (words(&text) >= LABEL_IN_OPTION_MIN_WORDS && contains_words(answer, &text))
}

/// Lowercase words separated by single spaces: punctuation and spacing do not count.
fn normalise(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn words(normalised: &str) -> usize {
    normalised.split(' ').filter(|w| !w.is_empty()).count()
}

/// Whether `needle`'s words appear in `hay` in order, as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    !needle.is_empty() && format!(" {hay} ").contains(&format!(" {needle} "))
}

/// Prose without its code: inline `code` and fenced blocks are what the learner types (a story
/// text written with `story write` is not an answer given away).
fn strip_code(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut in_code = false;
        for c in line.chars() {
            if c == '`' {
                in_code = !in_code;
                out.push(' ');
            } else if !in_code {
                out.push(c);
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_found_whatever_the_case_punctuation_and_spacing() {
        let answer = normalise("Nothing, the story is gone");
        assert!(short_text_spoils("The story is gone", &answer));
        assert!(short_text_spoils(
            "  NOTHING:  the story is gone! ",
            &answer
        ));
        assert!(!short_text_spoils("What happened to the story?", &answer));
        assert!(
            !short_text_spoils("story", &answer),
            "too short to be a part"
        );
        // Whole words only.
        assert!(!contains_words(
            &normalise("Unbound claims"),
            &normalise("Bound")
        ));
        assert!(contains_words(
            &normalise("The claim is Bound."),
            &normalise("bound")
        ));
    }

    #[test]
    fn code_in_prose_is_not_an_answer() {
        let text = "Run `story write deploy/story survives a crash`.\n```\nsurvives a crash\n```\n";
        assert!(!contains_words(
            &normalise(&strip_code(text)),
            &normalise("\"survives a crash\"")
        ));
        assert!(contains_words(
            &normalise(&strip_code("It survives a crash, `really`.")),
            &normalise("\"survives a crash\"")
        ));
    }
}
