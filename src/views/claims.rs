//! `?view=claims&article=<id>&q=<text>&sort=-value`: the numbers the articles state, as a
//! filterable, sortable table linked to the reader.

use crate::app::SharedCorpus;
use crate::components::export::{ExportButtons, ShownRows, Table, SHOWN_ROWS};
use crate::components::highlight::{Highlighted, Mark};
use crate::components::sort::SortHeader;
use crate::model::claims::{self, ClaimRow};
use crate::nav::Nav;
use crate::query::{Query, SortKey, View};
use crate::views::search::Typing;
use leptos::prelude::*;

const FILTER_ID: &str = "claims-filter";

#[component]
pub fn Claims(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let rows = claims::rows(&corpus.documents, &query);
    let total: usize = corpus.documents.iter().map(|d| d.extraction.claims.len()).sum();
    let table = Table::new(&claims::HEADERS, rows.iter().map(ClaimRow::cells));
    let count = format!("{} of {total} claims", rows.len());
    let body = if rows.is_empty() {
        let clear = Query { sort: query.sort, ..Query::view(View::Claims) };
        view! {
            <p class="empty" data-testid="claims-empty">
                "No claims match these filters. " <a href=clear.href()>"Clear the filters"</a>
            </p>
        }
        .into_any()
    } else {
        claims_table(&query, rows).into_any()
    };
    view! {
        <section class="claims" aria-labelledby="claims-heading" data-testid="claims">
            <h1 id="claims-heading">"Claims"</h1>
            <p class="lede">"Every number the articles state as a fact, with what it counts and who it concerns. Intervals show qualifiers: “more than 30” is (30, ∞)."</p>
            <form role="search" class="filters" aria-label="Filter claims" on:submit=|event| event.prevent_default()>
                <ArticleFilter corpus=corpus.clone() query=query.clone()/>
                <TextFilter id=FILTER_ID label="Containing" query=query.clone()/>
            </form>
            <div class="table-tools">
                <p class="meta" data-testid="claims-count">{count}</p>
                <ExportButtons name="claims" table/>
            </div>
            {body}
        </section>
    }
}

fn claims_table(query: &Query, rows: Vec<ClaimRow>) -> impl IntoView {
    let sortable = |key: SortKey, label: &'static str| view! { <SortHeader query=query.clone() key label/> };
    let total = rows.len();
    let rows = rows.into_iter().take(SHOWN_ROWS).map(claim_row).collect_view();
    view! {
        <div class="table-wrap" role="region" aria-labelledby="claims-caption" tabindex="0">
            <table class="data" data-testid="claims-table">
                <caption id="claims-caption" class="visually-hidden">"Numeric claims; column headers sort"</caption>
                <thead>
                    <tr>
                        {sortable(SortKey::Value, "Value")}
                        {sortable(SortKey::Thing, "Counted")}
                        <th scope="col">"Subject"</th>
                        <th scope="col">"Predicate"</th>
                        {sortable(SortKey::Date, "Date")}
                        {sortable(SortKey::Article, "Article")}
                        <th scope="col">"Sentence"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <ShownRows total/>
    }
}

fn claim_row(row: ClaimRow) -> impl IntoView {
    let marks = vec![Mark { span: row.number, class: "hl hl-num".into(), label: None, href: None, target: false }];
    view! {
        <tr data-testid="claim-row">
            <td class="value" data-testid="claim-value">{row.interval}</td>
            <td>{row.thing}</td>
            <td>{row.subject}</td>
            <td>{row.predicate}</td>
            <td class="nowrap">{row.date}</td>
            <td class="article-cell">
                <a href=row.reader.href() title="Open the article at this number" data-testid="claim-link">{row.article_title}</a>
            </td>
            <td class="sentence"><Highlighted text=row.sentence marks/></td>
        </tr>
    }
}

/// A select of the corpus' articles bound to `article`; changing it goes to the new URL.
#[component]
pub fn ArticleFilter(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let nav = use_context::<Nav>();
    let selected = query.article.clone();
    let options = corpus
        .documents
        .iter()
        .map(|doc| {
            let id = doc.article.id.clone();
            let is_selected = selected.as_ref() == Some(&id);
            view! { <option value=id selected=is_selected>{doc.article.title.clone()}</option> }
        })
        .collect_view();
    let on_change = move |event: web_sys::Event| {
        let id = event_target_value(&event);
        let next = Query { article: (!id.is_empty()).then_some(id), at: None, ..query.clone() };
        if let Some(nav) = nav {
            nav.go(&next);
        }
    };
    view! {
        <label class="field">
            <span>"Article"</span>
            <select data-testid="article-filter" on:change=on_change>
                <option value="" selected=selected.is_none()>"All articles"</option>
                {options}
            </select>
        </label>
    }
}

/// A text box bound to `q`: the URL follows typing (replacing the entry), Enter adds an entry.
#[component]
pub fn TextFilter(id: &'static str, label: &'static str, query: Query) -> impl IntoView {
    let typing = Typing::new(id);
    let base = StoredValue::new(query.clone());
    view! {
        <label class="field">
            <span>{label}</span>
            <input id=id type="search" autocomplete="off" data-testid="text-filter"
            prop:value=query.text.clone().unwrap_or_default()
            on:input=move |event| typing.typed(base.get_value(), &event)
            on:keydown=move |event: web_sys::KeyboardEvent| {
                if event.key() == "Enter" {
                    event.prevent_default();
                    typing.submit(&base.get_value(), &event_target_value(&event));
                }
            }/>
        </label>
    }
}
