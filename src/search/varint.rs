//! Unsigned LEB128: seven bits a byte, small numbers in one byte. The index stores words
//! and document numbers this way (most are small), at about a third of four bytes each.

/// Appends `value` to `out`.
pub(crate) fn push(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// How many bytes `value` takes.
pub(crate) fn len(value: u32) -> usize {
    match value {
        0..0x80 => 1,
        0x80..0x4000 => 2,
        0x4000..0x20_0000 => 3,
        0x20_0000..0x1000_0000 => 4,
        _ => 5,
    }
}

/// The numbers in a run of bytes, in order (stops at a truncated number).
#[derive(Debug, Clone)]
pub(crate) struct Numbers<'a> {
    bytes: &'a [u8],
}

impl<'a> Numbers<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Numbers { bytes }
    }
}

impl Iterator for Numbers<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for (i, &byte) in self.bytes.iter().enumerate().take(5) {
            value |= u32::from(byte & 0x7F) << (7 * i);
            if byte < 0x80 {
                self.bytes = &self.bytes[i + 1..];
                return Some(value);
            }
        }
        self.bytes = &[];
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_back_as_they_went_in() {
        let values = [0, 1, 127, 128, 16_383, 16_384, 2_097_152, u32::MAX];
        let mut bytes = Vec::new();
        for v in values {
            let before = bytes.len();
            push(&mut bytes, v);
            assert_eq!(bytes.len() - before, len(v), "{v}");
        }
        assert_eq!(Numbers::new(&bytes).collect::<Vec<_>>(), values);
        assert_eq!(
            Numbers::new(&[0x80]).next(),
            None,
            "a truncated number ends the run"
        );
    }
}
