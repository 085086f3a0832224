//! People, organizations and places across the corpus: table rows, entity pages, reader marks.
//!
//! Everything here reads the corpus entities of the cross-article analysis (`Analysis::entities`),
//! where each article's entities are merged (Zelensky / Zelenskyy) with the reason for each merge.
//! Ids in URLs (`entity=`, `speaker=`) are corpus entity ids.

use crate::components::highlight::Mark;
use crate::corpus::Corpus;
use crate::model::reader::position_query;
use crate::components::export::Table;
use crate::query::{Query, Sort, SortKey, View};
use triangulate_core::fold::fold;
use triangulate_core::analysis::{CorpusEntity, Merge};
use triangulate_core::ner::EntityKind;
use triangulate_core::{Document, Span};

/// The type as a word for labels ("person").
pub fn kind_noun(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Location => "place",
        EntityKind::Misc => "other",
    }
}

/// The type as a heading or tab ("People").
pub fn kind_title(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "People",
        EntityKind::Organization => "Organizations",
        EntityKind::Location => "Places",
        EntityKind::Misc => "Other",
    }
}

/// The CSS class carrying the type's colour (`hl-per`).
pub fn kind_class(kind: EntityKind) -> String {
    format!("hl-{}", kind.label().to_lowercase())
}

/// The entity's roles without those another role states more fully ("President" beside
/// "President, Ukraine"), most specific first.
pub fn specific_roles(entity: &CorpusEntity) -> Vec<String> {
    let covered = |role: &String| entity.roles.iter().any(|other| other.strip_prefix(role.as_str()).is_some_and(|rest| rest.starts_with(',')));
    let mut roles: Vec<String> = entity.roles.iter().filter(|r| !covered(r)).cloned().collect();
    roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
    roles
}

/// "Emmanuel Macron — President, France (person)": what hovering or focusing a mention tells.
pub fn entity_label(entity: &CorpusEntity) -> String {
    let kind = kind_noun(entity.kind);
    match specific_roles(entity).first() {
        Some(role) => format!("{} — {role} ({kind})", entity.name),
        None => format!("{} ({kind})", entity.name),
    }
}

/// The entity page, within its type's tab.
pub fn entity_query(id: &str, kind: EntityKind) -> Query {
    Query { entity: Some(id.to_string()), types: vec![kind], ..Query::view(View::Entities) }
}

/// The corpus entity that an article's own entity (`Entity::id`, as a quote's speaker names it)
/// was merged into.
pub fn corpus_entity_of<'c>(corpus: &'c Corpus, document: &Document, local_id: &str) -> Option<&'c CorpusEntity> {
    let local = document.extraction.entities.iter().find(|e| e.id == local_id)?;
    let first = *local.mentions.first()?;
    corpus.entity_at(&document.article.id, first)
}

/// Reader marks for every mention of the entity types `query` shows, linking to the entity page.
pub fn mention_marks(corpus: &Corpus, document: &Document, query: &Query) -> Vec<Mark> {
    let article = &document.article.id;
    corpus
        .analysis
        .entities
        .iter()
        .filter(|entity| query.shows_kind(entity.kind))
        .flat_map(|entity| {
            let class = format!("hl {}", kind_class(entity.kind));
            let label = entity_label(entity);
            let href = entity_query(&entity.id, entity.kind).href();
            entity
                .mentions
                .iter()
                .filter(move |m| m.article == *article)
                .map(move |m| Mark::new(m.span, class.clone(), label.clone()).with_href(href.clone()))
        })
        .collect()
}

/// One entity of the corpus as a table row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRow {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub role: Option<String>,
    pub total: usize,
    /// How many articles mention the entity.
    pub articles: usize,
    /// Mentions in each document, in corpus order; empty beyond [`PER_ARTICLE_COLUMNS`] articles.
    pub per_article: Vec<usize>,
}

/// The entity's mentions per document, in corpus order, for corpora small enough to show them.
fn per_article_counts(corpus: &Corpus, entity: &CorpusEntity) -> Vec<usize> {
    if corpus.documents.len() > PER_ARTICLE_COLUMNS {
        return Vec::new();
    }
    corpus.documents.iter().map(|d| entity.mentions.iter().filter(|m| m.article == d.article.id).count()).collect()
}

impl EntityRow {
    pub fn href(&self) -> String {
        entity_query(&self.id, self.kind).href()
    }
}

/// Up to this many articles the table has a count column per article; beyond, one "articles" column.
pub const PER_ARTICLE_COLUMNS: usize = 12;

/// Columns the entities table can be sorted by.
pub const SORTABLE: [SortKey; 2] = [SortKey::Name, SortKey::Mentions];

/// Every entity of the types `query` shows, in the query's order (`sort=name`, `sort=-mentions`…);
/// by default most mentioned first, then by name.
pub fn entity_rows(corpus: &Corpus, query: &Query) -> Vec<EntityRow> {
    let mut rows: Vec<(String, EntityRow)> = corpus
        .analysis
        .entities
        .iter()
        .filter(|entity| query.shows_kind(entity.kind))
        .map(|entity| EntityRow {
            id: entity.id.clone(),
            kind: entity.kind,
            name: entity.name.clone(),
            role: specific_roles(entity).into_iter().next(),
            total: entity.mentions.len(),
            articles: entity.articles.len(),
            per_article: per_article_counts(corpus, entity),
        })
        // Names folded once per row, not per comparison: thousands of entities tie on one mention.
        .map(|row| (fold(&row.name), row))
        .collect();
    let sort = query.sort.filter(|s| SORTABLE.contains(&s.key)).unwrap_or(Sort { key: SortKey::Mentions, descending: true });
    rows.sort_by(|(a_name, a), (b_name, b)| {
        let order = match sort.key {
            SortKey::Name => a_name.cmp(b_name),
            _ => a.total.cmp(&b.total),
        };
        let order = if sort.descending { order.reverse() } else { order };
        order.then_with(|| a_name.cmp(b_name))
    });
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The rows with the table's columns, for export: a count column per article in small corpora.
pub fn entity_table(corpus: &Corpus, rows: &[EntityRow]) -> Table {
    let mut headers = vec!["entity".to_string(), "type".into(), "role".into(), "mentions".into(), "articles".into()];
    if corpus.documents.len() <= PER_ARTICLE_COLUMNS {
        headers.extend(corpus.documents.iter().map(|d| format!("mentions in {}", d.article.title)));
    }
    let rows = rows.iter().map(|row| {
        let role = row.role.clone().unwrap_or_default();
        let fixed = [row.name.clone(), row.kind.label().to_string(), role, row.total.to_string(), row.articles.to_string()];
        fixed.into_iter().chain(row.per_article.iter().map(usize::to_string)).collect()
    });
    Table { headers, rows: rows.collect() }
}

/// One mention shown in its sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionContext {
    pub article_title: String,
    pub sentence: String,
    /// The mention, relative to `sentence`.
    pub mark: Mark,
    /// The reader at this mention.
    pub href: String,
}

/// An entity's page: who or what it is, how the articles write it, why spellings were merged, and
/// every mention in context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityDetail {
    pub kind: EntityKind,
    pub name: String,
    pub roles: Vec<String>,
    pub aliases: Vec<String>,
    pub merges: Vec<Merge>,
    pub mentions: Vec<MentionContext>,
}

/// The corpus entity `id`; `None` when there is none.
pub fn entity_detail(corpus: &Corpus, id: &str) -> Option<EntityDetail> {
    let entity = corpus.analysis.entities.iter().find(|e| e.id == id)?;
    let class = format!("hl {}", kind_class(entity.kind));
    let mentions = entity
        .mentions
        .iter()
        .filter_map(|mention| {
            let document = corpus.document(&mention.article)?;
            let sentence = enclosing_sentence(document, mention.span);
            let text = &document.article.text;
            Some(MentionContext {
                article_title: document.article.title.clone(),
                sentence: sentence.text(text).to_string(),
                mark: Mark::new(mention.span, class.clone(), entity.name.clone()).within(sentence)?,
                href: position_query(document, mention.span).href(),
            })
        })
        .collect();
    Some(EntityDetail {
        kind: entity.kind,
        name: entity.name.clone(),
        roles: specific_roles(entity),
        aliases: entity.aliases.clone(),
        merges: entity.merges.clone(),
        mentions,
    })
}

/// The sentence holding `span`, or the span itself when the segmenter left it out.
fn enclosing_sentence(document: &Document, span: Span) -> Span {
    document.extraction.sentences.iter().copied().find(|s| s.contains(span)).unwrap_or(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::article::parse_article;

    fn corpus() -> Corpus {
        let files: [(&str, &[u8]); 2] = [
            ("one.txt", "French President Emmanuel Macron met Volodymyr Zelensky in Paris. Macron said no.".as_bytes()),
            ("two.txt", "Volodymyr Zelenskyy spoke in Paris on Tuesday. Paris was calm.".as_bytes()),
        ];
        Corpus::from_articles(files.iter().map(|(name, bytes)| parse_article(name, bytes).expect("valid article")).collect())
    }

    fn row<'r>(rows: &'r [EntityRow], id: &str) -> &'r EntityRow {
        rows.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no row {id} in {rows:?}"))
    }

    #[test]
    fn rows_cases() {
        let corpus = corpus();
        let all = entity_rows(&corpus, &Query::view(View::Entities));
        let paris = row(&all, "loc-paris");
        assert_eq!((paris.total, paris.per_article.clone()), (3, vec![1, 2]), "places add up across articles");
        assert_eq!(row(&all, "per-volodymyr-zelensky").per_article, vec![1, 1], "spellings merged across articles");
        assert_eq!(row(&all, "per-emmanuel-macron").role.as_deref(), Some("President, France"), "role kept");
        assert!(all.windows(2).all(|w| w[0].total >= w[1].total), "most mentioned first: {all:?}");

        let people = entity_rows(&corpus, &entity_query("x", EntityKind::Person));
        assert!(people.iter().all(|r| r.kind == EntityKind::Person) && !people.is_empty(), "type filter: {people:?}");
        assert_eq!(people[0].href(), "?view=entities&entity=per-emmanuel-macron&type=PER", "links to the entity");
    }

    #[test]
    fn sort_cases() {
        let corpus = corpus();
        let names = |sort: Option<Sort>| -> Vec<String> {
            entity_rows(&corpus, &Query { sort, ..Query::view(View::Entities) }).into_iter().map(|r| r.name).collect()
        };
        let by = |key, descending| Some(Sort { key, descending });
        let by_name = names(by(SortKey::Name, false));
        assert!(by_name.windows(2).all(|w| fold(&w[0]) <= fold(&w[1])), "sort=name: {by_name:?}");
        let mut reversed = names(by(SortKey::Name, true));
        reversed.reverse();
        assert_eq!(reversed, by_name, "sort=-name reverses it");
        assert_eq!(names(by(SortKey::Mentions, true)), names(None), "most mentioned first by default");
        let fewest_first = entity_rows(&corpus, &Query { sort: by(SortKey::Mentions, false), ..Query::view(View::Entities) });
        assert!(fewest_first.windows(2).all(|w| (w[0].total, fold(&w[0].name)) <= (w[1].total, fold(&w[1].name))), "sort=mentions: fewest first, ties by name: {fewest_first:?}");
        assert_eq!(names(by(SortKey::Value, false)), names(None), "a key the table lacks keeps the default");
    }

    #[test]
    fn export_has_the_shown_columns() {
        let corpus = corpus();
        let rows = entity_rows(&corpus, &Query { types: vec![EntityKind::Location], ..Query::view(View::Entities) });
        let table = entity_table(&corpus, &rows);
        let titles: Vec<String> = corpus.documents.iter().map(|d| format!("mentions in {}", d.article.title)).collect();
        assert_eq!(table.headers[..5], ["entity", "type", "role", "mentions", "articles"]);
        assert_eq!(table.headers[5..], titles, "a column per article, named by its title");
        assert_eq!(table.rows, vec![vec!["Paris", "LOC", "", "3", "2", "1", "2"]]);

        let many: Vec<_> = (0..=PER_ARTICLE_COLUMNS)
            .map(|i| parse_article(&format!("a{i}.txt"), b"Talks in Paris.").expect("valid article"))
            .collect();
        let large = Corpus::from_articles(many);
        let table = entity_table(&large, &entity_rows(&large, &Query::view(View::Entities)));
        assert_eq!(table.headers, ["entity", "type", "role", "mentions", "articles"], "no column per article in a large corpus");
        assert_eq!(table.rows[0][3..], ["13", "13"]);
    }

    #[test]
    fn detail_cases() {
        let corpus = corpus();
        let paris = entity_detail(&corpus, "loc-paris").expect("Paris is found");
        assert_eq!(paris.mentions.len(), 3, "every mention");
        let first = &paris.mentions[0];
        assert_eq!(first.sentence, "French President Emmanuel Macron met Volodymyr Zelensky in Paris.", "in its sentence");
        assert_eq!(first.mark.span.text(&first.sentence), "Paris", "mention marked within the sentence");
        assert_eq!(first.href, "?article=one&at=59", "links to the reader position (chars)");
        assert_eq!(paris.mentions[2].sentence, "Paris was calm.", "second sentence of the second article");

        let zelensky = entity_detail(&corpus, "per-volodymyr-zelensky").expect("Zelensky is found");
        assert!(zelensky.aliases.contains(&"Volodymyr Zelenskyy".to_string()), "aliases: {:?}", zelensky.aliases);
        assert!(!zelensky.merges.is_empty(), "the merge is explained");
        assert_eq!(entity_detail(&corpus, "per-nobody"), None, "unknown id");
    }

    #[test]
    fn marks_and_labels() {
        let corpus = corpus();
        let all = Query::article("one");
        let labels: Vec<String> = mention_marks(&corpus, &corpus.documents[0], &all).into_iter().filter_map(|m| m.label).collect();
        assert!(labels.contains(&"Emmanuel Macron — President, France (person)".to_string()), "with role: {labels:?}");
        assert!(labels.contains(&"Paris (place)".to_string()), "without role: {labels:?}");
        let places_only = Query { types: vec![EntityKind::Location], ..all };
        let marks = mention_marks(&corpus, &corpus.documents[0], &places_only);
        assert!(marks.iter().all(|m| m.class == "hl hl-loc") && marks.len() == 1, "type filter: {marks:?}");
    }

    #[test]
    fn roles_cases() {
        let corpus = corpus();
        let with_roles = |roles: &[&str]| CorpusEntity { roles: roles.iter().map(|r| r.to_string()).collect(), ..corpus.analysis.entities[0].clone() };
        let cases: [(&str, &[&str], &[&str]); 3] = [
            ("a fuller role covers a bare one", &["President", "President, Ukraine"], &["President, Ukraine"]),
            ("different roles stay, longest first", &["Envoy", "Prime Minister, Poland"], &["Prime Minister, Poland", "Envoy"]),
            ("a longer word is not a fuller role", &["Minister", "Minister-President"], &["Minister-President", "Minister"]),
        ];
        for (name, roles, expected) in cases {
            assert_eq!(specific_roles(&with_roles(roles)), expected, "{name}");
        }
    }

    #[test]
    fn local_ids_map_to_corpus_entities() {
        let corpus = corpus();
        let second = &corpus.documents[1];
        let merged = corpus_entity_of(&corpus, second, "per-volodymyr-zelenskyy").map(|e| e.id.as_str());
        assert_eq!(merged, Some("per-volodymyr-zelensky"), "a spelling maps to the merged entity");
        assert_eq!(corpus_entity_of(&corpus, second, "per-nobody").map(|e| e.id.as_str()), None, "unknown local id");
    }
}
