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

/// Articles with numbers, dates and accented names, for the claims, timeline and search views.
fn numbers_corpus() -> Arc<Corpus> {
    let files: [(&str, &[u8]); 2] = [
        ("one.md", "---\ntitle: First piece\ndate: 2025-09-04\n---\nMore than 30 nations met in Paris on Thursday. At least 19 people were killed in February 2022.".as_bytes()),
        ("two.md", "---\ntitle: Second piece\ndate: 2025-09-05\n---\nTaoiseach Micheál Martin said about 26 countries would help.".as_bytes()),
    ];
    Arc::new(Corpus::from_articles(files.iter().map(|(name, bytes)| parse_article(name, bytes).unwrap()).collect()))
}

fn texts(container: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = container.query_selector_all(selector).unwrap();
    (0..nodes.length()).map(|i| nodes.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
fn claims_table_sorts_marks_numbers_and_links_to_the_reader() {
    use triangulate::query::{Sort, SortKey, View};
    let corpus = numbers_corpus();
    let query = Query { view: View::Claims, sort: Some(Sort { key: SortKey::Value, descending: true }), ..Query::default() };
    let container = mount(move || view! { <triangulate::views::claims::Claims corpus query/> });
    assert_eq!(texts(&container, "[data-testid=claim-value]"), ["(30, ∞)", "[23.4, 28.6]", "[19, ∞)"], "value descending");
    assert_eq!(texts(&container, "[data-testid=claim-row] mark")[0], "More than 30", "the number is marked");
    let value_header = container.query_selector("th[aria-sort]").unwrap().unwrap();
    assert_eq!(value_header.get_attribute("aria-sort").as_deref(), Some("descending"));
    let link = container.query_selector("[data-testid=claim-link]").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("?article=one&at=0"));
    let toggle = container.query_selector("[data-testid=sort-value]").unwrap().unwrap();
    assert_eq!(toggle.get_attribute("href").as_deref(), Some("?view=claims&sort=value"), "next click ascends");
}

#[wasm_bindgen_test]
fn claims_without_matches_offer_to_clear_the_filters() {
    use triangulate::query::View;
    let corpus = numbers_corpus();
    let query = Query { view: View::Claims, text: Some("no such words".into()), ..Query::default() };
    let container = mount(move || view! { <triangulate::views::claims::Claims corpus query/> });
    let empty = container.query_selector("[data-testid=claims-empty] a").unwrap().unwrap();
    assert_eq!(empty.get_attribute("href").as_deref(), Some("?view=claims"));
    let csv = container.query_selector("[data-testid=export-csv]").unwrap().unwrap();
    assert!(csv.has_attribute("disabled"), "nothing to export");
}

#[wasm_bindgen_test]
fn timeline_draws_a_point_and_a_row_per_dated_event() {
    use triangulate::query::View;
    let corpus = numbers_corpus();
    let container = mount(move || view! { <triangulate::views::timeline::Timeline corpus query=Query::view(View::Timeline)/> });
    let rows = container.query_selector_all("[data-testid=timeline-row]").unwrap().length();
    let points = container.query_selector_all("[data-testid=timeline-point]").unwrap().length();
    assert!(rows >= 2, "February 2022 and Thursday at least: {rows}");
    assert_eq!(points, rows, "one point per listed event");
    let chart = container.query_selector("[data-testid=timeline-chart]").unwrap().unwrap();
    assert_eq!(chart.get_attribute("role").as_deref(), Some("img"));
    assert!(chart.get_attribute("aria-label").unwrap_or_default().starts_with("Timeline of"));
    assert_eq!(texts(&container, "[data-testid=timeline-row] td")[0].trim(), "2022-02", "date order");
}

#[wasm_bindgen_test]
fn search_folds_accents_and_marks_hits() {
    use triangulate::query::View;
    let corpus = numbers_corpus();
    let query = Query { view: View::Search, text: Some("micheal".into()), ..Query::default() };
    let container = mount(move || view! { <triangulate::views::search::Search corpus query/> });
    assert_eq!(texts(&container, "[data-testid=search-hit] mark"), ["Micheál"]);
    let link = container.query_selector("[data-testid=search-hit] a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href").as_deref(), Some("?article=two&at=10"));
    // The box's value is a DOM property set after mounting; the e2e test checks it after a reload.
    let input = container.query_selector("#search-box").unwrap().unwrap();
    assert_eq!(input.get_attribute("role").as_deref(), Some("combobox"));
    assert_eq!(input.get_attribute("aria-controls").as_deref(), Some("search-suggestions"));
}

/// Regression: `similar`'s deadline support called `Instant::now`, which panics on
/// wasm32-unknown-unknown, so the corpus analysis crashed the app on load whenever two articles
/// carried the same quote (the seed corpus does).
#[wasm_bindgen_test]
fn quote_diffs_are_computed_in_the_browser() {
    let files: [(&str, &[u8]); 2] = [
        ("a.txt", b"NATO chief Mark Rutte said NATO is \"working tirelessly to counteract this, to prevent it.\""),
        ("b.txt", b"NATO chief Mark Rutte said NATO is \"working day and night to counter this, to prevent it.\""),
    ];
    let corpus = Corpus::from_articles(files.iter().map(|(name, bytes)| parse_article(name, bytes).unwrap()).collect());
    let group = corpus.analysis.quote_groups.iter().find(|g| g.members.len() == 2).expect("the two wordings are one group");
    assert!(group.members.iter().any(|m| !m.diff.is_empty()), "a word diff was computed");
}

/// The tagger adds its scores and takes its Viterbi steps with wasm SIMD here (`.cargo/config.toml`)
/// and lane by lane in native builds. In this debug build `debug_assert`s in `ner::tagger` and
/// `ner::model` check every scored token's sums against the models' plain ones and every SIMD step
/// against the scalar one: over the seed articles, any lane the SIMD code got wrong fails.
#[wasm_bindgen_test]
fn tagger_simd_matches_the_scalar_code_on_the_seed_articles() {
    assert!(cfg!(target_feature = "simd128") && cfg!(debug_assertions), "built without SIMD or without the check");
    let articles = triangulate::corpus::embedded_articles().unwrap();
    let entities: usize = articles.iter().map(|a| triangulate_core::extract(&a.text, a.date).entities.len()).sum();
    assert!(entities > 10 * articles.len(), "{entities} entities in {} articles", articles.len());
}

// Reader highlighting, entities, quotes and overview.

fn speech_corpus() -> Arc<Corpus> {
    let text = "French President Emmanuel Macron met Volodymyr Zelensky in Paris on Tuesday. \
                “We are ready,” Macron said.\n\nVolodymyr Zelensky thanked him.";
    Arc::new(Corpus::from_articles(vec![parse_article("speech.txt", text.as_bytes()).unwrap()]))
}

#[wasm_bindgen_test]
fn highlighted_renders_marks_as_elements_and_text_as_text() {
    use triangulate::components::highlight::{Highlighted, Mark};
    use triangulate_core::Span;
    let marks = vec![
        Mark::new(Span::new(0, 6), "hl hl-per", "Emmanuel Macron (person)").with_href("?view=entities".into()),
        Mark::new(Span::new(12, 24), "hl hl-quote", "Direct quote"),
    ];
    let container = mount(move || view! { <p><Highlighted text="Macron said <b>we</b> ok" marks/></p> });
    assert_eq!(container.text_content().unwrap(), "Macron said <b>we</b> ok", "markup in the text stays text");
    assert!(container.query_selector("b").unwrap().is_none(), "no element from the text");
    let link = container.query_selector("mark.hl-per a").unwrap().expect("a linked mark");
    assert_eq!(link.get_attribute("title").as_deref(), Some("Emmanuel Macron (person)"), "the label describes the link");
    assert_eq!(link.get_attribute("aria-label"), None, "its name stays the visible words (regression: axe label-content-name-mismatch)");
    let quote = container.query_selector("mark.hl-quote").unwrap().expect("a quote mark");
    assert_eq!((quote.get_attribute("tabindex").as_deref(), quote.get_attribute("title").as_deref()), (Some("0"), Some("Direct quote")));
}

#[wasm_bindgen_test]
fn reader_highlights_and_outlines_the_linked_position() {
    let corpus = speech_corpus();
    let at = corpus.documents[0].article.text.find("Paris").unwrap();
    let query = Query { at: Some(at), ..Query::article("speech") };
    let container = mount(move || view! { <Reader corpus query/> });
    assert_eq!(container.query_selector_all("[data-testid=article-text] p").unwrap().length(), 2, "paragraphs kept");
    assert!(container.query_selector("mark.hl-per a[href*='entity=per-emmanuel-macron']").unwrap().is_some(), "person linked");
    assert!(container.query_selector("mark.hl-quote").unwrap().is_some(), "quote marked");
    assert!(container.query_selector("mark.hl-date").unwrap().is_some(), "date marked");
    let target = container.query_selector("[data-testid=at-target]").unwrap().expect("target");
    assert_eq!(target.text_content().unwrap(), "Paris");
    assert_eq!(texts(&container, "[data-testid=legend] a"), ["People", "Organizations", "Places", "Other"]);
}

#[wasm_bindgen_test]
fn entities_table_and_entity_page() {
    use triangulate::views::entities::Entities;
    let corpus = speech_corpus();
    let query = Query { entity: Some("per-volodymyr-zelensky".into()), ..Query::view(triangulate::query::View::Entities) };
    let container = mount(move || view! { <Entities corpus query/> });
    assert!(!texts(&container, "[data-testid=entity-row] th").is_empty(), "rows");
    assert_eq!(container.query_selector_all("[data-testid=mention]").unwrap().length(), 2, "both mentions in context");
    let link = container.query_selector("[data-testid=mention] a").unwrap().unwrap();
    assert!(link.get_attribute("href").unwrap().starts_with("?article=speech&at="), "links to the reader position");
}

#[wasm_bindgen_test]
fn quotes_view_lists_quotes_and_says_when_none_match() {
    use triangulate::views::quotes::Quotes;
    let corpus = speech_corpus();
    let all = corpus.clone();
    let container = mount(move || view! { <Quotes corpus=all query=Query::view(triangulate::query::View::Quotes)/> });
    assert_eq!(texts(&container, "[data-testid=quote-item] blockquote"), ["“We are ready,”"]);
    let none = Query { speaker: Some("per-nobody".into()), ..Query::view(triangulate::query::View::Quotes) };
    let empty = mount(move || view! { <Quotes corpus query=none/> });
    let clear = empty.query_selector("[data-testid=quotes-empty] a").unwrap().expect("a way to clear the filters");
    assert_eq!(clear.get_attribute("href").as_deref(), Some("?view=quotes"));
}

#[wasm_bindgen_test]
fn a_partial_report_is_diffed_over_the_words_it_quotes() {
    use triangulate::views::quotes::Quotes;
    let files: [(&str, &[u8]); 2] = [
        ("one.txt", "Emmanuel Macron said: “We are ready to provide security guarantees.”".as_bytes()),
        ("two.txt", "Emmanuel Macron said: “We Europeans are ready to offer security guarantees to Ukraine and the Ukrainians.”".as_bytes()),
    ];
    let corpus = Arc::new(Corpus::from_articles(files.iter().map(|(name, bytes)| parse_article(name, bytes).unwrap()).collect()));
    let several = Query { min_weight: Some(2), ..Query::view(triangulate::query::View::Quotes) };
    let container = mount(move || view! { <Quotes corpus query=several/> });
    assert_eq!(texts(&container, "[data-testid=group-member] del"), ["[only in the first: Europeans ]", "[only in the first: offer ]"]);
    assert_eq!(texts(&container, "[data-testid=group-member] ins"), ["[only here: provide ]"]);
    assert_eq!(texts(&container, "[data-testid=diff-context]"), ["[only in the first: to Ukraine and the Ukrainians]"], "the rest, not struck");
}

#[wasm_bindgen_test]
fn overview_links_articles_entities_and_counts() {
    use triangulate::views::overview::Overview;
    let corpus = speech_corpus();
    let container = mount(move || view! { <Overview corpus query=Query::default()/> });
    assert_eq!(texts(&container, "[data-testid=quote-total]"), ["1 quote"]);
    assert!(texts(&container, "[data-testid=top-entity] a").contains(&"Volodymyr Zelensky".to_string()), "top people");
    assert!(container.query_selector("[data-testid=overview-conflicts]").unwrap().is_some(), "slot kept");
}

#[wasm_bindgen_test]
fn worker_reports_arrive_intact() {
    use triangulate::worker::{add_part, analysis_parts, decode, encode, AnalysisList, Report};
    use triangulate_core::analysis::Analysis;
    let corpus = numbers_corpus();
    for document in &corpus.documents {
        let sent = Report::Extracted(document.extraction.clone());
        match decode(encode(&sent).unwrap()) {
            Report::Extracted(received) => assert_eq!(received, document.extraction),
            _ => panic!("an extraction came back as another report"),
        }
    }
    // Parts of 100 bytes: several, through the same encoding as every other report.
    let mut received = Analysis::default();
    analysis_parts(&corpus.analysis, 100, |list, json| match decode(encode(&Report::AnalysisPart(list, json)).unwrap()) {
        Report::AnalysisPart(received_list, json) => {
            assert_eq!(received_list, list);
            add_part(&mut received, list, &json).unwrap();
        }
        _ => panic!("a part of the analysis came back as another report"),
    })
    .unwrap();
    assert_eq!(received, corpus.analysis);
    assert!(matches!(decode(encode(&Report::Analysed).unwrap()), Report::Analysed));
    let encoded = encode(&Report::AnalysisPart(AnalysisList::Timeline, b"[]".to_vec())).unwrap();
    let fields = js_sys::Reflect::get(&encoded, &"AnalysisPart".into()).unwrap();
    assert!(js_sys::Reflect::get_u32(&fields, 1).unwrap().is_instance_of::<js_sys::Uint8Array>(), "bytes travel as bytes, not as an array of numbers");
    assert!(matches!(decode(wasm_bindgen::JsValue::from_str("junk")), Report::Failed(_)), "junk is a failure, not a panic");
}
