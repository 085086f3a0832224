//! The word diff of two reports of one statement, aligned first: only the passage both quote is
//! compared word by word, and what only one of them quotes before or after that passage is context.
//! A report quoting part of a statement then reads as that part, not as the rest struck through.
//!
//! Words are compared case- and diacritic-folded and without prose punctuation, so
//! "effective—in" meets "effective – in" and "land." meets "land,"; symbols such as `%` or `$`
//! are compared, as "5%" is not "$5". Shared words are given in the member's wording.

use super::words::words;
use crate::Span;
use serde::{Deserialize, Serialize};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::borrow::Cow;
use std::ops::Range;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffSegment {
    pub change: Change,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// In both, inside the shared passage.
    Same,
    /// Inside the shared passage, only in this member.
    Added,
    /// Inside the shared passage, only in the reference.
    Removed,
    /// Before or after the shared passage, only in the reference: words this member does not quote.
    ReferenceContext,
    /// Before or after the shared passage, only in this member: words the reference does not quote.
    MemberContext,
}

/// From the reference `from` to the member `to`, in reading order: the reference's context before
/// the shared passage, the member's, the passage's words, the member's context after it, the
/// reference's. Quotes with no word in common are one passage, all removed and added.
pub fn word_diff(from: &str, to: &str) -> Vec<DiffSegment> {
    let (reference, member) = (Tokens::new(from), Tokens::new(to));
    let runs = runs(&reference, &member);
    let shared = &runs[passage(&runs)];
    let (Some(first), Some(last)) = (shared.first(), shared.last()) else {
        return Vec::new();
    };
    let mut diff = Segments::default();
    diff.push(Change::ReferenceContext, reference.text(0..first.old.start));
    diff.push(Change::MemberContext, member.text(0..first.new.start));
    for run in shared {
        if run.tag == DiffTag::Equal {
            diff.push(Change::Same, member.text(run.new.clone()));
        } else {
            diff.push(Change::Removed, reference.text(run.old.clone()));
            diff.push(Change::Added, member.text(run.new.clone()));
        }
    }
    diff.push(Change::MemberContext, member.text(last.new.end..member.len()));
    diff.push(Change::ReferenceContext, reference.text(last.old.end..reference.len()));
    diff.0
}

/// The diff in wdiff notation, `[-removed-]{+added+}`, with context in ellipses:
/// `[…only in the reference…]`, `{…only in the member…}`.
pub fn wdiff(diff: &[DiffSegment]) -> String {
    diff.iter()
        .map(|segment| {
            let (open, close) = match segment.change {
                Change::Same => ("", ""),
                Change::Removed => ("[-", "-]"),
                Change::Added => ("{+", "+}"),
                Change::ReferenceContext => ("[…", "…]"),
                Change::MemberContext => ("{…", "…}"),
            };
            format!("{open}{}{close}", segment.text)
        })
        .collect()
}

/// A text as compared: its words and symbols, each shown with what follows it up to the next.
struct Tokens<'t> {
    text: &'t str,
    /// Byte offset where each token's text starts; the first starts the text.
    starts: Vec<usize>,
    /// What is compared: the folded word, or the symbol.
    keys: Vec<Cow<'t, str>>,
}

impl<'t> Tokens<'t> {
    fn new(text: &'t str) -> Self {
        let mut tokens: Vec<(usize, Cow<str>)> = words(text, Span::new(0, text.len())).into_iter().map(|w| (w.span.start, w.folded)).collect();
        tokens.extend(text.char_indices().filter(|&(_, c)| is_symbol(c)).map(|(at, c)| (at, Cow::Owned(c.to_string()))));
        tokens.sort_unstable_by_key(|&(at, _)| at);
        // Nothing but spaces and punctuation: compared whole.
        if tokens.is_empty() && !text.is_empty() {
            tokens.push((0, Cow::Borrowed(text)));
        }
        let (mut starts, keys): (Vec<usize>, Vec<Cow<str>>) = tokens.into_iter().unzip();
        // Opening punctuation goes with the first word, so the tokens' texts make up the text.
        if let Some(first) = starts.first_mut() {
            *first = 0;
        }
        Tokens { text, starts, keys }
    }

    fn len(&self) -> usize {
        self.keys.len()
    }

    /// The text of tokens `range`.
    fn text(&self, range: Range<usize>) -> &'t str {
        let at = |index: usize| self.starts.get(index).copied().unwrap_or(self.text.len());
        &self.text[at(range.start)..at(range.end)]
    }
}

/// Not a letter, digit, space or prose punctuation: a character that changes what a number says.
fn is_symbol(c: char) -> bool {
    const PROSE: &str = ".,;:!?…-‐‑–—'\"‘’“”«»()[]/";
    !c.is_alphanumeric() && !c.is_whitespace() && !PROSE.contains(c)
}

/// One operation of the diff, over token indexes.
struct Run {
    tag: DiffTag,
    old: Range<usize>,
    new: Range<usize>,
}

/// Patience diff: it anchors on words both sides have once, which is where two quotes align.
fn runs(reference: &Tokens, member: &Tokens) -> Vec<Run> {
    capture_diff_slices(Algorithm::Patience, &reference.keys, &member.keys)
        .iter()
        .map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            Run { tag, old, new }
        })
        .collect()
}

/// The runs of the passage both quote: from the first matching run to the last, less the outer
/// matches that are coincidence. Without any match, all the runs.
fn passage(runs: &[Run]) -> Range<usize> {
    let all: Vec<usize> = (0..runs.len()).filter(|&i| runs[i].tag == DiffTag::Equal).collect();
    let mut matches = all.as_slice();
    while matches.len() > 1 && is_stray(&runs[matches[0]], &runs[matches[1]]) {
        matches = &matches[1..];
    }
    while matches.len() > 1 && is_stray(&runs[matches[matches.len() - 1]], &runs[matches[matches.len() - 2]]) {
        matches = &matches[..matches.len() - 1];
    }
    match (matches.first(), matches.last()) {
        (Some(&first), Some(&last)) => first..last + 1,
        _ => 0..runs.len(),
    }
}

/// Whether an outermost match is coincidence (a shared "the" far from the rest): it has fewer
/// words than separate it, on either side, from the next match inward.
fn is_stray(outer: &Run, inner: &Run) -> bool {
    let gap = |a: &Range<usize>, b: &Range<usize>| b.start.saturating_sub(a.end).max(a.start.saturating_sub(b.end));
    outer.old.len() < gap(&outer.old, &inner.old).max(gap(&outer.new, &inner.new))
}

/// Segments in the making: empty texts are dropped, neighbours of one kind joined.
#[derive(Default)]
struct Segments(Vec<DiffSegment>);

impl Segments {
    fn push(&mut self, change: Change, text: &str) {
        match self.0.last_mut() {
            _ if text.is_empty() => {}
            Some(last) if last.change == change => last.text.push_str(text),
            _ => self.0.push(DiffSegment { change, text: text.to_string() }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MACRON: &str = "We Europeans are ready to offer security guarantees to Ukraine and the Ukrainians";

    /// (case, reference, member, the member's diff in wdiff notation)
    const CASES: &[(&str, &str, &str, &str)] = &[
        ("identical quotes", MACRON, MACRON, MACRON),
        ("both empty", "", "", ""),
        (
            "partial quote at the start of the reference",
            MACRON,
            "We Europeans are ready to offer security guarantees",
            "We Europeans are ready to offer security guarantees[…to Ukraine and the Ukrainians…]",
        ),
        (
            "partial quote at the end of the reference",
            MACRON,
            "security guarantees to Ukraine and the Ukrainians",
            "[…We Europeans are ready to offer …]security guarantees to Ukraine and the Ukrainians",
        ),
        (
            "partial quote in the middle of the reference",
            MACRON,
            "ready to offer security guarantees",
            "[…We Europeans are …]ready to offer security guarantees[…to Ukraine and the Ukrainians…]",
        ),
        (
            "reworded inside the shared passage",
            MACRON,
            "We are ready to provide security guarantees to Ukraine and the Ukrainians",
            "We [-Europeans -]are ready to [-offer -]{+provide +}security guarantees to Ukraine and the Ukrainians",
        ),
        (
            "partial and reworded: the member goes on where the reference stops",
            "We will not abandon Ukraine, the minister said",
            "We will never abandon Ukraine or its people",
            "We will [-not -]{+never +}abandon Ukraine {…or its people…}[…the minister said…]",
        ),
        ("fully different wording", "Peace needs strength.", "Nothing is settled yet.", "[-Peace needs strength.-]{+Nothing is settled yet.+}"),
        (
            "case and prose punctuation are not compared",
            "effective—in the air, at sea. “Now”",
            "Effective – in the air at sea, now",
            "Effective – in the air at sea, now",
        ),
        ("symbols are compared", "Prices rose 5% last year", "Prices rose $5 last year", "Prices rose {+$+}5 [-% -]last year"),
        (
            "a lone shared word far from the passage is no alignment",
            "the talks went on all night and the war must end now",
            "The talks went on, an aide said of the meeting",
            "The talks went on, {…an aide said of the meeting…}[…all night and the war must end now…]",
        ),
        (
            // The seed corpus' Andriy Yermak group: one outlet quotes a few words of the middle
            // of the statement, and the whole of the rest of it came out struck through.
            "regression: Yermak, a few words of a long statement",
            "The security guarantees must be strong and effective—in the air, at sea, and on land. The war launched by Russia must be stopped. President Trump’s principle of ‘peace through strength’ is exactly the kind of approach that can influence the aggressor",
            "must be strong and effective – in the air, at sea, on land, and in cyberspace",
            "[…The security guarantees …]must be strong and effective – in the air, at sea, [-and -]on land, {…and in cyberspace…}[…The war launched by Russia must be stopped. President Trump’s principle of ‘peace through strength’ is exactly the kind of approach that can influence the aggressor…]",
        ),
    ];

    #[test]
    fn word_diff_cases() {
        let mut failures = Vec::new();
        for (case, reference, member, expected) in CASES {
            let diff = word_diff(reference, member);
            let own: String = diff.iter().filter(|s| !matches!(s.change, Change::Removed | Change::ReferenceContext)).map(|s| s.text.as_str()).collect();
            if wdiff(&diff) != *expected {
                failures.push(format!("{case}:\n  expected {expected}\n  got      {}", wdiff(&diff)));
            } else if own != *member {
                failures.push(format!("{case}: the member's words are not all there: {diff:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
