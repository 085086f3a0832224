//! Cross-article analysis: what several articles about one event agree on, disagree on, and
//! share. [`analyze`] takes extracted [`Document`]s and returns an [`Analysis`]:
//!
//! - [`CorpusEntity`]: each article's entities merged across articles (transliterations,
//!   titles, surname-only mentions), with the reason for every merge;
//! - [`QuoteGroup`]: one statement as reported by several articles, with similarity and word diffs;
//! - [`ClaimGroup`]: numeric claims about the same thing, flagged `conflict` / `corroborated`;
//! - [`ArticlePair`]: rewrites and near-duplicates, with the shared passages located;
//! - [`TimelineEvent`]: dated events across articles, duplicates folded;
//! - [`ArticleCoverage`]: what each article alone reports.
//!
//! Every id is derived from names or content, never from input positions, and every span is a
//! byte span into the article's `text`. Nothing is compared all-pairs: candidates come from
//! blocking keys, inverted indexes and MinHash LSH.
//!
//! ```
//! use triangulate_core::{analysis::analyze, article::parse_article, Document};
//! let docs: Vec<Document> = [
//!     ("a.txt", "Volodymyr Zelensky met Keir Starmer in Paris. More than 30 nations took part."),
//!     ("b.txt", "Volodymyr Zelenskyy thanked Starmer. Some 26 countries met in Paris."),
//! ]
//! .iter()
//! .map(|(file, text)| Document::new(parse_article(file, text.as_bytes()).unwrap()))
//! .collect();
//! let analysis = analyze(&docs);
//! let zelensky = analysis.entities.iter().find(|e| e.aliases.contains(&"Volodymyr Zelenskyy".to_string())).unwrap();
//! assert_eq!(zelensky.articles, ["a", "b"]);
//! ```

mod claims;
mod diff;
mod entities;
mod quotes;
mod similarity;
mod timeline;
mod words;
#[cfg(test)]
mod tests;

pub use claims::{ClaimGroup, ClaimMember};
pub use entities::{CorpusEntity, EntityMention, Merge};
pub use diff::{wdiff, word_diff, Change, DiffSegment};
pub use quotes::{QuoteGroup, QuoteMember};
pub use similarity::{ArticlePair, SharedPassage};
pub use timeline::{EventSource, TimelineEvent};

use crate::{Document, Span};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Most widely reported first.
    pub entities: Vec<CorpusEntity>,
    /// Statements reported by two or more articles.
    pub quote_groups: Vec<QuoteGroup>,
    /// Claims made by two or more articles; conflicts first.
    pub claim_groups: Vec<ClaimGroup>,
    /// Most similar first.
    pub similar_articles: Vec<ArticlePair>,
    /// By date; within a date, most widely reported first.
    pub timeline: Vec<TimelineEvent>,
    /// One per article, in input order.
    pub coverage: Vec<ArticleCoverage>,
}

/// What one article reports that no other article in the corpus does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleCoverage {
    pub article: String,
    /// Corpus entity ids named only here.
    pub entities: Vec<String>,
    /// Quotes (statement spans) no other article reports.
    pub quotes: Vec<Span>,
    /// Claims (number spans) no other article makes.
    pub claims: Vec<Span>,
}

/// Compares the articles of `docs` (ids must be distinct, as [`crate::article::load_dir`] ensures).
pub fn analyze(docs: &[Document]) -> Analysis {
    let entity_index = entities::merge_entities(docs);
    let quote_items = quotes::items(docs, &entity_index);
    let quote_groups = quotes::group_quotes(docs, &entity_index, &quote_items);
    let claim_groups = claims::group_claims(docs);
    let coverage = coverage(docs, &entity_index.entities, &quote_items, &quote_groups, &claim_groups);
    Analysis {
        entities: entity_index.entities,
        quote_groups,
        claim_groups,
        similar_articles: similarity::similar_articles(docs),
        timeline: timeline::merged_timeline(docs),
        coverage,
    }
}

fn coverage(
    docs: &[Document],
    entities: &[CorpusEntity],
    quote_items: &[quotes::Item],
    quote_groups: &[QuoteGroup],
    claim_groups: &[ClaimGroup],
) -> Vec<ArticleCoverage> {
    let shared_quotes: HashSet<(&str, Span)> =
        quote_groups.iter().flat_map(|g| g.members.iter().map(|m| (m.article.as_str(), m.span))).collect();
    let shared_claims: HashSet<(&str, Span)> =
        claim_groups.iter().flat_map(|g| g.members.iter().map(|m| (m.article.as_str(), m.span))).collect();
    let mut coverage: Vec<ArticleCoverage> = docs
        .iter()
        .map(|doc| ArticleCoverage {
            article: doc.article.id.clone(),
            entities: Vec::new(),
            quotes: Vec::new(),
            claims: doc.extraction.claims.iter().map(|c| c.span).filter(|&s| !shared_claims.contains(&(doc.article.id.as_str(), s))).collect(),
        })
        .collect();
    for item in quote_items {
        if !shared_quotes.contains(&(docs[item.doc].article.id.as_str(), item.span)) {
            coverage[item.doc].quotes.push(item.span);
        }
    }
    let position: std::collections::HashMap<&str, usize> = docs.iter().enumerate().map(|(i, d)| (d.article.id.as_str(), i)).collect();
    for entity in entities {
        if let [only] = entity.articles.as_slice() {
            if let Some(&index) = position.get(only.as_str()) {
                coverage[index].entities.push(entity.id.clone());
            }
        }
    }
    coverage
}

/// Makes ids unique after sorting by id: the second of equal ids gets `-2`, the third `-3`.
fn number_clashing_ids<'a>(ids: impl Iterator<Item = &'a mut String>) {
    let mut previous = String::new();
    let mut repeats = 0;
    for id in ids {
        if *id == previous {
            repeats += 1;
            id.push_str(&format!("-{}", repeats + 1));
        } else {
            previous = id.clone();
            repeats = 0;
        }
    }
}
