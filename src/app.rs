//! The application shell: header, notices, and the view the URL selects.

use crate::corpus::Corpus;
use crate::nav::Nav;
use crate::query::{Query, View};
use crate::views;
use leptos::prelude::*;
use std::sync::Arc;

/// The corpus, shared read-only by every view (`Arc` so closures clone it cheaply).
pub type SharedCorpus = Arc<Corpus>;

/// Views listed in the navigation bar, in order (the reader and compare are reached from others).
const NAV_VIEWS: [View; 9] = [
    View::Overview,
    View::Articles,
    View::Entities,
    View::Quotes,
    View::Claims,
    View::Conflicts,
    View::Timeline,
    View::Network,
    View::Search,
];

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
    let page = move || page(corpus.clone(), nav.query.get());
    let nav_links = NAV_VIEWS
        .into_iter()
        .map(|view| {
            let current = move || (nav.query.get().view == view).then_some("page");
            view! { <a href=Query::view(view).href() aria-current=current>{view.title()}</a> }
        })
        .collect_view();
    Effect::new(move |_| {
        gloo::utils::document().set_title(&format!("{} · Triangulate", nav.query.get().view.title()));
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href=Query::default().href()>"Triangulate"</a>
            <nav aria-label="Views">{nav_links}</nav>
        </header>
        <Notices nav=nav/>
        <main id="main" tabindex="-1">{page}</main>
    }
}

/// The page for a query: one view component per `View`.
pub fn page(corpus: SharedCorpus, query: Query) -> AnyView {
    use views::*;
    match query.view {
        View::Overview => view! { <overview::Overview corpus query/> }.into_any(),
        View::Articles => view! { <articles::ArticleList corpus/> }.into_any(),
        View::Reader => view! { <reader::Reader corpus query/> }.into_any(),
        View::Entities => view! { <entities::Entities corpus query/> }.into_any(),
        View::Quotes => view! { <quotes::Quotes corpus query/> }.into_any(),
        View::Claims => view! { <claims::Claims corpus query/> }.into_any(),
        View::Timeline => view! { <timeline::Timeline corpus query/> }.into_any(),
        View::Conflicts => view! { <conflicts::Conflicts corpus query/> }.into_any(),
        View::Compare => view! { <compare::Compare corpus query/> }.into_any(),
        View::Search => view! { <search::Search corpus query/> }.into_any(),
        View::Network => view! { <network::Network corpus query/> }.into_any(),
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
