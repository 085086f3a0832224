//! Quote matching: the same statement reported by several articles — verbatim, trimmed, reworded,
//! or once direct and once as reported speech — grouped per speaker, with a similarity score and a
//! word diff of each member against the reference (see [`super::diff`]).
//!
//! Candidates come from an inverted index over content stems (never all pairs). Two quotes join
//! when their IDF-weighted stem overlap passes a threshold: a lower one for the same corpus
//! speaker, a higher one when either side has no resolved speaker; different speakers never join.

use super::diff::{word_diff, DiffSegment};
use super::entities::EntityIndex;
use super::words::{candidate_pairs, content_stems, shared, words, Idf, UnionFind};
use crate::quotes::{Quote, QuoteKind};
use crate::{Document, Span};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    /// From the speaker and the first words of the first member: `q-per-mark-rutte-working-tirelessly`.
    pub id: String,
    /// The corpus entity id of the speaker, when any member's speaker was resolved.
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    pub articles: Vec<String>,
    /// The first member is the reference the others are compared with: the longest direct quote.
    pub members: Vec<QuoteMember>,
    /// The lowest similarity of a member to the reference, 0..=1.
    pub similarity: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteMember {
    pub article: String,
    /// The quote's words (reported speech without its leading "that").
    pub span: Span,
    pub text: String,
    pub kind: QuoteKind,
    /// The speaker as this article writes it.
    pub speaker: Option<String>,
    /// Similarity to the group's reference member (1 for the reference itself).
    pub similarity: f64,
    /// From the reference's words to this member's, aligned on the passage both quote
    /// ([`super::word_diff`]); empty for the reference.
    pub diff: Vec<DiffSegment>,
}

/// Overlap needed between two quotes of the same speaker.
const SAME_SPEAKER_THRESHOLD: f64 = 0.4;
/// Overlap needed when a side has no resolved speaker: the text alone must nearly match.
const UNATTRIBUTED_THRESHOLD: f64 = 0.6;
/// Share of the shorter quote's content stems the other must contain when a side has no speaker.
const UNATTRIBUTED_CONTAINMENT: f64 = 0.7;
/// Fewer shared content stems than this is coincidence, whatever the score.
const MIN_SHARED_STEMS: usize = 3;
/// A term (scare quote) this short is a phrase, not a statement to match.
const MIN_TERM_STEMS: usize = 5;

/// One quote of one article, ready to compare.
pub(crate) struct Item {
    pub doc: usize,
    pub span: Span,
    pub kind: QuoteKind,
    /// Index of the corpus entity speaking, if resolved.
    pub speaker: Option<usize>,
    pub speaker_text: Option<String>,
    pub stems: Vec<String>,
}

pub(crate) fn items(docs: &[Document], entities: &EntityIndex) -> Vec<Item> {
    let mut items = Vec::new();
    for (doc_index, doc) in docs.iter().enumerate() {
        let text = &doc.article.text;
        let mut previous_speaker: Option<(Option<usize>, Option<String>)> = None;
        for quote in &doc.extraction.quotes {
            let span = statement_span(text, quote);
            let stems = content_stems(text, span);
            if quote.kind == QuoteKind::Term && stems.len() < MIN_TERM_STEMS {
                continue;
            }
            let resolved = quote.speaker.as_ref().map(|s| {
                let corpus = s.entity.as_ref().and_then(|id| entities.by_local_id.get(&(doc_index, id.clone())).copied());
                (corpus, Some(s.text.clone()))
            });
            // The second half of a split quote has the speaker of the first.
            let (speaker, speaker_text) = match resolved {
                Some(found) => found,
                None if quote.continues_previous => previous_speaker.clone().unwrap_or((None, None)),
                None => (None, None),
            };
            previous_speaker = Some((speaker, speaker_text.clone()));
            items.push(Item { doc: doc_index, span, kind: quote.kind, speaker, speaker_text, stems });
        }
    }
    items
}

/// The words of a quote: reported speech loses its leading "that", everything its edge punctuation.
fn statement_span(text: &str, quote: &Quote) -> Span {
    let all = words(text, quote.span);
    let first = match all.first() {
        Some(word) if quote.kind == QuoteKind::Indirect && word.folded == "that" && all.len() > 1 => 1,
        _ => 0,
    };
    match (all.get(first), all.last()) {
        (Some(start), Some(end)) => Span::new(start.span.start, end.span.end),
        _ => quote.span,
    }
}

pub(crate) fn group_quotes(docs: &[Document], entities: &EntityIndex, items: &[Item]) -> Vec<QuoteGroup> {
    let stems: Vec<Vec<String>> = items.iter().map(|i| i.stems.clone()).collect();
    let idf = Idf::new(&stems);
    let mut scored: Vec<(f64, usize, usize)> = candidate_pairs(&stems, MIN_SHARED_STEMS)
        .into_iter()
        .filter(|&(a, b)| items[a].doc != items[b].doc)
        .filter_map(|(a, b)| Some((statement_score(&items[a], &items[b], &idf)?, a, b)))
        .collect();
    // Best matches first, and a group keeps one speaker: an unattributed quote near two
    // speakers' words joins the closer one and never bridges the two.
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut sets = UnionFind::new(items.len());
    let mut speaker_of_set: Vec<Option<usize>> = items.iter().map(|i| i.speaker).collect();
    for (_, a, b) in scored {
        let (root_a, root_b) = (sets.find(a), sets.find(b));
        match (speaker_of_set[root_a], speaker_of_set[root_b]) {
            (Some(x), Some(y)) if x != y => continue,
            (x, y) => {
                sets.union(a, b);
                speaker_of_set[sets.find(a)] = x.or(y);
            }
        }
    }
    let mut groups: Vec<QuoteGroup> = sets
        .groups()
        .into_iter()
        .filter(|members| members.iter().map(|&m| items[m].doc).collect::<BTreeSet<_>>().len() > 1)
        .map(|members| quote_group(docs, entities, items, &idf, members))
        .collect();
    groups.sort_by(|a, b| a.id.cmp(&b.id).then(a.articles.cmp(&b.articles)));
    super::number_clashing_ids(groups.iter_mut().map(|g| &mut g.id));
    groups.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.id.cmp(&b.id)));
    groups
}

/// The similarity of two quotes if they pass for one statement: different speakers never do.
fn statement_score(a: &Item, b: &Item, idf: &Idf) -> Option<f64> {
    let threshold = match (a.speaker, b.speaker) {
        (Some(x), Some(y)) if x != y => return None,
        (Some(_), Some(_)) => SAME_SPEAKER_THRESHOLD,
        // Without a speaker to vouch, most of the shorter quote's words must be in the other.
        _ if word_containment(a, b) < UNATTRIBUTED_CONTAINMENT => return None,
        _ => UNATTRIBUTED_THRESHOLD,
    };
    let score = idf.overlap(&a.stems, &b.stems);
    (score >= threshold).then_some(score)
}

fn word_containment(a: &Item, b: &Item) -> f64 {
    let shorter = a.stems.len().min(b.stems.len()).max(1);
    shared(&a.stems, &b.stems).count() as f64 / shorter as f64
}

fn quote_group(docs: &[Document], entities: &EntityIndex, items: &[Item], idf: &Idf, mut members: Vec<usize>) -> QuoteGroup {
    // The reference: the longest direct quote, then the longest of any kind; ties by article id.
    let text_of = |m: usize| items[m].span.text(&docs[items[m].doc].article.text);
    members.sort_by(|&a, &b| {
        let direct = |m: usize| items[m].kind == QuoteKind::Direct;
        direct(b)
            .cmp(&direct(a))
            .then(text_of(b).len().cmp(&text_of(a).len()))
            .then(docs[items[a].doc].article.id.cmp(&docs[items[b].doc].article.id))
            .then(items[a].span.cmp(&items[b].span))
    });
    let reference = members[0];
    let speaker = members.iter().find_map(|&m| items[m].speaker);
    let speaker_entity = speaker.map(|s| &entities.entities[s]);
    let quote_members: Vec<QuoteMember> = members
        .iter()
        .map(|&m| {
            let is_reference = m == reference;
            QuoteMember {
                article: docs[items[m].doc].article.id.clone(),
                span: items[m].span,
                text: text_of(m).to_string(),
                kind: items[m].kind,
                speaker: items[m].speaker_text.clone(),
                similarity: if is_reference { 1.0 } else { idf.overlap(&items[reference].stems, &items[m].stems).min(1.0) },
                diff: if is_reference { Vec::new() } else { word_diff(text_of(reference), text_of(m)) },
            }
        })
        .collect();
    let articles: BTreeSet<String> = quote_members.iter().map(|m| m.article.clone()).collect();
    let speaker_slug = speaker_entity.map_or("unattributed".to_string(), |e| e.id.clone());
    QuoteGroup {
        id: format!("q-{speaker_slug}-{}", super::words::slug(text_of(reference), 4)),
        speaker: speaker_entity.map(|e| e.id.clone()),
        speaker_name: speaker_entity.map(|e| e.name.clone()),
        articles: articles.into_iter().collect(),
        similarity: quote_members.iter().map(|m| m.similarity).fold(1.0, f64::min),
        members: quote_members,
    }
}
