//! The articles embedded at build time, what was extracted from each, and the cross-article
//! analysis — all computed once when the corpus loads; views only read them.

use triangulate_core::analysis::{self, Analysis};
use triangulate_core::{Article, Document};

/// The JSON written by `build.rs` from the `articles/` folder.
const EMBEDDED_ARTICLES: &str = include_str!(concat!(env!("OUT_DIR"), "/articles.json"));

pub struct Corpus {
    pub documents: Vec<Document>,
    pub analysis: Analysis,
}

impl Corpus {
    /// The corpus embedded in this build. The JSON was produced by the same crate's serializer in
    /// `build.rs`, so a parse failure is a build defect, reported as such.
    pub fn embedded() -> Result<Corpus, String> {
        let articles: Vec<Article> =
            serde_json::from_str(EMBEDDED_ARTICLES).map_err(|e| format!("embedded corpus is corrupt: {e}"))?;
        Ok(Corpus::from_articles(articles))
    }

    pub fn from_articles(articles: Vec<Article>) -> Corpus {
        let documents: Vec<Document> = articles.into_iter().map(Document::new).collect();
        let analysis = analysis::analyze(&documents);
        Corpus { documents, analysis }
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.article.id == id)
    }

    /// The article's title, or its id when the article is unknown.
    pub fn title<'a>(&'a self, id: &'a str) -> &'a str {
        self.document(id).map_or(id, |d| d.article.title.as_str())
    }
}
