//! `?view=timeline&article=<id>`: the calendar dates the articles mention, on an SVG time axis
//! coloured by article, and the same events as a table linked to the reader.

use crate::app::SharedCorpus;
use crate::components::export::{ExportButtons, Table};
use crate::components::highlight::{Highlighted, Mark};
use crate::model::timeline::{self, stack, Axis, Event, Precision};
use crate::query::{Query, View};
use crate::views::claims::ArticleFilter;
use leptos::prelude::*;

/// SVG user units; the drawing scales to its box and scrolls below its CSS min-width.
const WIDTH: f64 = 960.0;
const MARGIN_X: f64 = 48.0;
const MARGIN_TOP: f64 = 12.0;
const ROW_HEIGHT: f64 = 13.0;
const RADIUS: f64 = 5.0;
/// Below the axis line: tick marks and labels.
const AXIS_SPACE: f64 = 34.0;

/// Article colours: `series-<n>` classes in the stylesheet.
const SERIES: usize = 8;

fn series_class(article_index: usize) -> String {
    format!("series-{}", article_index % SERIES)
}

#[component]
pub fn Timeline(corpus: SharedCorpus, query: Query) -> impl IntoView {
    let events = timeline::events(&corpus.documents, query.article.as_deref());
    let table = Table::new(&timeline::HEADERS, events.iter().map(Event::cells));
    let count = format!("{} dated mentions", events.len());
    let body = match Axis::for_events(&events) {
        None => view! {
            <p class="empty" data-testid="timeline-empty">
                "No dated events match these filters. " <a href=Query::view(View::Timeline).href()>"Show all articles"</a>
            </p>
        }
        .into_any(),
        Some(axis) => view! {
            {legend(&events)}
            {chart(&axis, &events)}
            <h2 id="timeline-list-heading">"Events in date order"</h2>
            {event_table(events)}
        }
        .into_any(),
    };
    view! {
        <section class="timeline" aria-labelledby="timeline-heading" data-testid="timeline">
            <h1 id="timeline-heading">"Timeline"</h1>
            <p class="lede">"Days, months and years the articles mention, placed on one time axis. Points that would overlap are stacked."</p>
            <form class="filters" aria-label="Filter events" on:submit=|event| event.prevent_default()>
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

/// One entry per article that has events, in corpus order.
fn legend(events: &[Event]) -> impl IntoView {
    let mut articles: Vec<(usize, String)> = events.iter().map(|e| (e.article_index, e.article_title.clone())).collect();
    articles.sort();
    articles.dedup();
    let items = articles
        .into_iter()
        .map(|(index, title)| {
            view! {
                <li>
                    <svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                        <circle class=series_class(index) cx="6" cy="6" r="5"/>
                    </svg>
                    {title}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="series-legend" aria-label="Articles by colour" data-testid="timeline-legend">{items}</ul> }
}

fn chart(axis: &Axis, events: &[Event]) -> impl IntoView {
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
                view! { <line class=format!("extent {}", series_class(event.article_index)) x1=x1 x2=x2 y1=y y2=y/> }
            });
            let title = format!("{} · “{}” · {}", event.value, event.expression, event.article_title);
            view! {
                {extent}
                <circle class=series_class(event.article_index) cx=x cy=y r=RADIUS data-testid="timeline-point">
                    <title>{title}</title>
                </circle>
            }
        })
        .collect_view();
    let first = axis.ticks.first().map(|t| t.label.clone()).unwrap_or_default();
    let last = axis.ticks.last().map(|t| t.label.clone()).unwrap_or_default();
    let label = format!("Timeline of {} dated mentions from {first} to {last}; the table below lists them.", events.len());
    view! {
        <div class="chart-wrap">
            <svg class="timeline-chart" viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=label data-testid="timeline-chart">
                <g class="ticks">{ticks}</g>
                <line class="axis" x1=left x2=right y1=axis_y y2=axis_y/>
                {points}
            </svg>
        </div>
    }
}

fn event_table(events: Vec<Event>) -> impl IntoView {
    let rows = events
        .into_iter()
        .map(|event| {
            let marks = vec![Mark { span: event.mark, class: "hl hl-date".into(), label: None, href: None, target: false }];
            view! {
                <tr data-testid="timeline-row">
                    <td class="nowrap">
                        <svg class="swatch" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
                            <circle class=series_class(event.article_index) cx="6" cy="6" r="5"/>
                        </svg>
                        " " {event.value}
                    </td>
                    <td class="article-cell">
                        <a href=event.reader.href() title="Open the article at this date" data-testid="timeline-link">{event.article_title}</a>
                    </td>
                    <td class="sentence"><Highlighted text=event.sentence marks/></td>
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
                        <th scope="col">"Article"</th>
                        <th scope="col">"Sentence"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
