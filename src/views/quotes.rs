use crate::app::SharedCorpus;
use crate::model::quotes::{article_choices, filtered, quote_rows, speaker_choices, Choice, QuoteRow};
use crate::nav::Nav;
use crate::query::{Query, QuoteKindFilter, View};
use leptos::prelude::*;

/// Every direct and reported quote, filtered by speaker, article and kind (all in the URL).
#[component]
pub fn Quotes(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let rows = quote_rows(&corpus, &query);
    let summary = match rows.len() {
        1 => "1 quote".to_string(),
        n => format!("{n} quotes"),
    };
    let list = if rows.is_empty() {
        view! {
            <p class="empty" data-testid="quotes-empty">
                "No quotes match these filters. " <a href=Query::view(View::Quotes).href()>"Clear the filters"</a>
            </p>
        }
        .into_any()
    } else {
        view! { <ol class="quote-list">{rows.into_iter().map(|row| view! { <QuoteItem row/> }).collect_view()}</ol> }.into_any()
    };
    view! {
        <section class="quotes" aria-labelledby="quotes-heading" data-testid="quotes">
            <h1 id="quotes-heading">"Quotes"</h1>
            <p class="lede">"Direct quotes and reported speech, with who said them and where."</p>
            <Filters corpus query/>
            <p class="meta" role="status" data-testid="quote-count">{summary}</p>
            {list}
        </section>
    }
}

#[component]
fn Filters(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let kinds = [(None, "All"), (Some(QuoteKindFilter::Direct), "Direct"), (Some(QuoteKindFilter::Indirect), "Indirect")]
        .into_iter()
        .map(|(kind, label)| {
            let href = filtered(query.speaker.clone(), query.article.clone(), kind).href();
            let current = (query.quote_kind == kind).then_some("page");
            view! { <li><a href=href aria-current=current data-testid=format!("kind-{}", label.to_lowercase())>{label}</a></li> }
        })
        .collect_view();
    let (speaker, article) = (query.speaker.clone(), query.article.clone());
    let kind = query.quote_kind;
    let by_speaker = move |value: Option<String>| filtered(value, article.clone(), kind);
    let by_article = move |value: Option<String>| filtered(speaker.clone(), value, kind);
    view! {
        <div class="filters" role="group" aria-label="Filter quotes">
            <nav aria-label="Quote kind" class="tabs"><ul>{kinds}</ul></nav>
            <FilterSelect label="Speaker" testid="speaker-filter" all="All speakers" choices=speaker_choices(&corpus)
                selected=query.speaker.clone() target=by_speaker/>
            <FilterSelect label="Article" testid="article-filter" all="All articles" choices=article_choices(&corpus)
                selected=query.article.clone() target=by_article/>
        </div>
    }
}

/// A labelled select whose change goes to the query `target` builds from the chosen value.
#[component]
fn FilterSelect(
    label: &'static str,
    testid: &'static str,
    all: &'static str,
    choices: Vec<Choice>,
    selected: Option<String>,
    target: impl Fn(Option<String>) -> Query + 'static,
) -> impl IntoView {
    let nav = use_context::<Nav>();
    let options = choices
        .into_iter()
        .map(|choice| {
            let is_selected = selected.as_ref() == Some(&choice.value);
            view! { <option value=choice.value selected=is_selected>{format!("{} ({})", choice.label, choice.count)}</option> }
        })
        .collect_view();
    let on_change = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        if let Some(nav) = nav {
            nav.go(&target((!value.is_empty()).then_some(value)));
        }
    };
    view! {
        <label class="select">
            <span>{label}</span>
            <select data-testid=testid on:change=on_change>
                <option value="" selected=selected.is_none()>{all}</option>
                {options}
            </select>
        </label>
    }
}

#[component]
fn QuoteItem(row: QuoteRow) -> impl IntoView {
    let speaker = match (row.speaker, row.speaker_id) {
        (Some(name), Some(id)) => {
            view! { <a href=filtered(Some(id), None, None).href() title="All quotes of this speaker">{name}</a> }.into_any()
        }
        (Some(name), None) => name.into_any(),
        (None, _) => view! { <span class="muted">"Speaker not identified"</span> }.into_any(),
    };
    let kind = match (row.kind, row.mixed) {
        (QuoteKindFilter::Direct, _) => "direct",
        (QuoteKindFilter::Indirect, false) => "indirect",
        (QuoteKindFilter::Indirect, true) => "indirect, partly quoted",
    };
    view! {
        <li class=format!("quote-item hl-{}", row.kind.name()) data-testid="quote-item" data-kind=row.kind.name()>
            <blockquote>{row.continues_previous.then_some("… ")}{row.text}</blockquote>
            <p class="meta">
                <span class="speaker">{speaker}</span>
                {row.venue.map(|venue| format!(" · in {venue}"))}
                " · " {kind} " · "
                <a href=row.href data-testid="quote-link">{format!("In “{}”", row.article_title)}</a>
            </p>
        </li>
    }
}
