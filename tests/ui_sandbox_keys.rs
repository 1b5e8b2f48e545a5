//! The sandbox as a place to experiment (issue 12, item 5): k9s's keys on the selected
//! object, and `kubectl edit` in the built-in editor (kubectl's editoptions.go behaviour:
//! edited, cancelled, reopened with the API server's reasons).

mod ui_common;

use kubestory::ui::app::Mode;
use kubestory::ui::selection::Item;
use kubestory::ui::update;
use ratatui_textarea::Key;
use ui_common::*;

fn with_claim(name: &str) -> kubestory::ui::App {
    let mut a = app(name);
    command(&mut a, "apply -f assets/scenarios/dynamic-pvc.yaml");
    let claim = a
        .cluster()
        .claims()
        .next()
        .expect("a claim")
        .metadata
        .clone();
    a.selected = Some(Item::Claim {
        namespace: claim.namespace_or_default().to_string(),
        name: claim.name.clone(),
    });
    a
}

fn log_text(a: &kubestory::ui::App) -> String {
    a.log
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn d_y_and_e_run_the_kubectl_command_they_stand_for_on_the_selection() {
    let mut a = with_claim("keys");
    let name = a
        .cluster()
        .claims()
        .next()
        .expect("claim")
        .metadata
        .name
        .clone();
    press(&mut a, key('d'));
    assert!(log_text(&a).contains(&format!("$ kubectl describe pvc {name}")));
    assert!(log_text(&a).contains("StorageClass:"));
    press(&mut a, key('y'));
    assert!(log_text(&a).contains(&format!("$ kubectl get pvc {name} -o yaml")));
    assert!(log_text(&a).contains("kind: PersistentVolumeClaim"));
    // The commands are in the history: one Up brings the last back.
    assert!(a.history.entries().iter().any(|e| e.contains("-o yaml")));
    press(&mut a, key('e'));
    assert_eq!(a.mode, Mode::Editor);
    assert!(
        a.editor
            .text()
            .starts_with("# Please edit the object below.")
    );
    assert!(a.editor.text().contains(&format!("name: {name}")));
}

#[test]
fn an_edit_saved_with_ctrl_s_patches_the_object_and_gives_the_draft_back() {
    let mut a = with_claim("edit");
    press(&mut a, key('n'));
    type_text(&mut a, "# my draft");
    press(&mut a, special(Key::Esc));
    let name = a
        .cluster()
        .claims()
        .next()
        .expect("claim")
        .metadata
        .name
        .clone();
    command(&mut a, &format!("kubectl edit pvc {name}"));
    assert_eq!(a.mode, Mode::Editor);
    let edited =
        a.editor
            .text()
            .replacen("metadata:\n", "metadata:\n  labels:\n    tier: gold\n", 1);
    update(&mut a, kubestory::ui::Action::SetDraft(edited));
    press(&mut a, ctrl('s'));
    assert_eq!(a.mode, Mode::Normal);
    assert!(
        log_text(&a).contains(&format!("persistentvolumeclaim/{name} edited")),
        "{}",
        log_text(&a)
    );
    let claim = a.cluster().claim("default", &name).expect("claim");
    assert_eq!(
        claim.metadata.labels.get("tier").map(String::as_str),
        Some("gold")
    );
    assert_eq!(a.editor.text().trim(), "# my draft", "the draft is back");
    // u undoes the edit as one step.
    press(&mut a, key('u'));
    let claim = a.cluster().claim("default", &name).expect("claim");
    assert_eq!(claim.metadata.labels.get("tier"), None);
}

#[test]
fn an_invalid_edit_reopens_with_the_reasons_and_esc_twice_discards_it() {
    let mut a = with_claim("invalid");
    let name = a
        .cluster()
        .claims()
        .next()
        .expect("claim")
        .metadata
        .name
        .clone();
    press(&mut a, key('e'));
    let text = a.editor.text();
    let edited = text.replace("storageClassName: standard", "storageClassName: fast");
    assert_ne!(edited, text);
    update(&mut a, kubestory::ui::Action::SetDraft(edited));
    press(&mut a, ctrl('s'));
    assert_eq!(a.mode, Mode::Editor, "kubectl reopens the file");
    assert!(log_text(&a).contains(&format!(
        "error: persistentvolumeclaims \"{name}\" is invalid"
    )));
    assert!(
        a.editor.text().contains(&format!(
            "# persistentvolumeclaims \"{name}\" was not valid:\n# * spec: Forbidden"
        )),
        "{}",
        a.editor.text()
    );
    press(&mut a, special(Key::Esc));
    assert_eq!(a.mode, Mode::Editor, "one Esc does not throw changes away");
    press(&mut a, special(Key::Esc));
    assert_eq!(a.mode, Mode::Normal);
    assert!(log_text(&a).contains("Edit cancelled, no changes made."));
    let claim = a.cluster().claim("default", &name).expect("claim");
    assert_eq!(claim.spec.storage_class_name.as_deref(), Some("standard"));
}

#[test]
fn ctrl_d_asks_before_deleting_any_selected_object() {
    let mut a = with_claim("delete");
    let name = a
        .cluster()
        .claims()
        .next()
        .expect("claim")
        .metadata
        .name
        .clone();
    press(&mut a, ctrl('d'));
    assert_eq!(
        a.message.as_deref(),
        Some(format!("delete pvc/{name}? y deletes it, n or Esc keeps it").as_str())
    );
    press(&mut a, special(Key::Esc));
    assert!(a.cluster().claim("default", &name).is_some());
    press(&mut a, ctrl('d'));
    press(&mut a, key('y'));
    assert!(log_text(&a).contains(&format!("persistentvolumeclaim \"{name}\" deleted")));
}

#[test]
fn l_and_s_need_a_pod() {
    let mut a = with_claim("pods-only");
    press(&mut a, key('l'));
    assert_eq!(
        a.message.as_deref(),
        Some("select a pod (or one of its containers) first")
    );
}
