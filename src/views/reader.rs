use crate::app::SharedCorpus;
use crate::components::highlight::{Highlighted, Mark};
use crate::model::entities::{kind_class, kind_title};
use crate::model::reader::{coverage, legend, paragraphs, reader_marks, Coverage, Link, Shared};
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
    let coverage = coverage_section(coverage(&corpus, doc));
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
            {coverage}
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

/// What only this article reports, each at its position, and the rest with the other articles
/// carrying it.
fn coverage_section(coverage: Coverage) -> impl IntoView {
    let alone = [
        ("Entities", "entities", coverage.entities),
        ("Quotes", "quotes", coverage.quotes),
        ("Figures", "claims", coverage.claims),
    ]
    .into_iter()
    .map(|(title, testid, links)| {
        let list = if links.is_empty() {
            view! { <p class="meta">"None: other articles report them all."</p> }.into_any()
        } else {
            let items = links.into_iter().map(|link| view! { <li><a href=link.href>{link.text}</a></li> }).collect_view();
            view! { <ul data-testid=format!("coverage-only-{testid}")>{items}</ul> }.into_any()
        };
        view! { <section class="coverage-part"><h3>{title}</h3>{list}</section> }
    })
    .collect_view();
    let entity_count = coverage.shared_entities.len();
    view! {
        <section class="coverage no-print" aria-labelledby="coverage-heading" data-testid="coverage">
            <h2 id="coverage-heading">"What only this article reports"</h2>
            <div class="coverage-parts">{alone}</div>
            <h2>"Also in other articles"</h2>
            <section class="coverage-part">
                <h3>"Statements"</h3>
                {shared_list(coverage.shared_quotes, "quotes", "No other article reports a statement made here.")}
            </section>
            <section class="coverage-part">
                <h3>"Figures"</h3>
                {shared_list(coverage.shared_claims, "claims", "No other article gives a figure about the same thing.")}
            </section>
            <details class="coverage-part">
                <summary>{format!("Entities named in other articles too ({entity_count})")}</summary>
                {shared_list(coverage.shared_entities, "entities", "None.")}
            </details>
        </section>
    }
}

/// Each shared item here, then "also in" the other articles at their positions, then where they
/// are compared.
fn shared_list(items: Vec<Shared>, testid: &'static str, empty: &'static str) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="meta">{empty}</p> }.into_any();
    }
    let link = |link: Link| view! { <a href=link.href>{link.text}</a> };
    let items = items
        .into_iter()
        .map(|shared| {
            let others = shared.others.into_iter().enumerate().map(|(i, other)| view! { {(i > 0).then_some(", ")} {link(other)} }).collect_view();
            let compare = shared.compare.map(|compare| view! { " · " {link(compare)} });
            view! { <li>{link(shared.here)} <span class="muted">" — also in "</span> {others} {compare}</li> }
        })
        .collect_view();
    view! { <ul data-testid=format!("coverage-shared-{testid}")>{items}</ul> }.into_any()
}
