use crate::app::SharedCorpus;
use crate::model::network::{self, Network, HEIGHT, WIDTH};
use crate::nav::Nav;
use crate::query::{Query, View};
use leptos::prelude::*;
use triangulate_core::ner::EntityKind;

const KINDS: [EntityKind; 4] = [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc];
const WEIGHT_CHOICES: [u32; 4] = [1, 2, 3, 5];

/// Entity co-occurrence graph: who appears in the same sentences as whom.
#[component]
pub fn Network(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let min_weight = query.min_weight.unwrap_or(1);
    let graph = network::build(&corpus.documents, |kind| query.shows_kind(kind), min_weight);
    let type_links = KINDS
        .into_iter()
        .map(|kind| {
            let mut target = query.clone();
            let on = query.types.contains(&kind);
            if on {
                target.types.retain(|k| *k != kind);
            } else {
                target.types.push(kind);
            }
            view! { <a class="chip" href=target.href() aria-current=on.then_some("true") data-testid="type-filter">{kind_name(kind)}</a> }
        })
        .collect_view();
    let weight_links = WEIGHT_CHOICES
        .into_iter()
        .map(|weight| {
            let target = Query { min_weight: (weight > 1).then_some(weight), ..query.clone() };
            let current = (weight == min_weight).then_some("true");
            view! { <a class="chip" href=target.href() aria-current=current data-testid="weight-filter">{format!("≥ {weight}")}</a> }
        })
        .collect_view();
    let summary = format!(
        "{} entities and {} links; edges are sentences that name both.",
        graph.nodes.len(),
        graph.edges.len()
    );
    view! {
        <section aria-labelledby="network-heading" data-testid="network">
            <h1 id="network-heading">"Network"</h1>
            <p class="lede">{summary}</p>
            <div class="filters">
                <span class="filter-label">"Types:"</span> {type_links}
                <span class="filter-label">"Shared sentences:"</span> {weight_links}
            </div>
            {if graph.nodes.is_empty() {
                view! {
                    <p class="empty" data-testid="empty">
                        "No entities share a sentence under these filters. "
                        <a href=Query::view(View::Network).href()>"Clear the filters"</a>
                    </p>
                }.into_any()
            } else {
                view! { <Graph graph=graph/> }.into_any()
            }}
        </section>
    }
}

#[component]
fn Graph(graph: Network) -> impl IntoView {
    let nav = expect_context::<Nav>();
    let max_weight = graph.edges.iter().map(|e| e.weight).max().unwrap_or(1) as f64;
    let edges = graph
        .edges
        .iter()
        .map(|edge| {
            let (a, b) = (&graph.nodes[edge.a], &graph.nodes[edge.b]);
            let width = format!("{:.1}", 1.0 + 4.0 * edge.weight as f64 / max_weight);
            view! {
                <line x1=a.x.to_string() y1=a.y.to_string() x2=b.x.to_string() y2=b.y.to_string() stroke-width=width class="edge">
                    <title>{format!("{} – {}: {} shared sentences", a.name, b.name, edge.weight)}</title>
                </line>
            }
        })
        .collect_view();
    let nodes = graph
        .nodes
        .iter()
        .map(|node| {
            let radius = format!("{:.1}", 5.0 + (node.mentions as f64).sqrt() * 2.0);
            let target = Query { view: View::Entities, entity: Some(node.id.clone()), ..Query::default() };
            let on_key = target.clone();
            let label = format!("{} ({}, {} mentions)", node.name, kind_name(node.kind), node.mentions);
            let tooltip = label.clone();
            // An SVG group acting as a link: Leptos builds `<a>` in the HTML namespace, where SVG
            // children would not render.
            view! {
                <g class=format!("node node-{}", node.kind.label().to_lowercase()) role="link" tabindex="0"
                   aria-label=label data-testid="network-node"
                   on:click=move |_| nav.go(&target)
                   on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { nav.go(&on_key) }>
                    <circle cx=node.x.to_string() cy=node.y.to_string() r=radius></circle>
                    <text x=(node.x + 12.0).to_string() y=(node.y + 4.0).to_string()>{node.name.clone()}</text>
                    <title>{tooltip}</title>
                </g>
            }
        })
        .collect_view();
    view! {
        <div class="network-wrap">
            <svg class="network" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="group" aria-label="Entity co-occurrence network">
                <g class="edges">{edges}</g>
                <g class="nodes">{nodes}</g>
            </svg>
        </div>
    }
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Location => "Places",
        EntityKind::Misc => "Other",
    }
}
