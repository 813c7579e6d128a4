//! Length-guarded strings and lists, used by every deserialised field of a scenario.

use std::fmt;
use std::marker::PhantomData;

use serde::Serialize;
use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};

use super::limits::{MAX_LIST, MAX_TEXT_CHARS};

/// A piece of free text from a scenario file (title, name, description), at most
/// [`MAX_TEXT_CHARS`] characters.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Text(pub String);

impl Text {
    /// The text, or `id` when the text is blank (empty or only spaces): the one rule for the
    /// name to show of something a hand-written file may leave unnamed.
    pub fn or_id<'a>(&'a self, id: &'a str) -> &'a str {
        if self.0.trim().is_empty() {
            id
        } else {
            &self.0
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Self(text.to_owned())
    }
}

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a string of at most {MAX_TEXT_CHARS} characters")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
        // Counting bytes first is a cheap upper bound: most strings never need the char count.
        if value.len() > MAX_TEXT_CHARS && value.chars().count() > MAX_TEXT_CHARS {
            return Err(E::custom(format!(
                "this text has {} characters; the limit is {MAX_TEXT_CHARS}",
                value.chars().count()
            )));
        }
        Ok(Text(value.to_owned()))
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(TextVisitor)
    }
}

/// A visitor that reads a list but stops with an error at `max` entries, before reading more.
struct BoundedSeq<T> {
    max: usize,
    what: &'static str,
    marker: PhantomData<T>,
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for BoundedSeq<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a list of at most {} {}", self.max, self.what)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // The size hint comes from the file, so it is never trusted for allocation beyond a little.
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(item) = seq.next_element()? {
            if items.len() == self.max {
                return Err(de::Error::custom(format!(
                    "too many {}: the limit is {}",
                    self.what, self.max
                )));
            }
            items.push(item);
        }
        Ok(items)
    }
}

/// Reads a list of at most `max` items; `what` names them in the error ("nations").
pub fn bounded_seq<'de, D, T>(
    deserializer: D,
    max: usize,
    what: &'static str,
) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_seq(BoundedSeq {
        max,
        what,
        marker: PhantomData,
    })
}

/// Reads a short list (members, parties, interveners, sources) of at most [`MAX_LIST`] items.
pub fn short_list<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    bounded_seq(deserializer, MAX_LIST, "entries in this list")
}

/// A visitor that reads a map but stops with an error at `max` entries.
struct BoundedMap<K, V> {
    max: usize,
    what: &'static str,
    marker: PhantomData<(K, V)>,
}

impl<'de, K, V> Visitor<'de> for BoundedMap<K, V>
where
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
{
    type Value = std::collections::BTreeMap<K, V>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a map of at most {} {}", self.max, self.what)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = std::collections::BTreeMap::new();
        while let Some((key, value)) = map.next_entry()? {
            if entries.len() == self.max {
                return Err(de::Error::custom(format!(
                    "too many {}: the limit is {}",
                    self.what, self.max
                )));
            }
            entries.insert(key, value);
        }
        Ok(entries)
    }
}

/// Reads a map of at most `max` entries; `what` names them in the error.
pub fn bounded_map<'de, D, K, V>(
    deserializer: D,
    max: usize,
    what: &'static str,
) -> Result<std::collections::BTreeMap<K, V>, D::Error>
where
    D: Deserializer<'de>,
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
{
    deserializer.deserialize_map(BoundedMap {
        max,
        what,
        marker: PhantomData,
    })
}
