//! The whole entity pass (tokenize + sentences + NER) over every CoNLL training text, in bytes/s.
//! Needs ../shared/eval-dev/inputs/conll_train.jsonl beside the repository; skips without it.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use triangulate_core::{ner, text};

const INPUT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval-dev/inputs/conll_train.jsonl");

fn load_texts() -> Option<Vec<String>> {
    let content = std::fs::read_to_string(INPUT).ok()?;
    let texts = content
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|doc| doc["text"].as_str().map(str::to_string))
        .collect();
    Some(texts)
}

fn entity_pass(c: &mut Criterion) {
    let Some(texts) = load_texts() else {
        eprintln!("skipped: {INPUT} not found");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("conll_train", |b| {
        b.iter(|| {
            let mut count = 0;
            for text in &texts {
                let tokens = text::tokenize(text);
                let sentences = text::sentences(text, &tokens);
                count += ner::extract_entities(text, &tokens, &sentences).len();
            }
            assert!(count > 0, "the entity pass found no entities");
            count
        })
    });
    group.finish();
}

criterion_group!(benches, entity_pass);
criterion_main!(benches);
