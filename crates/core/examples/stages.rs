//! Times each stage of `extract` over a folder of articles (CPU-bound; run in release), the same
//! calls `extract` makes, and prints a digest of the whole extraction so that a speed-up can show
//! it changed no output.
use std::hash::{DefaultHasher, Hasher};
use std::time::{Duration, Instant};
use triangulate_core::{article::load_dir, extract, extract_timexes_and_claims, ner, quotes, text};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: stages DIR [REPEAT]");
    let repeat: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(1);
    let articles = load_dir(std::path::Path::new(&dir)).unwrap_or_else(|_| panic!("bad articles"));
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum::<usize>() * repeat;
    let mut times = [Duration::ZERO; 5];
    let mut count = 0;
    for _ in 0..repeat {
        for a in &articles {
            let t = &a.text;
            let mut lap = Instant::now();
            let mut mark = |i: usize, times: &mut [Duration; 5]| {
                let now = Instant::now();
                times[i] += now - lap;
                lap = now;
            };
            let tokens = text::tokenize(t);
            mark(0, &mut times);
            let sentences = text::sentences(t, &tokens);
            mark(1, &mut times);
            let entities = ner::extract_entities(t, &tokens, &sentences);
            mark(2, &mut times);
            let (q, at) = quotes::extract_quotes_and_attributions(t, &entities);
            mark(3, &mut times);
            let (tx, c) = extract_timexes_and_claims(t, &sentences, a.date);
            mark(4, &mut times);
            count += entities.len() + q.len() + at.len() + tx.len() + c.len();
        }
    }
    let total: Duration = times.iter().sum();
    let names = ["tokenize", "sentences", "entities", "quotes+media", "dates+claims"];
    for (name, t) in names.iter().zip(times) {
        println!("{name:>12} {:>8.1} ms {:>5.1}% {:>7.1} MB/s", t.as_secs_f64() * 1e3, 100.0 * t.as_secs_f64() / total.as_secs_f64(), bytes as f64 / t.as_secs_f64() / 1e6);
    }
    println!("{:>12} {:>8.1} ms  {:>7.2} MB/s  items {count}", "total", total.as_secs_f64() * 1e3, bytes as f64 / total.as_secs_f64() / 1e6);
    let mut digest = DefaultHasher::new();
    for a in &articles {
        digest.write(&serde_json::to_vec(&extract(&a.text, a.date)).expect("serializable"));
    }
    println!("{:>12} {:016x}", "digest", digest.finish());
}
