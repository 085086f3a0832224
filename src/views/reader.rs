use crate::app::SharedCorpus;
use crate::components::highlight::{Highlighted, Mark};
use crate::model::entities::{kind_class, kind_title};
use crate::model::reader::{legend, paragraphs, reader_marks};
use crate::query::{Query, View};
use leptos::html::Div;
use leptos::prelude::*;
use triangulate_core::article::{DateSource, TitleSource};

/// One article: title, where its date came from, and its text with paragraphs kept, entities,
/// quotes and dates highlighted, and the `at` position outlined.
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
    let marks = reader_marks(&corpus, doc, &query);
    let paragraphs = paragraphs(&article.text)
        .into_iter()
        .skip(usize::from(skip_headline))
        .map(|block| {
            let marks: Vec<Mark> = marks.iter().filter_map(|m| m.within(block)).collect();
            view! { <p><Highlighted text=block.text(&article.text) marks/></p> }
        })
        .collect_view();
    let source_link = article.url.clone().map(|url| view! { " · " <a href=url rel="noopener noreferrer">"Original article"</a> });
    let text_ref = NodeRef::<Div>::new();
    Effect::new(move |_| scroll_to_target(text_ref.get()));
    view! {
        <article class="reader" data-testid="reader">
            <h1 data-testid="article-title">{article.title.clone()}</h1>
            <p class="meta">
                {article.outlet.clone().unwrap_or_else(|| "Unknown outlet".into())}
                " · " {date} {source_link}
            </p>
            <Legend query/>
            <div class="article-text" data-testid="article-text" node_ref=text_ref>{paragraphs}</div>
        </article>
    }
    .into_any()
}

/// Runs after the page is in the document (and after a followed link scrolled to the top).
fn scroll_to_target(text: Option<web_sys::HtmlDivElement>) {
    if let Some(target) = text.and_then(|text| text.query_selector(".at-target").ok().flatten()) {
        target.scroll_into_view_with_bool(true);
    }
}

/// What the colours mean; each entity type is a link that shows or hides it (`type=`).
#[component]
fn Legend(query: Query) -> impl IntoView {
    let entries = legend(&query)
        .into_iter()
        .map(|entry| {
            let action = if entry.shown { "Hide" } else { "Show" };
            let state = if entry.shown { "shown" } else { "hidden" };
            let title = kind_title(entry.kind);
            view! {
                <li>
                    <a
                        class=format!("legend-item hl {} {state}", kind_class(entry.kind))
                        href=entry.href
                        aria-label=format!("{action} {}", title.to_lowercase())
                        data-testid=format!("legend-{}", entry.kind.label())
                        data-state=state
                    >
                        {title}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="legend" aria-label="Highlights" data-testid="legend">
            <ul>
                {entries}
                <li><span class="legend-item hl hl-quote">"Quotes"</span></li>
                <li><span class="legend-item hl hl-date">"Dates"</span></li>
            </ul>
            <p class="hint">"Select a type to show or hide it. Focus a highlight for details."</p>
        </nav>
    }
}
