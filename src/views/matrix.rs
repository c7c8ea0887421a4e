//! The stance matrix: actors holding a position (rows) × sticking points (columns).

use crate::model::over_time::{as_of_key, date_key};
use crate::model::{Dossier, EntityKind, Index, Position, Stance};
use crate::search::Results;

/// One cell: the position an actor holds on a sticking point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    pub(crate) sticking_point: usize,
    /// Index into the sticking point's positions.
    pub(crate) position: usize,
    /// On a matrix as of a date: when the party's stance moved on that date, the position
    /// it held before (`Some(None)`: it held none).
    pub(crate) changed_from: Option<Option<usize>>,
}

impl Cell {
    /// The position this cell stands for.
    pub fn position<'d>(&self, dossier: &'d Dossier) -> &'d Position {
        &dossier.sticking_points[self.sticking_point].positions[self.position]
    }
}

/// Rows and columns as the search filters them, and the cells between them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StanceMatrix {
    /// Actor indices, in dossier order.
    pub rows: Vec<usize>,
    /// Sticking point indices, in dossier order.
    pub columns: Vec<usize>,
    /// For each row, its cells as (column, cell), by column: the grid is sparse.
    pub(crate) cells: Vec<Vec<(usize, Cell)>>,
    /// The date it shows the positions as of; `None`: the latest.
    pub(crate) as_of: Option<String>,
    /// The cells (row, column) whose position a `sources:` filter left out, in a row and a
    /// column still shown: drawn apart from a cell where the party holds none. Sorted.
    pub(crate) left_out: Vec<(usize, usize)>,
}

/// The position a party held on a point at some date, and where it moved from then.
type Held<'a> = dyn Fn(usize, usize) -> Option<(usize, Option<Option<usize>>)> + 'a;

/// Every date at which some position was taken (`as_of`), oldest first, each once.
pub fn change_dates(dossier: &Dossier) -> Vec<String> {
    let mut dates: Vec<(&str, (u32, u8))> = dossier
        .sticking_points
        .iter()
        .flat_map(|p| &p.positions)
        .filter_map(|p| p.as_of.as_deref())
        .filter_map(|d| date_key(d).map(|k| (d, k)))
        .collect();
    dates.sort_by_key(|&(_, key)| key);
    dates.dedup_by_key(|&mut (_, key)| key);
    dates.into_iter().map(|(d, _)| d.to_string()).collect()
}

impl StanceMatrix {
    /// Whether the cell at `row`, `column` holds a position a `sources:` filter left out
    /// (asked for every empty cell drawn: `left_out` is in row, then column order).
    pub fn left_out(&self, row: usize, column: usize) -> bool {
        self.left_out.binary_search(&(row, column)).is_ok()
    }

    /// The matrix of the actors and sticking points that `results` lets through; actors
    /// without a position on any shown sticking point are left out. Built from the
    /// positions themselves, so its cost follows the number of positions, not rows × columns.
    pub fn build(index: &Index, results: &Results) -> Self {
        Self::build_with(index, Self::shown(results), None).claims_of(index, results)
    }

    /// The matrix of another reading of the dossier (an older version's), its sticking
    /// points and parties those `keep(kind, id)` lets through, each party's latest position.
    pub fn of_reading(
        dossier: &Dossier,
        index: &Index,
        keep: &dyn Fn(EntityKind, &str) -> bool,
    ) -> Self {
        let kept = |kind: EntityKind| -> Vec<usize> {
            (0..dossier.count(kind))
                .filter(|&i| keep(kind, dossier.id_of(crate::model::EntityRef::new(kind, i))))
                .collect()
        };
        let shown = (kept(EntityKind::StickingPoint), kept(EntityKind::Actor));
        Self::build_with(index, shown, None)
    }

    /// The sticking points and the parties `results` lets through.
    fn shown(results: &Results) -> (Vec<usize>, Vec<usize>) {
        (
            results.matching(EntityKind::StickingPoint),
            results.matching(EntityKind::Actor),
        )
    }

    /// The matrix as of `date`, each cell the position its party held then; a cell whose
    /// stance moved on `date` (since the date before it, `previous`) says what it was.
    pub fn as_of(
        dossier: &Dossier,
        index: &Index,
        results: &Results,
        (date, previous): (&str, Option<&str>),
    ) -> Self {
        let Some(step) = date_key(date) else {
            return Self::build(index, results);
        };
        // Before the first date: what was held undated.
        let before = previous.and_then(date_key).unwrap_or((0, 0));
        let held = |point: usize, actor: usize| {
            let held = index.over_time[point].iter().find(|h| h.actor == actor)?;
            let sticking_point = &dossier.sticking_points[point];
            let now = held.at(sticking_point, step)?;
            let then = held.at(sticking_point, before);
            let positions = &sticking_point.positions;
            // Taken on this date, with a stance other than the one held before.
            let moved = as_of_key(positions[now].as_of.as_deref()) == Some(step)
                && then.is_none_or(|t| positions[t].stance != positions[now].stance);
            Some((now, moved.then_some(then)))
        };
        let matrix = Self::build_with(index, Self::shown(results), Some(&held));
        let mut matrix = matrix.claims_of(index, results);
        matrix.as_of = Some(date.to_string());
        matrix
    }

    /// The cells whose position meets the query's `sources:` filters, and the rows and
    /// columns left with a cell: there the filter is about claims, not about entities.
    fn claims_of(mut self, index: &Index, results: &Results) -> Self {
        if !results.filters_claims() {
            return self;
        }
        let admits = |cell: &Cell| {
            results.admits_claim(index.position_source_count(cell.sticking_point, cell.position))
        };
        let mut used = vec![false; self.columns.len()];
        let mut dropped: Vec<Vec<usize>> = Vec::with_capacity(self.cells.len());
        for row in &mut self.cells {
            dropped.push(
                row.iter()
                    .filter(|(_, c)| !admits(c))
                    .map(|&(c, _)| c)
                    .collect(),
            );
            row.retain(|(_, cell)| admits(cell));
            row.iter().for_each(|&(c, _)| used[c] = true);
        }
        let kept =
            (self.rows.iter().zip(&self.cells).zip(&dropped)).filter(|((_, r), _)| !r.is_empty());
        let (kept, dropped): (Vec<_>, Vec<_>) =
            kept.map(|((&a, r), d)| ((a, r.clone()), d)).unzip();
        let (rows, cells): (Vec<usize>, Vec<_>) = kept.into_iter().unzip();
        // A kept column's new place: how many kept columns come before it.
        let mut renumber = vec![0; used.len()];
        let kept_columns = used.iter().enumerate().filter(|(_, u)| **u);
        for (new, (old, _)) in kept_columns.enumerate() {
            renumber[old] = new;
        }
        self.columns = (self.columns.iter().zip(&used))
            .filter_map(|(&p, &u)| u.then_some(p))
            .collect();
        self.cells = cells
            .into_iter()
            .map(|r| r.into_iter().map(|(c, cell)| (renumber[c], cell)).collect())
            .collect();
        self.left_out = (dropped.iter().enumerate())
            .flat_map(|(row, columns)| columns.iter().map(move |&c| (row, c)))
            .filter(|&(_, c)| used[c])
            .map(|(row, c)| (row, renumber[c]))
            .collect();
        debug_assert!(self.left_out.is_sorted(), "rows in order, each by column");
        self.rows = rows;
        self
    }

    /// The matrix of `columns` (sticking points) and the parties among `candidates` that
    /// hold a position on one. `held(point, actor)` is the position shown and where it moved
    /// from (`None`: the party held none then); without it, each party's current position.
    fn build_with(
        index: &Index,
        (columns, candidates): (Vec<usize>, Vec<usize>),
        held: Option<&Held>,
    ) -> Self {
        let column_of: std::collections::HashMap<usize, usize> =
            columns.iter().enumerate().map(|(c, &p)| (p, c)).collect();
        let mut matrix = StanceMatrix {
            columns,
            ..StanceMatrix::default()
        };
        for actor in candidates {
            let mut row: Vec<(usize, Cell)> = Vec::new();
            for &(sticking_point, current) in &index.actor_positions[actor] {
                let Some(&column) = column_of.get(&sticking_point) else {
                    continue;
                };
                let (position, changed_from) = match held {
                    Some(held) => match held(sticking_point, actor) {
                        Some(shown) => shown,
                        None => continue,
                    },
                    None => (current, None),
                };
                row.push((
                    column,
                    Cell {
                        sticking_point,
                        position,
                        changed_from,
                    },
                ));
            }
            if !row.is_empty() {
                row.sort_unstable_by_key(|(c, _)| *c);
                matrix.rows.push(actor);
                matrix.cells.push(row);
            }
        }
        matrix
    }

    pub fn cell(&self, row: usize, column: usize) -> Option<Cell> {
        let cells = self.cells.get(row)?;
        let at = cells.binary_search_by_key(&column, |(c, _)| *c).ok()?;
        Some(cells[at].1)
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty() || self.columns.is_empty()
    }

    /// Every cell with its row's actor, row by row and column by column.
    pub fn positions(&self) -> impl Iterator<Item = (usize, Cell)> + '_ {
        let rows = self.rows.iter().zip(&self.cells);
        rows.flat_map(|(&actor, cells)| cells.iter().map(move |&(_, cell)| (actor, cell)))
    }
}

/// A stance as a symbol that reads without colour, and a short word.
pub fn stance_symbol(stance: &Stance) -> (&'static str, &'static str) {
    match stance {
        Stance::Demands => ("▲", "demands"),
        Stance::Supports => ("✓", "supports"),
        Stance::Opposes => ("✗", "opposes"),
        Stance::Conditional => ("◐", "conditional"),
        Stance::Unclear | Stance::Unknown(_) => ("?", "unclear"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::builtin;
    use crate::search::{Query, SearchEngine};

    #[test]
    fn built_in_cells_match_the_positions() {
        let l = builtin().unwrap_or_else(|e| panic!("{e}"));
        let results = SearchEngine::new(&l.dossier, &l.index).search(&Query::default());
        let m = StanceMatrix::build(&l.index, &results);
        let ids = |list: &[usize], actors: bool| -> Vec<String> {
            list.iter()
                .map(|&i| {
                    if actors {
                        l.dossier.actors[i].id.clone()
                    } else {
                        l.dossier.sticking_points[i].id.clone()
                    }
                })
                .collect()
        };
        assert_eq!(
            ids(&m.rows, true),
            vec![
                "united-states",
                "ukraine",
                "russia",
                "trump",
                "putin",
                "european-allies"
            ]
        );
        assert_eq!(m.columns.len(), 7);
        let mut cells = 0;
        for (r, &actor) in m.rows.iter().enumerate() {
            for (c, &point) in m.columns.iter().enumerate() {
                let expected = l.dossier.sticking_points[point]
                    .positions
                    .iter()
                    .position(|p| p.actor == l.dossier.actors[actor].id);
                assert_eq!(m.cell(r, c).map(|cell| cell.position), expected);
                cells += usize::from(expected.is_some());
            }
        }
        let positions: usize = l
            .dossier
            .sticking_points
            .iter()
            .map(|p| p.positions.len())
            .sum();
        assert_eq!(cells, positions, "every position is a cell");
    }

    #[test]
    fn positions_walk_the_grid_row_by_row() {
        let l = builtin().unwrap_or_else(|e| panic!("{e}"));
        let results = SearchEngine::new(&l.dossier, &l.index).search(&Query::default());
        let m = StanceMatrix::build(&l.index, &results);
        let mut walked = Vec::new();
        for (r, &actor) in m.rows.iter().enumerate() {
            for c in 0..m.columns.len() {
                walked.extend(m.cell(r, c).map(|cell| (actor, cell)));
            }
        }
        assert_eq!(m.positions().collect::<Vec<_>>(), walked);
    }

    #[test]
    fn the_query_filters_rows_and_columns() {
        let l = builtin().unwrap_or_else(|e| panic!("{e}"));
        let results = SearchEngine::new(&l.dossier, &l.index)
            .search(&Query::parse("topic:territory").unwrap_or_default());
        let m = StanceMatrix::build(&l.index, &results);
        assert_eq!(m.columns.len(), 2);
        let rows: Vec<&str> = m
            .rows
            .iter()
            .map(|&a| l.dossier.actors[a].id.as_str())
            .collect();
        assert_eq!(rows, vec!["ukraine", "russia", "putin"]);
    }
}
