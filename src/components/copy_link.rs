//! "Copy link": the address of exactly what the page shows (the URL holds every view, filter and
//! selection), to send to a colleague.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    /// The clipboard refused (permissions, insecure origin): the link is shown selected instead.
    Refused,
}

#[component]
pub fn CopyLink() -> impl IntoView {
    let state = RwSignal::new(Copied::Not);
    let link = RwSignal::new(String::new());
    let copy = move |_| {
        let window = gloo::utils::window();
        let href = window.location().href().unwrap_or_default();
        link.set(href.clone());
        let promise = window.navigator().clipboard().write_text(&href);
        leptos::task::spawn_local(async move {
            state.set(if JsFuture::from(promise).await.is_ok() { Copied::Yes } else { Copied::Refused });
            // The message is for now, not for later states of the page.
            gloo::timers::future::TimeoutFuture::new(4_000).await;
            state.set(Copied::Not);
        });
    };
    let status = move || match state.get() {
        Copied::Not => None,
        Copied::Yes => Some(view! { <span data-testid="copy-status">"Link copied"</span> }.into_any()),
        Copied::Refused => Some(
            view! {
                <label data-testid="copy-status">
                    "Copy this link: "
                    <input type="text" readonly prop:value=move || link.get() on:focus=|e| select(&e)/>
                </label>
            }
            .into_any(),
        ),
    };
    view! {
        <div class="copy-link no-print">
            <button type="button" on:click=copy data-testid="copy-link">"Copy link"</button>
            <span role="status" class="meta">{status}</span>
        </div>
    }
}

fn select(event: &web_sys::FocusEvent) {
    use wasm_bindgen::JsCast;
    if let Some(input) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.select();
    }
}
