//! Every text the learner reads in the app shell, in one place (gitui's `strings.rs`): easy to
//! review, to keep consistent and one day to translate.

/// The title of the cluster pane.
pub const CLUSTER_TITLE: &str = "cluster";
/// The cluster pane's title while the data-loss flash blinks.
pub const FLASH_TITLE: &str = " DATA LOST ";
/// The title of the event log pane.
pub const LOG_TITLE: &str = "log";
/// The title of the lesson pane.
pub const LESSON_TITLE: &str = "lesson";
/// The title of the editor pane.
pub const EDITOR_TITLE: &str = "manifest editor";
/// The title of the help overlay.
pub const HELP_TITLE: &str = "keys (? or Esc to close)";
/// The lesson pane in the sandbox, until lessons arrive.
pub const LESSON_PLACEHOLDER: &str = "Sandbox: no lesson is running.\n\nWrite a manifest with `n` (Ctrl-S applies it) or `:apply -f`, write a story with `w`, then crash (`r`) or delete (`x`) its pod and watch what survives.\n\nOn the selected object, as in k9s: `d` describe, `y` YAML, `e` edit, `l` logs, `s` shell, Ctrl-D delete; `/` filters.";
/// The cluster pane when nothing exists yet besides the nodes.
pub const EMPTY_CLUSTER: &str = "(no objects yet: press e to write a manifest)";
/// The log pane before anything happened.
pub const EMPTY_LOG: &str = "Welcome to the kubestory sandbox: a one-node minikube cluster.";

/// A non-default sandbox cluster's size and profile (`3-node kind`), or `None` for the default
/// one-node minikube without addons, whose lines are the fixed ones.
fn sandbox_kind(config: &crate::sim::ClusterConfig) -> Option<String> {
    let n = config.nodes.len();
    if config.profile == crate::sim::Profile::Minikube && n == 1 && config.addons.is_empty() {
        return None;
    }
    let size = if n == 1 {
        "one-node".to_string()
    } else {
        format!("{n}-node")
    };
    Some(format!("{size} {}", config.profile))
}

/// The sandbox's welcome line for its cluster: [`EMPTY_LOG`] for the default one-node
/// minikube, else the profile, the node count and what sets the profile apart.
pub fn sandbox_welcome(config: &crate::sim::ClusterConfig) -> String {
    let Some(kind) = sandbox_kind(config) else {
        return EMPTY_LOG.to_string();
    };
    let addons: Vec<&str> = config.addons.iter().map(|a| a.name()).collect();
    let with = if addons.is_empty() {
        String::new()
    } else {
        format!(" with the addon {}", addons.join(", "))
    };
    format!(
        "Welcome to the kubestory sandbox: a {kind} cluster{with} ({}).",
        config.profile.summary()
    )
}
/// The prompt of the story input line.
pub const STORY_PROMPT: &str = "story text: ";
/// The `/` filter line's prompt.
pub const FILTER_PROMPT: &str = "/";
/// A pane's title while `/` filters it.
pub fn filtered_title(title: &str, filter: &str) -> String {
    format!("{title} · /{filter} · Esc shows all")
}
/// The prompt of the kubectl command line.
pub const COMMAND_PROMPT: &str = ":";
/// Shown after the empty command line: what it takes.
pub const COMMAND_HINT: &str = "  kubectl get pods · story write deploy/story TEXT · story read · crash · node fail NODE · wait 30s · Tab completes";
/// Shown when a key needs a pod and none is selected.
pub const NEED_POD: &str = "select a pod (or one of its containers) first";
/// Shown when a key needs a node and none is selected.
pub const NEED_NODE: &str = "select a node first";
/// Shown when `u` has nothing to undo.
pub const NOTHING_TO_UNDO: &str = "nothing to undo";
/// Prefix of the log line after an undo.
pub const UNDONE: &str = "undone: ";
/// Shown for lesson-only keys in the sandbox.
pub const LESSON_ONLY: &str = "(in lessons)";
/// `story read` when the app serves nothing.
pub const NO_STORIES: &str = "(no stories: the app serves an empty story file)";
/// Prefix of a data-loss log line.
pub const LOST: &str = "DATA LOST";
/// The editor's status when the manifest is valid.
pub const MANIFEST_OK: &str = "manifest is valid: Ctrl-S applies it";
/// The editor's status when the buffer is empty.
pub const MANIFEST_EMPTY: &str = "type a manifest (Kubernetes YAML)";
/// The virtual file name of the editor buffer, as kubectl prints it.
pub const EDITOR_FILE: &str = "editor.yaml";

/// The sandbox came back as the learner left it.
pub fn sandbox_restored(changes: usize) -> String {
    let s = if changes == 1 { "" } else { "s" };
    format!(
        "Your sandbox is as you left it ({changes} change{s} replayed). `cluster reset` empties \
         it; `cluster profile=kind nodes=3` opens another one (each is kept)."
    )
}
/// The sandbox's journal could not be read.
pub fn sandbox_unreadable(why: &str) -> String {
    format!("kubestory: your last sandbox could not be read ({why}); this one starts empty")
}
/// The sandbox's journal was damaged and set aside.
pub fn sandbox_set_aside(why: &str, aside: Option<&str>) -> String {
    match aside {
        Some(to) => format!(
            "kubestory: your last sandbox could not be replayed ({why}); it was moved to {to} \
             and this one starts empty"
        ),
        None => format!(
            "kubestory: your last sandbox could not be replayed ({why}); this one starts empty"
        ),
    }
}
/// The journal reached its bound.
pub const SANDBOX_FULL: &str = "kubestory: this sandbox has too many changes to keep: it goes \
on, but what you do from now on will not be there next time (`cluster reset` starts afresh)";
/// The journal could not be written.
pub fn sandbox_unwritable(why: &str) -> String {
    format!("kubestory: this sandbox cannot be kept for next time ({why})")
}
/// `cluster …` outside the sandbox.
pub const CLUSTER_SANDBOX_ONLY: &str =
    "error: `cluster` changes the sandbox's cluster; a lesson's cluster is the lesson's";
/// `cluster reset`.
pub const SANDBOX_RESET: &str = "kubestory: the sandbox is empty again";

/// A key that acts on the selection, with nothing selected.
pub const NEED_SELECTION: &str = "select something first (↑/↓)";
/// Ctrl-D's question.
pub fn confirm_delete(resource: &str, name: &str) -> String {
    format!("delete {resource}/{name}? y deletes it, n or Esc keeps it")
}
/// Ctrl-D's question answered no.
pub const DELETE_KEPT: &str = "nothing deleted";

/// `kubectl edit` opened an object in the editor.
pub const EDIT_OPENED: &str =
    "kubectl edit: change the object, Ctrl-S saves it (kubectl patches the object), Esc leaves";
/// kubectl reopened the edit with the reasons at the top.
pub const EDIT_REOPENED: &str =
    "kubectl edit reopened the file: the reasons are at the top; fix and Ctrl-S, or Esc";
/// Esc on a changed edit.
pub const EDIT_DISCARD_ASK: &str =
    "your changes are not saved: Ctrl-S saves them, Esc again throws them away";
/// A changed edit was thrown away.
pub const EDIT_DISCARDED: &str = "kubestory: your changes to the edited object were thrown away";
/// Shown after a draft was restored from the last session.
pub const DRAFT_RESTORED: &str = "restored your manifest draft from last time";
/// `Ctrl-R` in a lesson that came from no file.
pub const NOT_A_FILE: &str =
    "this lesson is built in: there is no file to reload (use --lessons DIR or --watch FILE)";
/// Shown when `$EDITOR` could not be run.
pub const EXTERNAL_EDITOR_FAILED: &str = "could not run $EDITOR";

/// The log line when a lesson goal becomes true (followed by its label).
pub const GOAL_MET: &str = "✓ goal met: ";
/// The log line when every goal of a step holds.
pub const STEP_DONE: &str = "★ step done";
/// A goal of a done step stopped holding (undo, restart, an experiment).
pub const STEP_UNDONE: &str = "a goal no longer holds: the step is not done any more";
/// The message after a step is done.
pub const STEP_DONE_KEYS: &str = "★ step done! n: next step (or keep experimenting)";
/// The message after the last step is done.
pub const LESSON_DONE_KEYS: &str = "★ last step done! n: the recap";
/// The message for `n` on the last step before its goals hold.
pub const LAST_STEP_NOT_DONE: &str =
    "the recap opens when this step's goals are met (h: a hint, R: restart the step)";
/// The log line when the recap opens.
pub const RECAP_BANNER: &str = "lesson complete: the recap is in the lesson pane";
/// The message for `p` on the first step.
pub const FIRST_STEP: &str = "this is the first step";
/// The message after `R`.
pub const STEP_RESTARTED: &str = "step restarted: the cluster is as the step begins";
/// `R` when the learner had edited the step's manifest: both are back, and the edit is not
/// lost (the editor's undo has it, and a file beside the draft when the state folder took it).
pub fn step_restarted_with_manifest(kept: Option<&str>) -> String {
    match kept {
        Some(path) => format!(
            "step restarted: the cluster and the manifest are as the step begins; your edit: Ctrl-U twice in the editor, and kept in {path}"
        ),
        None => "step restarted: the cluster and the manifest are as the step begins; your edit: Ctrl-U twice in the editor".into(),
    }
}
/// The log line after the cluster was rebuilt for a step.
pub const REBUILT: &str =
    "the cluster was rebuilt as this step begins (the lesson's solutions of the earlier steps)";
/// `h` on a step without hints.
pub const NO_HINTS: &str = "this step has no hints: the goals say what is missing";
/// `h` when every hint is open.
pub const NO_MORE_HINTS: &str =
    "no more hints: the lesson pane shows them all (R restarts the step)";
/// An answer key on a step without a question.
pub const NO_QUESTION: &str = "this step asks no question";
/// A second answer.
pub const ALREADY_ANSWERED: &str = "you already answered; now act and see what the simulator does";
/// After answering a prediction: the verdict comes with the result.
pub const PREDICTION_RECORDED: &str =
    "prediction noted: now do it and watch; the answer comes when the result is on screen";
/// When the result shows a prediction right.
pub const PREDICTED_RIGHT: &str = "✓ your prediction was right: read why in the lesson pane";
/// When the result shows a prediction wrong.
pub const PREDICTED_WRONG: &str =
    "✗ your prediction was not what happened: read why in the lesson pane";
/// Where the goals would be while a prediction waits for an answer.
pub fn goals_after_prediction(n: usize) -> String {
    format!(
        "Goals ({n}): shown once you answer the question above (what they name would give it away)"
    )
}
/// Under the learner's recorded prediction, until the result is on screen.
pub const VERDICT_PENDING: &str = "now do it and watch: the answer comes with the result";

/// The same while the class follows the teacher (`kubestory serve`): the teacher reveals it.
pub const VERDICT_HELD: &str = "your vote is in: the answer comes when your teacher reveals it";
/// Presenting: the goals wait until the class's answer is revealed.
pub fn goals_after_vote(n: usize) -> String {
    format!("Goals ({n}): shown once the answer is revealed (v)")
}
/// Before the reason a lesson could not start.
pub const LESSON_FAILED: &str = "cannot open the lesson: ";

/// The picker's first line.
pub const PICKER_HEADING: &str = "kubestory: where does Kubernetes keep your data?";
/// The picker's second line.
pub const PICKER_SUBHEADING: &str =
    "Pick a lesson. Your progress and your edits are saved as you go.";
/// The picker's list title.
pub const PICKER_TITLE: &str = "lessons";
/// The picker's detail title.
pub const ABOUT_TITLE: &str = "about";
/// The picker's last row.
pub const SANDBOX_ROW: &str = "Sandbox: a free one-node cluster to try things";

/// The picker's sandbox row for the sandbox's cluster: [`SANDBOX_ROW`] for the default one-node
/// minikube, else its size and profile (`--profile`, `--nodes`).
pub fn sandbox_row(config: &crate::sim::ClusterConfig) -> String {
    match sandbox_kind(config) {
        Some(kind) => format!("Sandbox: a free {kind} cluster to try things"),
        None => SANDBOX_ROW.to_string(),
    }
}
/// Picker detail for a new lesson.
pub const PICK_START: &str = "Enter: start";
/// Picker detail for a lesson in progress.
pub const PICK_RESUME: &str = "Enter: resume where you left off";
/// Picker detail for a finished lesson.
pub const PICK_AGAIN: &str = "Enter: take it again from the first step";

/// The picker's note when lesson files did not load.
pub fn lessons_failed(n: usize) -> String {
    format!("{n} problem(s) loading lessons: see the right-hand pane (kubestory lint)")
}

/// Above the objectives at the start of a lesson.
pub const OBJECTIVES_HEADING: &str = "In this lesson you will:";
/// The recap's footer.
pub const RECAP_KEYS: &str = "n or L: back to the lessons · p: the last step again";
/// The footer when every hint is open and the step is not done.
pub const STUCK_KEYS: &str = "stuck? R restarts the step · u undoes the last action";

/// The footer while hints remain.
pub fn hints_left(n: usize) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("h: a hint ({n} more hint{s})")
}

/// The note when `--watch` starts.
pub fn watching(file: &str) -> String {
    format!("watching {file}: saved changes reload the lesson (Ctrl-R reloads by hand)")
}

/// The message after a reload.
pub fn reloaded(file: &str, step: usize, of: usize) -> String {
    format!("reloaded {file}: step {step} of {of}, the cluster kept as it was")
}

/// The message when a reload found errors.
pub fn reload_failed(n: usize) -> String {
    format!(
        "the lesson file has {n} error(s), shown in the log; still playing the last good version"
    )
}

/// The log line at the start of a step.
pub fn step_banner(n: usize, of: usize, title: &str) -> String {
    format!("── step {n} of {of}: {title}")
}

/// The note after the learner's edits of a lesson manifest were restored.
pub fn draft_restored_for(name: &str) -> String {
    format!("restored your edits of {name} from last time (the editor, e)")
}

/// `n` on an unfinished step.
pub fn not_done_yet(goal: &str) -> String {
    format!("not done yet: {goal:?} still fails. n again skips the step; h gives a hint")
}

/// Which keys answer a question with `n` options.
pub fn answer_keys(n: usize) -> String {
    let last = (b'a' + n.clamp(1, 4) as u8 - 1) as char;
    format!("answer with a to {last}")
}

/// The message shown when the terminal is too small.
pub fn enlarge(width: u16, height: u16, min_w: u16, min_h: u16) -> String {
    format!("enlarge the terminal (now {width}x{height}, need {min_w}x{min_h})")
}

/// The message shown when the progress file could not be read and was set aside.
pub fn progress_set_aside(path: &str, why: &str) -> String {
    format!(
        "your saved progress could not be read ({why}); it was kept as {path} and progress starts afresh"
    )
}

/// The message shown when the saved draft could not be read and was set aside.
pub fn draft_set_aside(path: &str) -> String {
    format!("your saved draft could not be read (it is not text); it was set aside as {path}")
}

/// A draft file that exists but could not be read at all.
pub fn draft_unreadable(path: &str, why: &str) -> String {
    format!("cannot read your saved draft {path}: {why}; the editor starts from the lesson's text")
}

/// The draft file could not be written; the text went to a private rescue file.
pub fn draft_rescued(path: &str, why: &str, kept: &str) -> String {
    format!("cannot save your edit to {path} ({why}); it is kept in {kept}")
}

/// Neither the draft file nor a rescue file could be written.
pub fn draft_not_saved(path: &str, why: &str, rescue_why: &str) -> String {
    format!(
        "cannot save your edit to {path} ({why}) nor to a temporary file ({rescue_why}); it stays in the editor while kubestory runs: copy it out (Ctrl-O opens $EDITOR)"
    )
}

/// Printed after the terminal is restored, one line per draft that could not be saved.
pub fn rescued_on_exit(slot: &str, path: &str) -> String {
    format!("kubestory: your edit ({slot}) could not be saved in the state folder; it is in {path}")
}

/// The log when a survivors question's scenario is up.
pub const QUIZ_SURVIVORS_LOG: &str = "Quiz: this is the question's cluster. Mark the stories that will survive, then Enter plays the event.";
/// The log when a fix-the-manifest question is up.
pub const QUIZ_FIX_LOG: &str = "Quiz: the broken manifest is in the editor. Fix it and press Ctrl-S: it is applied to this cluster and graded.";
/// The log when a which-command question is up.
pub const QUIZ_COMMAND_LOG: &str = "Quiz: this is the question's cluster. Press : and type one command; it runs here and is graded by what it does or prints.";
/// `r` in the review when every answer was right.
pub const QUIZ_NOTHING_MISSED: &str = "Nothing to retry: every answer was right.";
/// The message when a quiz's time limit ends it.
pub const QUIZ_TIME_UP: &str = "Time is up: the questions left count as missed.";
/// The title of the quiz pane.
pub const QUIZ_TITLE: &str = "quiz";
/// Where the quiz's results were kept.
pub fn quiz_saved(path: &str) -> String {
    format!("Results added to {path}")
}
/// Where `--export` wrote the results.
pub fn quiz_exported(path: &str) -> String {
    format!("Results exported to {path}")
}
/// Above the stories of a survivors question.
pub fn quiz_mark_survivors(n: usize) -> String {
    format!(
        "Mark each story that will still exist afterwards ({}), then Enter:",
        letters(n)
    )
}
/// Below the options of a multiple-choice question.
pub fn quiz_multiple_hint(n: usize) -> String {
    format!(
        "Toggle every right answer ({}), then Enter to check.",
        letters(n)
    )
}
/// `a-c` for three options (`a` for one): how key ranges are written everywhere.
pub fn letters(n: usize) -> String {
    match n {
        0 | 1 => "a".into(),
        n => format!("a-{}", (b'a' + n.min(26) as u8 - 1) as char),
    }
}
/// What to do in a which-command question.
pub const QUIZ_COMMAND_INSTRUCTIONS: &str = "Press `:` (or Enter) and type **one command**. It runs on the cluster shown (a fresh copy of it) and is graded by what it does or prints, not by its words.";
/// What to do in a fix-the-manifest question.
pub fn quiz_fix_instructions(name: &str) -> String {
    format!(
        "`{name}` is in the editor. Press `e` (or Enter) to edit it, then **Ctrl-S**: it is applied to a fresh copy of the question's cluster and graded by what it makes true."
    )
}
/// Above a which-command answer's output.
pub const QUIZ_IT_PRINTED: &str = "Your command printed:";
/// After the feedback.
pub const QUIZ_NEXT_HINT: &str = "Enter: next question.";
/// When an answer's command or manifest did not even run.
pub const QUIZ_DID_NOT_RUN: &str = "✗ It did not run:";
/// The review when everything was right.
pub const QUIZ_ALL_RIGHT: &str = "Every answer right. Enter: back to the lessons.";
/// The review's retry hint.
pub fn quiz_retry_hint(missed: usize) -> String {
    format!("r: retry the {missed} missed · Enter: back to the lessons")
}
/// Enter on a pick-one or true/false question before any option is picked.
pub fn quiz_pick_first(n: usize) -> String {
    format!(
        "Pick an answer first ({}), then Enter checks it.",
        letters(n)
    )
}
/// Below the options of a pick-one or true/false question.
pub fn quiz_single_hint(n: usize) -> String {
    format!(
        "Pick one ({}; you can change it), then Enter to check.",
        letters(n)
    )
}
/// `q` mid-quiz.
pub const QUIZ_QUIT_ASK: &str =
    "End the quiz and quit? Answers so far are saved. y: quit · n or Esc: keep going";
/// After the feedback of the round's last question.
pub const QUIZ_RESULTS_HINT: &str = "Enter: see your results.";
/// Above the lines of a command's output that bear on the question.
pub fn quiz_it_printed_part(total: usize) -> String {
    format!("Your command printed {total} lines; the ones that matter:")
}
/// Where lines of a command's output were left out.
pub fn quiz_lines_skipped(n: usize) -> String {
    match n {
        1 => "  … 1 line not shown".into(),
        n => format!("  … {n} lines not shown"),
    }
}
/// The picker's about pane: the lesson's quiz.
pub fn pick_quiz(n: usize) -> String {
    format!("Q: quiz yourself on it ({n} questions)")
}
/// The picker's about pane on the sandbox row: a quiz on every lesson.
pub fn pick_quiz_all(n: usize) -> String {
    format!("Q: a quiz on every lesson ({n} questions)")
}
/// Space when the whole step is shown.
pub const PRESENT_ALL_SHOWN: &str = "The whole step is shown: d plays the demo, n the next step.";
/// `d` on a step without a demo.
pub const PRESENT_NO_DEMO: &str = "This step has no demo: run commands with : as usual.";
/// `d` after the last demo line.
pub const PRESENT_DEMO_DONE: &str = "The demo is done: n for the next step.";
/// `v` without a question.
pub const PRESENT_NO_VOTE: &str = "No question to reveal on this step (or it is revealed already).";
/// Under a predict question while presenting.
pub const PRESENT_VOTE: &str = "Class: vote! v reveals the answer.";
/// Space while more paragraphs are hidden.
pub fn present_more(shown: usize, total: usize) -> String {
    format!("Space: more ({shown}/{total})")
}
/// The notes terminal before a presentation starts.
pub const NOTES_WAITING: &str = "Waiting for a presentation: run `kubestory present` in another terminal on this machine. These notes follow it.";
/// A step without notes.
pub const NOTES_NONE: &str = "(no notes for this step)";
/// The notes terminal's status line.
pub const NOTES_FOLLOWING: &str = "following the presenter · q quit";
/// The notes terminal when the presenter quit.
pub const NOTES_PRESENTER_GONE: &str = "the presenter has quit · q quit";
/// The blanked screen's only text, dim in the corner.
pub const PRESENT_BLANK_HINT: &str = "b";
/// The demo line just played, in the message line.
/// A demo line whose placeholder names a pod the cluster does not have (the teacher
/// improvised): not played, and `R` offered.
pub fn present_demo_mismatch(k: usize, n: usize, why: &str) -> String {
    format!("demo {k}/{n} not played: {why}; R rebuilds the step as the lesson starts it")
}

/// A demo line that ran and failed: the cluster no longer matches what the lesson expects.
pub fn present_demo_failed(k: usize, n: usize, line: &str) -> String {
    format!(
        "demo {k}/{n} failed: {line} (the cluster no longer matches the lesson's; R rebuilds the step)"
    )
}

pub fn present_demo_line(k: usize, n: usize, line: &str) -> String {
    format!("demo {k}/{n}: $ {line}")
}
/// The notes terminal while the presenter's screen is blank.
pub const NOTES_BLANKED: &str = "the class sees a blank screen (b shows it again) · q quit";

/// The output drawer's title: what closes it, and the scroll keys when there is more.
pub fn drawer_title(scrolls: bool, sideways: bool) -> String {
    match (scrolls, sideways) {
        (false, false) => " output · any key closes ".to_string(),
        (true, false) => " output · ↑↓ scroll · Esc closes ".to_string(),
        (false, true) => " output · ←→ scroll sideways · Esc closes ".to_string(),
        (true, true) => " output · ↑↓←→ scroll · Esc closes ".to_string(),
    }
}

/// Under the drawer when its output goes on below.
pub fn drawer_more(lines: usize) -> String {
    format!(" ↓ {lines} more line{} ", if lines == 1 { "" } else { "s" })
}

/// The drawer under the editor after a refused apply: it stays while the learner fixes the text.
pub const DRAWER_EDITOR_TITLE: &str = " why the apply was refused · fix the text, Ctrl-S again ";

/// After a standing goal's label in the goals pane: it held when the step began, so it is not
/// something the learner did (issue 10).
pub const GOAL_STANDING: &str = "(already true)";

/// After a standing goal's label once it no longer holds: the step needs it back.
pub const GOAL_STANDING_BROKEN: &str = "(was true: keep it)";

/// A typo of one of kubestory's own commands on the command line.
pub fn own_command_typo(typed: &str, meant: &str) -> String {
    format!(
        "kubestory: unknown command {typed:?}: did you mean {meant:?}? (kubestory's own commands: story, crash, node, wait, undo; anything else is kubectl's)"
    )
}

/// Esc closed the command line with text on it: the text is one Up away.
pub const LINE_KEPT: &str = "the line is kept in the history: : then ↑ brings it back";

/// Typing or pasting past the command line's limit.
pub fn line_full(max: usize) -> String {
    format!("the line is full ({max} bytes, kubestory's limit for a command line)")
}

/// A multi-line paste: the first line is on the command line, the rest wait.
pub fn pasted_lines(n: usize) -> String {
    format!("pasted {n} lines: Enter runs this one and brings up the next (Esc drops the rest)")
}

/// The next pasted line is on the command line.
pub fn pasted_next(left: usize) -> String {
    match left {
        0 => "the last pasted line: Enter runs it".to_string(),
        n => format!("a pasted line: Enter runs it ({n} more after it; Esc drops them)"),
    }
}

/// Esc dropped pasted lines that had not run.
pub fn pasted_dropped(n: usize) -> String {
    format!(
        "dropped {n} pasted line{} that had not run",
        if n == 1 { "" } else { "s" }
    )
}

/// YAML pasted into the command line.
pub fn pasted_manifest(lines: usize) -> String {
    format!(
        "that is a manifest ({lines} lines), not a command: Esc, then e opens the editor; paste it there and Ctrl-S applies it"
    )
}

/// The history file could not be written: the history is kept for this session only.
pub fn history_not_saved(why: &str) -> String {
    format!("the command history cannot be saved ({why}); it is kept until kubestory ends")
}

/// A history file that was not a history, moved aside.
pub fn history_set_aside(aside: &str, why: &str) -> String {
    format!("the saved command history could not be read ({why}); it was moved to {aside}")
}

/// A history file that cannot be used (a folder or a pipe in its place).
pub fn history_unusable(path: &str, why: &str) -> String {
    format!(
        "the saved command history at {path} cannot be used ({why}); this session's is not saved"
    )
}

/// The help overlay's input-line group on a small screen, where readline's editing keys are
/// not listed one by one.
pub const HELP_LINE_COMPACT: &str = "input line (bash keys)";

/// The message line when `kubectl exec -it POD -- sh` opened the simulated shell.
pub fn shell_opened(pod: &str) -> String {
    format!(
        "a simulated shell in pod {pod}: ls, cat, echo, rm, mkdir, df, mount, cd… (exit or Ctrl-D to leave)"
    )
}

/// After `kubectl cp POD:PATH LOCAL`: where the copy is (in memory, not on disk).
pub fn copied_out(path: &str) -> String {
    format!(
        "kubestory: the copy {path} is kept in memory over the workspace: -f {path} and kubectl cp {path} POD:PATH read it; nothing was written to disk"
    )
}

/// The status line's words while a watch runs (followed by the command).
pub const WATCHING: &str = "watching: ";

/// The log's note when Esc stops a watch.
pub fn watch_stopped(command: &str) -> String {
    format!("watch stopped (Esc): {command}")
}

/// `E` or Ctrl-O in a session over SSH: no program of the server's runs for a student.
pub const REMOTE_NO_EDITOR: &str =
    "$EDITOR is not available over SSH: edit here (e opens the editor, Ctrl-S applies)";

/// Ctrl-R in a lesson over SSH: the lesson file is the teacher's.
pub const REMOTE_NO_RELOAD: &str = "reloading the lesson file is not available over SSH";

/// A paste or a key that would take the editor over its limit in a session over SSH.
pub fn remote_draft_full(limit: usize) -> String {
    format!(
        "the editor holds at most {} KiB over SSH: that paste or key was not taken",
        limit >> 10
    )
}

/// A message the teacher sent, on the student's screen until their next key.
pub fn teacher_message(text: &str) -> String {
    format!("from the teacher: {text} (any key closes this)")
}

/// A hint the teacher sent, on the student's screen until their next key.
pub fn teacher_hint(text: &str) -> String {
    format!("hint from the teacher: {text} (any key closes this)")
}

/// The log's note when the student starts following the presenter's step.
pub const FOLLOWING: &str = "following the teacher: the lesson moves with the presenter's step";

/// The log's note when the teacher lets the class work at its own pace.
pub const OWN_PACE: &str =
    "working at your own pace: predictions show their verdict as the result shows";

/// The line printed after the session, on the student's own terminal (`kept`: their
/// progress is kept on the server for next time).
pub fn remote_farewell(reason: Option<&str>, kept: bool) -> String {
    match (reason, kept) {
        (Some(r), _) => format!("kubestory: {r}"),
        (None, true) => "kubestory: goodbye; your progress is kept for next time".to_string(),
        (None, false) => "kubestory: goodbye".to_string(),
    }
}

/// The quiz review's line over SSH: the answers went to the class record, not to files.
pub const REMOTE_QUIZ_SAVED: &str = "your answers are in the class record";

/// The log's note when its oldest lines were dropped (a very long session over SSH).
pub const REMOTE_LOG_TRIMMED: &str = "kubestory: the oldest half of this log was dropped";

/// A paste of more command lines than a session over SSH queues.
pub fn remote_paste_cut(max: usize) -> String {
    format!("only the first {max} lines of that paste were taken")
}

/// The teacher revealed the answer of a prediction the student did not vote on.
pub fn revealed_answer(key: char, text: &str) -> String {
    format!("the teacher revealed the answer: {key}) {text}")
}
