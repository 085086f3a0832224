//! The overview's digest of the cross-article analysis: conflicting figures first, then a few
//! events of the merged timeline, each linking to where it is reported.

use crate::corpus::Corpus;
use crate::model::reader::position_query;
use crate::query::{Query, View};

/// A conflicting claim group in one line: what is counted and each article's figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictSummary {
    pub what: String,
    /// The group in the Conflicts view.
    pub href: String,
    pub figures: Vec<Figure>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    /// The number phrase as written ("more than 30 nations").
    pub text: String,
    pub interval: String,
    /// The outlet, else the article title.
    pub source: String,
    /// The figure in the reader.
    pub href: String,
}

/// Every conflicting claim group, in the analysis order; an article repeating its own figure is
/// listed once.
pub fn conflict_summaries(corpus: &Corpus) -> Vec<ConflictSummary> {
    corpus
        .analysis
        .claim_groups
        .iter()
        .filter(|group| group.conflict)
        .map(|group| ConflictSummary {
            what: group.what.clone(),
            href: Query { group: Some(group.id.clone()), ..Query::view(View::Conflicts) }.href(),
            figures: group
                .members
                .iter()
                .enumerate()
                .filter(|(index, member)| {
                    !group.members[..*index].iter().any(|m| m.article == member.article && m.interval == member.interval)
                })
                .filter_map(|(_, member)| {
                    let document = corpus.document(&member.article)?;
                    Some(Figure {
                        text: member.text.clone(),
                        interval: member.interval.clone(),
                        source: document.article.outlet.clone().unwrap_or_else(|| document.article.title.clone()),
                        href: position_query(document, member.span).href(),
                    })
                })
                .collect(),
        })
        .collect()
}

/// One dated event of the merged timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventSummary {
    pub date: String,
    pub label: String,
    pub articles: usize,
    /// The first report of the event in the reader.
    pub href: String,
}

/// The `limit` events the most articles report, in date order (ties: the earlier event).
pub fn key_events(corpus: &Corpus, limit: usize) -> Vec<EventSummary> {
    let mut ranked: Vec<(usize, &triangulate_core::analysis::TimelineEvent)> =
        corpus.analysis.timeline.iter().enumerate().collect();
    ranked.sort_by_key(|(index, event)| (std::cmp::Reverse(event.articles.len()), *index));
    ranked.truncate(limit);
    ranked.sort_by_key(|(index, _)| *index);
    ranked
        .into_iter()
        .filter_map(|(_, event)| {
            let source = event.sources.first()?;
            let document = corpus.document(&source.article)?;
            Some(EventSummary {
                date: event.date.clone(),
                label: event.label.clone(),
                articles: event.articles.len(),
                href: position_query(document, source.sentence).href(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::article::parse_article;

    fn corpus() -> Corpus {
        let files: [(&str, &str); 3] = [
            ("one.md", "---\ntitle: First\noutlet: Wire\ndate: 2025-09-04\n---\nMore than 30 countries took part in the summit in Paris on Thursday. The talks began on Monday. Again, more than 30 countries took part in the summit."),
            ("two.md", "---\ntitle: Second\ndate: 2025-09-04\n---\nExactly 26 countries took part in the summit in Paris on Thursday."),
            ("three.md", "---\ntitle: Third\ndate: 2025-09-05\n---\nLeaders met in Paris on September 4 for the summit."),
        ];
        Corpus::from_articles(files.iter().map(|(name, text)| parse_article(name, text.as_bytes()).expect("valid article")).collect())
    }

    #[test]
    fn conflicts_name_each_figure_and_its_source() {
        let corpus = corpus();
        let summaries = conflict_summaries(&corpus);
        assert_eq!(summaries.len(), 1, "{summaries:?}");
        let conflict = &summaries[0];
        assert!(conflict.href.starts_with("?view=conflicts&group="), "{}", conflict.href);
        let figures: Vec<(&str, &str)> = conflict.figures.iter().map(|f| (f.interval.as_str(), f.source.as_str())).collect();
        assert_eq!(figures, [("(30, ∞)", "Wire"), ("26", "Second")], "outlet, else title; a repeat once");
        assert!(conflict.figures[0].href.starts_with("?article=one&at="), "{}", conflict.figures[0].href);
    }

    #[test]
    fn key_events_are_the_most_reported_in_date_order() {
        let corpus = corpus();
        let all = key_events(&corpus, 10);
        assert!(all.windows(2).all(|w| w[0].date <= w[1].date), "date order: {all:?}");
        let top = key_events(&corpus, 1);
        assert_eq!(top.len(), 1);
        assert_eq!(top[0].articles, all.iter().map(|e| e.articles).max().unwrap(), "the most reported: {all:?}");
        assert!(top[0].href.starts_with("?article="), "links to the sentence: {}", top[0].href);
    }
}
