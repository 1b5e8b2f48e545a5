//! Writes the shell makes on the simulated filesystems. Every line written is a
//! [`crate::sim::data::Story`] in the filesystem that backs the path, so it survives or dies
//! by the same rules as the app's stories; what the shell removes or overwrites is recorded as
//! a data loss, as a crash or a deleted pod is.

use crate::sim::SimTime;
use crate::sim::data::{DataStore, FsId, normalize, parent_of};

impl DataStore {
    #[allow(clippy::too_many_arguments)]
    /// Replaces (or, with `append`, extends) the lines of the file `path` in `fs`; a new file
    /// is created. Overwritten lines are recorded as lost, with `why`.
    pub(crate) fn write_lines(
        &mut self,
        fs: &FsId,
        path: &str,
        lines: &[String],
        append: bool,
        writer: &str,
        now: SimTime,
        why: &str,
    ) {
        let path = normalize(path);
        if !append {
            let old = self
                .filesystems
                .get_mut(fs)
                .and_then(|f| f.files.remove(&path));
            if let Some(old) = old
                && !old.is_empty()
            {
                self.record_loss(fs, &path, old.into_iter().collect(), why, now);
            }
        }
        self.ensure(fs).files.entry(path.clone()).or_default();
        for line in lines {
            self.append(fs, &path, line, writer, now);
        }
    }

    /// Removes one file; its lines are recorded as lost.
    pub(crate) fn remove_file(&mut self, fs: &FsId, path: &str, why: &str, now: SimTime) {
        let path = normalize(path);
        let Some(f) = self.filesystems.get_mut(fs) else {
            return;
        };
        f.perms.remove(&path);
        // Its directory stays (an explicit entry keeps it listed once empty).
        let dir = parent_of(&path);
        if dir != "/" {
            f.dirs.insert(dir);
        }
        if let Some(old) = f.files.remove(&path)
            && !old.is_empty()
        {
            self.record_loss(fs, &path, old.into_iter().collect(), why, now);
        }
    }

    /// Removes a directory tree (`rm -r`), recording what it held as lost; the directory
    /// itself goes unless `keep_root` (a mount point stays, as `rm` cannot remove it).
    pub(crate) fn remove_dir(
        &mut self,
        fs: &FsId,
        path: &str,
        keep_root: bool,
        why: &str,
        now: SimTime,
    ) {
        let path = normalize(path);
        let Some(f) = self.filesystems.get_mut(fs) else {
            return;
        };
        let lost = f.remove_tree(&path);
        if keep_root {
            f.mkdir_p(&path);
        } else {
            let parent = parent_of(&path);
            if parent != "/" {
                f.dirs.insert(parent);
            }
        }
        if !lost.is_empty() {
            self.record_loss(fs, &path, lost, why, now);
        }
    }

    fn record_loss(
        &mut self,
        fs: &FsId,
        path: &str,
        stories: Vec<crate::sim::data::Story>,
        why: &str,
        now: SimTime,
    ) {
        self.losses.push_back(crate::sim::data::DataLoss {
            at: now,
            fs: fs.clone(),
            path: path.to_string(),
            stories,
            why: why.to_string(),
            next_story: self.next_story,
        });
    }
}
