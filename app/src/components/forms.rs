//! Form pieces shared by the account and admin pages: labelled fields, a
//! submit button that shows progress, the error line for a server action,
//! and the issue line under each field the server found wrong.
use leptos::prelude::*;
use model::{AppError, FieldIssue};

use crate::locale::use_i18n;

/// What to show a person for a failed server call: in the page's
/// language when the server sent the message as a catalog entry.
pub fn error_text(err: &AppError) -> String {
    err.said
        .as_deref()
        .map_or_else(|| err.message.clone(), |s| use_i18n().said(s))
}

/// How many times the action has succeeded. Key a resource on this, not on
/// `version()`, when a refused submission changed nothing: refetching then
/// would only redraw the form the shopper is correcting.
pub fn successes<S>(action: ServerAction<S>) -> Memo<usize>
where
    S: leptos::server_fn::ServerFn + Send + Sync + Clone + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    Memo::new(move |before: Option<&usize>| {
        let finished = action.version().get();
        if action.value().with(|v| matches!(v, Some(Ok(_)))) {
            finished
        } else {
            before.copied().unwrap_or(0)
        }
    })
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
                <p
                    role="alert"
                    class="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
                    data-testid="form-error"
                >
                    {error_text(e)}
                </p>
            }),
            _ => None,
        })
    }
}

/// The field issues of a form's last submission. A form provides them
/// ([`Issues::provide`]) and each [`Field`] below it shows its own: marked
/// `aria-invalid`, explained by a line it points to with
/// `aria-describedby`, and still holding what was typed.
#[derive(Clone, Copy)]
pub struct Issues(Signal<Vec<FieldIssue>>);

impl Issues {
    /// The issues of an action's last run (none while it succeeds or runs).
    pub fn of<T, V>(value: V) -> Self
    where
        T: 'static,
        V: With<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
    {
        Self(Signal::derive(move || {
            value.with(|v| match v {
                Some(Err(e)) => e.issues.clone(),
                _ => Vec::new(),
            })
        }))
    }

    /// Makes these the issues the fields below read.
    pub fn provide(self) -> Self {
        provide_context(self);
        self
    }

    /// What is wrong with `field` (its form `name`), if anything.
    pub fn message(self, field: &str) -> Option<String> {
        self.0.with(|list| {
            list.iter().find(|i| i.field == field).map(|i| {
                i.said
                    .as_ref()
                    .map_or_else(|| i.message.clone(), |s| use_i18n().said(s))
            })
        })
    }
}

/// The `aria-describedby` of a field: its hint, and its issue while it has one.
pub fn described_by(hint: Option<&str>, issue: Option<&str>) -> Option<String> {
    match (hint, issue) {
        (None, None) => None,
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (Some(h), Some(i)) => Some(format!("{h} {i}")),
    }
}

/// The line under a field that says what is wrong with it; `id` is what the
/// field's `aria-describedby` names.
#[component]
pub fn IssueText(issues: Issues, field: String, id: String) -> impl IntoView {
    move || {
        issues.message(&field).map(|m| {
            view! {
                <p id=id.clone() class="text-xs font-medium text-red-700" data-testid="field-issue">
                    {m}
                </p>
            }
        })
    }
}

/// `aria-invalid` and `aria-describedby` for an input whose issue line has
/// `issue_id`, as signals.
pub fn issue_attrs(
    issues: Option<Issues>,
    field: String,
    hint_id: Option<String>,
    issue_id: String,
) -> (Signal<Option<&'static str>>, Signal<Option<String>>) {
    let has = {
        let field = field.clone();
        move || issues.is_some_and(|i| i.message(&field).is_some())
    };
    let invalid = Signal::derive({
        let has = has.clone();
        move || has().then_some("true")
    });
    let describedby = Signal::derive(move || {
        described_by(hint_id.as_deref(), has().then_some(issue_id.as_str()))
    });
    (invalid, describedby)
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
    let issue_id = format!("{id}-issue");
    let issues = use_context::<Issues>();
    let (invalid, describedby) = issue_attrs(
        issues,
        name.to_owned(),
        hint.map(|_| hint_id.clone()),
        issue_id.clone(),
    );
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-slate-800">
                {label}
            </label>
            <input
                id=id
                name=name
                type=kind
                autocomplete=autocomplete
                value=value
                required=required
                aria-invalid=invalid
                aria-describedby=describedby
                class="rounded-md border border-slate-300 px-3 py-2 text-slate-900 shadow-sm focus:border-slate-900 focus:outline-none focus:ring-1 focus:ring-slate-900 aria-[invalid=true]:border-red-600"
            />
            {hint
                .map(|h| {
                    view! {
                        <p id=hint_id class="text-xs text-slate-500">
                            {h}
                        </p>
                    }
                })}
            {issues.map(|issues| view! { <IssueText issues field=name.to_owned() id=issue_id /> })}
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
            <input
                id=id.clone()
                name=name
                type="checkbox"
                checked=checked
                class="h-4 w-4 rounded border-slate-300"
            />
            <label for=id class="text-sm text-slate-700">
                {label}
            </label>
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
            <div class="flex flex-col gap-4 rounded-lg border border-slate-200 p-6 shadow-sm">
                {children()}
            </div>
        </div>
    }
}

#[component]
pub fn Notice(children: Children) -> impl IntoView {
    view! {
        <div
            role="status"
            class="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
            data-testid="notice"
        >
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
                <label for=id.clone() class="text-sm font-medium">
                    {label}
                </label>
                <input
                    id=id
                    name=name
                    type=kind
                    value=initial
                    aria-describedby=hint_id.clone()
                    class="rounded-md border border-slate-300 px-3 py-2 text-sm"
                    on:input=move |ev| state.update(|f| set(f, event_target_value(&ev)))
                />
                {hint_id
                    .map(|hid| {
                        view! {
                            <p id=hid class="text-xs text-slate-500">
                                {hint}
                            </p>
                        }
                    })}
            </div>
        }
    }
}
