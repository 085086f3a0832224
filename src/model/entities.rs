//! People, organizations and places across the corpus: table rows, mention contexts, reader marks.
//!
//! Entities are aggregated across articles by their per-article id (`Entity::id`, a slug of type
//! and name), so "Zelensky" and "Zelenskyy" stay apart until cross-article merging exists.

use crate::components::highlight::Mark;
use crate::model::reader::position_query;
use crate::query::{Query, View};
use triangulate_core::ner::{Entity, EntityKind};
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

/// "President, France" from role and affiliation, when either is known.
pub fn role_text(entity: &Entity) -> Option<String> {
    match (&entity.role, &entity.affiliation) {
        (Some(role), Some(affiliation)) => Some(format!("{role}, {affiliation}")),
        (Some(only), None) | (None, Some(only)) => Some(only.clone()),
        (None, None) => None,
    }
}

/// "Emmanuel Macron — President, France (person)": what hovering or focusing a mention tells.
pub fn entity_label(entity: &Entity) -> String {
    let kind = kind_noun(entity.kind);
    match role_text(entity) {
        Some(role) => format!("{} — {role} ({kind})", entity.name),
        None => format!("{} ({kind})", entity.name),
    }
}

/// The entity page, within its type's tab.
pub fn entity_query(id: &str, kind: EntityKind) -> Query {
    Query { entity: Some(id.to_string()), types: vec![kind], ..Query::view(View::Entities) }
}

/// Reader marks for every mention of the entity types `query` shows, linking to the entity page.
pub fn mention_marks(document: &Document, query: &Query) -> Vec<Mark> {
    document
        .extraction
        .entities
        .iter()
        .filter(|entity| query.shows_kind(entity.kind))
        .flat_map(|entity| {
            let class = format!("hl {}", kind_class(entity.kind));
            let label = entity_label(entity);
            let href = entity_query(&entity.id, entity.kind).href();
            entity.mentions.iter().map(move |&span| Mark::new(span, class.clone(), label.clone()).with_href(href.clone()))
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
    /// Mentions in each document, in corpus order.
    pub per_article: Vec<usize>,
}

impl EntityRow {
    pub fn href(&self) -> String {
        entity_query(&self.id, self.kind).href()
    }
}

/// Every entity of the types `query` shows, most mentioned first (then by name).
pub fn entity_rows(documents: &[Document], query: &Query) -> Vec<EntityRow> {
    let mut rows: Vec<EntityRow> = Vec::new();
    for (index, document) in documents.iter().enumerate() {
        for entity in document.extraction.entities.iter().filter(|e| query.shows_kind(e.kind)) {
            let position = match rows.iter().position(|row| row.id == entity.id) {
                Some(position) => position,
                None => {
                    rows.push(EntityRow {
                        id: entity.id.clone(),
                        kind: entity.kind,
                        name: entity.name.clone(),
                        role: None,
                        total: 0,
                        per_article: vec![0; documents.len()],
                    });
                    rows.len() - 1
                }
            };
            let row = &mut rows[position];
            row.per_article[index] += entity.mentions.len();
            row.total += entity.mentions.len();
            row.role = row.role.take().or_else(|| role_text(entity));
        }
    }
    rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// One mention shown in its sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentionContext {
    pub article_id: String,
    pub article_title: String,
    pub sentence: String,
    /// The mention, relative to `sentence`.
    pub mark: Mark,
    /// The reader at this mention.
    pub href: String,
}

/// An entity's page: who or what it is, how it is written, and every mention in context.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityDetail {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub role: Option<String>,
    /// Distinct ways the articles write it ("Emmanuel Macron", "Macron").
    pub written_as: Vec<String>,
    pub mentions: Vec<MentionContext>,
}

/// The entity `id` across the corpus; `None` when no article has it.
pub fn entity_detail(documents: &[Document], id: &str) -> Option<EntityDetail> {
    let mut detail: Option<EntityDetail> = None;
    for document in documents {
        let text = &document.article.text;
        for entity in document.extraction.entities.iter().filter(|e| e.id == id) {
            let detail = detail.get_or_insert_with(|| EntityDetail {
                id: id.to_string(),
                kind: entity.kind,
                name: entity.name.clone(),
                role: None,
                written_as: Vec::new(),
                mentions: Vec::new(),
            });
            detail.role = detail.role.take().or_else(|| role_text(entity));
            for &span in &entity.mentions {
                let form = span.text(text).to_string();
                if !detail.written_as.contains(&form) {
                    detail.written_as.push(form);
                }
                let sentence = enclosing_sentence(document, span);
                let Some(mark) = Mark::new(span, format!("hl {}", kind_class(entity.kind)), entity.name.clone()).within(sentence) else {
                    continue;
                };
                detail.mentions.push(MentionContext {
                    article_id: document.article.id.clone(),
                    article_title: document.article.title.clone(),
                    sentence: sentence.text(text).to_string(),
                    mark,
                    href: position_query(document, span).href(),
                });
            }
        }
    }
    detail
}

/// The sentence holding `span`, or the span itself when the segmenter left it out.
fn enclosing_sentence(document: &Document, span: Span) -> Span {
    document.extraction.sentences.iter().copied().find(|s| s.contains(span)).unwrap_or(span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use triangulate_core::article::parse_article;

    fn documents() -> Vec<Document> {
        let files: [(&str, &[u8]); 2] = [
            ("one.txt", "French President Emmanuel Macron met Olaf Scholz in Paris. Macron said no.".as_bytes()),
            ("two.txt", "Macron spoke in Paris on Tuesday. Paris was calm.".as_bytes()),
        ];
        files.iter().map(|(name, bytes)| Document::new(parse_article(name, bytes).expect("valid article"))).collect()
    }

    fn row<'r>(rows: &'r [EntityRow], id: &str) -> &'r EntityRow {
        rows.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no row {id} in {rows:?}"))
    }

    #[test]
    fn rows_cases() {
        let documents = documents();
        let all = entity_rows(&documents, &Query::view(View::Entities));
        let paris = row(&all, "loc-paris");
        assert_eq!((paris.total, paris.per_article.clone()), (3, vec![1, 2]), "places add up across articles");
        assert_eq!(row(&all, "per-emmanuel-macron").role.as_deref(), Some("President, France"), "role kept");
        assert!(all.windows(2).all(|w| w[0].total >= w[1].total), "most mentioned first: {all:?}");

        let people = entity_rows(&documents, &entity_query("x", EntityKind::Person));
        assert!(people.iter().all(|r| r.kind == EntityKind::Person) && !people.is_empty(), "type filter: {people:?}");
        assert_eq!(people[0].href(), "?view=entities&entity=per-emmanuel-macron&type=PER", "links to the entity");
    }

    #[test]
    fn detail_cases() {
        let documents = documents();
        let paris = entity_detail(&documents, "loc-paris").expect("Paris is found");
        assert_eq!(paris.mentions.len(), 3, "every mention");
        let first = &paris.mentions[0];
        assert_eq!(first.sentence, "French President Emmanuel Macron met Olaf Scholz in Paris.", "in its sentence");
        assert_eq!(first.mark.span.text(&first.sentence), "Paris", "mention marked within the sentence");
        assert_eq!(first.href, "?article=one&at=52", "links to the reader position (chars)");
        assert_eq!(paris.mentions[2].sentence, "Paris was calm.", "second sentence of the second article");

        let macron = entity_detail(&documents, "per-emmanuel-macron").expect("Macron is found");
        assert_eq!(macron.written_as, vec!["Emmanuel Macron", "Macron"], "distinct forms");
        assert_eq!(entity_detail(&documents, "per-nobody"), None, "unknown id");
    }

    #[test]
    fn label_cases() {
        let documents = documents();
        let entity = |id: &str| documents[0].extraction.entities.iter().find(|e| e.id == id).expect("entity");
        assert_eq!(entity_label(entity("per-emmanuel-macron")), "Emmanuel Macron — President, France (person)", "with role");
        assert_eq!(entity_label(entity("loc-paris")), "Paris (place)", "without role");
    }
}
