//! The merged timeline: dated expressions with their sentences across articles, one event per
//! date and statement, each with every article that reports it.

use super::words::{candidate_pairs, content_stems, Idf, UnionFind};
use crate::timex::TimexKind;
use crate::{Document, Span};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// TimeML date value, full or partial: `2025-09-04`, `2025-08`, `2025`.
    pub date: String,
    /// The shortest reporting sentence.
    pub label: String,
    pub articles: Vec<String>,
    pub sources: Vec<EventSource>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSource {
    pub article: String,
    pub sentence: Span,
    /// The date expression in the sentence.
    pub timex: Span,
}

/// Sentences on one date whose stem overlap reaches this report the same event.
const SAME_EVENT_THRESHOLD: f64 = 0.5;
const MIN_SHARED_STEMS: usize = 3;

/// The date part of a TimeML value when it names a calendar date, month or year.
fn calendar_date(value: &str) -> Option<&str> {
    let date = value.split('T').next()?;
    let shape_ok = match date.len() {
        4 | 7 | 10 => date.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() }),
        _ => false,
    };
    shape_ok.then_some(date)
}

struct Mention<'d> {
    doc: &'d Document,
    date: &'d str,
    sentence: Span,
    timex: Span,
}

pub(crate) fn merged_timeline(docs: &[Document]) -> Vec<TimelineEvent> {
    let mut by_date: BTreeMap<&str, Vec<Mention>> = BTreeMap::new();
    for doc in docs {
        let extraction = &doc.extraction;
        for timex in extraction.timexes.iter().filter(|t| matches!(t.kind, TimexKind::Date | TimexKind::Time)) {
            let Some(date) = timex.value.as_deref().and_then(calendar_date) else { continue };
            let Some(&sentence) = extraction.sentences.iter().find(|s| s.contains(timex.span)) else { continue };
            let mentions = by_date.entry(date).or_default();
            // One event per sentence and date, however often the sentence names it (documents and
            // sentences come in order, so a repeat is the bucket's last entry).
            if !mentions.last().is_some_and(|m| std::ptr::eq(m.doc, doc) && m.sentence == sentence) {
                mentions.push(Mention { doc, date, sentence, timex: timex.span });
            }
        }
    }
    by_date.into_values().flat_map(|mentions| fold_same_events(&mentions)).collect()
}

/// Mentions of one date grouped by sentence similarity, each group an event.
fn fold_same_events(mentions: &[Mention]) -> Vec<TimelineEvent> {
    let stems: Vec<Vec<String>> = mentions.iter().map(|m| content_stems(&m.doc.article.text, m.sentence)).collect();
    let idf = Idf::new(&stems);
    let mut sets = UnionFind::new(mentions.len());
    for (a, b) in candidate_pairs(&stems, MIN_SHARED_STEMS) {
        if idf.overlap(&stems[a], &stems[b]) >= SAME_EVENT_THRESHOLD {
            sets.union(a, b);
        }
    }
    let mut events: Vec<TimelineEvent> = sets.groups().into_iter().map(|group| event(mentions, &group)).collect();
    events.sort_by(|a, b| b.articles.len().cmp(&a.articles.len()).then(a.label.cmp(&b.label)));
    events
}

fn event(mentions: &[Mention], group: &[usize]) -> TimelineEvent {
    let sentence_text = |m: &Mention| m.sentence.text(&m.doc.article.text).trim().to_string();
    let label = group.iter().map(|&i| sentence_text(&mentions[i])).min_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b))).unwrap_or_default();
    let mut sources: Vec<EventSource> = group
        .iter()
        .map(|&i| EventSource { article: mentions[i].doc.article.id.clone(), sentence: mentions[i].sentence, timex: mentions[i].timex })
        .collect();
    sources.sort_by(|a, b| a.article.cmp(&b.article).then(a.sentence.cmp(&b.sentence)));
    TimelineEvent {
        date: mentions[group[0]].date.to_string(),
        label,
        articles: sources.iter().map(|s| s.article.clone()).collect::<BTreeSet<_>>().into_iter().collect(),
        sources,
    }
}
