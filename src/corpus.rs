//! The articles embedded at build time, what was extracted from each, and the cross-article
//! analysis — all computed once when the corpus loads; views only read them.

use std::collections::HashMap;
use triangulate_core::analysis::{self, Analysis, CorpusEntity};
use triangulate_core::{Article, Document, Extraction, Span};

/// The JSON written by `build.rs` from the `articles/` folder.
const EMBEDDED_ARTICLES: &str = include_str!(concat!(env!("OUT_DIR"), "/articles.json"));

pub struct Corpus {
    pub documents: Vec<Document>,
    pub analysis: Analysis,
    /// (article id, mention span) → index in `analysis.entities`: which corpus entity a mention
    /// belongs to, without a scan over every mention of the corpus per lookup.
    entity_at: HashMap<(String, Span), usize>,
}

/// The articles embedded in this build. The JSON was produced by the same crate's serializer in
/// `build.rs`, so a parse failure is a build defect, reported as such.
pub fn embedded_articles() -> Result<Vec<Article>, String> {
    serde_json::from_str(EMBEDDED_ARTICLES).map_err(|e| format!("embedded corpus is corrupt: {e}"))
}

impl Corpus {
    /// Extracts and analyses `articles` here and now (the worker does the same off the page).
    pub fn from_articles(articles: Vec<Article>) -> Corpus {
        let documents: Vec<Document> = articles.into_iter().map(Document::new).collect();
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
        let entity_at = analysis
            .entities
            .iter()
            .enumerate()
            .flat_map(|(index, entity)| entity.mentions.iter().map(move |m| ((m.article.clone(), m.span), index)))
            .collect();
        Corpus { documents, analysis, entity_at }
    }

    /// The corpus entity of the mention at `span` of `article`.
    pub fn entity_at(&self, article: &str, span: Span) -> Option<&CorpusEntity> {
        let index = *self.entity_at.get(&(article.to_string(), span))?;
        self.analysis.entities.get(index)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.article.id == id)
    }

    /// The article's title, or its id when the article is unknown.
    pub fn title<'a>(&'a self, id: &'a str) -> &'a str {
        self.document(id).map_or(id, |d| d.article.title.as_str())
    }
}
