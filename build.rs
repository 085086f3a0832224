//! Embeds the article folder into the app at build time: every file is parsed by the core's
//! article loader (the same code as `triangulate articles DIR`) and written as JSON that the app
//! includes. A bad file fails the build with `file:line: reason`.
//!
//! `TRIANGULATE_PAGE_CORPUS_BYTES` sets the largest corpus (bytes of article text) the page
//! analyses itself instead of starting the analysis worker (`src/worker.rs`); `0` sends every
//! corpus to the worker, as the end-to-end test of the worker does.

use std::path::PathBuf;

/// A few articles, analysed on the page sooner than a worker would start (README, Benchmarks).
const DEFAULT_PAGE_CORPUS_BYTES: usize = 100_000;

fn main() {
    println!("cargo:rerun-if-env-changed=TRIANGULATE_PAGE_CORPUS_BYTES");
    let page_corpus_bytes = match std::env::var("TRIANGULATE_PAGE_CORPUS_BYTES") {
        Err(_) => DEFAULT_PAGE_CORPUS_BYTES,
        Ok(value) => value.trim().parse::<usize>().unwrap_or_else(|_| {
            eprintln!("error: TRIANGULATE_PAGE_CORPUS_BYTES must be a number of bytes, not {value:?}");
            std::process::exit(1);
        }),
    };
    println!("cargo:rustc-env=TRIANGULATE_PAGE_CORPUS_BYTES={page_corpus_bytes}");

    let dir = std::env::var_os("TRIANGULATE_ARTICLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("articles"));
    println!("cargo:rerun-if-env-changed=TRIANGULATE_ARTICLES");
    println!("cargo:rerun-if-changed={}", dir.display());

    let articles = match triangulate_core::article::load_dir(&dir) {
        Ok(articles) => articles,
        Err(errors) => {
            for error in &errors {
                eprintln!("error: {}/{error}", dir.display());
            }
            eprintln!("error: {} bad article file(s) in {}", errors.len(), dir.display());
            std::process::exit(1);
        }
    };
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("articles.json");
    let json = serde_json::to_string(&articles).expect("articles serialize to JSON");
    std::fs::write(&out, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
