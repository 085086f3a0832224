//! `?view=search&q=…`: one box that finds text in every article, with entity names suggested
//! while typing (an ARIA combobox) and each hit shown in context, linked to the reader.

use crate::app::SharedCorpus;
use crate::components::export::{ShownRows, SHOWN_ROWS};
use crate::components::highlight::{Highlighted, Mark};
use crate::model::counted;
use crate::model::search::{self, with_text, ArticleHits};
use crate::nav::Nav;
use crate::query::{Query, View};
use gloo::timers::callback::Timeout;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};

/// How long typing must pause before the URL (and so the page) follows.
const TYPING_PAUSE_MS: u32 = 250;

/// Hits listed per article; the rest are counted.
const MAX_HITS_SHOWN: usize = 30;

const BOX_ID: &str = "search-box";
const LISTBOX_ID: &str = "search-suggestions";
const SUMMARY_ID: &str = "search-summary";

/// Typing into a box bound to `q`. Every URL change rebuilds the page (reusing or replacing the
/// box), so after the pause the box gets back focus, caret and the text as typed (the URL trims
/// spaces, which would otherwise swallow the space between two words).
#[derive(Clone, Copy)]
pub struct Typing {
    pending: StoredValue<Option<Timeout>, LocalStorage>,
    box_id: &'static str,
    /// Read while the component is created: timeouts run outside its reactive owner.
    nav: Option<Nav>,
}

impl Typing {
    pub fn new(box_id: &'static str) -> Typing {
        Typing { pending: StoredValue::new_local(None), box_id, nav: use_context::<Nav>() }
    }

    /// On `input`: replaces the URL's `q` once typing pauses.
    pub fn typed(self, base: Query, event: &web_sys::Event) {
        let Some(input) = input_of(event) else { return };
        let typed = input.value();
        let caret = input.selection_start().ok().flatten();
        let (box_id, nav) = (self.box_id, self.nav);
        let timeout = Timeout::new(TYPING_PAUSE_MS, move || {
            if let Some(nav) = nav {
                nav.replace(&with_text(&base, &typed));
            }
            after_render(move || {
                if let Some(input) = element::<HtmlInputElement>(box_id) {
                    input.set_value(&typed);
                    let _ = input.focus();
                    let _ = input.set_selection_range(caret.unwrap_or(0), caret.unwrap_or(0));
                }
            });
        });
        self.pending.set_value(Some(timeout));
    }

    /// On Enter: a new history entry for `text` now (unless the URL already says it).
    pub fn submit(self, base: &Query, text: &str) {
        self.pending.set_value(None);
        let next = with_text(base, text);
        if let Some(nav) = self.nav.filter(|nav| nav.current() != next) {
            nav.go(&next);
        }
    }
}

fn input_of(event: &web_sys::Event) -> Option<HtmlInputElement> {
    event.target()?.dyn_into().ok()
}

fn element<T: JsCast>(id: &str) -> Option<T> {
    gloo::utils::document().get_element_by_id(id)?.dyn_into().ok()
}

/// Runs `then` once the page has been rebuilt for a new URL (Leptos renders in a microtask; a
/// zero timeout runs after it).
fn after_render(then: impl FnOnce() + 'static) {
    Timeout::new(0, then).forget();
}

#[component]
pub fn Search(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let text = query.text.clone().unwrap_or_default();
    let results = search::search(&corpus.documents, &text);
    let suggestions = search::suggestions(&corpus.documents, &text);
    let summary = summary(&text, &results, corpus.documents.len());
    let results_view = match (text.is_empty(), results.is_empty()) {
        (true, _) => None,
        (false, true) => Some(
            view! {
                <p class="empty" data-testid="search-empty">
                    "No article contains “" {text.clone()} "”. " <a href=Query::view(View::Search).href()>"Clear the search"</a>
                </p>
            }
            .into_any(),
        ),
        (false, false) => {
            let total = results.len();
            let shown = results.into_iter().take(SHOWN_ROWS).map(article_hits).collect_view();
            Some(view! { {shown} <ShownRows total/> }.into_any())
        }
    };
    view! {
        <section class="search" aria-labelledby="search-heading" data-testid="search">
            <h1 id="search-heading">"Search"</h1>
            <p class="lede">"Finds words in every article, ignoring case and accents: “micheal” finds Micheál."</p>
            <SearchBox query=query.clone() suggestions/>
            <p id=SUMMARY_ID class="meta" tabindex="-1" data-testid="search-summary">{summary}</p>
            {results_view}
        </section>
    }
}

fn summary(text: &str, results: &[ArticleHits], articles: usize) -> String {
    let hits: usize = results.iter().map(|a| a.hits.len()).sum();
    match (text.is_empty(), hits) {
        (true, _) => format!("Type a name or words to search all {articles} articles."),
        (false, 1) => format!("1 match for “{text}”."),
        (false, _) => format!("{hits} matches for “{text}” in {} of {articles} articles.", results.len()),
    }
}

/// The text box with its suggestion list: arrow keys move through the names, Enter searches the
/// chosen name (or the text typed), Escape closes the list.
#[component]
fn SearchBox(query: Query, suggestions: Vec<String>) -> impl IntoView {
    let typing = Typing::new(BOX_ID);
    // A rebuild for a typed URL reuses the focused box, so no focus event comes: ask the DOM.
    let open = RwSignal::new(box_has_focus());
    let active = RwSignal::new(None::<usize>);
    let count = suggestions.len();
    let suggestions = StoredValue::new(suggestions);
    let base = StoredValue::new(query.clone());
    let choose = move |text: String| {
        open.set(false);
        typing.submit(&base.get_value(), &text);
        // Focus follows to the results: the box would reopen the list.
        after_render(|| {
            if let Some(summary) = element::<HtmlElement>(SUMMARY_ID) {
                let _ = summary.focus();
            }
        });
    };
    let on_keydown = move |event: KeyboardEvent| {
        let step = |delta: isize| {
            open.set(true);
            let len = count as isize;
            active.update(|a| *a = (len > 0).then(|| a.map_or(if delta > 0 { 0 } else { len - 1 }, |i| (i as isize + delta).rem_euclid(len)) as usize));
        };
        match event.key().as_str() {
            "ArrowDown" => step(1),
            "ArrowUp" => step(-1),
            "Escape" if open.get_untracked() => open.set(false),
            "Enter" => {
                let chosen = active.get_untracked().filter(|_| open.get_untracked()).and_then(|i| suggestions.with_value(|s| s.get(i).cloned()));
                let typed = input_of(&event).map(|input| input.value()).unwrap_or_default();
                choose(chosen.unwrap_or(typed));
            }
            _ => return,
        }
        event.prevent_default();
    };
    let expanded = move || (open.get() && count > 0).to_string();
    let options = suggestions.get_value().into_iter().enumerate().map(|(i, name)| {
        let selected = move || (active.get() == Some(i)).to_string();
        let chosen = name.clone();
        view! {
            <li id=format!("suggestion-{i}") role="option" aria-selected=selected data-testid="suggestion"
                // Keeps focus in the box, so the click lands before the list closes on blur.
                on:mousedown=|event| event.prevent_default()
                on:click=move |_| choose(chosen.clone())>
                {name}
            </li>
        }
    });
    let options = options.collect_view();
    view! {
        <form role="search" class="search-form" on:submit=|event| event.prevent_default()>
            <label for=BOX_ID>"Search all articles"</label>
            <div class="combobox">
                <input id=BOX_ID type="search" role="combobox" autocomplete="off" spellcheck="false"
                    aria-autocomplete="list" aria-controls=LISTBOX_ID aria-expanded=expanded
                    aria-activedescendant=move || active.get().filter(|_| open.get()).map(|i| format!("suggestion-{i}"))
                    placeholder="e.g. zelensky" data-testid="search-input"
                    prop:value=query.text.clone().unwrap_or_default()
                    on:input=move |event| {
                        open.set(true);
                        active.set(None);
                        typing.typed(base.get_value(), &event);
                    }
                    on:focus=move |_| open.set(true)
                    on:blur=move |_| open.set(false)
                    on:keydown=on_keydown/>
                <ul id=LISTBOX_ID role="listbox" aria-label="Entity names" class="suggestions"
                    hidden=move || !open.get() || count == 0 data-testid="suggestions">
                    {options}
                </ul>
            </div>
        </form>
    }
}

fn box_has_focus() -> bool {
    gloo::utils::document().active_element().is_some_and(|element| element.id() == BOX_ID)
}

fn article_hits(article: ArticleHits) -> impl IntoView {
    let heading_id = format!("hits-{}", article.article_id);
    let total = article.hits.len();
    let count = counted(total, "match", "matches");
    let more = (total > MAX_HITS_SHOWN).then(|| format!("{} more matches not shown.", total - MAX_HITS_SHOWN));
    let hits = article
        .hits
        .into_iter()
        .take(MAX_HITS_SHOWN)
        .map(|hit| {
            let marks = vec![Mark { span: hit.mark, class: "hit".into(), label: None, href: None, target: false }];
            view! {
                <li data-testid="search-hit">
                    <a href=hit.reader.href()><Highlighted text=hit.snippet marks/></a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="search-article" aria-labelledby=heading_id.clone() data-testid="search-article">
            <h2 id=heading_id.clone()>
                <a href=Query::article(&article.article_id).href()>{article.title}</a>
                " " <span class="meta">{count}</span>
            </h2>
            <ol class="hits">{hits}</ol>
            {more.map(|m| view! { <p class="meta">{m}</p> })}
        </section>
    }
}
