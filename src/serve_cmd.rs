//! `kubestory serve`: wires the class server (`kubestory::serve`) to the student screens
//! (`ui::remote_session`) and the teacher's dashboard (`ui::dashboard`), or to the headless
//! front, and says at the end how to get the class's results.

use crate::Look;
use color_eyre::eyre::Result;
use kubestory::serve::{ServeOptions, Server, limits::Limits};
use std::io::IsTerminal;
use std::process::ExitCode;

/// `kubestory serve …` as parsed.
pub struct Args {
    pub listen: std::net::SocketAddr,
    pub code: Option<String>,
    pub class: Option<String>,
    pub max_students: u64,
    pub idle_timeout: std::time::Duration,
    pub headless: bool,
    pub ascii: bool,
    pub lessons: Option<std::path::PathBuf>,
    pub theme: Option<String>,
}

/// Runs the class until the teacher stops it.
pub fn run(args: Args) -> Result<ExitCode> {
    let Some(state_dir) = kubestory::ui::persist::state_dir() else {
        eprintln!(
            "error: no state folder (set HOME or XDG_STATE_HOME): the class record needs one"
        );
        return Ok(ExitCode::from(1));
    };
    let class = args.class.unwrap_or_else(default_class);
    if let Err(e) = kubestory::class::bounds::check_name("class name", &class) {
        eprintln!("error: --class: {e}");
        return Ok(ExitCode::from(2));
    }
    if !args.headless {
        if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
            eprintln!(
                "error: the dashboard needs a terminal; use `kubestory serve --headless` to serve without one"
            );
            return Ok(ExitCode::from(2));
        }
        if let Some(why) = kubestory::ui::termenv::refusal_here() {
            eprintln!("{why}");
            return Ok(ExitCode::from(2));
        }
    }
    let (loaded, errors) = match &args.lessons {
        Some(d) => kubestory::lesson::load_dir(d),
        None => (Vec::new(), Vec::new()),
    };
    let mut library: Vec<kubestory::lesson::LibraryLesson> =
        loaded.into_iter().map(Into::into).collect();
    if args.lessons.is_none() {
        library.extend(kubestory::lesson::builtin_library());
    }
    let problems: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let limits = Limits {
        max_sessions: args.max_students as usize,
        idle_timeout: args.idle_timeout,
        ..Limits::default()
    };
    let server = match Server::start(ServeOptions {
        listen: args.listen,
        code: args.code,
        class: class.clone(),
        state_dir,
        limits,
        factory: kubestory::serve::student::factory(library.clone(), problems),
    }) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let hub = server.hub();
    let exit = if args.headless {
        kubestory::serve::headless::run(&hub)?;
        ExitCode::SUCCESS
    } else {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        let look = Look::new(args.theme.as_deref(), false);
        let present = Look::new(None, true);
        let exit = kubestory::ui::dashboard::run(
            &*hub,
            kubestory::ui::dashboard::Options {
                ascii: args.ascii,
                color,
                theme: look.theme,
                present_theme: present.theme,
                lessons: library,
            },
        )?;
        ExitCode::from(exit.code())
    };
    let seen = hub.students().len();
    drop(hub);
    server.stop();
    println!(
        "The class {class} is over ({seen} student(s) this time). Its record is kept:\n  kubestory class export {class} --csv {class}.csv"
    );
    Ok(exit)
}

/// `class-YYYY-MM-DD` (UTC): serving again the same day goes on with the same class.
fn default_class() -> String {
    let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    format!("class-{}", &now[..10.min(now.len())])
}
