//! Case and diacritic folding, so that "micheal" finds "Micheál" and "zelensky" finds "Zelenskyy".

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cases and strips diacritics: canonical decomposition without the combining marks.
pub fn fold(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// Like [`fold`], also returning for each byte of the folded string the byte offset in `text` of
/// the character it came from, so a match in folded text maps back to a span of the original.
pub fn fold_with_offsets(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (offset, c) in text.char_indices() {
        for d in c.nfd().filter(|d| !is_combining_mark(*d)).flat_map(char::to_lowercase) {
            folded.push(d);
            origin.extend(std::iter::repeat_n(offset, d.len_utf8()));
        }
    }
    origin.push(text.len());
    (folded, origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        for (input, folded) in [("Micheál", "micheal"), ("Siliņa", "silina"), ("Nicușor", "nicusor"), ("ÉLYSÉE", "elysee")] {
            assert_eq!(fold(input), folded, "{input}");
        }
    }

    #[test]
    fn offsets_map_back_to_original_characters() {
        let text = "Mr Micheál Martin";
        let (folded, origin) = fold_with_offsets(text);
        let start = folded.find("micheal").unwrap();
        let end = start + "micheal".len();
        assert_eq!(&text[origin[start]..origin[end]], "Micheál");
    }
}
