//! Command-line interface: clap definitions, kept apart from the wiring in `main.rs`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// kubestory: learn how Kubernetes keeps (and loses) data.
#[derive(Debug, Parser)]
#[command(name = "kubestory", version, about, long_about = None)]
pub struct Cli {
    /// What to do; with none, kubestory opens the interactive sandbox.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Draw the interface with ASCII characters only (colours follow NO_COLOR).
    #[arg(long)]
    pub ascii: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a scenario script headlessly and print what each command prints.
    ///
    /// One command per line: kubectl …, cluster …, story write|read, crash, node
    /// fail|reboot|recover, wait DURATION, undo. See README.md, "kubestory sim".
    Sim {
        /// The script; standard input when omitted. `-f` paths are relative to its folder.
        script: Option<PathBuf>,
        /// After the output, print the final state as one JSON document.
        #[arg(long)]
        json: bool,
        /// Stop at the first failing command and exit with status 1.
        #[arg(long)]
        fail_fast: bool,
    },
    /// Check lessons: strict loading, then replay every step's solution (its goals must not
    /// hold at the step's start and must hold after). Exits 1 on any error.
    Lint {
        /// Lesson files or folders; `lessons/` when omitted.
        paths: Vec<PathBuf>,
    },
    /// List the lessons: id, minutes, title.
    List {
        /// The lessons folder.
        #[arg(default_value = "lessons")]
        dir: PathBuf,
    },
}
