//! The `kubestory` binary: parses the command line and wires the rooms together.

mod class_cmd;
mod cli;
mod serve_cmd;

use clap::{CommandFactory, Parser};
use cli::{Cli, Command};
use color_eyre::eyre::{Result, WrapErr};
use kubestory::runner::{DirFiles, RunOptions, stream_script};
use kubestory::sim::limits::MAX_SCRIPT_BYTES;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> Result<ExitCode> {
    color_eyre::install()?;
    let cli = Cli::parse();
    // `--ascii`, `--ascii=false`, or the locale's choice.
    let ascii = cli
        .ascii
        .unwrap_or_else(|| !kubestory::ui::termenv::utf8_locale_here());
    let sandbox_cluster = kubestory::sim::ClusterConfig::for_profile(
        kubestory::sim::Profile::parse(&cli.profile).unwrap_or_default(),
        cli.nodes as usize,
    );
    match cli.command {
        None => tui(
            ascii,
            cli.lesson,
            Sandbox {
                open: cli.sandbox,
                cluster: sandbox_cluster,
            },
            cli.lessons.as_deref(),
            cli.watch,
            None,
            Look::new(cli.theme.as_deref(), false),
        ),
        Some(Command::Present { lesson, notes }) => {
            let look = Look::new(cli.theme.as_deref(), true);
            if notes {
                return notes_terminal(ascii, look);
            }
            tui(
                ascii,
                lesson,
                Sandbox {
                    open: false,
                    cluster: sandbox_cluster,
                },
                cli.lessons.as_deref(),
                None,
                None,
                look,
            )
        }
        Some(Command::Quiz {
            lesson_ids: lessons,
            shuffle,
            seed,
            time_limit,
            export,
            name,
        }) => {
            if let Some(name) = &name
                && let Err(e) = kubestory::class::bounds::check_name("--name", name)
            {
                eprintln!("error: {e}");
                return Ok(ExitCode::from(2));
            }
            if let Some(path) = &export
                && let Err(e) = kubestory::lesson::quiz::results::Format::of(path)
            {
                eprintln!("error: --export: {e}");
                return Ok(ExitCode::from(2));
            }
            let seed = seed.or_else(|| {
                shuffle.then(|| {
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(1, |d| d.as_secs())
                })
            });
            let quiz = kubestory::ui::QuizOptions {
                lessons,
                seed,
                time_limit_ms: time_limit.map(|d| d.as_millis() as u64),
                export,
                name: name.unwrap_or_default(),
            };
            tui(
                ascii,
                None,
                Sandbox {
                    open: false,
                    cluster: sandbox_cluster,
                },
                cli.lessons.as_deref(),
                None,
                Some(quiz),
                Look::new(cli.theme.as_deref(), false),
            )
        }
        Some(Command::Sim {
            script,
            json,
            fail_fast,
        }) => sim(script, json, fail_fast),
        Some(Command::Lint { paths }) => Ok(lint(paths)),
        Some(Command::List) => Ok(list(cli.lessons.as_deref())),
        Some(Command::Reset { lesson }) => reset(lesson.as_deref()),
        Some(Command::Class { action }) => Ok(class_cmd::run(action)),
        Some(Command::Serve {
            listen,
            code,
            class,
            max_students,
            idle_timeout,
            headless,
        }) => serve_cmd::run(serve_cmd::Args {
            listen,
            code,
            class,
            max_students,
            idle_timeout: idle_timeout.into(),
            headless,
            ascii,
            lessons: cli.lessons,
            theme: cli.theme,
        }),
    }
}

/// Whether to open the sandbox at once, and what its cluster is.
struct Sandbox {
    open: bool,
    cluster: kubestory::sim::ClusterConfig,
}

/// `kubestory` with no command: the lesson picker (or `--lesson ID`, `--sandbox`).
/// Without a terminal (a pipe, CI), prints the commands instead.
fn tui(
    ascii: bool,
    lesson: Option<String>,
    sandbox: Sandbox,
    dir: Option<&std::path::Path>,
    watch: Option<PathBuf>,
    quiz: Option<kubestory::ui::QuizOptions>,
    look: Look,
) -> Result<ExitCode> {
    use std::io::IsTerminal;
    // Built-in lessons are listed from their cards and parsed when opened (the first screen
    // parses none); a folder's lessons are parsed now, so their errors show in the picker.
    let (mut lessons, errors) = match dir {
        Some(d) => kubestory::lesson::load_dir(d),
        None => (Vec::new(), Vec::new()),
    };
    let mut builtin = if dir.is_none() {
        kubestory::lesson::builtin_library()
    } else {
        Vec::new()
    };
    let mut lesson = lesson;
    if let Some(file) = &watch {
        match kubestory::lesson::load_lesson(file) {
            Ok(l) => {
                lesson = Some(l.lesson.id.clone());
                lessons.retain(|x| x.lesson.id != l.lesson.id);
                builtin.retain(|x| x.card.id != l.lesson.id);
                lessons.push(l);
            }
            Err(errors) => {
                for e in &errors {
                    eprintln!("{e}");
                }
                eprintln!("{} error(s): fix them and run --watch again", errors.len());
                return Ok(ExitCode::from(1));
            }
        }
    }
    let quiz_ids = quiz.iter().flat_map(|q| q.lessons.iter());
    if let Some(id) = lesson.iter().chain(quiz_ids).find(|id| {
        !lessons.iter().any(|l| &l.lesson.id == *id) && !builtin.iter().any(|l| &l.card.id == *id)
    }) {
        let ids: Vec<&str> = lessons
            .iter()
            .map(|l| l.lesson.id.as_str())
            .chain(builtin.iter().map(|l| l.card.id.as_str()))
            .collect();
        let hint = kubestory::manifest::suggest::did_you_mean(id, ids.iter().copied())
            .map(|s| format!(" (did you mean {s:?}?)"))
            .unwrap_or_default();
        eprintln!(
            "error: there is no lesson {id:?}{hint}; the lessons are: {}",
            ids.join(", ")
        );
        return Ok(ExitCode::from(2));
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        Cli::command().print_help()?;
        println!("\nRun kubestory in a terminal to open the lessons.");
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(code) = refuse_dumb_terminal() {
        return Ok(code);
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let exit = kubestory::ui::run(kubestory::ui::Options {
        ascii,
        color,
        lessons,
        library: builtin,
        problems: errors.iter().map(|e| e.to_string()).collect(),
        lesson,
        sandbox: sandbox.open,
        sandbox_cluster: sandbox.cluster,
        watch,
        quiz,
        present: look.present,
        theme: look.theme,
    })?;
    Ok(ExitCode::from(exit.code()))
}

/// A terminal that cannot draw a full screen (`TERM=dumb`, unset, or a name this machine does
/// not know) gets a message saying what to do, and exit status 2, instead of a screenful of
/// escape sequences.
fn refuse_dumb_terminal() -> Option<ExitCode> {
    let why = kubestory::ui::termenv::refusal_here()?;
    eprintln!("{why}");
    Some(ExitCode::from(2))
}

/// The colour scheme and whether kubestory presents: `--theme` (saved for next time), or the
/// remembered one, or the default (dark; high-contrast for `present`).
struct Look {
    theme: kubestory::ui::theme::ThemeName,
    present: bool,
}

impl Look {
    fn new(asked: Option<&str>, present: bool) -> Look {
        use kubestory::ui::settings;
        use kubestory::ui::theme::ThemeName;
        let dir = kubestory::ui::persist::state_dir();
        let mut saved = dir.as_deref().map(settings::load).unwrap_or_default();
        let theme = match asked.and_then(ThemeName::parse) {
            Some(t) => {
                if present {
                    saved.present_theme = Some(t);
                } else {
                    saved.theme = Some(t);
                }
                if let Some(d) = &dir
                    && let Err(e) = settings::save(d, &saved)
                {
                    eprintln!("warning: cannot remember the theme: {e}");
                }
                t
            }
            None if present => saved.present_theme.unwrap_or(ThemeName::HighContrast),
            None => saved.theme.unwrap_or_default(),
        };
        Look { theme, present }
    }
}

/// `kubestory present --notes`: the speaker notes, following the presentation.
fn notes_terminal(ascii: bool, look: Look) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        println!("Run `kubestory present --notes` in a terminal, beside `kubestory present`.");
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(code) = refuse_dumb_terminal() {
        return Ok(code);
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let exit = kubestory::ui::terminal::run_notes(
        kubestory::ui::persist::state_dir(),
        look.theme,
        color,
        ascii,
    )?;
    Ok(ExitCode::from(exit.code()))
}

/// The lessons: the built-in ones, or every lesson file in `--lessons DIR`.
fn library(
    dir: Option<&std::path::Path>,
) -> (
    Vec<kubestory::lesson::LoadedLesson>,
    Vec<kubestory::manifest::Diagnostic>,
) {
    match dir {
        Some(d) => kubestory::lesson::load_dir(d),
        None => kubestory::lesson::builtin_lessons(),
    }
}

/// `kubestory sim`: exit status 0 unless the script cannot be read, or a command failed
/// under `--fail-fast`.
fn sim(script: Option<PathBuf>, json: bool, fail_fast: bool) -> Result<ExitCode> {
    let (text, base) = match &script {
        Some(path) => {
            let text = std::fs::File::open(path)
                .and_then(read_script)
                .wrap_err_with(|| format!("cannot read script {}", path.display()))?;
            let base = path
                .parent()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("."));
            (text, base)
        }
        None => {
            let text = read_script(std::io::stdin())
                .wrap_err("cannot read the script from standard input")?;
            (text, PathBuf::from("."))
        }
    };
    // Each command's output is written and flushed as soon as it ran (issue 13): an abort or
    // a slow line later in the script loses nothing printed before it.
    let mut out = std::io::stdout().lock();
    let (failed, _) = match stream_script(
        &text,
        &DirFiles { base },
        &RunOptions { fail_fast, json },
        &mut out,
    ) {
        Ok(done) => done,
        // `kubestory sim X | head`: the reader has all it wanted; stop quietly, as a Unix
        // tool does on SIGPIPE (not with an error report and a backtrace).
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(e.into()),
    };
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads a script of at most [`MAX_SCRIPT_BYTES`] as UTF-8.
fn read_script(reader: impl Read) -> std::io::Result<String> {
    let mut text = String::new();
    reader
        .take(MAX_SCRIPT_BYTES as u64 + 1)
        .read_to_string(&mut text)?;
    if text.len() > MAX_SCRIPT_BYTES {
        return Err(std::io::Error::other(format!(
            "the script is larger than {} KiB, kubestory's limit for a script; split it",
            MAX_SCRIPT_BYTES / 1024
        )));
    }
    Ok(text)
}

/// `kubestory lint`: every problem on its own line, `file:line:column: message — hint`.
fn lint(mut paths: Vec<PathBuf>) -> ExitCode {
    if paths.is_empty() {
        paths.push(PathBuf::from("lessons"));
    }
    let (lessons, errors) = kubestory::lesson::lint_paths(&paths);
    for e in &errors {
        eprintln!("{e}");
    }
    if errors.is_empty() {
        let questions: usize = lessons.iter().map(|l| l.lesson.quiz.len()).sum();
        println!(
            "{} lesson(s) checked: every step can be done, and is not done already; {questions} quiz question(s) checked: every answer key agrees with the simulator",
            lessons.len()
        );
        ExitCode::SUCCESS
    } else {
        eprintln!("{} error(s)", errors.len());
        ExitCode::FAILURE
    }
}

/// `kubestory list`: id, minutes, progress and title of every lesson that loads.
fn list(dir: Option<&std::path::Path>) -> ExitCode {
    use kubestory::lesson::progress::{self, Status};
    let (lessons, errors) = library(dir);
    let saved = kubestory::ui::persist::state_dir()
        .map(|d| progress::load(&d).0)
        .unwrap_or_default();
    for l in &lessons {
        let status = match saved.status(&l.lesson) {
            Status::NotStarted => "new".to_string(),
            Status::InProgress { step, of, .. } => format!("step {}/{of}", step + 1),
            Status::Finished => "done".to_string(),
        };
        println!(
            "{:<28} {:>3} min  {:<9}  {}",
            l.lesson.id, l.lesson.minutes, status, l.lesson.title
        );
    }
    for e in &errors {
        eprintln!("{e}");
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// `kubestory reset [LESSON]`: forgets progress and drafts.
fn reset(lesson: Option<&str>) -> Result<ExitCode> {
    let Some(dir) = kubestory::ui::persist::state_dir() else {
        println!("nothing to reset: this platform gives kubestory no state folder");
        return Ok(ExitCode::SUCCESS);
    };
    let message = kubestory::lesson::progress::reset(&dir, lesson)
        .wrap_err_with(|| format!("cannot reset progress in {}", dir.display()))?;
    if lesson.is_none() {
        let _ = std::fs::remove_file(dir.join(kubestory::ui::persist::SANDBOX_DRAFT));
    }
    println!("{message}");
    Ok(ExitCode::SUCCESS)
}
