//! Article files: optional front matter, title and date inference, and errors that name the file
//! and line. The app's build script and the CLI both load articles through [`load_dir`], so the
//! corpus a user sees in the browser is exactly what `triangulate articles DIR` prints.
//!
//! Normalization (documented in README): a UTF-8 byte-order mark is dropped, CRLF and lone CR become
//! LF, and control characters other than tab and newline are removed. Everything else is kept
//! byte for byte, so spans computed on [`Article::text`] are stable across rebuilds.

use crate::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// File name endings read as articles; anything else in the folder is skipped.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// Front-matter keys an article may set.
pub const FRONT_MATTER_KEYS: [&str; 4] = ["title", "outlet", "date", "url"];

/// A headline is a short first line that does not end like a sentence.
const MAX_HEADLINE_CHARS: usize = 160;

/// An inferred title taken from the first sentence is cut at this many characters.
const MAX_INFERRED_TITLE_CHARS: usize = 90;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Slug of the file name: stable across rebuilds, used in links.
    pub id: String,
    /// The file name the article came from.
    pub file: String,
    pub title: String,
    pub title_source: TitleSource,
    pub outlet: Option<String>,
    /// The article's own date, `YYYY-MM-DD`.
    pub date: Option<NaiveDate>,
    pub date_source: DateSource,
    pub url: Option<String>,
    /// The body after the front matter, normalized; all spans point into it.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TitleSource {
    FrontMatter,
    /// The first line reads like a headline.
    Headline,
    /// No headline: the start of the first sentence.
    FirstSentence,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    FrontMatter,
    /// A `date YYYY-MM-DD` line (or line start) in the text.
    DateLine,
    /// The dateline or the lead's first full date ("On September 4, 2025, …"), see
    /// [`crate::timex::lead_date`].
    Lead,
    Unknown,
}

/// Why an article file was rejected, with the file and 1-based line it concerns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleError {
    pub file: String,
    pub line: usize,
    pub kind: ArticleErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArticleErrorKind {
    NotUtf8,
    Empty,
    FrontMatterNotClosed,
    FrontMatterLine(String),
    UnknownFrontMatterKey(String),
    DuplicateFrontMatterKey(String),
    BadDate(String),
    BadUrl(String),
    DuplicateId { id: String, other_file: String },
    Unreadable(String),
}

impl fmt::Display for ArticleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        match &self.kind {
            ArticleErrorKind::NotUtf8 => write!(f, "not valid UTF-8 (save the file as UTF-8)"),
            ArticleErrorKind::Empty => write!(f, "the article has no text"),
            ArticleErrorKind::FrontMatterNotClosed => {
                write!(f, "front matter opened with `---` is never closed by a `---` line")
            }
            ArticleErrorKind::FrontMatterLine(line) => {
                write!(f, "front matter line {line:?} is not `key: value`")
            }
            ArticleErrorKind::UnknownFrontMatterKey(key) => write!(
                f,
                "unknown front matter key {key:?} (expected one of {})",
                FRONT_MATTER_KEYS.join(", ")
            ),
            ArticleErrorKind::DuplicateFrontMatterKey(key) => {
                write!(f, "front matter key {key:?} is set twice")
            }
            ArticleErrorKind::BadDate(value) => {
                write!(f, "bad date {value:?}: expected a calendar date as YYYY-MM-DD")
            }
            ArticleErrorKind::BadUrl(value) => {
                write!(f, "bad url {value:?}: expected an http:// or https:// address")
            }
            ArticleErrorKind::DuplicateId { id, other_file } => write!(
                f,
                "article id {id:?} is also the id of {other_file}; rename one of the files"
            ),
            ArticleErrorKind::Unreadable(reason) => write!(f, "cannot read the file: {reason}"),
        }
    }
}

impl std::error::Error for ArticleError {}

/// The article id for a file name: its stem, lower-cased, runs of anything but ASCII letters and
/// digits turned into one `-`.
pub fn slug(file_name: &str) -> String {
    let stem = match file_name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => file_name,
    };
    let mut out = String::with_capacity(stem.len());
    for c in crate::fold::fold(stem).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("article");
    }
    out
}

/// Parses one article file's bytes.
pub fn parse_article(file: &str, bytes: &[u8]) -> Result<Article, ArticleError> {
    let err = |line: usize, kind| ArticleError { file: file.to_string(), line, kind };
    let raw = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
        err(line, ArticleErrorKind::NotUtf8)
    })?;
    let normalized = normalize(raw);

    let (front, body, body_first_line) = split_front_matter(&normalized).map_err(|(line, kind)| err(line, kind))?;
    let mut fields = BTreeMap::new();
    for (line_no, key, value) in front {
        if !FRONT_MATTER_KEYS.contains(&key.as_str()) {
            return Err(err(line_no, ArticleErrorKind::UnknownFrontMatterKey(key)));
        }
        if fields.insert(key.clone(), (line_no, value)).is_some() {
            return Err(err(line_no, ArticleErrorKind::DuplicateFrontMatterKey(key)));
        }
    }

    let text = body.to_string();
    if text.trim().is_empty() {
        return Err(err(body_first_line, ArticleErrorKind::Empty));
    }

    let (date, date_source) = match fields.get("date") {
        Some((line, value)) => {
            let date = parse_iso_date(value).ok_or_else(|| err(*line, ArticleErrorKind::BadDate(value.clone())))?;
            (Some(date), DateSource::FrontMatter)
        }
        None => match (date_line(&text), crate::timex::lead_date(&text)) {
            (Some(date), _) => (Some(date), DateSource::DateLine),
            (None, Some(date)) => (Some(date), DateSource::Lead),
            (None, None) => (None, DateSource::Unknown),
        },
    };

    let url = match fields.get("url") {
        Some((line, value)) => {
            let lower = value.to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://")) || value.contains(char::is_whitespace) {
                return Err(err(*line, ArticleErrorKind::BadUrl(value.clone())));
            }
            Some(value.clone())
        }
        None => None,
    };

    let (title, title_source) = match fields.get("title") {
        Some((_, value)) if !value.is_empty() => (value.clone(), TitleSource::FrontMatter),
        _ => infer_title(&text),
    };

    Ok(Article {
        id: slug(file),
        file: file.to_string(),
        title,
        title_source,
        outlet: fields.get("outlet").map(|(_, v)| v.clone()).filter(|v| !v.is_empty()),
        date,
        date_source,
        url,
        text,
    })
}

/// Loads every article file of a folder, sorted by file name. All errors are collected so that a
/// user fixes a folder in one pass.
pub fn load_dir(dir: &Path) -> Result<Vec<Article>, Vec<ArticleError>> {
    let dir_name = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| {
        vec![ArticleError { file: dir_name.clone(), line: 0, kind: ArticleErrorKind::Unreadable(e.to_string()) }]
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| is_article_file(path))
        .collect();
    paths.sort();

    let files = paths.into_iter().map(|path| {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = std::fs::read(&path).map_err(|e| e.to_string());
        (name, bytes)
    });
    parse_articles(files)
}

/// Parses named file contents and checks that ids are unique.
pub fn parse_articles(
    files: impl IntoIterator<Item = (String, Result<Vec<u8>, String>)>,
) -> Result<Vec<Article>, Vec<ArticleError>> {
    let mut articles: Vec<Article> = Vec::new();
    let mut errors = Vec::new();
    for (name, bytes) in files {
        let parsed = match bytes {
            Ok(bytes) => parse_article(&name, &bytes),
            Err(reason) => Err(ArticleError { file: name.clone(), line: 0, kind: ArticleErrorKind::Unreadable(reason) }),
        };
        match parsed {
            Ok(article) => {
                if let Some(other) = articles.iter().find(|a| a.id == article.id) {
                    errors.push(ArticleError {
                        file: article.file.clone(),
                        line: 1,
                        kind: ArticleErrorKind::DuplicateId { id: article.id.clone(), other_file: other.file.clone() },
                    });
                } else {
                    articles.push(article);
                }
            }
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() {
        Ok(articles)
    } else {
        Err(errors)
    }
}

fn is_article_file(path: &Path) -> bool {
    let hidden = path.file_name().and_then(|n| n.to_str()).is_none_or(|n| n.starts_with('.'));
    let known_extension = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
    path.is_file() && !hidden && known_extension
}

fn normalize(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

type FrontMatter = Vec<(usize, String, String)>;

/// Splits `---` front matter from the body: `(fields with their line numbers, body, body's first line)`.
fn split_front_matter(text: &str) -> Result<(FrontMatter, &str, usize), (usize, ArticleErrorKind)> {
    let mut lines = text.split_inclusive('\n');
    let Some(opening) = lines.next().filter(|first| first.trim_end() == "---") else {
        return Ok((Vec::new(), text, 1));
    };
    let mut offset = opening.len();
    let mut fields = Vec::new();
    for (index, line) in lines.enumerate() {
        let line_no = index + 2;
        offset += line.len();
        let content = line.trim();
        if content == "---" {
            return Ok((fields, &text[offset..], line_no + 1));
        }
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let key_value = content.split_once(':').map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim()));
        match key_value {
            Some((key, value)) if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') => {
                fields.push((line_no, key, unquote(value).to_string()))
            }
            // A prose line before any closing `---` means the front matter was never closed.
            _ if !text[offset..].lines().any(|l| l.trim() == "---") => {
                return Err((1, ArticleErrorKind::FrontMatterNotClosed))
            }
            _ => return Err((line_no, ArticleErrorKind::FrontMatterLine(content.to_string()))),
        }
    }
    Err((1, ArticleErrorKind::FrontMatterNotClosed))
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(quote).and_then(|v| v.strip_suffix(quote)) {
            return inner;
        }
    }
    value
}

/// Strict `YYYY-MM-DD`: four-digit year, two-digit month and day, a real calendar date.
pub fn parse_iso_date(value: &str) -> Option<NaiveDate> {
    let bytes = value.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !well_formed {
        return None;
    }
    let year = value[..4].parse().ok()?;
    let month = value[5..7].parse().ok()?;
    let day = value[8..].parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A line that starts with `date YYYY-MM-DD` (or `Date: YYYY-MM-DD`) within the first lines.
fn date_line(text: &str) -> Option<NaiveDate> {
    text.lines().filter(|l| !l.trim().is_empty()).take(3).find_map(|line| {
        let rest = line.trim_start();
        let rest = rest.strip_prefix("date").or_else(|| rest.strip_prefix("Date"))?;
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        parse_iso_date(rest.get(..10)?)
    })
}

fn infer_title(text: &str) -> (String, TitleSource) {
    let first_line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    if reads_like_headline(first_line) {
        return (first_line.to_string(), TitleSource::Headline);
    }
    // Skip a leading slug or date line so the title starts at the prose.
    let prose = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !is_slug_line(l) && !reads_like_headline(l))
        .unwrap_or(first_line);
    let prose = strip_date_prefix(prose);
    let sentence_end = prose.find(". ").map_or(prose.len(), |i| i + 1);
    let sentence = &prose[..sentence_end];
    let title = if sentence.chars().count() > MAX_INFERRED_TITLE_CHARS {
        let cut: String = sentence.chars().take(MAX_INFERRED_TITLE_CHARS).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
    } else {
        sentence.to_string()
    };
    (title, TitleSource::FirstSentence)
}

fn strip_date_prefix(line: &str) -> &str {
    let rest = line.strip_prefix("date").or_else(|| line.strip_prefix("Date"));
    match rest.map(|r| r.strip_prefix(':').unwrap_or(r).trim_start()) {
        Some(r) if r.get(..10).and_then(parse_iso_date).is_some() => r[10..].trim_start(),
        _ => line,
    }
}

/// A wire-service slug such as `FRANCE-EU-UKRAINE-SUMMIT`: capitals and hyphens, no spaces.
fn is_slug_line(line: &str) -> bool {
    !line.contains(' ') && line.contains('-') && !line.chars().any(char::is_lowercase)
}

fn reads_like_headline(line: &str) -> bool {
    let chars = line.chars().count();
    let ends_like_sentence = line.ends_with(['.', ',', ';', ':']);
    let words = line.split_whitespace().count();
    chars > 0
        && chars <= MAX_HEADLINE_CHARS
        && !ends_like_sentence
        && words >= 2
        && !is_slug_line(line)
        && date_line(line).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Article, ArticleError> {
        parse_article("case.md", text.as_bytes())
    }

    #[test]
    fn front_matter_sets_every_field() {
        let article = parse("---\ntitle: A summit\noutlet: Reuters\ndate: 2025-09-04\nurl: https://example.com/a\n---\nBody text.\n").unwrap();
        assert_eq!(article.title, "A summit");
        assert_eq!(article.title_source, TitleSource::FrontMatter);
        assert_eq!(article.outlet.as_deref(), Some("Reuters"));
        assert_eq!(article.date, NaiveDate::from_ymd_opt(2025, 9, 4));
        assert_eq!(article.date_source, DateSource::FrontMatter);
        assert_eq!(article.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(article.text, "Body text.\n");
    }

    #[test]
    fn inference_cases() {
        struct Case {
            name: &'static str,
            text: &'static str,
            title: &'static str,
            title_source: TitleSource,
            date: Option<&'static str>,
        }
        let cases = [
            Case {
                name: "headline first line",
                text: "Paris Summit: Unity Among Allies\n\nLeaders met on Tuesday.",
                title: "Paris Summit: Unity Among Allies",
                title_source: TitleSource::Headline,
                date: None,
            },
            Case {
                name: "prose first line becomes a shortened first sentence",
                text: "In a week of high-stakes diplomacy and sharp rhetoric, world leaders converged in Paris and Vladivostok to grapple with the war. More text.",
                title: "In a week of high-stakes diplomacy and sharp rhetoric, world leaders converged in Paris…",
                title_source: TitleSource::FirstSentence,
                date: None,
            },
            Case {
                name: "wire slug line is skipped",
                text: "FRANCE-EU-UKRAINE-SUMMIT\n\nThe President of Ukraine thanked his counterparts. He left.",
                title: "The President of Ukraine thanked his counterparts.",
                title_source: TitleSource::FirstSentence,
                date: None,
            },
            Case {
                name: "leading date line gives the date and is not the title",
                text: " date 2025-09-04 US envoy Steve Witkoff met European leaders in Paris. More.",
                title: "US envoy Steve Witkoff met European leaders in Paris.",
                title_source: TitleSource::FirstSentence,
                date: Some("2025-09-04"),
            },
        ];
        for case in cases {
            let article = parse(case.text).unwrap_or_else(|e| panic!("{}: {e}", case.name));
            assert_eq!(article.title, case.title, "{}", case.name);
            assert_eq!(article.title_source, case.title_source, "{}", case.name);
            assert_eq!(article.date.map(|d| d.to_string()).as_deref(), case.date, "{}", case.name);
        }
    }

    #[test]
    fn date_source_cases() {
        let cases = [
            ("front matter wins", "---\ndate: 2025-09-01\n---\nOn September 4, 2025, leaders met.", Some("2025-09-01"), DateSource::FrontMatter),
            ("date line before the lead", "date 2025-09-02\nOn September 4, 2025, leaders met.", Some("2025-09-02"), DateSource::DateLine),
            ("lead's first full date", "Leaders met.\n\nOn September 4, 2025, the coalition met in Paris.", Some("2025-09-04"), DateSource::Lead),
            ("dateline with the year in the lead", "PARIS, Sept. 4 (Reuters) - The 2025 summit opened.", Some("2025-09-04"), DateSource::Lead),
            ("no date anywhere", "Leaders met in Paris on Thursday.", None, DateSource::Unknown),
        ];
        for (name, text, date, source) in cases {
            let article = parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(article.date.map(|d| d.to_string()).as_deref(), date, "{name}");
            assert_eq!(article.date_source, source, "{name}");
        }
    }

    #[test]
    fn error_cases_name_file_and_line() {
        let cases: [(&str, &[u8], usize, ArticleErrorKind); 12] = [
            ("not utf-8", b"line one\nline \xff two", 2, ArticleErrorKind::NotUtf8),
            ("binary junk", b"\x7fELF\x02\x01\x01\0\0\0\n\xfe\xed\xfa\xce", 2, ArticleErrorKind::NotUtf8),
            ("only NUL bytes", b"\0\0\0\0", 1, ArticleErrorKind::Empty),
            ("only control characters", b"\x07\x1b\r\n\x08", 1, ArticleErrorKind::Empty),
            ("empty file", b"", 1, ArticleErrorKind::Empty),
            ("only whitespace", b"  \n\n ", 1, ArticleErrorKind::Empty),
            ("only front matter", b"---\ntitle: T\n---\n", 4, ArticleErrorKind::Empty),
            ("front matter never closed", b"---\ntitle: T\nbody", 1, ArticleErrorKind::FrontMatterNotClosed),
            ("line without colon", b"---\ntitle T\n---\nx", 2, ArticleErrorKind::FrontMatterLine("title T".into())),
            ("unknown key", b"---\ntilte: T\n---\nx", 2, ArticleErrorKind::UnknownFrontMatterKey("tilte".into())),
            ("bad date", b"---\ntitle: T\ndate: 2025-13-01\n---\nx", 3, ArticleErrorKind::BadDate("2025-13-01".into())),
            ("javascript url", b"---\nurl: javascript:alert(1)\n---\nx", 2, ArticleErrorKind::BadUrl("javascript:alert(1)".into())),
        ];
        for (name, bytes, line, kind) in cases {
            let error = parse_article("bad.md", bytes).expect_err(name);
            assert_eq!((error.line, &error.kind), (line, &kind), "{name}");
            assert!(error.to_string().starts_with(&format!("bad.md:{line}: ")), "{name}: {error}");
        }
    }

    #[test]
    fn normalization_cases() {
        // (case, file, title, text after the documented normalization)
        let cases: [(&str, &str, &str, &str); 7] = [
            ("BOM, CRLF, lone CR, a bell", "\u{feff}Title Line Here\r\n\r\nBody\u{7} text.\rEnd", "Title Line Here", "Title Line Here\n\nBody text.\nEnd"),
            ("CRLF front matter", "---\r\ntitle: T\r\n---\r\nBody.\r\n", "T", "Body.\n"),
            ("BOM before front matter", "\u{feff}---\ntitle: T\n---\nBody.", "T", "Body."),
            ("NUL bytes in the text", "Leaders\0 met\0\0 in Paris.", "Leaders met in Paris.", "Leaders met in Paris."),
            ("terminal escapes and C1 controls", "Red\u{1b}[31m alert\u{85} now.\u{7f}", "Red[31m alert now.", "Red[31m alert now."),
            ("control characters in front matter", "---\ntitle: A\u{8}\u{0} title\n---\nBody.", "A title", "Body."),
            ("tabs and non-ASCII are kept", "Paris\tmeeting: “Élysée” 🎉.", "Paris\tmeeting: “Élysée” 🎉.", "Paris\tmeeting: “Élysée” 🎉."),
        ];
        for (name, file, title, text) in cases {
            let article = parse(file).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!((article.title.as_str(), article.text.as_str()), (title, text), "{name}");
        }
    }

    #[test]
    fn twenty_megabyte_file_loads_whole() {
        let paragraph = "On September 4, 2025, leaders met in Paris, where “more than 30 countries” took part.\n\n";
        let text = paragraph.repeat(20_000_000 / paragraph.len() + 1);
        let article = parse(&text).expect("a large article is still an article");
        assert_eq!(article.text.len(), text.len(), "nothing dropped");
        assert_eq!(article.date_source, DateSource::Lead, "date from the lead");
    }

    #[test]
    fn duplicate_ids_after_slugging_are_rejected() {
        let files = [("A b.txt", "One two."), ("a-B.md", "Three four.")]
            .map(|(name, text)| (name.to_string(), Ok(text.as_bytes().to_vec())));
        let errors = parse_articles(files).expect_err("duplicate ids");
        assert_eq!(
            errors[0].kind,
            ArticleErrorKind::DuplicateId { id: "a-b".into(), other_file: "A b.txt".into() }
        );
    }

    #[test]
    fn slugs() {
        for (file, id) in [("000_ebca18b08ad80902.txt", "000-ebca18b08ad80902"), ("Élysée Talks!.md", "elysee-talks"), (".md", "md"), ("---.txt", "article")] {
            assert_eq!(slug(file), id, "{file}");
        }
    }
}
