//! `triangulate bench DIR`: times the extraction and the cross-article analysis of a folder of
//! articles, for `./dev bench`. Prints one JSON object; `items` (entities + quotes + dates +
//! claims) lets the wasm build's run on the same texts check that it computed the same answer.

use serde::Serialize;
use std::path::Path;
use std::time::Instant;
use triangulate_core::analysis::analyze;
use triangulate_core::{article::load_dir, Document, Extraction};

#[derive(Serialize)]
struct Timings {
    articles: usize,
    bytes: usize,
    items: usize,
    extract: Seconds,
    analyze: Seconds,
}

/// Wall time and the CPU time of this thread: on a shared machine, wall time also counts the
/// other jobs, CPU time does not.
#[derive(Serialize)]
struct Seconds {
    wall: f64,
    cpu: f64,
}

fn time<T>(work: impl FnOnce() -> T) -> Result<(T, Seconds), String> {
    let (wall, cpu) = (Instant::now(), cpu_seconds()?);
    let result = work();
    Ok((result, Seconds { wall: wall.elapsed().as_secs_f64(), cpu: cpu_seconds()? - cpu }))
}

/// The first field of Linux's schedstat: nanoseconds this thread has run on a CPU.
fn cpu_seconds() -> Result<f64, String> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").map_err(|e| format!("CPU time needs Linux: {e}"))?;
    let nanos: u64 = stat.split_whitespace().next().and_then(|n| n.parse().ok()).ok_or("unreadable schedstat")?;
    Ok(nanos as f64 / 1e9)
}

/// The same count as the wasm wrapper's `extract_count`.
fn item_count(extraction: &Extraction) -> usize {
    extraction.entities.len() + extraction.quotes.len() + extraction.timexes.len() + extraction.claims.len()
}

pub fn run(dir: &Path) -> Result<(), String> {
    let articles = load_dir(dir).map_err(|errors| format!("{} bad article file(s), first: {}", errors.len(), errors[0]))?;
    let bytes = articles.iter().map(|a| a.text.len()).sum();
    let (docs, extract) = time(|| articles.into_iter().map(Document::new).collect::<Vec<_>>())?;
    let (analysis, analyze) = time(|| analyze(&docs))?;
    if analysis.entities.is_empty() || analysis.timeline.is_empty() {
        return Err("the analysis found no entities or no timeline: a fast wrong answer".into());
    }
    let items = docs.iter().map(|d| item_count(&d.extraction)).sum();
    let timings = Timings { articles: docs.len(), bytes, items, extract, analyze };
    println!("{}", serde_json::to_string(&timings).map_err(|e| e.to_string())?);
    Ok(())
}
