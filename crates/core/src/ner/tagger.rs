//! Runs the embedded model over a document and turns BIO tags into mentions.
use super::features::{sentence_token_ranges, DocFeatures, BASE_FEATURES};
use super::model::{tag_kind, Model, KINDS, N_TAGS};
use super::{EntityKind, Mention};
use crate::text::Token;
use crate::Span;
use std::sync::OnceLock;

static MODEL_BYTES: &[u8] = include_bytes!("../../model/ner.bin");

/// The embedded first- and second-pass models, decoded once; `None` if the file is unusable
/// (then nothing is tagged).
fn models() -> Option<&'static [Model; 2]> {
    static MODELS: OnceLock<Option<[Model; 2]>> = OnceLock::new();
    MODELS
        .get_or_init(|| {
            let models: [Model; 2] = Model::all_from_bytes(MODEL_BYTES).ok()?.try_into().ok()?;
            // Both passes read the same feature buckets.
            (models[0].bits == models[1].bits).then_some(models)
        })
        .as_ref()
}

pub fn tag_mentions(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Mention> {
    let Some([first, second]) = models() else { return Vec::new() };
    let mut doc = DocFeatures::new(text, tokens, sentence_token_ranges(tokens, sentences));
    let base = doc.all_base_features(first.bits);
    let token_base = |i: usize| &base[i * BASE_FEATURES..][..BASE_FEATURES];
    let mut scores: Vec<[i32; N_TAGS]> = Vec::new();
    let mut first_tags = vec![0; tokens.len()];
    for range in &doc.sentences {
        scores.clear();
        scores.extend(range.clone().map(|i| {
            let mut sums = [0; N_TAGS];
            first.add_scores(token_base(i), &mut sums);
            sums
        }));
        first_tags[range.clone()].copy_from_slice(&first.decode(&scores));
    }
    doc.set_first_pass(first_tags);
    let mut mentions = Vec::new();
    let mut buffer = Vec::new();
    for (s, range) in doc.sentences.iter().enumerate() {
        scores.clear();
        scores.extend(range.clone().map(|i| {
            let mut sums = [0; N_TAGS];
            second.add_scores(token_base(i), &mut sums);
            buffer.clear();
            doc.pass_features(s, i, second.bits, &mut buffer);
            second.add_scores(&buffer, &mut sums);
            sums
        }));
        mentions.extend(decode(tokens, range.start, &second.decode(&scores)));
    }
    join_name_particles(text, tokens, mentions)
}

/// Lowercase particles inside names, which the tagger (trained on little such data) may leave out.
const NAME_PARTICLES: &[&str] = &["von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le", "bin", "ibn", "al", "dos", "das"];
/// Particles found only in people's names, so that they make a person of any two names they join.
const PERSON_PARTICLES: &[&str] = &["von", "van", "der", "den", "bin", "ibn"];

/// "Ursula" + "von der" + "Leyen" → one person "Ursula von der Leyen", whatever kinds the tagger
/// gave the parts alone.
fn join_name_particles(text: &str, tokens: &[Token], mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        let joined = out.last_mut().filter(|last| {
            let between = &tokens[last.end_token.min(mention.first_token)..mention.first_token];
            let all_in = |list: &[&str]| between.iter().all(|t| list.contains(&t.text(text)));
            (1..=3).contains(&between.len())
                && (all_in(PERSON_PARTICLES) || (all_in(NAME_PARTICLES) && (last.kind == EntityKind::Person || mention.kind == EntityKind::Person)))
        });
        match joined {
            Some(last) => {
                last.kind = EntityKind::Person;
                last.end_token = mention.end_token;
                last.span.end = mention.span.end;
            }
            None => out.push(mention),
        }
    }
    out
}

/// Mentions from the BIO tags of the tokens from `offset` on.
fn decode(tokens: &[Token], offset: usize, tags: &[usize]) -> Vec<Mention> {
    let mut mentions: Vec<Mention> = Vec::new();
    let mut open = false;
    for (i, &tag) in tags.iter().enumerate() {
        let index = offset + i;
        match tag_kind(tag) {
            Some((kind, true)) if open && mentions.last().is_some_and(|m| m.kind == KINDS[kind]) => {
                if let Some(last) = mentions.last_mut() {
                    last.end_token = index + 1;
                    last.span.end = tokens[index].span.end;
                }
            }
            Some((kind, _)) => {
                mentions.push(Mention { kind: KINDS[kind], span: tokens[index].span, first_token: index, end_token: index + 1 });
                open = true;
            }
            None => open = false,
        }
    }
    mentions
}
