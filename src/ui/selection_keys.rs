//! k9s's habits on the selected object: `d` describe, `y` YAML, `e` edit, `l` logs, `s` shell,
//! Ctrl-D delete (after a y/n question). Each key writes the kubectl command it stands for on
//! the command line's behalf and runs it, so the log teaches the command as the key saves
//! typing it.

use super::app::App;
use super::selection::Item;
use super::{ops, strings};

/// What a key asks of the selected object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionVerb {
    /// `kubectl describe`.
    Describe,
    /// `kubectl get -o yaml`.
    Yaml,
    /// `kubectl edit`.
    Edit,
    /// `kubectl logs` (pods).
    Logs,
    /// `kubectl exec -it … -- sh` (pods).
    Shell,
    /// `kubectl delete`, asked first.
    Delete,
}

/// The object behind a selectable item: (resource word, namespace, name, container). A
/// container or a pod's volume stands for its pod.
pub fn object(item: &Item) -> (&'static str, Option<&str>, &str, Option<&str>) {
    match item {
        Item::Node(name) => ("node", None, name, None),
        Item::Pod { namespace, name } => ("pod", Some(namespace), name, None),
        Item::Container {
            namespace,
            pod,
            container,
        } => ("pod", Some(namespace), pod, Some(container)),
        Item::PodVolume { namespace, pod, .. } => ("pod", Some(namespace), pod, None),
        Item::Claim { namespace, name } => ("pvc", Some(namespace), name, None),
        Item::PersistentVolume(name) => ("pv", None, name, None),
        Item::StorageClass(name) => ("storageclass", None, name, None),
    }
}

/// The kubectl command a key stands for on `item` (`None`: the key means nothing for it).
pub fn command(verb: SelectionVerb, item: &Item) -> Option<String> {
    let (resource, ns, name, container) = object(item);
    let ns_flag = match ns {
        Some(ns) if ns != "default" => format!(" -n {ns}"),
        _ => String::new(),
    };
    let c_flag = container.map(|c| format!(" -c {c}")).unwrap_or_default();
    let pod = resource == "pod";
    Some(match verb {
        SelectionVerb::Describe => format!("kubectl describe {resource} {name}{ns_flag}"),
        SelectionVerb::Yaml => format!("kubectl get {resource} {name}{ns_flag} -o yaml"),
        SelectionVerb::Edit => format!("kubectl edit {resource} {name}{ns_flag}"),
        SelectionVerb::Logs if pod => format!("kubectl logs {name}{ns_flag}{c_flag}"),
        SelectionVerb::Shell if pod => format!("kubectl exec -it {name}{ns_flag}{c_flag} -- sh"),
        SelectionVerb::Logs | SelectionVerb::Shell => return None,
        SelectionVerb::Delete => format!("kubectl delete {resource} {name}{ns_flag}"),
    })
}

/// A key on the selection: runs its command, or asks first for a delete.
pub fn run(app: &mut App, verb: SelectionVerb) {
    let Some(item) = app.selected.clone() else {
        app.message = Some(strings::NEED_SELECTION.into());
        return;
    };
    let Some(line) = command(verb, &item) else {
        app.message = Some(strings::NEED_POD.into());
        return;
    };
    if verb == SelectionVerb::Delete {
        let (resource, _, name, _) = object(&item);
        app.message = Some(strings::confirm_delete(resource, name));
        app.confirm = Some(line);
        return;
    }
    // The command goes into the history too: one Up brings it back to change.
    super::command_line::record(app, &line);
    ops::run_command(app, &line);
}

/// The answer to the delete question.
pub fn confirm(app: &mut App, yes: bool) {
    let Some(line) = app.confirm.take() else {
        return;
    };
    if yes {
        super::command_line::record(app, &line);
        ops::run_command(app, &line);
    } else {
        app.message = Some(strings::DELETE_KEPT.into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_names_the_command_a_person_would_type() {
        let pod = Item::Container {
            namespace: "shop".into(),
            pod: "web-0".into(),
            container: "story".into(),
        };
        assert_eq!(
            command(SelectionVerb::Shell, &pod).as_deref(),
            Some("kubectl exec -it web-0 -n shop -c story -- sh")
        );
        assert_eq!(
            command(SelectionVerb::Logs, &pod).as_deref(),
            Some("kubectl logs web-0 -n shop -c story")
        );
        let claim = Item::Claim {
            namespace: "default".into(),
            name: "data".into(),
        };
        assert_eq!(
            command(SelectionVerb::Describe, &claim).as_deref(),
            Some("kubectl describe pvc data")
        );
        assert_eq!(command(SelectionVerb::Logs, &claim), None);
        assert_eq!(
            command(SelectionVerb::Yaml, &Item::PersistentVolume("pv-1".into())).as_deref(),
            Some("kubectl get pv pv-1 -o yaml")
        );
        assert_eq!(
            command(SelectionVerb::Delete, &Item::Node("minikube-m02".into())).as_deref(),
            Some("kubectl delete node minikube-m02")
        );
    }
}
