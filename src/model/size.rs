//! Sizes in bytes as people write them: `2G`, `500M`, `64k`, `1048576` (binary units).

/// Reads `2G`, `2GiB`, `500M`, `64k` or a number of bytes.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let lower = text.trim().to_ascii_lowercase();
    let digits: String = lower.chars().take_while(char::is_ascii_digit).collect();
    let unit = lower[digits.len()..]
        .trim_end_matches("ib")
        .trim_end_matches('b');
    let shift = match unit {
        "" => 0,
        "k" => 10,
        "m" => 20,
        "g" => 30,
        "t" => 40,
        _ => {
            return Err(format!(
                "\"{text}\" is not a size: write e.g. 2G, 500M, 64k or a number of bytes"
            ));
        }
    };
    let number: u64 = digits.parse().map_err(|_| {
        format!("\"{text}\" is not a size: write e.g. 2G, 500M, 64k or a number of bytes")
    })?;
    number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("\"{text}\" is too large a size"))
}

pub use crate::fsio::human_bytes;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_and_print_in_binary_units() {
        assert_eq!(parse_size("2G"), Ok(2 << 30));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert_eq!(parse_size("500m"), Ok(500 << 20));
        assert_eq!(parse_size("64k"), Ok(64 << 10));
        assert_eq!(parse_size("1048576"), Ok(1 << 20));
        assert!(parse_size("2X").is_err());
        assert!(parse_size("").is_err());
        assert!(parse_size("99999999999T").is_err());
        assert_eq!(human_bytes(2 << 30), "2 GiB");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(12), "12 bytes");
    }
}
