use crate::app::SharedCorpus;
use crate::query::Query;
use leptos::prelude::*;

/// Placeholder until this view is built.
#[component]
pub fn Overview(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let _ = (corpus, query);
    view! { <section><h1>"Overview"</h1><p>"This view is being built."</p></section> }
}
