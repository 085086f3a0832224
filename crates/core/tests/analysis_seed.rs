//! Cross-article analysis on the seed corpus (`articles/`): the merges, groups and conflicts the
//! product promises.

use std::path::Path;
use triangulate_core::analysis::{analyze, wdiff, Analysis, Change, ClaimGroup, CorpusEntity};
use triangulate_core::{article::load_dir, Document};

fn seed_analysis() -> Analysis {
    let articles = load_dir(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../articles"))).expect("seed articles load");
    let docs: Vec<Document> = articles.into_iter().map(Document::new).collect();
    analyze(&docs)
}

fn entity<'a>(analysis: &'a Analysis, alias: &str) -> &'a CorpusEntity {
    analysis.entities.iter().find(|e| e.aliases.iter().any(|a| a == alias)).unwrap_or_else(|| panic!("no entity named {alias:?}"))
}

#[test]
fn seed_entities_merge_across_spellings() {
    let analysis = seed_analysis();
    // (case, alias, alias, same entity?)
    let cases = [
        ("Zelensky / Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskyy", true),
        ("surname-only Zelensky", "Zelensky", "Volodymyr Zelenskyy", true),
        ("Sir Keir Starmer / Keir Starmer", "Sir Keir Starmer", "Keir Starmer", true),
        ("Starmer / Keir Starmer", "Starmer", "Keir Starmer", true),
        ("Andriy / Andrii Yermak", "Andriy Yermak", "Andrii Yermak", true),
        ("Donald Trump is not Donald Tusk", "Donald Trump", "Donald Tusk", false),
        ("Mark Rutte is not Mark Carney", "Mark Rutte", "Mark Carney", false),
    ];
    for (case, a, b, same) in cases {
        assert_eq!(entity(&analysis, a).id == entity(&analysis, b).id, same, "{case}");
    }
    let zelensky = entity(&analysis, "Volodymyr Zelenskyy");
    assert!(zelensky.merges.iter().any(|m| m.reason.contains("differ by one letter")), "Zelensky reason: {:?}", zelensky.merges);
    assert_eq!(zelensky.articles.len(), 5, "Zelensky is in every seed article");
}

fn claim_group_with<'a>(analysis: &'a Analysis, texts: &[&str]) -> &'a ClaimGroup {
    analysis
        .claim_groups
        .iter()
        .find(|g| texts.iter().all(|t| g.members.iter().any(|m| m.text == *t)))
        .unwrap_or_else(|| panic!("no claim group with {texts:?}: {:?}", analysis.claim_groups.iter().map(|g| &g.id).collect::<Vec<_>>()))
}

#[test]
fn seed_claims_group_and_conflict() {
    let analysis = seed_analysis();
    // (case, member texts, conflict, corroborated)
    let cases: [(&str, &[&str], bool, bool); 3] = [
        ("participants: (30, ∞) vs 26 conflict", &["more than 30 nations", "26 countries", "35 nations"], true, true),
        ("troop pledges agree", &["26 leaders", "26 countries"], false, true),
        ("casualties agree across a date and no date", &["at least 19"], false, true),
    ];
    for (case, texts, conflict, corroborated) in cases {
        let group = claim_group_with(&analysis, texts);
        assert_eq!(group.conflict, conflict, "{case}: conflict");
        assert_eq!(group.corroborated, corroborated, "{case}: corroborated");
        assert!(group.articles.len() >= 2, "{case}: articles {:?}", group.articles);
    }
}

#[test]
fn seed_kyiv_meeting_is_not_a_summit_participant_count() {
    // Issue #6: "security advisors from 15 countries … met in Kyiv" is another meeting.
    let analysis = seed_analysis();
    let with_15: Vec<&str> = analysis.claim_groups.iter().filter(|g| g.members.iter().any(|m| m.text == "15 countries")).map(|g| g.id.as_str()).collect();
    assert!(with_15.is_empty(), "15 countries grouped in {with_15:?}");
}

#[test]
fn seed_reworded_quote_groups_with_diff() {
    let analysis = seed_analysis();
    // (case, words in one member, words in another)
    let cases = [
        ("NATO reworded", "working tirelessly to counteract this", "working day and night to counter this"),
        ("Trump verbatim", "Something is going to happen", "Something is going to happen"),
        ("von der Leyen, one side unattributed", "indiscriminate attacks", "indiscriminatory attacks"),
    ];
    for (case, first, second) in cases {
        let group = analysis
            .quote_groups
            .iter()
            .find(|g| g.members.iter().any(|m| m.text.contains(first)) && g.members.iter().filter(|m| m.text.contains(second)).count() >= 1 && g.articles.len() >= 2)
            .unwrap_or_else(|| panic!("{case}: no group"));
        assert!(group.members[1..].iter().all(|m| !m.diff.is_empty()), "{case}: diffs");
    }
}

#[test]
fn seed_partial_quote_is_diffed_over_the_shared_passage() {
    // One outlet quotes Andriy Yermak's words from the middle of his statement; the whole of the
    // rest of the statement was struck through as if that outlet had reworded it.
    let analysis = seed_analysis();
    let group = analysis.quote_groups.iter().find(|g| g.speaker.as_deref() == Some("per-andrii-yermak")).expect("the Yermak group");
    let partial = group.members.iter().find(|m| m.text.contains("cyberspace")).expect("the report that quotes part of it");
    let removed: Vec<&str> = partial.diff.iter().filter(|s| s.change == Change::Removed).map(|s| s.text.trim()).collect();
    assert_eq!(removed, ["and"], "only wording inside the shared passage is struck: {}", wdiff(&partial.diff));
    let context = partial.diff.iter().find(|s| s.change == Change::ReferenceContext && s.text.starts_with("The war launched"));
    assert!(context.is_some(), "the statement's rest is context: {}", wdiff(&partial.diff));
}
