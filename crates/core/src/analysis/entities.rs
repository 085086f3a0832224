//! Merging each article's entities into corpus entities: same name after folding, transliteration
//! variants of one surname, surname-only mentions, and names the tagger gave the wrong kind.
//!
//! People merge only when their surnames match (after folding, or within a small edit distance
//! for long names) *and* their given names are compatible, so Donald Trump and Donald Tusk, or
//! Mark Rutte and Mark Carney, stay apart. Candidates are blocked by kind and surname prefix.

use super::words::UnionFind;
use crate::fold::fold;
use crate::ner::{entity_id, EntityKind};
use crate::{Document, Span};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusEntity {
    /// Slug of kind and folded canonical name, e.g. `per-volodymyr-zelensky`.
    pub id: String,
    /// Canonical spelling: a full name if any article gives one, then the most frequent, then the
    /// first in lexicographic order.
    pub name: String,
    pub kind: EntityKind,
    /// Every spelling seen (names and mention texts), sorted.
    pub aliases: Vec<String>,
    /// Roles stated in the articles, e.g. "Prime Minister, United Kingdom".
    pub roles: Vec<String>,
    /// Ids of the articles naming it, sorted.
    pub articles: Vec<String>,
    pub mentions: Vec<EntityMention>,
    /// Why each article's entity joined this one (empty when every article used the same name).
    pub merges: Vec<Merge>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityMention {
    pub article: String,
    pub span: Span,
}

/// One link made between two spellings, with its reason in words.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Merge {
    pub name: String,
    pub with: String,
    pub reason: String,
}

/// Words dropped from the front of a person's name: forms of address and titles.
const TITLES: [&str; 16] = [
    "chancellor", "dame", "dr", "foreign", "general", "lord", "minister", "mr", "mrs", "ms", "premier",
    "president", "prime", "secretary", "senator", "sir",
];

/// Surnames shorter than this must match exactly: one letter apart, short names are different names.
const MIN_FUZZY_SURNAME: usize = 5;

/// The same for given names (Andriy / Andrii).
const MIN_FUZZY_GIVEN: usize = 4;

/// Block key length: variants of one surname share its first letters.
const BLOCK_PREFIX: usize = 3;

/// One article's entity, with its name cut into folded words.
struct Node {
    doc: usize,
    entity: usize,
    kind: EntityKind,
    /// The name as written, possessive and titles removed.
    name: String,
    /// Folded words of `name`.
    words: Vec<String>,
    /// The same words as written, for reasons a reader recognizes.
    written: Vec<String>,
}

impl Node {
    fn surname(&self) -> &str {
        self.words.last().map_or("", String::as_str)
    }

    fn given(&self) -> Option<&str> {
        (self.words.len() > 1).then(|| self.words[0].as_str())
    }

    /// Surname and first given name as written.
    fn written_surname(&self) -> &str {
        self.written.last().map_or("", String::as_str)
    }

    fn written_given(&self) -> &str {
        self.written.first().map_or("", String::as_str)
    }

    fn key(&self) -> String {
        format!("{}:{}", self.kind.label(), self.words.join(" "))
    }

    fn block(&self) -> String {
        self.surname().chars().take(BLOCK_PREFIX).collect()
    }
}

/// The corpus entities, and for each article the corpus index of each of its entities' local ids.
pub(crate) struct EntityIndex {
    pub entities: Vec<CorpusEntity>,
    /// `(document index, local entity id)` → index into `entities`.
    pub by_local_id: HashMap<(usize, String), usize>,
}

pub(crate) fn merge_entities(docs: &[Document]) -> EntityIndex {
    let nodes = nodes(docs);
    let mut sets = UnionFind::new(nodes.len());
    let mut reasons: Vec<(usize, Merge)> = Vec::new();
    merge_same_names(&nodes, &mut sets, &mut reasons);
    merge_name_variants(&nodes, &mut sets, &mut reasons);
    merge_surname_only(&nodes, &mut sets, &mut reasons);
    merge_abbreviations(&nodes, &mut sets, &mut reasons);
    build(docs, &nodes, &mut sets, reasons)
}

fn nodes(docs: &[Document]) -> Vec<Node> {
    let mut nodes = Vec::new();
    for (doc_index, doc) in docs.iter().enumerate() {
        let entities = &doc.extraction.entities;
        let surnames_here: Vec<String> = entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .filter_map(|e| name_words(&e.name).last().cloned())
            .collect();
        for (entity_index, entity) in entities.iter().enumerate() {
            let name = strip_possessive(entity.name.trim());
            let words = name_words(name);
            if words.is_empty() {
                continue;
            }
            // The tagger sometimes calls a lone surname ORG or LOC ("Trump", "Macron"); when the
            // same article names exactly one person with that surname, it is that person.
            let mistagged_surname = entity.kind != EntityKind::Person
                && words.len() == 1
                && surnames_here.iter().filter(|s| **s == words[0]).count() == 1;
            let kind = if mistagged_surname { EntityKind::Person } else { entity.kind };
            let shown_name = display_name(name, words.len());
            let written = shown_name.split_whitespace().map(str::to_string).collect();
            nodes.push(Node { doc: doc_index, entity: entity_index, kind, name: shown_name, words, written });
        }
    }
    nodes
}

fn strip_possessive(name: &str) -> &str {
    name.strip_suffix("’s").or_else(|| name.strip_suffix("'s")).unwrap_or(name)
}

/// Folded words of a name without leading titles ("Prime Minister Starmer" → ["starmer"]).
fn name_words(name: &str) -> Vec<String> {
    let words: Vec<String> = strip_possessive(name)
        .split(|c: char| c.is_whitespace())
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| !w.is_empty())
        .collect();
    let titles = words.iter().take_while(|w| TITLES.contains(&w.as_str())).count();
    let keep_from = titles.min(words.len().saturating_sub(1));
    words[keep_from..].to_vec()
}

/// The last `word_count` words of `name` as written: the name without its titles.
fn display_name(name: &str, word_count: usize) -> String {
    let written: Vec<&str> = name.split_whitespace().collect();
    written[written.len().saturating_sub(word_count)..].join(" ")
}

/// Step 1: the same folded words (case, diacritics, titles, possessive aside) are one entity.
fn merge_same_names(nodes: &[Node], sets: &mut UnionFind, reasons: &mut Vec<(usize, Merge)>) {
    let mut first_with_key: HashMap<String, usize> = HashMap::new();
    for (index, node) in nodes.iter().enumerate() {
        let first = *first_with_key.entry(node.key()).or_insert(index);
        if first == index || nodes[first].name == node.name {
            sets.union(first, index);
            continue;
        }
        let reason = if node.name.to_lowercase() == nodes[first].name.to_lowercase() {
            "same name apart from capitals"
        } else {
            "same name after removing diacritics"
        };
        sets.union(first, index);
        reasons.push((index, Merge { name: node.name.clone(), with: nodes[first].name.clone(), reason: reason.into() }));
    }
}

/// Nodes of one kind whose surnames start alike: the only ones that may be variants of each other.
fn blocks(nodes: &[Node], kind: EntityKind) -> BTreeMap<String, Vec<usize>> {
    let mut blocks: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, node) in nodes.iter().enumerate().filter(|(_, n)| n.kind == kind) {
        blocks.entry(node.block()).or_default().push(index);
    }
    blocks
}

/// Step 2: full names of people that differ by transliteration (Zelensky / Zelenskyy, Andriy /
/// Andrii Yermak) or by an initial (D. Trump / Donald Trump).
fn merge_name_variants(nodes: &[Node], sets: &mut UnionFind, reasons: &mut Vec<(usize, Merge)>) {
    for members in blocks(nodes, EntityKind::Person).values() {
        let full: Vec<usize> = distinct_names(nodes, members.iter().copied().filter(|&i| nodes[i].given().is_some()));
        for (position, &a) in full.iter().enumerate() {
            for &b in &full[position + 1..] {
                if sets.find(a) == sets.find(b) {
                    continue;
                }
                if let Some(reason) = full_name_match(&nodes[a], &nodes[b]) {
                    sets.union(a, b);
                    reasons.push((b, Merge { name: nodes[b].name.clone(), with: nodes[a].name.clone(), reason }));
                }
            }
        }
    }
}

/// The first node of each distinct folded name: comparing each spelling once keeps blocks cheap.
fn distinct_names(nodes: &[Node], indices: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut seen = BTreeSet::new();
    indices.filter(|&i| seen.insert(nodes[i].key())).collect()
}

/// Step 3: a person named by surname only joins the one full-named person with that surname;
/// with two or more candidates it stays apart (ambiguous).
fn merge_surname_only(nodes: &[Node], sets: &mut UnionFind, reasons: &mut Vec<(usize, Merge)>) {
    for members in blocks(nodes, EntityKind::Person).values() {
        let full: Vec<usize> = distinct_names(nodes, members.iter().copied().filter(|&i| nodes[i].given().is_some()));
        for &single in members.iter().filter(|&&i| nodes[i].given().is_none()) {
            let mut candidates: Vec<(usize, String)> = Vec::new();
            for &person in &full {
                let Some(how) = surname_match(&nodes[single], &nodes[person]) else { continue };
                let root = sets.find(person);
                if !candidates.iter().any(|(other, _)| sets.find(*other) == root) {
                    candidates.push((person, how));
                }
            }
            if let [(person, how)] = candidates.as_slice() {
                if sets.find(single) == sets.find(*person) {
                    continue;
                }
                sets.union(single, *person);
                let reason = format!("surname only, one person with that surname{}", qualify(how));
                reasons.push((single, Merge { name: nodes[single].name.clone(), with: nodes[*person].name.clone(), reason }));
            }
        }
    }
}

/// Step 4: places, organizations and the like written as an abbreviation join its other
/// spellings ("U.S." / "US") and the one name it abbreviates in the corpus ("EU" / "European
/// Union"); with two names of the same initials it joins neither.
fn merge_abbreviations(nodes: &[Node], sets: &mut UnionFind, reasons: &mut Vec<(usize, Merge)>) {
    let mut abbreviations: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut expansions: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (index, node) in nodes.iter().enumerate().filter(|(_, n)| n.kind != EntityKind::Person) {
        if let Some(letters) = abbreviation(&node.name) {
            abbreviations.entry(letters).or_default().push(index);
        } else if let Some(initials) = initials(&node.written) {
            expansions.entry(initials).or_default().push(index);
        }
    }
    let mut join = |a: usize, b: usize, reason: String| {
        if sets.find(a) != sets.find(b) {
            sets.union(a, b);
            reasons.push((b, Merge { name: nodes[b].name.clone(), with: nodes[a].name.clone(), reason }));
        }
    };
    for (letters, written) in &abbreviations {
        let first = written[0];
        for &other in &written[1..] {
            join(first, other, "the same abbreviation".into());
        }
        let Some(names) = expansions.get(letters) else { continue };
        let distinct = distinct_names(nodes, names.iter().copied());
        if let [name] = distinct[..] {
            for &expansion in names.iter().filter(|&&n| nodes[n].words == nodes[name].words) {
                join(first, expansion, format!("“{}” is the initials of “{}”", nodes[first].name, nodes[expansion].name));
            }
        }
    }
}

/// The letters of a name written as an abbreviation: two to five capitals, with or without
/// periods ("EU", "U.S.").
fn abbreviation(name: &str) -> Option<String> {
    let letters: String = name.chars().filter(|&c| c != '.').collect();
    ((2..=5).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_ascii_uppercase())).then_some(letters)
}

/// The initials of a name of two or more capitalized words, small joining words aside ("United
/// States" → "US", "Bank of England" → "BE").
fn initials(written: &[String]) -> Option<String> {
    let words: Vec<&String> = written.iter().filter(|w| !matches!(w.as_str(), "of" | "the" | "and" | "for")).collect();
    let capitalized = words.iter().all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
    (words.len() >= 2 && capitalized).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
}

fn qualify(how: &str) -> String {
    if how.is_empty() {
        String::new()
    } else {
        format!(" ({how})")
    }
}

/// Why two full names of people are one person, or `None`.
fn full_name_match(a: &Node, b: &Node) -> Option<String> {
    let surnames = surname_match(a, b)?;
    let given = given_match(a, b)?;
    let reason = match (surnames.is_empty(), given.is_empty()) {
        (true, true) => "same first and last name".to_string(),
        (true, false) => format!("same surname, {given}"),
        (false, true) => format!("same given name, {surnames}"),
        (false, false) => format!("{surnames}; {given}"),
    };
    Some(reason)
}

/// `Some("")` for the same surname, `Some(description)` for a transliteration variant, else `None`.
fn surname_match(a: &Node, b: &Node) -> Option<String> {
    if a.surname() == b.surname() {
        return Some(String::new());
    }
    let distance = close_spelling(a.surname(), b.surname(), MIN_FUZZY_SURNAME)?;
    Some(format!("surnames differ by {} ({} / {})", letters(distance), a.written_surname(), b.written_surname()))
}

/// `Some("")` for the same given name, a description for an initial or a variant, else `None`.
fn given_match(a: &Node, b: &Node) -> Option<String> {
    let (x, y) = (a.given()?, b.given()?);
    if x == y {
        return Some(String::new());
    }
    let (short, long) = if x.chars().count() <= y.chars().count() { (a, b) } else { (b, a) };
    if short.given()?.chars().count() == 1 && long.given()?.starts_with(short.given()?) {
        return Some(format!("initial matches given name ({} / {})", short.written_given(), long.written_given()));
    }
    let distance = close_spelling(x, y, MIN_FUZZY_GIVEN)?;
    Some(format!("given names differ by {} ({} / {})", letters(distance), a.written_given(), b.written_given()))
}

/// The edit distance of two spellings of one name, if small for their length: one letter up to
/// nine letters, two beyond. The first letter must agree.
fn close_spelling(a: &str, b: &str, min_chars: usize) -> Option<usize> {
    let shorter = a.chars().count().min(b.chars().count());
    if shorter < min_chars || a.chars().next() != b.chars().next() {
        return None;
    }
    let allowed = if shorter < 10 { 1 } else { 2 };
    let distance = strsim::levenshtein(a, b);
    (distance <= allowed).then_some(distance)
}

fn letters(count: usize) -> String {
    if count == 1 {
        "one letter".into()
    } else {
        format!("{count} letters")
    }
}

fn build(docs: &[Document], nodes: &[Node], sets: &mut UnionFind, reasons: Vec<(usize, Merge)>) -> EntityIndex {
    let mut reasons_by_root: HashMap<usize, Vec<Merge>> = HashMap::new();
    for (node, merge) in reasons {
        reasons_by_root.entry(sets.find(node)).or_default().push(merge);
    }
    let mut entities = Vec::new();
    let mut local_ids: Vec<Vec<(usize, String)>> = Vec::new();
    for group in sets.groups() {
        let root = sets.find(group[0]);
        let members: Vec<&Node> = group.iter().map(|&i| &nodes[i]).collect();
        let mut merges = reasons_by_root.remove(&root).unwrap_or_default();
        merges.extend(kind_corrections(docs, &members));
        merges.sort();
        merges.dedup();
        entities.push(corpus_entity(docs, &members, merges));
        local_ids.push(members.iter().map(|n| (n.doc, docs[n.doc].extraction.entities[n.entity].id.clone())).collect());
    }
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&entities[a], &entities[b]);
        y.articles.len().cmp(&x.articles.len()).then(y.mentions.len().cmp(&x.mentions.len())).then(x.id.cmp(&y.id))
    });
    let mut by_local_id = HashMap::new();
    let mut sorted = Vec::with_capacity(entities.len());
    let mut entities: Vec<Option<CorpusEntity>> = entities.into_iter().map(Some).collect();
    for (position, &index) in order.iter().enumerate() {
        for key in local_ids[index].drain(..) {
            by_local_id.insert(key, position);
        }
        sorted.extend(entities[index].take());
    }
    EntityIndex { entities: sorted, by_local_id }
}

/// Merges of entities whose kind was corrected from ORG/LOC/MISC to a person.
fn kind_corrections(docs: &[Document], members: &[&Node]) -> Vec<Merge> {
    let full_name = members.iter().find(|n| n.given().is_some()).map(|n| n.name.clone());
    members
        .iter()
        .filter(|n| docs[n.doc].extraction.entities[n.entity].kind != n.kind)
        .map(|n| {
            let tagged = docs[n.doc].extraction.entities[n.entity].kind.label();
            Merge {
                name: n.name.clone(),
                with: full_name.clone().unwrap_or_else(|| n.name.clone()),
                reason: format!("tagged {tagged} in its article, where it is the surname of a person named there"),
            }
        })
        .collect()
}

fn corpus_entity(docs: &[Document], members: &[&Node], merges: Vec<Merge>) -> CorpusEntity {
    let name = canonical_name(docs, members);
    // An abbreviation may join spellings the tagger typed differently ("EU" ORG, "E.U." LOC): the
    // kind of most mentions wins, the first member's on a tie.
    let mentions_of = |kind: EntityKind| members.iter().filter(|m| m.kind == kind).map(|m| docs[m.doc].extraction.entities[m.entity].mentions.len()).sum::<usize>();
    let kind = members.iter().map(|m| m.kind).fold(members[0].kind, |best, kind| if mentions_of(kind) > mentions_of(best) { kind } else { best });
    let mut aliases = BTreeSet::new();
    let mut roles = BTreeSet::new();
    let mut mentions = Vec::new();
    for node in members {
        let doc = &docs[node.doc];
        let entity = &doc.extraction.entities[node.entity];
        aliases.insert(entity.name.clone());
        if let Some(honorific) = &entity.honorific {
            aliases.insert(format!("{honorific} {}", entity.name));
        }
        if let Some(role) = &entity.role {
            roles.insert(match &entity.affiliation {
                Some(of) => format!("{role}, {of}"),
                None => role.clone(),
            });
        }
        for &span in &entity.mentions {
            if let Some(written) = doc.article.text.get(span.start..span.end) {
                aliases.insert(written.to_string());
            }
            mentions.push(EntityMention { article: doc.article.id.clone(), span });
        }
    }
    mentions.sort_by(|a, b| a.article.cmp(&b.article).then(a.span.cmp(&b.span)));
    mentions.dedup();
    let articles: BTreeSet<String> = members.iter().map(|n| docs[n.doc].article.id.clone()).collect();
    CorpusEntity {
        id: entity_id(kind, &fold(&name)),
        name,
        kind,
        aliases: aliases.into_iter().collect(),
        roles: without_contained_roles(roles),
        articles: articles.into_iter().collect(),
        mentions,
        merges,
    }
}

/// The roles, less any that another one already says: "President" beside "President, Ukraine",
/// "Taoiseach, Ireland" beside "Taoiseach (Prime Minister), Ireland". Of two with the same words,
/// the first in order stays.
pub(super) fn without_contained_roles(roles: BTreeSet<String>) -> Vec<String> {
    let words = |role: &str| -> BTreeSet<String> {
        role.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let worded: Vec<(String, BTreeSet<String>)> = roles.into_iter().map(|r| { let w = words(&r); (r, w) }).collect();
    worded
        .iter()
        .enumerate()
        .filter(|(i, (_, mine))| {
            !worded.iter().enumerate().any(|(j, (_, other))| j != *i && mine.is_subset(other) && (mine != other || j < *i))
        })
        .map(|(_, (role, _))| role.clone())
        .collect()
}

/// Full names before surnames alone, then the spelling most articles use, then lexicographic.
fn canonical_name(docs: &[Document], members: &[&Node]) -> String {
    let mut articles_per_name: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for node in members {
        articles_per_name.entry(node.name.as_str()).or_default().insert(docs[node.doc].article.id.as_str());
    }
    let rank = |name: &str, articles: usize| (name.split_whitespace().count() > 1, articles);
    let mut best: Option<(&str, usize)> = None;
    for (name, articles) in &articles_per_name {
        // BTreeMap order makes the first of equal rank the lexicographically smallest.
        if best.is_none_or(|(b, n)| rank(name, articles.len()) > rank(b, n)) {
            best = Some((name, articles.len()));
        }
    }
    best.map_or_else(String::new, |(name, _)| name.to_string())
}
