//! `triangulate analyze DIR_OR_FILES… [--output FILE]`: cross-article analysis as one JSON document.
//!
//! Every offset is in **characters** (Unicode scalar values) into the article's `text`.
//!
//! ```text
//! articles:         [{id, title, date, text}]
//! entities:         [{id, name, type, aliases, roles, articles, merges: [{name, with, reason}],
//!                     mentions: [{article, start, end}]}]
//! quote_groups:     [{id, speaker, speaker_name, articles, similarity,
//!                     members: [{article, start, end, text, kind, speaker, similarity,
//!                                diff: [{change: same|added|removed|reference_context|
//!                                                member_context, text}]}]}]
//! claim_groups:     [{id, what, unit, date, articles, conflict, corroborated,
//!                     members: [{article, start, end, text, low, high, low_inclusive,
//!                                high_inclusive, interval, date, agreeing_articles}]}]
//! similar_articles: [{a, b, score, containment, passages: [{a_start, a_end, b_start, b_end, words}]}]
//! timeline:         [{date, label, articles, sources: [{article, start, end}]}]
//! coverage:         [{article, entities, quotes: [{start, end}], claims: [{start, end}]}]
//! ```

use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use triangulate_core::analysis::{self, Analysis, DiffSegment};
use triangulate_core::article::{load_dir, parse_articles, Article};
use triangulate_core::quotes::QuoteKind;
use triangulate_core::{CharOffsets, Document, Span};

pub fn run(inputs: &[PathBuf], output: Option<&Path>) -> Result<(), String> {
    let articles = load_inputs(inputs)?;
    let docs: Vec<Document> = articles.into_iter().map(Document::new).collect();
    let analysis = analysis::analyze(&docs);
    let report = Report::new(&docs, &analysis);
    let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
    match output {
        Some(path) => std::fs::write(path, json + "\n").map_err(|e| format!("{}: {e}", path.display())),
        None => {
            println!("{json}");
            Ok(())
        }
    }
}

/// Folders through `load_dir`, single files through `parse_articles`; every error names its file and line.
fn load_inputs(inputs: &[PathBuf]) -> Result<Vec<Article>, String> {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match load_dir(input) {
                Ok(found) => articles.extend(found),
                Err(found) => errors.extend(found.iter().map(ToString::to_string)),
            }
        } else {
            files.push((input.display().to_string(), std::fs::read(input).map_err(|e| e.to_string())));
        }
    }
    match parse_articles(files) {
        Ok(found) => articles.extend(found),
        Err(found) => errors.extend(found.iter().map(ToString::to_string)),
    }
    let mut first_file: HashMap<String, String> = HashMap::new();
    for article in &articles {
        if let Some(other) = first_file.insert(article.id.clone(), article.file.clone()) {
            errors.push(format!("{}:0: article id {:?} is also the id of {other}; rename one of the files", article.file, article.id));
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    if articles.is_empty() {
        return Err("no articles found (expected .txt, .md or .markdown files)".into());
    }
    Ok(articles)
}

#[derive(Serialize)]
struct Report<'a> {
    articles: Vec<ArticleOut<'a>>,
    entities: Vec<EntityOut<'a>>,
    quote_groups: Vec<QuoteGroupOut<'a>>,
    claim_groups: Vec<ClaimGroupOut<'a>>,
    similar_articles: Vec<PairOut<'a>>,
    timeline: Vec<EventOut<'a>>,
    coverage: Vec<CoverageOut<'a>>,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    text: &'a str,
}

#[derive(Serialize)]
struct Range<'a> {
    article: &'a str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct Chars {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    aliases: &'a [String],
    roles: &'a [String],
    articles: &'a [String],
    merges: &'a [analysis::Merge],
    mentions: Vec<Range<'a>>,
}

#[derive(Serialize)]
struct QuoteGroupOut<'a> {
    id: &'a str,
    speaker: Option<&'a str>,
    speaker_name: Option<&'a str>,
    articles: &'a [String],
    similarity: f64,
    members: Vec<QuoteMemberOut<'a>>,
}

#[derive(Serialize)]
struct QuoteMemberOut<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    kind: &'static str,
    speaker: Option<&'a str>,
    similarity: f64,
    diff: &'a [DiffSegment],
}

#[derive(Serialize)]
struct ClaimGroupOut<'a> {
    id: &'a str,
    what: &'a str,
    unit: Option<&'a str>,
    date: Option<&'a str>,
    articles: &'a [String],
    conflict: bool,
    corroborated: bool,
    members: Vec<ClaimMemberOut<'a>>,
}

#[derive(Serialize)]
struct ClaimMemberOut<'a> {
    article: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    low: Option<f64>,
    high: Option<f64>,
    low_inclusive: bool,
    high_inclusive: bool,
    interval: &'a str,
    date: Option<&'a str>,
    agreeing_articles: usize,
}

#[derive(Serialize)]
struct PairOut<'a> {
    a: &'a str,
    b: &'a str,
    score: f64,
    containment: f64,
    passages: Vec<PassageOut>,
}

#[derive(Serialize)]
struct PassageOut {
    a_start: usize,
    a_end: usize,
    b_start: usize,
    b_end: usize,
    words: usize,
}

#[derive(Serialize)]
struct EventOut<'a> {
    date: &'a str,
    label: &'a str,
    articles: &'a [String],
    sources: Vec<Range<'a>>,
}

#[derive(Serialize)]
struct CoverageOut<'a> {
    article: &'a str,
    entities: &'a [String],
    quotes: Vec<Chars>,
    claims: Vec<Chars>,
}

/// Char-offset converters per article id.
struct Offsets(HashMap<String, CharOffsets>);

impl Offsets {
    fn chars(&self, article: &str, span: Span) -> (usize, usize) {
        self.0.get(article).map_or((span.start, span.end), |offsets| offsets.span(span))
    }

    fn range<'a>(&self, article: &'a str, span: Span) -> Range<'a> {
        let (start, end) = self.chars(article, span);
        Range { article, start, end }
    }

    fn plain(&self, article: &str, span: Span) -> Chars {
        let (start, end) = self.chars(article, span);
        Chars { start, end }
    }
}

fn quote_kind(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Term => "term",
    }
}

impl<'a> Report<'a> {
    fn new(docs: &'a [Document], analysis: &'a Analysis) -> Report<'a> {
        let offsets = Offsets(docs.iter().map(|d| (d.article.id.clone(), CharOffsets::new(&d.article.text))).collect());
        Report {
            articles: docs
                .iter()
                .map(|d| ArticleOut { id: &d.article.id, title: &d.article.title, date: d.article.date.map(|x| x.to_string()), text: &d.article.text })
                .collect(),
            entities: analysis
                .entities
                .iter()
                .map(|e| EntityOut {
                    id: &e.id,
                    name: &e.name,
                    kind: e.kind.label(),
                    aliases: &e.aliases,
                    roles: &e.roles,
                    articles: &e.articles,
                    merges: &e.merges,
                    mentions: e.mentions.iter().map(|m| offsets.range(&m.article, m.span)).collect(),
                })
                .collect(),
            quote_groups: analysis
                .quote_groups
                .iter()
                .map(|g| QuoteGroupOut {
                    id: &g.id,
                    speaker: g.speaker.as_deref(),
                    speaker_name: g.speaker_name.as_deref(),
                    articles: &g.articles,
                    similarity: g.similarity,
                    members: g
                        .members
                        .iter()
                        .map(|m| {
                            let (start, end) = offsets.chars(&m.article, m.span);
                            QuoteMemberOut {
                                article: &m.article,
                                start,
                                end,
                                text: &m.text,
                                kind: quote_kind(m.kind),
                                speaker: m.speaker.as_deref(),
                                similarity: m.similarity,
                                diff: &m.diff,
                            }
                        })
                        .collect(),
                })
                .collect(),
            claim_groups: analysis
                .claim_groups
                .iter()
                .map(|g| ClaimGroupOut {
                    id: &g.id,
                    what: &g.what,
                    unit: g.unit.as_deref(),
                    date: g.date.as_deref(),
                    articles: &g.articles,
                    conflict: g.conflict,
                    corroborated: g.corroborated,
                    members: g
                        .members
                        .iter()
                        .map(|m| {
                            let (start, end) = offsets.chars(&m.article, m.span);
                            ClaimMemberOut {
                                article: &m.article,
                                start,
                                end,
                                text: &m.text,
                                low: m.low,
                                high: m.high,
                                low_inclusive: m.low_inclusive,
                                high_inclusive: m.high_inclusive,
                                interval: &m.interval,
                                date: m.date.as_deref(),
                                agreeing_articles: m.agreeing_articles,
                            }
                        })
                        .collect(),
                })
                .collect(),
            similar_articles: analysis
                .similar_articles
                .iter()
                .map(|p| PairOut {
                    a: &p.a,
                    b: &p.b,
                    score: p.score,
                    containment: p.containment,
                    passages: p
                        .passages
                        .iter()
                        .map(|s| {
                            let ((a_start, a_end), (b_start, b_end)) = (offsets.chars(&p.a, s.a), offsets.chars(&p.b, s.b));
                            PassageOut { a_start, a_end, b_start, b_end, words: s.words }
                        })
                        .collect(),
                })
                .collect(),
            timeline: analysis
                .timeline
                .iter()
                .map(|e| EventOut {
                    date: &e.date,
                    label: &e.label,
                    articles: &e.articles,
                    sources: e.sources.iter().map(|s| offsets.range(&s.article, s.sentence)).collect(),
                })
                .collect(),
            coverage: analysis
                .coverage
                .iter()
                .map(|c| CoverageOut {
                    article: &c.article,
                    entities: &c.entities,
                    quotes: c.quotes.iter().map(|&s| offsets.plain(&c.article, s)).collect(),
                    claims: c.claims.iter().map(|&s| offsets.plain(&c.article, s)).collect(),
                })
                .collect(),
        }
    }
}
