//! Word-level helpers shared by the analyses: folded words with their spans, a light stemmer,
//! stopwords, IDF-weighted overlap, candidate pairs through an inverted index, and union-find.

use crate::fold::fold;
use crate::Span;
use std::borrow::Cow;
use std::collections::HashMap;

/// A word of a text: its byte span and its case- and diacritic-folded form.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word<'t> {
    pub span: Span,
    /// The word itself where folding leaves it unchanged: most words are lower-case ASCII.
    pub folded: Cow<'t, str>,
}

/// The alphanumeric runs of `text[span]`, folded. An apostrophe splits a word ("Trump’s" → "trump", "s").
pub(crate) fn words(text: &str, span: Span) -> Vec<Word<'_>> {
    // Prose has a word in five or six bytes: room for them all, instead of growing by copies.
    let room = text.get(span.start..span.end).map_or(0, |slice| slice.len() / 5 + 1);
    let mut out = Vec::with_capacity(room);
    out.extend(each_word(text, span));
    out
}

/// [`words`] one at a time, for a reader that need not keep them all.
pub(crate) fn each_word(text: &str, span: Span) -> impl Iterator<Item = Word<'_>> {
    let mut rest = text.get(span.start..span.end).unwrap_or_default();
    let mut offset = span.start;
    std::iter::from_fn(move || {
        let start = find_alphanumeric(rest, true)?;
        let len = find_alphanumeric(&rest[start..], false).unwrap_or(rest.len() - start);
        let word = &rest[start..start + len];
        let span = Span::new(offset + start, offset + start + len);
        rest = &rest[start + len..];
        offset = span.end;
        Some(Word { span, folded: folded(word) })
    })
}

/// Byte index of the first character of `text` that is (`wanted` true) or is not alphanumeric.
/// Same answer as `text.find(char::is_alphanumeric)`, without decoding ASCII bytes as characters.
fn find_alphanumeric(text: &str, wanted: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte.is_ascii() {
            if byte.is_ascii_alphanumeric() == wanted {
                return Some(at);
            }
            at += 1;
        } else {
            let c = text[at..].chars().next()?;
            if c.is_alphanumeric() == wanted {
                return Some(at);
            }
            at += c.len_utf8();
        }
    }
    None
}

/// `word` case- and diacritic-folded. Most words are ASCII: lower-casing is all their folding
/// needs, and much cheaper; most are lower-case already, and fold to themselves.
fn folded(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        Cow::Owned(fold(word))
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Function words that say nothing about what a statement is about.
const STOPWORDS: [&str; 78] = [
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "here", "his", "i", "if", "in",
    "into", "is", "it", "its", "just", "more", "most", "not", "now", "of", "on", "one", "or", "our", "out", "s",
    "said", "she", "so", "such", "t", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "to", "up", "us", "was", "we", "were", "what", "when", "which", "who", "will", "with",
    "would", "you",
];

pub(crate) fn is_stopword(folded: &str) -> bool {
    STOPWORDS.binary_search(&folded).is_ok()
}

/// Characters a stem keeps: enough to tell words apart, few enough that "counteract" meets
/// "counter" and "indiscriminate" meets "indiscriminatory".
const STEM_CHARS: usize = 6;

/// A light stem of a folded word: common English suffixes off, then the first [`STEM_CHARS`] characters.
pub(crate) fn stem(folded: &str) -> String {
    let base = [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("ly", "")]
        .iter()
        .find(|(suffix, _)| folded.len() > suffix.len() + 3 && folded.ends_with(suffix) && !folded.ends_with("ss"))
        .map(|(suffix, replacement)| format!("{}{replacement}", &folded[..folded.len() - suffix.len()]))
        .unwrap_or_else(|| folded.to_string());
    base.chars().take(STEM_CHARS).collect()
}

/// The sorted, distinct stems of the content words of `text[span]`.
pub(crate) fn content_stems(text: &str, span: Span) -> Vec<String> {
    let mut stems: Vec<String> = words(text, span).iter().filter(|w| !is_stopword(&w.folded)).map(|w| stem(&w.folded)).collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Inverse document frequencies of stems over a set of items (each a sorted, distinct stem list).
pub(crate) struct Idf {
    document_frequency: HashMap<String, u32>,
    items: f64,
}

impl Idf {
    pub fn new(items: &[Vec<String>]) -> Idf {
        let mut document_frequency = HashMap::new();
        for stem in items.iter().flatten() {
            *document_frequency.entry(stem.clone()).or_insert(0) += 1;
        }
        Idf { document_frequency, items: items.len() as f64 }
    }

    pub fn weight(&self, stem: &str) -> f64 {
        let frequency = self.document_frequency.get(stem).copied().unwrap_or(1).max(1) as f64;
        (1.0 + self.items / frequency).ln()
    }

    fn total(&self, stems: &[String]) -> f64 {
        stems.iter().map(|s| self.weight(s)).sum()
    }

    /// Weighted overlap coefficient: the weight of the shared stems over the lighter side's weight,
    /// so a trimmed quote still matches its full version.
    pub fn overlap(&self, a: &[String], b: &[String]) -> f64 {
        let lighter = self.total(a).min(self.total(b));
        if lighter <= 0.0 {
            return 0.0;
        }
        shared(a, b).map(|s| self.weight(s)).sum::<f64>() / lighter
    }
}

/// Stems in both sorted lists.
pub(crate) fn shared<'a>(a: &'a [String], b: &'a [String]) -> impl Iterator<Item = &'a String> + 'a {
    a.iter().filter(move |s| b.binary_search(s).is_ok())
}

/// A stem in more items than this is skipped when looking for candidates: it says little, and
/// following it would make the cost quadratic.
const MAX_POSTING: usize = 100;

/// Pairs `(i, j)`, `i < j`, of items sharing at least `min_shared` stems, through an inverted index.
pub(crate) fn candidate_pairs(items: &[Vec<String>], min_shared: usize) -> Vec<(usize, usize)> {
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, stems) in items.iter().enumerate() {
        for stem in stems {
            postings.entry(stem.as_str()).or_default().push(index);
        }
    }
    let mut pairs = Vec::new();
    // Shared stems with each later item, and which items have a count to reset.
    let mut counts = vec![0usize; items.len()];
    let mut met = Vec::new();
    for (index, stems) in items.iter().enumerate() {
        for posting in stems.iter().filter_map(|s| postings.get(s.as_str())).filter(|p| p.len() <= MAX_POSTING) {
            for &other in posting.iter().filter(|&&other| other > index) {
                if counts[other] == 0 {
                    met.push(other);
                }
                counts[other] += 1;
            }
        }
        met.sort_unstable();
        pairs.extend(met.iter().filter(|&&other| counts[other] >= min_shared).map(|&other| (index, other)));
        for other in met.drain(..) {
            counts[other] = 0;
        }
    }
    pairs
}

/// Disjoint sets over `0..n`; the smaller index is the root, so groups come out in input order.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub fn new(n: usize) -> UnionFind {
        UnionFind { parent: (0..n).collect() }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        let (root, child) = (a.min(b), a.max(b));
        self.parent[child] = root;
    }

    /// The groups as lists of members, each sorted, in order of their first member.
    pub fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
        for x in 0..self.parent.len() {
            let root = self.find(x);
            by_root.entry(root).or_default().push(x);
        }
        let mut groups: Vec<Vec<usize>> = by_root.into_values().collect();
        groups.sort_unstable_by_key(|g| g[0]);
        groups
    }
}

/// A lower-case slug of the first `max_words` words of `text`: for readable, content-derived ids.
pub(crate) fn slug(text: &str, max_words: usize) -> String {
    let all = Span::new(0, text.len());
    words(text, all).iter().filter(|w| w.folded.is_ascii()).take(max_words).map(|w| &*w.folded).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]), "STOPWORDS must stay sorted");
    }

    #[test]
    fn stems_meet_across_inflections() {
        for (name, a, b) in [
            ("counteract/counter", "counteract", "counter"),
            ("plural", "countries", "country"),
            ("gerund", "working", "work"),
            ("adjective forms", "indiscriminate", "indiscriminatory"),
        ] {
            assert_eq!(stem(a), stem(b), "{name}");
        }
    }

    #[test]
    fn finding_alphanumerics_agrees_with_char_find() {
        for (case, text) in [
            ("ascii", "  Hello, world 42!"),
            ("letters outside ascii", "—Zelenskyy’s Kyiv éclair ﬁ 北京"),
            ("digits outside ascii", "٣ apples ²"),
            ("empty", ""),
            ("no word", " … — !"),
        ] {
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let rest = &text[start..];
                assert_eq!(find_alphanumeric(rest, true), rest.find(char::is_alphanumeric), "{case} from {start}: word start");
                assert_eq!(find_alphanumeric(rest, false), rest.find(|c: char| !c.is_alphanumeric()), "{case} from {start}: word end");
            }
        }
    }

    #[test]
    fn words_split_possessives_and_keep_spans() {
        let text = "Trump’s “Zelenskyy”";
        let found = words(text, Span::new(0, text.len()));
        let folded: Vec<&str> = found.iter().map(|w| &*w.folded).collect();
        assert_eq!(folded, ["trump", "s", "zelenskyy"]);
        assert_eq!(found[2].span.text(text), "Zelenskyy");
    }
}
