//! View models: plain functions from the corpus and the query to rows a view renders. No Leptos
//! here, so every rule is unit-tested natively.

pub mod claims;
pub mod compare;
pub mod entities;
pub mod network;
pub mod overview;
pub mod quotes;
pub mod reader;
pub mod search;
pub mod timeline;

/// `one` for exactly one thing, else `many`: "quote" / "quotes".
pub fn noun<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}

/// "1 quote", "3 quotes".
pub fn counted(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", noun(count, one, many))
}

#[cfg(test)]
mod tests {
    #[test]
    fn counted_cases() {
        let cases = [(0, "0 matches"), (1, "1 match"), (2, "2 matches")];
        for (count, expected) in cases {
            assert_eq!(super::counted(count, "match", "matches"), expected);
        }
    }
}
