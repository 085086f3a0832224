//! `?view=quotes&speaker=&article=&kind=`: every quote; `min=2`: the statements several articles
//! report, per speaker, with word diffs; `group=<id>`: one such statement.

use crate::app::SharedCorpus;
use crate::components::export::{ExportButtons, ShownRows, Table, SHOWN_ROWS};
use crate::model::counted;
use crate::model::quotes::{
    article_choices, by_speaker, filters_of, group_cards, quote_rows, shows_groups, speaker_choices, Choice, GroupCard, MemberRow,
    QuoteRow, GROUP_HEADERS, ROW_HEADERS,
};
use crate::nav::Nav;
use crate::query::{Query, QuoteKindFilter, View};
use leptos::prelude::*;
use triangulate_core::analysis::{Change, DiffSegment};

/// Every direct and reported quote, or the statements several articles report, filtered by
/// speaker, article and kind (all in the URL).
#[component]
pub fn Quotes(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let (summary, table, body) = if shows_groups(&query) { groups(&corpus, &query) } else { quotes(&corpus, &query) };
    view! {
        <section class="quotes" aria-labelledby="quotes-heading" data-testid="quotes">
            <h1 id="quotes-heading">"Quotes"</h1>
            <p class="lede">"Direct quotes and reported speech, with who said them and where, and the statements several articles report."</p>
            <Filters corpus query/>
            <div class="table-tools">
                <p class="meta" role="status" data-testid="quote-count">{summary}</p>
                <ExportButtons name="quotes" table/>
            </div>
            {body}
        </section>
    }
}

/// The single quotes: summary, export and list.
fn quotes(corpus: &SharedCorpus, query: &Query) -> (String, Table, AnyView) {
    let rows = quote_rows(corpus, query);
    let summary = counted(rows.len(), "quote", "quotes");
    let table = Table::new(&ROW_HEADERS, rows.iter().map(QuoteRow::cells));
    let body = if rows.is_empty() {
        view! {
            <p class="empty" data-testid="quotes-empty">
                "No quotes match these filters. " <a href=Query::view(View::Quotes).href()>"Clear the filters"</a>
            </p>
        }
        .into_any()
    } else {
        let total = rows.len();
        let items = rows.into_iter().take(SHOWN_ROWS).map(|row| view! { <QuoteItem row/> }).collect_view();
        view! { <ol class="quote-list">{items}</ol> <ShownRows total/> }.into_any()
    };
    (summary, table, body)
}

/// The statements several articles report, per speaker: summary, export and cards.
fn groups(corpus: &SharedCorpus, query: &Query) -> (String, Table, AnyView) {
    let cards = group_cards(corpus, query);
    let summary = format!("{} reported by several articles", counted(cards.len(), "statement", "statements"));
    let table = Table::new(&GROUP_HEADERS, cards.iter().flat_map(GroupCard::rows));
    let all_groups = Query { min_weight: Some(2), ..Query::view(View::Quotes) }.href();
    let back = query.group.is_some().then(|| view! { <p><a href=all_groups.clone()>"All statements reported by several articles"</a></p> });
    let body = if cards.is_empty() {
        let reason = match &query.group {
            Some(id) => format!("No statement group has the id “{id}”. "),
            None => "No statement reported by several articles matches these filters. ".to_string(),
        };
        view! { <p class="empty" data-testid="groups-empty">{reason} <a href=all_groups>"Show all such statements"</a></p> }.into_any()
    } else {
        let selected = query.group.clone();
        let speakers = by_speaker(cards)
            .into_iter()
            .enumerate()
            .map(|(index, speaker)| {
                let (heading_id, labelled_by) = (format!("speaker-{index}"), format!("speaker-{index}"));
                let name = match (speaker.speaker, speaker.speaker_id) {
                    (Some(name), Some(id)) => {
                        let href = Query { speaker: Some(id), min_weight: Some(2), ..Query::view(View::Quotes) }.href();
                        view! { <a href=href title="Only this speaker's statements">{name}</a> }.into_any()
                    }
                    (Some(name), None) => name.into_any(),
                    (None, _) => "Speaker not identified".into_any(),
                };
                let cards = speaker.groups.into_iter().map(|card| group_card(card, selected.as_deref())).collect_view();
                view! {
                    <section class="speaker-groups" aria-labelledby=labelled_by>
                        <h2 id=heading_id>{name}</h2>
                        {cards}
                    </section>
                }
            })
            .collect_view();
        view! {
            <p class="diff-key" data-testid="diff-key">
                "Each report is compared with the first over the passage both quote: " <del>"struck-through words"</del>
                " are only in the first, " <ins>"underlined words"</ins> " only in that report; what only one of them quotes before or after that passage is shown "
                <span class="diff-label">"[in brackets]"</span> "."
            </p>
            {speakers}
        }
        .into_any()
    };
    (summary, table, view! { {back} {body} }.into_any())
}

fn group_card(card: GroupCard, selected: Option<&str>) -> impl IntoView {
    let is_selected = selected == Some(card.id.as_str());
    let title = card.members.first().map(|m| excerpt(&m.text)).unwrap_or_default();
    let meta = format!("Reported by {} articles · lowest similarity {}%", card.articles, card.similarity);
    let members = card.members.into_iter().enumerate().map(|(index, member)| group_member(member, index == 0)).collect_view();
    view! {
        <article class="quote-group" class:selected=is_selected id=card.id data-testid="quote-group" aria-current=is_selected.then_some("true")>
            <h3><a href=card.href data-testid="group-link">{title}</a></h3>
            <p class="meta">{meta}</p>
            <ol class="group-members">{members}</ol>
        </article>
    }
}

/// The first words of a statement, for a heading.
fn excerpt(text: &str) -> String {
    const WORDS: usize = 10;
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.len() {
        n if n > WORDS => format!("“{}…”", words[..WORDS].join(" ")),
        _ => format!("“{}”", words.join(" ")),
    }
}

fn group_member(member: MemberRow, reference: bool) -> impl IntoView {
    let text = if reference { member.text.into_any() } else { diff_view(member.shown_diff()).into_any() };
    let similarity = if reference { "first report".to_string() } else { format!("similarity {}%", member.similarity) };
    let speaker = member.speaker.map(|s| format!(" · as “{s}”"));
    view! {
        <li class="group-member" data-testid="group-member" data-kind=member.kind>
            <blockquote>{text}</blockquote>
            <p class="meta">
                {member.kind} {speaker} " · " {similarity} " · "
                <a href=member.href data-testid="member-link">{format!("In “{}”", member.article_title)}</a>
            </p>
        </li>
    }
}

/// Inside the passage both quote, words only in the reference struck through and words only in
/// this report underlined, each announced to screen readers (which do not read `<del>`/`<ins>` by
/// themselves); around it, what only one of them quotes, labelled.
fn diff_view(diff: Vec<DiffSegment>) -> impl IntoView {
    diff.into_iter()
        .map(|segment| match segment.change {
            Change::Same => segment.text.into_any(),
            Change::Removed => view! {
                <del><span class="visually-hidden">"[only in the first: "</span>{segment.text}<span class="visually-hidden">"]"</span></del>
            }
            .into_any(),
            Change::Added => view! {
                <ins><span class="visually-hidden">"[only here: "</span>{segment.text}<span class="visually-hidden">"]"</span></ins>
            }
            .into_any(),
            Change::ReferenceContext => context("only in the first:", "diff-context", segment.text),
            Change::MemberContext => context("only here:", "diff-context own", segment.text),
        })
        .collect_view()
}

/// Words outside the shared passage, in brackets after a visible label: the reference's dimmed,
/// this report's own in full.
fn context(label: &'static str, class: &'static str, text: String) -> AnyView {
    view! {
        <span class=class data-testid="diff-context"><span class="diff-label">"[" {label}</span> " " {text} <span class="diff-label">"]"</span></span>
    }
    .into_any()
}

/// "All" / "Reported by several articles" tabs over `min`; `base` keeps the view's other filters.
#[component]
pub fn ReportedBy(base: Query, all: &'static str) -> impl IntoView {
    let several = base.min_articles() > 1;
    let tabs = [(None, all, !several, "reported-any"), (Some(2), "Reported by several articles", several, "reported-several")]
        .into_iter()
        .map(|(min_weight, label, current, testid)| {
            let href = Query { min_weight, ..base.clone() }.href();
            view! { <li><a href=href aria-current=current.then_some("page") data-testid=testid>{label}</a></li> }
        })
        .collect_view();
    view! { <nav aria-label="Reported by" class="tabs"><ul>{tabs}</ul></nav> }
}

#[component]
fn Filters(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let kinds = [(None, "All"), (Some(QuoteKindFilter::Direct), "Direct"), (Some(QuoteKindFilter::Indirect), "Indirect")]
        .into_iter()
        .map(|(kind, label)| {
            let href = Query { quote_kind: kind, ..filters_of(&query) }.href();
            let current = (query.quote_kind == kind).then_some("page");
            view! { <li><a href=href aria-current=current data-testid=format!("kind-{}", label.to_lowercase())>{label}</a></li> }
        })
        .collect_view();
    let base = filters_of(&query);
    let by_speaker = {
        let base = base.clone();
        move |speaker: Option<String>| Query { speaker, ..base.clone() }
    };
    let by_article = {
        let base = base.clone();
        move |article: Option<String>| Query { article, ..base.clone() }
    };
    view! {
        <div class="filters" role="group" aria-label="Filter quotes">
            <ReportedBy base all="All quotes"/>
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
            let href = Query { speaker: Some(id), ..Query::view(View::Quotes) }.href();
            view! { <a href=href title="All quotes of this speaker">{name}</a> }.into_any()
        }
        (Some(name), None) => name.into_any(),
        (None, _) => view! { <span class="muted">"Speaker not identified"</span> }.into_any(),
    };
    let group = row.group.map(|group| {
        view! { " · " <a href=group.href data-testid="quote-group-link">{format!("Reported by {} articles", group.articles)}</a> }
    });
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
                {group}
            </p>
        </li>
    }
}
