//! "Download CSV" / "Download JSON" for the rows a table shows.
//!
//! ```ignore
//! let table = Table::new(&["value", "thing"], rows.iter().map(|r| vec![r.interval.clone(), r.thing.clone()]));
//! view! { <ExportButtons name="claims" table=table/> }
//! ```

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Plain tabular data: one header per column, rows of cells in the same order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Table {
        Table { headers: headers.iter().map(|h| h.to_string()).collect(), rows: rows.into_iter().collect() }
    }

    /// RFC 4180 CSV with CRLF line ends. Cells a spreadsheet would run as a formula get a leading
    /// `'` (the article text is not ours to trust).
    pub fn to_csv(&self) -> String {
        std::iter::once(&self.headers)
            .chain(&self.rows)
            .map(|row| row.iter().map(|cell| csv_cell(cell)).collect::<Vec<_>>().join(","))
            .map(|line| line + "\r\n")
            .collect()
    }

    /// An array with one object per row, keyed by header in column order.
    pub fn to_json(&self) -> String {
        let rows: Vec<JsonRow> = self.rows.iter().map(|cells| JsonRow { headers: &self.headers, cells }).collect();
        serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".into())
    }
}

/// One row as a JSON object whose keys keep the column order (`serde_json::Map` would sort them).
struct JsonRow<'a> {
    headers: &'a [String],
    cells: &'a [String],
}

impl serde::Serialize for JsonRow<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.headers.len()))?;
        for (header, cell) in self.headers.iter().zip(self.cells) {
            map.serialize_entry(header, cell)?;
        }
        map.end()
    }
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP's list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn csv_cell(cell: &str) -> String {
    let guarded = if cell.starts_with(FORMULA_STARTS) { format!("'{cell}") } else { cell.to_string() };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// Lists and tables render at most this many rows (the first, in their order): thousands of
/// articles yield tens of thousands of rows, which no one reads on a page. Downloads carry every row.
pub const SHOWN_ROWS: usize = 500;

/// Says that a list shows only its first [`SHOWN_ROWS`] of `total` rows, when it does.
#[component]
pub fn ShownRows(total: usize) -> impl IntoView {
    (total > SHOWN_ROWS).then(|| {
        view! {
            <p class="meta" data-testid="rows-cut">
                {format!("Showing the first {SHOWN_ROWS} of {total}. Narrow the filters to see the others, or download every row.")}
            </p>
        }
    })
}

/// Two buttons that download `table` as `triangulate-<name>.csv` and `.json`.
#[component]
pub fn ExportButtons(#[prop(into)] name: String, table: Table) -> impl IntoView {
    let table = StoredValue::new(table);
    let csv_name = format!("triangulate-{name}.csv");
    let json_name = format!("triangulate-{name}.json");
    let rows = table.with_value(|t| t.rows.len());
    view! {
        <div class="export no-print" role="group" aria-label="Export the rows shown" data-testid="export">
            <button type="button" data-testid="export-csv" disabled=rows == 0
                on:click=move |_| download(&csv_name, "text/csv;charset=utf-8", &table.with_value(Table::to_csv))>
                "Download CSV"
            </button>
            <button type="button" data-testid="export-json" disabled=rows == 0
                on:click=move |_| download(&json_name, "application/json", &table.with_value(Table::to_json))>
                "Download JSON"
            </button>
        </div>
    }
}

/// Saves `contents` as a file through a Blob URL and a temporary `<a download>`.
fn download(file_name: &str, mime: &str, contents: &str) {
    let parts = web_sys::js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = gloo::utils::document();
    if let Some(link) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    // Some browsers read the Blob after the click returns: free the URL a little later.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cell_cases() {
        let cases = [
            ("plain", "Paris", "Paris"),
            ("comma", "Paris, France", "\"Paris, France\""),
            ("quotes doubled", "he said \"no\"", "\"he said \"\"no\"\"\""),
            ("newline", "one\ntwo", "\"one\ntwo\""),
            ("formula", "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("plus", "+1", "'+1"),
            ("minus", "-5", "'-5"),
            ("at sign", "@SUM(A1)", "'@SUM(A1)"),
            ("unicode kept", "Micheál “yes” €5", "Micheál “yes” €5"),
            ("empty", "", ""),
        ];
        for (name, cell, expected) in cases {
            assert_eq!(csv_cell(cell), expected, "{name}");
        }
    }

    #[test]
    fn csv_has_a_header_and_crlf_lines() {
        let table = Table::new(&["value", "thing"], [vec!["30".into(), "nations, allies".into()], vec!["-1".into(), String::new()]]);
        assert_eq!(table.to_csv(), "value,thing\r\n30,\"nations, allies\"\r\n'-1,\r\n");
        assert_eq!(Table::new(&["a"], []).to_csv(), "a\r\n", "no rows: the header only");
    }

    #[test]
    fn json_is_an_array_of_objects_keyed_by_header() {
        let table = Table::new(&["value", "thing"], [vec!["=30".into(), "“nations”".into()]]);
        let parsed: serde_json::Value = serde_json::from_str(&table.to_json()).expect("valid JSON");
        assert_eq!(parsed, serde_json::json!([{ "value": "=30", "thing": "“nations”" }]), "JSON is data: no formula guard");
        assert_eq!(Table::new(&["a"], []).to_json(), "[]");
        let ordered = Table::new(&["z", "a"], [vec!["1".into(), "2".into()]]).to_json();
        assert!(ordered.find("\"z\"") < ordered.find("\"a\""), "keys keep column order: {ordered}");
    }
}
