//! Column headers that sort a table through the URL (`sort=key` / `sort=-key`).

use crate::query::{Query, SortKey};
use leptos::prelude::*;

/// A `<th>` whose link sorts by `key` (again: the other way), marked with `aria-sort`.
#[component]
pub fn SortHeader(query: Query, key: SortKey, label: &'static str, #[prop(optional)] numeric: bool) -> impl IntoView {
    let arrow = match query.aria_sort(key) {
        Some("ascending") => "▲",
        Some("descending") => "▼",
        _ => "",
    };
    view! {
        <th scope="col" class=numeric.then_some("num") aria-sort=query.aria_sort(key)>
            <a href=query.sorted_by(key).href() data-testid=format!("sort-{}", key.name())>
                {label} <span aria-hidden="true">{arrow}</span>
            </a>
        </th>
    }
}
