//! Text search across the corpus, case- and diacritic-insensitive ("micheal" finds "Micheál"),
//! with hits mapped back to byte spans of the original text, snippets around them, and entity
//! names as suggestions.

use triangulate_core::fold::{fold, fold_with_offsets};
use crate::model::reader::position_query;
use crate::query::Query;
use triangulate_core::{Document, Span};

/// Characters of context kept on each side of a hit in a snippet.
const SNIPPET_CONTEXT_CHARS: usize = 60;

/// Suggestions offered while typing; more would only push the results down.
const MAX_SUGGESTIONS: usize = 8;

/// Every occurrence of `needle` in `text` after folding both, as byte spans of `text`. An empty
/// (or all-whitespace) needle finds nothing.
pub fn find_folded(text: &str, needle: &str) -> Vec<Span> {
    let needle = fold(needle.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let (folded, origin) = fold_with_offsets(text);
    folded
        .match_indices(&needle)
        .map(|(start, found)| {
            let end = start + found.len();
            // The last folded byte's source character ends the span, so a character that folds to
            // several (e.g. "ß" is kept, but ligatures expand) is never cut in half.
            let last_source = origin[end - 1];
            let source_end = text[last_source..].chars().next().map_or(text.len(), |c| last_source + c.len_utf8());
            Span::new(origin[start], source_end)
        })
        .collect()
}

/// Whether `haystack` contains `needle` after folding (an empty needle matches everything).
pub fn contains_folded(haystack: &str, needle: &str) -> bool {
    let needle = fold(needle.trim());
    needle.is_empty() || fold(haystack).contains(&needle)
}

/// One hit shown in context.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The reader at the hit.
    pub reader: Query,
    /// Text around the hit; `…` marks where it was cut.
    pub snippet: String,
    /// The hit within `snippet` (bytes).
    pub mark: Span,
}

/// The hits in one article.
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleHits {
    pub article_id: String,
    pub title: String,
    pub hits: Vec<Hit>,
}

/// Hits of `query` in every article, in corpus order; articles without hits are left out.
pub fn search(documents: &[Document], query: &str) -> Vec<ArticleHits> {
    documents
        .iter()
        .filter_map(|doc| {
            let text = &doc.article.text;
            let spans = find_folded(text, query);
            if spans.is_empty() {
                return None;
            }
            let hits = spans.iter().map(|&span| snippet(text, span, position_query(doc, span))).collect();
            Some(ArticleHits { article_id: doc.article.id.clone(), title: doc.article.title.clone(), hits })
        })
        .collect()
}

/// The hit with about [`SNIPPET_CONTEXT_CHARS`] characters either side, within its line.
fn snippet(text: &str, hit: Span, reader: Query) -> Hit {
    let line_start = text[..hit.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[hit.end..].find('\n').map_or(text.len(), |i| hit.end + i);
    let start = text[line_start..hit.start]
        .char_indices()
        .rev()
        .nth(SNIPPET_CONTEXT_CHARS - 1)
        .map_or(line_start, |(i, _)| line_start + i);
    let end = text[hit.end..line_end].char_indices().nth(SNIPPET_CONTEXT_CHARS).map_or(line_end, |(i, _)| hit.end + i);
    let before = if start > line_start { "…" } else { "" };
    let after = if end < line_end { "…" } else { "" };
    let mark_start = before.len() + hit.start - start;
    Hit { reader, snippet: format!("{before}{}{after}", &text[start..end]), mark: Span::new(mark_start, mark_start + hit.len()) }
}

/// `query` with `q` set to what was typed (trimmed; nothing typed removes it) and no position.
pub fn with_text(query: &Query, typed: &str) -> Query {
    let text = typed.trim();
    Query { text: (!text.is_empty()).then(|| text.to_string()), at: None, ..query.clone() }
}

/// Entity names of the corpus that contain `query` (folded), names starting with it first, then
/// by how many articles name them; a name equal to the query is not suggested again.
pub fn suggestions(documents: &[Document], query: &str) -> Vec<String> {
    let needle = fold(query.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let mut names: Vec<(String, String, usize)> = Vec::new();
    for entity in documents.iter().flat_map(|d| &d.extraction.entities) {
        let folded = fold(&entity.name);
        match names.iter_mut().find(|(_, f, _)| *f == folded) {
            Some((_, _, articles)) => *articles += 1,
            None => names.push((entity.name.clone(), folded, 1)),
        }
    }
    names.retain(|(_, folded, _)| folded.contains(&needle) && *folded != needle);
    names.sort_by_key(|(name, folded, articles)| (!folded.starts_with(&needle), std::cmp::Reverse(*articles), name.clone()));
    names.into_iter().take(MAX_SUGGESTIONS).map(|(name, _, _)| name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::article::parse_article;

    fn document(name: &str, text: &str) -> Document {
        Document::new(parse_article(name, text.as_bytes()).expect("test article parses"))
    }

    #[test]
    fn find_folded_cases() {
        let cases: [(&str, &str, &str, &[&str]); 7] = [
            ("case-insensitive", "Zelenskyy met Macron.", "zelensky", &["Zelensky"]),
            ("diacritics", "Taoiseach Micheál Martin", "micheal", &["Micheál"]),
            ("multiple hits", "Paris, then paris again: PARIS.", "paris", &["Paris", "paris", "PARIS"]),
            ("multibyte context", "“Siliņa” 🎉 said Siliņa", "silina", &["Siliņa", "Siliņa"]),
            ("query with accents", "Elysee Palace", "Élysée", &["Elysee"]),
            ("empty query finds nothing", "anything", "  ", &[]),
            ("no match", "Paris", "Berlin", &[]),
        ];
        for (name, text, query, expected) in cases {
            let found: Vec<&str> = find_folded(text, query).iter().map(|s| s.text(text)).collect();
            assert_eq!(found, expected, "{name}");
        }
    }

    #[test]
    fn search_gives_char_offsets_and_snippets() {
        let docs = [
            document("a.txt", "Headline Here\n\nMicheál Martin spoke. Then Martin left."),
            document("b.txt", "Nothing relevant in this one at all."),
        ];
        let results = search(&docs, "MARTIN");
        assert_eq!(results.len(), 1, "articles without hits are left out");
        let text = &docs[0].article.text;
        let first = &results[0].hits[0];
        let byte = text.find("Martin").expect("in text");
        assert_eq!(first.reader.at, Some(text[..byte].chars().count()), "at counts characters, not bytes");
        assert_eq!(first.mark.text(&first.snippet), "Martin");
        assert_eq!(results[0].hits.len(), 2);
        assert!(search(&docs, "").is_empty(), "empty query");
    }

    #[test]
    fn with_text_cases() {
        let base = Query { at: Some(3), ..Query::view(crate::query::View::Search) };
        let cases = [("typed", " Macron ", Some("Macron")), ("cleared", "   ", None)];
        for (name, typed, expected) in cases {
            let query = with_text(&base, typed);
            assert_eq!(query.text.as_deref(), expected, "{name}");
            assert_eq!((query.view, query.at), (base.view, None), "{name}: same view, no position");
        }
    }

    #[test]
    fn long_lines_are_cut_with_ellipses() {
        let text = format!("{} needle {}", "word ".repeat(40), "more ".repeat(40));
        let hit = snippet(&text, find_folded(&text, "needle")[0], Query::default());
        assert!(hit.snippet.starts_with('…') && hit.snippet.ends_with('…'), "{}", hit.snippet);
        assert_eq!(hit.mark.text(&hit.snippet), "needle", "the mark moves past the ellipsis");
    }

    #[test]
    fn suggestions_fold_and_skip_exact_names() {
        let docs = [document("a.txt", "Headline Here\n\nIrish Taoiseach Micheál Martin met Emmanuel Macron in Paris on Tuesday.")];
        let names: Vec<String> = docs[0].extraction.entities.iter().map(|e| e.name.clone()).collect();
        let micheal = names.iter().find(|n| n.contains("Micheál")).expect("the tagger finds Micheál Martin");
        assert_eq!(suggestions(&docs, "micheal").first(), Some(micheal), "diacritics folded");
        assert!(suggestions(&docs, micheal).is_empty(), "the exact name is not suggested again");
        assert!(suggestions(&docs, " ").is_empty(), "empty query");
    }
}
