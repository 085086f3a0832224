//! Cross-article analysis on the seed corpus (`articles/`): the merges, groups and conflicts the
//! product promises.

use std::path::Path;
use triangulate_core::analysis::{analyze, Analysis};
use triangulate_core::{article::load_dir, Document};

fn seed_analysis() -> (Vec<Document>, Analysis) {
    let articles = load_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../articles"))).expect("seed articles load");
    let docs: Vec<Document> = articles.into_iter().map(Document::new).collect();
    let analysis = analyze(&docs);
    (docs, analysis)
}

#[test]
fn dump() {
    let (docs, a) = seed_analysis();
    let text = |id: &str, s: triangulate_core::Span| s.text(&docs.iter().find(|d| d.article.id == id).unwrap().article.text).to_string();
    for e in a.entities.iter().filter(|e| e.articles.len() > 1 || !e.merges.is_empty()) {
        println!("E {} | {} | {:?} | {:?} | {:?}", e.id, e.name, e.aliases, e.articles, e.merges.iter().map(|m| format!("{} ~ {}: {}", m.name, m.with, m.reason)).collect::<Vec<_>>());
    }
    for g in &a.quote_groups {
        println!("Q {} sim={:.2} {:?}", g.id, g.similarity, g.articles);
        for m in &g.members { println!("   {} {:?} {:.2} {}", m.article, m.kind, m.similarity, m.text); }
    }
    for g in &a.claim_groups {
        println!("C {} [{}] conflict={} corr={}", g.id, g.what, g.conflict, g.corroborated);
        for m in &g.members { println!("   {} {} {} agree={} | {}", m.article, m.text, m.interval, m.agreeing_articles, text(&m.article, m.sentence).chars().take(100).collect::<String>()); }
    }
    for p in &a.similar_articles {
        println!("S {} {} {:.3} {:.3} passages={}", p.a, p.b, p.score, p.containment, p.passages.len());
        for s in &p.passages { println!("   {}", text(&p.a, s.a)); }
    }
    for t in &a.timeline { if t.articles.len() > 1 { println!("T {} {:?} {}", t.date, t.articles, t.label.chars().take(100).collect::<String>()); } }
    println!("timeline events: {}", a.timeline.len());
    for c in &a.coverage { println!("COV {} ents={} quotes={} claims={}", c.article, c.entities.len(), c.quotes.len(), c.claims.len()); }
}

#[test]
fn dump_claims() {
    let (docs, _) = seed_analysis();
    for d in &docs { for c in &d.extraction.claims { println!("{} {} {:?} {:?} {:?} {:?}", d.article.id, c.span.text(&d.article.text), c.interval_text(), c.thing, c.predicate, c.date); } }
}
