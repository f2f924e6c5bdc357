//! A secret the shop shows once (an API token, a webhook signing secret),
//! right after it was made, with the warning to copy it now.
use leptos::prelude::*;

use crate::locale::use_i18n;

#[component]
pub fn ShownOnce(
    /// What to copy, e.g. "the signing secret".
    what: &'static str,
    secret: String,
    testid: &'static str,
) -> impl IntoView {
    let i = use_i18n();
    view! {
        <div
            class="max-w-xl rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm"
            role="status"
        >
            <p class="font-medium">{i.f("ui-shown-once-copy", &[("what", what.into())])}</p>
            <code class="mt-2 block break-all rounded bg-white p-2" data-testid=testid>
                {secret}
            </code>
        </div>
    }
}
