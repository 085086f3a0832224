//! Text with marked ranges, rendered as text nodes and `<mark>` elements (never as HTML, so article
//! text cannot inject markup and the CSP holds).
//!
//! The view models compute plain [`Mark`]s; [`segments`] turns them into a tree the component
//! renders. Marks may nest (a name inside a quote); a mark that crosses another is dropped.

use leptos::prelude::*;
use triangulate_core::Span;

/// One marked range of the text a [`Highlighted`] renders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Byte range into that text (not into the whole article when the text is a paragraph).
    pub span: Span,
    /// CSS classes, e.g. `hl hl-per`.
    pub class: String,
    /// Shown on hover (`title`) and focus, and read by screen readers; a mark without a label is
    /// not focusable.
    pub label: Option<String>,
    /// Makes the marked words a link.
    pub href: Option<String>,
    /// The position the URL points at (`at=`): outlined and scrolled into view.
    pub target: bool,
}

impl Mark {
    pub fn new(span: Span, class: impl Into<String>, label: impl Into<String>) -> Mark {
        Mark { span, class: class.into(), label: Some(label.into()), href: None, target: false }
    }

    pub fn with_href(self, href: String) -> Mark {
        Mark { href: Some(href), ..self }
    }

    /// This mark moved into a block of the text that starts at `block.start`, clipped to the block;
    /// `None` when it lies outside.
    pub fn within(&self, block: Span) -> Option<Mark> {
        let start = self.span.start.max(block.start);
        let end = self.span.end.min(block.end);
        (start < end).then(|| Mark { span: Span::new(start - block.start, end - block.start), ..self.clone() })
    }
}

/// A piece of the rendered text: plain, or marked with its own nested pieces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(String),
    Marked(Mark, Vec<Segment>),
}

/// Splits `text` by `marks` (any order). Empty marks, marks outside the text or off `char`
/// boundaries, and marks crossing an earlier one are dropped; a mark inside another nests.
pub fn segments(text: &str, marks: &[Mark]) -> Vec<Segment> {
    let mut valid: Vec<&Mark> =
        marks.iter().filter(|m| !m.span.is_empty() && text.get(m.span.start..m.span.end).is_some()).collect();
    // Outer marks first where two start together; the sort is stable, so equal spans keep their order.
    valid.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    nest(text, &valid, Span::new(0, text.len()))
}

/// The segments of `range`, given the sorted marks inside it.
fn nest(text: &str, marks: &[&Mark], range: Span) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut cursor = range.start;
    let mut i = 0;
    while i < marks.len() {
        let mark = marks[i];
        if mark.span.start < cursor {
            i += 1; // crosses the mark before it
            continue;
        }
        let inner_end = i + 1 + marks[i + 1..].iter().take_while(|m| m.span.start < mark.span.end).count();
        let inner: Vec<&Mark> = marks[i + 1..inner_end].iter().copied().filter(|m| m.span.end <= mark.span.end).collect();
        if cursor < mark.span.start {
            out.push(Segment::Text(text[cursor..mark.span.start].to_string()));
        }
        out.push(Segment::Marked(mark.clone(), nest(text, &inner, mark.span)));
        cursor = mark.span.end;
        i = inner_end;
    }
    if cursor < range.end {
        out.push(Segment::Text(text[cursor..range.end].to_string()));
    }
    out
}

/// `text` with `marks`, inline (wrap it in the block element you need).
#[component]
pub fn Highlighted(#[prop(into)] text: String, marks: Vec<Mark>) -> impl IntoView {
    render(segments(&text, &marks))
}

fn render(segments: Vec<Segment>) -> AnyView {
    segments
        .into_iter()
        .map(|segment| match segment {
            Segment::Text(text) => text.into_any(),
            Segment::Marked(mark, inner) => render_mark(mark, render(inner)),
        })
        .collect_view()
        .into_any()
}

fn render_mark(mark: Mark, inner: AnyView) -> AnyView {
    let class = if mark.target { format!("{} at-target", mark.class) } else { mark.class };
    let testid = mark.target.then_some("at-target");
    match (mark.label, mark.href) {
        // The link's name stays its visible words (WCAG 2.5.3, so voice users can say them); the
        // label is its description (`title`) and the focus tooltip (`data-label`).
        (Some(label), Some(href)) => {
            let data_label = label.clone();
            view! {
                <mark class=class data-label=data_label data-testid=testid>
                    <a href=href title=label>{inner}</a>
                </mark>
            }
            .into_any()
        }
        // `term`: a phrase with a definition, and a role that may carry a label (a bare mark may not).
        (Some(label), None) => {
            let (title, data_label) = (label.clone(), label.clone());
            view! {
                <mark class=class tabindex="0" role="term" title=title aria-label=label data-label=data_label data-testid=testid>
                    {inner}
                </mark>
            }
            .into_any()
        }
        (None, _) => view! { <mark class=class data-testid=testid>{inner}</mark> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, class: &str) -> Mark {
        Mark::new(Span::new(start, end), class, class)
    }

    /// The segments as a compact string: `[class:…]` around marked text.
    fn show(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match s {
                Segment::Text(t) => t.clone(),
                Segment::Marked(m, inner) => format!("[{}:{}]", m.class, show(inner)),
            })
            .collect()
    }

    #[test]
    fn segment_cases() {
        let text = "Macron said “we are ready” in Paris.";
        let ready = text.find("we are").unwrap();
        let quote = Span::new(text.find('“').unwrap(), text.find('”').unwrap() + '”'.len_utf8());
        let paris = text.find("Paris").unwrap();
        let cases: Vec<(&str, Vec<Mark>, &str)> = vec![
            ("no marks", vec![], text),
            ("one mark", vec![mark(0, 6, "per")], "[per:Macron] said “we are ready” in Paris."),
            (
                "unsorted marks",
                vec![mark(paris, paris + 5, "loc"), mark(0, 6, "per")],
                "[per:Macron] said “we are ready” in [loc:Paris].",
            ),
            (
                "a mark nests inside a quote",
                vec![Mark::new(quote, "q", "q"), mark(ready, ready + 2, "per")],
                "Macron said [q:“[per:we] are ready”] in Paris.",
            ),
            (
                "equal spans nest in the given order",
                vec![mark(0, 6, "outer"), mark(0, 6, "inner")],
                "[outer:[inner:Macron]] said “we are ready” in Paris.",
            ),
            ("a crossing mark is dropped", vec![mark(0, 6, "per"), mark(3, 11, "x")], "[per:Macron] said “we are ready” in Paris."),
            ("an empty mark is dropped", vec![mark(2, 2, "x")], text),
            ("a mark past the end is dropped", vec![mark(paris, text.len() + 4, "x")], text),
            ("a mark off a char boundary is dropped", vec![mark(quote.start + 1, quote.end, "x")], text),
        ];
        for (name, marks, expected) in cases {
            assert_eq!(show(&segments(text, &marks)), expected, "{name}");
        }
    }

    #[test]
    fn within_moves_and_clips_to_a_block() {
        let block = Span::new(10, 20);
        let cases = [
            ("inside", Span::new(12, 15), Some(Span::new(2, 5))),
            ("clipped at the end", Span::new(18, 25), Some(Span::new(8, 10))),
            ("clipped at the start", Span::new(5, 12), Some(Span::new(0, 2))),
            ("before", Span::new(0, 10), None),
            ("after", Span::new(20, 22), None),
        ];
        for (name, span, expected) in cases {
            let moved = Mark::new(span, "x", "x").within(block).map(|m| m.span);
            assert_eq!(moved, expected, "{name}");
        }
    }
}
