//! The reader's view model: paragraphs, the marks over them, the legend, and positions in links.
//!
//! Positions in URLs (`at=`) count characters (Unicode scalar values) of `Article::text`; spans
//! in the core count bytes. The two conversions below are the only place they meet.

use crate::components::highlight::Mark;
use crate::corpus::Corpus;
use crate::model::{entities, quotes};
use crate::query::Query;
use triangulate_core::ner::EntityKind;
use triangulate_core::timex::TimexKind;
use triangulate_core::{Document, Span};

/// The four entity types in legend and tab order.
pub const KINDS: [EntityKind; 4] = [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc];

/// Paragraphs as byte spans of `text`: its non-empty lines, trimmed (news files use blank lines
/// or single newlines between paragraphs).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let start = line_start + (line.len() - trimmed.len());
        let end = start + trimmed.trim_end().len();
        if start < end {
            out.push(Span::new(start, end));
        }
        line_start += line.len();
    }
    out
}

/// The character offset of byte offset `byte` (clamped to the text).
pub fn char_offset(text: &str, byte: usize) -> usize {
    let byte = byte.min(text.len());
    text.char_indices().take_while(|(b, _)| *b < byte).count()
}

/// The byte offset of character offset `chars`; `None` past the end.
pub fn byte_offset(text: &str, chars: usize) -> Option<usize> {
    text.char_indices().nth(chars).map(|(byte, _)| byte)
}

/// The reader at the start of `span` of an article.
pub fn position_query(document: &Document, span: Span) -> Query {
    Query { at: Some(char_offset(&document.article.text, span.start)), ..Query::article(&document.article.id) }
}

/// Every mark of the reader: the entity types the query shows, quotes, dates, and the `at` target.
pub fn reader_marks(corpus: &Corpus, document: &Document, query: &Query) -> Vec<Mark> {
    let mut marks = quotes::quote_marks(corpus, document);
    marks.extend(entities::mention_marks(corpus, document, query));
    marks.extend(date_marks(document));
    if let Some(byte) = query.at.and_then(|chars| byte_offset(&document.article.text, chars)) {
        mark_target(&mut marks, &document.article.text, byte);
    }
    marks
}

fn date_marks(document: &Document) -> Vec<Mark> {
    document
        .extraction
        .timexes
        .iter()
        .map(|timex| {
            let what = match timex.kind {
                TimexKind::Date => "Date",
                TimexKind::Time => "Time",
                TimexKind::Duration => "Duration",
                TimexKind::Set => "Recurring",
            };
            let value = timex.value.as_deref().unwrap_or("value not stated");
            Mark::new(timex.span, "hl hl-date", format!("{what}: {value}"))
        })
        .collect()
}

/// Flags the longest mark starting at `byte` (so the outline always encloses what was linked), or
/// adds a mark over the word there.
pub fn mark_target(marks: &mut Vec<Mark>, text: &str, byte: usize) {
    let longest = marks.iter_mut().filter(|m| m.span.start == byte).max_by_key(|m| m.span.len());
    if let Some(mark) = longest {
        mark.target = true;
        return;
    }
    let Some(rest) = text.get(byte..).filter(|rest| !rest.is_empty()) else { return };
    let word = match rest.find(char::is_whitespace) {
        Some(0) => rest.chars().next().map_or(1, char::len_utf8), // on a space: that character
        Some(len) => len,
        None => rest.len(),
    };
    marks.push(Mark { span: Span::new(byte, byte + word), class: "hl".into(), label: None, href: None, target: true });
}

/// One entry of the reader's legend: a link that shows or hides one entity type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    pub kind: EntityKind,
    pub shown: bool,
    pub href: String,
}

pub fn legend(query: &Query) -> Vec<LegendEntry> {
    KINDS
        .into_iter()
        .map(|kind| LegendEntry { kind, shown: query.shows_kind(kind), href: with_kind_toggled(query, kind).href() })
        .collect()
}

/// `query` with `kind` shown if hidden and hidden if shown. An empty `type` filter shows every
/// type, so hiding the last shown type shows them all again.
pub fn with_kind_toggled(query: &Query, kind: EntityKind) -> Query {
    let shown: Vec<EntityKind> =
        KINDS.into_iter().filter(|&k| if k == kind { !query.shows_kind(k) } else { query.shows_kind(k) }).collect();
    let types = if shown.len() == KINDS.len() { Vec::new() } else { shown };
    Query { types, ..query.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_cases() {
        let cases: [(&str, &str, Vec<&str>); 4] = [
            ("blank lines between", "One.\n\nTwo.", vec!["One.", "Two."]),
            ("single newlines and indents", " date x\nA b.\r\n  C.  \n", vec!["date x", "A b.", "C."]),
            ("empty text", "", vec![]),
            ("multibyte text", "Élysée “yes”\n\nKyiv", vec!["Élysée “yes”", "Kyiv"]),
        ];
        for (name, text, expected) in cases {
            let found: Vec<&str> = paragraphs(text).iter().map(|s| s.text(text)).collect();
            assert_eq!(found, expected, "{name}");
        }
    }

    #[test]
    fn offsets_convert_both_ways() {
        let text = "Élysée “yes” ok";
        let ok = text.find("ok").unwrap();
        assert_eq!(char_offset(text, ok), 13, "bytes before count as chars");
        assert_eq!(byte_offset(text, 13), Some(ok), "and back");
        assert_eq!(char_offset(text, text.len() + 9), text.chars().count(), "clamped past the end");
        assert_eq!(byte_offset(text, 99), None, "past the end");
    }

    #[test]
    fn target_cases() {
        let text = "Macron met Scholz in Paris.";
        let name = |start: usize, end: usize| Mark::new(Span::new(start, end), "hl", "name");
        let targeted = |marks: &[Mark]| marks.iter().filter(|m| m.target).map(|m| m.span.text(text).to_string()).collect::<Vec<_>>();
        let cases: Vec<(&str, Vec<Mark>, usize, Vec<&str>)> = vec![
            ("a mark starting there", vec![name(11, 17)], 11, vec!["Scholz"]),
            ("the longest of two", vec![name(0, 6), name(0, 17)], 0, vec!["Macron met Scholz"]),
            ("else the word there", vec![name(0, 6)], 7, vec!["met"]),
            ("the last word", vec![], 21, vec!["Paris."]),
            ("a space is one character", vec![], 6, vec![" "]),
            ("past the end, nothing", vec![], text.len(), vec![]),
        ];
        for (name, mut marks, byte, expected) in cases {
            mark_target(&mut marks, text, byte);
            assert_eq!(targeted(&marks), expected, "{name}");
        }
    }

    #[test]
    fn toggle_cases() {
        let only = |kinds: &[EntityKind]| Query { types: kinds.to_vec(), ..Query::article("a") };
        use EntityKind::*;
        let cases = [
            ("hiding one of all", only(&[]), Person, only(&[Organization, Location, Misc])),
            ("showing a hidden one", only(&[Person]), Location, only(&[Person, Location])),
            ("showing the last hidden one clears the filter", only(&[Person, Organization, Location]), Misc, only(&[])),
            ("hiding the last shown one shows all", only(&[Person]), Person, only(&[])),
        ];
        for (name, query, kind, expected) in cases {
            assert_eq!(with_kind_toggled(&query, kind), expected, "{name}");
        }
    }
}
