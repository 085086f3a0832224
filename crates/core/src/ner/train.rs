//! Training the tagger (feature `train`, used by `triangulate train-ner`): an averaged structured
//! perceptron over CoNLL-2003 IOB2 files, deterministic for a given seed.
use super::features::DocFeatures;
use super::model::{self, begin_tag, mask_transitions, tag_kind, viterbi, Run, N_TAGS};
use crate::text::Token;
use crate::Span;
use std::ops::Range;

pub struct Options {
    pub epochs: usize,
    pub seed: u64,
    /// The weight table has `1 << bits` rows.
    pub bits: u32,
}

/// One CoNLL document: its text rebuilt (tokens joined by a space, sentences by a line break),
/// token spans, sentences as token ranges and gold tag numbers.
pub struct Document {
    pub text: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range<usize>>,
    pub tags: Vec<usize>,
}

/// Reads a CoNLL-2003 file: `-DOCSTART-` starts a document, a blank line ends a sentence, the
/// word is the first column and the IOB2 tag the last.
pub fn read_conll(content: &str) -> Result<Vec<Document>, String> {
    let mut documents = Vec::new();
    let mut doc = empty_document();
    let mut sentence_start = 0;
    for (line_no, line) in content.lines().enumerate() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        let end_sentence = |doc: &mut Document, sentence_start: &mut usize| {
            if *sentence_start < doc.tokens.len() {
                doc.sentences.push(*sentence_start..doc.tokens.len());
                *sentence_start = doc.tokens.len();
            }
        };
        match columns.as_slice() {
            [] => end_sentence(&mut doc, &mut sentence_start),
            ["-DOCSTART-", ..] => {
                end_sentence(&mut doc, &mut sentence_start);
                if !doc.tokens.is_empty() {
                    documents.push(std::mem::replace(&mut doc, empty_document()));
                }
                sentence_start = 0;
            }
            [word, .., tag] => {
                if !doc.text.is_empty() {
                    doc.text.push(if sentence_start == doc.tokens.len() { '\n' } else { ' ' });
                }
                let start = doc.text.len();
                doc.text.push_str(word);
                doc.tokens.push(Token { span: Span::new(start, doc.text.len()) });
                doc.tags.push(tag_number(tag).ok_or_else(|| format!("line {}: unknown tag {tag:?}", line_no + 1))?);
            }
            [_] => return Err(format!("line {}: expected a word and a tag", line_no + 1)),
        }
    }
    if sentence_start < doc.tokens.len() {
        doc.sentences.push(sentence_start..doc.tokens.len());
    }
    if !doc.tokens.is_empty() {
        documents.push(doc);
    }
    Ok(documents)
}

fn empty_document() -> Document {
    Document { text: String::new(), tokens: Vec::new(), sentences: Vec::new(), tags: Vec::new() }
}

fn tag_number(tag: &str) -> Option<usize> {
    if tag == "O" {
        return Some(0);
    }
    let (prefix, label) = tag.split_once('-')?;
    let kind = ["PER", "ORG", "LOC", "MISC"].iter().position(|l| *l == label)?;
    match prefix {
        "B" => Some(begin_tag(kind)),
        "I" => Some(begin_tag(kind) + 1),
        _ => None,
    }
}

/// Features of every token of a document, computed once for all epochs.
struct Prepared {
    /// Per sentence, per token, the feature buckets.
    sentences: Vec<Vec<Vec<u32>>>,
    gold: Vec<Vec<usize>>,
}

fn prepare(doc: &Document, bits: u32, first_pass: Option<Vec<usize>>) -> Prepared {
    let mut features = DocFeatures::new(&doc.text, &doc.tokens, doc.sentences.clone());
    if let Some(tags) = first_pass {
        features.set_first_pass(tags.into_iter().map(|tag| tag as u8).collect());
    }
    let sentences = (0..doc.sentences.len())
        .map(|s| {
            doc.sentences[s]
                .clone()
                .map(|i| {
                    let mut out = Vec::new();
                    features.features(s, i, bits, &mut out);
                    out
                })
                .collect()
        })
        .collect();
    let gold = doc.sentences.iter().map(|r| doc.tags[r.clone()].to_vec()).collect();
    Prepared { sentences, gold }
}

/// Weights plus the sums that make their average ("lazy averaging": avg = w - sum / steps).
struct Perceptron {
    weights: Vec<f32>,
    sums: Vec<f32>,
    transitions: Vec<f32>,
    transition_sums: Vec<f32>,
    steps: f32,
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let size = (1usize << bits) * N_TAGS;
        let transitions = (N_TAGS + 1) * N_TAGS;
        Perceptron {
            weights: vec![0.0; size],
            sums: vec![0.0; size],
            transitions: vec![0.0; transitions],
            transition_sums: vec![0.0; transitions],
            steps: 1.0,
        }
    }

    fn predict(weights: &[f32], transitions: &[f32], sentence: &[Vec<u32>]) -> Vec<usize> {
        let scores: Vec<[f32; N_TAGS]> = sentence
            .iter()
            .map(|features| {
                let mut sums = [0f32; N_TAGS];
                for &f in features {
                    for (sum, w) in sums.iter_mut().zip(&weights[f as usize * N_TAGS..][..N_TAGS]) {
                        *sum += w;
                    }
                }
                sums
            })
            .collect();
        viterbi(&scores, &mask_transitions(transitions), Run::default())
    }

    fn update(&mut self, sentence: &[Vec<u32>], gold: &[usize], predicted: &[usize]) {
        let steps = self.steps;
        for i in 0..gold.len() {
            let previous = |tags: &[usize]| if i == 0 { N_TAGS } else { tags[i - 1] };
            for (tag, previous, delta) in [(gold[i], previous(gold), 1.0), (predicted[i], previous(predicted), -1.0)] {
                if gold[i] != predicted[i] {
                    for &f in &sentence[i] {
                        self.weights[f as usize * N_TAGS + tag] += delta;
                        self.sums[f as usize * N_TAGS + tag] += delta * steps;
                    }
                }
                self.transitions[previous * N_TAGS + tag] += delta;
                self.transition_sums[previous * N_TAGS + tag] += delta * steps;
            }
        }
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let average = |w: &[f32], s: &[f32]| w.iter().zip(s).map(|(w, s)| w - s / self.steps).collect();
        (average(&self.weights, &self.sums), average(&self.transitions, &self.transition_sums))
    }
}

/// Folds for the first pass's out-of-fold tags on the training set.
const FOLDS: usize = 5;

/// Trains both passes on `train`, reports span F1 on `dev` after each epoch (to stderr), and
/// returns the model file. The second pass learns from first-pass tags that the first pass
/// produced on documents it was not trained on (K-fold), so it trusts them no more than it should.
pub fn train(train: &[Document], dev: &[Document], options: &Options) -> Vec<u8> {
    let bits = options.bits;
    let train_first: Vec<Prepared> = train.iter().map(|d| prepare(d, bits, None)).collect();
    let dev_first: Vec<Prepared> = dev.iter().map(|d| prepare(d, bits, None)).collect();
    eprintln!("first pass");
    let all: Vec<usize> = (0..train.len()).collect();
    let first = train_pass(&train_first, &all, &dev_first, options);

    let mut train_tags: Vec<Vec<usize>> = vec![Vec::new(); train.len()];
    for fold in 0..FOLDS {
        let rest: Vec<usize> = all.iter().copied().filter(|d| d % FOLDS != fold).collect();
        let model = train_pass(&train_first, &rest, &[], options);
        for d in all.iter().copied().filter(|d| d % FOLDS == fold) {
            train_tags[d] = tag_document(&train_first[d], &train[d], &model);
        }
    }
    let train_second: Vec<Prepared> =
        train.iter().zip(train_tags).map(|(d, tags)| prepare(d, bits, Some(tags))).collect();
    let dev_second: Vec<Prepared> =
        dev.iter().zip(&dev_first).map(|(d, p)| prepare(d, bits, Some(tag_document(p, d, &first)))).collect();
    eprintln!("second pass");
    let second = train_pass(&train_second, &all, &dev_second, options);

    let mut file = model::encode(bits, &first.0, &first.1);
    file.extend(model::encode(bits, &second.0, &second.1));
    file
}

/// Averaged weights and transitions of one pass trained on the documents `use_docs`.
fn train_pass(docs: &[Prepared], use_docs: &[usize], dev: &[Prepared], options: &Options) -> (Vec<f32>, Vec<f32>) {
    let mut order: Vec<(usize, usize)> =
        use_docs.iter().flat_map(|&d| (0..docs[d].sentences.len()).map(move |s| (d, s))).collect();
    let mut rng = SplitMix(options.seed);
    let mut perceptron = Perceptron::new(options.bits);
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        for &(d, s) in &order {
            let (sentence, gold) = (&docs[d].sentences[s], &docs[d].gold[s]);
            let predicted = Perceptron::predict(&perceptron.weights, &perceptron.transitions, sentence);
            if predicted != *gold {
                perceptron.update(sentence, gold, &predicted);
            }
            perceptron.steps += 1.0;
        }
        if !dev.is_empty() {
            let (weights, transitions) = perceptron.averaged();
            eprintln!("epoch {epoch}: dev span F1 {:.4}", span_f1(dev, &weights, &transitions));
        }
    }
    perceptron.averaged()
}

/// One tag per token of the document, as a (float) model predicts them.
fn tag_document(prepared: &Prepared, doc: &Document, (weights, transitions): &(Vec<f32>, Vec<f32>)) -> Vec<usize> {
    let mut tags = vec![0; doc.tokens.len()];
    for (range, sentence) in doc.sentences.iter().zip(&prepared.sentences) {
        tags[range.clone()].copy_from_slice(&Perceptron::predict(weights, transitions, sentence));
    }
    tags
}

/// Exact-span micro F1 of the tagger over prepared documents.
fn span_f1(docs: &[Prepared], weights: &[f32], transitions: &[f32]) -> f64 {
    let (mut correct, mut predicted_count, mut gold_count) = (0usize, 0usize, 0usize);
    for doc in docs {
        for (sentence, gold) in doc.sentences.iter().zip(&doc.gold) {
            let predicted = spans(&Perceptron::predict(weights, transitions, sentence));
            let gold = spans(gold);
            correct += predicted.iter().filter(|p| gold.contains(p)).count();
            predicted_count += predicted.len();
            gold_count += gold.len();
        }
    }
    2.0 * correct as f64 / (predicted_count + gold_count).max(1) as f64
}

/// (start, end, kind) of each entity in a BIO tag sequence.
fn spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (i, &tag) in tags.iter().enumerate() {
        match tag_kind(tag) {
            Some((kind, true)) if out.last().is_some_and(|l| l.1 == i && l.2 == kind) => {
                if let Some(last) = out.last_mut() {
                    last.1 = i + 1;
                }
            }
            Some((kind, _)) => out.push((i, i + 1, kind)),
            None => {}
        }
    }
    out
}

/// SplitMix64: a tiny seeded generator, so that a seed gives the same model on every platform.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}
