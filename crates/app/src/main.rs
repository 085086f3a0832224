use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    // The same binary runs the analysis worker (see `worker`): there, there is no page to mount.
    if triangulate::worker::in_worker() {
        return triangulate::worker::serve();
    }
    triangulate::panic_panel::install();
    leptos::mount::mount_to_body(triangulate::app::App);
}

/// A deliberate panic for the end-to-end test of the error panel. Reachable only from script
/// (`window.wasmBindings.panic_for_test(message)`), which the page's CSP keeps to its own files.
#[wasm_bindgen]
pub fn panic_for_test(message: &str) {
    panic!("{message}");
}
