//! The claims table: every numeric claim of the corpus as a row, filtered by article and text and
//! sorted as the URL says.

use crate::model::search::contains_folded;
use crate::query::{Query, Sort, SortKey};
use std::cmp::Ordering;
use crate::model::reader::position_query;
use triangulate_core::{Document, Span};

/// Columns the claims table can be sorted by, in header order.
pub const SORTABLE: [SortKey; 4] = [SortKey::Value, SortKey::Thing, SortKey::Date, SortKey::Article];

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimRow {
    pub article_id: String,
    pub article_title: String,
    /// Position of the article in the corpus: the default order and the tie-breaker.
    pub article_index: usize,
    pub value: f64,
    /// `26`, `(30, ∞)`, `[27, 33]`, with the unit appended when there is one.
    pub interval: String,
    /// The number phrase as written: "more than 30".
    pub phrase: String,
    pub thing: String,
    pub subject: String,
    pub predicate: String,
    pub date: String,
    pub sentence: String,
    /// The number phrase within `sentence` (bytes), to mark.
    pub number: Span,
    /// The reader at the number.
    pub reader: Query,
}

impl ClaimRow {
    /// The text the `q` filter searches.
    fn searchable(&self) -> String {
        [&self.interval, &self.thing, &self.subject, &self.predicate, &self.date, &self.article_title, &self.sentence]
            .map(String::as_str)
            .join("\n")
    }

    /// Cells in [`HEADERS`] order, for export.
    pub fn cells(&self) -> Vec<String> {
        [&self.interval, &self.phrase, &self.thing, &self.subject, &self.predicate, &self.date, &self.article_id, &self.sentence]
            .map(String::clone)
            .to_vec()
    }
}

/// Export column names, matching [`ClaimRow::cells`].
pub const HEADERS: [&str; 8] = ["value", "phrase", "thing", "subject", "predicate", "date", "article", "sentence"];

/// Every claim of the corpus, in article then text order.
pub fn all_rows(documents: &[Document]) -> Vec<ClaimRow> {
    let mut rows = Vec::new();
    for (article_index, doc) in documents.iter().enumerate() {
        let text = &doc.article.text;
        for claim in &doc.extraction.claims {
            let number = Span::new(
                claim.span.start.saturating_sub(claim.sentence.start),
                claim.span.end.saturating_sub(claim.sentence.start),
            );
            let interval = match &claim.unit {
                Some(unit) => format!("{} {unit}", claim.interval_text()),
                None => claim.interval_text(),
            };
            rows.push(ClaimRow {
                article_id: doc.article.id.clone(),
                article_title: doc.article.title.clone(),
                article_index,
                value: claim.value,
                interval,
                phrase: text.get(claim.span.start..claim.span.end).unwrap_or_default().to_string(),
                thing: claim.thing.clone().unwrap_or_default(),
                subject: claim.subject.clone().unwrap_or_default(),
                predicate: claim.predicate.clone().unwrap_or_default(),
                date: claim.date.clone().unwrap_or_default(),
                sentence: text.get(claim.sentence.start..claim.sentence.end).unwrap_or_default().to_string(),
                number,
                reader: position_query(doc, claim.span),
            });
        }
    }
    rows
}

/// The rows the view shows for `query`: its `article` and `q` filters and its `sort`.
pub fn rows(documents: &[Document], query: &Query) -> Vec<ClaimRow> {
    let text = query.text.as_deref().unwrap_or_default();
    let mut rows: Vec<ClaimRow> = all_rows(documents)
        .into_iter()
        .filter(|row| query.article.as_ref().is_none_or(|id| *id == row.article_id))
        .filter(|row| contains_folded(&row.searchable(), text))
        .collect();
    if let Some(sort) = query.sort.filter(|s| SORTABLE.contains(&s.key)) {
        // Stable: rows equal under the key keep article-then-text order.
        rows.sort_by(|a, b| compare(a, b, sort));
    }
    rows
}

fn compare(a: &ClaimRow, b: &ClaimRow, sort: Sort) -> Ordering {
    let directed = |o: Ordering| if sort.descending { o.reverse() } else { o };
    match sort.key {
        SortKey::Value => directed(a.value.total_cmp(&b.value)),
        SortKey::Thing => compare_text(&a.thing, &b.thing, directed),
        SortKey::Date => compare_text(&a.date, &b.date, directed),
        _ => directed(a.article_index.cmp(&b.article_index)),
    }
}

/// Empty cells sort last in either direction: a missing value is not a small one.
fn compare_text(a: &str, b: &str, directed: impl Fn(Ordering) -> Ordering) -> Ordering {
    a.is_empty().cmp(&b.is_empty()).then_with(|| directed(a.to_lowercase().cmp(&b.to_lowercase())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::View;
    use triangulate_core::article::parse_article;

    fn corpus() -> Vec<Document> {
        let files: [(&str, &str); 2] = [
            ("one.md", "---\ntitle: One\ndate: 2025-09-04\n---\nMore than 30 nations pledged support. At least 19 people were killed in Kyiv."),
            ("two.md", "---\ntitle: Two\ndate: 2025-09-05\n---\nAbout 26 countries met with Zelenskyy on Thursday."),
        ];
        files.iter().map(|(name, text)| Document::new(parse_article(name, text.as_bytes()).expect("parses"))).collect()
    }

    fn claims(text: Option<&str>, article: Option<&str>, sort: Option<Sort>) -> Query {
        Query { view: View::Claims, text: text.map(Into::into), article: article.map(Into::into), sort, ..Query::default() }
    }

    fn values(rows: &[ClaimRow]) -> Vec<f64> {
        rows.iter().map(|r| r.value).collect()
    }

    #[test]
    fn filter_and_sort_cases() {
        let docs = corpus();
        let by_value = |descending| Some(Sort { key: SortKey::Value, descending });
        let cases: [(&str, Query, Vec<f64>); 6] = [
            ("all rows in article order", claims(None, None, None), vec![30.0, 19.0, 26.0]),
            ("article filter", claims(None, Some("two"), None), vec![26.0]),
            ("text filter folds case and diacritics", claims(Some("ZELENSKYY"), None, None), vec![26.0]),
            ("text filter on the sentence", claims(Some("kyiv"), None, None), vec![19.0]),
            ("value ascending", claims(None, None, by_value(false)), vec![19.0, 26.0, 30.0]),
            ("value descending", claims(None, None, by_value(true)), vec![30.0, 26.0, 19.0]),
        ];
        for (name, query, expected) in cases {
            assert_eq!(values(&rows(&docs, &query)), expected, "{name}");
        }
        assert!(rows(&docs, &claims(Some("no such text"), None, None)).is_empty(), "no match");
    }

    #[test]
    fn rows_mark_the_number_and_point_at_it() {
        let docs = corpus();
        let all = all_rows(&docs);
        let first = &all[0];
        assert_eq!(first.number.text(&first.sentence), "More than 30");
        assert_eq!(first.interval, "(30, ∞)");
        assert_eq!(first.reader, Query { at: Some(0), ..Query::article("one") }, "the first claim starts the text");
        assert_eq!(first.cells().len(), HEADERS.len(), "one cell per export header");
    }
}
