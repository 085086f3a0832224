//! The entity co-occurrence network: people, organizations and places as nodes, sentences they
//! share as weighted edges, laid out by a deterministic force-directed simulation so the same
//! corpus always draws the same picture (and screenshots and links stay comparable).

use std::collections::{BTreeMap, HashMap};
use triangulate_core::ner::EntityKind;
use triangulate_core::Document;

/// At most this many nodes are drawn (the most connected); more would make labels unreadable.
pub const MAX_NODES: usize = 40;

/// The drawing's coordinate system (the SVG viewBox); labels need the right-hand margin.
pub const WIDTH: f64 = 960.0;
pub const HEIGHT: f64 = 640.0;
const MARGIN: f64 = 40.0;
const LABEL_ROOM: f64 = 140.0;
const ITERATIONS: usize = 300;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub mentions: usize,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    /// Indices into `Network::nodes`.
    pub a: usize,
    pub b: usize,
    /// Sentences in which both entities are mentioned.
    pub weight: u32,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

/// Builds the network of entities whose kind passes `shows_kind`, keeping edges of at least
/// `min_weight` shared sentences and the `MAX_NODES` best-connected nodes.
pub fn build(documents: &[Document], shows_kind: impl Fn(EntityKind) -> bool, min_weight: u32) -> Network {
    let mut names: BTreeMap<String, (String, EntityKind, usize)> = BTreeMap::new();
    let mut weights: HashMap<(String, String), u32> = HashMap::new();
    for doc in documents {
        let entities: Vec<_> = doc.extraction.entities.iter().filter(|e| shows_kind(e.kind)).collect();
        for entity in &entities {
            let entry = names.entry(entity.id.clone()).or_insert_with(|| (entity.name.clone(), entity.kind, 0));
            entry.2 += entity.mentions.len();
        }
        for sentence in &doc.extraction.sentences {
            let mut present: Vec<&str> = entities
                .iter()
                .filter(|e| e.mentions.iter().any(|m| sentence.contains(*m)))
                .map(|e| e.id.as_str())
                .collect();
            present.sort_unstable();
            present.dedup();
            for (i, a) in present.iter().enumerate() {
                for b in &present[i + 1..] {
                    *weights.entry((a.to_string(), b.to_string())).or_default() += 1;
                }
            }
        }
    }
    let mut kept: Vec<((String, String), u32)> = weights.into_iter().filter(|(_, w)| *w >= min_weight.max(1)).collect();
    kept.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(&y.0)));

    let mut degree: BTreeMap<&str, u32> = BTreeMap::new();
    for ((a, b), w) in &kept {
        *degree.entry(a).or_default() += w;
        *degree.entry(b).or_default() += w;
    }
    let mut ranked: Vec<(&str, u32)> = degree.into_iter().collect();
    ranked.sort_by(|x, y| y.1.cmp(&x.1).then_with(|| x.0.cmp(y.0)));
    ranked.truncate(MAX_NODES);
    let mut ids: Vec<&str> = ranked.into_iter().map(|(id, _)| id).collect();
    ids.sort_unstable();

    let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let nodes = ids
        .iter()
        .map(|id| {
            let (name, kind, mentions) = names[*id].clone();
            Node { id: id.to_string(), name, kind, mentions, x: 0.0, y: 0.0 }
        })
        .collect();
    let edges = kept
        .iter()
        .filter_map(|((a, b), weight)| Some(Edge { a: *index.get(a.as_str())?, b: *index.get(b.as_str())?, weight: *weight }))
        .collect();
    let mut network = Network { nodes, edges };
    layout(&mut network);
    network
}

/// Fruchterman–Reingold from a circle (deterministic: no randomness), then scaled into the
/// drawing with room for labels on the right of each node.
fn layout(network: &mut Network) {
    let n = network.nodes.len();
    if n == 0 {
        return;
    }
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let angle = std::f64::consts::TAU * i as f64 / n as f64;
            (angle.cos(), angle.sin())
        })
        .collect();
    let ideal = (4.0 / n as f64).sqrt();
    let mut temperature = 0.2;
    for _ in 0..ITERATIONS {
        let mut shift = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let dist = (dx * dx + dy * dy).sqrt().max(1e-3);
                let push = ideal * ideal / dist;
                shift[i].0 += dx / dist * push;
                shift[i].1 += dy / dist * push;
                shift[j].0 -= dx / dist * push;
                shift[j].1 -= dy / dist * push;
            }
        }
        for edge in &network.edges {
            let (dx, dy) = (pos[edge.a].0 - pos[edge.b].0, pos[edge.a].1 - pos[edge.b].1);
            let dist = (dx * dx + dy * dy).sqrt().max(1e-3);
            let pull = dist * dist / ideal * (1.0 + (edge.weight as f64).ln());
            shift[edge.a].0 -= dx / dist * pull;
            shift[edge.a].1 -= dy / dist * pull;
            shift[edge.b].0 += dx / dist * pull;
            shift[edge.b].1 += dy / dist * pull;
        }
        for (p, s) in pos.iter_mut().zip(&shift) {
            let len = (s.0 * s.0 + s.1 * s.1).sqrt().max(1e-9);
            p.0 += s.0 / len * len.min(temperature);
            p.1 += s.1 / len * len.min(temperature);
        }
        temperature *= 0.985;
    }
    let (min_x, max_x) = bounds(pos.iter().map(|p| p.0));
    let (min_y, max_y) = bounds(pos.iter().map(|p| p.1));
    for (node, p) in network.nodes.iter_mut().zip(&pos) {
        node.x = MARGIN + (p.0 - min_x) / (max_x - min_x).max(1e-9) * (WIDTH - 2.0 * MARGIN - LABEL_ROOM);
        node.y = MARGIN + (p.1 - min_y) / (max_y - min_y).max(1e-9) * (HEIGHT - 2.0 * MARGIN);
    }
}

fn bounds(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::article::parse_article;

    fn documents(texts: &[&str]) -> Vec<Document> {
        texts
            .iter()
            .enumerate()
            .map(|(i, text)| Document::new(parse_article(&format!("{i}.txt"), text.as_bytes()).expect("valid test article")))
            .collect()
    }

    #[test]
    fn shared_sentences_weigh_edges_and_filters_apply() {
        let docs = documents(&[
            "Emmanuel Macron met Keir Starmer in Paris. Macron and Starmer spoke again in London.",
            "Keir Starmer thanked Emmanuel Macron.",
        ]);
        let all = build(&docs, |_| true, 1);
        let names: Vec<&str> = all.nodes.iter().map(|n| n.name.as_str()).collect();
        assert!(names.contains(&"Emmanuel Macron") && names.contains(&"Keir Starmer"), "nodes: {names:?}");
        let person_edge = all
            .edges
            .iter()
            .find(|e| all.nodes[e.a].kind == EntityKind::Person && all.nodes[e.b].kind == EntityKind::Person)
            .expect("Macron–Starmer edge");
        assert_eq!(person_edge.weight, 3, "three sentences name both");

        let people = build(&docs, |k| k == EntityKind::Person, 1);
        assert!(people.nodes.iter().all(|n| n.kind == EntityKind::Person), "type filter");
        assert!(build(&docs, |_| true, 4).nodes.is_empty(), "no edge reaches weight 4");
    }

    #[test]
    fn layout_is_deterministic_and_inside_the_drawing() {
        let docs = documents(&["Emmanuel Macron met Keir Starmer and Mark Rutte in Paris with NATO officials."]);
        let first = build(&docs, |_| true, 1);
        assert_eq!(first, build(&docs, |_| true, 1), "same input, same drawing");
        for node in &first.nodes {
            assert!((0.0..=WIDTH).contains(&node.x) && (0.0..=HEIGHT).contains(&node.y), "{node:?}");
        }
    }
}
