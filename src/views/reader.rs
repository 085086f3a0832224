use crate::app::SharedCorpus;
use crate::query::{Query, View};
use leptos::prelude::*;
use triangulate_core::article::{DateSource, TitleSource};

/// One article: title, where its date came from, and its text with paragraphs kept.
#[component]
pub fn Reader(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let id = query.article.clone().unwrap_or_default();
    let Some(doc) = corpus.document(&id) else {
        return view! {
            <section class="not-found" data-testid="not-found">
                <h1>"Article not found"</h1>
                <p>"No article has the id " <code>{id}</code> ". It may have been renamed or removed from the corpus."</p>
                <p><a href=Query::view(View::Articles).href()>"Back to all articles"</a></p>
            </section>
        }
        .into_any();
    };
    let article = &doc.article;
    let date = match (article.date, article.date_source) {
        (Some(date), DateSource::FrontMatter) => format!("{date} (from front matter)"),
        (Some(date), DateSource::DateLine) => format!("{date} (from the date line)"),
        (Some(date), _) => date.to_string(),
        (None, _) => "date unknown".to_string(),
    };
    let skip_headline = article.title_source == TitleSource::Headline;
    let paragraphs = paragraphs(&article.text)
        .skip(usize::from(skip_headline))
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view();
    let source_link = article.url.clone().map(|url| view! { <a href=url rel="noopener noreferrer">"Original article"</a> });
    view! {
        <article class="reader" data-testid="reader">
            <h1 data-testid="article-title">{article.title.clone()}</h1>
            <p class="meta">
                {article.outlet.clone().unwrap_or_else(|| "Unknown outlet".into())}
                " · " {date} " · " {source_link}
            </p>
            <div class="article-text" data-testid="article-text">{paragraphs}</div>
        </article>
    }
    .into_any()
}

/// Non-empty lines: news files use blank lines or single newlines between paragraphs.
fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|line| !line.is_empty())
}
