use leptos::form::ActionForm;
use leptos::prelude::*;

use super::layout::AccountLayout;
use crate::api::account::{
    get_security, BeginTwoFactor, ChangePassword, ConfirmTwoFactor, DisableTwoFactor,
    RegenerateRecoveryCodes, RevokeOtherSessions,
};
use crate::components::forms::{ActionError, Field, Notice, Submit};

#[component]
pub fn SecurityPage() -> impl IntoView {
    let change = ServerAction::<ChangePassword>::new();
    let begin = ServerAction::<BeginTwoFactor>::new();
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    let disable = ServerAction::<DisableTwoFactor>::new();
    let regenerate = ServerAction::<RegenerateRecoveryCodes>::new();
    let revoke = ServerAction::<RevokeOtherSessions>::new();
    let overview = Resource::new(
        move || {
            (
                confirm.version().get(),
                disable.version().get(),
                revoke.version().get(),
                change.version().get(),
            )
        },
        |_| get_security(),
    );
    view! {
        <AccountLayout title="Security">
            <div class="flex max-w-xl flex-col gap-10">
                <section aria-labelledby="pw-h" class="flex flex-col gap-4">
                    <h2 id="pw-h" class="text-lg font-semibold">
                        "Password"
                    </h2>
                    <ActionForm
                        action=change
                        attr:class="flex flex-col gap-4"
                        attr:data-testid="password-form"
                    >
                        {move || {
                            matches!(change.value().get(), Some(Ok(())))
                                .then(|| {
                                    view! {
                                        <Notice>
                                            "Password changed. Your other sessions were signed out."
                                        </Notice>
                                    }
                                })
                        }}
                        <ActionError value=change.value() />
                        <Field
                            label="Current password"
                            name="current_password"
                            kind="password"
                            autocomplete="current-password"
                        />
                        <Field
                            label="New password"
                            name="password"
                            kind="password"
                            autocomplete="new-password"
                            hint="At least 12 characters."
                        />
                        <Submit label="Change password" pending=change.pending().into() />
                    </ActionForm>
                </section>

                <super::sign_in_methods::SignInMethodsSection />
                <section
                    aria-labelledby="tfa-h"
                    class="flex flex-col gap-4"
                    data-testid="two-factor"
                >
                    <h2 id="tfa-h" class="text-lg font-semibold">
                        "Two-factor authentication"
                    </h2>
                    {move || {
                        confirm
                            .value()
                            .get()
                            .and_then(Result::ok)
                            .map(|codes| view! { <RecoveryCodeList codes /> })
                    }}
                    {move || {
                        regenerate
                            .value()
                            .get()
                            .and_then(Result::ok)
                            .map(|codes| view! { <RecoveryCodeList codes /> })
                    }}
                    <Suspense>
                        {move || Suspend::new(async move {
                            let o = overview.await.ok()?;
                            Some(
                                if o.two_factor_enabled {
                                    view! {
                                        <p data-testid="two-factor-status">
                                            "On. " {o.recovery_codes_left} " recovery codes left."
                                        </p>
                                        <ActionForm
                                            action=regenerate
                                            attr:class="flex flex-col gap-3"
                                        >
                                            <ActionError value=regenerate.value() />
                                            <Field
                                                label="Current password"
                                                name="current_password"
                                                kind="password"
                                                scope="regenerate"
                                                autocomplete="current-password"
                                            />
                                            <Submit
                                                label="Make new recovery codes"
                                                pending=regenerate.pending().into()
                                            />
                                        </ActionForm>
                                        <ActionForm action=disable attr:class="flex flex-col gap-3">
                                            <ActionError value=disable.value() />
                                            <Field
                                                label="Current password"
                                                name="current_password"
                                                kind="password"
                                                scope="disable"
                                                autocomplete="current-password"
                                            />
                                            <Submit
                                                label="Turn off two-factor authentication"
                                                pending=disable.pending().into()
                                            />
                                        </ActionForm>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <p data-testid="two-factor-status">
                                            "Off. Add a code from an authenticator app to every sign-in."
                                        </p>
                                        <ActionError value=begin.value() />
                                        {move || match begin.value().get() {
                                            Some(Ok(enrolment)) => {
                                                view! {
                                                    <div class="flex flex-col gap-3">
                                                        <p class="text-sm">
                                                            "Scan this QR code with your authenticator app, or type the key."
                                                        </p>
                                                        <div
                                                            class="h-52 w-52"
                                                            inner_html=enrolment.qr_svg.clone()
                                                        ></div>
                                                        <p class="text-sm">
                                                            "Key: " <code data-testid="totp-secret" class="break-all">
                                                                {enrolment.secret.clone()}
                                                            </code>
                                                        </p>
                                                        <ActionForm
                                                            action=confirm
                                                            attr:class="flex flex-col gap-3"
                                                            attr:data-testid="totp-confirm-form"
                                                        >
                                                            <ActionError value=confirm.value() />
                                                            <Field
                                                                label="6-digit code"
                                                                name="code"
                                                                autocomplete="one-time-code"
                                                            />
                                                            <Submit label="Turn on" pending=confirm.pending().into() />
                                                        </ActionForm>
                                                    </div>
                                                }
                                                    .into_any()
                                            }
                                            _ => {
                                                view! {
                                                    <ActionForm
                                                        action=begin
                                                        attr:class="flex flex-col gap-3"
                                                        attr:data-testid="two-factor-begin-form"
                                                    >
                                                        <Field
                                                            label="Current password"
                                                            name="current_password"
                                                            kind="password"
                                                            scope="tfa-begin"
                                                            autocomplete="current-password"
                                                        />
                                                        <button
                                                            type="submit"
                                                            data-testid="two-factor-begin"
                                                            class="self-start rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white"
                                                        >
                                                            "Set up two-factor authentication"
                                                        </button>
                                                    </ActionForm>
                                                }
                                                    .into_any()
                                            }
                                        }}
                                    }
                                        .into_any()
                                },
                            )
                        })}
                    </Suspense>
                </section>

                <section aria-labelledby="sessions-h" class="flex flex-col gap-4">
                    <h2 id="sessions-h" class="text-lg font-semibold">
                        "Where you're signed in"
                    </h2>
                    {move || {
                        revoke
                            .value()
                            .get()
                            .and_then(Result::ok)
                            .map(|n| {
                                view! {
                                    <Notice>
                                        {format!("Signed out of {n} other session(s).")}
                                    </Notice>
                                }
                            })
                    }}
                    <Suspense>
                        {move || Suspend::new(async move {
                            let o = overview.await.ok()?;
                            Some(
                                view! {
                                    <ul
                                        class="divide-y divide-slate-200 rounded-lg border border-slate-200"
                                        data-testid="session-list"
                                    >
                                        {o
                                            .sessions
                                            .into_iter()
                                            .map(|s| {
                                                view! {
                                                    <li class="flex justify-between px-4 py-3 text-sm">
                                                        <span>{s.device}</span>
                                                        {s
                                                            .current
                                                            .then(|| {
                                                                view! {
                                                                    <span class="text-emerald-700">"This device"</span>
                                                                }
                                                            })}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                },
                            )
                        })}
                    </Suspense>
                    <button
                        type="button"
                        class="self-start rounded-md border border-slate-300 px-3 py-2 text-sm"
                        on:click=move |_| {
                            revoke.dispatch(RevokeOtherSessions {});
                        }
                    >
                        "Sign out of all other sessions"
                    </button>
                </section>
            </div>
        </AccountLayout>
    }
}

#[component]
fn RecoveryCodeList(codes: Vec<String>) -> impl IntoView {
    view! {
        <div class="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm">
            <p class="font-medium">
                "Your recovery codes. Save them now; each works once and they won't be shown again."
            </p>
            <ul class="mt-2 grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
                {codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ul>
        </div>
    }
}
