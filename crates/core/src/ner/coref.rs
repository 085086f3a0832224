//! Groups mentions into entities: a later "Macron" joins "Emmanuel Macron", "LONDON" joins
//! "London", and "the French President" is linked to the one person so described.
use super::roles::{find_descriptions, PersonDetails};
use super::{entity_id, Entity, EntityKind, Mention};
use crate::text::Token;
use super::features::WordMap;
use std::collections::BTreeSet;

/// `lower` holds each token's lowercase form.
pub fn group(text: &str, tokens: &[Token], lower: &[&str], mentions: &[Mention], details: &[PersonDetails]) -> Vec<Entity> {
    let words: Vec<&[&str]> = mentions.iter().map(|m| &lower[m.first_token..m.end_token]).collect();
    // Longer names first, so that a surname finds the full name whatever the order in the text.
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    order.sort_by_key(|&m| std::cmp::Reverse(words[m].len()));
    let mut members: Vec<Vec<usize>> = Vec::new();
    // Each group's mention starts, sorted: "named most recently before" is a range query, not a
    // scan of the group (an article naming one person 100,000 times stays linear).
    let mut starts: Vec<BTreeSet<usize>> = Vec::new();
    let mut heads = HeadIndex::default();
    for m in order {
        // Among the groups this mention can join, the one named most recently before it.
        let start = mentions[m].span.start;
        // Ties (no mention of either before this one) go to the group made last.
        let nearest = heads.candidates(mentions[m].kind, words[m]).max_by_key(|&index| (starts[index].range(..start).next_back().copied(), index));
        match nearest {
            Some(index) => {
                members[index].push(m);
                starts[index].insert(start);
            }
            None => {
                heads.add(mentions[m].kind, words[m], members.len());
                members.push(vec![m]);
                starts.push(BTreeSet::from([start]));
            }
        }
    }
    let mut entities: Vec<Entity> = members.into_iter().map(|mut group| {
        group.sort_by_key(|&m| mentions[m].span.start);
        build_entity(text, mentions, details, &words, &group)
    }).collect();
    entities.sort_by_key(|e| e.mentions.first().map(|s| s.start));
    link_descriptions(text, tokens, lower, mentions, &mut entities);
    entities
}

/// The groups by the words of their first (longest) mention, so that a mention finds the groups it
/// may join without comparing itself with every group (quadratic in a long article).
#[derive(Default)]
struct HeadIndex<'w> {
    /// Groups by kind and head words: "macron" joins the organization or person "macron".
    same: WordMap<(EntityKind, &'w [&'w str]), Vec<usize>>,
    /// People by the short forms of their head (see [`short_forms`]).
    short: WordMap<&'w [&'w str], Vec<usize>>,
}

impl<'w> HeadIndex<'w> {
    fn add(&mut self, kind: EntityKind, head: &'w [&'w str], group: usize) {
        self.same.entry((kind, head)).or_default().push(group);
        if kind == EntityKind::Person {
            for short in short_forms(head) {
                self.short.entry(short).or_default().push(group);
            }
        }
    }

    /// The groups a mention of `kind` with these words may join (a group may come twice).
    fn candidates<'s>(&'s self, kind: EntityKind, words: &'w [&'w str]) -> impl Iterator<Item = usize> + 's {
        let short = (kind == EntityKind::Person).then(|| self.short.get(words)).flatten();
        self.same.get(&(kind, words)).into_iter().chain(short).flatten().copied()
    }
}

/// "macron" and "emmanuel" of "emmanuel macron": its surname(s) and its lone first name.
fn short_forms<'w>(full: &'w [&'w str]) -> impl Iterator<Item = &'w [&'w str]> {
    let first = (full.len() > 1).then(|| &full[..1]);
    (1..full.len()).map(|k| &full[k..]).chain(first)
}

fn build_entity(text: &str, mentions: &[Mention], details: &[PersonDetails], words: &[&[&str]], group: &[usize]) -> Entity {
    let kind = mentions[group[0]].kind;
    // The longest form, preferring one not written in capitals (headlines).
    let canonical = group
        .iter()
        .max_by_key(|&&m| {
            let surface = mentions[m].span.text(text);
            (words[m].len(), surface.chars().any(char::is_lowercase), std::cmp::Reverse(mentions[m].span.start))
        })
        .map_or("", |&m| mentions[m].span.text(text));
    let first_stated = |field: fn(&PersonDetails) -> &Option<String>| group.iter().find_map(|&m| field(&details[m]).clone());
    Entity {
        kind,
        name: canonical.to_string(),
        mentions: group.iter().map(|&m| mentions[m].span).collect(),
        id: entity_id(kind, canonical),
        role: first_stated(|d| &d.role),
        affiliation: first_stated(|d| &d.affiliation),
        honorific: first_stated(|d| &d.honorific),
        descriptions: Vec::new(),
    }
}

/// Adds each description to the single person whose role (and affiliation, if stated) it matches.
fn link_descriptions(text: &str, tokens: &[Token], lower: &[&str], mentions: &[Mention], entities: &mut [Entity]) {
    // People by the last word of their role, ASCII lower-cased: a description is compared with those
    // alone, not with every entity of the article.
    let mut by_role: WordMap<String, Vec<usize>> = WordMap::default();
    for (index, entity) in entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person) {
        if let Some(role) = &entity.role {
            by_role.entry(last_word(role).to_ascii_lowercase()).or_default().push(index);
        }
    }
    for description in find_descriptions(text, tokens, lower, mentions) {
        let Some(people) = by_role.get(&last_word(&description.role).to_ascii_lowercase()) else { continue };
        let matches = |&&e: &&usize| description.affiliation.as_ref().is_none_or(|a| entities[e].affiliation.as_ref() == Some(a));
        let mut candidates = people.iter().filter(matches);
        if let (Some(&entity), None) = (candidates.next(), candidates.next()) {
            entities[entity].descriptions.push(description.span);
        }
    }
}

fn last_word(s: &str) -> &str {
    s.rsplit(' ').next().unwrap_or(s)
}
