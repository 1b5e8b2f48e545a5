//! Nothing typed is lost (finding 7 of the hostile-input issue): each lesson step has its own
//! draft (a step with no manifest never writes over the sandbox's work), a state folder that
//! cannot be written is reported at once and the text goes where the learner is told, a
//! corrupt draft is set aside and reported, and a lesson's command line reads only the
//! lesson's files.

mod ui_common;

use kubestory::lesson::load_str;
use kubestory::ui::drafts;
use kubestory::ui::{Action, App, update};
use std::path::Path;
use ui_common::*;

/// Two steps: the first has no manifest, the second brings `story.yaml`.
const LESSON: &str = r#"id: no-manifest
title: No manifest first
summary: Two steps.
minutes: 1
objectives: [Look first.]
steps:
  - id: look
    title: Look
    text: Look around.
    goals:
      - label: The node is there
        explain: It is.
        check:
          exists: { kind: node, name: minikube }
    solution:
      - kubectl get nodes
  - id: apply
    title: Apply
    text: Apply it.
    manifests:
      - name: story.yaml
        content: |
          apiVersion: apps/v1
          kind: Deployment
          metadata:
            name: story
          spec:
            selector: { matchLabels: { app: story } }
            template:
              metadata: { labels: { app: story } }
              spec:
                containers:
                  - name: story
                    image: kubestory/story
    goals:
      - label: It runs
        explain: It does.
        check:
          running: { target: deploy/story }
    solution:
      - kubectl apply -f story.yaml
recap: Done.
"#;

/// An app with a state folder, opened as `kubestory` does (the sandbox's draft is the
/// editor's until a lesson starts), playing [`LESSON`].
fn open(state: &Path) -> App {
    let mut a = app("drafts");
    a.state_dir = Some(state.to_path_buf());
    a.draft_path = Some(state.join(kubestory::ui::persist::SANDBOX_DRAFT));
    let loaded = load_str(LESSON, "no-manifest.yaml", Path::new(".")).expect("lesson loads");
    kubestory::ui::player::start(&mut a, loaded, None).expect("lesson opens");
    a
}

fn edit(a: &mut App, text: &str) {
    update(a, Action::SetDraft(text.to_string()));
    kubestory::ui::player::save_draft(a);
}

/// Before: a step with no manifest left the editor on the sandbox's `draft.yaml`, so one
/// keystroke in the lesson replaced the learner's sandbox work.
#[test]
fn a_step_without_manifests_never_writes_over_the_sandbox_draft() {
    let state = tempfile::tempdir().expect("tempdir");
    let sandbox = state.path().join(kubestory::ui::persist::SANDBOX_DRAFT);
    std::fs::write(&sandbox, "my sandbox work\n").expect("sandbox draft");
    let mut a = open(state.path());
    assert_eq!(
        a.editor.text(),
        "",
        "the step starts with an empty editor of its own"
    );
    edit(&mut a, "kind: Pod\n");
    assert_eq!(
        std::fs::read_to_string(&sandbox).expect("sandbox"),
        "my sandbox work\n"
    );
    let step_draft = kubestory::lesson::progress::draft_path(state.path(), "no-manifest", "look");
    assert_eq!(
        std::fs::read_to_string(step_draft).expect("the step's own draft"),
        "kind: Pod\n"
    );
    // The next step holds its manifest; going back finds the first step's text again.
    press(&mut a, key('n'));
    press(&mut a, key('n'));
    assert!(a.editor.text().contains("kind: Deployment"));
    press(&mut a, key('p'));
    assert_eq!(a.editor.text(), "kind: Pod\n");
}

/// A drafts folder that is a file (or a read-only or full state folder): the learner is told
/// at once, the text is kept in a private file they are shown, and again when kubestory ends.
#[test]
fn a_state_folder_that_cannot_be_written_keeps_the_text_where_the_learner_is_told() {
    let state = tempfile::tempdir().expect("tempdir");
    std::fs::write(state.path().join("drafts"), "not a folder").expect("file");
    let mut a = open(state.path());
    edit(&mut a, "kind: Pod # typed by hand\n");
    let message = a.message.clone().unwrap_or_default();
    assert!(message.contains("cannot save your edit"), "{message}");
    let rescued = a.rescued.values().next().cloned().expect("a rescue file");
    struct Remove(std::path::PathBuf);
    impl Drop for Remove {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }
    let _remove = Remove(rescued.clone());
    assert!(
        message.contains(&rescued.display().to_string()),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&rescued).expect("rescued"),
        "kind: Pod # typed by hand\n"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&rescued)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "the rescue file is private");
    }
    let farewell = drafts::farewell(&a).expect("said again on quitting");
    assert!(
        farewell.contains(&rescued.display().to_string()),
        "{farewell}"
    );
    // The editor still applies what is on screen.
    press(&mut a, key('n'));
    press(&mut a, key('n'));
    command(&mut a, "kubectl apply -f story.yaml");
    assert_eq!(a.cluster().deployments().count(), 1);
}

/// A draft that is not text is set aside as `*.corrupt` and the learner is told where.
#[test]
fn a_corrupt_draft_is_set_aside_and_reported() {
    let state = tempfile::tempdir().expect("tempdir");
    let step_draft = kubestory::lesson::progress::draft_path(state.path(), "no-manifest", "look");
    std::fs::create_dir_all(step_draft.parent().expect("parent")).expect("mkdir");
    std::fs::write(&step_draft, [0xff, 0xfe, 0x00]).expect("corrupt");
    let a = open(state.path());
    let message = a.message.clone().unwrap_or_default();
    assert!(message.contains("set aside"), "{message}");
    assert!(message.contains(".corrupt"), "{message}");
    assert_eq!(a.editor.text(), "");
}

/// In a lesson, `-f` reads the lesson's manifests and the editor, nothing else.
#[test]
fn a_lessons_command_line_reads_only_the_lessons_files() {
    let state = tempfile::tempdir().expect("tempdir");
    let mut a = open(state.path());
    command(&mut a, "kubectl apply -f /etc/hostname");
    let shown: Vec<&str> = a.log.iter().map(|l| l.text.as_str()).collect();
    assert!(
        shown
            .iter()
            .any(|l| l.contains("the path \"/etc/hostname\" does not exist")),
        "{shown:?}"
    );
}
