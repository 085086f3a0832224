//! Quotations and reported speech across the corpus: table rows, filter choices, reader marks, and
//! the statements several articles report (the analysis' quote groups) with their word diffs.
//! Quoted terms (scare quotes) are not speech and are left out of the rows and marks; a group may
//! still hold one, when an article quotes the words without saying who spoke.

use crate::components::highlight::Mark;
use crate::corpus::Corpus;
use crate::model::entities::{corpus_entity_of, specific_roles};
use crate::model::reader::position_query;
use crate::query::{Query, QuoteKindFilter, View};
use std::collections::HashMap;
use triangulate_core::analysis::{wdiff, Change, DiffSegment, QuoteGroup, QuoteMember};
use triangulate_core::quotes::{Quote, QuoteKind};
use triangulate_core::{Document, Span};

/// The quote's words as highlighted: a direct quote with its marks, reported speech as is.
fn shown_span(quote: &Quote) -> Span {
    match quote.kind {
        QuoteKind::Direct => quote.outer,
        QuoteKind::Indirect | QuoteKind::Term => quote.span,
    }
}

/// The reader at the highlighted quote containing `span` (so the outline encloses the whole
/// quote), else at `span`.
pub fn quote_position(document: &Document, span: Span) -> Query {
    let shown = document.extraction.quotes.iter().map(shown_span).find(|s| s.contains(span)).unwrap_or(span);
    position_query(document, shown)
}

fn kind_filter(kind: QuoteKind) -> Option<QuoteKindFilter> {
    match kind {
        QuoteKind::Direct => Some(QuoteKindFilter::Direct),
        QuoteKind::Indirect => Some(QuoteKindFilter::Indirect),
        QuoteKind::Term => None,
    }
}

/// Who said it: the merged corpus entity when the speaker was resolved to one, else the name as
/// the text gives it.
struct SpeakerInfo {
    /// "Volodymyr Zelensky (President, Ukraine)".
    text: String,
    /// The corpus entity id.
    id: Option<String>,
}

fn speaker_info(corpus: &Corpus, document: &Document, quote: &Quote) -> Option<SpeakerInfo> {
    let speaker = quote.speaker.as_ref()?;
    let entity = speaker.entity.as_deref().and_then(|local| corpus_entity_of(corpus, document, local));
    let Some(entity) = entity else {
        return Some(SpeakerInfo { text: speaker.name.clone(), id: None });
    };
    let text = match specific_roles(entity).first() {
        Some(role) => format!("{} ({role})", entity.name),
        None => entity.name.clone(),
    };
    Some(SpeakerInfo { text, id: Some(entity.id.clone()) })
}

/// Reader marks for every direct and reported quote.
pub fn quote_marks(corpus: &Corpus, document: &Document) -> Vec<Mark> {
    speech(document)
        .map(|(quote, kind)| {
            let who = speaker_info(corpus, document, quote).map_or_else(|| "speaker not identified".into(), |s| s.text);
            Mark::new(shown_span(quote), format!("hl hl-quote hl-{}", kind.name()), format!("{} quote — {who}", capitalized(kind)))
        })
        .collect()
}

fn capitalized(kind: QuoteKindFilter) -> &'static str {
    match kind {
        QuoteKindFilter::Direct => "Direct",
        QuoteKindFilter::Indirect => "Indirect",
    }
}

/// The document's quotes that are speech, with their kind.
fn speech(document: &Document) -> impl Iterator<Item = (&Quote, QuoteKindFilter)> {
    document.extraction.quotes.iter().filter_map(|q| kind_filter(q.kind).map(|kind| (q, kind)))
}

/// How many quotes of `document` the quotes view lists (without building their rows).
pub fn speech_count(document: &Document) -> usize {
    speech(document).count()
}

/// One quote as a row of the quotes view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteRow {
    pub kind: QuoteKindFilter,
    /// The words, with quote marks for a direct quote.
    pub text: String,
    /// Speaker with role, when the text names one.
    pub speaker: Option<String>,
    /// The speaker's entity id, for the speaker filter link.
    pub speaker_id: Option<String>,
    pub venue: Option<String>,
    /// Reported speech that quotes some words directly.
    pub mixed: bool,
    /// The second half of a split quote, or a further paragraph of one.
    pub continues_previous: bool,
    pub article_id: String,
    pub article_title: String,
    /// The reader at this quote.
    pub href: String,
    /// The statement group when other articles report it too.
    pub group: Option<GroupLink>,
}

impl QuoteRow {
    /// Cells in [`ROW_HEADERS`] order, for export.
    pub fn cells(&self) -> Vec<String> {
        let group = self.group.as_ref().map_or(String::new(), |g| g.id.clone());
        vec![self.kind.name().into(), self.speaker.clone().unwrap_or_default(), self.text.clone(), self.article_id.clone(), group]
    }
}

/// Export column names, matching [`QuoteRow::cells`].
pub const ROW_HEADERS: [&str; 5] = ["kind", "speaker", "text", "article", "group"];

/// A quote's statement group, as a row links to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupLink {
    pub id: String,
    /// How many articles report the statement.
    pub articles: usize,
    pub href: String,
}

/// The quotes view with one statement group open.
pub fn group_query(id: &str) -> Query {
    Query { group: Some(id.to_string()), ..Query::view(View::Quotes) }
}

/// Every quote passing the query's `speaker`, `article` and `kind` filters, in corpus order.
pub fn quote_rows(corpus: &Corpus, query: &Query) -> Vec<QuoteRow> {
    let mut rows = Vec::new();
    let documents = corpus.documents.iter().filter(|d| query.article.as_ref().is_none_or(|id| *id == d.article.id));
    for document in documents {
        for (quote, kind) in speech(document).filter(|(_, kind)| query.quote_kind.is_none_or(|wanted| wanted == *kind)) {
            let speaker = speaker_info(corpus, document, quote);
            let speaker_id = speaker.as_ref().and_then(|s| s.id.clone());
            if query.speaker.is_some() && speaker_id != query.speaker {
                continue;
            }
            let span = shown_span(quote);
            let group = corpus
                .quote_group_within(&document.article.id, span)
                .map(|g| GroupLink { id: g.id.clone(), articles: g.articles.len(), href: group_query(&g.id).href() });
            rows.push(QuoteRow {
                kind,
                text: span.text(&document.article.text).to_string(),
                speaker: speaker.map(|s| s.text),
                speaker_id,
                venue: quote.venue.clone(),
                mixed: quote.mixed,
                continues_previous: quote.continues_previous,
                article_id: document.article.id.clone(),
                article_title: document.article.title.clone(),
                href: position_query(document, span).href(),
                group,
            });
        }
    }
    rows
}

/// A choice in a filter select: the value, its label, and how many quotes it has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub count: usize,
}

/// Speakers resolved to a corpus entity, most quoted first.
pub fn speaker_choices(corpus: &Corpus) -> Vec<Choice> {
    let mut choices: Vec<Choice> = Vec::new();
    // Entity id → its choice, so that thousands of speakers are not each compared with every other.
    let mut position: HashMap<&str, usize> = HashMap::new();
    for document in &corpus.documents {
        for (quote, _) in speech(document) {
            let local_id = quote.speaker.as_ref().and_then(|s| s.entity.as_deref());
            let Some(entity) = local_id.and_then(|id| corpus_entity_of(corpus, document, id)) else { continue };
            let at = *position.entry(&entity.id).or_insert_with(|| {
                choices.push(Choice { value: entity.id.clone(), label: entity.name.clone(), count: 0 });
                choices.len() - 1
            });
            choices[at].count += 1;
        }
    }
    choices.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    choices
}

/// Articles with how many quotes each has, in corpus order.
pub fn article_choices(corpus: &Corpus) -> Vec<Choice> {
    corpus
        .documents
        .iter()
        .map(|d| Choice { value: d.article.id.clone(), label: d.article.title.clone(), count: speech(d).count() })
        .collect()
}

/// The quotes view with `query`'s filters (speaker, article, kind, `min`) and no group open.
pub fn filters_of(query: &Query) -> Query {
    Query {
        speaker: query.speaker.clone(),
        article: query.article.clone(),
        quote_kind: query.quote_kind,
        min_weight: query.min_weight,
        ..Query::view(View::Quotes)
    }
}

/// Whether the view shows statement groups rather than single quotes: one group is open, or the
/// `min` filter asks for statements several articles report.
pub fn shows_groups(query: &Query) -> bool {
    query.group.is_some() || query.min_articles() > 1
}

/// One statement as several articles report it.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupCard {
    pub id: String,
    pub speaker: Option<String>,
    pub speaker_id: Option<String>,
    /// The lowest similarity of a member to the first, in percent.
    pub similarity: u32,
    pub articles: usize,
    /// The first is the reference the others' diffs start from.
    pub members: Vec<MemberRow>,
    pub href: String,
}

/// One article's report of a grouped statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberRow {
    pub article_id: String,
    pub article_title: String,
    /// "direct", "indirect" or "quoted words".
    pub kind: &'static str,
    /// The speaker as this article names them.
    pub speaker: Option<String>,
    pub text: String,
    /// Similarity to the reference, in percent.
    pub similarity: u32,
    /// From the reference's words to these; empty for the reference.
    pub diff: Vec<DiffSegment>,
    /// The reader at this quote.
    pub href: String,
}

impl MemberRow {
    /// The diff in wdiff notation, `[-removed-]{+added+}`, context in full, for export.
    pub fn changes(&self) -> String {
        wdiff(&self.diff)
    }

    /// The diff as shown: context without its edge spaces (it is set apart), the reference's
    /// shortened too, as the reference is shown in full above and this report does not quote it.
    pub fn shown_diff(&self) -> Vec<DiffSegment> {
        self.diff
            .iter()
            .map(|segment| match segment.change {
                Change::ReferenceContext => DiffSegment { change: segment.change, text: elided(&segment.text) },
                Change::MemberContext => DiffSegment { change: segment.change, text: segment.text.trim().to_string() },
                Change::Same | Change::Added | Change::Removed => segment.clone(),
            })
            .collect()
    }
}

/// Words of context shown at most: half from its start, half from its end.
const CONTEXT_WORDS: usize = 10;

/// `text` cut to its first and last words around a "…", when it is longer than [`CONTEXT_WORDS`].
fn elided(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= CONTEXT_WORDS {
        return words.join(" ");
    }
    let half = CONTEXT_WORDS / 2;
    format!("{} … {}", words[..half].join(" "), words[words.len() - half..].join(" "))
}

impl GroupCard {
    /// One export row per member, cells in [`GROUP_HEADERS`] order.
    pub fn rows(&self) -> Vec<Vec<String>> {
        self.members
            .iter()
            .map(|m| {
                vec![
                    self.id.clone(),
                    self.speaker.clone().unwrap_or_default(),
                    self.similarity.to_string(),
                    m.article_id.clone(),
                    m.kind.to_string(),
                    m.similarity.to_string(),
                    m.text.clone(),
                    m.changes(),
                ]
            })
            .collect()
    }
}

/// Export column names, matching [`GroupCard::rows`]; similarities in percent.
pub const GROUP_HEADERS: [&str; 8] = ["group", "speaker", "group_similarity", "article", "kind", "similarity", "text", "changes"];

fn percent(similarity: f64) -> u32 {
    (similarity * 100.0).round() as u32
}

fn kind_label(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Indirect => "indirect",
        QuoteKind::Term => "quoted words",
    }
}

/// The open group, or the groups passing the speaker, article, kind and `min` filters (a group
/// passes the article and kind filters when any member does), most widely reported first.
pub fn group_cards(corpus: &Corpus, query: &Query) -> Vec<GroupCard> {
    corpus.analysis.quote_groups.iter().filter(|g| shows_group(g, query)).map(|g| group_card(corpus, g)).collect()
}

fn shows_group(group: &QuoteGroup, query: &Query) -> bool {
    if let Some(id) = &query.group {
        return group.id == *id;
    }
    let kind_passes = |m: &QuoteMember| query.quote_kind.is_none_or(|wanted| kind_filter(m.kind) == Some(wanted));
    group.articles.len() >= query.min_articles()
        && query.speaker.as_ref().is_none_or(|id| group.speaker.as_ref() == Some(id))
        && query.article.as_ref().is_none_or(|id| group.articles.contains(id))
        && group.members.iter().any(kind_passes)
}

fn group_card(corpus: &Corpus, group: &QuoteGroup) -> GroupCard {
    let members = group
        .members
        .iter()
        .map(|m| MemberRow {
            article_id: m.article.clone(),
            article_title: corpus.title(&m.article).to_string(),
            kind: kind_label(m.kind),
            speaker: m.speaker.clone(),
            text: m.text.clone(),
            similarity: percent(m.similarity),
            diff: m.diff.clone(),
            href: corpus.document(&m.article).map_or_else(|| Query::article(&m.article), |d| quote_position(d, m.span)).href(),
        })
        .collect();
    GroupCard {
        id: group.id.clone(),
        speaker: group.speaker_name.clone(),
        speaker_id: group.speaker.clone(),
        similarity: percent(group.similarity),
        articles: group.articles.len(),
        members,
        href: group_query(&group.id).href(),
    }
}

/// Groups of one speaker (`None`: not identified), under a heading of their own.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerGroups {
    pub speaker: Option<String>,
    pub speaker_id: Option<String>,
    pub groups: Vec<GroupCard>,
}

/// `cards` per speaker, speakers by name and the unidentified last; within one speaker the
/// cards keep their order.
pub fn by_speaker(cards: Vec<GroupCard>) -> Vec<SpeakerGroups> {
    let mut speakers: Vec<SpeakerGroups> = Vec::new();
    for card in cards {
        match speakers.iter_mut().find(|s| s.speaker == card.speaker) {
            Some(speaker) => speaker.groups.push(card),
            None => speakers.push(SpeakerGroups { speaker: card.speaker.clone(), speaker_id: card.speaker_id.clone(), groups: vec![card] }),
        }
    }
    speakers.sort_by(|a, b| a.speaker.is_none().cmp(&b.speaker.is_none()).then_with(|| a.speaker.cmp(&b.speaker)));
    speakers
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::analysis::word_diff;
    use triangulate_core::article::parse_article;

    fn corpus() -> Corpus {
        let files: [(&str, &[u8]); 2] = [
            (
                "one.txt",
                "French President Emmanuel Macron spoke in Paris. “We are ready,” Macron said. Macron said that the talks would go on.".as_bytes(),
            ),
            ("two.txt", "The summit ended. Olaf Scholz told reporters: “Nothing is settled.” It was a so-called “deal”.".as_bytes()),
        ];
        Corpus::from_articles(files.iter().map(|(name, bytes)| parse_article(name, bytes).expect("valid article")).collect())
    }

    fn texts(rows: &[QuoteRow]) -> Vec<&str> {
        rows.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn filter_cases() {
        let corpus = corpus();
        let all = Query::view(View::Quotes);
        let only = |speaker: Option<&str>, article: Option<&str>, quote_kind| Query {
            speaker: speaker.map(Into::into),
            article: article.map(Into::into),
            quote_kind,
            ..Query::view(View::Quotes)
        };
        let cases: Vec<(&str, Query, Vec<&str>)> = vec![
            ("every quote but terms", all.clone(), vec!["“We are ready,”", "that the talks would go on", "“Nothing is settled.”"]),
            ("direct only", only(None, None, Some(QuoteKindFilter::Direct)), vec!["“We are ready,”", "“Nothing is settled.”"]),
            ("indirect only", only(None, None, Some(QuoteKindFilter::Indirect)), vec!["that the talks would go on"]),
            ("one article", only(None, Some("two"), None), vec!["“Nothing is settled.”"]),
            ("one speaker", only(Some("per-olaf-scholz"), None, None), vec!["“Nothing is settled.”"]),
            ("nothing matches", only(Some("per-olaf-scholz"), Some("one"), None), vec![]),
        ];
        for (name, query, expected) in cases {
            assert_eq!(texts(&quote_rows(&corpus, &query)), expected, "{name}");
        }
    }

    #[test]
    fn row_details() {
        let corpus = corpus();
        let rows = quote_rows(&corpus, &Query::view(View::Quotes));
        assert_eq!(corpus.documents.iter().map(speech_count).sum::<usize>(), rows.len(), "the overview's count is the list's");
        assert_eq!(rows[0].speaker.as_deref(), Some("Emmanuel Macron (President, France)"), "speaker with role");
        assert_eq!(rows[0].speaker_id.as_deref(), Some("per-emmanuel-macron"), "speaker entity");
        assert_eq!(rows[0].href, "?article=one&at=49", "reader position in chars, at the opening mark");
        assert_eq!(rows[2].article_title, corpus.documents[1].article.title, "article named");
        assert_eq!(rows[0].group, None, "no other article reports it");
    }

    /// Two articles report one statement of Macron's, reworded.
    fn shared_corpus() -> Corpus {
        let files: [(&str, &[u8]); 2] = [
            (
                "one.txt",
                "French President Emmanuel Macron spoke in Paris. “We are ready to provide security guarantees to Ukraine and the Ukrainians,” Macron said.".as_bytes(),
            ),
            (
                "two.txt",
                "Emmanuel Macron said: “We Europeans are ready to offer security guarantees to Ukraine and the Ukrainians.” Olaf Scholz said that nothing was settled.".as_bytes(),
            ),
        ];
        Corpus::from_articles(files.iter().map(|(name, bytes)| parse_article(name, bytes).expect("valid article")).collect())
    }

    #[test]
    fn group_filter_cases() {
        let corpus = shared_corpus();
        let [group] = corpus.analysis.quote_groups.as_slice() else { panic!("one shared statement: {:?}", corpus.analysis.quote_groups) };
        let several = |change: fn(&mut Query)| {
            let mut query = Query { min_weight: Some(2), ..Query::view(View::Quotes) };
            change(&mut query);
            query
        };
        let cases: Vec<(&str, Query, bool)> = vec![
            ("reported by several articles", several(|_| {}), true),
            ("reported by three articles", several(|q| q.min_weight = Some(3)), false),
            ("its speaker", several(|q| q.speaker = Some("per-emmanuel-macron".into())), true),
            ("another speaker", several(|q| q.speaker = Some("per-olaf-scholz".into())), false),
            ("an article reporting it", several(|q| q.article = Some("two".into())), true),
            ("a direct member", several(|q| q.quote_kind = Some(QuoteKindFilter::Direct)), true),
            ("no indirect member", several(|q| q.quote_kind = Some(QuoteKindFilter::Indirect)), false),
            ("opened by id, other filters aside", Query { speaker: Some("per-nobody".into()), ..group_query(&group.id) }, true),
            ("an unknown id", group_query("q-nope"), false),
        ];
        for (name, query, shown) in cases {
            let ids: Vec<String> = group_cards(&corpus, &query).into_iter().map(|c| c.id).collect();
            assert_eq!(ids, if shown { vec![group.id.clone()] } else { vec![] }, "{name}");
            assert!(shows_groups(&query), "{name}: groups, not single quotes");
        }
        assert!(!shows_groups(&Query::view(View::Quotes)), "single quotes by default");
    }

    #[test]
    fn group_card_details() {
        let corpus = shared_corpus();
        let card = group_cards(&corpus, &group_query(&corpus.analysis.quote_groups[0].id)).remove(0);
        assert_eq!(card.speaker.as_deref(), Some("Emmanuel Macron"), "speaker");
        assert_eq!(card.articles, 2);
        let [reference, other] = card.members.as_slice() else { panic!("two members: {card:?}") };
        assert_eq!((reference.article_id.as_str(), reference.similarity), ("two", 100), "the longest direct quote is the reference");
        assert!(reference.diff.is_empty(), "the reference has no diff");
        assert_eq!(reference.href, "?article=two&at=22", "reader at the opening mark");
        assert!(other.similarity < 100 && other.similarity == card.similarity, "the lowest similarity is the group's");
        assert_eq!(
            other.changes(),
            "We [-Europeans -]are ready to [-offer -]{+provide +}security guarantees to Ukraine and the Ukrainians",
            "diff from the reference"
        );
        assert_eq!(card.rows()[1][..6], [card.id.clone(), "Emmanuel Macron".into(), card.similarity.to_string(), "one".into(), "direct".into(), other.similarity.to_string()]);
        let row = quote_rows(&corpus, &Query::view(View::Quotes)).remove(0);
        assert_eq!(row.group, Some(GroupLink { id: card.id.clone(), articles: 2, href: card.href.clone() }), "a quote links to its group");
    }

    #[test]
    fn partial_report_shows_the_reference_context_shortened_and_exports_it_whole() {
        let reference = "We Europeans are ready to offer security guarantees to Ukraine and the Ukrainians, together with the Americans and the British";
        let member = MemberRow {
            article_id: "one".into(),
            article_title: "One".into(),
            kind: "direct",
            speaker: None,
            text: "ready to offer security guarantees".into(),
            similarity: 60,
            diff: word_diff(reference, "ready to offer security guarantees"),
            href: String::new(),
        };
        let context: Vec<String> = member.shown_diff().into_iter().filter(|s| s.change == Change::ReferenceContext).map(|s| s.text).collect();
        assert_eq!(context, ["We Europeans are", "to Ukraine and the Ukrainians, … the Americans and the British"], "shown: short context whole, long cut in the middle");
        assert_eq!(
            member.changes(),
            "[…We Europeans are …]ready to offer security guarantees[…to Ukraine and the Ukrainians, together with the Americans and the British…]",
            "exported: the context whole"
        );
    }

    #[test]
    fn speakers_by_name_unidentified_last() {
        let card = |speaker: Option<&str>, id: &str| GroupCard {
            id: id.into(),
            speaker: speaker.map(Into::into),
            speaker_id: None,
            similarity: 100,
            articles: 2,
            members: vec![],
            href: String::new(),
        };
        let speakers = by_speaker(vec![card(None, "a"), card(Some("Zelensky"), "b"), card(Some("Macron"), "c"), card(Some("Zelensky"), "d")]);
        let shape: Vec<(Option<&str>, Vec<&str>)> =
            speakers.iter().map(|s| (s.speaker.as_deref(), s.groups.iter().map(|g| g.id.as_str()).collect())).collect();
        assert_eq!(shape, vec![(Some("Macron"), vec!["c"]), (Some("Zelensky"), vec!["b", "d"]), (None, vec!["a"])]);
    }

    #[test]
    fn choice_cases() {
        let corpus = corpus();
        let speakers = speaker_choices(&corpus);
        assert_eq!(speakers[0], Choice { value: "per-emmanuel-macron".into(), label: "Emmanuel Macron".into(), count: 2 }, "most quoted first");
        let articles: Vec<usize> = article_choices(&corpus).iter().map(|c| c.count).collect();
        assert_eq!(articles, vec![2, 1], "terms not counted");
    }

    #[test]
    fn marks_label_kind_and_speaker() {
        let corpus = corpus();
        let labels: Vec<String> = quote_marks(&corpus, &corpus.documents[1]).into_iter().filter_map(|m| m.label).collect();
        assert_eq!(labels, vec!["Direct quote — Olaf Scholz"], "terms are not marked");
    }
}
