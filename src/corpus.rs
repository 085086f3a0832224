//! The articles embedded at build time, what was extracted from each, and the cross-article
//! analysis — all computed once when the corpus loads; views only read them.

use std::collections::HashMap;
use triangulate_core::analysis::{self, Analysis, CorpusEntity, QuoteGroup};
use triangulate_core::{Article, Document, Extraction, Span};

/// The JSON written by `build.rs` from the `articles/` folder.
const EMBEDDED_ARTICLES: &str = include_str!(concat!(env!("OUT_DIR"), "/articles.json"));

pub struct Corpus {
    pub documents: Vec<Document>,
    pub analysis: Analysis,
    /// Article id → index in `documents`.
    document_at: HashMap<String, usize>,
    /// Per document, mention span → index in `analysis.entities`: which corpus entity a mention
    /// belongs to, without a scan over every mention of the corpus per lookup.
    entity_at: Vec<HashMap<Span, usize>>,
    /// Per document, its quotes that the analysis grouped, as (span, index in
    /// `analysis.quote_groups`): a quote's group without a scan over every group per quote.
    grouped_quotes: Vec<Vec<(Span, usize)>>,
}

/// The articles embedded in this build. The JSON was produced by the same crate's serializer in
/// `build.rs`, so a parse failure is a build defect, reported as such.
pub fn embedded_articles() -> Result<Vec<Article>, String> {
    serde_json::from_str(EMBEDDED_ARTICLES).map_err(|e| format!("embedded corpus is corrupt: {e}"))
}

impl Corpus {
    /// Extracts and analyses `articles` here and now (the worker does the same off the page).
    pub fn from_articles(articles: Vec<Article>) -> Corpus {
        Corpus::from_documents(articles.into_iter().map(Document::new).collect())
    }

    /// Analyses articles already extracted.
    pub fn from_documents(documents: Vec<Document>) -> Corpus {
        let analysis = analysis::analyze(&documents);
        Corpus::new(documents, analysis)
    }

    /// Puts back together what the analysis worker computed: one extraction per article, in order.
    pub fn from_parts(articles: Vec<Article>, extractions: Vec<Extraction>, analysis: Analysis) -> Result<Corpus, String> {
        if articles.len() != extractions.len() {
            return Err(format!("the analysis covers {} of {} articles", extractions.len(), articles.len()));
        }
        let documents = articles.into_iter().zip(extractions).map(|(article, extraction)| Document { article, extraction }).collect();
        Ok(Corpus::new(documents, analysis))
    }

    fn new(documents: Vec<Document>, analysis: Analysis) -> Corpus {
        let document_at: HashMap<String, usize> = documents.iter().enumerate().map(|(index, d)| (d.article.id.clone(), index)).collect();
        let mut entity_at = vec![HashMap::new(); documents.len()];
        for (index, entity) in analysis.entities.iter().enumerate() {
            for mention in &entity.mentions {
                if let Some(&document) = document_at.get(&mention.article) {
                    entity_at[document].insert(mention.span, index);
                }
            }
        }
        let mut grouped_quotes = vec![Vec::new(); documents.len()];
        for (index, group) in analysis.quote_groups.iter().enumerate() {
            for member in &group.members {
                if let Some(&document) = document_at.get(&member.article) {
                    grouped_quotes[document].push((member.span, index));
                }
            }
        }
        Corpus { documents, analysis, document_at, entity_at, grouped_quotes }
    }

    /// The corpus entity of the mention at `span` of `article`.
    pub fn entity_at(&self, article: &str, span: Span) -> Option<&CorpusEntity> {
        let index = *self.entity_at[*self.document_at.get(article)?].get(&span)?;
        self.analysis.entities.get(index)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.get(*self.document_at.get(id)?)
    }

    /// The first quote group (in the analysis' order) with a member of `article` inside `span`.
    pub fn quote_group_within(&self, article: &str, span: Span) -> Option<&QuoteGroup> {
        let members = &self.grouped_quotes[*self.document_at.get(article)?];
        let index = members.iter().filter(|(member, _)| span.contains(*member)).map(|&(_, index)| index).min()?;
        self.analysis.quote_groups.get(index)
    }

    /// The article's title, or its id when the article is unknown.
    pub fn title<'a>(&'a self, id: &'a str) -> &'a str {
        self.document(id).map_or(id, |d| d.article.title.as_str())
    }
}
