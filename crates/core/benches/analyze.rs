//! Cross-article analysis of ≥ 2,000 documents: CoNLL and PolNeAR texts from
//! ../shared/eval-dev/inputs beside the repository (skips without them). Extraction runs once,
//! outside the timed loop; the loop times `analyze` and checks that it found something.
use criterion::{criterion_group, criterion_main, Criterion};
use triangulate_core::analysis::analyze;
use triangulate_core::{article::parse_article, Document};

const INPUT_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval-dev/inputs");
/// Train sets first; the dev sets bring the count past 2,000.
const FILES: [&str; 4] = ["conll_train.jsonl", "polnear_train.jsonl", "conll_dev.jsonl", "polnear_dev.jsonl"];
const MIN_DOCUMENTS: usize = 2000;

fn load_documents() -> Option<Vec<Document>> {
    let mut docs = Vec::new();
    for file in FILES {
        let content = std::fs::read_to_string(format!("{INPUT_DIR}/{file}")).ok()?;
        for line in content.lines() {
            let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let (Some(id), Some(text)) = (doc["id"].as_str(), doc["text"].as_str()) else { continue };
            if let Ok(article) = parse_article(&format!("{id}.txt"), text.as_bytes()) {
                docs.push(Document::new(article));
            }
        }
    }
    Some(docs)
}

fn analyze_corpus(c: &mut Criterion) {
    let Some(docs) = load_documents() else {
        eprintln!("skipped: the CoNLL/PolNeAR inputs are not in {INPUT_DIR}");
        return;
    };
    assert!(docs.len() >= MIN_DOCUMENTS, "only {} documents", docs.len());
    let mut group = c.benchmark_group("analyze");
    group.sample_size(10);
    group.bench_function(format!("{}_documents", docs.len()), |b| {
        b.iter(|| {
            let analysis = analyze(&docs);
            assert!(!analysis.entities.is_empty() && !analysis.timeline.is_empty(), "analysis found nothing");
            analysis
        })
    });
    group.finish();
}

criterion_group!(benches, analyze_corpus);
criterion_main!(benches);
