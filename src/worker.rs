//! A large corpus is analysed in a Web Worker so the page stays responsive while thousands of
//! articles are extracted and compared; a small one on the page, one article per task, where it is
//! ready sooner than a worker could start. The worker runs this same wasm binary: the page hands it
//! its compiled module (no second download or compile), `main` sees it has no window and calls [`serve`].
//!
//! Protocol, worker → page, one message each ([`Report`]): an `Extracted` per article in the
//! embedded order (the page counts them as progress), then the analysis in parts (`AnalysisPart`,
//! see [`analysis_parts`]) and `Analysed`, or `Failed` at any point. Each message is a task of its
//! own on the page, so no single one keeps it from answering input. The page keeps its own copy of
//! the article texts (parsing the embedded JSON is cheap), so only extractions travel.

use crate::corpus::{embedded_articles, Corpus};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use triangulate_core::analysis::{self, Analysis};
use triangulate_core::{Article, Document, Extraction};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use std::rc::Rc;
use std::sync::Arc;
use web_sys::{DedicatedWorkerGlobalScope, ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

/// Written next to `boot.js` by `scripts/externalize-boot-script.pl`.
const WORKER_SCRIPT: &str = "analysis-worker.js";

#[derive(Serialize, Deserialize)]
pub enum Report {
    Extracted(Extraction),
    /// Consecutive items of one list of the analysis as a JSON array, which the page reads in
    /// wasm: as JS objects, the structured clone alone cost the page 0.93 s at 2,086 articles.
    AnalysisPart(AnalysisList, #[serde(with = "serde_bytes")] Vec<u8>),
    /// Every part of the analysis has been sent.
    Analysed,
    Failed(String),
}

/// The lists an [`Analysis`] is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AnalysisList {
    Entities,
    QuoteGroups,
    ClaimGroups,
    SimilarArticles,
    Timeline,
    Coverage,
}

/// How much JSON a part of the analysis holds at most: the page reads about 70 MB/s on these
/// machines, so a part is a task of 10–40 ms (the whole analysis at 2,086 articles, 18 MB, was
/// one task of 0.35 s).
const PART_BYTES: usize = 1 << 20;

/// What the page knows about the analysis so far.
#[derive(Clone)]
pub enum Progress {
    /// `done == total`: every article is read and the comparison runs.
    Extracting { done: usize, total: usize },
    Ready(crate::app::SharedCorpus),
    Failed(String),
}

/// True inside a worker (there is no window there).
pub fn in_worker() -> bool {
    js_sys::global().dyn_into::<web_sys::Window>().is_err()
}

/// The worker side: analyse the embedded corpus and report each step to the page.
pub fn serve() {
    // A panic here has no page to show it on: send it to the page, which shows its panel.
    std::panic::set_hook(Box::new(|info| post(&Report::Failed(info.to_string()))));
    let articles = match embedded_articles() {
        Ok(articles) => articles,
        Err(message) => return post(&Report::Failed(message)),
    };
    let documents: Vec<Document> = articles
        .into_iter()
        .map(|article| {
            let document = Document::new(article);
            post(&Report::Extracted(document.extraction.clone()));
            document
        })
        .collect();
    let analysis = analysis::analyze(&documents);
    match analysis_parts(&analysis, PART_BYTES, |list, json| post(&Report::AnalysisPart(list, json))) {
        Ok(()) => post(&Report::Analysed),
        Err(e) => post(&Report::Failed(format!("cannot send the analysis: {e}"))),
    }
}

fn post(report: &Report) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let message = encode(report).or_else(|e| encode(&Report::Failed(format!("cannot send the analysis: {e}"))));
    if let Ok(message) = message {
        let _ = scope.post_message(&message);
    }
}

/// A report as the JS value posted between worker and page.
pub fn encode(report: &Report) -> Result<JsValue, String> {
    serde_wasm_bindgen::to_value(report).map_err(|e| e.to_string())
}

/// The report a posted JS value carries.
pub fn decode(message: JsValue) -> Report {
    serde_wasm_bindgen::from_value(message)
        .unwrap_or_else(|e| Report::Failed(format!("the analysis worker sent an unreadable message: {e}")))
}

/// Calls `send` with `analysis` in parts: JSON arrays of consecutive items of one list, each at
/// most `part_bytes` long unless it holds a single item. Empty lists send nothing.
pub fn analysis_parts(analysis: &Analysis, part_bytes: usize, mut send: impl FnMut(AnalysisList, Vec<u8>)) -> serde_json::Result<()> {
    fn list<T: Serialize>(list: AnalysisList, items: &[T], part_bytes: usize, send: &mut impl FnMut(AnalysisList, Vec<u8>)) -> serde_json::Result<()> {
        let mut part = Vec::new();
        for item in items {
            let json = serde_json::to_vec(item)?;
            // +2: the separator before the item and the closing bracket.
            if !part.is_empty() && part.len() + json.len() + 2 > part_bytes {
                part.push(b']');
                send(list, std::mem::take(&mut part));
            }
            part.push(if part.is_empty() { b'[' } else { b',' });
            part.extend_from_slice(&json);
        }
        if !part.is_empty() {
            part.push(b']');
            send(list, part);
        }
        Ok(())
    }
    list(AnalysisList::Entities, &analysis.entities, part_bytes, &mut send)?;
    list(AnalysisList::QuoteGroups, &analysis.quote_groups, part_bytes, &mut send)?;
    list(AnalysisList::ClaimGroups, &analysis.claim_groups, part_bytes, &mut send)?;
    list(AnalysisList::SimilarArticles, &analysis.similar_articles, part_bytes, &mut send)?;
    list(AnalysisList::Timeline, &analysis.timeline, part_bytes, &mut send)?;
    list(AnalysisList::Coverage, &analysis.coverage, part_bytes, &mut send)
}

/// Appends a part sent by [`analysis_parts`] to `analysis`.
pub fn add_part(analysis: &mut Analysis, list: AnalysisList, json: &[u8]) -> serde_json::Result<()> {
    fn append<T: DeserializeOwned>(items: &mut Vec<T>, json: &[u8]) -> serde_json::Result<()> {
        items.append(&mut serde_json::from_slice(json)?);
        Ok(())
    }
    match list {
        AnalysisList::Entities => append(&mut analysis.entities, json),
        AnalysisList::QuoteGroups => append(&mut analysis.quote_groups, json),
        AnalysisList::ClaimGroups => append(&mut analysis.claim_groups, json),
        AnalysisList::SimilarArticles => append(&mut analysis.similar_articles, json),
        AnalysisList::Timeline => append(&mut analysis.timeline, json),
        AnalysisList::Coverage => append(&mut analysis.coverage, json),
    }
}

/// A corpus with at most this much text is analysed on the page: a worker takes longer to start
/// (a thread, a second instance of the wasm, every result copied across) than such a corpus takes
/// to analyse, and the page still answers input between articles. Set at build time (`build.rs`).
const PAGE_CORPUS_BYTES: usize = match usize::from_str_radix(env!("TRIANGULATE_PAGE_CORPUS_BYTES"), 10) {
    Ok(bytes) => bytes,
    Err(_) => panic!("build.rs sets TRIANGULATE_PAGE_CORPUS_BYTES to a number"),
};

/// The page side: starts the analysis and calls `update` on every step. A large corpus is
/// analysed by the worker; a small one, or any where no worker can be started, on the page.
/// Starts in a task after the one that mounts the page, so that the page shows before the
/// embedded corpus is parsed (60 ms at 2,086 articles).
pub fn start(update: impl Fn(Progress) + 'static) {
    leptos::task::spawn_local(async move {
        next_task().await;
        start_now(update);
    });
}

fn start_now(update: impl Fn(Progress) + 'static) {
    let articles = match embedded_articles() {
        Ok(articles) => articles,
        Err(message) => return update(Progress::Failed(message)),
    };
    let total = articles.len();
    update(Progress::Extracting { done: 0, total });
    if articles.iter().map(|a| a.text.len()).sum::<usize>() <= PAGE_CORPUS_BYTES {
        return analyse_on_page(articles, update);
    }
    let worker = match spawn() {
        Ok(worker) => worker,
        Err(_) => return analyse_on_page(articles, update),
    };
    let update = Rc::new(update);
    let mut receiver = Receiver { articles: Some(articles), extractions: Vec::with_capacity(total), analysis: Analysis::default() };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
        let update = update.clone();
        move |event: MessageEvent| match receiver.receive(decode(event.data())) {
            // The corpus is built in this task and shown in the next: each takes about 50 ms at
            // 2,086 articles.
            Some(ready @ Progress::Ready(_)) => {
                let update = update.clone();
                leptos::task::spawn_local(async move {
                    next_task().await;
                    update(ready);
                });
            }
            Some(progress) => update(progress),
            None => {}
        }
    });
    let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
        update(Progress::Failed(format!("the analysis worker failed: {}", event.message())));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so do its handlers.
    on_message.forget();
    on_error.forget();
}

/// One article per task, so that the page paints the progress and answers input in between.
fn analyse_on_page(articles: Vec<Article>, update: impl Fn(Progress) + 'static) {
    leptos::task::spawn_local(async move {
        let total = articles.len();
        let mut documents = Vec::with_capacity(total);
        for article in articles {
            next_task().await;
            documents.push(Document::new(article));
            update(Progress::Extracting { done: documents.len(), total });
        }
        next_task().await;
        let corpus = Corpus::from_documents(documents);
        next_task().await;
        update(Progress::Ready(Arc::new(corpus)));
    });
}

/// Returns in a new task of the page's event loop.
async fn next_task() {
    gloo::timers::future::TimeoutFuture::new(0).await;
}

fn spawn() -> Result<Worker, JsValue> {
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let base = gloo::utils::document().base_uri()?.unwrap_or_default();
    let url = web_sys::Url::new_with_base(WORKER_SCRIPT, &base)?;
    let worker = Worker::new_with_options(&url.href(), &options)?;
    worker.post_message(&wasm_bindgen::module())?;
    Ok(worker)
}

/// Collects the worker's reports into a corpus.
struct Receiver {
    articles: Option<Vec<Article>>,
    extractions: Vec<Extraction>,
    analysis: Analysis,
}

impl Receiver {
    fn receive(&mut self, report: Report) -> Option<Progress> {
        let total = self.articles.as_ref()?.len();
        match report {
            Report::Extracted(extraction) => {
                self.extractions.push(extraction);
                Some(Progress::Extracting { done: self.extractions.len(), total })
            }
            Report::AnalysisPart(list, json) => match add_part(&mut self.analysis, list, &json) {
                Ok(()) => None,
                Err(e) => {
                    self.articles = None;
                    Some(Progress::Failed(format!("the analysis worker sent an unreadable part: {e}")))
                }
            },
            Report::Analysed => {
                let articles = self.articles.take()?;
                let extractions = std::mem::take(&mut self.extractions);
                let corpus = Corpus::from_parts(articles, extractions, std::mem::take(&mut self.analysis));
                Some(corpus.map_or_else(Progress::Failed, |c| Progress::Ready(Arc::new(c))))
            }
            Report::Failed(message) => {
                self.articles = None;
                Some(Progress::Failed(message))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::article::parse_article;

    /// Articles that share people, a statement, figures and dates, so that no list is empty.
    fn analysis() -> Analysis {
        let shared = "Emmanuel Macron said: “We are ready to provide security guarantees.” More than 30 nations met in Paris on Thursday.";
        let files = [
            ("one.md", format!("---\ntitle: One\ndate: 2025-09-04\n---\n{shared} At least 19 people were killed.")),
            ("two.md", format!("---\ntitle: Two\ndate: 2025-09-04\n---\n{shared} At least 21 people were killed.")),
            ("three.md", "---\ntitle: Three\ndate: 2025-09-05\n---\nTaoiseach Micheál Martin said about 26 countries would help.".to_string()),
        ];
        let articles = files.iter().map(|(name, text)| parse_article(name, text.as_bytes()).expect("valid test article")).collect();
        Corpus::from_articles(articles).analysis
    }

    #[test]
    fn the_analysis_arrives_whole_in_parts_of_any_size() {
        let sent = analysis();
        let lists = [
            sent.entities.len(),
            sent.quote_groups.len(),
            sent.claim_groups.len(),
            sent.similar_articles.len(),
            sent.timeline.len(),
            sent.coverage.len(),
        ];
        assert!(lists.iter().all(|&items| items > 0), "every list is exercised: {lists:?}");
        let items: usize = lists.iter().sum();
        // A byte per part: every item alone, over the limit; 300: some together; no limit: a part per list.
        for (part_bytes, expected_parts) in [(1, Some(items)), (300, None), (usize::MAX, Some(lists.len()))] {
            let mut received = Analysis::default();
            let mut parts = 0;
            analysis_parts(&sent, part_bytes, |list, json| {
                parts += 1;
                let items_in_part = serde_json::from_slice::<Vec<serde::de::IgnoredAny>>(&json).expect("a JSON array").len();
                assert!(json.len() <= part_bytes || items_in_part == 1, "a part of {} bytes holds {items_in_part} items", json.len());
                add_part(&mut received, list, &json).expect("a part reads back");
            })
            .unwrap();
            assert_eq!(received, sent, "parts of {part_bytes} bytes");
            if let Some(expected) = expected_parts {
                assert_eq!(parts, expected, "parts of {part_bytes} bytes");
            } else {
                assert!(lists.len() < parts && parts < items, "{parts} parts of {part_bytes} bytes");
            }
        }
    }

    #[test]
    fn a_part_that_does_not_fit_its_list_is_an_error() {
        let mut analysis = Analysis::default();
        assert!(add_part(&mut analysis, AnalysisList::Entities, br#"[{"unknown": 1}]"#).is_err());
        assert!(add_part(&mut analysis, AnalysisList::Timeline, b"[1,").is_err());
        assert_eq!(analysis, Analysis::default(), "nothing added");
    }
}
