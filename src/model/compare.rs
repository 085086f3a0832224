//! Two articles side by side: which pair to show, the passages they share, and the claims and
//! quotes on which they differ.

use crate::corpus::Corpus;
use triangulate_core::analysis::{ArticlePair, ClaimGroup};
use triangulate_core::Span;

/// What the Compare view shows for articles `left` and `right`.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub left: String,
    pub right: String,
    /// Shingle similarity (0–1); 0 when the analysis found no overlap worth reporting.
    pub score: f64,
    /// Shared passages as (span in left, span in right).
    pub passages: Vec<(Span, Span)>,
    /// Claim groups both articles report, with their figures differing or conflicting.
    pub differing_claims: Vec<ClaimDifference>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimDifference {
    pub group_id: String,
    pub what: String,
    pub conflict: bool,
    /// The figures as each article states them (interval text and claim span).
    pub left: Vec<(String, Span)>,
    pub right: Vec<(String, Span)>,
}

/// The pair to compare when the URL names none: the most similar pair, else the first two articles.
pub fn default_pair(corpus: &Corpus) -> Option<(String, String)> {
    let best = corpus.analysis.similar_articles.iter().max_by(|x, y| x.score.total_cmp(&y.score));
    match best {
        Some(pair) => Some((pair.a.clone(), pair.b.clone())),
        None => match corpus.documents.as_slice() {
            [a, b, ..] => Some((a.article.id.clone(), b.article.id.clone())),
            _ => None,
        },
    }
}

pub fn compare(corpus: &Corpus, left: &str, right: &str) -> Comparison {
    let pair = corpus.analysis.similar_articles.iter().find(|p| is_pair(p, left, right));
    let passages = pair.map_or_else(Vec::new, |p| {
        p.passages.iter().map(|s| if p.a == left { (s.a, s.b) } else { (s.b, s.a) }).collect()
    });
    let differing_claims = corpus
        .analysis
        .claim_groups
        .iter()
        .filter_map(|group| claim_difference(group, left, right))
        .collect();
    Comparison {
        left: left.to_string(),
        right: right.to_string(),
        score: pair.map_or(0.0, |p| p.score),
        passages,
        differing_claims,
    }
}

fn is_pair(pair: &ArticlePair, left: &str, right: &str) -> bool {
    (pair.a == left && pair.b == right) || (pair.a == right && pair.b == left)
}

/// A claim group in which both articles have figures and these are not all the same interval.
fn claim_difference(group: &ClaimGroup, left: &str, right: &str) -> Option<ClaimDifference> {
    let figures = |article: &str| -> Vec<(String, Span)> {
        group.members.iter().filter(|m| m.article == article).map(|m| (m.interval.clone(), m.span)).collect()
    };
    let (l, r) = (figures(left), figures(right));
    if l.is_empty() || r.is_empty() {
        return None;
    }
    let same = l.iter().all(|(a, _)| r.iter().all(|(b, _)| a == b));
    (!same).then(|| ClaimDifference {
        group_id: group.id.clone(),
        what: group.what.clone(),
        conflict: group.conflict,
        left: l,
        right: r,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::article::parse_article;

    fn corpus(files: &[(&str, &str)]) -> Corpus {
        let articles = files.iter().map(|(name, text)| parse_article(name, text.as_bytes()).expect("valid test article")).collect();
        Corpus::from_articles(articles)
    }

    #[test]
    fn rewrite_pair_is_the_default_and_its_passages_are_oriented() {
        let shared = "Leaders of more than thirty nations gathered at the palace to discuss security guarantees for Ukraine after the war ends, and several pledged troops for a reassurance force.";
        let corpus = corpus(&[
            ("a.txt", &format!("The summit opened in Paris. {shared} Talks went late.")),
            ("b.txt", "An unrelated story about farming subsidies in Iowa and the price of corn this season."),
            ("c.txt", &format!("{shared} Reporters waited outside.")),
        ]);
        assert_eq!(default_pair(&corpus), Some(("a".to_string(), "c".to_string())), "the rewrite pair");
        let comparison = compare(&corpus, "c", "a");
        assert!(comparison.score > 0.3, "similar: {}", comparison.score);
        let (in_c, in_a) = comparison.passages.first().copied().expect("a shared passage");
        let c_text = &corpus.document("c").unwrap().article.text;
        let a_text = &corpus.document("a").unwrap().article.text;
        assert_eq!(in_c.text(c_text), in_a.text(a_text), "left spans point into the left article");
    }

    #[test]
    fn conflicting_figures_are_listed_per_side() {
        let corpus = corpus(&[
            ("a.txt", "More than 30 nations met in Paris on Thursday to discuss Ukraine."),
            ("b.txt", "Leaders from 26 nations met in Paris on Thursday to discuss Ukraine."),
        ]);
        let comparison = compare(&corpus, "a", "b");
        let difference = comparison.differing_claims.first().expect("the participants claims differ");
        assert!(difference.conflict, "(30, ∞) and 26 cannot both hold: {difference:?}");
        assert_eq!(difference.left.len(), 1);
        assert_eq!(difference.right.len(), 1);
    }
}
