//! Properties: any size, any cluster, no panic and nothing drawn outside the area; every
//! selectable item is drawn where `item_at` finds it.

use super::*;
use kubestory::ui::diagram::{item_at, selectable_items};
use proptest::prelude::*;

/// A cluster shaped by a few numbers: pods with all kinds of volumes, long and unicode names,
/// stories, deletions and a failed node.
fn random_cluster(nodes: usize, pods: usize, ops: &[u8]) -> Cluster {
    let mut c = cluster_with(nodes.max(1), true);
    for i in 0..pods {
        let vol = match i % 5 {
            0 => None,
            1 => Some(json!({"emptyDir":{}})),
            2 => Some(json!({"emptyDir":{"medium":"Memory"}})),
            3 => Some(
                json!({"hostPath":{"path":format!("/data/ünïcødé-{i}"),"type":"DirectoryOrCreate"}}),
            ),
            _ => {
                let claim = format!("claim-{i}");
                apply(
                    &mut c,
                    json!({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":claim},
                    "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}),
                );
                Some(json!({"persistentVolumeClaim":{"claimName":claim}}))
            }
        };
        let name = if i % 3 == 0 {
            format!("a-very-long-deployment-name-that-goes-on-and-on-{i}")
        } else {
            format!("web{i}")
        };
        apply(&mut c, deployment(&name, 1, vol));
    }
    let targets: Vec<String> = c.pods().map(|p| p.metadata.name.clone()).collect();
    for (k, op) in ops.iter().enumerate() {
        let Some(t) = targets.get(k % targets.len().max(1)) else {
            break;
        };
        match op % 4 {
            0 | 1 => {
                let _ = c.write_story(
                    "default",
                    &Target::Pod(t.clone()),
                    None,
                    "a story ✨ with some length",
                );
            }
            2 => {
                let _ = c.delete(Kind::Pod, "default", t, DeleteOptions::default());
            }
            _ => {
                let _ = c.fail_node("minikube");
                c.advance(30);
            }
        }
    }
    c.advance(10);
    c
}

fn all_lost(c: &Cluster) -> Vec<Highlight> {
    c.data()
        .losses
        .iter()
        .map(|l| Highlight::Lost { loss: l.clone() })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn never_panics_nor_draws_outside(
        nodes in 0usize..4, pods in 0usize..12, ops in proptest::collection::vec(any::<u8>(), 0..8),
        x in 0u16..5, y in 0u16..5, w in 0u16..160, h in 0u16..60, unicode: bool, color: bool,
    ) {
        let c = random_cluster(nodes, pods, &ops);
        let full = Rect::new(0, 0, x + w + 3, y + h + 3);
        let mut buf = Buffer::empty(full);
        for cell in buf.content.iter_mut() { cell.set_symbol("@"); }
        let area = Rect::new(x, y, w, h);
        let hl = all_lost(&c);
        let sel = selectable_items(&c).into_iter().next();
        let style = DiagramStyle { unicode, color };
        let d = Diagram { cluster: &c, selected: sel.as_ref(), highlights: &hl, style: &style };
        (&d).render(area, &mut buf);
        for yy in full.y..full.bottom() {
            for xx in full.x..full.right() {
                if !area.contains(ratatui::layout::Position { x: xx, y: yy }) {
                    prop_assert_eq!(buf[(xx, yy)].symbol(), "@", "drew outside at {},{}", xx, yy);
                }
            }
        }
    }
}

#[test]
fn a_hundred_pods_and_huge_areas_do_not_panic() {
    let c = random_cluster(3, 100, &[0, 1, 2, 3, 0, 1]);
    for (w, h) in [(0, 0), (1, 1), (2, 40), (400, 2), (80, 24), (1000, 500)] {
        let _ = show(&c, w, h, &all_lost(&c));
    }
}

#[test]
fn every_selectable_item_is_drawn_and_clickable() {
    let mut c = random_cluster(2, 6, &[0, 1]);
    apply(&mut c, pod("loner", None));
    let area = Rect::new(0, 0, 200, 120);
    let items = selectable_items(&c);
    assert!(items.len() > 10);
    for item in &items {
        let found = (area.y..area.bottom())
            .flat_map(|y| (area.x..area.right()).map(move |x| (x, y)))
            .any(|(x, y)| item_at(&c, area, x, y).as_ref() == Some(item));
        assert!(found, "{item:?} is not drawn where a click finds it");
    }
}
