//! The apps that run in containers and where each keeps its data. The course's story app
//! (`POST /story` appends to `/app/story/text.txt`, `GET /error` exits 1) is the default; a few
//! well-known images keep their data where their real images do.

use super::objects::{Container, ObjectMeta};

/// Annotation that declares where an app keeps its data, for every container of the pod:
/// `kubestory.io/data-path: /srv/data`. A per-container form overrides it:
/// `kubestory.io/data-path.<container>: /srv/data`.
pub const DATA_PATH_ANNOTATION: &str = "kubestory.io/data-path";

/// The file stories are appended to, inside the data directory.
pub const STORY_FILE: &str = "text.txt";

/// A known application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum App {
    /// The course's story app (the default for any image not listed below).
    Story,
    /// PostgreSQL: `/var/lib/postgresql/data`.
    Postgres,
    /// MySQL / MariaDB: `/var/lib/mysql`.
    MySql,
    /// Redis: `/data`.
    Redis,
    /// nginx: `/usr/share/nginx/html`.
    Nginx,
}

impl App {
    /// The app an image runs, from the image's repository name (registry and tag ignored).
    pub fn for_image(image: &str) -> App {
        let without_digest = image.split('@').next().unwrap_or(image);
        let last = without_digest.rsplit('/').next().unwrap_or(without_digest);
        let repo = last.split(':').next().unwrap_or(last);
        match repo {
            "postgres" | "postgresql" => App::Postgres,
            "mysql" | "mariadb" => App::MySql,
            "redis" => App::Redis,
            "nginx" | "nginx-slim" | "nginx-unprivileged" => App::Nginx,
            _ => App::Story,
        }
    }

    /// Where the app keeps its data.
    pub fn data_dir(self) -> &'static str {
        match self {
            App::Story => "/app/story",
            App::Postgres => "/var/lib/postgresql/data",
            App::MySql => "/var/lib/mysql",
            App::Redis => "/data",
            App::Nginx => "/usr/share/nginx/html",
        }
    }

    /// A short name for messages.
    pub fn name(self) -> &'static str {
        match self {
            App::Story => "story app",
            App::Postgres => "postgres",
            App::MySql => "mysql",
            App::Redis => "redis",
            App::Nginx => "nginx",
        }
    }
}

/// The data directory of a container: the per-container annotation, the pod annotation, or
/// the image's default.
pub fn data_dir(pod_meta: &ObjectMeta, container: &Container) -> String {
    let specific = format!("{DATA_PATH_ANNOTATION}.{}", container.name);
    pod_meta
        .annotations
        .get(&specific)
        .or_else(|| pod_meta.annotations.get(DATA_PATH_ANNOTATION))
        .cloned()
        .unwrap_or_else(|| App::for_image(&container.image).data_dir().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_map_to_their_data_directories() {
        assert_eq!(
            App::for_image("postgres:16").data_dir(),
            "/var/lib/postgresql/data"
        );
        assert_eq!(
            App::for_image("docker.io/library/mysql:5.6").data_dir(),
            "/var/lib/mysql"
        );
        assert_eq!(
            App::for_image("registry.k8s.io/nginx-slim:0.7").data_dir(),
            "/usr/share/nginx/html"
        );
        assert_eq!(App::for_image("redis").data_dir(), "/data");
        assert_eq!(
            App::for_image("academind/kub-data-demo:2").data_dir(),
            "/app/story"
        );
    }
}
