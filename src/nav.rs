//! Navigation by ordinary links: a click on a same-page `<a href="?…">` becomes a history entry
//! and a new [`Query`]; back and forward restore the query from the URL. No path routes are used,
//! so every link works from any static host and sub-path.

use crate::query::{Notice, Query};
use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::{document, window};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MouseEvent, Url};

/// The URL state shared by every view. `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct Nav {
    pub query: Memo<Query>,
    pub notices: Memo<Vec<Notice>>,
    set_state: WriteSignal<(Query, Vec<Notice>)>,
}

impl Nav {
    /// Reads the current URL and starts following link clicks and history moves.
    pub fn install() -> Nav {
        let (state, set_state) = signal(current_state());
        let query = Memo::new(move |_| state.with(|(q, _)| q.clone()));
        let notices = Memo::new(move |_| state.with(|(_, n)| n.clone()));

        EventListener::new(&window(), "popstate", move |_| set_state.set(current_state())).forget();
        // Not passive: a followed link must be able to cancel the browser's own navigation.
        EventListener::new_with_options(&document(), "click", EventListenerOptions::enable_prevent_default(), move |event| {
            if let Some(href) = followable_link(event) {
                event.prevent_default();
                push(&href);
                set_state.set(current_state());
                window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        })
        .forget();
        Nav { query, notices, set_state }
    }

    /// Goes to `query` as a new history entry (for controls that are not links, like a search box).
    pub fn go(&self, query: &Query) {
        push(&query.href());
        self.set_state.set(current_state());
    }

    /// Replaces the current history entry (typing in a filter box should not flood history).
    pub fn replace(&self, query: &Query) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&query.href()));
        }
        self.set_state.set(current_state());
    }

    pub fn current(&self) -> Query {
        self.query.get_untracked()
    }
}

fn current_state() -> (Query, Vec<Notice>) {
    let search = window().location().search().unwrap_or_default();
    Query::parse(&search)
}

fn push(href: &str) {
    if let Ok(history) = window().history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
}

/// The URL of a plain left click on a link (HTML or SVG `<a>`) to this same page, if the app
/// should handle it rather than the browser.
fn followable_link(event: &web_sys::Event) -> Option<String> {
    let mouse = event.dyn_ref::<MouseEvent>()?;
    if event.default_prevented() || mouse.button() != 0 || mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() || mouse.alt_key() {
        return None;
    }
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let anchor = target.closest("a[href]").ok()??;
    if anchor.has_attribute("download") || anchor.get_attribute("target").is_some_and(|t| !t.is_empty()) {
        return None;
    }
    let location = window().location();
    let url = Url::new_with_base(&anchor.get_attribute("href")?, &location.href().ok()?).ok()?;
    let same_page = url.origin() == location.origin().ok()? && url.pathname() == location.pathname().ok()?;
    let in_page_anchor = url.search() == location.search().ok()? && !url.hash().is_empty();
    (same_page && !in_page_anchor).then(|| url.href())
}
