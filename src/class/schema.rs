//! The class record's tables, versioned with `PRAGMA user_version`: each migration takes the
//! database from version N to N+1 in one transaction, so a record written by an older
//! kubestory is brought up to date when opened, and a newer one is refused (not damaged).

use rusqlite::Connection;

/// Migrations in order: index i takes the database from version i to i+1.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema. Times are Unix seconds. A student's row is shared by their
    // sessions; per-step counters live on the step's row.
    "CREATE TABLE students (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        last_seen INTEGER NOT NULL
    );
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        student INTEGER NOT NULL REFERENCES students(id),
        started INTEGER NOT NULL,
        ended INTEGER
    );
    CREATE TABLE steps (
        student INTEGER NOT NULL REFERENCES students(id),
        lesson TEXT NOT NULL,
        step TEXT NOT NULL,
        started INTEGER NOT NULL,
        completed INTEGER,
        hints INTEGER NOT NULL DEFAULT 0,
        failed_commands INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (student, lesson, step)
    );
    CREATE TABLE lessons_done (
        student INTEGER NOT NULL REFERENCES students(id),
        lesson TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (student, lesson)
    );
    CREATE TABLE votes (
        student INTEGER NOT NULL REFERENCES students(id),
        lesson TEXT NOT NULL,
        step TEXT NOT NULL,
        option TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (student, lesson, step)
    );
    CREATE TABLE quiz_answers (
        student INTEGER NOT NULL REFERENCES students(id),
        lesson TEXT NOT NULL,
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        correct INTEGER NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (student, lesson, question)
    );",
];

/// The schema version this kubestory writes.
pub const VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database to [`VERSION`]; returns the version it found when that is newer
/// than this kubestory knows (the caller refuses it).
pub fn migrate(conn: &mut Connection) -> rusqlite::Result<Result<(), i64>> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > VERSION {
        return Ok(Err(found));
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(Ok(()))
}
