//! Training the reported-content ranker (feature `train`, used by `triangulate train-quotes`): an
//! averaged perceptron that ranks the places for the movable boundary of each proposal of the
//! rules, deterministic for a given seed.
use super::boundary::{boundary_features, bucket, candidates, encode};
use super::document::Document;
use super::reported::proposals;
use crate::ner::features::hash_str;
use crate::ner::train::SplitMix;

pub struct Options {
    pub epochs: usize,
    pub seed: u64,
    /// The weight table has `1 << bits` rows.
    pub bits: u32,
}

/// A text with its gold attributions' content spans (any kind) as char offsets.
pub struct GoldDocument {
    pub text: String,
    pub spans: Vec<(usize, usize)>,
}

/// One proposal of the rules: the features of each place for its movable boundary, which one the
/// rules chose, and which the scorer would count as right.
struct Example {
    choices: Vec<Vec<u64>>,
    rule: usize,
    good: Vec<bool>,
}

/// The scorer's matching rule: overlap over the longer span's length.
fn overlap_ratio((a, b): (usize, usize), (c, d): (usize, usize)) -> f64 {
    let overlap = b.min(d).saturating_sub(a.max(c));
    overlap as f64 / (b - a).max(d - c).max(1) as f64
}

/// How much of a gold span a choice must cover, and be covered by, to count (as in `score.py`).
const MATCH_RATIO: f64 = 0.5;

fn examples(doc: &GoldDocument) -> Vec<Example> {
    let chars: Vec<usize> = doc.text.char_indices().map(|(b, _)| b).chain([doc.text.len()]).collect();
    let gold: Vec<(usize, usize)> = doc.spans.iter().filter_map(|&(s, e)| Some((*chars.get(s)?, *chars.get(e)?))).collect();
    let scanned = Document::new(&doc.text);
    let quotes = proposals(&scanned);
    let mut out = Vec::new();
    for candidate in candidates(&scanned, &quotes).into_iter().flatten() {
        let matches = |p: usize| {
            let (start, end) = candidate.span_at(p);
            let span = (scanned.toks[start].span.start, scanned.toks[end - 1].span.end);
            gold.iter().any(|&g| overlap_ratio(span, g) >= MATCH_RATIO)
        };
        let places: Vec<usize> = candidate.places(&scanned).collect();
        let good: Vec<bool> = places.iter().map(|&p| matches(p)).collect();
        // Only proposals that some boundary makes right teach where the boundary goes.
        if !good.contains(&true) {
            continue;
        }
        let choices = places
            .iter()
            .map(|&p| {
                let mut features = Vec::new();
                boundary_features(&scanned, &candidate, p, &mut features);
                features
            })
            .collect();
        let rule = places.iter().position(|&p| p == candidate.rule()).unwrap_or(0);
        out.push(Example { choices, rule, good });
    }
    out
}

/// The highest-scoring choice among `allowed` ones; ties go to the rules' choice, then the first.
fn best(weights: &[f32], bits: u32, example: &Example, allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let score = |c: usize| example.choices[c].iter().map(|&f| weights[bucket(f, bits)]).sum::<f32>();
    let mut best: Option<(f32, usize)> = allowed(example.rule).then(|| (score(example.rule), example.rule));
    for c in (0..example.choices.len()).filter(|&c| allowed(c)) {
        let s = score(c);
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Share of examples where the rules, and `weights`, make a right choice.
fn accuracy(examples: &[Example], weights: &[f32], bits: u32) -> (f64, f64) {
    let n = examples.len().max(1) as f64;
    let rules = examples.iter().filter(|e| e.good[e.rule]).count() as f64 / n;
    let model = examples.iter().filter(|e| best(weights, bits, e, |_| true).is_some_and(|c| e.good[c])).count() as f64 / n;
    (rules, model)
}

/// Trains on `train`, reports accuracy on `dev` after each epoch (to stderr), and returns the
/// model file.
pub fn train(train: &[GoldDocument], dev: &[GoldDocument], options: &Options) -> Vec<u8> {
    let bits = options.bits;
    let mut train_examples: Vec<Example> = train.iter().flat_map(examples).collect();
    let dev_examples: Vec<Example> = dev.iter().flat_map(examples).collect();
    eprintln!("{} training and {} dev examples", train_examples.len(), dev_examples.len());
    let size = 1usize << bits;
    // Lazy averaging, as in the NER trainer: average = weight - sum / steps.
    let (mut weights, mut sums, mut steps) = (vec![0f32; size], vec![0f32; size], 1f32);
    let average = |weights: &[f32], sums: &[f32], steps: f32| -> Vec<f32> { weights.iter().zip(sums).map(|(w, s)| w - s / steps).collect() };
    let mut rng = SplitMix(options.seed);
    let prior: f32 = std::env::var("PRIOR").ok().and_then(|v| v.parse().ok()).unwrap_or(0.0);
    for side in ["E", "S"] {
        weights[bucket(hash_str(&format!("{side}rel\u{1}=")), bits)] += prior;
    }
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut train_examples);
        for example in &train_examples {
            let predicted = best(&weights, bits, example, |_| true).unwrap_or(example.rule);
            if !example.good[predicted] {
                let target = best(&weights, bits, example, |c| example.good[c]).unwrap_or(example.rule);
                for (c, delta) in [(target, 1.0), (predicted, -1.0)] {
                    for &f in &example.choices[c] {
                        weights[bucket(f, bits)] += delta;
                        sums[bucket(f, bits)] += delta * steps;
                    }
                }
            }
            steps += 1.0;
        }
        let (rules, model) = accuracy(&dev_examples, &average(&weights, &sums, steps), bits);
        let (_, train_acc) = accuracy(&train_examples, &average(&weights, &sums, steps), bits);
        eprintln!("epoch {epoch}: dev accuracy {model:.4} (rules {rules:.4}) train {train_acc:.4}");
    }
    encode(bits, &average(&weights, &sums, steps))
}
