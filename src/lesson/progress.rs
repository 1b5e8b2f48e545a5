//! Where a learner stands in each lesson, kept as `progress.json` in the state folder the
//! caller passes (the UI takes it from `ui::persist::state_dir`; this module never asks the
//! platform, so tests and `--state-dir`-style overrides stay simple).
//!
//! Losing a learner's place is bad, but refusing to start because a file is damaged is worse:
//! a file that cannot be read is renamed to `progress.json.corrupt-N` and reported, and the
//! learner starts fresh. Writes go through a temporary file, `fsync` and a rename, so a crash
//! leaves either the old file or the new one, never half of each.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lesson::Lesson;
use crate::lesson::state_file::read_bounded;

/// The file name of the progress file inside the state folder.
pub const FILE: &str = "progress.json";

/// The format version this build writes and reads; another version is set aside rather than
/// guessed at (a newer kubestory may mean something else by the same fields).
pub const VERSION: u32 = 1;

/// The largest progress file read (4 MiB: thousands of lessons' worth); a larger one is set
/// aside like a damaged one.
pub const MAX_BYTES: u64 = 4 << 20;

/// The folder (inside the state folder) holding the editor drafts, one folder per lesson.
const DRAFTS: &str = "drafts";

/// Everything kubestory remembers about a learner between runs.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Progress {
    /// The file format's version ([`VERSION`]).
    pub version: u32,
    /// Progress per lesson, by lesson id.
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
    /// The lesson opened last, so the lesson list can offer to continue it.
    #[serde(default)]
    pub last_lesson: Option<String>,
}

/// Written by hand rather than derived: a derived default would carry version 0, which
/// [`load`] would then refuse after the first [`save`].
impl Default for Progress {
    fn default() -> Progress {
        Progress {
            version: VERSION,
            lessons: BTreeMap::new(),
            last_lesson: None,
        }
    }
}

/// Where a learner stands in one lesson. Steps are named by id rather than position where it
/// matters (done steps, hints, answers), so editing a lesson does not shift them onto other
/// steps; only `step` is a position, and [`Progress::status`] clamps it.
#[derive(Serialize, Deserialize, Default, Clone, Debug, PartialEq)]
#[serde(default)]
pub struct LessonProgress {
    /// The step the learner is on (0-based).
    pub step: usize,
    /// Ids of the steps whose goals were met.
    pub done_steps: BTreeSet<String>,
    /// Step id → how many hints the learner unlocked.
    pub hints: BTreeMap<String, usize>,
    /// Step id → the option index chosen for the step's predict question.
    pub answers: BTreeMap<String, usize>,
    /// The recap was reached after the last step's goals were met.
    pub finished: bool,
}

/// A lesson's state as the lesson list shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Never opened, or opened without doing anything.
    NotStarted,
    /// Somewhere in the middle.
    InProgress {
        /// The current step (0-based), clamped to the lesson's steps.
        step: usize,
        /// How many steps the lesson has now.
        of: usize,
        /// How many of the lesson's current steps are done.
        done: usize,
    },
    /// The recap was reached.
    Finished,
}

impl Progress {
    /// The state of `lesson`. Lessons change between releases, so the saved step is clamped to
    /// the lesson's current steps and only done steps that still exist are counted.
    pub fn status(&self, lesson: &Lesson) -> Status {
        self.status_of(&super::card::LessonCard::of(lesson))
    }

    /// [`Progress::status`] from a lesson's card (the picker has no parsed lesson).
    pub fn status_of(&self, card: &super::card::LessonCard) -> Status {
        let Some(p) = self.lessons.get(&card.id) else {
            return Status::NotStarted;
        };
        if p.finished {
            return Status::Finished;
        }
        if *p == LessonProgress::default() {
            return Status::NotStarted;
        }
        let of = card.steps();
        let done = card
            .step_ids
            .iter()
            .filter(|id| p.done_steps.contains(*id))
            .count();
        Status::InProgress {
            step: p.step.min(of.saturating_sub(1)),
            of,
            done,
        }
    }

    /// The progress of lesson `id`, created empty if there is none, for the UI to update.
    pub fn entry(&mut self, id: &str) -> &mut LessonProgress {
        self.lessons.entry(id.to_string()).or_default()
    }
}

/// What [`load`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadOutcome {
    /// No progress file: a first run (or after a reset).
    Fresh,
    /// The file was read.
    Loaded,
    /// The file could not be used; it was renamed to `aside` so nothing is lost, and `why` is a
    /// one-line reason to show the learner.
    SetAside {
        /// Where the file is now.
        aside: PathBuf,
        /// Why it could not be used.
        why: String,
    },
    /// The file could not be used and could not be renamed either (a read-only folder, say);
    /// it was left in place, so the next [`save`] replaces it. `why` says both reasons.
    Unusable {
        /// Why it could not be used nor set aside.
        why: String,
    },
}

/// Reads `dir/progress.json`. Never fails and never panics: anything wrong with the file is
/// turned into a fresh [`Progress`] and a [`LoadOutcome`] the UI can report.
pub fn load(dir: &Path) -> (Progress, LoadOutcome) {
    let path = dir.join(FILE);
    let why = match read_bounded(&path, MAX_BYTES) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return (Progress::default(), LoadOutcome::Fresh);
        }
        Err(e) => format!("could not read {}: {e}", path.display()),
        Ok(text) => match from_json(&text) {
            Ok(p) if p.version == VERSION => return (p, LoadOutcome::Loaded),
            Ok(p) => format!(
                "{} has format version {}, this kubestory reads version {VERSION}",
                path.display(),
                p.version
            ),
            Err(e) => format!("{} is not valid progress JSON: {e}", path.display()),
        },
    };
    let outcome = match set_aside(&path) {
        Ok(aside) => LoadOutcome::SetAside { aside, why },
        Err(e) => LoadOutcome::Unusable {
            why: format!("{why}; could not move it aside: {e}"),
        },
    };
    (Progress::default(), outcome)
}

/// Reads the progress file's text (the file format only; [`load`] also checks the version).
/// serde_json refuses nesting past 128 levels, so no text makes this recurse deeply.
pub fn from_json(text: &str) -> serde_json::Result<Progress> {
    serde_json::from_str(text)
}

/// Renames `path` to `path.corrupt-N` with the first N not taken, so a second damaged file
/// never overwrites the first one set aside.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| FILE.to_string());
    for n in 1..=10_000u32 {
        let aside = path.with_file_name(format!("{name}.corrupt-{n}"));
        if fs::symlink_metadata(&aside).is_err() {
            fs::rename(path, &aside)?;
            return Ok(aside);
        }
    }
    Err(io::Error::other("too many set-aside progress files"))
}

/// Writes `p` to `dir/progress.json` atomically: the folder is created, the JSON goes to
/// `progress.json.tmp`, is synced to disk, then renamed over the old file.
pub fn save(dir: &Path, p: &Progress) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let json = serde_json::to_vec_pretty(p).map_err(io::Error::other)?;
    let tmp = dir.join(format!("{FILE}.tmp"));
    let mut file = File::create(&tmp)?;
    file.write_all(&json)?;
    file.write_all(b"\n")?;
    file.sync_all()?;
    drop(file);
    fs::rename(&tmp, dir.join(FILE))?;
    // Syncing the folder makes the rename itself durable; not every platform can open a
    // folder as a file, and the data is already safe, so a failure here is not an error.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The folder holding lesson `lesson_id`'s editor drafts: `dir/drafts/<lesson_id>`. An id that
/// could leave the folder is made harmless (see [`draft_path`]).
pub fn drafts_dir(dir: &Path, lesson_id: &str) -> PathBuf {
    dir.join(DRAFTS).join(safe_component(lesson_id))
}

/// The draft of step `step_id`: `dir/drafts/<lesson_id>/<step_id>.yaml`. Ids are checked as
/// `[a-z0-9-]` when lessons load, but a path is built here, so any character outside
/// `[A-Za-z0-9_-]` (a `/`, a `\`, a `.`) is replaced by `_`, and the result can never name a
/// parent folder or a hidden file.
pub fn draft_path(dir: &Path, lesson_id: &str, step_id: &str) -> PathBuf {
    drafts_dir(dir, lesson_id).join(format!("{}.yaml", safe_component(step_id)))
}

/// The folder the sandboxes' journals are kept in (`crate::ui::sandbox::journal_path`).
pub const SANDBOXES: &str = "sandbox";

/// Forgets saved progress. `None`: removes `progress.json` and every draft (set-aside
/// `*.corrupt-N` files are kept: they are the learner's, not ours). `Some(id)`: removes that
/// lesson's entry (saving the rest atomically) and its drafts; a damaged progress file is set
/// aside on the way, as [`load`] does, and an unsafe id is refused (`InvalidInput`). Nothing
/// saved is not an error.
/// Returns a one-line message for the learner.
pub fn reset(dir: &Path, lesson: Option<&str>) -> io::Result<String> {
    let Some(id) = lesson else {
        let file = remove_if_exists(&dir.join(FILE), false)?;
        let drafts = remove_if_exists(&dir.join(DRAFTS), true)?;
        // The sandboxes kept between runs (`crate::ui::sandbox`) go too.
        let sandboxes = remove_if_exists(&dir.join(SANDBOXES), true)?;
        return Ok(if file || drafts || sandboxes {
            "cleared all progress, drafts and sandboxes".to_string()
        } else {
            "nothing saved yet".to_string()
        });
    };
    check_id(id)?;
    let mut cleared = false;
    if dir.join(FILE).exists() {
        let (mut p, outcome) = load(dir);
        if outcome == LoadOutcome::Loaded && p.lessons.remove(id).is_some() {
            if p.last_lesson.as_deref() == Some(id) {
                p.last_lesson = None;
            }
            save(dir, &p)?;
            cleared = true;
        }
    }
    cleared |= remove_if_exists(&drafts_dir(dir, id), true)?;
    Ok(if cleared {
        format!("cleared progress of lesson {id}")
    } else {
        format!("nothing saved for lesson {id}")
    })
}

/// Removes a file (or a whole folder when `folder`); `Ok(false)` when there was nothing.
fn remove_if_exists(path: &Path, folder: bool) -> io::Result<bool> {
    let result = if folder {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    };
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Refuses an id that could name something outside its folder once joined to a path: empty,
/// containing `/`, `\`, `..` or NUL, or starting with `.`.
pub fn check_id(id: &str) -> io::Result<()> {
    let bad =
        id.is_empty() || id.contains(['/', '\\', '\0']) || id.contains("..") || id.starts_with('.');
    if bad {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{id:?} is not a lesson or step id (letters, digits and `-` only)"),
        ));
    }
    Ok(())
}

/// `id` as one harmless path component: characters outside `[A-Za-z0-9_-]` become `_`.
fn safe_component(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if safe.is_empty() {
        "_".to_string()
    } else {
        safe
    }
}

#[cfg(test)]
mod tests;
