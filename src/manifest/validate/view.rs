//! A read-only view of an object field, pointing at where it is written.

use crate::manifest::tree::{Entry, Node, Pos};

/// A read-only view of an object field: the node (if present) and where to point.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Obj<'a> {
    /// The mapping, or `None` when the field is absent or null.
    pub node: Option<&'a Node>,
    /// The field's key position (or the nearest existing ancestor's).
    pub pos: Pos,
}

impl<'a> Obj<'a> {
    pub(crate) fn root(node: &'a Node) -> Obj<'a> {
        Obj {
            node: Some(node),
            pos: node.pos,
        }
    }

    /// A child object (absent children point at this object).
    pub(crate) fn child(&self, key: &str) -> Obj<'a> {
        match self.node.and_then(|n| n.entry(key)) {
            Some(e) if !e.value.is_null() => Obj {
                node: Some(&e.value),
                pos: e.key_pos,
            },
            Some(e) => Obj {
                node: None,
                pos: e.key_pos,
            },
            None => Obj {
                node: None,
                pos: self.pos,
            },
        }
    }

    pub(crate) fn entry(&self, key: &str) -> Option<&'a Entry> {
        self.node.and_then(|n| n.entry(key))
    }

    pub(crate) fn str(&self, key: &str) -> Option<&'a str> {
        self.node.and_then(|n| n.str_field(key))
    }

    pub(crate) fn i64(&self, key: &str) -> Option<i64> {
        self.node.and_then(|n| n.field(key)).and_then(Node::as_i64)
    }

    /// Where the field's key is, or this object's position.
    pub(crate) fn key_pos(&self, key: &str) -> Pos {
        self.entry(key).map(|e| e.key_pos).unwrap_or(self.pos)
    }

    /// Where the field's value is, or this object's position.
    pub(crate) fn val_pos(&self, key: &str) -> Pos {
        self.entry(key).map(|e| e.value.pos).unwrap_or(self.pos)
    }

    /// The items of a list field, each as a view.
    pub(crate) fn items(&self, key: &str) -> Vec<Obj<'a>> {
        self.node
            .map(|n| {
                n.seq_field(key)
                    .iter()
                    .map(|i| Obj {
                        node: Some(i).filter(|i| !i.is_null()),
                        pos: i.pos,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The raw list items of a field.
    pub(crate) fn list(&self, key: &str) -> &'a [Node] {
        self.node.map(|n| n.seq_field(key)).unwrap_or(&[])
    }

    /// The entries of a map field.
    pub(crate) fn map(&self, key: &str) -> &'a [Entry] {
        self.node.map(|n| n.map_field(key)).unwrap_or(&[])
    }
}
