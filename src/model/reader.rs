//! The reader's view model: paragraphs, the marks over them, the legend, positions in links, and
//! the article's coverage — what only it reports, and who else carries the rest.
//!
//! Positions in URLs (`at=`) count characters (Unicode scalar values) of `Article::text`; spans
//! in the core count bytes. The two conversions below are the only place they meet.

use crate::components::highlight::Mark;
use crate::corpus::Corpus;
use crate::model::{entities, quotes};
use crate::query::{Query, View};
use triangulate_core::analysis::{ClaimGroup, CorpusEntity, QuoteGroup};
use triangulate_core::ner::EntityKind;
use triangulate_core::timex::TimexKind;
use triangulate_core::{Document, Span};

/// The four entity types in legend and tab order.
pub const KINDS: [EntityKind; 4] = [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc];

/// Paragraphs as byte spans of `text`: its non-empty lines, trimmed (news files use blank lines
/// or single newlines between paragraphs).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let start = line_start + (line.len() - trimmed.len());
        let end = start + trimmed.trim_end().len();
        if start < end {
            out.push(Span::new(start, end));
        }
        line_start += line.len();
    }
    out
}

/// The character offset of byte offset `byte` (clamped to the text).
pub fn char_offset(text: &str, byte: usize) -> usize {
    // Every char that starts before `byte`: those of the prefix up to the next boundary, counted
    // by the standard library a word at a time (every quote of every list row links here).
    let mut end = byte.min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    text[..end].chars().count()
}

/// The byte offset of character offset `chars`; `None` past the end.
pub fn byte_offset(text: &str, chars: usize) -> Option<usize> {
    text.char_indices().nth(chars).map(|(byte, _)| byte)
}

/// The reader at the start of `span` of an article.
pub fn position_query(document: &Document, span: Span) -> Query {
    Query { at: Some(char_offset(&document.article.text, span.start)), ..Query::article(&document.article.id) }
}

/// Every mark of the reader: the entity types the query shows, quotes, dates, and the `at` target.
pub fn reader_marks(corpus: &Corpus, document: &Document, query: &Query) -> Vec<Mark> {
    let mut marks = quotes::quote_marks(corpus, document);
    marks.extend(entities::mention_marks(corpus, document, query));
    marks.extend(date_marks(document));
    if let Some(byte) = query.at.and_then(|chars| byte_offset(&document.article.text, chars)) {
        mark_target(&mut marks, &document.article.text, byte);
    }
    marks
}

fn date_marks(document: &Document) -> Vec<Mark> {
    document
        .extraction
        .timexes
        .iter()
        .map(|timex| {
            let what = match timex.kind {
                TimexKind::Date => "Date",
                TimexKind::Time => "Time",
                TimexKind::Duration => "Duration",
                TimexKind::Set => "Recurring",
            };
            let value = timex.value.as_deref().unwrap_or("value not stated");
            Mark::new(timex.span, "hl hl-date", format!("{what}: {value}"))
        })
        .collect()
}

/// Flags the longest mark starting at `byte` (so the outline always encloses what was linked), or
/// adds a mark over the word there.
pub fn mark_target(marks: &mut Vec<Mark>, text: &str, byte: usize) {
    let longest = marks.iter_mut().filter(|m| m.span.start == byte).max_by_key(|m| m.span.len());
    if let Some(mark) = longest {
        mark.target = true;
        return;
    }
    let Some(rest) = text.get(byte..).filter(|rest| !rest.is_empty()) else { return };
    let word = match rest.find(char::is_whitespace) {
        Some(0) => rest.chars().next().map_or(1, char::len_utf8), // on a space: that character
        Some(len) => len,
        None => rest.len(),
    };
    marks.push(Mark { span: Span::new(byte, byte + word), class: "hl".into(), label: None, href: None, target: true });
}

/// One entry of the reader's legend: a link that shows or hides one entity type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    pub kind: EntityKind,
    pub shown: bool,
    pub href: String,
}

pub fn legend(query: &Query) -> Vec<LegendEntry> {
    KINDS
        .into_iter()
        .map(|kind| LegendEntry { kind, shown: query.shows_kind(kind), href: with_kind_toggled(query, kind).href() })
        .collect()
}

/// `query` with `kind` shown if hidden and hidden if shown. An empty `type` filter shows every
/// type, so hiding the last shown type shows them all again.
pub fn with_kind_toggled(query: &Query, kind: EntityKind) -> Query {
    let shown: Vec<EntityKind> =
        KINDS.into_iter().filter(|&k| if k == kind { !query.shows_kind(k) } else { query.shows_kind(k) }).collect();
    let types = if shown.len() == KINDS.len() { Vec::new() } else { shown };
    Query { types, ..query.clone() }
}

/// One line of the coverage panel: its words and where they link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub text: String,
    pub href: String,
}

/// Something other articles carry too: here, and in each other article at its position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shared {
    pub here: Link,
    /// One per other article, the link text its title.
    pub others: Vec<Link>,
    /// Where the articles are compared: the quote group, claim group or entity page.
    pub compare: Option<Link>,
}

/// What an article alone reports (each at its position in the article), and what it shares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    pub entities: Vec<Link>,
    pub quotes: Vec<Link>,
    pub claims: Vec<Link>,
    pub shared_quotes: Vec<Shared>,
    pub shared_claims: Vec<Shared>,
    pub shared_entities: Vec<Shared>,
}

pub fn coverage(corpus: &Corpus, document: &Document) -> Coverage {
    let id = document.article.id.as_str();
    let text = &document.article.text;
    let Some(alone) = corpus.analysis.coverage.iter().find(|c| c.article == id) else { return Coverage::default() };
    let mut only_entities: Vec<(&CorpusEntity, Span)> = alone
        .entities
        .iter()
        .filter_map(|entity_id| corpus.analysis.entities.iter().find(|e| e.id == *entity_id))
        .filter_map(|entity| Some((entity, first_mention(entity, id)?)))
        .collect();
    only_entities.sort_by_key(|(_, span)| span.start);
    let entities = only_entities
        .into_iter()
        .map(|(entity, span)| Link { text: format!("{} ({})", entity.name, entities::kind_noun(entity.kind)), href: position_query(document, span).href() })
        .collect();
    let quotes = alone.quotes.iter().map(|&span| Link { text: span.text(text).to_string(), href: quotes::quote_position(document, span).href() }).collect();
    let claims = document
        .extraction
        .claims
        .iter()
        .filter(|claim| alone.claims.contains(&claim.span))
        .map(|claim| {
            let phrase = claim.span.text(text);
            let text = claim.thing.as_ref().map_or_else(|| phrase.to_string(), |thing| format!("{phrase} {thing}"));
            Link { text, href: position_query(document, claim.span).href() }
        })
        .collect();
    let analysis = &corpus.analysis;
    Coverage {
        entities,
        quotes,
        claims,
        shared_quotes: analysis.quote_groups.iter().filter_map(|g| shared_quote(corpus, g, id)).collect(),
        shared_claims: analysis.claim_groups.iter().filter_map(|g| shared_claim(corpus, g, id)).collect(),
        shared_entities: analysis.entities.iter().filter_map(|e| shared_entity(corpus, e, id)).collect(),
    }
}

fn first_mention(entity: &CorpusEntity, article: &str) -> Option<Span> {
    entity.mentions.iter().filter(|m| m.article == article).map(|m| m.span).min_by_key(|span| span.start)
}

/// The reader at `span` of article `id`, linked by the article's title.
fn article_link(corpus: &Corpus, id: &str, span: Span, at: fn(&Document, Span) -> Query) -> Link {
    let href = corpus.document(id).map_or_else(|| Query::article(id), |d| at(d, span)).href();
    Link { text: corpus.title(id).to_string(), href }
}

/// One link per article other than `id`, to its first member `(article, span, note)`, the
/// note after the title.
fn others<'m>(
    corpus: &Corpus,
    id: &str,
    members: impl Iterator<Item = (&'m str, Span, Option<&'m str>)>,
    at: fn(&Document, Span) -> Query,
) -> Vec<Link> {
    let mut links: Vec<(&str, Link)> = Vec::new();
    for (article, span, note) in members.filter(|(article, ..)| *article != id) {
        if links.iter().all(|(seen, _)| *seen != article) {
            let link = article_link(corpus, article, span, at);
            let text = note.map_or(link.text.clone(), |note| format!("{} ({note})", link.text));
            links.push((article, Link { text, ..link }));
        }
    }
    links.into_iter().map(|(_, link)| link).collect()
}

fn shared_quote(corpus: &Corpus, group: &QuoteGroup, id: &str) -> Option<Shared> {
    let here = group.members.iter().find(|m| m.article == id)?;
    Some(Shared {
        here: Link { text: here.text.clone(), href: article_link(corpus, id, here.span, quotes::quote_position).href },
        others: others(corpus, id, group.members.iter().map(|m| (m.article.as_str(), m.span, None)), quotes::quote_position),
        compare: Some(Link { text: "Compare the wording".into(), href: quotes::group_query(&group.id).href() }),
    })
}

fn shared_claim(corpus: &Corpus, group: &ClaimGroup, id: &str) -> Option<Shared> {
    let here = group.members.iter().find(|m| m.article == id)?;
    let members = group.members.iter().map(|m| (m.article.as_str(), m.span, Some(m.interval.as_str())));
    // The Conflicts view lists conflicting and corroborated groups only.
    let status = if group.conflict { Some("Conflicting figures") } else { group.corroborated.then_some("Corroborated") };
    let compare = status.map(|text| Link { text: text.into(), href: Query { group: Some(group.id.clone()), ..Query::view(View::Conflicts) }.href() });
    Some(Shared {
        here: Link { text: format!("{} ({})", here.text, here.interval), href: article_link(corpus, id, here.span, position_query).href },
        others: others(corpus, id, members, position_query),
        compare,
    })
}

fn shared_entity(corpus: &Corpus, entity: &CorpusEntity, id: &str) -> Option<Shared> {
    if entity.articles.len() < 2 {
        return None;
    }
    let here = first_mention(entity, id)?;
    let firsts = entity.articles.iter().filter_map(|article| Some((article.as_str(), first_mention(entity, article)?, None)));
    Some(Shared {
        here: Link { text: entity.name.clone(), href: article_link(corpus, id, here, position_query).href },
        others: others(corpus, id, firsts, position_query),
        compare: Some(Link { text: "Entity page".into(), href: entities::entity_query(&entity.id, entity.kind).href() }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraph_cases() {
        let cases: [(&str, &str, Vec<&str>); 4] = [
            ("blank lines between", "One.\n\nTwo.", vec!["One.", "Two."]),
            ("single newlines and indents", " date x\nA b.\r\n  C.  \n", vec!["date x", "A b.", "C."]),
            ("empty text", "", vec![]),
            ("multibyte text", "Élysée “yes”\n\nKyiv", vec!["Élysée “yes”", "Kyiv"]),
        ];
        for (name, text, expected) in cases {
            let found: Vec<&str> = paragraphs(text).iter().map(|s| s.text(text)).collect();
            assert_eq!(found, expected, "{name}");
        }
    }

    #[test]
    fn offsets_convert_both_ways() {
        let text = "Élysée “yes” ok";
        let ok = text.find("ok").unwrap();
        assert_eq!(char_offset(text, ok), 13, "bytes before count as chars");
        assert_eq!(char_offset(text, 1), 1, "inside a char: the char counts");
        assert_eq!(byte_offset(text, 13), Some(ok), "and back");
        assert_eq!(char_offset(text, text.len() + 9), text.chars().count(), "clamped past the end");
        assert_eq!(byte_offset(text, 99), None, "past the end");
    }

    #[test]
    fn target_cases() {
        let text = "Macron met Scholz in Paris.";
        let name = |start: usize, end: usize| Mark::new(Span::new(start, end), "hl", "name");
        let targeted = |marks: &[Mark]| marks.iter().filter(|m| m.target).map(|m| m.span.text(text).to_string()).collect::<Vec<_>>();
        let cases: Vec<(&str, Vec<Mark>, usize, Vec<&str>)> = vec![
            ("a mark starting there", vec![name(11, 17)], 11, vec!["Scholz"]),
            ("the longest of two", vec![name(0, 6), name(0, 17)], 0, vec!["Macron met Scholz"]),
            ("else the word there", vec![name(0, 6)], 7, vec!["met"]),
            ("the last word", vec![], 21, vec!["Paris."]),
            ("a space is one character", vec![], 6, vec![" "]),
            ("past the end, nothing", vec![], text.len(), vec![]),
        ];
        for (name, mut marks, byte, expected) in cases {
            mark_target(&mut marks, text, byte);
            assert_eq!(targeted(&marks), expected, "{name}");
        }
    }

    #[test]
    fn toggle_cases() {
        let only = |kinds: &[EntityKind]| Query { types: kinds.to_vec(), ..Query::article("a") };
        use EntityKind::*;
        let cases = [
            ("hiding one of all", only(&[]), Person, only(&[Organization, Location, Misc])),
            ("showing a hidden one", only(&[Person]), Location, only(&[Person, Location])),
            ("showing the last hidden one clears the filter", only(&[Person, Organization, Location]), Misc, only(&[])),
            ("hiding the last shown one shows all", only(&[Person]), Person, only(&[])),
        ];
        for (name, query, kind, expected) in cases {
            assert_eq!(with_kind_toggled(&query, kind), expected, "{name}");
        }
    }

    fn corpus() -> Corpus {
        use triangulate_core::article::parse_article;
        let files: [(&str, &str); 2] = [
            (
                "one.txt",
                "Emmanuel Macron met Keir Starmer in Paris. “We are ready to provide security guarantees to Ukraine and the Ukrainians,” Macron said. Giorgia Meloni stayed in Rome.",
            ),
            ("two.txt", "Emmanuel Macron said: “We Europeans are ready to offer security guarantees to Ukraine and the Ukrainians.” Some 26 countries met in Paris."),
        ];
        Corpus::from_articles(files.iter().map(|(name, text)| parse_article(name, text.as_bytes()).expect("valid article")).collect())
    }

    #[test]
    fn coverage_alone_cases() {
        let corpus = corpus();
        let one = coverage(&corpus, &corpus.documents[0]);
        let two = coverage(&corpus, &corpus.documents[1]);
        let texts = |links: &[Link]| links.iter().map(|l| l.text.clone()).collect::<Vec<_>>();
        let cases: [(&str, Vec<String>, &[&str]); 5] = [
            ("names only one article gives, in text order", texts(&one.entities), &["Keir Starmer (person)", "Giorgia Meloni (person)", "Rome (place)"]),
            ("a statement both report is not alone", texts(&one.quotes), &[]),
            ("a figure only one article gives", texts(&two.claims), &["Some 26 countries"]),
            ("shared names are not alone", texts(&two.entities), &["Europeans (other)"]),
            ("no figures", texts(&one.claims), &[]),
        ];
        for (name, found, expected) in cases {
            assert_eq!(found, expected, "{name}");
        }
        let hrefs = one.entities.iter().map(|l| l.href.as_str());
        assert!(hrefs.clone().all(|h| h.starts_with("?article=one&at=")), "each links to its position: {:?}", hrefs.collect::<Vec<_>>());
    }

    #[test]
    fn coverage_shared_cases() {
        let corpus = corpus();
        let one = coverage(&corpus, &corpus.documents[0]);
        let [quote] = one.shared_quotes.as_slice() else { panic!("one shared statement: {:?}", one.shared_quotes) };
        assert_eq!(quote.here.href, "?article=one&at=43", "here: at the opening quote mark");
        assert_eq!(quote.others, [Link { text: corpus.documents[1].article.title.clone(), href: "?article=two&at=22".into() }], "the other article, at its quote");
        assert_eq!(quote.compare.as_ref().map(|l| l.href.as_str()), Some(quotes::group_query(&corpus.analysis.quote_groups[0].id).href().as_str()));
        let macron = one.shared_entities.iter().find(|s| s.here.text == "Emmanuel Macron").expect("Macron is in both");
        assert_eq!((macron.here.href.as_str(), macron.others[0].href.as_str()), ("?article=one&at=0", "?article=two&at=0"), "first mentions");
        assert_eq!(macron.compare.as_ref().map(|l| l.text.as_str()), Some("Entity page"));
        assert!(one.shared_claims.is_empty(), "no figure in common");
        let outside = triangulate_core::article::parse_article("three.txt", b"Nothing here.").expect("valid article");
        assert_eq!(coverage(&corpus, &Document::new(outside)), Coverage::default(), "an article outside the analysis");
    }
}
