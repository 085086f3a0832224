//! A panic must never leave a blank page: the hook logs it to the console and replaces the page
//! with a panel that shows the message and a reload link.

use gloo::utils::document;

pub const PANEL_ID: &str = "panic-panel";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

fn show(message: &str) {
    let doc = document();
    let Some(body) = doc.body() else { return };
    let Ok(panel) = doc.create_element("div") else { return };
    panel.set_id(PANEL_ID);
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("class", "panic-panel");
    // Text only (never HTML): the message may quote article text or URL parameters.
    let heading = doc.create_element("h1").ok();
    let detail = doc.create_element("pre").ok();
    let reload = doc.create_element("a").ok();
    if let (Some(heading), Some(detail), Some(reload)) = (heading, detail, reload) {
        heading.set_text_content(Some("Triangulate stopped because of an internal error"));
        detail.set_text_content(Some(message));
        reload.set_text_content(Some("Reload the page"));
        let _ = reload.set_attribute("href", "./");
        let _ = panel.append_child(&heading);
        let _ = panel.append_child(&detail);
        let _ = panel.append_child(&reload);
    }
    body.set_inner_html("");
    let _ = body.append_child(&panel);
}
