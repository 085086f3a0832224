//! The URL query string as one typed struct: parsed once per navigation, serialized for links.
//! Unknown or malformed parameters fall back to defaults and produce a notice for the user.

use std::fmt;

/// Which page of the explorer is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Articles,
    Reader,
}

impl View {
    const ALL: [View; 2] = [View::Articles, View::Reader];

    pub fn name(self) -> &'static str {
        match self {
            View::Articles => "articles",
            View::Reader => "reader",
        }
    }

    fn from_name(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// Everything that selects what the page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub view: View,
    /// The article open in the reader.
    pub article: Option<String>,
}

/// A parameter that was ignored, said in words for the page's notice banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice(pub String);

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Query {
    /// Parses `?key=value&…` (with or without the leading `?`).
    pub fn parse(search: &str) -> (Query, Vec<Notice>) {
        let mut query = Query::default();
        let mut view = None;
        let mut notices = Vec::new();
        for (key, value) in form_urlencoded::parse(search.trim_start_matches('?').as_bytes()) {
            match key.as_ref() {
                "view" => match View::from_name(&value) {
                    Some(v) => view = Some(v),
                    None => notices.push(Notice(format!("Unknown view “{value}”; showing the default view."))),
                },
                "article" if !value.trim().is_empty() => query.article = Some(value.into_owned()),
                "article" => notices.push(Notice("Empty article parameter ignored.".into())),
                other => notices.push(Notice(format!("Unknown parameter “{other}” ignored."))),
            }
        }
        query.view = view.unwrap_or(if query.article.is_some() { View::Reader } else { View::Articles });
        (query, notices)
    }

    /// The query string for this state, `?…`, or empty for the default view.
    pub fn to_search(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        let implied_view = if self.article.is_some() { View::Reader } else { View::Articles };
        if self.view != implied_view {
            out.append_pair("view", self.view.name());
        }
        if let Some(article) = &self.article {
            out.append_pair("article", article);
        }
        let search = out.finish();
        if search.is_empty() {
            search
        } else {
            format!("?{search}")
        }
    }

    /// A link to this state relative to the current page, so it works under any sub-path.
    pub fn href(&self) -> String {
        match self.to_search() {
            search if search.is_empty() => "./".to_string(),
            search => search,
        }
    }

    pub fn article(id: &str) -> Query {
        Query { view: View::Reader, article: Some(id.to_string()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_cases() {
        let cases: [(&str, &str, Query, usize); 6] = [
            ("empty", "", Query::default(), 0),
            ("article implies the reader", "?article=000-abc", Query::article("000-abc"), 0),
            ("explicit view", "view=articles", Query { view: View::Articles, article: None }, 0),
            ("unknown view falls back", "?view=nope", Query::default(), 1),
            ("unknown parameter is reported", "?foo=1&article=a", Query::article("a"), 1),
            ("payload stays a plain value", "?article=%3Cscript%3Ealert(1)%3C/script%3E", Query::article("<script>alert(1)</script>"), 0),
        ];
        for (name, search, expected, notice_count) in cases {
            let (query, notices) = Query::parse(search);
            assert_eq!(query, expected, "{name}");
            assert_eq!(notices.len(), notice_count, "{name}: {notices:?}");
        }
    }

    #[test]
    fn serialize_round_trips() {
        for query in [Query::default(), Query::article("a b&c"), Query { view: View::Articles, article: Some("x".into()) }] {
            let (parsed, notices) = Query::parse(&query.to_search());
            assert_eq!(parsed, query, "{query:?} via {}", query.to_search());
            assert!(notices.is_empty(), "{query:?}");
        }
    }
}
