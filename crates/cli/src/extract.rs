//! `triangulate extract`: JSONL documents in, the evaluation prediction format out.

use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use triangulate_core::quotes::{Quote, QuoteKind};
use triangulate_core::timex::Timex;
use triangulate_core::{article::parse_iso_date, CharOffsets, Extraction};

#[derive(Deserialize)]
struct InputDoc {
    id: String,
    text: String,
    #[serde(default)]
    dct: Option<String>,
}

#[derive(Serialize)]
struct Prediction {
    id: String,
    entities: Vec<EntityOut>,
    quotes: Vec<QuoteOut>,
    timexes: Vec<TimexOut>,
}

#[derive(Serialize)]
struct EntityOut {
    start: usize,
    end: usize,
    label: &'static str,
}

#[derive(Serialize)]
struct QuoteOut {
    start: usize,
    end: usize,
    /// The parts of a split quote or of a quotation over several paragraphs, as the scorer reads them.
    fragments: Vec<(usize, usize)>,
    speaker: Option<String>,
    kind: &'static str,
}

#[derive(Serialize)]
struct TimexOut {
    start: usize,
    end: usize,
    value: Option<String>,
}

/// Processes every line; a bad line is reported with its number and skipped, and the command
/// fails at the end if any line was bad.
pub fn run(input: &Path, output: &Path) -> Result<(), String> {
    let file = std::fs::File::open(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let out = std::fs::File::create(output).map_err(|e| format!("{}: {e}", output.display()))?;
    let mut out = BufWriter::new(out);
    let mut bad_lines = 0;
    for (index, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line_no = index + 1;
        let line = line.map_err(|e| format!("{}:{line_no}: {e}", input.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        match predict_line(&line) {
            Ok(prediction) => {
                serde_json::to_writer(&mut out, &prediction).map_err(|e| e.to_string())?;
                out.write_all(b"\n").map_err(|e| e.to_string())?;
            }
            Err(message) => {
                bad_lines += 1;
                eprintln!("{}:{line_no}: {message}", input.display());
            }
        }
    }
    out.flush().map_err(|e| e.to_string())?;
    match bad_lines {
        0 => Ok(()),
        n => Err(format!("{n} bad input line(s) skipped")),
    }
}

fn predict_line(line: &str) -> Result<Prediction, String> {
    let doc: InputDoc = serde_json::from_str(line).map_err(|e| format!("not a {{\"id\", \"text\"}} JSON object: {e}"))?;
    let dct = match doc.dct.as_deref() {
        // A creation time after the date ("1998-02-06T22:19:00") is allowed; only the date is used.
        Some(value) => Some(
            value.get(..10).and_then(parse_iso_date).ok_or_else(|| format!("bad dct {value:?}: expected YYYY-MM-DD"))?,
        ),
        None => None,
    };
    let extraction = triangulate_core::extract(&doc.text, dct);
    Ok(to_prediction(doc.id, &doc.text, &extraction))
}

fn to_prediction(id: String, text: &str, extraction: &Extraction) -> Prediction {
    let chars = CharOffsets::new(text);
    Prediction { id, entities: entities_out(&chars, &extraction.entities), quotes: quotes_out(&chars, &extraction.quotes), timexes: timexes_out(&chars, &extraction.timexes) }
}

fn timexes_out(chars: &CharOffsets, timexes: &[Timex]) -> Vec<TimexOut> {
    timexes
        .iter()
        .map(|timex| {
            let (start, end) = chars.span(timex.span);
            TimexOut { start, end, value: timex.value.clone() }
        })
        .collect()
}

/// Direct quotes with their marks (the gold convention) and reported speech; terms are not quotes
/// here. A quote that continues the previous one becomes a further fragment of it.
fn quotes_out(chars: &CharOffsets, quotes: &[Quote]) -> Vec<QuoteOut> {
    let mut out: Vec<QuoteOut> = Vec::new();
    let mut previous_kind = None;
    for quote in quotes {
        let kind = match quote.kind {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Term => continue,
        };
        let (start, end) = chars.span(quote.outer);
        match out.last_mut() {
            Some(last) if quote.continues_previous && previous_kind == Some(quote.kind) => {
                last.end = end;
                last.fragments.push((start, end));
            }
            _ => out.push(QuoteOut {
                start,
                end,
                fragments: vec![(start, end)],
                speaker: quote.speaker.as_ref().map(|s| s.text.clone()),
                kind,
            }),
        }
        previous_kind = Some(quote.kind);
    }
    out
}

/// One entry per naming mention, in text order (descriptions like "the president" are not names).
fn entities_out(chars: &CharOffsets, entities: &[triangulate_core::ner::Entity]) -> Vec<EntityOut> {
    let mut out: Vec<EntityOut> = entities
        .iter()
        .flat_map(|entity| entity.mentions.iter().map(move |&span| (span, entity.kind.label())))
        .map(|(span, label)| {
            let (start, end) = chars.span(span);
            EntityOut { start, end, label }
        })
        .collect();
    out.sort_by_key(|e| (e.start, e.end));
    out
}
