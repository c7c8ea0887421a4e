//! The fast path for reading a dossier: a serde deserializer fed straight from
//! saphyr-parser's event stream.
//!
//! serde_yaml first buffers every event of the document (about 11× the file in memory at
//! 100k entities, and most of its time). This reader keeps nothing but the value being
//! built. It takes only plain documents: one document, no anchors, aliases or tags, no
//! character YAML forbids raw, integers written as plain decimals. Anything else, and any
//! error at all, gives `None`; the loader then reads the file with serde_yaml, which decides
//! and words the message. So this path never rejects a file, and it only accepts what
//! serde_yaml reads the same way (checked by tests on every fixture and on generated files).

use std::borrow::Cow;
use std::fmt;

use saphyr_parser::{Event, Parser, ScalarStyle, StrInput};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess};

/// Reads `text` as a `T`, or `None` when the fast path does not take the file.
pub(super) fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    if has_forbidden_characters(text) {
        return None;
    }
    read_checked(text)
}

/// [`from_str`] for text whose characters were checked already: the parallel reader checks
/// the whole file once, then reads its pieces (whole lines of it) with this.
pub(super) fn read_checked<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut stream = Stream {
        parser: Parser::new_from_str(text),
        peeked: None,
    };
    let value = (|| {
        stream.require(|e| matches!(e, Event::StreamStart))?;
        stream.require(|e| matches!(e, Event::DocumentStart(_)))?;
        let value = T::deserialize(&mut stream)?;
        stream.require(|e| matches!(e, Event::DocumentEnd))?;
        stream.require(|e| matches!(e, Event::StreamEnd))?;
        Ok::<T, NotTaken>(value)
    })();
    value.ok()
}

/// What the two parsers might read differently, or YAML forbids raw: C0 controls but tab
/// and line breaks, DEL, C1 controls (U+0085 is a line break to libyaml), U+2028 and U+2029
/// (line breaks in YAML 1.1, which serde_yaml reads), a byte-order mark or a noncharacter
/// inside the text, a carriage return not followed by a line feed (a line break of its own),
/// a tab in a line's indentation or after a `-`, a `%` directive, and a
/// `:` right before a flow indicator (`{a:, b}`: saphyr reads a key and an empty value,
/// libyaml one plain scalar `a:`). Such a file goes to serde_yaml, which reads it or says what is wrong.
pub(super) fn has_forbidden_characters(text: &str) -> bool {
    let bytes = text.as_bytes();
    let odd_byte = bytes.iter().enumerate().any(|(at, &b)| match b {
        b'\t' | b'\n' => false,
        b'\r' => bytes.get(at + 1) != Some(&b'\n'),
        0..=0x1F | 0x7F => true,
        0xC2 => bytes.get(at + 1).is_some_and(|n| (0x80..=0x9F).contains(n)),
        0xE2 => bytes.get(at + 1) == Some(&0x80) && matches!(bytes.get(at + 2), Some(0xA8 | 0xA9)),
        0xEF => bytes.get(at + 1).is_some_and(|n| matches!(n, 0xBB | 0xBF)),
        b':' => matches!(bytes.get(at + 1), Some(b',' | b'[' | b']' | b'{' | b'}')),
        _ => false,
    });
    // Each line is looked at only when the text has a tab or a line starting with `%`.
    let maybe_odd_line =
        text.as_bytes().contains(&b'\t') || text.starts_with('%') || text.contains("\n%");
    odd_byte
        || maybe_odd_line
            && text.lines().any(|line| {
                let indent = line.trim_start_matches([' ', '-']);
                line.starts_with('%') || indent.starts_with('\t')
            })
}

/// Why the fast path gave up; never shown (serde_yaml reads the file again and reports).
#[derive(Debug)]
struct NotTaken(String);

impl fmt::Display for NotTaken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for NotTaken {}

impl de::Error for NotTaken {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        NotTaken(msg.to_string())
    }
}

fn not_taken(why: &str) -> NotTaken {
    NotTaken(why.to_string())
}

/// The indicators that cannot start a plain scalar, and `?` and `:`, which can only
/// outside flow collections for libyaml (saphyr reads `[US, :USA]`; libyaml refuses it).
/// `-` before a non-space can start one anywhere, and both readers agree on it.
const CANNOT_START_A_PLAIN_SCALAR: [char; 18] = [
    '>', '|', '@', '`', '%', '!', '&', '*', '#', '\'', '"', '[', ']', '{', '}', ',', '?', ':',
];

struct Stream<'a> {
    parser: Parser<'a, StrInput<'a>>,
    peeked: Option<Event<'a>>,
}

impl<'a> Stream<'a> {
    fn next(&mut self) -> Result<Event<'a>, NotTaken> {
        if let Some(event) = self.peeked.take() {
            return Ok(event);
        }
        let event = match self.parser.next_event() {
            Some(Ok((event, _))) => event,
            Some(Err(err)) => return Err(NotTaken(err.to_string())),
            None => return Err(not_taken("the document ended early")),
        };
        match &event {
            Event::Alias(_) => Err(not_taken("alias")),
            Event::Scalar(_, _, anchor, tag)
            | Event::SequenceStart(anchor, tag)
            | Event::MappingStart(anchor, tag)
                if *anchor != 0 || tag.is_some() =>
            {
                Err(not_taken("anchor or tag"))
            }
            // YAML lets no plain scalar start with an indicator; libyaml refuses one, and
            // saphyr reads `{a: >` … as text (found by the differential fuzz target).
            Event::Scalar(value, ScalarStyle::Plain, _, _)
                if value.starts_with(CANNOT_START_A_PLAIN_SCALAR) =>
            {
                Err(not_taken("a plain scalar starting with an indicator"))
            }
            _ => Ok(event),
        }
    }

    fn peek(&mut self) -> Result<&Event<'a>, NotTaken> {
        if self.peeked.is_none() {
            self.peeked = Some(self.next()?);
        }
        self.peeked.as_ref().ok_or_else(|| not_taken("no event"))
    }

    fn require(&mut self, wanted: impl Fn(&Event<'a>) -> bool) -> Result<(), NotTaken> {
        let event = self.next()?;
        if wanted(&event) {
            Ok(())
        } else {
            Err(not_taken("unexpected event"))
        }
    }

    fn scalar(&mut self) -> Result<(Cow<'a, str>, ScalarStyle), NotTaken> {
        match self.next()? {
            Event::Scalar(value, style, _, _) => Ok((value, style)),
            _ => Err(not_taken("not a scalar")),
        }
    }
}

/// serde_yaml's null: an empty plain scalar, `~`, `null`, `Null` or `NULL`.
fn is_null(value: &str, style: ScalarStyle) -> bool {
    style == ScalarStyle::Plain && matches!(value, "" | "~" | "null" | "Null" | "NULL")
}

/// A scalar every reader reads as this text: quoted, or plain lowercase letters, digits and
/// hyphens starting with a letter, other than `true`, `false` and `null`.
fn is_plain_word(value: &str, style: ScalarStyle) -> bool {
    match style {
        ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => true,
        ScalarStyle::Plain => {
            value.starts_with(|c: char| c.is_ascii_lowercase())
                && value
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !matches!(value, "true" | "false" | "null")
        }
        _ => false,
    }
}

impl<'de> de::Deserializer<'de> for &mut Stream<'de> {
    type Error = NotTaken;

    /// Only what is a string or a list of strings whichever reader reads it (a quote's
    /// `by`): the rest, whose type serde_yaml resolves (`12`, `true`), is handed over.
    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTaken> {
        match self.peek()? {
            Event::SequenceStart(..) => self.deserialize_seq(visitor),
            Event::Scalar(value, style, _, _) if is_plain_word(value, *style) => {
                self.deserialize_string(visitor)
            }
            _ => Err(not_taken("a value of no fixed type")),
        }
    }

    fn deserialize_string<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTaken> {
        match self.scalar()?.0 {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            // The parser's strings carry spare capacity (up to 2× their length); an exact
            // copy keeps the dossier's memory near the size of its text.
            Cow::Owned(text) => visitor.visit_str(&text),
        }
    }

    fn deserialize_str<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTaken> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTaken> {
        self.deserialize_string(visitor)
    }

    fn deserialize_u32<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTaken> {
        let (text, style) = self.scalar()?;
        let decimal = style == ScalarStyle::Plain
            && !text.is_empty()
            && text.bytes().all(|b| b.is_ascii_digit())
            && (text.len() == 1 || !text.starts_with('0'));
        match text.parse::<u32>() {
            Ok(number) if decimal => visitor.visit_u32(number),
            _ => Err(not_taken("not a plain decimal")),
        }
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTaken> {
        match self.peek()? {
            Event::Scalar(value, style, _, _) if is_null(value, *style) => {
                self.next()?;
                visitor.visit_none()
            }
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_seq<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTaken> {
        self.require(|e| matches!(e, Event::SequenceStart(..)))?;
        let value = visitor.visit_seq(Items(&mut *self))?;
        self.require(|e| matches!(e, Event::SequenceEnd))?;
        Ok(value)
    }

    fn deserialize_map<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, NotTaken> {
        self.require(|e| matches!(e, Event::MappingStart(..)))?;
        let value = visitor.visit_map(Entries(&mut *self))?;
        self.require(|e| matches!(e, Event::MappingEnd))?;
        Ok(value)
    }

    fn deserialize_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, NotTaken> {
        self.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u64 u128 f32 f64 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct enum ignored_any
    }
}

/// The items of a sequence, up to (not including) its end.
struct Items<'s, 'a>(&'s mut Stream<'a>);

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = NotTaken;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, NotTaken> {
        if matches!(self.0.peek()?, Event::SequenceEnd) {
            return Ok(None);
        }
        seed.deserialize(&mut *self.0).map(Some)
    }
}

/// The entries of a mapping, up to (not including) its end. Keys are scalars.
struct Entries<'s, 'a>(&'s mut Stream<'a>);

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = NotTaken;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, NotTaken> {
        match self.0.peek()? {
            Event::MappingEnd => Ok(None),
            Event::Scalar(..) => {
                let (key, _) = self.0.scalar()?;
                seed.deserialize(key.into_owned().into_deserializer())
                    .map(Some)
            }
            _ => Err(not_taken("a key that is not a scalar")),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, NotTaken> {
        seed.deserialize(&mut *self.0)
    }
}

#[cfg(test)]
#[path = "stream_tests.rs"]
mod tests;
