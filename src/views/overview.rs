use crate::app::SharedCorpus;
use crate::model::entities::{entity_rows, kind_class, kind_title};
use crate::model::{counted, noun};
use crate::model::overview::{conflict_summaries, key_events};
use crate::views::articles::article_row;
use crate::model::quotes::speech_count;
use crate::query::{Query, View};
use leptos::prelude::*;
use triangulate_core::ner::EntityKind;

/// How many articles the overview lists; the Articles view has them all.
const OVERVIEW_ARTICLES: usize = 12;

/// How many of the most mentioned entities each type lists.
const TOP_ENTITIES: usize = 5;

/// The landing page: the articles, who and what they mention most, and how much was said and claimed.
#[component]
pub fn Overview(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let _ = query; // the overview has no filters yet
    let documents = &corpus.documents;
    let articles = documents.iter().take(OVERVIEW_ARTICLES).map(|doc| article_row(&doc.article, "overview-article")).collect_view();
    let all_articles = (documents.len() > OVERVIEW_ARTICLES).then(|| {
        view! { <p><a href=Query::view(View::Articles).href()>{format!("All {} articles", documents.len())}</a></p> }
    });
    let quotes: usize = documents.iter().map(speech_count).sum();
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
                <li><a href=Query::view(View::Quotes).href() data-testid="quote-total"><strong>{quotes}</strong>" "{noun(quotes, "quote", "quotes")}</a></li>
                <li><a href=Query::view(View::Claims).href() data-testid="claim-total"><strong>{claims}</strong>" "{noun(claims, "claim", "claims")}</a></li>
            </ul>
            <div class="overview-digest">
                <Conflicting corpus=corpus.clone()/>
                <KeyEvents corpus=corpus.clone()/>
            </div>
            <section aria-labelledby="overview-articles">
                <h2 id="overview-articles">"Articles"</h2>
                <ul class="article-list">{articles}</ul>
                {all_articles}
            </section>
            <section aria-labelledby="overview-entities">
                <h2 id="overview-entities">"Most mentioned"</h2>
                <div class="top-entities">{top}</div>
            </section>
        </div>
    }
}

/// How many conflicts the overview lists, and how many figures of each; the Conflicts view has
/// them all (a corpus of thousands of articles has dozens, some with 80 figures).
const OVERVIEW_CONFLICTS: usize = 6;
const FIGURES_PER_CONFLICT: usize = 5;

/// Figures the articles contradict each other on, each linking to its group and its sources.
#[component]
fn Conflicting(corpus: SharedCorpus) -> impl IntoView {
    let summaries = conflict_summaries(&corpus, OVERVIEW_CONFLICTS, FIGURES_PER_CONFLICT);
    let conflicts = corpus.analysis.claim_groups.iter().filter(|g| g.conflict).count();
    let corroborated = corpus.analysis.claim_groups.iter().filter(|g| g.corroborated && !g.conflict).count();
    let items = summaries
        .into_iter()
        .map(|summary| {
            let more = (summary.more_figures > 0).then(|| {
                view! { <li class="meta"><a href=summary.href.clone()>{format!("and {} more", summary.more_figures)}</a></li> }
            });
            let figures = summary
                .figures
                .into_iter()
                .map(|f| {
                    view! {
                        <li>
                            <a href=f.href title=f.interval><strong>{f.text}</strong></a>
                            <span class="meta source">{f.source}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <li data-testid="overview-conflict">
                    <a href=summary.href>{summary.what}</a>
                    <ul class="figures" aria-label="Figures reported">{figures}{more}</ul>
                </li>
            }
        })
        .collect_view();
    let conflicts_link = Query::view(View::Conflicts).href();
    let all_conflicts = (conflicts > OVERVIEW_CONFLICTS).then(|| {
        view! { <p><a href=conflicts_link.clone() data-testid="all-conflicts">{format!("All {conflicts} conflicts")}</a></p> }
    });
    view! {
        <section aria-labelledby="overview-conflicts" data-testid="overview-conflicts">
            <h2 id="overview-conflicts"><a href=conflicts_link.clone()>"Conflicting figures"</a></h2>
            {if items.is_empty() {
                view! { <p class="empty">"No article contradicts another's figures."</p> }.into_any()
            } else {
                view! { <ul class="conflict-list">{items}</ul> }.into_any()
            }}
            {all_conflicts}
            <p class="meta"><a href=conflicts_link>{counted(corroborated, "figure", "figures")} " corroborated by several articles"</a></p>
        </section>
    }
}

/// How many events the overview's small timeline shows.
const KEY_EVENTS: usize = 6;

/// The events the most articles report, in date order, each linking to its sentence.
#[component]
fn KeyEvents(corpus: SharedCorpus) -> impl IntoView {
    let events = key_events(&corpus, KEY_EVENTS);
    let items = events
        .into_iter()
        .map(|event| {
            view! {
                <li data-testid="overview-event">
                    <time datetime=event.date.clone()>{event.date.clone()}</time>
                    <a href=event.href>{event.label}</a>
                    <span class="meta">{counted(event.articles, "article", "articles")}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="overview-events" data-testid="overview-timeline">
            <h2 id="overview-events"><a href=Query::view(View::Timeline).href()>"Key dates"</a></h2>
            {if items.is_empty() {
                view! { <p class="empty">"No dated events."</p> }.into_any()
            } else {
                view! { <ol class="key-events">{items}</ol> }.into_any()
            }}
        </section>
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

