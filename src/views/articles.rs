use crate::app::SharedCorpus;
use crate::query::Query;
use leptos::prelude::*;

/// Every article with its date and outlet, linking to the reader.
#[component]
pub fn ArticleList(corpus: SharedCorpus) -> impl IntoView {
    let rows = corpus
        .documents
        .iter()
        .map(|doc| {
            let article = &doc.article;
            view! {
                <li data-testid="article-item">
                    <a href=Query::article(&article.id).href()>{article.title.clone()}</a>
                    <span class="meta">
                        {article.outlet.clone().unwrap_or_else(|| "Unknown outlet".into())}
                        " · "
                        {article.date.map_or_else(|| "undated".to_string(), |d| d.to_string())}
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="articles-heading">
            <h1 id="articles-heading">"Articles"</h1>
            <p class="lede">{format!("{} articles in this corpus.", corpus.documents.len())}</p>
            <ul class="article-list">{rows}</ul>
        </section>
    }
}
