use crate::app::SharedCorpus;
use crate::model::entities::{entity_rows, kind_class, kind_title};
use crate::model::quotes::quote_rows;
use crate::query::{Query, View};
use leptos::prelude::*;
use triangulate_core::ner::EntityKind;

/// How many of the most mentioned entities each type lists.
const TOP_ENTITIES: usize = 5;

/// The landing page: the articles, who and what they mention most, and how much was said and claimed.
#[component]
pub fn Overview(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let _ = query; // the overview has no filters yet
    let documents = &corpus.documents;
    let articles = documents
        .iter()
        .map(|doc| {
            let article = &doc.article;
            view! {
                <li data-testid="overview-article">
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
    let quotes = quote_rows(&corpus, &Query::view(View::Quotes)).len();
    let claims: usize = documents.iter().map(|d| d.extraction.claims.len()).sum();
    let top = [EntityKind::Person, EntityKind::Organization, EntityKind::Location]
        .into_iter()
        .map(|kind| view! { <TopEntities corpus=corpus.clone() kind/> })
        .collect_view();
    view! {
        <div class="overview" data-testid="overview">
            <h1>"Overview"</h1>
            <p class="lede">{format!("{} articles about one event, compared.", documents.len())}</p>
            <ul class="stats" aria-label="Corpus counts">
                <li><a href=Query::view(View::Quotes).href() data-testid="quote-total"><strong>{quotes}</strong>{plural(quotes, " quote")}</a></li>
                <li><a href=Query::view(View::Claims).href() data-testid="claim-total"><strong>{claims}</strong>{plural(claims, " claim")}</a></li>
            </ul>
            // Slot for a colleague: "conflicting claims first" and a small timeline go here.
            <section class="overview-conflicts" aria-label="Conflicting claims and timeline" data-testid="overview-conflicts"></section>
            <section aria-labelledby="overview-articles">
                <h2 id="overview-articles">"Articles"</h2>
                <ul class="article-list">{articles}</ul>
            </section>
            <section aria-labelledby="overview-entities">
                <h2 id="overview-entities">"Most mentioned"</h2>
                <div class="top-entities">{top}</div>
            </section>
        </div>
    }
}

/// The most mentioned entities of one type, linking to their pages.
#[component]
fn TopEntities(corpus: SharedCorpus, kind: EntityKind) -> impl IntoView {
    let filter = Query { types: vec![kind], ..Query::view(View::Entities) };
    let rows = entity_rows(&corpus, &filter);
    let (heading_id, labelled_by) = (format!("top-{}", kind.label()), format!("top-{}", kind.label()));
    let items = if rows.is_empty() {
        view! { <p class="empty">"None found."</p> }.into_any()
    } else {
        let items = rows
            .into_iter()
            .take(TOP_ENTITIES)
            .map(|row| {
                view! {
                    <li data-testid="top-entity">
                        <a href=row.href() class=format!("hl {}", kind_class(kind))>{row.name.clone()}</a>
                        " " <span class="meta">{format!("{} mentions", row.total)}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ol>{items}</ol> }.into_any()
    };
    view! {
        <section class="top" aria-labelledby=labelled_by>
            <h3 id=heading_id><a href=filter.href()>{kind_title(kind)}</a></h3>
            {items}
        </section>
    }
}

/// `word` with an "s" unless there is exactly one.
fn plural(count: usize, word: &str) -> String {
    if count == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
