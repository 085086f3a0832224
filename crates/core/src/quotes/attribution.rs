//! Direct quotations and who said them: the speech verb and speaker around the marks, venues,
//! continuations, pronouns and entities.
use super::document::Document;
use super::lexicon::{
    ACCORDING, ADJUNCT_STARTS, CLAUSE_BREAKS, MEDIA_NOUNS, NAME_PARTICLES, NOT_SPEAKER_OPENERS, PERSON_PRONOUNS, PLURAL_OR_ORG_PRONOUNS, SPEAKER_OPENERS, SPEAKER_TAIL_BREAKS, SPEECH_VERBS,
    SUBJECT_TAIL_WORDS, VERB_MODIFIERS,
};
use super::scan::has_words;
use super::spans::SpanIndex;
use super::{Quote, QuoteKind, Speaker};
use crate::ner::{Entity, EntityKind};
use crate::Span;

/// Speaker phrases are short; the bound keeps every scan constant-time per quote.
const MAX_SPEAKER_TOKENS: usize = 14;
/// "Alex Castellanos, a veteran media consultant who earlier in the season had tried …, said".
const MAX_APPOSITIVE_TOKENS: usize = 40;
/// How far after a quote the speech verb may come ("…,” the senior Democratic senator said).
const MAX_VERB_DISTANCE: usize = 10;
/// Quoted phrases of fewer words with no speaker are terms, not speech.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// A signature after a dash is a name ("― Julie A. Diaz Martinez").
const MAX_NAME_TOKENS: usize = 6;

/// Who said it, found around a quotation.
pub(super) struct Attribution {
    pub speaker: Option<Span>,
    pub cue: Span,
    pub venue: Option<String>,
}

/// Every quotation in the text, as a direct quote when someone says it (or it continues one that
/// someone says), else as a term.
pub(super) fn direct_quotes(doc: &Document) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::with_capacity(doc.pairs.len());
    for (index, pair) in doc.pairs.iter().enumerate() {
        // An introduction ending in "," or ":" outranks what follows ("Trump continued: “…?” He added …").
        // A quotation inside a clause ("hit a “legal target”, the army said") is a term or part of
        // reported speech, whatever follows it.
        let at_sentence_start = starts_sentence(doc, pair.open);
        let opens_clause = at_sentence_start || doc.is_punct(pair.open.wrapping_sub(1), ",") || is_speech_verb(doc, pair.open.wrapping_sub(1));
        let found = attribution_before(doc, pair.open).or_else(|| opens_clause.then(|| attribution_after(doc, pair.close + 1)).flatten());
        let previous = quotes.last().filter(|q| q.kind == QuoteKind::Direct);
        let after_previous = index > 0 && previous.is_some() && continues(doc, doc.pairs[index - 1].close, pair.open);
        let (kind, speaker, cue, venue, continues_previous) = match found {
            Some(found) => {
                let speaker = found.speaker.filter(|&span| plausible_speaker(doc, span)).map(|span| speaker_from(doc.text, span));
                // "…,” Clark said. “…”": the verb after it makes the next quote's speaker known too.
                let speaker = speaker.or_else(|| previous.filter(|_| after_previous).and_then(|q| q.speaker.clone()));
                let same_attribution = found.speaker.is_none() || previous.is_some_and(|q| q.cue == Some(found.cue));
                (QuoteKind::Direct, speaker, Some(found.cue), found.venue, after_previous && same_attribution)
            }
            None if after_previous && at_sentence_start => {
                let previous = previous.expect("after_previous implies a previous direct quote");
                (QuoteKind::Direct, previous.speaker.clone(), previous.cue, previous.venue.clone(), true)
            }
            None if at_sentence_start && has_words(pair.inner.text(doc.text), MIN_UNATTRIBUTED_WORDS) && starts_like_a_sentence(doc, pair.open) => {
                (QuoteKind::Direct, None, None, None, false)
            }
            None => (QuoteKind::Term, None, None, None, false),
        };
        quotes.push(Quote { span: pair.inner, outer: pair.outer, kind, mixed: false, speaker, cue, venue, continues_previous });
    }
    quotes
}

/// Whether a quotation opening at `open` follows the one closing at `previous_close` with only an
/// attribution, sentence ends or paragraph breaks between them (“…,” she said. “…”).
fn continues(doc: &Document, previous_close: usize, open: usize) -> bool {
    let between = previous_close + 1..open;
    let newlines = between.clone().filter(|&i| doc.is_newline(i)).count();
    match newlines {
        0 => true,
        // A paragraph that opens with a quote right after a paragraph that ends in one.
        _ => between.clone().all(|i| !doc.is_word(i)) || {
            let last_line_start = between.clone().rev().find(|&i| doc.is_newline(i)).map_or(open, |i| i + 1);
            (last_line_start..open).all(|i| !doc.is_word(i)) && ends_with_attribution(doc, previous_close + 1, last_line_start)
        },
    }
}

/// The paragraph tail after a quote is only its attribution ("…,” Barkley said.\n\n“…”).
fn ends_with_attribution(doc: &Document, from: usize, to: usize) -> bool {
    let words = (from..to).filter(|&i| doc.is_word(i)).count();
    words <= MAX_SPEAKER_TOKENS + MAX_VERB_DISTANCE && (from..to).any(|i| is_speech_verb(doc, i))
}

fn starts_sentence(doc: &Document, open: usize) -> bool {
    let mut i = open;
    while i > 0 {
        i -= 1;
        if doc.is_terminal(i) || doc.is_punct(i, ":—–") || doc.pair_inside(i).is_some_and(|p| doc.pairs[p].close == i) {
            return true;
        }
        if doc.is_mark(i) || doc.is_punct(i, "([") {
            continue;
        }
        return false;
    }
    true
}

fn starts_like_a_sentence(doc: &Document, open: usize) -> bool {
    doc.is_capitalized(open + 1) || doc.is_mark(open + 1) || doc.is_punct(open + 1, ".…")
}

/// "…,” Clark said", "…,” said Clark", "…,” he told CBS News", "…,” according to the memo".
pub(super) fn attribution_after(doc: &Document, i: usize) -> Option<Attribution> {
    let (mut found, verb) = cue_after(doc, i)?;
    found.venue = verb.and_then(|v| venue_in(doc, v + 1, doc.narrative_end(v + 1)));
    Some(found)
}

/// `attribution_after` without the venue, which takes a scan to the end of the sentence; and the
/// verb, after which a venue would be.
pub(super) fn cue_after(doc: &Document, mut i: usize) -> Option<(Attribution, Option<usize>)> {
    // “…,” / “…?” / “…” — announce an attribution; after those, any verb-like word can be its verb
    // ("…,” exhorted Curtis", "…?” Beck questioned").
    let announced = i >= 2 && (doc.is_punct(i - 2, ",?!—–-") || doc.is_punct(i, ","));
    let dashed = doc.is_punct(i, "―—–");
    let is_verb = |v: usize| is_speech_verb(doc, v) || (announced && is_verb_like(doc, v));
    while doc.is_punct(i, ",―—–-") {
        i += 1;
    }
    let start = i;
    let end = doc.narrative_end(start);
    if start >= end {
        return None;
    }
    // Unannounced and undashed, only a speech verb or "according" within reach of the verb's
    // search below attributes: most clauses have neither.
    let reach = end.min(start + MAX_VERB_DISTANCE + MAX_APPOSITIVE_TOKENS);
    if !announced && !dashed && doc.bits_in(start, reach) & (SPEECH_VERBS.bit | ACCORDING.bit) == 0 {
        return None;
    }
    // "“…” ― Steve Quinlan": a signature line, only a name after a dash.
    let name_only = || (start..end).all(|k| doc.is_capitalized(k) || doc.is_punct(k, ".-’'"));
    if dashed && name_only() && end - start <= MAX_NAME_TOKENS && (end == doc.len() || doc.is_newline(end) || doc.is_newline(end + 1) || end + 1 == doc.len()) {
        return Some((Attribution { speaker: Some(doc.span(start, end)), cue: doc.span(start - 1, start), venue: None }, None));
    }
    if doc.lower(start) == "according" && doc.lower(start + 1) == "to" && start + 2 < end {
        let speaker_end = subject_after(doc, start + 2, end)?;
        return Some((Attribution { speaker: Some(doc.span(start + 2, speaker_end)), cue: doc.span(start, start + 2), venue: None }, None));
    }
    if is_verb(start) {
        // "…, said the minister" names the speaker after the verb; "…, noting the EU's
        // contribution" does not: a participle's subject is the sentence's.
        let inverted = !doc.lower(start).ends_with("ing");
        let speaker_end = subject_after(doc, start + 1, end).filter(|_| inverted);
        let speaker = speaker_end.map(|e| doc.span(start + 1, e));
        return Some((Attribution { speaker, cue: doc.span(start, start + 1), venue: None }, Some(start)));
    }
    let verb = (start..reach).find(|&v| is_verb(v) && subject_before(doc, start, v).is_some_and(|(s, _)| s == start))?;
    let (subject_start, subject_end) = subject_before(doc, start, verb)?;
    (subject_start == start).then(|| (Attribution { speaker: Some(doc.span(subject_start, subject_end)), cue: doc.span(verb, verb + 1), venue: None }, Some(verb)))
}

/// "Clark said: “…”", "He told CBS News, “…”", "Cruz wrote on Twitter: “…”".
fn attribution_before(doc: &Document, open: usize) -> Option<Attribution> {
    let end = open;
    let mut start = open;
    while start > 0 && !doc.is_terminal(start - 1) && doc.pair_inside(start - 1).is_none() && doc.opened_pair(start - 1).is_none() {
        start -= 1;
    }
    if start >= end {
        // "Reporter Jomana Karadsheh says:" closing the paragraph before.
        let mut before = start;
        while before > 0 && doc.is_newline(before - 1) {
            before -= 1;
        }
        return (before < start && doc.is_punct(before.wrapping_sub(1), ":")).then(|| attribution_before(doc, before)).flatten();
    }
    let ends_in_colon = doc.is_punct(end - 1, ":");
    if !(ends_in_colon || doc.is_punct(end - 1, ",") || is_speech_verb(doc, end - 1)) {
        return None;
    }
    let has_speech_verb = (start..end).any(|v| is_speech_verb(doc, v));
    if !has_speech_verb && !ends_in_colon {
        return None;
    }
    if !has_speech_verb && start + 1 < end && (start..end - 1).all(|i| doc.is_capitalized(i) || doc.is_punct(i, ".-")) {
        // "Alex Seitz-Wald: “…”": a name and a colon.
        return Some(Attribution { speaker: Some(doc.span(start, end - 1)), cue: doc.span(end - 1, end), venue: None });
    }
    // The verb nearest the quote that has a subject: "Husted continued by saying, “…”",
    // "he looked into the camera and said, “…”", "Tom Ridge, a former secretary, put it: “…”".
    let with_subject = (start..end)
        .rev()
        .take(MAX_VERB_DISTANCE + MAX_APPOSITIVE_TOKENS)
        .filter(|&v| is_speech_verb(doc, v) || (ends_in_colon && is_verb_like(doc, v)))
        .find_map(|v| subject_before(doc, start, v).map(|subject| (v, subject)));
    let nearest_verb = (start..end).rev().find(|&v| is_speech_verb(doc, v) || (ends_in_colon && is_verb_like(doc, v))).unwrap_or(end - 1);
    // "Then Trump went fully on the attack, saying, “…”": the sentence's subject. "…, adding: “…”"
    // has none: the caller takes the previous speaker.
    let (verb, speaker) = match with_subject.or_else(|| sentence_subject(doc, start, nearest_verb.max(start + 1)).map(|subject| (nearest_verb, subject))) {
        Some((verb, (s, e))) => (verb, Some(doc.span(s, e))),
        None => (nearest_verb, None),
    };
    Some(Attribution { speaker, cue: doc.span(verb, verb + 1), venue: venue_in(doc, verb + 1, end).or_else(|| venue_in(doc, start, verb)) })
}

#[inline(always)]
pub(super) fn is_speech_verb(doc: &Document, i: usize) -> bool {
    // Inlined, the test of the list's bit spares most words a call.
    doc.is_in(i, SPEECH_VERBS) && is_lower_case_speech_verb(doc, i)
}

/// A word of `SPEECH_VERBS` in lower case, in its sense of speech.
fn is_lower_case_speech_verb(doc: &Document, i: usize) -> bool {
    !doc.is_capitalized(i) && match doc.lower(i) {
        // "pointed out", "went on", "chimed in", "read" only in those senses.
        "pointed" => doc.lower(i + 1) == "out",
        "went" => doc.lower(i + 1) == "on",
        "chimed" => doc.lower(i + 1) == "in",
        "began" | "continued" => !doc.is_word(i + 1),
        _ => true,
    }
}

/// The subject that opens a sentence: a capitalized phrase ("Then Trump went …"), or a determiner
/// phrase up to its verb ("The Slate technology columnist David Auerbach went …").
pub(super) fn sentence_subject(doc: &Document, start: usize, end: usize) -> Option<(usize, usize)> {
    // After a quotation inside a sentence ("…” as the prerequisite, adding") there is no subject to find.
    if start > 0 && !doc.is_terminal(start - 1) {
        return None;
    }
    let mut first = start;
    while first < end && (!doc.is_word(first) || doc.is_one_of(first, SENTENCE_LINKS)) {
        first += 1;
    }
    let determiner = doc.is_one_of(first, &["the", "a", "an", "one", "another"]);
    let verb_follows = |i: usize| is_verb_like(doc, i) || doc.is_in(i, VERB_MODIFIERS) || doc.is_in(i, SUBJECT_TAIL_WORDS) || is_speech_verb(doc, i);
    let mut last = first;
    while last < end && last - first < MAX_SPEAKER_TOKENS {
        let continues = if doc.is_word(last) {
            if determiner {
                // The word after "the" is a noun even when it looks like a verb ("The leaders").
                last == first + 1 || !verb_follows(last)
            } else {
                // "Ursula von der Leyen": particles inside a name.
                doc.is_capitalized(last) || (doc.is_in(last, NAME_PARTICLES) && last > first && (doc.is_capitalized(last + 1) || doc.is_in(last + 1, NAME_PARTICLES)))
            }
        } else {
            doc.is_punct(last, ".-’'") && !doc.is_terminal(last)
        };
        if !continues {
            break;
        }
        last += 1;
    }
    // "European leaders are …", "Russian officials said": a plural noun after the capitalized words.
    if !determiner && last > first && last + 1 < end && is_plural_noun(doc, last) && verb_follows(last + 1) {
        last += 1;
    }
    // The name ends at a lower-case word, or at the comma of its appositive ("Ursula von der Leyen, President of …, joined").
    let ends = (doc.is_word(last) && !doc.is_capitalized(last)) || (!determiner && doc.is_punct(last, ","));
    (last > first && last < end && ends && doc.is_word(last - 1)).then_some((first, last))
}

/// Words that link a sentence to the one before, ahead of its subject ("Meanwhile, the Air Force
/// said").
const SENTENCE_LINKS: &[&str] = &[
    "and", "but", "then", "so", "or", "yet", "also", "still", "as", "meanwhile", "however", "moreover", "furthermore", "nevertheless",
    "nonetheless", "separately", "additionally", "instead", "indeed",
];

/// A lower-case word in the plural ("leaders", "officials").
fn is_plural_noun(doc: &Document, i: usize) -> bool {
    // The word is read last: the tests of bits rule out most tokens first.
    doc.is_word(i) && !doc.is_capitalized(i) && !doc.is_in(i, VERB_MODIFIERS) && !doc.is_in(i, SUBJECT_TAIL_WORDS) && {
        let word = doc.lower(i);
        word.ends_with('s') && !word.ends_with("ss")
    }
}

/// A lower-case word that can be a verb in an attribution ("agreed", "questioned", "put").
fn is_verb_like(doc: &Document, i: usize) -> bool {
    // The word is read last: the tests of bits rule out most tokens first.
    doc.is_word(i) && !doc.is_capitalized(i) && !doc.is_in(i, CLAUSE_BREAKS) && !doc.is_in(i, VERB_MODIFIERS) && {
        let word = doc.lower(i);
        (word.ends_with("ed") || (word.ends_with('s') && !word.ends_with("ss")) || matches!(word, "put" | "gave" | "spoke" | "took" | "made")) && !word.contains(['’', '\''])
    }
}

/// The subject phrase ending right before the verb at `verb` (modifiers like "also" skipped),
/// appositive included: "Macron, the French president, said". Token range `[start, end)`.
pub(super) fn subject_before(doc: &Document, lower_bound: usize, verb: usize) -> Option<(usize, usize)> {
    let mut end = verb;
    // "Wells Fargo just this month announced", "Schneiderman isn’t saying", "Cruz has long said":
    // adverbs, times and auxiliaries between a subject and its verb are not part of the subject.
    let is_modifier = |i: usize| {
        doc.is_in(i, VERB_MODIFIERS)
            || doc.is_in(i, SUBJECT_TAIL_WORDS)
            || (!doc.is_capitalized(i) && {
                let word = doc.lower(i);
                word.ends_with("ly") || word.ends_with("n't") || word.ends_with("n’t")
            })
    };
    while end > lower_bound && is_modifier(end - 1) {
        end -= 1;
    }
    let mut name_end = end;
    // "Clinton, at a later press gaggle, said": a phrase between commas that opens with a
    // preposition or a participle is an adjunct, not part of the speaker.
    while end > lower_bound && doc.is_punct(end - 1, ",") {
        // An appositive runs back to its opening comma, prepositions and all.
        let opening = (lower_bound..end - 1).rev().take(MAX_APPOSITIVE_TOKENS).take_while(|&i| !doc.is_terminal(i) && !doc.is_mark(i)).find(|&i| doc.is_punct(i, ","))?;
        name_end = opening;
        let adjunct = doc.is_in(opening + 1, ADJUNCT_STARTS) || (!doc.is_capitalized(opening + 1) && doc.lower(opening + 1).ends_with("ing"));
        if !adjunct {
            end -= 1;
            break;
        }
        end = opening;
        name_end = end;
    }
    let mut start = name_end;
    while start > lower_bound && name_end - start < MAX_SPEAKER_TOKENS {
        let i = start - 1;
        let joins = if doc.is_word(i) {
            !doc.is_in(i, CLAUSE_BREAKS) || (doc.is_capitalized(i) && i > lower_bound && !doc.is_one_of(i, &["and", "but", "that", "which", "as", "if", "when", "while", "because"]))
        } else {
            doc.is_punct(i, ".-&/") && i > lower_bound && doc.is_word(i - 1)
                // "Rep. John Mica (R-Fla.) said": a party and state label.
                || doc.is_punct(i, "()") && i > lower_bound && (doc.is_word(i - 1) || doc.is_punct(i - 1, ".)"))
                // "the patients’ advocate said": a possessive, not a quote mark.
                || doc.is_mark(i) && doc.pair_inside(i).is_none() && doc.opened_pair(i).is_none() && i > lower_bound && doc.is_word(i - 1)
        };
        if !joins {
            break;
        }
        start -= 1;
    }
    // "Later he added": a sentence-initial adverb is not part of the subject.
    while start < name_end && (!doc.is_word(start) || doc.is_in(start, VERB_MODIFIERS)) {
        start += 1;
    }
    (start < name_end && (doc.is_word(end - 1) || doc.is_punct(end - 1, ")"))).then_some((start, end))
}

/// The subject after an inverted verb ("said former Sen. Evan Bayh, a moderate Indiana Democrat"):
/// the name, cut before a trailing "on Tuesday", with an appositive when one follows. Its end.
pub(super) fn subject_after(doc: &Document, start: usize, end: usize) -> Option<usize> {
    if !doc.is_word(start) || doc.is_in(start, CLAUSE_BREAKS) || doc.is_in(start, SPEAKER_TAIL_BREAKS) {
        return None;
    }
    let mut i = start;
    while i < end && i - start < MAX_SPEAKER_TOKENS {
        if doc.is_word(i) {
            if i > start && doc.is_in(i, SPEAKER_TAIL_BREAKS) && !doc.is_capitalized(i) {
                return Some(i);
            }
            i += 1;
        } else if doc.is_punct(i, ",") && !doc.is_capitalized(i + 1) && doc.lower(i + 1).ends_with("ing") {
            // ", referring to …" is not part of the name.
            return Some(i);
        } else if doc.is_punct(i, ",") && doc.is_word(i + 1) && !doc.is_in(i + 1, SPEAKER_TAIL_BREAKS) && !is_speech_verb(doc, i + 1) {
            // An appositive runs to the sentence end, relative clause and all (the gold convention).
            return (end - i <= MAX_APPOSITIVE_TOKENS).then_some(end).or(Some(i));
        } else if doc.is_punct(i, ".-&’'()/") && !doc.is_terminal(i) {
            i += 1;
        } else {
            break;
        }
    }
    (i > start).then_some(i)
}

/// "told CBS News", "in an interview with the BBC", "in a statement provided to TIME",
/// "speaking to local media".
fn venue_in(doc: &Document, start: usize, end: usize) -> Option<String> {
    (start..end).find_map(|i| {
        let introduced = matches!(doc.lower(i.wrapping_sub(1)), "told" | "tells" | "telling" | "to" | "with" | "on");
        if !(introduced && i > start.saturating_sub(1)) {
            return None;
        }
        if let Some((_, outlet)) = doc.outlet_at(i) {
            return Some(outlet.text(doc.text).to_string());
        }
        // "local media", "Russian state television".
        let phrase_end = (i..end.min(i + 3)).find(|&j| doc.is_in(j, MEDIA_NOUNS))?;
        (phrase_end > i && doc.lower(phrase_end) != "reporters" && doc.lower(phrase_end) != "journalists")
            .then(|| doc.span(i, phrase_end + 1).text(doc.text).to_string())
    })
}

/// A speaker as written, with its name: the part before an appositive comma.
pub(super) fn speaker_from(text: &str, span: Span) -> Speaker {
    let written = span.text(text);
    // "Moscow’s talk of peace": the speaker is Moscow.
    let name = written.split(',').next().unwrap_or(written).trim();
    let name = name.strip_suffix("’s").or_else(|| name.strip_suffix("'s")).filter(|n| !n.is_empty()).unwrap_or(name).to_string();
    Speaker { span: Some(span), text: written.to_string(), name, entity: None }
}

/// A subject found by scanning is a speaker when it is a name, a pronoun or a noun phrase ("a
/// Downing Street spokesperson", "sources", "former officials"), not a stray piece of a clause
/// ("On", "This gathering", "drone", "provide air").
pub(super) fn plausible_speaker(doc: &Document, span: Span) -> bool {
    let first = doc.token_at(span.start);
    let name_end = span.text(doc.text).find(',').map_or(span.end, |comma| span.start + comma);
    let last = doc.token_at(name_end.saturating_sub(1).max(span.start));
    // "their plans would …": a possessive alone names no one.
    if doc.is_in(first, NOT_SPEAKER_OPENERS) || (first == last && doc.is_one_of(first, POSSESSIVES)) {
        return false;
    }
    !doc.is_word(first)
        || doc.is_capitalized(first)
        || doc.is_in(first, SPEAKER_OPENERS)
        || doc.is_in(first, PERSON_PRONOUNS)
        || doc.is_in(first, PLURAL_OR_ORG_PRONOUNS)
        // "state Rep. Gilda Cobb-Hunter", "de Blasio": a name after lower-case words.
        || doc.is_capitalized(last)
        // "sources", "former officials": a plural noun.
        || doc.lower(last).ends_with('s')
}

/// Possessive determiners, which begin a speaker phrase ("his aides") but are none alone.
const POSSESSIVES: &[&str] = &["my", "your", "his", "her", "its", "our", "their"];

/// Resolves speakers to entities where a mention lies in the speaker phrase, and pronouns to the
/// most recent compatible named speaker or person mention.
pub(super) fn resolve_speakers(quotes: &mut [Quote], entities: &[Entity]) {
    let mut last_person: Option<(usize, String, Option<String>)> = None;
    let mut last_group: Option<(String, Option<String>)> = None;
    // Built on first use: many articles quote no one, or only pronouns.
    let (mut person_mentions, mut mentions, mut descriptions) = (None, None, None);
    for quote in quotes.iter_mut() {
        let Some(speaker) = quote.speaker.as_mut() else { continue };
        let Some(span) = speaker.span else { continue };
        // Only ASCII letters lower-case to a pronoun's: one in any case is found by its bytes.
        let is_one_of = |pronouns: &[&str]| pronouns.iter().any(|p| speaker.text.eq_ignore_ascii_case(p));
        if is_one_of(PERSON_PRONOUNS.list) {
            let person_mentions = person_mentions.get_or_insert_with(|| person_mentions_of(entities));
            let mention_index = person_mentions.partition_point(|(m, _)| m.end <= span.start);
            let mention = mention_index.checked_sub(1).map(|k| person_mentions[k]);
            let by_mention = mention.map(|(m, e)| (m.start, e.name.clone(), Some(e.id.clone())));
            let referent = match (by_mention, last_person.clone()) {
                (Some(a), Some(b)) => Some(if a.0 >= b.0 { a } else { b }),
                (a, b) => a.or(b),
            };
            if let Some((_, name, entity)) = referent {
                speaker.name = name;
                speaker.entity = entity;
            }
            continue;
        }
        if is_one_of(PLURAL_OR_ORG_PRONOUNS.list) {
            if let Some((name, entity)) = last_group.clone() {
                speaker.name = name;
                speaker.entity = entity;
            }
            continue;
        }
        // The first entity with a mention in the name part ("Macron" of "Macron, the French
        // president"), else with a description NER tied to a person ("the French president").
        let name_part = Span::new(span.start, span.start + speaker.name.len());
        let by_mention = mentions.get_or_insert_with(|| entity_spans(entities, |e| &e.mentions)).overlapping(name_part).min();
        let entity = by_mention.or_else(|| descriptions.get_or_insert_with(|| entity_spans(entities, |e| &e.descriptions)).overlapping(span).min()).map(|e| &entities[e]);
        if let Some(entity) = entity {
            speaker.name = entity.name.clone();
            speaker.entity = Some(entity.id.clone());
        }
        let is_person = match entity {
            Some(entity) => entity.kind == EntityKind::Person,
            None => looks_like_a_name(&speaker.name),
        };
        if is_person {
            last_person = Some((span.start, speaker.name.clone(), speaker.entity.clone()));
        } else {
            last_group = Some((speaker.name.clone(), speaker.entity.clone()));
        }
    }
}

/// The mentions of people, in text order.
fn person_mentions_of(entities: &[Entity]) -> Vec<(Span, &Entity)> {
    let mut mentions: Vec<(Span, &Entity)> = entities.iter().filter(|e| e.kind == EntityKind::Person).flat_map(|e| e.mentions.iter().map(move |&m| (m, e))).collect();
    mentions.sort_by_key(|(m, _)| m.start);
    mentions
}

/// The `spans` of every entity, by the entity's index.
fn entity_spans(entities: &[Entity], spans: impl Fn(&Entity) -> &[Span]) -> SpanIndex<usize> {
    let mut all = Vec::with_capacity(entities.iter().map(|e| spans(e).len()).sum());
    all.extend(entities.iter().enumerate().flat_map(|(index, e)| spans(e).iter().map(move |&span| (span, index))));
    SpanIndex::new(all)
}

/// "Clark", "Mr. Trump", "Edward G. Rendell": capitalized words, not "The …" or "A …".
fn looks_like_a_name(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    !matches!(first, "The" | "A" | "An" | "the" | "a" | "an")
        && name.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}
