//! The entry point: a command line in, an [`Invocation`] or a [`KubectlError`] out.
//!
//! Mirrors how cobra dispatches kubectl (spf13/cobra `command.go`: `Find`, `stripFlags`,
//! `argsMinusFirstX`, `legacyArgs`, `ValidateRequiredFlags`): global flags may precede the
//! command, the command word is removed, then the command's flags and positionals are parsed.
//! The per-command checks, in kubectl's order, live in [`super::validate`].

use super::args::{Invocation, Verb};
use super::commands::{ALL_COMMANDS, not_simulated_note, suggestions_for};
use super::error::KubectlError;
use super::flagspecs::{self as specs, GLOBAL};
use super::pflag::{self, FlagError, FlagSpec, FlagType, Parsed, Support, Value};
use super::tokenize::tokenize;
use super::validate::validate;

/// Splits and parses a command line such as `kubectl get pvc -n shop -o wide`. The leading
/// `kubectl` is optional. Never panics, whatever the input.
pub fn parse_command_line(line: &str) -> Result<Invocation, KubectlError> {
    parse_words(&tokenize(line)?)
}

/// Parses already split words (the leading `kubectl`, or its usual alias `k`, is optional).
pub fn parse_words(words: &[String]) -> Result<Invocation, KubectlError> {
    let mut words = words.to_vec();
    if words.first().is_some_and(|w| w == "kubectl" || w == "k") {
        words.remove(0);
    }
    let Some(index) = find_command(&words, GLOBAL) else {
        return Err(KubectlError::Help {
            topic: String::new(),
        });
    };
    let name = words.remove(index);
    let (verb, specs, words) = match name.as_str() {
        "get" => (Verb::Get, specs::GET, words),
        "describe" => (Verb::Describe, specs::DESCRIBE, words),
        "delete" => (Verb::Delete, specs::DELETE, words),
        "scale" => (Verb::Scale, specs::SCALE, words),
        "patch" => (Verb::Patch, specs::PATCH, words),
        "cordon" => (Verb::Cordon, specs::CORDON, words),
        "uncordon" => (Verb::Uncordon, specs::CORDON, words),
        "drain" => (Verb::Drain, specs::DRAIN, words),
        "taint" => (Verb::Taint, specs::TAINT, words),
        "version" => (Verb::Version, specs::VERSION, words),
        "api-resources" => (Verb::ApiResources, specs::API_RESOURCES, words),
        "explain" => (Verb::Explain, specs::EXPLAIN, words),
        "edit" => (Verb::Edit, specs::EDIT, words),
        "exec" => (Verb::Exec, specs::EXEC, words),
        "logs" | "log" => (Verb::Logs, specs::LOGS, words),
        "cp" => (Verb::Cp, specs::CP, words),
        "apply" => apply_subcommand(words)?,
        "create" => create_subcommand(words)?,
        "rollout" => rollout_subcommand(words)?,
        "label" => (Verb::Label, specs::LABEL, words),
        "annotate" => (Verb::Annotate, specs::LABEL, words),
        "run" => (Verb::Run, specs::RUN, words),
        "wait" => (Verb::Wait, specs::WAIT, words),
        "events" => (Verb::Events, specs::EVENTS, words),
        "help" => {
            return Err(KubectlError::Help {
                topic: words.first().cloned().unwrap_or_default(),
            });
        }
        known if ALL_COMMANDS.contains(&known) => {
            return Err(KubectlError::NotSimulated(not_simulated_note(known)));
        }
        unknown => {
            return Err(KubectlError::UnknownCommand {
                command: unknown.to_string(),
                suggestions: suggestions_for(unknown),
            });
        }
    };
    let all_specs: Vec<FlagSpec> = GLOBAL.iter().chain(specs.iter()).copied().collect();
    let parsed = match pflag::parse(&all_specs, &words) {
        Ok(parsed) => parsed,
        Err(FlagError::Help) => return Err(KubectlError::Help { topic: topic(verb) }),
        Err(FlagError::Message(message)) => {
            return Err(KubectlError::Flag {
                message,
                command_path: verb.command_path().to_string(),
            });
        }
    };
    if verb == Verb::Scale && !parsed.changed.contains("replicas") {
        return Err(KubectlError::message(
            "required flag(s) \"replicas\" not set",
        ));
    }
    // cobra `ValidateRequiredFlags` (`cmd.MarkFlagRequired("image")` in run.go and
    // create_deployment.go).
    if matches!(verb, Verb::Run | Verb::CreateDeployment) && !parsed.changed.contains("image") {
        return Err(KubectlError::message("required flag(s) \"image\" not set"));
    }
    refuse_unsimulated(&all_specs, &parsed)?;
    validate(verb, parsed)
}

/// The help topic for a verb (`rollout restart`).
fn topic(verb: Verb) -> String {
    verb.command_path()
        .trim_start_matches("kubectl ")
        .to_string()
}

/// cobra's `stripFlags` scan: the index of the first word that is not a flag or a flag's value.
fn find_command(words: &[String], flags: &[FlagSpec]) -> Option<usize> {
    let takes_value =
        |spec: Option<&FlagSpec>| spec.is_none_or(|s| s.ty != FlagType::Bool && s.no_opt.is_none());
    let mut i = 0;
    while i < words.len() {
        let s = words[i].as_str();
        let remaining = words.len() - i - 1;
        if s == "--" {
            return None;
        }
        let long_with_value = s.starts_with("--")
            && !s.contains('=')
            && takes_value(flags.iter().find(|f| f.name == &s[2..]));
        let short_with_value = !s.starts_with("--")
            && s.starts_with('-')
            && !s.contains('=')
            && s.len() == 2
            && takes_value(flags.iter().find(|f| f.short == Some(s.as_bytes()[1])));
        if long_with_value || short_with_value {
            if remaining <= 1 {
                return None;
            }
            i += 2;
            continue;
        }
        if !s.is_empty() && !s.starts_with('-') {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Removes a subcommand word found among `words` (skipping the command's own flags).
fn take_subcommand(words: &mut Vec<String>, flags: &[FlagSpec], names: &[&str]) -> Option<String> {
    let all: Vec<FlagSpec> = GLOBAL.iter().chain(flags.iter()).copied().collect();
    let index = find_command(words, &all)?;
    if names.contains(&words[index].as_str()) {
        return Some(words.remove(index));
    }
    None
}

type Dispatch = (Verb, &'static [FlagSpec], Vec<String>);

fn apply_subcommand(mut words: Vec<String>) -> Result<Dispatch, KubectlError> {
    let subs = ["edit-last-applied", "set-last-applied", "view-last-applied"];
    if let Some(sub) = take_subcommand(&mut words, specs::APPLY, &subs) {
        return Err(KubectlError::NotSimulated(format!(
            "`kubectl apply {sub}` is not simulated; `kubectl get TYPE NAME -o yaml` shows the \
             kubectl.kubernetes.io/last-applied-configuration annotation."
        )));
    }
    Ok((Verb::Apply, specs::APPLY, words))
}

fn create_subcommand(mut words: Vec<String>) -> Result<Dispatch, KubectlError> {
    let subs = [
        "namespace",
        "ns",
        "clusterrole",
        "clusterrolebinding",
        "configmap",
        "cm",
        "cronjob",
        "cj",
        "deployment",
        "deploy",
        "ingress",
        "ing",
        "job",
        "poddisruptionbudget",
        "pdb",
        "priorityclass",
        "pc",
        "quota",
        "resourcequota",
        "role",
        "rolebinding",
        "secret",
        "service",
        "svc",
        "serviceaccount",
        "sa",
        "token",
    ];
    match take_subcommand(&mut words, specs::CREATE, &subs).as_deref() {
        None => Ok((Verb::Create, specs::CREATE, words)),
        Some("namespace" | "ns") => Ok((Verb::CreateNamespace, specs::CREATE_NAMESPACE, words)),
        Some("deployment" | "deploy") => {
            Ok((Verb::CreateDeployment, specs::CREATE_DEPLOYMENT, words))
        }
        Some("configmap" | "cm") => Ok((Verb::CreateConfigMap, specs::CREATE_CONFIGMAP, words)),
        Some("secret") => create_secret_subcommand(words),
        Some(other) => Err(KubectlError::NotSimulated(format!(
            "`kubectl create {other}` is not simulated; write a manifest and use \
             `kubectl apply -f FILE` (or `kubectl create -f FILE`)."
        ))),
    }
}

/// `kubectl create secret generic|docker-registry|tls` (create_secret.go `NewCmdCreateSecret`).
fn create_secret_subcommand(mut words: Vec<String>) -> Result<Dispatch, KubectlError> {
    let subs = ["generic", "docker-registry", "tls"];
    match take_subcommand(&mut words, specs::CREATE_SECRET_GENERIC, &subs).as_deref() {
        Some("generic") => Ok((
            Verb::CreateSecretGeneric,
            specs::CREATE_SECRET_GENERIC,
            words,
        )),
        Some(other) => Err(KubectlError::NotSimulated(format!(
            "`kubectl create secret {other}` is not simulated; `kubectl create secret generic` \
             is, or write a manifest and use `kubectl apply -f FILE`."
        ))),
        None => Err(KubectlError::Help {
            topic: "create secret".to_string(),
        }),
    }
}

fn rollout_subcommand(mut words: Vec<String>) -> Result<Dispatch, KubectlError> {
    let subs = ["history", "pause", "restart", "resume", "status", "undo"];
    match take_subcommand(&mut words, specs::ROLLOUT_OTHER, &subs).as_deref() {
        Some("restart") => Ok((Verb::RolloutRestart, specs::ROLLOUT_RESTART, words)),
        Some("status") => Ok((Verb::RolloutStatus, specs::ROLLOUT_STATUS, words)),
        Some(other) => Err(KubectlError::NotSimulated(format!(
            "`kubectl rollout {other}` is not simulated; `kubectl rollout restart` is, and \
             `kubectl get deploy,rs,pods` shows how a rollout is going."
        ))),
        None => {
            let all: Vec<FlagSpec> = GLOBAL.iter().chain(specs::ROLLOUT_OTHER).copied().collect();
            let args = pflag::parse(&all, &words)
                .map(|p| p.positionals)
                .unwrap_or_default();
            if args.is_empty() {
                return Err(KubectlError::Help {
                    topic: "rollout".to_string(),
                });
            }
            Err(KubectlError::Usage {
                message: format!("unknown command {}", super::goparse::quote(&args.join(" "))),
                command_path: "kubectl rollout".to_string(),
            })
        }
    }
}

/// Refuses flags kubectl has but kubestory does not simulate, when they change anything.
fn refuse_unsimulated(specs: &[FlagSpec], parsed: &Parsed) -> Result<(), KubectlError> {
    for spec in specs.iter().filter(|s| s.support == Support::NotSimulated) {
        let Some(value) = parsed.values.get(spec.name) else {
            continue;
        };
        let is_default = match value {
            Value::Bool(b) => !b,
            // kubectl's GetValidationDirective: `strict`, or what strconv.ParseBool reads
            // as true, is the default.
            Value::Str(s) if spec.name == "validate" => matches!(
                s.as_str(),
                "" | "strict" | "1" | "t" | "T" | "TRUE" | "true" | "True"
            ),
            Value::Str(s) => s.is_empty() || s == spec.default,
            Value::List(l) => l.is_empty(),
            Value::Int(_) | Value::Duration(_) => false,
        };
        if is_default {
            continue;
        }
        let note = match spec.name {
            // kubectl sends fieldValidation=Warn or Ignore, and the API server then drops
            // unknown fields (with a warning for Warn) instead of refusing the object
            // (kubectl `--validate`; API concepts, "Field validation").
            "validate" => "only `--validate=strict` (kubectl's default) is simulated: with \
                           `warn` or `false` a real API server would drop an unknown field (with \
                           a warning for `warn`) instead of refusing the object."
                .to_string(),
            name => format!("the flag `--{name}` is not simulated in kubestory."),
        };
        return Err(KubectlError::NotSimulated(note));
    }
    Ok(())
}
