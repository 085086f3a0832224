//! On the seed articles, every person whose name follows a stated title gets that role.
//! Run with `--nocapture` to see the people, roles and affiliations found.
use triangulate_core::ner::{extract_entities, EntityKind};
use triangulate_core::text::{sentences, tokenize};

/// Title words that, right before a name, must give the person a role.
const TITLES: &[&str] = &["president", "minister", "chancellor", "envoy", "chief", "taoiseach", "secretary-general", "staff"];

#[test]
fn people_in_seed_articles_have_their_stated_roles() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: no {}", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let tokens = tokenize(&text);
        for person in extract_entities(&text, &tokens, &sentences(&text, &tokens)).iter().filter(|e| e.kind == EntityKind::Person) {
            let titled = person.mentions.iter().any(|m| {
                let before = text[..m.start].split_whitespace().next_back().unwrap_or("").to_lowercase();
                TITLES.contains(&before.as_str())
            });
            assert!(!titled || person.role.is_some(), "{}: {} follows a title but has no role", path.display(), person.name);
            println!("{}: {} | role {:?} | affiliation {:?} | honorific {:?} | {} mention(s)", path.file_name().unwrap_or_default().to_string_lossy(), person.name, person.role, person.affiliation, person.honorific, person.mentions.len());
        }
    }
}
