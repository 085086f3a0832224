//! The URL query string as one typed struct: parsed once per navigation, serialized for links.
//! Unknown or malformed parameters fall back to defaults and produce a notice for the user, so a
//! hand-edited or truncated link never breaks the page.

use triangulate_core::ner::EntityKind;

/// Which page of the explorer is shown (`view=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Overview,
    Articles,
    Reader,
    Entities,
    Quotes,
    Claims,
    Timeline,
    Conflicts,
    Compare,
    Search,
    Network,
}

impl View {
    pub const ALL: [View; 11] = [
        View::Overview,
        View::Articles,
        View::Reader,
        View::Entities,
        View::Quotes,
        View::Claims,
        View::Timeline,
        View::Conflicts,
        View::Compare,
        View::Search,
        View::Network,
    ];

    pub fn name(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Articles => "articles",
            View::Reader => "reader",
            View::Entities => "entities",
            View::Quotes => "quotes",
            View::Claims => "claims",
            View::Timeline => "timeline",
            View::Conflicts => "conflicts",
            View::Compare => "compare",
            View::Search => "search",
            View::Network => "network",
        }
    }

    /// The label in the navigation bar and the page title.
    pub fn title(self) -> &'static str {
        match self {
            View::Overview => "Overview",
            View::Articles => "Articles",
            View::Reader => "Reader",
            View::Entities => "Entities",
            View::Quotes => "Quotes",
            View::Claims => "Claims",
            View::Timeline => "Timeline",
            View::Conflicts => "Conflicts",
            View::Compare => "Compare",
            View::Search => "Search",
            View::Network => "Network",
        }
    }

    fn from_name(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// Quote kinds a user can filter by (`kind=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKindFilter {
    Direct,
    Indirect,
}

impl QuoteKindFilter {
    pub fn name(self) -> &'static str {
        match self {
            QuoteKindFilter::Direct => "direct",
            QuoteKindFilter::Indirect => "indirect",
        }
    }
}

/// Table columns a view can sort by (`sort=key` ascending, `sort=-key` descending).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Value,
    Thing,
    Article,
    Date,
    Name,
    Mentions,
}

impl SortKey {
    const ALL: [SortKey; 6] = [SortKey::Value, SortKey::Thing, SortKey::Article, SortKey::Date, SortKey::Name, SortKey::Mentions];

    pub fn name(self) -> &'static str {
        match self {
            SortKey::Value => "value",
            SortKey::Thing => "thing",
            SortKey::Article => "article",
            SortKey::Date => "date",
            SortKey::Name => "name",
            SortKey::Mentions => "mentions",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

/// Everything that selects what the page shows. Each field is one query parameter (named in its
/// comment); `None` / empty means the parameter is absent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// `view`; implied `reader` when only `article` is given.
    pub view: View,
    /// `article`: the article in the reader; a filter in list views.
    pub article: Option<String>,
    /// `entity`: a corpus entity id.
    pub entity: Option<String>,
    /// `type` (repeatable): entity types to show; empty means all.
    pub types: Vec<EntityKind>,
    /// `speaker`: an entity id whose quotes are shown.
    pub speaker: Option<String>,
    /// `kind`: direct or indirect quotes only.
    pub quote_kind: Option<QuoteKindFilter>,
    /// `q`: search text, or a text filter on a table.
    pub text: Option<String>,
    /// `sort`: table order.
    pub sort: Option<Sort>,
    /// `a` and `b`: the two articles in the Compare view.
    pub left: Option<String>,
    pub right: Option<String>,
    /// `min`: a minimum count — the network's edge weight; in quotes and the timeline, how many
    /// articles must report a statement or event.
    pub min_weight: Option<u32>,
    /// `group`: a selected quote or claim group id.
    pub group: Option<String>,
    /// `at`: a position in the article to scroll to and outline, in characters (Unicode scalar
    /// values, not bytes or UTF-16 units) from the start of `Article::text`.
    pub at: Option<usize>,
}

/// A parameter that was ignored, in words for the page's notice banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice(pub String);

impl Query {
    /// Parses `?key=value&…` (with or without the leading `?`).
    pub fn parse(search: &str) -> (Query, Vec<Notice>) {
        let mut query = Query::default();
        let mut view = None;
        let mut notices = Vec::new();
        let mut ignore = |what: String| notices.push(Notice(what));
        for (key, value) in form_urlencoded::parse(search.trim_start_matches('?').as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                ignore(format!("Empty parameter “{key}” ignored."));
                continue;
            }
            let text = || Some(value.to_string());
            match key.as_ref() {
                "view" => match View::from_name(value) {
                    Some(v) => view = Some(v),
                    None => ignore(format!("Unknown view “{value}”; showing the default view.")),
                },
                "article" => query.article = text(),
                "entity" => query.entity = text(),
                "speaker" => query.speaker = text(),
                "q" => query.text = text(),
                "a" => query.left = text(),
                "b" => query.right = text(),
                "group" => query.group = text(),
                "type" => match parse_kind(value) {
                    Some(kind) if !query.types.contains(&kind) => query.types.push(kind),
                    Some(_) => {}
                    None => ignore(format!("Unknown entity type “{value}” ignored (use PER, ORG, LOC or MISC).")),
                },
                "kind" => match value {
                    "direct" => query.quote_kind = Some(QuoteKindFilter::Direct),
                    "indirect" => query.quote_kind = Some(QuoteKindFilter::Indirect),
                    _ => ignore(format!("Unknown quote kind “{value}” ignored (use direct or indirect).")),
                },
                "sort" => match parse_sort(value) {
                    Some(sort) => query.sort = Some(sort),
                    None => ignore(format!("Unknown sort order “{value}” ignored.")),
                },
                "min" => match value.parse() {
                    Ok(weight) => query.min_weight = Some(weight),
                    Err(_) => ignore(format!("Minimum weight “{value}” is not a whole number; ignored.")),
                },
                "at" => match value.parse() {
                    Ok(offset) => query.at = Some(offset),
                    Err(_) => ignore(format!("Position “{value}” is not a whole number; ignored.")),
                },
                other => ignore(format!("Unknown parameter “{other}” ignored.")),
            }
        }
        query.view = view.unwrap_or_else(|| query.implied_view());
        (query, notices)
    }

    /// The view a link gets without an explicit `view`: the reader when an article is named.
    fn implied_view(&self) -> View {
        if self.article.is_some() {
            View::Reader
        } else {
            View::Overview
        }
    }

    /// The query string for this state, `?…`, or empty for the default view.
    pub fn to_search(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if self.view != self.implied_view() {
            out.append_pair("view", self.view.name());
        }
        let text_params = [("article", &self.article), ("entity", &self.entity)];
        for (key, value) in text_params {
            if let Some(value) = value {
                out.append_pair(key, value);
            }
        }
        for kind in &self.types {
            out.append_pair("type", kind.label());
        }
        if let Some(speaker) = &self.speaker {
            out.append_pair("speaker", speaker);
        }
        if let Some(kind) = self.quote_kind {
            out.append_pair("kind", kind.name());
        }
        let later_params = [("q", &self.text), ("a", &self.left), ("b", &self.right), ("group", &self.group)];
        for (key, value) in later_params {
            if let Some(value) = value {
                out.append_pair(key, value);
            }
        }
        if let Some(sort) = self.sort {
            let sign = if sort.descending { "-" } else { "" };
            out.append_pair("sort", &format!("{sign}{}", sort.key.name()));
        }
        if let Some(weight) = self.min_weight {
            out.append_pair("min", &weight.to_string());
        }
        if let Some(at) = self.at {
            out.append_pair("at", &at.to_string());
        }
        match out.finish() {
            search if search.is_empty() => search,
            search => format!("?{search}"),
        }
    }

    /// The state a column header links to: sorted by `key`, ascending first, then toggling.
    pub fn sorted_by(&self, key: SortKey) -> Query {
        let descending = self.sort.is_some_and(|s| s.key == key && !s.descending);
        Query { sort: Some(Sort { key, descending }), ..self.clone() }
    }

    /// The header's `aria-sort` value when the table is sorted by `key`.
    pub fn aria_sort(&self, key: SortKey) -> Option<&'static str> {
        self.sort.filter(|s| s.key == key).map(|s| if s.descending { "descending" } else { "ascending" })
    }

    /// A link to this state relative to the current page, so it works under any sub-path.
    pub fn href(&self) -> String {
        match self.to_search() {
            search if search.is_empty() => "./".to_string(),
            search => search,
        }
    }

    /// The plain state of one view, no filters.
    pub fn view(view: View) -> Query {
        Query { view, ..Query::default() }
    }

    /// An article in the reader.
    pub fn article(id: &str) -> Query {
        Query { view: View::Reader, article: Some(id.to_string()), ..Query::default() }
    }

    /// How many articles must report a statement or event (`min` in quotes and the timeline).
    pub fn min_articles(&self) -> usize {
        self.min_weight.map_or(1, |n| n as usize)
    }

    /// Whether an entity type passes the `type` filter (an empty filter passes all).
    pub fn shows_kind(&self, kind: EntityKind) -> bool {
        self.types.is_empty() || self.types.contains(&kind)
    }
}

fn parse_kind(value: &str) -> Option<EntityKind> {
    [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc]
        .into_iter()
        .find(|kind| kind.label().eq_ignore_ascii_case(value))
}

fn parse_sort(value: &str) -> Option<Sort> {
    let (descending, name) = match value.strip_prefix('-') {
        Some(name) => (true, name),
        None => (false, value),
    };
    SortKey::ALL.into_iter().find(|k| k.name() == name).map(|key| Sort { key, descending })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_links_toggle_direction() {
        let plain = Query::view(View::Claims);
        let ascending = plain.sorted_by(SortKey::Value);
        assert_eq!(ascending.sort, Some(Sort { key: SortKey::Value, descending: false }), "first click ascends");
        assert_eq!(ascending.aria_sort(SortKey::Value), Some("ascending"));
        let descending = ascending.sorted_by(SortKey::Value);
        assert_eq!(descending.aria_sort(SortKey::Value), Some("descending"), "second click descends");
        assert_eq!(descending.sorted_by(SortKey::Thing).sort, Some(Sort { key: SortKey::Thing, descending: false }));
        assert_eq!(descending.aria_sort(SortKey::Thing), None);
    }

    #[test]
    fn parse_cases() {
        let entities_per = Query {
            view: View::Entities,
            types: vec![EntityKind::Person],
            entity: Some("per-emmanuel-macron".into()),
            ..Query::default()
        };
        let cases: Vec<(&str, &str, Query, usize)> = vec![
            ("empty is the overview", "", Query::default(), 0),
            ("article implies the reader", "?article=000-abc", Query::article("000-abc"), 0),
            ("explicit view", "view=articles", Query::view(View::Articles), 0),
            ("entities filtered by type", "?view=entities&type=PER&entity=per-emmanuel-macron", entities_per, 0),
            ("unknown view falls back", "?view=nope", Query::default(), 1),
            ("unknown parameter is reported", "?foo=1&article=a", Query::article("a"), 1),
            ("bad numbers are reported", "?view=network&min=x&at=-1", Query::view(View::Network), 2),
            ("bad type and kind are reported", "?view=quotes&type=XYZ&kind=loud", Query::view(View::Quotes), 2),
            ("empty value is reported", "?article=", Query::default(), 1),
            (
                "descending sort",
                "?view=claims&sort=-value",
                Query { view: View::Claims, sort: Some(Sort { key: SortKey::Value, descending: true }), ..Query::default() },
                0,
            ),
            (
                "quotes reported by several articles",
                "?view=quotes&min=2&group=q-per-x-we-are",
                Query { view: View::Quotes, min_weight: Some(2), group: Some("q-per-x-we-are".into()), ..Query::default() },
                0,
            ),
            (
                "payload stays a plain value",
                "?article=%3Cscript%3Ealert(1)%3C/script%3E",
                Query::article("<script>alert(1)</script>"),
                0,
            ),
        ];
        for (name, search, expected, notice_count) in cases {
            let (query, notices) = Query::parse(search);
            assert_eq!(query, expected, "{name}");
            assert_eq!(notices.len(), notice_count, "{name}: {notices:?}");
        }
    }

    #[test]
    fn serialize_round_trips() {
        let full = Query {
            view: View::Compare,
            article: Some("a b&c".into()),
            entity: Some("per-x".into()),
            types: vec![EntityKind::Location, EntityKind::Person],
            speaker: Some("per-y".into()),
            quote_kind: Some(QuoteKindFilter::Indirect),
            text: Some("zelensky troops".into()),
            sort: Some(Sort { key: SortKey::Date, descending: false }),
            left: Some("l".into()),
            right: Some("r".into()),
            min_weight: Some(3),
            group: Some("g1".into()),
            at: Some(120),
        };
        for query in [Query::default(), Query::article("x"), Query::view(View::Articles), full] {
            let (parsed, notices) = Query::parse(&query.to_search());
            assert_eq!(parsed, query, "{query:?} via {}", query.to_search());
            assert!(notices.is_empty(), "{query:?}: {notices:?}");
        }
    }
}
