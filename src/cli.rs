//! Command-line interface: clap definitions, kept apart from the wiring in `main.rs`.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// kubestory: learn how Kubernetes keeps (and loses) data.
#[derive(Debug, Parser)]
#[command(name = "kubestory", version, about, long_about = None)]
pub struct Cli {
    /// What to do; with none, kubestory opens the lesson picker.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Draw the interface with ASCII characters only (colours follow NO_COLOR). Automatic when
    /// the locale is not UTF-8 (LC_ALL, LC_CTYPE, LANG; none set counts as C);
    /// `--ascii=false` draws box-drawing characters anyway.
    #[arg(
        long,
        global = true,
        value_name = "BOOL",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = "true"
    )]
    pub ascii: Option<bool>,
    /// Go straight into this lesson (its id, as `kubestory list` prints it), where you left it.
    #[arg(long, value_name = "ID", conflicts_with = "sandbox")]
    pub lesson: Option<String>,
    /// Go straight into the sandbox: a free cluster, no lesson.
    #[arg(long)]
    pub sandbox: bool,
    /// Which real cluster the sandbox stands for: minikube (control plane on the node
    /// `minikube`, one hostPath provisioner), kind (tainted control plane, local-path volumes
    /// pinned to a node) or cloud (EKS-like: managed control plane, three zones, EBS disks
    /// and EFS files).
    #[arg(long, value_name = "PROFILE", value_parser = ["minikube", "kind", "cloud"], default_value = "minikube")]
    pub profile: String,
    /// How many nodes the sandbox has (1 to 50), named as the profile names them.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u64).range(1..=50))]
    pub nodes: u64,
    /// Play this lesson file and reload it whenever it changes, keeping the cluster as it is
    /// (for lesson authors; `Ctrl-R` reloads by hand where file changes go unnoticed).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["sandbox", "lesson"])]
    pub watch: Option<PathBuf>,
    /// Read lessons from this folder instead of the ones built in (for lesson authors).
    #[arg(long, value_name = "DIR", global = true)]
    pub lessons: Option<PathBuf>,
    /// Colour scheme: dark, light (for projectors) or high-contrast. Remembered: for
    /// `present` separately (it starts in high-contrast), for everything else together.
    #[arg(long, global = true, value_name = "THEME", value_parser = ["dark", "light", "high-contrast"])]
    pub theme: Option<String>,
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
    /// Quiz yourself: the questions of some lessons (all when none are named), graded by the
    /// simulator, with a review and "retry the ones I missed". Results are kept in the state
    /// folder; `--export` also writes them as JSON or CSV.
    Quiz {
        /// Lesson ids (`kubestory list` shows them); every lesson when omitted.
        #[arg(value_name = "LESSON")]
        lesson_ids: Vec<String>,
        /// Ask the questions in a random order.
        #[arg(long)]
        shuffle: bool,
        /// Shuffle with this seed: the same seed gives the same order (implies --shuffle).
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// End the quiz after this long (`90s`, `10m`); unanswered questions count as missed.
        #[arg(long, value_name = "DURATION")]
        time_limit: Option<humantime::Duration>,
        /// Also write the results to this file: `.json` or `.csv`.
        #[arg(long, value_name = "PATH")]
        export: Option<PathBuf>,
        /// Your name on every result row (1 to 32 characters of A-Z a-z 0-9 . _ -), so a
        /// teacher can merge a class's exports.
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
    },
    /// Classroom mode: present a lesson on a projector (diagram large, text revealed with
    /// Space, the class votes on predictions, `v` reveals, `d` plays the step's demo, `b`
    /// blanks the screen). Run `present --notes` in a second terminal for speaker notes.
    Present {
        /// The lesson's id; the lesson picker when omitted.
        lesson: Option<String>,
        /// Show the speaker notes of the presentation running on this machine, following it.
        #[arg(long)]
        notes: bool,
    },
    /// List the lessons: id, minutes, title and your progress.
    List,
    /// Forget your progress and saved edits: of one lesson, or of all lessons and the sandbox.
    Reset {
        /// The lesson's id; all lessons when omitted.
        lesson: Option<String>,
    },
    /// Teach a class from this machine: an SSH server where every student gets their own
    /// kubestory with `ssh -p PORT NAME@HOST` (the stock OpenSSH client; nothing to install),
    /// and this terminal becomes the teacher's dashboard. Progress, votes and quiz answers are
    /// kept in the class record (`kubestory class export`).
    Serve {
        /// Where to listen. The default serves every network of this machine on port 2222.
        #[arg(long, value_name = "ADDR:PORT", default_value = "0.0.0.0:2222")]
        listen: std::net::SocketAddr,
        /// The class code students type as the password; a fresh random one when omitted.
        #[arg(long, value_name = "CODE")]
        code: Option<String>,
        /// The class's name: its record is kept under it, and serving the same name again
        /// goes on with the same class. Default: `class-` and today's date.
        #[arg(long, value_name = "NAME")]
        class: Option<String>,
        /// At most this many students connected at once.
        #[arg(long, value_name = "N", default_value_t = 250, value_parser = clap::value_parser!(u64).range(1..=1000))]
        max_students: u64,
        /// Disconnect a student who presses no key for this long (their progress is kept).
        #[arg(long, value_name = "DURATION", default_value = "45m")]
        idle_timeout: humantime::Duration,
        /// No dashboard: print who joins and leaves, until Ctrl-C (for a machine without a
        /// terminal, and for scripts).
        #[arg(long)]
        headless: bool,
    },
    /// The class record kept by `kubestory serve`: list the classes, or export one class's
    /// results (per-student rows, then per-question rows) as CSV or JSON.
    Class {
        /// What to do with the class record.
        #[command(subcommand)]
        action: ClassAction,
    },
}

/// `kubestory class …`.
#[derive(Debug, Subcommand)]
pub enum ClassAction {
    /// The classes kept in the state folder, with their student counts and last activity.
    List,
    /// Write one class's results: per-student rows (name, lessons and steps done, quiz score,
    /// time), then per-question rows (answered, right, the most chosen wrong answer).
    #[command(group = clap::ArgGroup::new("to").required(true).multiple(true))]
    Export {
        /// The class's name (`kubestory class list` shows them).
        class: String,
        /// Write CSV (one table: a header, then `student` and `question` rows) to this file.
        #[arg(long, value_name = "PATH", group = "to")]
        csv: Option<PathBuf>,
        /// Write JSON (`{"class", "students", "questions"}`) to this file.
        #[arg(long, value_name = "PATH", group = "to")]
        json: Option<PathBuf>,
    },
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// clap's own consistency checks (a field name used twice panics only at parse time).
    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    /// `--ascii` alone forces ASCII, `--ascii=false` forces box drawing, and neither leaves
    /// the choice to the locale; a word after a bare `--ascii` is not taken as its value.
    #[test]
    fn ascii_is_a_flag_with_an_optional_value() {
        use super::Command;
        use clap::Parser;
        let parse = |args: &[&str]| Cli::try_parse_from(args).map_err(|e| e.to_string());
        assert_eq!(parse(&["kubestory"]).map(|c| c.ascii), Ok(None));
        assert_eq!(
            parse(&["kubestory", "--ascii"]).map(|c| c.ascii),
            Ok(Some(true))
        );
        assert_eq!(
            parse(&["kubestory", "--ascii=false"]).map(|c| c.ascii),
            Ok(Some(false))
        );
        let quiz = parse(&["kubestory", "quiz", "--ascii", "state"]).expect("parses");
        assert_eq!(quiz.ascii, Some(true));
        assert!(
            matches!(quiz.command, Some(Command::Quiz { ref lesson_ids, .. }) if lesson_ids == &["state"])
        );
    }
}
