fn main() {
    triangulate::panic_panel::install();
    leptos::mount::mount_to_body(triangulate::app::App);
}
