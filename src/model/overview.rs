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
    /// Figures of the group beyond those listed.
    pub more_figures: usize,
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

/// The first `limit` conflicting claim groups, in the analysis order, each with its first
/// `figures` figures; an article repeating its own figure is counted once.
pub fn conflict_summaries(corpus: &Corpus, limit: usize, figures: usize) -> Vec<ConflictSummary> {
    corpus
        .analysis
        .claim_groups
        .iter()
        .filter(|group| group.conflict)
        .take(limit)
        .map(|group| {
            let distinct: Vec<_> = group
                .members
                .iter()
                .enumerate()
                .filter(|(index, member)| {
                    !group.members[..*index].iter().any(|m| m.article == member.article && m.interval == member.interval)
                })
                .map(|(_, member)| member)
                .collect();
            ConflictSummary {
                what: group.what.clone(),
                href: Query { group: Some(group.id.clone()), ..Query::view(View::Conflicts) }.href(),
                figures: distinct
                    .iter()
                    .take(figures)
                    .filter_map(|member| {
                        let document = corpus.document(&member.article)?;
                        Some(Figure {
                            text: member.text.clone(),
                            interval: member.interval.clone(),
                            source: document.article.outlet.clone().unwrap_or_else(|| document.article.title.clone()),
                            href: position_query(document, member.span).href(),
                        })
                    })
                    .collect(),
                more_figures: distinct.len().saturating_sub(figures),
            }
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
        let summaries = conflict_summaries(&corpus, 10, 10);
        assert_eq!(summaries.len(), 1, "{summaries:?}");
        let conflict = &summaries[0];
        assert!(conflict.href.starts_with("?view=conflicts&group="), "{}", conflict.href);
        let figures: Vec<(&str, &str)> = conflict.figures.iter().map(|f| (f.interval.as_str(), f.source.as_str())).collect();
        assert_eq!(figures, [("(30, ∞)", "Wire"), ("26", "Second")], "outlet, else title; a repeat once");
        assert_eq!(conflict.more_figures, 0);
        assert!(conflict.figures[0].href.starts_with("?article=one&at="), "{}", conflict.figures[0].href);
    }

    #[test]
    fn conflicts_and_their_figures_are_cut_at_the_limits() {
        let corpus = corpus();
        let cases = [("no conflicts", 0, 10, 0, vec![]), ("one figure", 1, 1, 1, vec![(1, 1)]), ("both figures", 1, 2, 1, vec![(2, 0)])];
        for (name, limit, figures, expected_conflicts, expected_figures) in cases {
            let summaries = conflict_summaries(&corpus, limit, figures);
            assert_eq!(summaries.len(), expected_conflicts, "{name}");
            let counts: Vec<(usize, usize)> = summaries.iter().map(|s| (s.figures.len(), s.more_figures)).collect();
            assert_eq!(counts, expected_figures, "{name}: (listed, more)");
        }
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
