use crate::app::SharedCorpus;
use crate::components::highlight::Highlighted;
use crate::components::export::{ExportButtons, ShownRows, SHOWN_ROWS};
use crate::components::sort::SortHeader;
use crate::model::entities::{
    entity_detail, entity_rows, entity_table, kind_class, kind_title, EntityDetail, EntityRow, PER_ARTICLE_COLUMNS,
};
use crate::model::reader::KINDS;
use crate::query::{Query, SortKey, View};
use leptos::prelude::*;

/// People, organizations and places with mention counts per article; with `entity=`, that
/// entity's page with every mention in context.
#[component]
pub fn Entities(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let detail = query.entity.as_deref().map(|id| match entity_detail(&corpus, id) {
        Some(detail) => view! { <EntityPage detail/> }.into_any(),
        None => view! {
            <section class="empty" data-testid="entity-not-found" aria-labelledby="entity-heading">
                <h2 id="entity-heading">"Entity not found"</h2>
                <p>"No article mentions the entity " <code>{id.to_string()}</code> "."</p>
            </section>
        }
        .into_any(),
    });
    let rows = entity_rows(&corpus, &query);
    let table = entity_table(&corpus, &rows);
    view! {
        <section class="entities" aria-labelledby="entities-heading" data-testid="entities">
            <h1 id="entities-heading">"Entities"</h1>
            <p class="lede">"People, organizations and places named in the articles, most mentioned first."</p>
            <TypeTabs query=query.clone()/>
            {detail}
            <div class="table-tools">
                <p class="meta" data-testid="entities-count">{format!("{} entities", rows.len())}</p>
                <ExportButtons name="entities" table/>
            </div>
            <EntityTable rows corpus query/>
        </section>
    }
}

/// Links that show all types or one type (`type=`), keeping the selected entity out of the way.
#[component]
fn TypeTabs(query: Query) -> impl IntoView {
    let all = Query::view(View::Entities);
    let current = |selected: bool| selected.then_some("page");
    let tabs = KINDS
        .into_iter()
        .map(|kind| {
            let tab = Query { types: vec![kind], ..all.clone() };
            view! {
                <li><a href=tab.href() aria-current=current(query.types == [kind]) data-testid=format!("tab-{}", kind.label())>{kind_title(kind)}</a></li>
            }
        })
        .collect_view();
    view! {
        <nav class="tabs" aria-label="Entity types">
            <ul>
                <li><a href=all.href() aria-current=current(query.types.is_empty()) data-testid="tab-all">"All"</a></li>
                {tabs}
            </ul>
        </nav>
    }
}

#[component]
fn EntityTable(rows: Vec<EntityRow>, corpus: SharedCorpus, query: Query) -> impl IntoView {
    if rows.is_empty() {
        return view! {
            <p class="empty" data-testid="entities-empty">
                "No entities of this type. " <a href=Query::view(View::Entities).href()>"Show all types"</a>
            </p>
        }
        .into_any();
    }
    // A column per article only while that stays readable; large corpora get an article count.
    let per_article = corpus.documents.len() <= PER_ARTICLE_COLUMNS;
    let article_headers = corpus
        .documents
        .iter()
        .enumerate()
        .filter(|_| per_article)
        .map(|(index, doc)| {
            view! {
                <th scope="col" class="num">
                    <a href=Query::article(&doc.article.id).href() title=doc.article.title.clone()>{format!("#{}", index + 1)}</a>
                </th>
            }
        })
        .collect_view();
    let total = rows.len();
    let body = rows
        .into_iter()
        .take(SHOWN_ROWS)
        .map(|row| {
            let articles = row.articles;
            let counts = row.per_article.iter().map(|&n| view! { <td class="num">{(n > 0).then_some(n)}</td> }).collect_view();
            view! {
                <tr data-testid="entity-row">
                    <th scope="row"><a href=row.href()>{row.name.clone()}</a></th>
                    <td><span class=format!("tag {}", kind_class(row.kind))>{row.kind.label()}</span></td>
                    <td>{row.role.clone()}</td>
                    <td class="num">{row.total}</td>
                    <td class="num">{articles}</td>
                    {counts}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-label="Mentions per article" tabindex="0">
            <table class="data">
                <caption>{if per_article { "Mentions in total and per article (#1 is the first article of the list)" } else { "Mentions in total and the number of articles naming each" }}</caption>
                <thead>
                    <tr>
                        <SortHeader query=query.clone() key=SortKey::Name label="Entity"/>
                        <th scope="col">"Type"</th>
                        <th scope="col">"Role"</th>
                        <SortHeader query key=SortKey::Mentions label="Total" numeric=true/>
                        <th scope="col" class="num">"Articles"</th>
                        {article_headers}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        <ShownRows total/>
    }
    .into_any()
}

/// One entity: name, role, how it is written, and each mention in its sentence.
#[component]
fn EntityPage(detail: EntityDetail) -> impl IntoView {
    let count = detail.mentions.len();
    let merges: Vec<_> = detail
        .merges
        .into_iter()
        .map(|merge| view! { <li><q>{merge.name}</q> " = " <q>{merge.with}</q> ": " {merge.reason}</li> })
        .collect();
    let mentions = detail
        .mentions
        .into_iter()
        .map(|mention| {
            view! {
                <li data-testid="mention">
                    <blockquote><Highlighted text=mention.sentence marks=vec![mention.mark]/></blockquote>
                    <a href=mention.href>{format!("In “{}”", mention.article_title)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="entity-page" aria-labelledby="entity-heading" data-testid="entity-page">
            <h2 id="entity-heading">
                {detail.name} " " <span class=format!("tag {}", kind_class(detail.kind))>{detail.kind.label()}</span>
            </h2>
            <dl class="facts">
                {(!detail.roles.is_empty()).then(|| view! { <dt>"Role"</dt><dd>{detail.roles.join("; ")}</dd> })}
                <dt>"Written as"</dt>
                <dd data-testid="aliases">{detail.aliases.join(" · ")}</dd>
                <dt>"Mentions"</dt>
                <dd>{count}</dd>
            </dl>
            {(!merges.is_empty()).then(|| view! {
                <h3>"Why these spellings are one entity"</h3>
                <ul class="merges" data-testid="merges">{merges}</ul>
            })}
            <ol class="mentions">{mentions}</ol>
        </section>
    }
}
