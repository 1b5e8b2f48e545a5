//! A serde `Deserializer` over the positioned YAML tree (`manifest::tree::Node`), so lessons
//! are read by the same bounded parser as manifests and every error carries the line and
//! column of the node (or, for an unknown or repeated field, of the key) it is about.
//!
//! The type drives the reading, as in serde_yaml: a `String` field takes any scalar as it is
//! written (`id: 123` is the text `123`, `title: yes` the text `yes`), a number or a boolean
//! field takes the resolved value. Nothing here recurses deeper than the tree, which the
//! parser has already limited to `MAX_DEPTH` levels.

use crate::manifest::tree::{Entry, Node, NodeValue, Pos};
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;

/// A shape error: serde's message, the field path (`steps[0].goals[1].check`) and the
/// position of the node or key it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeError {
    /// serde's message (`invalid type: string "ten", expected u32`).
    pub message: String,
    /// Where, once known (set by the innermost node that saw the error).
    pub pos: Option<Pos>,
    /// The field path, once known; empty at the document's root.
    pub path: Option<String>,
}

impl DeError {
    /// Sets the position and path unless an inner node already did.
    fn at(mut self, pos: Pos, path: &str) -> DeError {
        if self.pos.is_none() {
            self.pos = Some(pos);
            self.path = Some(path.to_string());
        }
        self
    }

    /// The message as serde_yaml wrote it: `path: message`, or the message alone at the root.
    pub fn full_message(&self) -> String {
        match self.path.as_deref() {
            Some(p) if !p.is_empty() => format!("{p}: {}", self.message),
            _ => self.message.clone(),
        }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full_message())
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError {
            message: msg.to_string(),
            pos: None,
            path: None,
        }
    }
}

/// Deserializes `T` from a node.
pub fn from_node<'a, T: de::Deserialize<'a>>(node: &'a Node) -> Result<T, DeError> {
    T::deserialize(NodeDe {
        node,
        path: String::new(),
    })
}

/// One node and its field path.
struct NodeDe<'a> {
    node: &'a Node,
    path: String,
}

impl<'a> NodeDe<'a> {
    /// The scalar as the author wrote it, for text fields; `None` for null, lists and maps.
    fn text(&self) -> Option<String> {
        match &self.node.value {
            NodeValue::Str(s) => Some(s.clone()),
            NodeValue::Null | NodeValue::Seq(_) | NodeValue::Map(_) => None,
            NodeValue::Bool(b) => Some(source_or(self.node, b)),
            NodeValue::Int(i) => Some(source_or(self.node, i)),
            NodeValue::UInt(u) => Some(source_or(self.node, u)),
            NodeValue::Float(f) => Some(source_or(self.node, f)),
        }
    }

    /// Runs `f` and gives any error without a position this node's position and path.
    fn located<T>(self, f: impl FnOnce(&Self) -> Result<T, DeError>) -> Result<T, DeError> {
        f(&self).map_err(|e| e.at(self.node.pos, &self.path))
    }

    fn any<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, DeError> {
        let node: &'a Node = self.node;
        match &node.value {
            NodeValue::Null => visitor.visit_unit(),
            NodeValue::Bool(b) => visitor.visit_bool(*b),
            NodeValue::Int(i) => visitor.visit_i64(*i),
            NodeValue::UInt(u) => visitor.visit_u64(*u),
            NodeValue::Float(f) => visitor.visit_f64(*f),
            NodeValue::Str(s) => visitor.visit_borrowed_str(s),
            NodeValue::Seq(items) => visitor.visit_seq(SeqAccess {
                items: items.iter(),
                index: 0,
                path: &self.path,
            }),
            NodeValue::Map(entries) => {
                let mut access = MapAccess {
                    entries: entries.iter(),
                    value: None,
                    last_key: None,
                    path: &self.path,
                };
                let result = visitor.visit_map(&mut access);
                // serde raises "duplicate field" from the map's own visitor: point at the key.
                result.map_err(|e| match access.last_key {
                    Some(pos) if e.pos.is_none() && e.message.starts_with("duplicate field") => {
                        e.at(pos, &self.path)
                    }
                    _ => e,
                })
            }
        }
    }

    fn string<V: Visitor<'a>>(&self, visitor: V) -> Result<V::Value, DeError> {
        match self.text() {
            Some(t) => visitor.visit_string(t),
            None => self.any(visitor),
        }
    }
}

fn source_or(node: &Node, value: &impl fmt::Display) -> String {
    node.source
        .as_deref()
        .map_or_else(|| value.to_string(), str::to_string)
}

macro_rules! by_value {
    ($($name:ident)*) => {$(
        fn $name<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
            self.located(|d| d.any(visitor))
        }
    )*};
}

impl<'a> de::Deserializer<'a> for NodeDe<'a> {
    type Error = DeError;

    by_value! {
        deserialize_any deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32
        deserialize_i64 deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32
        deserialize_u64 deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char
        deserialize_bytes deserialize_byte_buf deserialize_unit deserialize_seq deserialize_map
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.located(|d| d.string(visitor))
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.located(|d| d.string(visitor))
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.located(|d| d.string(visitor))
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        if self.node.is_null() {
            return self.located(|_| visitor.visit_none());
        }
        let pos = self.node.pos;
        let path = self.path.clone();
        visitor.visit_some(self).map_err(|e| e.at(pos, &path))
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.located(|d| d.any(visitor))
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let pos = self.node.pos;
        let path = self.path.clone();
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.at(pos, &path))
    }

    fn deserialize_tuple<V: Visitor<'a>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.located(|d| d.any(visitor))
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.located(|d| d.any(visitor))
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.located(|d| d.any(visitor))
    }

    /// A unit variant is a scalar (`kind: single`); a variant with data is a one-key map
    /// (`serves: {target: deploy/story}`).
    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.located(|d| match &d.node.value {
            NodeValue::Map(entries) if entries.len() == 1 => visitor.visit_enum(EnumAccess {
                entry: &entries[0],
                path: &d.path,
            }),
            NodeValue::Map(_) | NodeValue::Seq(_) | NodeValue::Null => d.any(visitor),
            _ => match d.text() {
                Some(t) => visitor.visit_enum(t.into_deserializer()),
                None => d.any(visitor),
            },
        })
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

/// A list's items, each with its index in the path.
struct SeqAccess<'a, 'p> {
    items: std::slice::Iter<'a, Node>,
    index: usize,
    path: &'p str,
}

impl<'a> de::SeqAccess<'a> for SeqAccess<'a, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(node) = self.items.next() else {
            return Ok(None);
        };
        let path = format!("{}[{}]", self.path, self.index);
        self.index += 1;
        seed.deserialize(NodeDe { node, path }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A mapping's entries: keys are read at their own position (an unknown field points at
/// the key), values with the key added to the path.
struct MapAccess<'a, 'p> {
    entries: std::slice::Iter<'a, Entry>,
    value: Option<&'a Entry>,
    last_key: Option<Pos>,
    path: &'p str,
}

impl<'a> de::MapAccess<'a> for &mut MapAccess<'a, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(entry);
        self.last_key = Some(entry.key_pos);
        seed.deserialize(KeyDe(entry.key.as_str()))
            .map(Some)
            .map_err(|e| e.at(entry.key_pos, self.path))
    }

    fn next_value_seed<V: DeserializeSeed<'a>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let entry = self
            .value
            .take()
            .ok_or_else(|| <DeError as de::Error>::custom("a value without a key"))?;
        seed.deserialize(NodeDe {
            node: &entry.value,
            path: child_path(self.path, &entry.key),
        })
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

fn child_path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// A mapping key: always text (the tree has already turned `on:` or `2:` into strings).
struct KeyDe<'a>(&'a str);

impl<'a> de::Deserializer<'a> for KeyDe<'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    serde::forward_to_deserialize_any! {
        <V: Visitor<'a>>
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// `variant: value`, for enums written as one-key maps.
struct EnumAccess<'a, 'p> {
    entry: &'a Entry,
    path: &'p str,
}

impl<'a> de::EnumAccess<'a> for EnumAccess<'a, '_> {
    type Error = DeError;
    type Variant = NodeDe<'a>;

    fn variant_seed<V: DeserializeSeed<'a>>(
        self,
        seed: V,
    ) -> Result<(V::Value, NodeDe<'a>), DeError> {
        let key = seed
            .deserialize(KeyDe(self.entry.key.as_str()))
            .map_err(|e| e.at(self.entry.key_pos, self.path))?;
        Ok((
            key,
            NodeDe {
                node: &self.entry.value,
                path: child_path(self.path, &self.entry.key),
            },
        ))
    }
}

impl<'a> de::VariantAccess<'a> for NodeDe<'a> {
    type Error = DeError;

    fn unit_variant(self) -> Result<(), DeError> {
        self.located(|d| match d.node.value {
            NodeValue::Null => Ok(()),
            _ => Err(de::Error::invalid_type(
                de::Unexpected::Other(d.node.json_kind()),
                &"nothing after a unit variant",
            )),
        })
    }

    fn newtype_variant_seed<T: DeserializeSeed<'a>>(self, seed: T) -> Result<T::Value, DeError> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'a>>(self, len: usize, visitor: V) -> Result<V::Value, DeError> {
        de::Deserializer::deserialize_tuple(self, len, visitor)
    }

    fn struct_variant<V: Visitor<'a>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.located(|d| d.any(visitor))
    }
}
