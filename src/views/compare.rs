use crate::app::SharedCorpus;
use crate::components::highlight::{Highlighted, Mark};
use crate::model::compare::{self, Comparison};
use crate::model::reader::paragraphs;
use crate::query::{Query, View};
use leptos::prelude::*;
use triangulate_core::Document;

/// Two articles side by side: shared passages aligned by colour, differing claims marked.
#[component]
pub fn Compare(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let pair = match (&query.left, &query.right) {
        (Some(a), Some(b)) => Some((a.clone(), b.clone())),
        _ => compare::default_pair(&corpus),
    };
    let Some((left, right)) = pair else {
        return view! { <section><h1>"Compare"</h1><p class="empty">"Comparing needs at least two articles."</p></section> }.into_any();
    };
    let (Some(left_doc), Some(right_doc)) = (corpus.document(&left), corpus.document(&right)) else {
        return view! {
            <section data-testid="not-found">
                <h1>"Compare"</h1>
                <p>"One of the articles to compare is not in this corpus. "
                   <a href=Query::view(View::Compare).href()>"Compare the most similar pair instead"</a></p>
            </section>
        }
        .into_any();
    };
    let comparison = compare::compare(&corpus, &left, &right);
    let pickers = view! {
        <div class="compare-pickers">
            <ArticlePicker corpus=corpus.clone() query=query.clone() side=Side::Left chosen=left.clone()/>
            <ArticlePicker corpus=corpus.clone() query=query.clone() side=Side::Right chosen=right.clone()/>
        </div>
    };
    let summary = format!(
        "Similarity {:.0}% · {} shared passages · {} claims that differ",
        comparison.score * 100.0,
        comparison.passages.len(),
        comparison.differing_claims.len()
    );
    view! {
        <section aria-labelledby="compare-heading" data-testid="compare">
            <h1 id="compare-heading">"Compare"</h1>
            {pickers}
            <p class="lede" data-testid="compare-summary">{summary}</p>
            <DifferingClaims comparison=comparison.clone()/>
            <div class="compare-columns">
                <Column document=left_doc.clone() comparison=comparison.clone() side=Side::Left/>
                <Column document=right_doc.clone() comparison=comparison side=Side::Right/>
            </div>
        </section>
    }
    .into_any()
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Left,
    Right,
}

#[component]
fn ArticlePicker(corpus: SharedCorpus, query: Query, side: Side, chosen: String) -> impl IntoView {
    let label = if side == Side::Left { "Left article" } else { "Right article" };
    let links = corpus
        .documents
        .iter()
        .map(|doc| {
            let id = doc.article.id.clone();
            let mut target = Query { view: View::Compare, ..query.clone() };
            match side {
                Side::Left => target.left = Some(id.clone()),
                Side::Right => target.right = Some(id.clone()),
            }
            if target.left.is_none() || target.right.is_none() {
                target.left = target.left.or_else(|| Some(chosen.clone()));
                target.right = target.right.or_else(|| Some(chosen.clone()));
            }
            let current = (id == chosen).then_some("true");
            view! { <li><a href=target.href() aria-current=current>{doc.article.title.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="compare-picker" aria-label=label data-testid=if side == Side::Left { "pick-left" } else { "pick-right" }>
            <h2>{label}</h2>
            <ul>{links}</ul>
        </nav>
    }
}

#[component]
fn DifferingClaims(comparison: Comparison) -> impl IntoView {
    if comparison.differing_claims.is_empty() {
        return view! { <p class="meta">"No figure differs between these two articles."</p> }.into_any();
    }
    let rows = comparison
        .differing_claims
        .iter()
        .map(|d| {
            let figures = |side: &[(String, triangulate_core::Span)]| side.iter().map(|(i, _)| i.clone()).collect::<Vec<_>>().join(", ");
            let href = Query { view: View::Conflicts, group: Some(d.group_id.clone()), ..Query::default() }.href();
            view! {
                <tr class=if d.conflict { "conflict" } else { "" }>
                    <td><a href=href>{d.what.clone()}</a></td>
                    <td>{figures(&d.left)}</td>
                    <td>{figures(&d.right)}</td>
                    <td>{if d.conflict { "conflict" } else { "differs" }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table data-testid="differing-claims">
                <caption>"Figures that differ"</caption>
                <thead><tr><th scope="col">"What"</th><th scope="col">"Left"</th><th scope="col">"Right"</th><th scope="col">"Status"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn Column(document: Document, comparison: Comparison, side: Side) -> impl IntoView {
    let text = document.article.text.clone();
    let mut marks: Vec<Mark> = comparison
        .passages
        .iter()
        .enumerate()
        .map(|(i, (l, r))| {
            let span = if side == Side::Left { *l } else { *r };
            Mark::new(span, format!("hl shared shared-{}", i % 4), format!("Shared passage {}", i + 1))
        })
        .collect();
    for difference in &comparison.differing_claims {
        let figures = if side == Side::Left { &difference.left } else { &difference.right };
        marks.extend(figures.iter().map(|(interval, span)| Mark::new(*span, "hl hl-differs", format!("{interval} — {}", difference.what))));
    }
    let blocks = paragraphs(&text)
        .into_iter()
        .map(|block| {
            let local: Vec<Mark> = marks.iter().filter_map(|m| m.within(block)).collect();
            view! { <p><Highlighted text=block.text(&text).to_string() marks=local/></p> }
        })
        .collect_view();
    view! {
        <article class="compare-column" data-testid=if side == Side::Left { "left-column" } else { "right-column" }>
            <h2><a href=Query::article(&document.article.id).href()>{document.article.title.clone()}</a></h2>
            {blocks}
        </article>
    }
}
