//! Spans sorted by start, each with a value: the spans that overlap or contain a query are found
//! without a scan of them all, so that matching every quote against every mention stays linear.
use crate::Span;

pub(super) struct SpanIndex<T> {
    entries: Vec<(Span, T)>,
    /// For each entry, the furthest end of it and the entries before it.
    reach: Vec<usize>,
}

impl<T: Copy> SpanIndex<T> {
    pub fn new(entries: impl IntoIterator<Item = (Span, T)>) -> Self {
        let mut entries: Vec<(Span, T)> = entries.into_iter().collect();
        entries.sort_unstable_by_key(|(span, _)| span.start);
        let reach = entries
            .iter()
            .scan(0, |furthest, (span, _)| {
                *furthest = span.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        SpanIndex { entries, reach }
    }

    /// The values of the entries that overlap `query`.
    pub fn overlapping(&self, query: Span) -> impl Iterator<Item = T> + '_ {
        self.nearby(query).filter(move |(span, _)| span.overlaps(query)).map(|&(_, value)| value)
    }

    /// The entries that may overlap `query`: those that start before its end, back to the last
    /// one that reaches past its start. Spans that overlap little make this a handful.
    fn nearby(&self, query: Span) -> impl Iterator<Item = &(Span, T)> + '_ {
        let starting_before_its_end = self.entries.partition_point(|(span, _)| span.start < query.end);
        (0..starting_before_its_end).rev().take_while(move |&k| self.reach[k] > query.start).map(|k| &self.entries[k])
    }

    /// Whether an entry contains `query`.
    pub fn contains(&self, query: Span) -> bool {
        let starting_by_its_start = self.entries.partition_point(|(span, _)| span.start <= query.start);
        starting_by_its_start.checked_sub(1).is_some_and(|last| self.reach[last] >= query.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Spans of every length (empty ones too) at every start in a small range.
    fn all_spans() -> Vec<Span> {
        (0..12).flat_map(|start| (start..14).map(move |end| Span::new(start, end))).collect()
    }

    #[test]
    fn finds_what_a_scan_finds() {
        let spans = all_spans();
        for skip in [1, 3, 7] {
            let entries: Vec<Span> = spans.iter().copied().step_by(skip).collect();
            let index = SpanIndex::new(entries.iter().copied().zip(0..));
            for query in all_spans() {
                let mut found: Vec<usize> = index.overlapping(query).collect();
                found.sort_unstable();
                let scanned: Vec<usize> = (0..entries.len()).filter(|&k| entries[k].overlaps(query)).collect();
                assert_eq!(found, scanned, "overlapping {query:?}");
                assert_eq!(index.contains(query), entries.iter().any(|e| e.contains(query)), "contains {query:?}");
            }
        }
    }

    #[test]
    fn looks_only_near_the_query() {
        // A speaker mentioned 10,000 times, as in an article of 10,000 quotes: matching each
        // quote must not walk the mentions before it.
        let mentions: Vec<Span> = (0..10_000).map(|k| Span::new(k * 40, k * 40 + 8)).collect();
        let index = SpanIndex::new(mentions.iter().map(|&m| (m, ())));
        for &mention in &mentions {
            assert!(index.nearby(Span::new(mention.start + 2, mention.end + 20)).count() <= 1);
        }
    }
}
