//! Claim comparison: numeric claims about the same counted thing, by the same kind of predicate
//! and about the same date, grouped across articles; a group is a *conflict* when no value can
//! satisfy every member's interval, and *corroborated* when two articles' intervals overlap.
//!
//! Grouping is by key (unit, predicate class, counted concept), then by stated place and by date
//! within a key: no pairwise comparison over all claims.

use super::words::{stem, words};
use crate::claims::Claim;
use crate::ner::EntityKind;
use crate::{Document, NaiveDate, Span};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimGroup {
    /// From unit, predicate class, concept and date: `c-taking-part-countries-2025-09-04`.
    pub id: String,
    /// What is counted, in words: "countries taking part", "deaths".
    pub what: String,
    pub unit: Option<String>,
    /// The date the claims refer to, when any member states one (TimeML value).
    pub date: Option<String>,
    pub articles: Vec<String>,
    pub members: Vec<ClaimMember>,
    /// No single value satisfies every member: the articles contradict each other.
    pub conflict: bool,
    /// At least two articles give overlapping intervals.
    pub corroborated: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimMember {
    pub article: String,
    /// The number phrase ("more than 30").
    pub span: Span,
    pub sentence: Span,
    /// The number phrase with its counted thing, as written.
    pub text: String,
    pub thing: Option<String>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub low_inclusive: bool,
    pub high_inclusive: bool,
    /// `26`, `(30, ∞)`, `[19, ∞)`.
    pub interval: String,
    pub date: Option<String>,
    /// How many other articles in the group give an interval overlapping this one.
    pub agreeing_articles: usize,
}

/// Counted concepts and the stems that name them; the first match wins, so "heads of state" are
/// leaders before "state" could mean anything else.
const CONCEPTS: [(&str, &[&str]); 9] = [
    ("deaths", &["killed", "dead", "death", "fatality", "fatalities", "died", "lives"]),
    ("injured", &["injured", "wounded", "injuries", "hurt"]),
    ("leaders", &["leader", "heads", "head", "premiers"]),
    ("countries", &["country", "nation", "states"]),
    ("troops", &["troops", "soldiers", "personnel", "forces"]),
    ("drones", &["drones", "uavs"]),
    ("missiles", &["missiles", "rockets"]),
    ("people", &["people", "persons", "civilians", "residents"]),
    ("children", &["children", "minors"]),
];

/// Concepts a verb near "people" can sharpen ("killing at least 19 people" counts deaths).
const SHARPENED_BY_CONTEXT: [&str; 2] = ["deaths", "injured"];

/// Predicate classes by the stems of their verbs. `parties_merge`: counting who commits, a leader
/// commits for their country, so leaders and countries are one counted thing there.
struct PredicateClass {
    label: &'static str,
    verbs: &'static [&'static str],
    parties_merge: bool,
}

const PREDICATE_CLASSES: [PredicateClass; 2] = [
    PredicateClass {
        label: "pledging",
        verbs: &["pledged", "pledge", "committed", "promised", "ready", "contribute", "offered", "agreed", "vowed"],
        parties_merge: true,
    },
    PredicateClass {
        label: "taking part",
        verbs: &["participate", "participated", "met", "meet", "gathered", "gather", "convened", "attended", "together", "joined"],
        parties_merge: false,
    },
];

/// Concepts that count parties to an agreement.
const PARTIES: [&str; 2] = ["countries", "leaders"];

/// How far (in words) from the number a verb still classifies the claim, when no predicate was parsed.
const VERB_WINDOW: usize = 10;
/// Words before the number read for context ("killing at least 19 people").
const CONTEXT_BEFORE: usize = 2;
/// Claims whose dates are further apart than this are about different events.
const MAX_DATE_GAP_DAYS: i64 = 3;

/// Claims with the same grouping key, each as (document index, claim index).
type Bucket = Vec<(usize, usize)>;

pub(crate) fn group_claims(docs: &[Document]) -> Vec<ClaimGroup> {
    let mut buckets: BTreeMap<(Option<String>, &'static str, &'static str), Bucket> = BTreeMap::new();
    for (doc_index, doc) in docs.iter().enumerate() {
        for (claim_index, claim) in doc.extraction.claims.iter().enumerate() {
            if let Some(key) = claim_key(&doc.article.text, claim) {
                buckets.entry(key).or_default().push((doc_index, claim_index));
            }
        }
    }
    let places: Vec<Vec<(Span, &str)>> = docs.iter().map(named_places).collect();
    let mut groups: Vec<ClaimGroup> = Vec::new();
    for ((unit, class, concept), bucket) in buckets {
        let clusters = split_by_place(docs, &places, bucket).into_iter().flat_map(|b| split_by_date(docs, b));
        for cluster in clusters {
            let distinct_articles: BTreeSet<usize> = cluster.iter().map(|&(d, _)| d).collect();
            if distinct_articles.len() > 1 {
                groups.push(claim_group(docs, &cluster, unit.clone(), class, concept));
            }
        }
    }
    groups.sort_by(|a, b| a.id.cmp(&b.id).then(a.articles.cmp(&b.articles)));
    super::number_clashing_ids(groups.iter_mut().map(|g| &mut g.id));
    groups.sort_by(|a, b| b.conflict.cmp(&a.conflict).then(b.articles.len().cmp(&a.articles.len())).then(a.id.cmp(&b.id)));
    groups
}

fn stems_of(words: &[&str]) -> Vec<String> {
    words.iter().map(|w| stem(w)).collect()
}

/// (unit, predicate class label, concept) or `None` when the claim does not say what it counts.
fn claim_key(text: &str, claim: &Claim) -> Option<(Option<String>, &'static str, &'static str)> {
    let thing = stems_of_text(claim.thing.as_deref()?);
    let mut concept = first_concept(&thing, CONCEPTS.iter().map(|(c, _)| *c))?;
    if concept == "people" {
        let sentence_words = words(text, claim.sentence);
        let before: Vec<String> = sentence_words
            .iter()
            .filter(|w| w.span.end <= claim.span.start)
            .rev()
            .take(CONTEXT_BEFORE)
            .map(|w| stem(&w.folded))
            .chain(claim.predicate.as_deref().map(stems_of_text).unwrap_or_default())
            .collect();
        concept = first_concept(&before, SHARPENED_BY_CONTEXT.into_iter()).unwrap_or(concept);
    }
    let class = predicate_class(text, claim);
    let concept = match class {
        Some(class) if class.parties_merge && PARTIES.contains(&concept) => "countries or leaders",
        _ => concept,
    };
    Some((claim.unit.clone(), class.map_or("", |c| c.label), concept))
}

fn stems_of_text(text: &str) -> Vec<String> {
    words(text, Span::new(0, text.len())).iter().map(|w| stem(&w.folded)).collect()
}

fn first_concept(stems: &[String], allowed: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    let allowed: Vec<&str> = allowed.collect();
    CONCEPTS
        .iter()
        .filter(|(concept, _)| allowed.contains(concept))
        .find(|(_, names)| stems_of(names).iter().any(|n| stems.contains(n)))
        .map(|(concept, _)| *concept)
}

/// The class of the parsed predicate ("killed" has none: "particularly" nearby does not make a
/// casualty count a participant count), else of the class verb nearest the number in its sentence.
fn predicate_class(text: &str, claim: &Claim) -> Option<&'static PredicateClass> {
    let class_of = |stem: &str| PREDICATE_CLASSES.iter().find(|c| stems_of(c.verbs).iter().any(|v| v == stem));
    if let Some(predicate) = claim.predicate.as_deref() {
        return stems_of_text(predicate).iter().find_map(|s| class_of(s));
    }
    let sentence_words = words(text, claim.sentence);
    let number_at = sentence_words.iter().position(|w| w.span.start >= claim.span.start)?;
    sentence_words
        .iter()
        .enumerate()
        .filter_map(|(position, word)| Some((position.abs_diff(number_at), class_of(&stem(&word.folded))?)))
        .filter(|(distance, _)| *distance <= VERB_WINDOW)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, class)| class)
}

fn claim_day(claim: &Claim) -> Option<NaiveDate> {
    claim.date.as_deref().and_then(|d| d.get(..10)).and_then(crate::article::parse_iso_date)
}

/// The places an article names right after "in" or "at" ("met in Kyiv"), each with the span of
/// that mention.
/// The places a document names after "in" or "at", in text order.
fn named_places(doc: &Document) -> Vec<(Span, &str)> {
    let text = &doc.article.text;
    let after_locative = |span: &Span| {
        let before = text.get(..span.start).unwrap_or_default().trim_end();
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or_default();
        matches!(word.to_lowercase().as_str(), "in" | "at")
    };
    let mut places: Vec<(Span, &str)> = doc
        .extraction
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Location)
        .flat_map(|e| e.mentions.iter().filter(|m| after_locative(m)).map(|m| (*m, e.name.as_str())))
        .collect();
    places.sort_unstable();
    places
}

/// Clusters of claims by the place stated right after their verb ("15 countries met in Kyiv" is
/// another meeting than "35 nations will gather in Paris"). Claims that state none are taken to be
/// about the place their articles name most often, among the stated ones.
fn split_by_place(docs: &[Document], places: &[Vec<(Span, &str)>], bucket: Bucket) -> Vec<Bucket> {
    let stated = |&(d, c): &(usize, usize)| {
        let claim = &docs[d].extraction.claims[c];
        let text = &docs[d].article.text;
        // The place right after the verb: "met in Kyiv", "will gather in Paris".
        let after_claim = text.get(claim.span.end..claim.sentence.end)?;
        let verb_end = claim.span.end + after_claim.find(claim.predicate.as_deref()?)? + claim.predicate.as_deref()?.len();
        let words_between = |span: &Span| text[verb_end..span.start].split_whitespace().take(2).count();
        // Only the places that start within a word of the verb can be it: found from the first
        // place after the verb, not by a scan of every place of the article per claim.
        let from = places[d].partition_point(|(span, _)| span.start < verb_end);
        places[d][from..]
            .iter()
            .take_while(|(span, _)| span.start <= claim.sentence.end && words_between(span) < 2)
            .find(|(span, _)| span.end <= claim.sentence.end && words_between(span) == 1)
            .map(|(_, place)| *place)
    };
    let mut placed: BTreeMap<&str, Bucket> = BTreeMap::new();
    let mut unplaced = Bucket::new();
    for member in bucket {
        match stated(&member) {
            Some(place) => placed.entry(place).or_default().push(member),
            None => unplaced.push(member),
        }
    }
    // How often the articles of the unplaced claims name a place, counted once per claim.
    let mut unplaced_per_article: BTreeMap<usize, usize> = BTreeMap::new();
    for &(d, _) in &unplaced {
        *unplaced_per_article.entry(d).or_default() += 1;
    }
    let naming = |place: &str| -> usize {
        unplaced_per_article.iter().map(|(&d, &claims)| claims * places[d].iter().filter(|(_, p)| *p == place).count()).sum()
    };
    let main_place = placed.iter().max_by_key(|(place, members)| (naming(place), members.len())).map(|(place, _)| *place);
    match main_place {
        Some(place) => placed.entry(place).or_default().extend(unplaced),
        None => return vec![unplaced],
    }
    placed.into_values().collect()
}

/// Clusters of claims whose dates lie within [`MAX_DATE_GAP_DAYS`] of the next; undated claims
/// join the largest cluster (they may be about any of them, and most likely the main event).
fn split_by_date(docs: &[Document], bucket: Bucket) -> Vec<Bucket> {
    let day = |&(d, c): &(usize, usize)| claim_day(&docs[d].extraction.claims[c]);
    let (mut dated, undated): (Bucket, Bucket) = bucket.into_iter().partition(|m| day(m).is_some());
    dated.sort_by_key(|m| (day(m), docs[m.0].article.id.clone(), m.1));
    let mut clusters: Vec<Bucket> = Vec::new();
    let mut last_day: Option<NaiveDate> = None;
    for member in dated {
        let this_day = day(&member);
        match (clusters.last_mut(), last_day) {
            (Some(cluster), Some(last)) if this_day.is_some_and(|d| (d - last).num_days() <= MAX_DATE_GAP_DAYS) => cluster.push(member),
            _ => clusters.push(vec![member]),
        }
        last_day = this_day;
    }
    match clusters.iter_mut().rev().max_by_key(|c| c.len()) {
        Some(largest) => largest.extend(undated),
        None => clusters.push(undated),
    }
    clusters
}

/// One end of an interval: value and whether it is included; `None` is unbounded.
type Bound = Option<(f64, bool)>;

/// The tighter of two lower (`is_low`) or upper bounds.
fn tighter(a: Bound, b: Bound, is_low: bool) -> Bound {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some((x, xi)), Some((y, yi))) if x == y => Some((x, xi && yi)),
        (Some(x), Some(y)) => Some(if (x.0 > y.0) == is_low { x } else { y }),
    }
}

fn bounds(claim: &Claim) -> (Bound, Bound) {
    (claim.low.map(|v| (v, claim.low_inclusive)), claim.high.map(|v| (v, claim.high_inclusive)))
}

/// A claim's interval as an exact, ordered key (the bounds' bits).
type IntervalKey = (Option<(u64, bool)>, Option<(u64, bool)>);

fn interval_key(claim: &Claim) -> IntervalKey {
    let (low, high) = bounds(claim);
    let bits = |bound: Bound| bound.map(|(value, inclusive)| (value.to_bits(), inclusive));
    (bits(low), bits(high))
}

/// Whether some value lies in every interval.
fn intervals_meet<'a>(claims: impl Iterator<Item = &'a Claim>) -> bool {
    let (low, high) = claims.map(bounds).fold((None, None), |(low, high), (l, h)| (tighter(low, l, true), tighter(high, h, false)));
    match (low, high) {
        (Some((l, li)), Some((h, hi))) => l < h || (l == h && li && hi),
        _ => true,
    }
}

fn claim_group(docs: &[Document], cluster: &[(usize, usize)], unit: Option<String>, class: &str, concept: &str) -> ClaimGroup {
    let mut cluster = cluster.to_vec();
    cluster.sort_by(|a, b| docs[a.0].article.id.cmp(&docs[b.0].article.id).then(a.1.cmp(&b.1)));
    let claim = |&(d, c): &(usize, usize)| &docs[d].extraction.claims[c];
    // Claims of one article with the same interval agree with the same articles: compare each
    // distinct (article, interval) once, not every claim with every other (a long article
    // repeating its figures made that quadratic).
    let mut distinct: BTreeMap<(usize, IntervalKey), &Claim> = BTreeMap::new();
    for member in &cluster {
        distinct.entry((member.0, interval_key(claim(member)))).or_insert(claim(member));
    }
    let agreeing: BTreeMap<(usize, IntervalKey), usize> = distinct
        .iter()
        .map(|(&(article, key), &one)| {
            let others: BTreeSet<usize> = distinct
                .iter()
                .filter(|(&(other_article, _), &other)| other_article != article && intervals_meet([one, other].into_iter()))
                .map(|(&(other_article, _), _)| other_article)
                .collect();
            ((article, key), others.len())
        })
        .collect();
    let members: Vec<ClaimMember> = cluster
        .iter()
        .map(|member| claim_member(&docs[member.0], claim(member), agreeing[&(member.0, interval_key(claim(member)))]))
        .collect();
    let date = cluster.iter().filter_map(|m| claim(m).date.clone()).min();
    let what = if class.is_empty() { concept.to_string() } else { format!("{concept} {class}") };
    let unit_slug = unit.as_deref().map(|u| if u == "%" { "percent" } else { u });
    let id_words = ["c", unit_slug.unwrap_or(""), &what, date.as_deref().unwrap_or("")];
    ClaimGroup {
        id: super::words::slug(&id_words.join(" "), 12),
        what,
        unit,
        date,
        articles: members.iter().map(|m| m.article.clone()).collect::<BTreeSet<_>>().into_iter().collect(),
        conflict: !intervals_meet(cluster.iter().map(claim)),
        corroborated: members.iter().any(|m| m.agreeing_articles > 0),
        members,
    }
}

fn claim_member(doc: &Document, claim: &Claim, agreeing_articles: usize) -> ClaimMember {
    let text = &doc.article.text;
    // Show the number with what it counts: "more than 30 nations".
    // (Looked for within two bytes of the number, not in the whole rest of the article per claim.)
    let follows_at = |thing: &str| (0..=2).find(|&at| text.get(claim.span.end + at..).is_some_and(|rest| rest.starts_with(thing)));
    let shown_end = claim.thing.as_deref().and_then(|thing| follows_at(thing).map(|at| claim.span.end + at + thing.len()));
    ClaimMember {
        article: doc.article.id.clone(),
        span: claim.span,
        sentence: claim.sentence,
        text: text.get(claim.span.start..shown_end.unwrap_or(claim.span.end)).unwrap_or_default().to_string(),
        thing: claim.thing.clone(),
        low: claim.low,
        high: claim.high,
        low_inclusive: claim.low_inclusive,
        high_inclusive: claim.high_inclusive,
        interval: claim.interval_text(),
        date: claim.date.clone(),
        agreeing_articles,
    }
}
