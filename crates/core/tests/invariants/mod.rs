//! What every output of the core must satisfy, whatever the input: spans are byte ranges inside
//! their own article's text, on `char` boundaries, and the same input gives the same output.
//! Shared by the property tests, the pathological-input tests and the fuzz targets
//! (`crates/core/fuzz`), which include this file by path.
#![allow(dead_code)] // each test crate uses a part

use triangulate_core::analysis::{analyze, Analysis};
use triangulate_core::article::{Article, DateSource, TitleSource};
use triangulate_core::{extract, Document, Extraction, NaiveDate, Span};

/// Document creation dates worth trying: none, a usual one, and the extremes `YYYY-MM-DD` allows.
pub const DCTS: [Option<(i32, u32, u32)>; 5] =
    [None, Some((2025, 9, 4)), Some((2024, 2, 29)), Some((0, 1, 1)), Some((9999, 12, 31))];

pub fn dct(index: usize) -> Option<NaiveDate> {
    DCTS[index % DCTS.len()].and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

/// An article with exactly `text` (no file parsing, so no normalization: control characters stay).
pub fn document(id: &str, text: &str, date: Option<NaiveDate>) -> Document {
    Document::new(Article {
        id: id.to_string(),
        file: format!("{id}.txt"),
        title: id.to_string(),
        title_source: TitleSource::FrontMatter,
        outlet: None,
        date,
        date_source: DateSource::FrontMatter,
        url: None,
        text: text.to_string(),
    })
}

/// Every span of an extraction, named by the field it came from.
pub fn extraction_spans(extraction: &Extraction) -> Vec<(&'static str, Span)> {
    let mut spans: Vec<(&'static str, Span)> = Vec::new();
    spans.extend(extraction.sentences.iter().map(|&s| ("sentence", s)));
    for entity in &extraction.entities {
        spans.extend(entity.mentions.iter().map(|&s| ("entity mention", s)));
        spans.extend(entity.descriptions.iter().map(|&s| ("entity description", s)));
    }
    for quote in &extraction.quotes {
        spans.extend([("quote", quote.span), ("quote outer", quote.outer)]);
        spans.extend(quote.cue.map(|s| ("quote cue", s)));
        spans.extend(quote.speaker.as_ref().and_then(|s| s.span).map(|s| ("quote speaker", s)));
    }
    for attribution in &extraction.attributions {
        spans.extend([("attribution", attribution.span), ("attribution sentence", attribution.sentence)]);
    }
    spans.extend(extraction.timexes.iter().map(|t| ("timex", t.span)));
    for claim in &extraction.claims {
        spans.extend([("claim", claim.span), ("claim sentence", claim.sentence)]);
    }
    spans
}

/// Every span of an analysis with the id of the article it points into.
pub fn analysis_spans(analysis: &Analysis) -> Vec<(&'static str, &str, Span)> {
    let mut spans: Vec<(&'static str, &str, Span)> = Vec::new();
    for entity in &analysis.entities {
        spans.extend(entity.mentions.iter().map(|m| ("entity mention", m.article.as_str(), m.span)));
    }
    for member in analysis.quote_groups.iter().flat_map(|g| &g.members) {
        spans.push(("quote member", member.article.as_str(), member.span));
    }
    for member in analysis.claim_groups.iter().flat_map(|g| &g.members) {
        spans.extend([("claim member", member.article.as_str(), member.span), ("claim sentence", member.article.as_str(), member.sentence)]);
    }
    for pair in &analysis.similar_articles {
        for passage in &pair.passages {
            spans.extend([("passage a", pair.a.as_str(), passage.a), ("passage b", pair.b.as_str(), passage.b)]);
        }
    }
    for source in analysis.timeline.iter().flat_map(|e| &e.sources) {
        spans.extend([("timeline sentence", source.article.as_str(), source.sentence), ("timeline timex", source.article.as_str(), source.timex)]);
    }
    for coverage in &analysis.coverage {
        let article = coverage.article.as_str();
        spans.extend(coverage.quotes.iter().map(|&s| ("coverage quote", article, s)));
        spans.extend(coverage.claims.iter().map(|&s| ("coverage claim", article, s)));
    }
    spans
}

/// Panics unless `span` lies inside `text` with both ends on `char` boundaries.
pub fn assert_span_in(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} is outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} splits a character"
    );
}

pub fn assert_extraction_spans(text: &str, extraction: &Extraction) {
    for (what, span) in extraction_spans(extraction) {
        assert_span_in(text, span, what);
    }
}

/// Every span checked against its own article's text.
pub fn assert_analysis_spans(docs: &[Document], analysis: &Analysis) {
    for (what, article, span) in analysis_spans(analysis) {
        let doc = docs.iter().find(|d| d.article.id == article);
        let doc = doc.unwrap_or_else(|| panic!("{what} names unknown article {article:?}"));
        assert_span_in(&doc.article.text, span, what);
    }
    assert_eq!(analysis.coverage.len(), docs.len(), "one coverage entry per article");
}

/// Extracts `text` twice and checks spans and determinism; returns the extraction.
pub fn check_extract(text: &str, dct: Option<NaiveDate>) -> Extraction {
    let extraction = extract(text, dct);
    assert_extraction_spans(text, &extraction);
    assert!(extraction == extract(text, dct), "extract is not deterministic");
    extraction
}

/// Analyzes `docs` twice and checks spans and determinism; returns the analysis.
pub fn check_analyze(docs: &[Document]) -> Analysis {
    let analysis = analyze(docs);
    assert_analysis_spans(docs, &analysis);
    assert!(analysis == analyze(docs), "analyze is not deterministic");
    analysis
}
