//! Unit cases on small synthetic articles; each case's name is in its failure message.

use super::*;
use crate::article::parse_article;

fn docs(texts: &[&str]) -> Vec<Document> {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| Document::new(parse_article(&format!("a{i}.txt"), text.as_bytes()).expect("synthetic article parses")))
        .collect()
}

/// The corpus entity whose aliases include `alias`.
fn entity_named<'a>(analysis: &'a Analysis, alias: &str) -> Option<&'a CorpusEntity> {
    analysis.entities.iter().find(|e| e.aliases.iter().any(|a| a == alias))
}

#[test]
fn people_merge_only_when_names_are_compatible() {
    // (case, article texts, two aliases, same entity?, words the merge reason must contain)
    let cases: [(&str, &[&str], &str, &str, bool, &str); 7] = [
        (
            "transliterated surname",
            &["President Volodymyr Zelensky spoke in Kyiv on Monday.", "President Volodymyr Zelenskyy spoke in Kyiv on Monday."],
            "Volodymyr Zelensky",
            "Volodymyr Zelenskyy",
            true,
            "differ by one letter",
        ),
        (
            "transliterated given name",
            &["Andriy Yermak, the chief of staff, met officials.", "Andrii Yermak, the chief of staff, met officials."],
            "Andriy Yermak",
            "Andrii Yermak",
            true,
            "given names differ by one letter",
        ),
        (
            "diacritics",
            &["Irish Prime Minister Micheál Martin spoke in Dublin.", "Irish Prime Minister Micheal Martin spoke in Dublin."],
            "Micheál Martin",
            "Micheal Martin",
            true,
            "diacritics",
        ),
        (
            "surname only, one person",
            &["Prime Minister Keir Starmer met the king in London.", "Speaking in London, Starmer said the talks went well."],
            "Keir Starmer",
            "Starmer",
            true,
            "surname only",
        ),
        (
            "same first name, other surname",
            &["Donald Trump spoke to reporters in Washington.", "Donald Tusk spoke to reporters in Warsaw."],
            "Donald Trump",
            "Donald Tusk",
            false,
            "",
        ),
        (
            "same first name, other surname (Mark)",
            &["NATO chief Mark Rutte arrived in Brussels.", "Canadian Prime Minister Mark Carney arrived in Ottawa."],
            "Mark Rutte",
            "Mark Carney",
            false,
            "",
        ),
        (
            "same surname, other given name",
            &["Donald Trump spoke in Washington.", "Melania Trump spoke in New York."],
            "Donald Trump",
            "Melania Trump",
            false,
            "",
        ),
    ];
    for (case, texts, first, second, same, reason) in cases {
        let analysis = analyze(&docs(texts));
        let a = entity_named(&analysis, first).unwrap_or_else(|| panic!("{case}: no entity {first:?}"));
        let b = entity_named(&analysis, second).unwrap_or_else(|| panic!("{case}: no entity {second:?}"));
        assert_eq!(a.id == b.id, same, "{case}: {first:?} and {second:?} merged = {}", a.id == b.id);
        if same {
            assert!(a.merges.iter().any(|m| m.reason.contains(reason)), "{case}: no reason with {reason:?} in {:?}", a.merges);
        }
    }
}

#[test]
fn a_surname_shared_by_two_people_stays_apart() {
    let analysis = analyze(&docs(&[
        "President Donald Trump spoke in Washington.",
        "First lady Melania Trump said she was happy to be in New York.",
        "Speaking later, Trump said nothing more.",
    ]));
    let lone = entity_named(&analysis, "Trump").expect("the lone surname is an entity");
    let names: Vec<(&str, &str)> = analysis.entities.iter().map(|e| (e.name.as_str(), e.kind.label())).collect();
    assert_eq!(lone.name, "Trump", "ambiguous surname: joined {:?}; entities {names:?}", lone.name);
}

#[test]
fn reworded_quotes_of_one_speaker_group_with_a_diff() {
    let analysis = analyze(&docs(&[
        "Mark Rutte said the alliance is \"working tirelessly to counteract this, to prevent it.\"",
        "Mark Rutte said the alliance was \"working day and night to counter this, to prevent it.\"",
    ]));
    let group = analysis.quote_groups.first().expect("reworded quote: one group");
    assert_eq!(group.articles, ["a0", "a1"], "reworded quote: articles");
    assert_eq!(group.speaker.as_deref(), Some("per-mark-rutte"), "reworded quote: speaker");
    let changes: Vec<(Change, &str)> = group.members[1].diff.iter().map(|d| (d.change, d.text.trim())).collect();
    assert!(changes.contains(&(Change::Added, "day and night")) || changes.contains(&(Change::Removed, "day and night")), "reworded quote: diff {changes:?}");
}

#[test]
fn quotes_of_different_speakers_do_not_group() {
    let analysis = analyze(&docs(&[
        "Emmanuel Macron said: \"We will stand with Ukraine for as long as it takes.\"",
        "Keir Starmer said: \"We will stand with Ukraine for as long as it takes.\"",
    ]));
    assert!(analysis.quote_groups.is_empty(), "different speakers: {:?}", analysis.quote_groups);
}

#[test]
fn claims_group_by_thing_and_flag_conflicts() {
    // (case, texts, groups expected, conflict, corroborated)
    let cases: [(&str, &[&str], usize, bool, bool); 5] = [
        (
            "synonyms that conflict",
            &["More than 30 nations met in Paris on Thursday.", "Leaders from 26 countries gathered in Paris on Thursday."],
            1,
            true,
            false,
        ),
        (
            "synonyms that agree",
            &["More than 30 nations met in Paris.", "Leaders from 35 countries gathered in Paris."],
            1,
            false,
            true,
        ),
        ("different units", &["Prices rose 5% last year.", "Prices rose $5 last year."], 0, false, false),
        (
            "another meeting at another place (issue #6)",
            &["More than 30 nations met in Paris on Thursday.", "Security advisors from 15 countries met in Kyiv on Thursday."],
            0,
            false,
            false,
        ),
        (
            "different dates",
            &["On March 1, 2024, at least 19 people were killed in Kyiv.", "On June 9, 2024, at least 40 people were killed in Kyiv."],
            0,
            false,
            false,
        ),
    ];
    for (case, texts, expected_groups, conflict, corroborated) in cases {
        let analysis = analyze(&docs(texts));
        assert_eq!(analysis.claim_groups.len(), expected_groups, "{case}: groups {:?}", analysis.claim_groups);
        if let Some(group) = analysis.claim_groups.first() {
            assert_eq!(group.conflict, conflict, "{case}: conflict");
            assert_eq!(group.corroborated, corroborated, "{case}: corroborated");
        }
    }
}

#[test]
fn claims_without_a_place_join_the_place_their_articles_name() {
    let analysis = analyze(&docs(&[
        "The summit in Paris ended late. More than 30 nations met there.",
        "Leaders arrived in Paris. Delegates from 35 nations will gather in Paris.",
        "Before that, security advisors from 15 countries met in Kyiv.",
    ]));
    let texts: Vec<Vec<&str>> = analysis.claim_groups.iter().map(|g| g.members.iter().map(|m| m.text.as_str()).collect()).collect();
    assert_eq!(texts, [["More than 30 nations", "35 nations"]], "Paris claims group apart from the Kyiv meeting");
}

#[test]
fn roles_contained_in_another_are_dropped() {
    // (case, roles, roles kept)
    let cases: [(&str, &[&str], &[&str]); 4] = [
        ("bare role beside the role with affiliation", &["President", "President, Ukraine"], &["President, Ukraine"]),
        ("gloss of a title", &["Prime Minister, Ireland", "Taoiseach (Prime Minister), Ireland", "Taoiseach, Ireland"], &["Taoiseach (Prime Minister), Ireland"]),
        ("different roles stay", &["Secretary-General, NATO", "chief, NATO"], &["Secretary-General, NATO", "chief, NATO"]),
        ("same words once", &["envoy, U.S.", "envoy U.S."], &["envoy U.S."]),
    ];
    for (case, roles, kept) in cases {
        let roles = roles.iter().map(|r| r.to_string()).collect();
        assert_eq!(entities::without_contained_roles(roles), kept, "{case}");
    }
}

const STORY: &str = "The city council approved the new transport plan on Tuesday after a long debate about \
bus lanes, cycling routes and the cost of repairing the old bridge over the river. Supporters said the plan \
would cut traffic in the centre by a third within five years, while critics warned that shop owners on the \
main street would lose customers during the works. The mayor promised that construction would start in the \
spring and that residents would be consulted on every stage of the project.";

#[test]
fn a_rewrite_is_found_with_its_shared_passages() {
    let rewrite = STORY.replace("approved", "passed").replace("critics warned", "opponents said");
    let unrelated = "Heavy snow closed mountain roads across the region, and skiers were asked to stay in their hotels until the avalanche risk fell.";
    let analysis = analyze(&docs(&[STORY, &rewrite, unrelated]));
    let pair = analysis.similar_articles.first().expect("rewrite pair: found");
    assert_eq!((pair.a.as_str(), pair.b.as_str()), ("a0", "a1"), "rewrite pair: which articles");
    assert!(pair.score > 0.6, "rewrite pair: score {}", pair.score);
    let longest = pair.passages.iter().max_by_key(|p| p.words).expect("rewrite pair: passages");
    assert!(longest.a.text(STORY).starts_with("the new transport plan"), "rewrite pair: passage {:?}", longest.a.text(STORY));
    assert_eq!(analysis.similar_articles.len(), 1, "rewrite pair: the unrelated article pairs with none");
}

/// `words` distinct made-up words, different for each `seed`: text no other article shares.
fn filler(seed: usize, words: usize) -> String {
    (0..words).map(|w| format!("w{seed}x{w}")).collect::<Vec<_>>().join(" ")
}

#[test]
fn a_small_corpus_compares_every_pair_exactly() {
    // One 10-word passage in 60-word articles: Jaccard ≈ 0.07, low enough that LSH banding
    // misses this pair (it makes such pairs candidates by chance); a small corpus compares it anyway.
    let passage = "the minister promised that the bridge would reopen next spring";
    let a = format!("{} {passage} {}", filler(10, 25), filler(30, 25));
    let b = format!("{} {passage} {}", filler(3, 25), filler(4, 25));
    let analysis = analyze(&docs(&[&a, &b]));
    let pair = analysis.similar_articles.first().expect("shared passage: pair found");
    assert!(pair.score < 0.1 && pair.containment >= 0.1, "shared passage: score {} containment {}", pair.score, pair.containment);
    assert_eq!(pair.passages.len(), 1, "shared passage: located once");
    assert_eq!(pair.passages[0].a.text(&a), passage, "shared passage: its words");
}

#[test]
fn a_large_corpus_finds_a_rewrite_through_lsh() {
    // More articles than MinHash functions: candidates come from LSH buckets, not all pairs.
    let rewrite = STORY.replace("approved", "passed").replace("critics warned", "opponents said");
    let fillers: Vec<String> = (0..80).map(|seed| filler(seed, 60)).collect();
    let mut texts: Vec<&str> = fillers.iter().map(String::as_str).collect();
    texts.extend([STORY, rewrite.as_str()]);
    let analysis = analyze(&docs(&texts));
    let pairs: Vec<(&str, &str)> = analysis.similar_articles.iter().map(|p| (p.a.as_str(), p.b.as_str())).collect();
    assert_eq!(pairs, [("a80", "a81")], "large corpus: only the rewrite pair");
}

#[test]
fn timeline_folds_the_same_event_from_two_articles() {
    let analysis = analyze(&docs(&[
        "On March 3, 2024, the parliament voted to approve the new budget. Later, on May 5, 2024, the minister resigned.",
        "The parliament voted on March 3, 2024 to approve the budget after a long night.",
    ]));
    let vote: Vec<&TimelineEvent> = analysis.timeline.iter().filter(|e| e.date == "2024-03-03").collect();
    assert_eq!(vote.len(), 1, "timeline folding: one vote event, got {vote:?}");
    assert_eq!(vote[0].articles, ["a0", "a1"], "timeline folding: sources");
    assert!(analysis.timeline.iter().any(|e| e.date == "2024-05-05" && e.articles == ["a0"]), "timeline: the resignation stays its own");
}

#[test]
fn ids_do_not_depend_on_input_order() {
    let texts = ["President Volodymyr Zelensky said \"we need air defence now\" in Kyiv.", "Zelenskyy said \"we need air defence now\" in Kyiv.", STORY];
    let forward = analyze(&docs(&texts));
    let mut reversed_docs = docs(&texts);
    reversed_docs.reverse();
    let backward = analyze(&reversed_docs);
    let ids = |a: &Analysis| {
        let mut ids: Vec<String> = a.entities.iter().map(|e| e.id.clone()).chain(a.quote_groups.iter().map(|g| g.id.clone())).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&forward), ids(&backward), "stable ids");
}

#[test]
fn empty_and_odd_inputs_do_not_panic() {
    for (case, texts) in [("no articles", &[][..]), ("one word", &["Hello"][..]), ("only marks", &["“” ‘’ — … 🎉"][..])] {
        let analysis = analyze(&docs(texts));
        assert!(analysis.quote_groups.is_empty() && analysis.similar_articles.is_empty(), "{case}");
    }
}

#[test]
fn abbreviations_join_their_spellings_and_the_one_name_they_abbreviate() {
    let analysis = analyze(&docs(&[
        "The E.U. said on Monday that the talks in Brussels would resume.",
        "The EU said on Monday that the talks in Brussels would resume.",
        "The European Union said on Monday that the talks in Brussels would resume.",
    ]));
    let eu = entity_named(&analysis, "EU").expect("EU is an entity");
    for alias in ["E.U.", "European Union"] {
        assert!(eu.aliases.iter().any(|a| a == alias), "{alias} joins EU: {:?}", eu.aliases);
    }
    assert!(eu.merges.iter().any(|m| m.reason.contains("initials of “European Union”")), "{:?}", eu.merges);

    // Two names with the initials US: the abbreviation joins neither.
    let analysis = analyze(&docs(&[
        "The US said on Monday that it would send aid.",
        "The United States said on Monday that it would send aid.",
        "The University of Sydney said on Monday that it would send staff.",
    ]));
    let us = entity_named(&analysis, "US").expect("US is an entity");
    assert_eq!(us.aliases, ["US"], "ambiguous initials");
}
