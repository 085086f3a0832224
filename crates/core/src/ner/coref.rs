//! Groups mentions into entities: a later "Macron" joins "Emmanuel Macron", "LONDON" joins
//! "London", and "the French President" is linked to the one person so described.
use super::roles::{find_descriptions, PersonDetails};
use super::{entity_id, Entity, EntityKind, Mention};
use crate::text::Token;
use super::features::WordMap;
use std::collections::BTreeSet;

/// `lower` holds each token's lowercase form; `mentions` are in text order.
pub fn group(text: &str, tokens: &[Token], lower: &[&str], mentions: &[Mention], details: &[PersonDetails]) -> Vec<Entity> {
    let words: Vec<&[&str]> = mentions.iter().map(|m| &lower[m.first_token..m.end_token]).collect();
    // Longer names first, so that a surname finds the full name whatever the order in the text.
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    let (order, _) = counting_sort(&words.iter().map(|w| longest - w.len()).collect::<Vec<_>>(), longest + 1);
    let mut group_of = vec![0; mentions.len()];
    let mut groups = 0;
    // (group, start) of every person's mention grouped so far: "named most recently before" is a
    // range query, not a scan of the group (an article naming one person 100,000 times stays
    // linear). Other kinds need none: such a name has one group to join at most.
    let mut starts: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut heads = HeadIndex::with_capacity(mentions.len());
    for m in order {
        let (kind, start) = (mentions[m].kind, mentions[m].span.start);
        // Among the groups this mention can join, the one named most recently before it. Ties (no
        // mention of either before this one) go to the group made last.
        let nearest = {
            let mut candidates = heads.candidates(kind, words[m]);
            if kind == EntityKind::Person {
                candidates.max_by_key(|&g| (starts.range((g, 0)..(g, start)).next_back().map(|&(_, s)| s), g))
            } else {
                candidates.next()
            }
        };
        group_of[m] = nearest.unwrap_or_else(|| {
            heads.add(kind, words[m], groups);
            groups += 1;
            groups - 1
        });
        if kind == EntityKind::Person {
            starts.insert((group_of[m], start));
        }
    }
    // Each group's mentions in text order, and the groups in the order of their first mention: the
    // entities come out in text order without sorting them.
    let mut rank = vec![usize::MAX; groups];
    let mut ranked = 0;
    for g in &mut group_of {
        if rank[*g] == usize::MAX {
            rank[*g] = ranked;
            ranked += 1;
        }
        *g = rank[*g];
    }
    let (members, bounds) = counting_sort(&group_of, groups);
    let mut entities: Vec<Entity> = bounds.windows(2).map(|b| build_entity(text, mentions, details, &words, &members[b[0]..b[1]])).collect();
    link_descriptions(text, tokens, lower, mentions, &mut entities);
    entities
}

/// The indices of `keys` ordered by key, stably, and where each key's run starts (then the end):
/// a counting sort, for keys below `buckets`.
fn counting_sort(keys: &[usize], buckets: usize) -> (Vec<usize>, Vec<usize>) {
    let mut bounds = vec![0; buckets + 1];
    for &key in keys {
        bounds[key] += 1;
    }
    // Each key's count becomes its run's end, then (filled from the back) its start.
    let mut total = 0;
    for bound in &mut bounds {
        total += *bound;
        *bound = total;
    }
    let mut order = vec![0; keys.len()];
    for (i, &key) in keys.iter().enumerate().rev() {
        bounds[key] -= 1;
        order[bounds[key]] = i;
    }
    (order, bounds)
}

/// The groups by the words of their first (longest) mention, so that a mention finds the groups it
/// may join without comparing itself with every group (quadratic in a long article).
struct HeadIndex<'w> {
    /// Groups by kind and head words: "macron" joins the organization or person "macron".
    same: GroupLists<(EntityKind, &'w [&'w str])>,
    /// People by the short forms of their head (see [`short_forms`]).
    short: GroupLists<&'w [&'w str]>,
}

impl<'w> HeadIndex<'w> {
    fn with_capacity(mentions: usize) -> Self {
        HeadIndex { same: GroupLists::with_capacity(mentions), short: GroupLists::with_capacity(mentions) }
    }

    fn add(&mut self, kind: EntityKind, head: &'w [&'w str], group: usize) {
        self.same.add((kind, head), group);
        if kind == EntityKind::Person {
            for short in short_forms(head) {
                self.short.add(short, group);
            }
        }
    }

    /// The groups a mention of `kind` with these words may join (a group may come twice). Only a
    /// person's may be several: a group is made only for words that have none, and only people
    /// have short forms.
    fn candidates<'s>(&'s self, kind: EntityKind, words: &'w [&'w str]) -> impl Iterator<Item = usize> + 's {
        let short = (kind == EntityKind::Person).then(|| self.short.get(&words)).into_iter().flatten();
        self.same.get(&(kind, words)).chain(short)
    }
}

/// Groups by key, each key's groups a list linked through one buffer: no vector per key.
struct GroupLists<K> {
    /// Each key's most recent link.
    last: WordMap<K, usize>,
    /// (group, the key's link before this one).
    links: Vec<(usize, Option<usize>)>,
}

impl<K: std::hash::Hash + Eq> GroupLists<K> {
    fn with_capacity(capacity: usize) -> Self {
        GroupLists { last: WordMap::with_capacity_and_hasher(capacity, Default::default()), links: Vec::with_capacity(capacity) }
    }

    fn add(&mut self, key: K, group: usize) {
        let previous = self.last.insert(key, self.links.len());
        self.links.push((group, previous));
    }

    /// The key's groups, most recently added first.
    fn get(&self, key: &K) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(self.last.get(key).copied(), |&link| self.links[link].1).map(|link| self.links[link].0)
    }
}

/// "macron" and "emmanuel" of "emmanuel macron": its surname(s) and its lone first name.
fn short_forms<'w>(full: &'w [&'w str]) -> impl Iterator<Item = &'w [&'w str]> {
    let first = (full.len() > 1).then(|| &full[..1]);
    (1..full.len()).map(|k| &full[k..]).chain(first)
}

/// `group` holds mentions in text order.
fn build_entity(text: &str, mentions: &[Mention], details: &[PersonDetails], words: &[&[&str]], group: &[usize]) -> Entity {
    let kind = mentions[group[0]].kind;
    // The longest form, preferring one not written in capitals (headlines), then the first. Compared
    // lazily: a lone mention, or one longer than the other, needs no scan for lowercase letters.
    let has_lowercase = |m: usize| mentions[m].span.text(text).chars().any(char::is_lowercase);
    let canonical = group
        .iter()
        .copied()
        .max_by(|&a, &b| {
            (words[a].len().cmp(&words[b].len()))
                .then_with(|| has_lowercase(a).cmp(&has_lowercase(b)))
                .then_with(|| mentions[b].span.start.cmp(&mentions[a].span.start))
        })
        .map_or("", |m| mentions[m].span.text(text));
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
    // No one with a role (many articles): no description can match, none to look for.
    if by_role.is_empty() {
        return;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;
    use proptest::prelude::*;

    /// The grouping by a plain scan of every group (the index and range queries only make it
    /// faster): each group's mention indices, groups in the order of their first mention.
    fn groups_by_scan(mentions: &[Mention], words: &[&[&str]]) -> Vec<Vec<usize>> {
        let mut order: Vec<usize> = (0..mentions.len()).collect();
        order.sort_by_key(|&m| std::cmp::Reverse(words[m].len()));
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for m in order {
            let (kind, start) = (mentions[m].kind, mentions[m].span.start);
            let joins = |head: usize| {
                let head_kind = mentions[head].kind;
                (head_kind == kind && words[head] == words[m])
                    || (kind == EntityKind::Person && head_kind == kind && short_forms(words[head]).any(|s| s == words[m]))
            };
            let latest_before = |g: &Vec<usize>| g.iter().map(|&o| mentions[o].span.start).filter(|&s| s < start).max();
            match (0..groups.len()).filter(|&g| joins(groups[g][0])).max_by_key(|&g| (latest_before(&groups[g]), g)) {
                Some(g) => groups[g].push(m),
                None => groups.push(vec![m]),
            }
        }
        groups.iter_mut().for_each(|g| g.sort_unstable());
        groups.sort_by_key(|g| g[0]);
        groups
    }

    #[test]
    fn counting_sort_is_stable_and_bounds_each_key() {
        for (name, keys, buckets, order, bounds) in [
            ("nothing", &[][..], 1, &[][..], &[0, 0][..]),
            ("one key", &[0, 0, 0], 1, &[0, 1, 2], &[0, 3]),
            ("keys apart", &[2, 0, 1, 0], 3, &[1, 3, 2, 0], &[0, 2, 3, 4]),
            ("a key unused", &[2, 2, 0], 3, &[2, 0, 1], &[0, 1, 1, 3]),
        ] {
            assert_eq!(counting_sort(keys, buckets), (order.to_vec(), bounds.to_vec()), "{name}");
        }
    }

    const WORDS: &[&str] = &["Emmanuel", "Macron", "MACRON", "Keir", "Starmer", "Paris", "Olaf", "Scholz", "met", "in"];
    const KINDS: [EntityKind; 3] = [EntityKind::Person, EntityKind::Organization, EntityKind::Location];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        #[test]
        fn groups_are_those_of_a_scan_of_every_group(
            words in proptest::collection::vec(proptest::sample::select(WORDS), 1..40),
            cuts in proptest::collection::vec((0usize..3, 1usize..4, 0usize..3), 0..20),
        ) {
            let text = words.join(" ");
            let tokens = tokenize(&text);
            let lower: Vec<String> = tokens.iter().map(|t| t.text(&text).to_lowercase()).collect();
            let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
            // Disjoint mentions in text order: each skips some tokens, then takes some.
            let mut mentions = Vec::new();
            let mut next = 0;
            for (skip, len, kind) in cuts {
                let (first, end) = (next + skip, next + skip + len);
                if end > tokens.len() {
                    break;
                }
                let span = crate::Span::new(tokens[first].span.start, tokens[end - 1].span.end);
                mentions.push(Mention { kind: KINDS[kind], span, first_token: first, end_token: end });
                next = end;
            }
            let details = vec![PersonDetails::default(); mentions.len()];
            let entities = group(&text, &tokens, &lower, &mentions, &details);
            let spans: Vec<Vec<crate::Span>> = entities.iter().map(|e| e.mentions.clone()).collect();
            let words: Vec<&[&str]> = mentions.iter().map(|m| &lower[m.first_token..m.end_token]).collect();
            let groups = groups_by_scan(&mentions, &words);
            let expected: Vec<Vec<crate::Span>> = groups.iter().map(|g| g.iter().map(|&m| mentions[m].span).collect()).collect();
            prop_assert_eq!(spans, expected);
            // The name by its whole key, lowercase letters looked for in every mention.
            let name_by_key = |g: &Vec<usize>| {
                let key = |&&m: &&usize| (words[m].len(), mentions[m].span.text(&text).chars().any(char::is_lowercase), std::cmp::Reverse(mentions[m].span.start));
                mentions[*g.iter().max_by_key(key).unwrap()].span.text(&text)
            };
            let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
            prop_assert_eq!(names, groups.iter().map(name_by_key).collect::<Vec<_>>());
        }
    }
}
