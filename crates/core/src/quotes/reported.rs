//! Reported (indirect) speech and media attributions, sentence by sentence.
use super::attribution::{attribution_after, is_speech_verb, subject_before, subject_after};
use super::document::Document;
use super::lexicon::REPORT_ONLY_VERBS;
use super::{MediaAttribution, Quote, QuoteKind, Speaker};
use crate::Span;

/// Reported clauses shorter than this are objects ("denied it"), not speech.
const MIN_CONTENT_WORDS: usize = 3;
/// How far a "that" may follow its verb ("told reporters on Tuesday that …").
const MAX_THAT_DISTANCE: usize = 8;

/// Verbs that take the hearer as object before the reported clause ("told reporters that").
const OBJECT_VERBS: &[&str] = &["told", "tells", "telling", "tell", "warned", "warns", "assured", "reminded", "informed", "urged", "asked", "convinced", "promised"];
/// Participles that continue the sentence subject's speech (", adding that …").
const PARTICIPLES: &[&str] = &["saying", "adding", "noting", "arguing", "claiming", "warning", "insisting", "stressing", "explaining", "asserting", "declaring", "acknowledging", "suggesting", "telling", "writing", "announcing"];
/// Words that can start a reported clause right after its verb ("said the plan would …").
const CLAUSE_STARTS: &[&str] = &[
    "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "there", "this",
    "these", "those", "our", "my", "no", "some", "many", "all", "both", "most", "if", "whether", "what", "how",
    "why", "when", "such", "every", "any", "each", "none", "nobody", "nothing", "one",
];
const PRONOUN_STARTS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "there", "that", "whether", "if", "what", "how", "why"];
const DAY_AND_MONTH_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "today", "yesterday", "tonight",
];

/// Reported speech in `doc`: "X said (that) …", "… , X said.", "according to X, …", "X has been
/// quoted as telling …". `direct` are the quotations already found, so that a direct quote is not
/// reported twice and quoted words inside reported speech make it mixed.
pub(super) fn reported_speech(doc: &Document, direct: &[Quote]) -> Vec<Quote> {
    let mut reported: Vec<Quote> = Vec::new();
    for &(start, end) in &doc.sentences {
        let end = content_end(doc, start, end);
        if end <= start {
            continue;
        }
        let found = according_to(doc, start, end)
            .or_else(|| postposed(doc, start, end))
            .map_or_else(|| verb_clauses(doc, start, end, &reported), |q| vec![q]);
        reported.extend(found);
    }
    reported.retain(|q| q.span.text(doc.text).split_whitespace().count() >= MIN_CONTENT_WORDS);
    for quote in &mut reported {
        let quoted = doc.pairs.iter().filter(|p| quote.span.overlaps(p.outer));
        quote.mixed = quoted.clone().next().is_some();
        // A reported clause that is one direct quote already found is that quote, not a second one.
        if quoted.count() == 1 && direct.iter().any(|d| d.kind == QuoteKind::Direct && quote.span.contains(d.outer) && d.outer.len() * 2 > quote.span.len()) {
            quote.span = Span::new(0, 0);
        }
    }
    reported.retain(|q| !q.span.is_empty());
    reported
}

/// A sentence's end without its final punctuation.
fn content_end(doc: &Document, start: usize, mut end: usize) -> usize {
    while end > start && (doc.is_punct(end - 1, ".?!;:,") || doc.is_newline(end - 1)) {
        end -= 1;
    }
    end
}

fn reported(doc: &Document, content: (usize, usize), speaker: Option<Speaker>, cue: Span) -> Option<Quote> {
    (content.0 < content.1).then(|| {
        let span = doc.span(content.0, content.1);
        Quote { span, outer: span, kind: QuoteKind::Indirect, mixed: false, speaker, cue: Some(cue), venue: None, continues_previous: false }
    })
}

fn speaker(doc: &Document, from: usize, to: usize) -> Speaker {
    let span = doc.span(from, to);
    let written = span.text(doc.text);
    let name = written.split(',').next().unwrap_or(written).trim().to_string();
    Speaker { span: Some(span), text: written.to_string(), name, entity: None }
}

/// "According to X, …" and "…, according to X".
fn according_to(doc: &Document, start: usize, end: usize) -> Option<Quote> {
    let k = (start..end.saturating_sub(2)).find(|&k| doc.lower(k) == "according" && doc.lower(k + 1) == "to" && doc.pair_inside(k).is_none())?;
    let cue = doc.span(k, k + 2);
    let sentence_initial = (start..k).all(|i| !doc.is_word(i) || doc.is_one_of(i, &["but", "and", "yet", "also"]));
    if sentence_initial {
        let comma = (k + 2..end).find(|&i| doc.is_punct(i, ","))?;
        let source = speaker(doc, k + 2, comma);
        return reported(doc, (comma + 1, end), Some(source), cue);
    }
    let source_end = subject_after(doc, k + 2, end).unwrap_or(end);
    let content_end = if doc.is_punct(k - 1, ",") { k - 1 } else { k };
    let source = (source_end > k + 2).then(|| speaker(doc, k + 2, source_end));
    reported(doc, (start, content_end), source, cue)
}

/// "The plan will fail, he said." / "…, said the minister." — reported speech before its verb.
fn postposed(doc: &Document, start: usize, end: usize) -> Option<Quote> {
    let comma = (start + 1..end).rev().find(|&i| doc.is_punct(i, ",") && doc.pair_inside(i).is_none())?;
    if doc.opened_pair(start).is_some() || (start..comma).filter_map(|i| doc.opened_pair(i)).any(|p| doc.pairs[p].close + 1 >= comma) {
        return None;
    }
    let attribution = attribution_after(doc, comma + 1)?;
    let speaker_span = attribution.speaker?;
    // Little may follow the attribution: "…, he said on Tuesday", not "…, he said the plan …".
    let last_token = (comma..end).rev().find(|&i| doc.toks[i].span.end <= speaker_span.end.max(attribution.cue.end))?;
    if end - last_token > 5 {
        return None;
    }
    let source = Speaker { span: Some(speaker_span), text: speaker_span.text(doc.text).to_string(), name: speaker_span.text(doc.text).split(',').next().unwrap_or("").trim().to_string(), entity: None };
    reported(doc, (start, comma), Some(source), attribution.cue)
}

/// "X said (that) …", "X told reporters that …", "…, adding that …": every reported clause whose
/// verb has a subject (or continues the previous speaker's), up to the sentence end.
fn verb_clauses(doc: &Document, start: usize, end: usize, earlier: &[Quote]) -> Vec<Quote> {
    let mut found: Vec<Quote> = Vec::new();
    let mut v = start;
    while v < end {
        let is_verb = doc.pair_inside(v).is_none() && (is_speech_verb(doc, v) || doc.is_one_of(v, REPORT_ONLY_VERBS));
        let Some(content_start) = is_verb.then(|| clause_start(doc, v, end)).flatten() else {
            v += 1;
            continue;
        };
        let participle = doc.is_one_of(v, PARTICIPLES) && v > start && doc.is_punct(v - 1, ",");
        let source = if participle {
            found.last().or(earlier.last()).and_then(|q| q.speaker.clone())
        } else {
            subject_before(doc, start, v).map(|(s, e)| speaker(doc, s, e))
        };
        if source.is_none() {
            v += 1;
            continue;
        }
        let content_end = clause_end(doc, content_start, end);
        found.extend(reported(doc, (content_start, content_end), source, doc.span(v, v + 1)));
        v = content_end.max(v + 1);
    }
    found
}

/// Where the reported clause after the verb at `v` starts: its "that", or the clause itself.
fn clause_start(doc: &Document, v: usize, end: usize) -> Option<usize> {
    let that = (v + 1..end.min(v + 1 + MAX_THAT_DISTANCE))
        .take_while(|&i| doc.is_word(i) || doc.is_punct(i, ".-’'"))
        .find(|&i| doc.lower(i) == "that" && !doc.is_one_of(i + 1, &["is", "was", "will", "would", "has", "had", "could", "of"]));
    if let Some(that) = that {
        return Some(that);
    }
    let next = v + 1;
    if next >= end || doc.is_one_of(v, OBJECT_VERBS) {
        return None;
    }
    let speech = is_speech_verb(doc, v);
    let starts_clause = if let Some(pair) = doc.opened_pair(next) {
        // "said “underpin …”" with a lower-case quotation: mixed reported speech.
        doc.pairs[pair].inner.text(doc.text).starts_with(char::is_lowercase)
    } else if speech {
        doc.is_one_of(next, CLAUSE_STARTS) || (doc.is_capitalized(next) && !doc.is_one_of(next, DAY_AND_MONTH_WORDS))
    } else {
        doc.is_one_of(next, PRONOUN_STARTS)
    };
    starts_clause.then_some(next)
}

/// The clause runs to the sentence end, or to a trailing ", adding …", ", according to …",
/// ", he said".
fn clause_end(doc: &Document, start: usize, end: usize) -> usize {
    (start + 1..end)
        .find(|&i| {
            doc.is_punct(i, ",") && (doc.is_one_of(i + 1, PARTICIPLES) || doc.lower(i + 1) == "according" || {
                let next_verb = (i + 1..end.min(i + 6)).find(|&j| is_speech_verb(doc, j));
                next_verb.is_some_and(|j| subject_before(doc, i + 1, j).is_some_and(|(s, _)| s == i + 1) || j == i + 1)
            })
        })
        .unwrap_or(end)
}

/// Outlets credited with facts: "according to TIME", "as reported by Ukrinform", "per AP",
/// "The Associated Press reported", "a copy of which AFP obtained".
pub fn extract_media_attributions(text: &str) -> Vec<MediaAttribution> {
    let doc = Document::new(text);
    let mut attributions = Vec::new();
    for &(start, end) in &doc.sentences {
        let sentence = doc.span(start, end);
        let mut i = start;
        while i < end {
            let Some((outlet_end, outlet)) = (doc.pair_inside(i).is_none()).then(|| doc.outlet_at(i)).flatten() else {
                i += 1;
                continue;
            };
            let before = |words: &[&str]| i >= start + words.len() && words.iter().rev().enumerate().all(|(k, w)| doc.lower(i - 1 - k) == *w);
            let cue_start = if before(&["according", "to"]) {
                Some(i - 2)
            } else if before(&["reported", "by"]) || before(&["obtained", "by"]) || before(&["cited", "by"]) || before(&["quoted", "by"]) {
                Some(if before(&["as", "reported", "by"]) { i - 3 } else { i - 2 })
            } else if before(&["per"]) {
                Some(i - 1)
            } else {
                None
            };
            let reports_after = doc.is_one_of(outlet_end, &["reported", "reports", "obtained"])
                || doc.is_one_of(outlet_end, &["has", "have", "first"]) && doc.is_one_of(outlet_end + 1, &["reported", "learned", "obtained", "confirmed"]);
            let cue = match cue_start {
                Some(cue_start) => Some(doc.span(cue_start, outlet_end)),
                None if reports_after => {
                    let verb_end = if doc.is_one_of(outlet_end, &["has", "have", "first"]) { outlet_end + 2 } else { outlet_end + 1 };
                    let from = if before(&["which"]) && i >= start + 4 && doc.lower(i - 4) == "a" { i - 4 } else { i };
                    Some(doc.span(from, verb_end))
                }
                None => None,
            };
            if let Some(span) = cue {
                attributions.push(MediaAttribution { outlet, span, sentence });
            }
            i = outlet_end.max(i + 1);
        }
    }
    attributions
}
