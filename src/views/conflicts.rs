use crate::app::SharedCorpus;
use crate::components::export::{ExportButtons, Table};
use crate::components::highlight::{Highlighted, Mark};
use crate::model::reader::position_query;
use crate::query::{Query, View};
use leptos::prelude::*;
use triangulate_core::analysis::ClaimGroup;
use triangulate_core::Span;

/// Numeric claims about the same thing across articles: groups whose figures cannot all be true
/// first, then groups that several articles corroborate.
#[component]
pub fn Conflicts(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let groups = &corpus.analysis.claim_groups;
    let conflicts: Vec<&ClaimGroup> = groups.iter().filter(|g| g.conflict).collect();
    let corroborated: Vec<&ClaimGroup> = groups.iter().filter(|g| g.corroborated && !g.conflict).collect();
    let table = export_table(&corpus, conflicts.iter().chain(&corroborated).copied());
    let lede = format!(
        "{} groups of figures that cannot all be true, {} corroborated by several articles.",
        conflicts.len(),
        corroborated.len()
    );
    let section = |title: &'static str, testid: &'static str, groups: Vec<&ClaimGroup>, empty: &'static str| {
        let cards = groups.into_iter().map(|g| group_card(&corpus, g, &query)).collect_view();
        view! {
            <section aria-label=title data-testid=testid>
                <h2>{title}</h2>
                {if cards.is_empty() { Some(view! { <p class="empty">{empty}</p> }) } else { None }}
                {cards}
            </section>
        }
    };
    view! {
        <section aria-labelledby="conflicts-heading" data-testid="conflicts">
            <h1 id="conflicts-heading">"Conflicts"</h1>
            <p class="lede">{lede}</p>
            <ExportButtons name="conflicts" table=table/>
            {section("Conflicting figures", "conflict-groups", conflicts, "No article contradicts another's figures.")}
            {section("Corroborated figures", "corroborated-groups", corroborated, "No figure is reported by more than one article.")}
        </section>
    }
}

fn group_card(corpus: &SharedCorpus, group: &ClaimGroup, query: &Query) -> impl IntoView {
    let selected = query.group.as_deref() == Some(group.id.as_str());
    let badge = if group.conflict { ("badge badge-conflict", "conflict") } else { ("badge badge-ok", "corroborated") };
    let context = [group.unit.clone(), group.date.clone().map(|d| format!("as of {d}"))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let link = Query { view: View::Conflicts, group: Some(group.id.clone()), ..Query::default() }.href();
    let rows = group
        .members
        .iter()
        .map(|member| {
            let document = corpus.document(&member.article);
            let sentence = document.map(|d| member.sentence.text(&d.article.text).to_string()).unwrap_or_default();
            let number = Span::new(member.span.start.saturating_sub(member.sentence.start), member.span.end.saturating_sub(member.sentence.start));
            let marks = vec![Mark::new(number, "hl hl-num", format!("{} — {}", member.interval, group.what))];
            let href = document.map(|d| position_query(d, member.span).href()).unwrap_or_default();
            view! {
                <tr>
                    <td><a href=href>{corpus.title(&member.article).to_string()}</a></td>
                    <td class="figure">{member.interval.clone()}</td>
                    <td><Highlighted text=sentence marks=marks/></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <article class=if selected { "claim-group selected" } else { "claim-group" } id=group.id.clone() data-testid="claim-group" aria-current=selected.then_some("true")>
            <h3>
                <a href=link>{group.what.clone()}</a>
                " " <span class=badge.0>{badge.1}</span>
            </h3>
            {(!context.is_empty()).then(|| view! { <p class="meta">{context}</p> })}
            <div class="table-wrap">
                <table>
                    <thead><tr><th scope="col">"Article"</th><th scope="col">"Figure"</th><th scope="col">"Sentence"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </article>
    }
}

/// One row per figure, as shown: group, status, article, interval, claim text.
fn export_table<'a>(corpus: &SharedCorpus, groups: impl Iterator<Item = &'a ClaimGroup>) -> Table {
    let rows = groups.flat_map(|group| {
        let status = if group.conflict { "conflict" } else { "corroborated" };
        group.members.iter().map(move |m| {
            vec![group.what.clone(), status.to_string(), corpus.title(&m.article).to_string(), m.interval.clone(), m.text.clone()]
        })
    });
    Table::new(&["what", "status", "article", "figure", "text"], rows.collect::<Vec<_>>())
}
