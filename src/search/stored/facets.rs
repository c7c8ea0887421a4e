//! The filters' facets of every document and the labels they number, kept beside the
//! words (working them out again from the dossier takes longer than the rest of a read).
//! Each list of numbers (topics, stances, …) is kept for all documents at once: offsets,
//! then the numbers. Read back, every number that names something is checked: a label, an
//! actor, a place, the entity's own index.

use super::bytes::{Reader, Writer};
use super::check;
use crate::model::{Dossier, EntityKind};
use crate::search::dates::Span;
use crate::search::document::Facets;

/// "None" for a status or a date.
const NONE: u32 = u32::MAX;

fn le(n: u32) -> [u8; 8] {
    u64::from(n).to_le_bytes()
}

/// The lists of a facet, in the order they are kept.
fn lists(f: &Facets) -> [&[u32]; 6] {
    [
        &f.topics,
        &f.stances,
        &f.bases,
        &f.source_counts,
        &f.actors,
        &f.places,
    ]
}

pub(super) fn write(w: &mut Writer, facets: &[Facets], labels: &[Box<str>]) {
    w.u64(labels.len() as u64);
    labels.iter().for_each(|label| w.bytes(label.as_bytes()));
    let each = |get: &dyn Fn(&Facets) -> u32| facets.iter().map(get).collect::<Vec<u32>>();
    w.array(&each(&|f| f.status.unwrap_or(NONE)), 4, le);
    w.array(&each(&|f| f.index), 4, le);
    w.array(&each(&|f| f.date.map_or(NONE, |d| d.start)), 4, le);
    w.array(&each(&|f| f.date.map_or(NONE, |d| d.end)), 4, le);
    for list in 0..6 {
        let mut offsets = vec![0u32];
        let mut numbers = Vec::new();
        for f in facets {
            numbers.extend_from_slice(lists(f)[list]);
            offsets.push(numbers.len() as u32);
        }
        w.array(&offsets, 4, le);
        w.array(&numbers, 4, le);
    }
}

/// The facets of `docs` documents of `dossier`, and the labels.
pub(super) fn read(
    r: &mut Reader,
    dossier: &Dossier,
    docs: usize,
) -> Result<(Vec<Facets>, Vec<Box<str>>), String> {
    let labels = read_labels(r)?;
    let mut numbers = || r.array(4, "facets", |n| n as u32);
    let (status, index, start, end) = (numbers()?, numbers()?, numbers()?, numbers()?);
    if [&status, &index, &start, &end]
        .iter()
        .any(|n| n.len() != docs)
    {
        return Err("its facets are not one a document".into());
    }
    let mut facets: Vec<Facets> = (0..docs)
        .map(|d| Facets {
            status: (status[d] != NONE).then_some(status[d]),
            index: index[d],
            date: (start[d] != NONE).then_some(Span {
                start: start[d],
                end: end[d],
            }),
            ..Facets::default()
        })
        .collect();
    for list in 0..6 {
        let offsets = r.array(4, "facet offsets", |n| n as u32)?;
        let numbers = r.array(4, "facet lists", |n| n as u32)?;
        check::offsets(&offsets, docs, numbers.len(), "facet offsets")?;
        for (d, f) in facets.iter_mut().enumerate() {
            let part: Box<[u32]> = numbers[offsets[d] as usize..offsets[d + 1] as usize].into();
            match list {
                0 => f.topics = part,
                1 => f.stances = part,
                2 => f.bases = part,
                3 => f.source_counts = part,
                4 => f.actors = part,
                _ => f.places = part,
            }
        }
    }
    names_what_is_there(&facets, labels.len(), dossier)?;
    Ok((facets, labels))
}

fn read_labels(r: &mut Reader) -> Result<Vec<Box<str>>, String> {
    let count = r.u64("labels")?;
    let mut labels = Vec::new();
    for _ in 0..count {
        let text = std::str::from_utf8(r.bytes("labels")?)
            .map_err(|_| "a label is not text".to_string())?;
        labels.push(text.into());
    }
    Ok(labels)
}

/// Every label, actor, place and entity index a facet names is there.
fn names_what_is_there(facets: &[Facets], labels: usize, dossier: &Dossier) -> Result<(), String> {
    let below = |numbers: &[u32], end: usize| numbers.iter().all(|&n| (n as usize) < end);
    let mut doc = 0;
    for kind in EntityKind::ALL {
        for i in 0..dossier.count(kind) {
            let f = &facets[doc];
            let fits = f.index as usize == i
                && f.status.is_none_or(|s| (s as usize) < labels)
                && below(&f.topics, labels)
                && below(&f.stances, labels)
                && below(&f.bases, labels)
                && below(&f.actors, dossier.actors.len())
                && below(&f.places, dossier.places.len());
            if !fits {
                return Err(format!(
                    "the facets of document {doc} name what is not there"
                ));
            }
            doc += 1;
        }
    }
    Ok(())
}
