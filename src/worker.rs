//! A large corpus is analysed in a Web Worker so the page stays responsive while thousands of
//! articles are extracted and compared; a small one on the page, one article per task, where it is
//! ready sooner than a worker could start. The worker runs this same wasm binary: the page hands it
//! its compiled module (no second download or compile), `main` sees it has no window and calls [`serve`].
//!
//! Protocol, worker → page, one message each ([`Report`], see [`encode`]): an `Extracted` per article in the
//! embedded order (the page counts them as progress), then `Analysed`, or `Failed` at any point.
//! The page keeps its own copy of the article texts (parsing the embedded JSON is cheap), so only
//! extractions travel.

use crate::corpus::{embedded_articles, Corpus};
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
    Analysed(Analysis),
    Failed(String),
}

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
    post(&Report::Analysed(analysis::analyze(&documents)));
}

fn post(report: &Report) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let message = encode(report).or_else(|e| encode(&Report::Failed(format!("cannot send the analysis: {e}"))));
    if let Ok(message) = message {
        // Bytes are handed over, not copied.
        let transfer = js_sys::Array::new();
        if let Some(bytes) = message.dyn_ref::<js_sys::Uint8Array>() {
            transfer.push(&bytes.buffer());
        }
        let _ = scope.post_message_with_transfer(&message, &transfer);
    }
}

/// A report as the JS value posted between worker and page. The analysis goes as JSON bytes that
/// the page reads in wasm: posted as JS objects (serde-wasm-bindgen, like the other reports), its
/// structured clone made the page's task that receives it 0.65 s long at 2,086 articles, as bytes
/// 0.35 s. Extractions are small and each arrives in its own task: JS objects.
pub fn encode(report: &Report) -> Result<JsValue, String> {
    match report {
        Report::Analysed(_) => {
            let json = serde_json::to_vec(report).map_err(|e| e.to_string())?;
            Ok(js_sys::Uint8Array::from(json.as_slice()).into())
        }
        _ => serde_wasm_bindgen::to_value(report).map_err(|e| e.to_string()),
    }
}

/// The report a posted JS value carries.
pub fn decode(message: JsValue) -> Report {
    let read = match message.dyn_into::<js_sys::Uint8Array>() {
        Ok(bytes) => serde_json::from_slice(&bytes.to_vec()).map_err(|e| e.to_string()),
        Err(message) => serde_wasm_bindgen::from_value(message).map_err(|e| e.to_string()),
    };
    read.unwrap_or_else(|e| Report::Failed(format!("the analysis worker sent an unreadable message: {e}")))
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
pub fn start(update: impl Fn(Progress) + 'static) {
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
    let mut receiver = Receiver { articles: Some(articles), extractions: Vec::with_capacity(total) };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new({
        let update = update.clone();
        move |event: MessageEvent| {
            if let Some(progress) = receiver.receive(decode(event.data())) {
                update(progress);
            }
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
        update(Progress::Ready(Arc::new(Corpus::from_documents(documents))));
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
}

impl Receiver {
    fn receive(&mut self, report: Report) -> Option<Progress> {
        let total = self.articles.as_ref()?.len();
        match report {
            Report::Extracted(extraction) => {
                self.extractions.push(extraction);
                Some(Progress::Extracting { done: self.extractions.len(), total })
            }
            Report::Analysed(analysis) => {
                let articles = self.articles.take()?;
                let extractions = std::mem::take(&mut self.extractions);
                let corpus = Corpus::from_parts(articles, extractions, analysis);
                Some(corpus.map_or_else(Progress::Failed, |c| Progress::Ready(Arc::new(c))))
            }
            Report::Failed(message) => {
                self.articles = None;
                Some(Progress::Failed(message))
            }
        }
    }
}
