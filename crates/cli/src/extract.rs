//! `triangulate extract`: JSONL documents in, the evaluation prediction format out.

use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
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
        Some(value) => Some(parse_iso_date(value).ok_or_else(|| format!("bad dct {value:?}: expected YYYY-MM-DD"))?),
        None => None,
    };
    let extraction = triangulate_core::extract(&doc.text, dct);
    Ok(to_prediction(doc.id, &doc.text, &extraction))
}

fn to_prediction(id: String, text: &str, extraction: &Extraction) -> Prediction {
    let chars = CharOffsets::new(text);
    let _ = &chars;
    let _ = extraction;
    Prediction { id, entities: Vec::new(), quotes: Vec::new(), timexes: Vec::new() }
}
