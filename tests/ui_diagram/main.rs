//! The diagram widget: snapshots of what it shows, and properties that hold at any size.

mod props;
mod snapshots;

use kubestory::sim::*;
use kubestory::ui::diagram::{Diagram, DiagramStyle, Highlight};
use kubestory::ui::selection::Item;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use serde_json::{Value, json};

pub fn cluster_with(nodes: usize, default_class: bool) -> Cluster {
    Cluster::new(ClusterConfig {
        profile: Default::default(),
        zones: 3,
        addons: Vec::new(),
        nodes: ClusterConfig::minikube_node_names(nodes),
        control_plane: Some("minikube".into()),
        default_storage_class: default_class,
        seed: 1,
    })
}

pub fn apply(c: &mut Cluster, v: Value) {
    c.apply(Object::from_value(v).expect("valid object"))
        .expect("apply succeeds");
}

pub fn write(c: &mut Cluster, target: &str, text: &str) {
    c.write_story("default", &Target::parse(target).unwrap(), None, text)
        .expect("story written");
}

/// A story-app pod spec mounting `volume` (named "data") at /app/story.
pub fn pod_spec(volume: Option<Value>) -> Value {
    let mut spec = json!({"containers":[{"name":"story","image":"academind/kub-data-demo"}]});
    if let Some(mut vol) = volume {
        vol["name"] = json!("data");
        spec["volumes"] = json!([vol]);
        spec["containers"][0]["volumeMounts"] = json!([{"name":"data","mountPath":"/app/story"}]);
    }
    spec
}

pub fn pod(name: &str, volume: Option<Value>) -> Value {
    json!({"apiVersion":"v1","kind":"Pod","metadata":{"name":name},"spec":pod_spec(volume)})
}

pub fn deployment(name: &str, replicas: u32, volume: Option<Value>) -> Value {
    json!({"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":name},
        "spec":{"replicas":replicas,"selector":{"matchLabels":{"app":name}},
        "template":{"metadata":{"labels":{"app":name}},"spec":pod_spec(volume)}}})
}

pub fn del(c: &mut Cluster, kind: Kind, name: &str) {
    c.delete(kind, "default", name, DeleteOptions::default())
        .expect("delete succeeds");
}

/// Renders into a `w`×`h` buffer and returns it.
pub fn render_buf(
    c: &Cluster,
    w: u16,
    h: u16,
    style: DiagramStyle,
    selected: Option<&Item>,
    highlights: &[Highlight],
) -> Buffer {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    let d = Diagram {
        cluster: c,
        selected,
        highlights,
        style: &style,
    };
    (&d).render(area, &mut buf);
    buf
}

/// The buffer as text, one line per row, trailing spaces trimmed.
pub fn text_of(buf: &Buffer) -> String {
    let a = buf.area;
    let mut out = String::new();
    for y in a.y..a.bottom() {
        let mut line = String::new();
        for x in a.x..a.right() {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The diagram of `c` as text, Unicode, at `w`×`h`.
pub fn show(c: &Cluster, w: u16, h: u16, highlights: &[Highlight]) -> String {
    text_of(&render_buf(
        c,
        w,
        h,
        DiagramStyle::default(),
        None,
        highlights,
    ))
}
