//! Component tests mounted in headless Chromium by wasm-bindgen-test (`./dev test` runs them).
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::Arc;
use triangulate::corpus::Corpus;
use triangulate::query::Query;
use triangulate::views::{articles::ArticleList, reader::Reader};
use triangulate_core::article::parse_article;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn corpus() -> Arc<Corpus> {
    let files: [(&str, &[u8]); 2] = [
        ("one.md", b"---\ntitle: First piece\noutlet: Wire\ndate: 2025-09-04\n---\nLeaders met in Paris.\n\nThey talked."),
        ("two.txt", b"Second Headline Here\n\nMacron spoke on Tuesday."),
    ];
    Arc::new(Corpus::from_articles(files.iter().map(|(name, bytes)| parse_article(name, bytes).unwrap()).collect()))
}

/// Mounts `view` into a fresh container and returns the container.
fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = gloo::utils::document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

#[wasm_bindgen_test]
fn article_list_links_every_article_to_the_reader() {
    let corpus = corpus();
    let container = mount(move || view! { <ArticleList corpus=corpus/> });
    let links = container.query_selector_all("[data-testid=article-item] a").unwrap();
    assert_eq!(links.length(), 2, "one link per article");
    let first: web_sys::HtmlAnchorElement = links.item(0).unwrap().unchecked_into();
    assert_eq!(first.text_content().unwrap(), "First piece");
    assert_eq!(first.get_attribute("href").unwrap(), "?article=one");
}

#[wasm_bindgen_test]
fn reader_shows_paragraphs_and_not_found() {
    let corpus = corpus();
    let found = corpus.clone();
    let container = mount(move || view! { <Reader corpus=found query=Query::article("two")/> });
    let title = container.query_selector("[data-testid=article-title]").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "Second Headline Here");
    let paragraphs = container.query_selector_all("[data-testid=article-text] p").unwrap();
    assert_eq!(paragraphs.length(), 1, "the headline line is the title, not a paragraph");

    let missing = mount(move || view! { <Reader corpus=corpus query=Query::article("nope")/> });
    assert!(missing.query_selector("[data-testid=not-found]").unwrap().is_some());
}
