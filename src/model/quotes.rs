//! Quotations and reported speech across the corpus: table rows, filter choices, reader marks.
//! Quoted terms (scare quotes) are not speech and are left out everywhere here.

use crate::components::highlight::Mark;
use crate::corpus::Corpus;
use crate::model::entities::{corpus_entity_of, specific_roles};
use crate::model::reader::position_query;
use crate::query::{Query, QuoteKindFilter, View};
use triangulate_core::quotes::{Quote, QuoteKind};
use triangulate_core::{Document, Span};

/// The quote's words as highlighted: a direct quote with its marks, reported speech as is.
fn shown_span(quote: &Quote) -> Span {
    match quote.kind {
        QuoteKind::Direct => quote.outer,
        QuoteKind::Indirect | QuoteKind::Term => quote.span,
    }
}

fn kind_filter(kind: QuoteKind) -> Option<QuoteKindFilter> {
    match kind {
        QuoteKind::Direct => Some(QuoteKindFilter::Direct),
        QuoteKind::Indirect => Some(QuoteKindFilter::Indirect),
        QuoteKind::Term => None,
    }
}

/// Who said it: the merged corpus entity when the speaker was resolved to one, else the name as
/// the text gives it.
struct SpeakerInfo {
    /// "Volodymyr Zelensky (President, Ukraine)".
    text: String,
    /// The corpus entity id.
    id: Option<String>,
}

fn speaker_info(corpus: &Corpus, document: &Document, quote: &Quote) -> Option<SpeakerInfo> {
    let speaker = quote.speaker.as_ref()?;
    let entity = speaker.entity.as_deref().and_then(|local| corpus_entity_of(corpus, document, local));
    let Some(entity) = entity else {
        return Some(SpeakerInfo { text: speaker.name.clone(), id: None });
    };
    let text = match specific_roles(entity).first() {
        Some(role) => format!("{} ({role})", entity.name),
        None => entity.name.clone(),
    };
    Some(SpeakerInfo { text, id: Some(entity.id.clone()) })
}

/// Reader marks for every direct and reported quote.
pub fn quote_marks(corpus: &Corpus, document: &Document) -> Vec<Mark> {
    speech(document)
        .map(|(quote, kind)| {
            let who = speaker_info(corpus, document, quote).map_or_else(|| "speaker not identified".into(), |s| s.text);
            Mark::new(shown_span(quote), format!("hl hl-quote hl-{}", kind.name()), format!("{} quote — {who}", capitalized(kind)))
        })
        .collect()
}

fn capitalized(kind: QuoteKindFilter) -> &'static str {
    match kind {
        QuoteKindFilter::Direct => "Direct",
        QuoteKindFilter::Indirect => "Indirect",
    }
}

/// The document's quotes that are speech, with their kind.
fn speech(document: &Document) -> impl Iterator<Item = (&Quote, QuoteKindFilter)> {
    document.extraction.quotes.iter().filter_map(|q| kind_filter(q.kind).map(|kind| (q, kind)))
}

/// One quote as a row of the quotes view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRow {
    pub kind: QuoteKindFilter,
    /// The words, with quote marks for a direct quote.
    pub text: String,
    /// Speaker with role, when the text names one.
    pub speaker: Option<String>,
    /// The speaker's entity id, for the speaker filter link.
    pub speaker_id: Option<String>,
    pub venue: Option<String>,
    /// Reported speech that quotes some words directly.
    pub mixed: bool,
    /// The second half of a split quote, or a further paragraph of one.
    pub continues_previous: bool,
    pub article_title: String,
    /// The reader at this quote.
    pub href: String,
}

/// Every quote passing the query's `speaker`, `article` and `kind` filters, in corpus order.
pub fn quote_rows(corpus: &Corpus, query: &Query) -> Vec<QuoteRow> {
    let mut rows = Vec::new();
    let documents = corpus.documents.iter().filter(|d| query.article.as_ref().is_none_or(|id| *id == d.article.id));
    for document in documents {
        for (quote, kind) in speech(document).filter(|(_, kind)| query.quote_kind.is_none_or(|wanted| wanted == *kind)) {
            let speaker = speaker_info(corpus, document, quote);
            let speaker_id = speaker.as_ref().and_then(|s| s.id.clone());
            if query.speaker.is_some() && speaker_id != query.speaker {
                continue;
            }
            let span = shown_span(quote);
            rows.push(QuoteRow {
                kind,
                text: span.text(&document.article.text).to_string(),
                speaker: speaker.map(|s| s.text),
                speaker_id,
                venue: quote.venue.clone(),
                mixed: quote.mixed,
                continues_previous: quote.continues_previous,
                article_title: document.article.title.clone(),
                href: position_query(document, span).href(),
            });
        }
    }
    rows
}

/// A choice in a filter select: the value, its label, and how many quotes it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub count: usize,
}

/// Speakers resolved to a corpus entity, most quoted first.
pub fn speaker_choices(corpus: &Corpus) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Vec::new();
    for document in &corpus.documents {
        for (quote, _) in speech(document) {
            let local_id = quote.speaker.as_ref().and_then(|s| s.entity.as_deref());
            let Some(entity) = local_id.and_then(|id| corpus_entity_of(corpus, document, id)) else { continue };
            match choices.iter_mut().find(|c| c.value == entity.id) {
                Some(choice) => choice.count += 1,
                None => choices.push(Choice { value: entity.id.clone(), label: entity.name.clone(), count: 1 }),
            }
        }
    }
    choices.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    choices
}

/// Articles with how many quotes each has, in corpus order.
pub fn article_choices(corpus: &Corpus) -> Vec<Choice> {
    corpus
        .documents
        .iter()
        .map(|d| Choice { value: d.article.id.clone(), label: d.article.title.clone(), count: speech(d).count() })
        .collect()
}

/// The quotes view with the query's filters; `None` in a field removes that filter.
pub fn filtered(speaker: Option<String>, article: Option<String>, kind: Option<QuoteKindFilter>) -> Query {
    Query { speaker, article, quote_kind: kind, ..Query::view(View::Quotes) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::article::parse_article;

    fn corpus() -> Corpus {
        let files: [(&str, &[u8]); 2] = [
            (
                "one.txt",
                "French President Emmanuel Macron spoke in Paris. “We are ready,” Macron said. Macron said that the talks would go on.".as_bytes(),
            ),
            ("two.txt", "The summit ended. Olaf Scholz told reporters: “Nothing is settled.” It was a so-called “deal”.".as_bytes()),
        ];
        Corpus::from_articles(files.iter().map(|(name, bytes)| parse_article(name, bytes).expect("valid article")).collect())
    }

    fn texts(rows: &[QuoteRow]) -> Vec<&str> {
        rows.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn filter_cases() {
        let corpus = corpus();
        let all = Query::view(View::Quotes);
        let only = |speaker: Option<&str>, article: Option<&str>, kind| filtered(speaker.map(Into::into), article.map(Into::into), kind);
        let cases: Vec<(&str, Query, Vec<&str>)> = vec![
            ("every quote but terms", all.clone(), vec!["“We are ready,”", "that the talks would go on", "“Nothing is settled.”"]),
            ("direct only", only(None, None, Some(QuoteKindFilter::Direct)), vec!["“We are ready,”", "“Nothing is settled.”"]),
            ("indirect only", only(None, None, Some(QuoteKindFilter::Indirect)), vec!["that the talks would go on"]),
            ("one article", only(None, Some("two"), None), vec!["“Nothing is settled.”"]),
            ("one speaker", only(Some("per-olaf-scholz"), None, None), vec!["“Nothing is settled.”"]),
            ("nothing matches", only(Some("per-olaf-scholz"), Some("one"), None), vec![]),
        ];
        for (name, query, expected) in cases {
            assert_eq!(texts(&quote_rows(&corpus, &query)), expected, "{name}");
        }
    }

    #[test]
    fn row_details() {
        let corpus = corpus();
        let rows = quote_rows(&corpus, &Query::view(View::Quotes));
        assert_eq!(rows[0].speaker.as_deref(), Some("Emmanuel Macron (President, France)"), "speaker with role");
        assert_eq!(rows[0].speaker_id.as_deref(), Some("per-emmanuel-macron"), "speaker entity");
        assert_eq!(rows[0].href, "?article=one&at=49", "reader position in chars, at the opening mark");
        assert_eq!(rows[2].article_title, corpus.documents[1].article.title, "article named");
    }

    #[test]
    fn choice_cases() {
        let corpus = corpus();
        let speakers = speaker_choices(&corpus);
        assert_eq!(speakers[0], Choice { value: "per-emmanuel-macron".into(), label: "Emmanuel Macron".into(), count: 2 }, "most quoted first");
        let articles: Vec<usize> = article_choices(&corpus).iter().map(|c| c.count).collect();
        assert_eq!(articles, vec![2, 1], "terms not counted");
    }

    #[test]
    fn marks_label_kind_and_speaker() {
        let corpus = corpus();
        let labels: Vec<String> = quote_marks(&corpus, &corpus.documents[1]).into_iter().filter_map(|m| m.label).collect();
        assert_eq!(labels, vec!["Direct quote — Olaf Scholz"], "terms are not marked");
    }
}
