//! The application shell: header, notices, and the view the URL selects.

use crate::corpus::Corpus;
use crate::nav::Nav;
use crate::query::{Query, View};
use crate::views;
use leptos::prelude::*;
use std::sync::Arc;

/// The corpus, shared read-only by every view (`Arc` so closures clone it cheaply).
pub type SharedCorpus = Arc<Corpus>;

#[component]
pub fn App() -> impl IntoView {
    let nav = Nav::install();
    provide_context(nav);
    match Corpus::embedded() {
        Ok(corpus) => view! { <Shell corpus=Arc::new(corpus) nav=nav/> }.into_any(),
        Err(message) => view! { <p class="error" role="alert">{message}</p> }.into_any(),
    }
}

#[component]
pub fn Shell(corpus: SharedCorpus, nav: Nav) -> impl IntoView {
    provide_context(corpus.clone());
    let page = move || {
        let query = nav.query.get();
        match query.view {
            View::Articles => views::articles::ArticleList(views::articles::ArticleListProps { corpus: corpus.clone() }).into_any(),
            View::Reader => views::reader::Reader(views::reader::ReaderProps { corpus: corpus.clone(), id: query.article.clone().unwrap_or_default() }).into_any(),
        }
    };
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href=Query::default().href()>"Triangulate"</a>
            <nav aria-label="Views">
                <a href=Query { view: View::Articles, article: None }.href()>"Articles"</a>
            </nav>
        </header>
        <Notices nav=nav/>
        <main id="main" tabindex="-1">{page}</main>
    }
}

#[component]
fn Notices(nav: Nav) -> impl IntoView {
    move || {
        let notices = nav.notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notice" role="status" data-testid="notices">
                    <ul>{notices.into_iter().map(|n| view! { <li>{n.0}</li> }).collect_view()}</ul>
                </div>
            }
        })
    }
}
