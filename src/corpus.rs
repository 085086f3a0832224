//! The articles embedded at build time and everything extracted from them.

use triangulate_core::{Article, Document};

/// The JSON written by `build.rs` from the `articles/` folder.
const EMBEDDED_ARTICLES: &str = include_str!(concat!(env!("OUT_DIR"), "/articles.json"));

pub struct Corpus {
    pub documents: Vec<Document>,
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
        let documents = articles.into_iter().map(Document::new).collect();
        Corpus { documents }
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.article.id == id)
    }
}
