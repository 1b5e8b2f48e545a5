//! Strict loading: a lesson file in, a [`LoadedLesson`] or every problem found, each with
//! `file:line:column`, what is wrong and what was probably meant.
//!
//! Lesson files are untrusted: they are size-limited before parsing, they may name files only
//! inside their own folder, their script lines are `kubestory sim` lines (never shell
//! commands), and all their text is passed through [`sanitize`].

pub use super::files::MAX_FILE_BYTES;
use super::files::read_limited;
use super::files::{check_script_path, read_inside};
use super::model::{Check, Lesson, ManifestFile};
use super::sanitize::sanitize;
use super::yaml;
use crate::manifest::Diagnostic;
use crate::manifest::suggest::did_you_mean;
use crate::runner::script::{Line, parse_line};
use crate::sim::{Kind, Target};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The most options a predict question may have: the player answers with the keys `a`–`d`.
pub const MAX_PREDICT_OPTIONS: usize = 4;

/// A lesson as read: the model (sanitised, every manifest's `content` filled in, the setup's
/// `script_file` lines appended to `script`), and where it came from.
#[derive(Clone, Debug)]
pub struct LoadedLesson {
    /// The lesson.
    pub lesson: Lesson,
    /// The file name as given (for messages).
    pub file: String,
    /// The folder that file references are relative to.
    pub folder: PathBuf,
    /// The raw text (to point at lines in later checks).
    pub source: String,
}

impl LoadedLesson {
    /// The 1-based line and column of the first match of each needle in turn (each searched
    /// after the previous one); the last one found wins. `(1, 1)` when none is found.
    pub fn locate(&self, needles: &[&str]) -> (u32, u32) {
        locate(&self.source, needles)
    }

    /// Where a goal's label is written in step `step_id`: found as written plain
    /// (`label: The app runs`) or double-quoted with escapes (`label: "It serves \"x\""`);
    /// the step's `goals:` line when neither is found.
    pub fn locate_label(&self, step_id: &str, label: &str) -> (u32, u32) {
        let id = format!("id: {step_id}");
        let goals = self.locate(&["steps:", &id, "goals:"]);
        for needle in [format!("label: {label}"), format!("label: {label:?}")] {
            let at = self.locate(&["steps:", &id, "goals:", &needle]);
            if at != goals {
                return at;
            }
        }
        goals
    }
}

/// Builds a diagnostic; message and suggestion are sanitised (they may quote file text).
pub fn diag(file: &str, at: (u32, u32), message: &str, suggestion: Option<String>) -> Diagnostic {
    Diagnostic {
        file: file.to_string(),
        line: at.0,
        column: at.1,
        path: String::new(),
        message: sanitize(message),
        suggestion: suggestion.map(|s| sanitize(&s)),
    }
}

/// Reads one lesson file (a regular file: a FIFO or a device is refused, never opened for a
/// blocking read).
pub fn load_lesson(path: &Path) -> Result<LoadedLesson, Vec<Diagnostic>> {
    let file = path.display().to_string();
    let text = read_limited(path).map_err(|m| vec![diag(&file, (1, 1), &m, None)])?;
    let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
    load_str(&text, &file, &folder)
}

/// Reads every `*.yaml`/`*.yml` lesson in a folder, sorted by file name.
pub fn load_dir(dir: &Path) -> (Vec<LoadedLesson>, Vec<Diagnostic>) {
    let mut lessons = Vec::new();
    let mut errors = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let file = dir.display().to_string();
            errors.push(diag(
                &file,
                (1, 1),
                &format!("cannot read folder: {e}"),
                None,
            ));
            return (lessons, errors);
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .collect();
    paths.sort();
    for p in paths {
        // Only the folder's own regular files: a symbolic link could lead anywhere (its
        // target is neither followed nor quoted), a FIFO would block the reader.
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                errors.push(diag(
                    &p.display().to_string(),
                    (1, 1),
                    "this lesson file is a symbolic link; lessons are read only from regular files in the folder",
                    Some("copy the lesson into the folder instead of linking it".into()),
                ));
                continue;
            }
            Ok(m) if m.is_file() => {}
            _ => continue,
        }
        match load_lesson(&p) {
            Ok(l) => lessons.push(l),
            Err(mut e) => errors.append(&mut e),
        }
    }
    (lessons, errors)
}

/// Parses and validates a lesson from text; `folder` is where its file references live.
pub fn load_str(text: &str, file: &str, folder: &Path) -> Result<LoadedLesson, Vec<Diagnostic>> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(vec![diag(
            file,
            (1, 1),
            &format!(
                "the lesson is {} bytes; lessons are limited to {MAX_FILE_BYTES} bytes",
                text.len()
            ),
            Some("split it into several lessons".into()),
        )]);
    }
    let mut lesson: Lesson = yaml::from_str(text).map_err(|e| {
        let suggestion = suggest_for(&e.message);
        vec![diag(file, (e.line, e.column), &e.message, suggestion)]
    })?;
    let mut loaded_source = text.to_string();
    loaded_source.shrink_to_fit();
    let mut errors = Vec::new();
    let at = |needles: &[&str]| locate(text, needles);
    let err = |errors: &mut Vec<Diagnostic>, pos, msg: String, hint: Option<String>| {
        errors.push(diag(file, pos, &msg, hint));
    };

    if lesson.id.is_empty()
        || !lesson
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        err(
            &mut errors,
            at(&["id:"]),
            format!(
                "lesson id {:?} must be lowercase letters, digits and `-`",
                lesson.id
            ),
            None,
        );
    }
    if lesson.steps.is_empty() {
        err(
            &mut errors,
            at(&["steps:"]),
            "a lesson needs at least one step".into(),
            None,
        );
    }
    if lesson.objectives.is_empty() {
        err(
            &mut errors,
            at(&["objectives:"]),
            "list at least one learning objective".into(),
            None,
        );
    }
    if lesson.minutes == 0 {
        err(
            &mut errors,
            at(&["minutes:"]),
            "minutes must be at least 1".into(),
            None,
        );
    }

    super::cluster::check_cluster(&lesson.cluster, file, text, &mut errors);

    if let Some(problem) = markdown_problem(&lesson.recap) {
        err(
            &mut errors,
            at(&["recap:"]),
            format!("recap: {problem}"),
            None,
        );
    }

    // Setup: manifests, then script lines (inline and from a file).
    for m in &mut lesson.setup.manifests {
        resolve_manifest(m, folder, file, text, &["setup:"], &mut errors);
    }
    if let Some(script_file) = lesson.setup.script_file.clone() {
        let pos = at(&["setup:", "script_file:"]);
        match read_inside(folder, &script_file) {
            Ok(body) => lesson.setup.script.extend(body.lines().map(str::to_string)),
            Err((msg, hint)) => err(&mut errors, pos, msg, hint),
        }
    }
    // The manifests the lesson's lines may name (in memory when they run).
    let known: BTreeSet<String> = lesson
        .setup
        .manifests
        .iter()
        .chain(lesson.steps.iter().flat_map(|s| s.manifests.iter()))
        .map(|m| m.name.clone())
        .collect();
    check_script(
        &lesson.setup.script,
        file,
        text,
        &["setup:"],
        Some(&known),
        &mut errors,
    );

    let mut seen_ids: Vec<String> = Vec::new();
    for step in &mut lesson.steps {
        let id_needle = format!("id: {}", step.id);
        let anchor = ["steps:", id_needle.as_str()];
        if seen_ids.contains(&step.id) {
            err(
                &mut errors,
                at(&anchor),
                format!("two steps have the id {:?}", step.id),
                None,
            );
        }
        seen_ids.push(step.id.clone());
        for m in &mut step.manifests {
            resolve_manifest(m, folder, file, text, &anchor, &mut errors);
        }
        if let Some(problem) = markdown_problem(&step.text) {
            let mut needles = anchor.to_vec();
            needles.push("text:");
            err(
                &mut errors,
                at(&needles),
                format!("step {:?}: text: {problem}", step.id),
                None,
            );
        }
        if step.goals.is_empty() {
            err(
                &mut errors,
                at(&anchor),
                format!("step {:?} has no goals", step.id),
                None,
            );
        }
        if step.solution.is_empty() {
            err(
                &mut errors,
                at(&anchor),
                format!("step {:?} has no solution", step.id),
                None,
            );
        }
        check_script(
            &step.solution,
            file,
            text,
            &anchor,
            Some(&known),
            &mut errors,
        );
        check_lines(
            &step.demo,
            file,
            text,
            &anchor,
            Some(&known),
            true,
            &mut errors,
        );
        if let Some(problem) = step.notes.as_deref().and_then(markdown_problem) {
            let mut needles = anchor.to_vec();
            needles.push("notes:");
            err(
                &mut errors,
                at(&needles),
                format!("step {:?}: notes: {problem}", step.id),
                None,
            );
        }
        let mut checks: Vec<&Check> = step.goals.iter().map(|g| &g.check).collect();
        if let Some(p) = &step.predict {
            if p.options.len() < 2 || !p.options.iter().any(|o| o.correct) {
                err(
                    &mut errors,
                    at(&[anchor[0], anchor[1], "predict:"]),
                    "a predict question needs at least two options and at least one `correct: true`"
                        .into(),
                    None,
                );
            }
            if p.options.len() > MAX_PREDICT_OPTIONS {
                err(
                    &mut errors,
                    at(&[anchor[0], anchor[1], "predict:"]),
                    format!(
                        "a predict question has {} options; learners answer with the keys a to d, so at most {MAX_PREDICT_OPTIONS}",
                        p.options.len()
                    ),
                    Some(
                        "merge or drop options (a question with 2 to 4 options reads best)".into(),
                    ),
                );
            }
            checks.extend(p.proof.iter());
        }
        for c in checks {
            check_names(c, file, text, &anchor, &mut errors);
        }
    }

    super::quiz::shape::check_questions(&mut lesson.quiz, folder, file, text, &mut errors);

    if !errors.is_empty() {
        return Err(errors);
    }
    super::sanitize::sanitize_lesson(&mut lesson);
    Ok(LoadedLesson {
        lesson,
        file: file.to_string(),
        folder: folder.to_path_buf(),
        source: loaded_source,
    })
}

/// The one Markdown mistake that ruins the rest of a text: a code block opened with ```
/// and never closed (everything after it would be drawn as code).
pub(super) fn markdown_problem(text: &str) -> Option<String> {
    let mut open_at = None;
    for (i, line) in text.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            open_at = match open_at {
                None => Some(i + 1),
                Some(_) => None,
            };
        }
    }
    open_at.map(|l| {
        format!("the code block opened with ``` on line {l} of the text is never closed; add a line with ``` after the code")
    })
}

/// Fills a manifest's `content` from its `file`, checking the name and the path.
pub(super) fn resolve_manifest(
    m: &mut ManifestFile,
    folder: &Path,
    file: &str,
    text: &str,
    anchor: &[&str],
    errors: &mut Vec<Diagnostic>,
) {
    let name_needle = format!("name: {}", m.name);
    let mut needles = anchor.to_vec();
    needles.push(&name_needle);
    let pos = locate(text, &needles);
    if m.name.is_empty()
        || m.name.contains(['/', '\\'])
        || m.name.starts_with('.')
        || !(m.name.ends_with(".yaml") || m.name.ends_with(".yml"))
    {
        errors.push(diag(
            file,
            pos,
            &format!(
                "manifest name {:?} must be a plain file name ending in .yaml",
                m.name
            ),
            Some("for example `name: story.yaml`".into()),
        ));
    }
    match (&m.content, &m.file) {
        (Some(_), None) => {}
        (None, Some(path)) => match read_inside(folder, path) {
            Ok(body) => m.content = Some(body),
            Err((msg, hint)) => errors.push(diag(file, pos, &msg, hint)),
        },
        _ => errors.push(diag(
            file,
            pos,
            &format!(
                "manifest {:?} needs exactly one of `content` and `file`",
                m.name
            ),
            None,
        )),
    }
}

/// Every script line must be a `kubestory sim` line; `cluster` belongs in `cluster:`; the
/// files a kubectl line reads (`-f`, `--patch-file`) must be the lesson's own manifests
/// (`known`, when given), named plainly: no path leaves the lesson.
pub(super) fn check_script(
    lines: &[String],
    file: &str,
    text: &str,
    anchor: &[&str],
    known: Option<&BTreeSet<String>>,
    errors: &mut Vec<Diagnostic>,
) {
    check_lines(lines, file, text, anchor, known, false, errors);
}

/// Checks script lines; with `placeholders` (`demo:` lines), `{{pod deploy/NAME N}}` may
/// name pods (resolved when played, see [`super::placeholders`]): each placeholder's form is
/// checked here, and the line is parsed with a stand-in pod name.
fn check_lines(
    lines: &[String],
    file: &str,
    text: &str,
    anchor: &[&str],
    known: Option<&BTreeSet<String>>,
    placeholders: bool,
    errors: &mut Vec<Diagnostic>,
) {
    for line in lines {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let mut needles = anchor.to_vec();
        needles.push(l);
        let pos = locate(text, &needles);
        let stand_in;
        let l = if placeholders && super::placeholders::has_placeholder(l) {
            if let Err(why) = super::placeholders::check_form(l) {
                errors.push(diag(file, pos, &format!("demo line {l:?}: {why}"), None));
                continue;
            }
            stand_in = super::placeholders::stand_in(l);
            stand_in.as_str()
        } else {
            l
        };
        match parse_line(l) {
            Err(e) => errors.push(diag(file, pos, &format!("script line {l:?}: {e}"), None)),
            Ok(Line::Cluster { .. }) => errors.push(diag(
                file,
                pos,
                "`cluster` lines are not allowed in lessons",
                Some(
                    "describe the starting cluster under `cluster:` (nodes, default_storage_class)"
                        .into(),
                ),
            )),
            Ok(Line::Kubectl(command)) => {
                let Ok(inv) = crate::kubectl::parse_command_line(&command) else {
                    continue;
                };
                for path in inv
                    .flags
                    .filenames
                    .iter()
                    .chain(inv.flags.patch_file.iter())
                {
                    if let Err((message, hint)) = check_script_path(path, known) {
                        // The path's column inside the line (the line is on one row).
                        let within = l.find(path.as_str()).map_or(0, |i| l[..i].chars().count());
                        let at = (pos.0, pos.1 + within as u32);
                        errors.push(diag(file, at, &message, hint));
                    }
                }
            }
            Ok(_) => {}
        }
    }
}

/// Targets must parse and kinds must be known.
pub(super) fn check_names(
    c: &Check,
    file: &str,
    text: &str,
    anchor: &[&str],
    errors: &mut Vec<Diagnostic>,
) {
    let target = match c {
        Check::Running { target, .. }
        | Check::Restarts { target, .. }
        | Check::Serves { target, .. } => Some(target),
        _ => None,
    };
    if let Some(t) = target
        && let Err(e) = Target::parse(t)
    {
        let mut needles = anchor.to_vec();
        needles.push(t);
        errors.push(diag(
            file,
            locate(text, &needles),
            &format!("target {t:?}: {e}"),
            None,
        ));
    }
    if let Check::ClaimCapacity { capacity, .. } = c
        && crate::sim::Quantity::parse(capacity).is_err()
    {
        let mut needles = anchor.to_vec();
        let k = format!("capacity: {capacity}");
        needles.push(&k);
        errors.push(diag(
            file,
            locate(text, &needles),
            &format!("capacity {capacity:?} is not a Kubernetes quantity"),
            Some("write it as kubectl prints it: 5Gi, 500Mi, 1Ti".into()),
        ));
    }
    if let Check::Exists { kind, .. } | Check::Absent { kind, .. } | Check::Terminating { kind, .. } =
        c
        && Kind::from_resource(kind).is_none()
    {
        let mut needles = anchor.to_vec();
        let k = format!("kind: {kind}");
        needles.push(&k);
        let known = [
            "pod",
            "pvc",
            "pv",
            "deployment",
            "statefulset",
            "storageclass",
            "node",
            "configmap",
            "secret",
        ];
        errors.push(diag(
            file,
            locate(text, &needles),
            &format!("unknown kind {kind:?}"),
            did_you_mean(kind, known).map(|s| format!("did you mean {s:?}?")),
        ));
    }
}

/// `did you mean` for serde's "unknown field `x`, expected one of `a`, `b`" messages.
fn suggest_for(message: &str) -> Option<String> {
    let start = message
        .find("unknown field `")
        .map(|i| i + "unknown field `".len())
        .or_else(|| {
            message
                .find("unknown variant `")
                .map(|i| i + "unknown variant `".len())
        })?;
    let rest = &message[start..];
    let end = rest.find('`')?;
    let typed = &rest[..end];
    let expected = rest[end + 1..].split_once("expected")?.1;
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    did_you_mean(typed, candidates.iter().copied()).map(|s| format!("did you mean {s:?}?"))
}

pub(super) fn locate(text: &str, needles: &[&str]) -> (u32, u32) {
    let mut from = 0;
    let mut found = None;
    for n in needles {
        if let Some(i) = text.get(from..).and_then(|t| t.find(n)) {
            found = Some(from + i);
            from += i + n.len();
        }
    }
    let Some(offset) = found else {
        return (1, 1);
    };
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u32, column as u32)
}
