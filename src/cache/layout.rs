//! A cache file's bytes: a header that says what it was made from and by which talks, then
//! the payload, with a checksum. Nothing in it is trusted until every check passed.

use xxhash_rust::xxh3::xxh3_128;

use super::ContentKey;

const MAGIC: &[u8; 8] = b"TALKSIX\0";

/// The layout's version: another number is another layout, never read.
pub const LAYOUT: u32 = 1;

/// The header's size before the program's version (magic, layout, version length).
const FIXED: usize = 8 + 4 + 1;
/// After the version: content hash and length, payload length and hash.
const KEYS: usize = 16 + 8 + 8 + 16;

/// The longest header: the version is at most 255 bytes.
pub const MAX_HEADER: u64 = (FIXED + 255 + KEYS) as u64;

/// The file's bytes for `payload`, made from the content `key` by talks `version`.
pub fn encode(key: &ContentKey, version: &str, payload: &[u8]) -> Vec<u8> {
    let version = &version.as_bytes()[..version.len().min(255)];
    let mut bytes = Vec::with_capacity(FIXED + version.len() + KEYS + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&LAYOUT.to_le_bytes());
    bytes.push(version.len() as u8);
    bytes.extend_from_slice(version);
    bytes.extend_from_slice(&key.hash.to_le_bytes());
    bytes.extend_from_slice(&key.len.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&xxh3_128(payload).to_le_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

/// The payload of `bytes`, if they are a whole cache file of this layout, made by talks
/// `version` from the content `key`; else why not, in a few words.
pub fn decode<'a>(bytes: &'a [u8], key: &ContentKey, version: &str) -> Result<&'a [u8], String> {
    let mut at = Reader { bytes, at: 0 };
    if at.take(8)? != MAGIC {
        return Err("not a cache file talks wrote".into());
    }
    let layout = u32::from_le_bytes(at.array()?);
    if layout != LAYOUT {
        return Err(format!(
            "written in another layout, {layout}; this talks reads {LAYOUT}"
        ));
    }
    let length = at.take(1)?[0] as usize;
    if at.take(length)? != version.as_bytes() {
        return Err("written by another version of talks".into());
    }
    let hash = u128::from_le_bytes(at.array()?);
    let len = u64::from_le_bytes(at.array()?);
    if (ContentKey { hash, len }) != *key {
        return Err("made from other content".into());
    }
    let payload_len = u64::from_le_bytes(at.array()?);
    let payload_hash = u128::from_le_bytes(at.array()?);
    let rest = &bytes[at.at..];
    if rest.len() as u64 != payload_len {
        return Err(format!(
            "cut short or padded: {} bytes of payload where the header says {payload_len}",
            rest.len()
        ));
    }
    if xxh3_128(rest) != payload_hash {
        return Err("its checksum does not match (the file was damaged)".into());
    }
    Ok(rest)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| "cut short in its header".to_string())?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut array = [0; N];
        array.copy_from_slice(self.take(N)?);
        Ok(array)
    }
}
