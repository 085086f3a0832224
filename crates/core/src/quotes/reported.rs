//! Reported (indirect) speech and media attributions, sentence by sentence.
use super::attribution::{cue_after, is_speech_verb, plausible_speaker, sentence_subject, speaker_from, subject_after, subject_before};
use super::document::Document;
use super::lexicon::{
    ABOUT, ACCORDING, APPEARANCE_VERBS, BARE_CLAUSE_VERBS, CLAUSE_BREAKS_AFTER_CUE, CLAUSE_END_LINKS, CLAUSE_STARTS, DAY_AND_MONTH_WORDS, EDITORIAL_LABELS, NOT_CLAUSE_STARTS,
    MEDIA_CUES, NOUN_CUES, OBJECT_BOUNDARIES, OBJECT_CUES, OBJECT_VERBS, PARTICIPLES, PHRASAL_CUES, PRONOUN_STARTS, REPORT_ONLY_VERBS, SPEECH_VERBS, THAT_BLOCKERS, TOPIC_HEADS,
};
use super::scan::has_words;
use super::{MediaAttribution, Quote, QuoteKind, Speaker};
use crate::Span;

/// Reported clauses shorter than this are objects ("denied it"), not speech.
const MIN_CONTENT_WORDS: usize = 3;
/// How far a "that" may follow its verb ("told reporters on Tuesday that …").
const MAX_THAT_DISTANCE: usize = 8;

/// A label before a colon is a name or a short headline phrase.
const MAX_LABEL_TOKENS: usize = 8;
const MAX_TOPIC_DISTANCE: usize = 4;

/// Reported speech in `doc`: "X said (that) …", "… , X said.", "according to X, …", "X has been
/// quoted as telling …". `direct` are the quotations already found, one for each of `doc.pairs`,
/// so that a direct quote is not reported twice and quoted words inside reported speech make it
/// mixed.
pub(super) fn reported_speech(doc: &Document, direct: &[Quote]) -> Vec<Quote> {
    debug_assert_eq!(direct.len(), doc.pairs.len(), "one quotation for each pair of marks");
    let labelled = labelled_lines(doc);
    let mut reported: Vec<Quote> = Vec::new();
    for &(start, end) in &doc.sentences {
        let end = content_end(doc, start, end);
        // Labelled lines are in text order: only the last one starting before the sentence can hold it.
        let holder = labelled.partition_point(|q| q.span.start <= doc.toks[start].span().start).checked_sub(1);
        if end <= start || holder.is_some_and(|k| labelled[k].span.contains(doc.span(start, end))) {
            continue;
        }
        let long_enough = |q: &Quote| has_words(q.span.text(doc.text), MIN_CONTENT_WORDS);
        // A rule whose cue words are all missing from the sentence is not tried: most sentences
        // have no "according" nor "seemed", and many no speech verb nor cue.
        let lists = doc.bits_in(start, end);
        let found = (lists & ACCORDING.bit != 0)
            .then(|| according_to(doc, start, end))
            .flatten()
            .or_else(|| postposed(doc, start, end))
            .or_else(|| parenthetical(doc, start, end))
            .or_else(|| (lists & APPEARANCE_VERBS.bit != 0).then(|| appearance(doc, start, end)).flatten())
            .filter(long_enough)
            .map_or_else(|| if lists & CLAUSE_CUES != 0 { verb_clauses(doc, start, end, &reported) } else { Vec::new() }, |q| vec![q]);
        reported.extend(found);
    }
    reported.extend(labelled);
    for quote in &mut reported {
        let quoted = doc.pairs_overlapping(quote.span);
        quote.mixed = !quoted.is_empty();
        // A reported clause that is one direct quote already found is that quote, not a second one.
        let only = (quoted.len() == 1).then(|| &direct[quoted.start]);
        if only.is_some_and(|d| d.kind == QuoteKind::Direct && quote.span.contains(d.outer) && d.outer.len() * 2 > quote.span.len()) {
            quote.span = Span::new(0, 0);
        }
    }
    reported.retain(|q| !q.span.is_empty());
    reported
}

/// Headlines and transcripts that credit a line to a name before a colon: "Pence: Gennifer Flowers
/// Won’t Be at Debate", "WALLACE: Let’s start with …". The rest of the line is the content.
fn labelled_lines(doc: &Document) -> Vec<Quote> {
    let mut found = Vec::new();
    for line_start in doc.line_starts() {
        let first = if doc.is_mark(line_start) { line_start + 1 } else { line_start };
        let starts_with_name = doc.is_word(first) && doc.raw(first).starts_with(char::is_uppercase);
        if !starts_with_name {
            continue;
        }
        let Some(colon) = (first + 1..doc.len().min(first + MAX_LABEL_TOKENS + 1)).find(|&i| !is_label_token(doc, i)) else {
            continue;
        };
        if !doc.is_punct(colon, ":") || !(doc.is_word(colon + 1) || doc.is_mark(colon + 1)) {
            continue;
        }
        if doc.is_in(colon - 1, EDITORIAL_LABELS) {
            continue;
        }
        let line_end = (colon + 1..doc.len()).find(|&i| doc.is_newline(i)).unwrap_or(doc.len());
        let end = content_end(doc, colon + 1, line_end);
        let source = speaker(doc, first, colon);
        found.extend(reported(doc, (colon + 1, end), Some(source), doc.span(colon, colon + 1)));
    }
    found
}

/// A word of a label: a capitalized word, a short function word ("Obama on Climate Change"), or
/// an abbreviation's period.
fn is_label_token(doc: &Document, i: usize) -> bool {
    (doc.is_word(i) && (doc.raw(i).starts_with(char::is_uppercase) || doc.is_one_of(i, &["on", "of", "from", "for", "the", "and", "to", "in"])))
        || (doc.is_punct(i, ".") && !doc.is_terminal(i))
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
    speaker_from(doc.text, doc.span(from, to))
}

/// "According to X, …" and "…, according to X".
fn according_to(doc: &Document, start: usize, end: usize) -> Option<Quote> {
    let k = (start..end.saturating_sub(2)).find(|&k| doc.is_in(k, ACCORDING) && doc.lower(k + 1) == "to" && doc.pair_inside(k).is_none())?;
    let cue = doc.span(k, k + 2);
    let sentence_initial = (start..k).all(|i| !doc.is_word(i) || doc.is_one_of(i, &["but", "and", "yet", "also"]));
    if sentence_initial {
        // "According to , …" names no source.
        let comma = (k + 2..end).find(|&i| doc.is_punct(i, ",")).filter(|&comma| comma > k + 2)?;
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
    let comma = doc.commas_in(start + 1, end).last()?;
    if doc.opened_pair(start).is_some() || (start..comma).filter_map(|i| doc.opened_pair(i)).any(|p| doc.pairs[p].close + 1 >= comma) {
        return None;
    }
    let (attribution, _) = cue_after(doc, comma + 1)?;
    let speaker_span = attribution.speaker?;
    // Little may follow the attribution: "…, he said on Tuesday", not "…, he said the plan …".
    let last_token = (comma..end).rev().find(|&i| doc.toks[i].span().end <= speaker_span.end.max(attribution.cue.end))?;
    if end - last_token > 5 {
        return None;
    }
    let source = plausible_speaker(doc, speaker_span).then(|| speaker_from(doc.text, speaker_span));
    reported(doc, (start, comma), source, attribution.cue)
}

/// "The editorial, sources said, nailed the narrative": an attribution between commas inside the
/// content, which is then the whole sentence.
fn parenthetical(doc: &Document, start: usize, end: usize) -> Option<Quote> {
    for comma in doc.commas_in(start + 1, end) {
        if let Some((attribution, _)) = cue_after(doc, comma + 1).filter(|(a, _)| a.speaker.is_some()) {
            let attribution_end = attribution.speaker.map_or(attribution.cue.end, |s| s.end.max(attribution.cue.end));
            let after = (comma + 1..end).find(|&i| doc.toks[i].span().start >= attribution_end);
            if after.is_some_and(|i| doc.is_punct(i, ",")) && doc.toks[comma + 1].span().start < attribution_end {
                let source = attribution.speaker.filter(|&span| plausible_speaker(doc, span)).map(|span| speaker_from(doc.text, span));
                return reported(doc, (start, end), source, attribution.cue);
            }
        }
    }
    None
}

/// "Trump seemed to suggest he had silenced her": an impression, attributed to no one, up to the
/// clause's end.
fn appearance(doc: &Document, start: usize, end: usize) -> Option<Quote> {
    let verb = (start + 1..end.saturating_sub(1)).find(|&v| doc.is_in(v, APPEARANCE_VERBS) && doc.lower(v + 1) == "to" && doc.pair_inside(v).is_none())?;
    let (subject_start, _) = subject_before(doc, start, verb)?;
    reported(doc, (subject_start, object_end(doc, verb + 2, end)), None, doc.span(verb, verb + 2))
}

/// The lists whose words start a verb clause or an attributed object: a sentence with none of
/// them has neither.
const CLAUSE_CUES: u64 = SPEECH_VERBS.bit | REPORT_ONLY_VERBS.bit | OBJECT_CUES.bit | PHRASAL_CUES.bit | NOUN_CUES.bit | ABOUT.bit;

/// "X said (that) …", "X told reporters that …", "…, adding that …": every reported clause whose
/// verb has a subject (or continues the previous speaker's), up to the sentence end. Also the
/// objects of attribution cues ("Trump criticized the deal", "questions about her emails").
fn verb_clauses(doc: &Document, start: usize, end: usize, earlier: &[Quote]) -> Vec<Quote> {
    let mut found: Vec<Quote> = Vec::new();
    let mut v = start;
    loop {
        // A clause or an object starts only at a word of these lists: the others are passed at once.
        v = doc.next_in(v, end, CLAUSE_CUES);
        if v == end {
            break;
        }
        let narrated = doc.pair_inside(v).is_none();
        let is_verb = narrated && (is_speech_verb(doc, v) || doc.is_in(v, REPORT_ONLY_VERBS));
        let clause = is_verb.then(|| clause_start(doc, v, end)).flatten();
        let object = if clause.is_none() && narrated { object_cue(doc, v) } else { None };
        let Some((content_start, has_subject)) = clause.map(|c| (c, true)).or(object) else {
            v += 1;
            continue;
        };
        let participle = (doc.is_in(v, PARTICIPLES) || is_participle(doc, v)) && v > start && doc.is_punct(v - 1, ",");
        // "Trump criticized the deals and called for …": the coordinated verb shares the subject.
        let coordinated = v > start && doc.lower(v - 1) == "and" && found.last().is_some_and(|q| q.span.end <= doc.toks[v - 1].span().start);
        let source = if participle {
            found.last().or(earlier.last()).and_then(|q| q.speaker.clone())
        } else if coordinated {
            found.last().and_then(|q| q.speaker.clone())
        } else if has_subject {
            subject_before(doc, start, v).map(|(s, e)| speaker(doc, s, e))
        } else {
            None
        };
        // "He is backing Clinton", "David Axelrod would meet with Ailes to address …": where the
        // verb's own subject is not next to it, the sentence's subject is.
        let narrative = || (start..v).all(|i| !doc.is_mark(i));
        let source = source.or_else(|| (has_subject && narrative()).then(|| sentence_subject(doc, start, v)).flatten().map(|(s, e)| speaker(doc, s, e)));
        // A verb of saying needs its speaker; the object of a cue is attributed content either way.
        if source.is_none() && clause.is_some() {
            v += 1;
            continue;
        }
        // A clause with a subject is reported speech even when that subject is no speaker ("In").
        let source = source.filter(|s| s.span.is_some_and(|span| plausible_speaker(doc, span)));
        let content_end = if clause.is_some() { clause_end(doc, content_start, end) } else { object_end(doc, content_start, end) };
        let quote = reported(doc, (content_start, content_end), source, doc.span(v, content_start));
        // An object may be one word ("endorsed Clinton"); a reported clause may not.
        found.extend(quote.filter(|q| clause.is_none() || has_words(q.span.text(doc.text), MIN_CONTENT_WORDS)));
        v = content_end.max(v + 1);
    }
    found
}

/// An attribution cue whose object is the attributed content ("endorsed …", "called for …",
/// "questions about …"): where the content starts, and whether the cue is a verb (whose subject
/// is the source) rather than a noun.
#[inline(always)]
fn object_cue(doc: &Document, v: usize) -> Option<(usize, bool)> {
    // Inlined, the test of the cue lists' bits spares most words a call: each rule needs one.
    let cue_lists = PHRASAL_CUES.bit | NOUN_CUES.bit | ABOUT.bit | OBJECT_CUES.bit;
    (v < doc.len() && doc.bits_in(v, v + 1) & cue_lists != 0).then(|| listed_object_cue(doc, v)).flatten()
}

fn listed_object_cue(doc: &Document, v: usize) -> Option<(usize, bool)> {
    if !doc.is_word(v) || doc.is_capitalized(v) {
        return None;
    }
    let verb_phrase = doc.starts_phrase(v, PHRASAL_CUES);
    if verb_phrase || doc.starts_phrase(v, NOUN_CUES) {
        return doc.is_word(v + 2).then_some((v + 2, verb_phrase));
    }
    // "asked Clinton about her emails", "spoke emotionally of the legacy": the topic of speech.
    let topic = doc.is_in(v, ABOUT) && (v.saturating_sub(MAX_TOPIC_DISTANCE)..v).any(|h| doc.is_in(h, TOPIC_HEADS) && (h + 1..v).all(|k| doc.is_word(k)));
    if topic && doc.is_word(v + 1) {
        return Some((v + 1, false));
    }
    // "asked him about …" leaves the content to "about".
    let topic_follows = || (v + 1..v + MAX_TOPIC_DISTANCE).take_while(|&k| doc.is_word(k)).any(|k| doc.is_in(k, ABOUT));
    // "US support remains unclear": before a verb the cue is a noun. (Asked last: most words are no cue.)
    let noun = || doc.is_one_of(v + 1, FINITE_VERBS);
    (doc.is_in(v, OBJECT_CUES) && (doc.is_word(v + 1) || doc.opened_pair(v + 1).is_some()) && !doc.is_in(v + 1, CLAUSE_BREAKS_AFTER_CUE) && !topic_follows() && !noun())
        .then_some((v + 1, true))
}

/// Forms of "be", "have" and "remain" that follow a subject.
const FINITE_VERBS: &[&str] = &["is", "are", "was", "were", "remain", "remains", "remained", "has", "have", "had"];

/// The object runs to the next clause boundary: punctuation, a subordinating word, or "and" before
/// another cue ("criticized the deals and called for tariffs").
fn object_end(doc: &Document, start: usize, end: usize) -> usize {
    (start + 1..end)
        .find(|&i| {
            doc.pair_inside(i).is_none()
                && (doc.is_punct(i, ",;:—–()") || doc.is_in(i, OBJECT_BOUNDARIES) || is_time_adjunct(doc, i) || (doc.lower(i) == "and" && (is_speech_verb(doc, i + 1) || object_cue(doc, i + 1).is_some_and(|(_, verb)| verb))))
        })
        .unwrap_or(end)
}

/// "on Friday", "last week", "Tuesday": a time phrase that trails an object and is not part of it.
fn is_time_adjunct(doc: &Document, i: usize) -> bool {
    let time_word = |k: usize| doc.is_in(k, DAY_AND_MONTH_WORDS) || doc.is_one_of(k, &["week", "month", "year", "night", "morning", "weekend"]);
    doc.is_in(i, DAY_AND_MONTH_WORDS) && !doc.is_one_of(i, &["may", "march"])
        || doc.is_one_of(i, &["on", "last", "this", "next", "earlier", "later"]) && time_word(i + 1)
}

/// Where the reported clause after the verb at `v` starts: its "that", or the clause itself.
fn clause_start(doc: &Document, v: usize, end: usize) -> Option<usize> {
    let that = (v + 1..end.min(v + 1 + MAX_THAT_DISTANCE))
        .take_while(|&i| doc.is_word(i) || doc.is_punct(i, ".-’'"))
        // "said she was ready for that fight": a clause already began, and this "that" is its own.
        .take_while(|&i| !doc.is_in(i, THAT_BLOCKERS) && (!doc.lower(i).ends_with("ed") || doc.is_capitalized(i)))
        .find(|&i| doc.lower(i) == "that" && !doc.is_one_of(i + 1, &["is", "was", "will", "would", "has", "had", "could", "of"]));
    if let Some(that) = that {
        return Some(that);
    }
    // "He added: the plan will fail": a colon introduces the clause ("Editor’s note:" does not).
    if doc.is_punct(v + 1, ":") && doc.is_word(v + 2) && v + 2 < end && !doc.is_in(v, EDITORIAL_LABELS) {
        return Some(v + 2);
    }
    // "said Thursday he would leave": a day between the verb and its clause.
    let next = if doc.is_in(v + 1, DAY_AND_MONTH_WORDS) && doc.is_in(v + 2, PRONOUN_STARTS) { v + 2 } else { v + 1 };
    if next >= end || doc.is_in(v, OBJECT_VERBS) {
        return None;
    }
    let speech = is_speech_verb(doc, v);
    let starts_clause = if let Some(pair) = doc.opened_pair(next) {
        // "said “underpin …”" with a lower-case quotation: mixed reported speech.
        doc.pairs[pair].inner.text(doc.text).starts_with(char::is_lowercase)
    } else if speech {
        doc.is_in(next, CLAUSE_STARTS)
            || (doc.is_capitalized(next) && !doc.is_in(next, DAY_AND_MONTH_WORDS))
            // "said disagreements broke out": a bare clause after a verb of saying proper.
            || (doc.is_in(v, BARE_CLAUSE_VERBS) && doc.is_word(next) && !doc.is_in(next, NOT_CLAUSE_STARTS) && !doc.lower(next).ends_with("ly"))
    } else {
        // "He thinks Cruz will win": a name can open the clause of a verb of thought too.
        doc.is_in(next, PRONOUN_STARTS) || (doc.is_capitalized(next) && !doc.is_in(next, DAY_AND_MONTH_WORDS))
    };
    starts_clause.then_some(next)
}

/// The clause runs to the sentence end, or to a trailing ", adding …", ", according to …",
/// ", he said".
fn clause_end(doc: &Document, start: usize, end: usize) -> usize {
    (start + 1..end)
        .find(|&i| {
            doc.is_punct(i, "—–") && is_participle(doc, i + 1)
                // "said he would order a review and warned against hackers": the speaker's next cue.
                || doc.pair_inside(i).is_none() && doc.lower(i) == "and" && (is_speech_verb(doc, i + 1) || object_cue(doc, i + 1).is_some_and(|(_, verb)| verb))
                || doc.is_punct(i, ",") && (doc.is_in(i + 1, PARTICIPLES) || is_participle(doc, i + 1) || doc.is_in(i + 1, CLAUSE_END_LINKS) || {
                let next_verb = (i + 1..end.min(i + 6)).find(|&j| is_speech_verb(doc, j));
                next_verb.is_some_and(|j| subject_before(doc, i + 1, j).is_some_and(|(s, _)| s == i + 1) || j == i + 1)
            })
        })
        .unwrap_or(end)
}

/// A lower-case "-ing" word that opens a participle phrase (", pointing to …").
fn is_participle(doc: &Document, i: usize) -> bool {
    doc.is_word(i) && !doc.is_capitalized(i) && doc.lower(i).ends_with("ing") && !doc.is_one_of(i, &["nothing", "something", "anything", "everything", "thing", "king", "during"])
}

/// Outlets credited with facts: "according to TIME", "as reported by Ukrinform", "per AP",
/// "The Associated Press reported", "a copy of which AFP obtained".
pub fn extract_media_attributions(text: &str) -> Vec<MediaAttribution> {
    media_attributions(&Document::new(text))
}

/// [`extract_media_attributions`] on a document already read.
pub(super) fn media_attributions(doc: &Document) -> Vec<MediaAttribution> {
    let mut attributions = Vec::new();
    for &(start, end) in &doc.sentences {
        // Most sentences have no cue word: their outlets are not looked for. (A cue's verb may
        // follow an outlet that ends the sentence.)
        if doc.bits_in(start, doc.len().min(end + 2)) & MEDIA_CUES.bit != 0 {
            attributions_in(doc, start, end, &mut attributions);
        }
    }
    attributions
}

/// The media attributions of the sentence of tokens `start..end`.
fn attributions_in(doc: &Document, start: usize, end: usize, attributions: &mut Vec<MediaAttribution>) {
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
            attributions.push(MediaAttribution { outlet: outlet.text(doc.text).to_string(), span, sentence });
        }
        i = outlet_end.max(i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_cues_are_found_only_on_words_of_the_cue_lists() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles");
        for article in crate::article::load_dir(&dir).expect("the sample articles") {
            let doc = Document::new(&article.text);
            for v in 0..=doc.len() {
                assert_eq!(object_cue(&doc, v), listed_object_cue(&doc, v), "{} at token {v}", article.id);
            }
        }
    }

    #[test]
    fn a_sentence_without_a_media_cue_word_credits_no_outlet() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles");
        for article in crate::article::load_dir(&dir).expect("the sample articles") {
            let doc = Document::new(&article.text);
            for &(start, end) in &doc.sentences {
                let mut found = Vec::new();
                attributions_in(&doc, start, end, &mut found);
                let cue_words = doc.bits_in(start, doc.len().min(end + 2)) & MEDIA_CUES.bit != 0;
                assert!(cue_words || found.is_empty(), "{}: {:?}", article.id, found);
            }
        }
    }
}
