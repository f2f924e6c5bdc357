use leptos::form::ActionForm;
use leptos::prelude::*;

use super::layout::AccountLayout;
use crate::api::account::{
    get_security, BeginTwoFactor, ChangePassword, ConfirmTwoFactor, DisableTwoFactor,
    RegenerateRecoveryCodes, RevokeOtherSessions,
};
use crate::components::forms::{ActionError, Field, Notice, Submit};
use crate::locale::use_i18n;

#[component]
pub fn SecurityPage() -> impl IntoView {
    let i = use_i18n();
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
        <AccountLayout title=i.t("account-nav-security")>
            <div class="flex max-w-xl flex-col gap-10">
                <section aria-labelledby="pw-h" class="flex flex-col gap-4">
                    <h2 id="pw-h" class="text-lg font-semibold">
                        {i.t("account-password-title")}
                    </h2>
                    <ActionForm
                        action=change
                        attr:class="flex flex-col gap-4"
                        attr:data-testid="password-form"
                    >
                        {move || {
                            matches!(change.value().get(), Some(Ok(())))
                                .then(|| {
                                    view! { <Notice>{i.t("account-password-changed")}</Notice> }
                                })
                        }}
                        <ActionError value=change.value() />
                        <Field
                            label=i.t("account-current-password")
                            name="current_password"
                            kind="password"
                            autocomplete="current-password"
                        />
                        <Field
                            label=i.t("account-new-password")
                            name="password"
                            kind="password"
                            autocomplete="new-password"
                            hint=i.t("account-new-password-hint")
                        />
                        <Submit
                            label=i.t("account-change-password")
                            pending=change.pending().into()
                        />
                    </ActionForm>
                </section>

                <super::sign_in_methods::SignInMethodsSection />
                <section
                    aria-labelledby="tfa-h"
                    class="flex flex-col gap-4"
                    data-testid="two-factor"
                >
                    <h2 id="tfa-h" class="text-lg font-semibold">
                        {i.t("account-tfa-title")}
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
                                    let left = i64::try_from(o.recovery_codes_left)
                                        .unwrap_or(i64::MAX);
                                    view! {
                                        <p data-testid="two-factor-status">
                                            {i.f("account-tfa-on", &[("count", left.into())])}
                                        </p>
                                        <ActionForm
                                            action=regenerate
                                            attr:class="flex flex-col gap-3"
                                        >
                                            <ActionError value=regenerate.value() />
                                            <Field
                                                label=i.t("account-current-password")
                                                name="current_password"
                                                kind="password"
                                                scope="regenerate"
                                                autocomplete="current-password"
                                            />
                                            <Submit
                                                label=i.t("account-tfa-new-codes")
                                                pending=regenerate.pending().into()
                                            />
                                        </ActionForm>
                                        <ActionForm action=disable attr:class="flex flex-col gap-3">
                                            <ActionError value=disable.value() />
                                            <Field
                                                label=i.t("account-current-password")
                                                name="current_password"
                                                kind="password"
                                                scope="disable"
                                                autocomplete="current-password"
                                            />
                                            <Submit
                                                label=i.t("account-tfa-turn-off")
                                                pending=disable.pending().into()
                                            />
                                        </ActionForm>
                                    }
                                        .into_any()
                                } else {
                                    view! {
                                        <p data-testid="two-factor-status">
                                            {i.t("account-tfa-off")}
                                        </p>
                                        <ActionError value=begin.value() />
                                        {move || match begin.value().get() {
                                            Some(Ok(enrolment)) => {
                                                view! {
                                                    <div class="flex flex-col gap-3">
                                                        <p class="text-sm">{i.t("account-tfa-scan")}</p>
                                                        <div
                                                            class="h-52 w-52"
                                                            inner_html=enrolment.qr_svg.clone()
                                                        ></div>
                                                        <p class="text-sm">
                                                            {i.t("account-tfa-key")} " "
                                                            <code data-testid="totp-secret" class="break-all">
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
                                                                label=i.t("account-tfa-code")
                                                                name="code"
                                                                autocomplete="one-time-code"
                                                            />
                                                            <Submit
                                                                label=i.t("account-tfa-turn-on")
                                                                pending=confirm.pending().into()
                                                            />
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
                                                            label=i.t("account-current-password")
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
                                                            {i.t("account-tfa-set-up")}
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
                        {i.t("account-sessions-title")}
                    </h2>
                    {move || {
                        revoke
                            .value()
                            .get()
                            .and_then(Result::ok)
                            .map(|n| {
                                let n = i64::try_from(n).unwrap_or(i64::MAX);
                                view! {
                                    <Notice>
                                        {i.f("account-sessions-signed-out", &[("count", n.into())])}
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
                                                                    <span class="text-emerald-700">
                                                                        {i.t("account-sessions-this-device")}
                                                                    </span>
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
                        {i.t("account-sessions-sign-out-others")}
                    </button>
                </section>
            </div>
        </AccountLayout>
    }
}

#[component]
fn RecoveryCodeList(codes: Vec<String>) -> impl IntoView {
    let i = use_i18n();
    view! {
        <div class="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm">
            <p class="font-medium">{i.t("account-recovery-codes")}</p>
            <ul class="mt-2 grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
                {codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ul>
        </div>
    }
}
