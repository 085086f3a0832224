//! The application shell: header, notices, and the view the URL selects.

use crate::components::copy_link::CopyLink;
use crate::corpus::Corpus;
use crate::nav::Nav;
use crate::worker::{self, Progress};
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
    let progress = RwSignal::new(None);
    worker::start(move |step| progress.set(Some(step)));
    view! { <Shell progress nav/> }
}

/// The header and navigation answer at once; the main region shows the analysis progress until
/// the corpus is ready, then the view the URL selects.
#[component]
pub fn Shell(progress: RwSignal<Option<Progress>>, nav: Nav) -> impl IntoView {
    let busy = move || (!matches!(progress.get(), Some(Progress::Ready(_)))).to_string();
    let page = move || match progress.get() {
        Some(Progress::Ready(corpus)) => page(corpus, nav.query.get()),
        Some(Progress::Failed(message)) => {
            view! { <p class="error" role="alert" data-testid="load-error">{message}</p> }.into_any()
        }
        Some(Progress::Extracting { done, total }) => loading(done, total).into_any(),
        None => loading(0, 0).into_any(),
    };
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
            <CopyLink/>
        </header>
        <Notices nav=nav/>
        <main id="main" tabindex="-1" aria-busy=busy>{page}</main>
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

/// The analysis progress: `done` of `total` articles read (`total` is 0 before the articles are
/// counted); once all are read, they are compared.
fn loading(done: usize, total: usize) -> impl IntoView {
    let label = match total {
        0 => "Reading the articles…".to_string(),
        _ if done == total => format!("Comparing {total} articles…"),
        _ => format!("Reading {done} of {total} articles…"),
    };
    view! {
        <div class="loading" role="status" data-testid="loading">
            <p id="loading-label">{label}</p>
            <progress aria-labelledby="loading-label" max=total.max(1) value=done></progress>
        </div>
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
