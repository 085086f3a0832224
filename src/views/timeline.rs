//! `?view=timeline&article=<id>&min=2`: the events the articles report, duplicates across
//! articles folded, on an SVG time axis and as a table whose every event links to each article
//! reporting it. `article` keeps the events one article reports; `min=2` those several report.

use crate::app::SharedCorpus;
use crate::components::export::{ExportButtons, ShownRows, Table, SHOWN_ROWS};
use crate::components::highlight::{Highlighted, Mark};
use crate::model::counted;
use crate::model::timeline::{self, stack, Axis, EventRow, Precision};
use crate::query::{Query, View};
use crate::views::claims::ArticleFilter;
use crate::views::quotes::ReportedBy;
use leptos::prelude::*;

/// SVG user units; the drawing scales to its box and scrolls below its CSS min-width.
const WIDTH: f64 = 960.0;
const MARGIN_X: f64 = 48.0;
const MARGIN_TOP: f64 = 12.0;
const ROW_HEIGHT: f64 = 13.0;
const RADIUS: f64 = 5.0;
/// Below the axis line: tick marks and labels.
const AXIS_SPACE: f64 = 34.0;

/// Filled for events several articles report, hollow for one: a shape difference, not a colour.
fn reach_class(event: &EventRow) -> &'static str {
    if event.sources.len() > 1 { "event several" } else { "event single" }
}

#[component]
pub fn Timeline(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let events = timeline::events(&corpus, &query);
    let table = Table::new(&timeline::HEADERS, events.iter().map(EventRow::cells));
    let count = counted(events.len(), "event", "events");
    let body = match Axis::for_events(&events) {
        None => view! {
            <p class="empty" data-testid="timeline-empty">
                "No dated events match these filters. " <a href=Query::view(View::Timeline).href()>"Show all events"</a>
            </p>
        }
        .into_any(),
        Some(axis) => {
            let total = events.len();
            let shown: Vec<EventRow> = events.into_iter().take(SHOWN_ROWS).collect();
            view! {
                {legend()}
                {chart(&axis, &shown)}
                <h2 id="timeline-list-heading">"Events in date order"</h2>
                {event_table(shown)}
                <ShownRows total/>
            }
            .into_any()
        }
    };
    let base = Query { article: query.article.clone(), min_weight: query.min_weight, ..Query::view(View::Timeline) };
    view! {
        <section class="timeline" aria-labelledby="timeline-heading" data-testid="timeline">
            <h1 id="timeline-heading">"Timeline"</h1>
            <p class="lede">"Events the articles date, on one time axis: the same event in several articles is one entry listing every source. Points that would overlap are stacked."</p>
            <form class="filters" aria-label="Filter events" on:submit=|event| event.prevent_default()>
                <ReportedBy base all="All events"/>
                <ArticleFilter corpus=corpus.clone() query=query.clone()/>
            </form>
            <div class="table-tools">
                <p class="meta" data-testid="timeline-count">{count}</p>
                <ExportButtons name="timeline" table/>
            </div>
            {body}
        </section>
    }
}

/// What filled and hollow points mean.
fn legend() -> impl IntoView {
    let entry = |class: &'static str, label: &'static str| {
        view! {
            <li>
                <svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                    <circle class=class cx="6" cy="6" r="4.5"/>
                </svg>
                {label}
            </li>
        }
    };
    view! {
        <ul class="series-legend" aria-label="Point shapes" data-testid="timeline-legend">
            {entry("event several", "Reported by several articles")}
            {entry("event single", "Reported by one article")}
        </ul>
    }
}

fn chart(axis: &Axis, events: &[EventRow]) -> impl IntoView {
    let (left, right) = (MARGIN_X, WIDTH - MARGIN_X);
    let xs: Vec<f64> = events.iter().map(|e| axis.position(e.range.midpoint(), left, right)).collect();
    let placed = stack(&xs, RADIUS * 2.0 + 1.0);
    let rows = placed.iter().map(|&(_, row)| row + 1).max().unwrap_or(1);
    let axis_y = MARGIN_TOP + rows as f64 * ROW_HEIGHT;
    let height = axis_y + AXIS_SPACE;
    let ticks = axis
        .ticks
        .iter()
        .map(|tick| {
            let x = axis.position(tick.day as f64, left, right);
            view! {
                <g class="tick">
                    <line x1=x x2=x y1=MARGIN_TOP y2=axis_y + 6.0/>
                    <text x=x y=axis_y + 22.0 text-anchor="middle">{tick.label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let points = events
        .iter()
        .zip(placed)
        .map(|(event, (x, row))| {
            let y = axis_y - RADIUS - 2.0 - row as f64 * ROW_HEIGHT;
            // Months and years also show the stretch of time they cover.
            let extent = (event.range.precision != Precision::Day).then(|| {
                let (x1, x2) = (axis.position(event.range.start as f64, left, right), axis.position(event.range.end as f64, left, right));
                view! { <line class="extent" x1=x1 x2=x2 y1=y y2=y/> }
            });
            let title = format!("{} · {} · reported by {} articles", event.value, event.label, event.sources.len());
            view! {
                {extent}
                <circle class=reach_class(event) cx=x cy=y r=RADIUS data-testid="timeline-point">
                    <title>{title}</title>
                </circle>
            }
        })
        .collect_view();
    let first = axis.ticks.first().map(|t| t.label.clone()).unwrap_or_default();
    let last = axis.ticks.last().map(|t| t.label.clone()).unwrap_or_default();
    let label = format!("Timeline of {} events from {first} to {last}; the table below lists them.", events.len());
    view! {
        // Scrolls sideways on a narrow screen: focusable so the keyboard can scroll it too.
        <div class="chart-wrap" role="region" aria-label="Timeline chart" tabindex="0">
            <svg class="timeline-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label data-testid="timeline-chart">
                <g class="ticks">{ticks}</g>
                <line class="axis" x1=left x2=right y1=axis_y y2=axis_y/>
                {points}
            </svg>
        </div>
    }
}

fn event_table(events: Vec<EventRow>) -> impl IntoView {
    let rows = events
        .into_iter()
        .map(|event| {
            let class = reach_class(&event);
            let marks: Vec<Mark> = event.mark.into_iter().map(|span| Mark { span, class: "hl hl-date".into(), label: None, href: None, target: false }).collect();
            let sources = event
                .sources
                .into_iter()
                .map(|source| {
                    view! {
                        <li><a href=source.reader.href() title="Open the article at this date" data-testid="timeline-link">{source.article_title}</a></li>
                    }
                })
                .collect_view();
            view! {
                <tr data-testid="timeline-row" class=class>
                    <td class="nowrap">{event.value}</td>
                    <td class="sentence"><Highlighted text=event.label marks/></td>
                    <td class="article-cell"><ul class="sources">{sources}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" aria-labelledby="timeline-list-heading" tabindex="0">
            <table class="data" data-testid="timeline-table">
                <thead>
                    <tr>
                        <th scope="col">"Date"</th>
                        <th scope="col">"Event"</th>
                        <th scope="col">"Reported by"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
