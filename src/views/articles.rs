use crate::app::SharedCorpus;
use crate::query::Query;
use leptos::prelude::*;
use triangulate_core::Article;

/// Every article with its date and outlet, linking to the reader.
#[component]
pub fn ArticleList(corpus: SharedCorpus) -> impl IntoView {
    let rows = corpus.documents.iter().map(|doc| article_row(&doc.article, "article-item")).collect_view();
    view! {
        <section aria-labelledby="articles-heading">
            <h1 id="articles-heading">"Articles"</h1>
            <p class="lede">{format!("{} articles in this corpus.", corpus.documents.len())}</p>
            <ul class="article-list">{rows}</ul>
        </section>
    }
}

/// An article's title linking to the reader, with its outlet and date.
pub fn article_row(article: &Article, testid: &'static str) -> impl IntoView {
    view! {
        <li data-testid=testid>
            <a href=Query::article(&article.id).href()>{article.title.clone()}</a>
            <span class="meta">
                {article.outlet.clone().unwrap_or_else(|| "Unknown outlet".into())}
                " · "
                {article.date.map_or_else(|| "undated".to_string(), |d| d.to_string())}
            </span>
        </li>
    }
}
