//! Work over a range of documents on every core, with cancellation between blocks.

use std::ops::Range;

/// How many items a worker scores between two checks for cancellation.
const BLOCK: usize = 2048;

/// Runs `work` over `0..len` on every core, one contiguous slice per core, in blocks
/// between which `cancelled` is asked. The outputs come back in order.
pub(super) fn in_parallel<T: Send>(
    len: usize,
    cancelled: &(dyn Fn() -> bool + Sync),
    work: impl Fn(Range<usize>) -> Vec<T> + Sync,
) -> Option<Vec<T>> {
    if len <= BLOCK {
        return (!cancelled()).then(|| work(0..len));
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    let slice = len.div_ceil(threads).max(BLOCK);
    let work = &work;
    let outputs: Vec<Option<Vec<T>>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..len)
            .step_by(slice)
            .map(|start| {
                let end = (start + slice).min(len);
                scope.spawn(move || {
                    let mut out = Vec::new();
                    for block in (start..end).step_by(BLOCK) {
                        if cancelled() {
                            return None;
                        }
                        out.extend(work(block..(block + BLOCK).min(end)));
                    }
                    Some(out)
                })
            })
            .collect();
        // A worker that panicked has found a bug; the search then gives no results.
        workers
            .into_iter()
            .map(|w| w.join().ok().flatten())
            .collect()
    });
    let mut all = Vec::new();
    for output in outputs {
        all.extend(output?);
    }
    Some(all)
}
