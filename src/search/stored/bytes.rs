//! Little-endian numbers and length-prefixed arrays, written and read back. A length read
//! is never trusted: it is checked against the bytes left before anything is allocated.

/// Appends numbers and arrays.
#[derive(Default)]
pub(super) struct Writer {
    pub(super) bytes: Vec<u8>,
}

impl Writer {
    pub(super) fn u64(&mut self, n: u64) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    /// A length, then the bytes.
    pub(super) fn bytes(&mut self, bytes: &[u8]) {
        self.u64(bytes.len() as u64);
        self.bytes.extend_from_slice(bytes);
    }

    /// A length, then each number in `width` bytes.
    pub(super) fn array<T: Copy>(&mut self, items: &[T], width: usize, le: impl Fn(T) -> [u8; 8]) {
        self.u64(items.len() as u64);
        self.bytes.reserve(items.len() * width);
        for &item in items {
            self.bytes.extend_from_slice(&le(item)[..width]);
        }
    }
}

/// Reads what a [`Writer`] wrote; each failure says what was cut short.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }

    pub(super) fn is_done(&self) -> bool {
        self.bytes.is_empty()
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], String> {
        if n > self.bytes.len() {
            return Err(format!("its {what} are cut short"));
        }
        let (taken, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(taken)
    }

    pub(super) fn u64(&mut self, what: &str) -> Result<u64, String> {
        let mut le = [0; 8];
        le.copy_from_slice(self.take(8, what)?);
        Ok(u64::from_le_bytes(le))
    }

    /// A length, checked against the bytes left at `width` bytes an item.
    fn length(&mut self, width: usize, what: &str) -> Result<usize, String> {
        let stated = self.u64(what)?;
        let most = (self.bytes.len() / width.max(1)) as u64;
        if stated > most {
            return Err(format!("the length of its {what} is larger than the file"));
        }
        Ok(stated as usize)
    }

    pub(super) fn bytes(&mut self, what: &str) -> Result<&'a [u8], String> {
        let n = self.length(1, what)?;
        self.take(n, what)
    }

    /// An array of numbers of `width` bytes (at most 8).
    pub(super) fn array<T>(
        &mut self,
        width: usize,
        what: &str,
        from: impl Fn(u64) -> T,
    ) -> Result<Vec<T>, String> {
        let n = self.length(width, what)?;
        let raw = self.take(n * width, what)?;
        Ok(raw
            .chunks_exact(width)
            .map(|chunk| {
                let mut le = [0; 8];
                le[..width].copy_from_slice(chunk);
                from(u64::from_le_bytes(le))
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_read_back_and_a_length_past_the_end_is_refused() {
        let mut w = Writer::default();
        w.array(&[1u32, 70_000, u32::MAX], 4, |n| u64::from(n).to_le_bytes());
        w.bytes(b"abc");
        let mut r = Reader::new(&w.bytes);
        assert_eq!(r.array(4, "x", |n| n as u32), Ok(vec![1, 70_000, u32::MAX]));
        assert_eq!(r.bytes("y"), Ok(&b"abc"[..]));
        assert!(r.is_done());
        let mut huge = Writer::default();
        huge.u64(u64::MAX);
        let mut r = Reader::new(&huge.bytes);
        assert_eq!(
            r.array(4, "starts", |n| n),
            Err("the length of its starts is larger than the file".to_string())
        );
        assert_eq!(
            Reader::new(&[1, 2]).u64("counts"),
            Err("its counts are cut short".to_string())
        );
    }
}
