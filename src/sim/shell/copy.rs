//! What `kubectl cp` runs in the container: the tar that extracts a file into it or reads
//! one out of it, with tar's messages.

use super::view::Stat;
use super::{ExecOutput, Io, Session, join_lines};
use crate::sim::Cluster;

impl Cluster {
    /// `kubectl cp LOCAL POD:PATH`: the tar that kubectl runs in the container extracts one
    /// file at `path` (into it when it is a directory, as `tar -C` does), with tar's refusals
    /// (`tar: x: Cannot open: Read-only file system`, exit 2).
    pub fn copy_into(
        &mut self,
        session: &mut Session,
        path: &str,
        name: &str,
        text: &str,
    ) -> ExecOutput {
        let path = path.to_string();
        let name = name.to_string();
        let text = text.to_string();
        self.with_shell(session, move |sh| {
            let mut io = Io::default();
            let mut target = sh.abs(&path);
            if sh.view().stat(&target) == Stat::Dir {
                target = crate::sim::data::join(&target, &name);
            }
            let member = target.trim_start_matches('/').to_string();
            let result = sh
                .check_writable_file(&target)
                .map_err(|e| {
                    if e == "nonexistent" {
                        "No such file or directory".to_string()
                    } else {
                        e
                    }
                })
                .and_then(|()| sh.write_file(&target, &text, false));
            match result {
                Ok(()) => (io, 0),
                Err(why) => {
                    io.err_line(format!("tar: {member}: Cannot open: {why}"));
                    io.err_line("tar: Exiting with failure status due to previous errors");
                    (io, 2)
                }
            }
        })
    }
}

impl Cluster {
    /// `kubectl cp POD:PATH LOCAL`: the file's text as the tar kubectl runs in the container
    /// reads it, or tar's refusal (`tar: x: Cannot stat: No such file or directory`).
    pub fn copy_out_of(&mut self, session: &mut Session, path: &str) -> Result<String, ExecOutput> {
        let mut text = None;
        let out = self.with_shell(session, |sh| {
            let mut io = Io::default();
            let abs = sh.abs(path);
            let member = abs.trim_start_matches('/').to_string();
            match sh.view().stat(&abs) {
                Stat::File => {
                    text = Some(join_lines(&sh.view().read(&abs)));
                    (io, 0)
                }
                Stat::Dir => {
                    io.err_line(format!(
                        "kubestory: {path} is a directory: copying a folder out of a container is not simulated; copy its files one by one"
                    ));
                    (io, 1)
                }
                Stat::Missing => {
                    io.err_line(format!("tar: {member}: Cannot stat: No such file or directory"));
                    io.err_line("tar: Exiting with failure status due to previous errors");
                    (io, 2)
                }
            }
        });
        text.ok_or(out)
    }
}
