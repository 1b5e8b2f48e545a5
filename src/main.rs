//! The `kubestory` binary: parses the command line and wires the rooms together.

mod cli;

use clap::{CommandFactory, Parser};
use cli::{Cli, Command};
use color_eyre::eyre::{Result, WrapErr};
use kubestory::runner::{DirFiles, RunOptions, run_script};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> Result<ExitCode> {
    color_eyre::install()?;
    let cli = Cli::parse();
    match cli.command {
        None => tui(cli.ascii),
        Some(Command::Sim {
            script,
            json,
            fail_fast,
        }) => sim(script, json, fail_fast),
        Some(Command::Lint { paths }) => Ok(lint(paths)),
        Some(Command::List { dir }) => Ok(list(&dir)),
    }
}

/// `kubestory` with no command: the TUI sandbox on a minikube cluster.
/// Without a terminal (a pipe, CI), prints the commands instead.
fn tui(ascii: bool) -> Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        Cli::command().print_help()?;
        println!("\nRun kubestory in a terminal to open the interactive sandbox.");
        return Ok(ExitCode::SUCCESS);
    }
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    kubestory::ui::run(kubestory::ui::Options { ascii, color })?;
    Ok(ExitCode::SUCCESS)
}

/// `kubestory sim`: exit status 0 unless the script cannot be read, or a command failed
/// under `--fail-fast`.
fn sim(script: Option<PathBuf>, json: bool, fail_fast: bool) -> Result<ExitCode> {
    let (text, base) = match &script {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .wrap_err_with(|| format!("cannot read script {}", path.display()))?;
            let base = path
                .parent()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("."));
            (text, base)
        }
        None => {
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .wrap_err("cannot read the script from standard input")?;
            (text, PathBuf::from("."))
        }
    };
    let result = run_script(&text, &DirFiles { base }, &RunOptions { fail_fast, json });
    let mut out = std::io::stdout().lock();
    out.write_all(result.output.as_bytes())?;
    out.flush()?;
    Ok(if result.failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
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
        println!(
            "{} lesson(s) checked: every step can be done, and is not done already",
            lessons.len()
        );
        ExitCode::SUCCESS
    } else {
        eprintln!("{} error(s)", errors.len());
        ExitCode::FAILURE
    }
}

/// `kubestory list`: id, minutes and title of every lesson that loads.
fn list(dir: &std::path::Path) -> ExitCode {
    let (lessons, errors) = kubestory::lesson::load_dir(dir);
    for l in &lessons {
        println!(
            "{:<28} {:>3} min  {}",
            l.lesson.id, l.lesson.minutes, l.lesson.title
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
