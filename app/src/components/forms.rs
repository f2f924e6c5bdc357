//! Form pieces shared by the account and admin pages: labelled fields, a
//! submit button that shows progress, and the error line for a server action.
use leptos::prelude::*;
use model::AppError;

/// What to show a person for a failed server call.
pub fn error_text(err: &AppError) -> String {
    err.message.clone()
}

/// The error of the action's last run, announced to screen readers.
#[component]
pub fn ActionError<T, V>(value: V) -> impl IntoView
where
    T: 'static,
    V: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
{
    move || {
        value.with(|v| match v {
            Some(Err(e)) => Some(view! {
                <p role="alert" class="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-error">
                    {error_text(e)}
                </p>
            }),
            _ => None,
        })
    }
}

/// The element id of a form field: unique on the page as long as forms that
/// share a field name pass different scopes.
fn field_id(scope: &str, name: &str) -> String {
    if scope.is_empty() {
        format!("f-{name}")
    } else {
        format!("f-{scope}-{name}")
    }
}

#[component]
pub fn Field(
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "")] autocomplete: &'static str,
    #[prop(optional, into)] value: String,
    #[prop(default = true)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
    /// Tells apart two forms on one page that ask for the same field, so
    /// each label still names its own input.
    #[prop(optional)]
    scope: &'static str,
) -> impl IntoView {
    let id = field_id(scope, name);
    let hint_id = format!("{id}-hint");
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-slate-800">{label}</label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                value=value
                required=required
                aria-describedby=hint.map(|_| hint_id.clone())
                class="rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm focus:border-slate-900 focus:outline-none focus:ring-1 focus:ring-slate-900"
            />
            {hint.map(|h| view! { <p id=hint_id class="text-xs text-slate-500">{h}</p> })}
        </div>
    }
}

#[component]
pub fn Checkbox(
    label: &'static str,
    name: &'static str,
    #[prop(optional)] checked: bool,
    #[prop(optional)] scope: &'static str,
) -> impl IntoView {
    let id = field_id(scope, name);
    view! {
        <div class="flex items-center gap-2">
            <input id=id.clone() name=name type="checkbox" checked=checked class="h-4 w-4 rounded border-slate-300" />
            <label for=id class="text-sm text-slate-700">{label}</label>
        </div>
    }
}

#[component]
pub fn Submit(label: &'static str, pending: Signal<bool>) -> impl IntoView {
    view! {
        <button
            type="submit"
            disabled=move || pending.get()
            class="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60"
        >
            {move || if pending.get() { "Please wait…" } else { label }}
        </button>
    }
}

/// A centred card for the sign-in family of pages.
#[component]
pub fn AuthCard(title: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="mx-auto max-w-md py-8">
            <h1 class="mb-6 text-2xl font-bold tracking-tight">{title}</h1>
            <div class="flex flex-col gap-4 rounded-lg border border-slate-200 p-6 shadow-sm">{children()}</div>
        </div>
    }
}

#[component]
pub fn Notice(children: Children) -> impl IntoView {
    view! {
        <div role="status" class="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900" data-testid="notice">
            {children()}
        </div>
    }
}

/// Full navigation after sign-in/out so every part of the page (header
/// included) is rendered for the new session.
pub fn go_to(path: &str) {
    #[cfg(feature = "hydrate")]
    {
        let _ = window().location().assign(path);
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = path;
    }
}

/// Labelled inputs that write into one signal as the user types, for forms
/// sent as a single JSON value; ids are `<prefix>-<name>`.
pub struct BoundFields<T: Send + Sync + 'static> {
    pub state: RwSignal<T>,
    pub prefix: &'static str,
}

// By hand: a derive would ask `T: Copy`, but only the signal handle is copied.
impl<T: Send + Sync + 'static> Clone for BoundFields<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for BoundFields<T> {}

impl<T: Send + Sync + 'static> BoundFields<T> {
    /// An input of `kind` starting at `initial`; a non-empty `hint` is shown
    /// under it and read out with it.
    pub fn input(
        self,
        label: &'static str,
        name: &'static str,
        kind: &'static str,
        initial: String,
        hint: &'static str,
        set: fn(&mut T, String),
    ) -> impl IntoView {
        let state = self.state;
        let id = format!("{}-{name}", self.prefix);
        let hint_id = (!hint.is_empty()).then(|| format!("{id}-hint"));
        view! {
            <div class="flex flex-col gap-1">
                <label for=id.clone() class="text-sm font-medium">{label}</label>
                <input id=id name=name type=kind value=initial aria-describedby=hint_id.clone()
                    class="rounded-md border border-slate-300 px-3 py-2 text-sm"
                    on:input=move |ev| state.update(|f| set(f, event_target_value(&ev))) />
                {hint_id.map(|hid| view! { <p id=hid class="text-xs text-slate-500">{hint}</p> })}
            </div>
        }
    }
}
