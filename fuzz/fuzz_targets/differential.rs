//! The fast readers against serde_yaml on the same bytes: each fast reader gives up or reads
//! exactly the dossier serde_yaml reads (issue #13, "one file, one reading").
#![no_main]

use libfuzzer_sys::fuzz_target;
use talks::model::differential::Readings;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Some(disagreement) = Readings::of(text).disagreement() {
        panic!("{disagreement}");
    }
});
