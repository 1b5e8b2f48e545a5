//! `kubestory class list` and `kubestory class export`: the class record (src/class/) on the
//! command line. Errors go to standard error with exit status 2 for a wrong argument (an
//! unknown class) and 1 for a failure (a damaged record, a file that cannot be written).

use crate::cli::ClassAction;
use kubestory::class::{self, ClassError, ClassRecord, export};
use std::path::Path;
use std::process::ExitCode;

/// Runs one `kubestory class` action.
pub fn run(action: ClassAction) -> ExitCode {
    let Some(state) = kubestory::ui::persist::state_dir() else {
        eprintln!("error: this platform gives kubestory no state folder, so no class is kept");
        return ExitCode::from(1);
    };
    match action {
        ClassAction::List => list(&state),
        ClassAction::Export { class, csv, json } => {
            export_class(&state, &class, csv.as_deref(), json.as_deref())
        }
    }
}

fn list(state: &Path) -> ExitCode {
    let names = match class::list_names(state) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    if names.is_empty() {
        println!("no class is kept yet (`kubestory serve --class NAME` starts one)");
        return ExitCode::SUCCESS;
    }
    let mut status = ExitCode::SUCCESS;
    println!("{:<32}  {:>8}  LAST ACTIVITY", "CLASS", "STUDENTS");
    for name in names {
        match ClassRecord::open_existing(state, &name).and_then(|c| c.summary()) {
            Ok(s) => println!(
                "{:<32}  {:>8}  {}",
                s.name,
                s.students,
                s.last_activity.map_or_else(|| "-".to_string(), when)
            ),
            Err(e) => {
                println!("{name:<32}  {:>8}  -", "?");
                eprintln!("error: {e}");
                status = ExitCode::from(1);
            }
        }
    }
    status
}

/// Unix seconds as RFC 3339 (UTC), as quiz results carry their dates.
fn when(t: i64) -> String {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(t.max(0) as u64);
    humantime::format_rfc3339_seconds(t).to_string()
}

fn export_class(state: &Path, name: &str, csv: Option<&Path>, json: Option<&Path>) -> ExitCode {
    let rows = ClassRecord::open_existing(state, name).and_then(|c| {
        Ok(export::ClassExport {
            class: c.name().to_string(),
            students: c.student_rows()?,
            questions: c.question_rows()?,
        })
    });
    let rows = match rows {
        Ok(r) => r,
        Err(e @ ClassError::UnknownClass { .. }) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let mut status = ExitCode::SUCCESS;
    let outputs = [
        (csv, export::to_csv as fn(&export::ClassExport) -> Vec<u8>),
        (json, export::to_json),
    ];
    for (path, encode) in outputs {
        let Some(path) = path else { continue };
        match export::write(path, &encode(&rows)) {
            Ok(()) => println!(
                "class {name}: {} student(s), {} question(s) written to {}",
                rows.students.len(),
                rows.questions.len(),
                path.display()
            ),
            Err(e) => {
                eprintln!("error: {e}");
                status = ExitCode::from(1);
            }
        }
    }
    status
}
