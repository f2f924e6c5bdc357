//! `/admin/staff` (admins): who can work in the admin, with what
//! permissions; invite someone new by email; change or remove access.
use leptos::form::ActionForm;
use leptos::prelude::*;

use super::layout::AdminPage;
use crate::api::staff::{staff_members, InviteStaff, SetStaffAccess};
use crate::components::forms::{error_text, ActionError, Field, Notice, Submit};
use model::accounts::{Permission, Role};

#[component]
pub fn AdminStaffPage() -> impl IntoView {
    let invite = ServerAction::<InviteStaff>::new();
    let access = ServerAction::<SetStaffAccess>::new();
    let members = Resource::new_blocking(
        move || invite.version().get() + access.version().get(),
        |_| staff_members(),
    );
    view! {
        <AdminPage title="Staff">
            <section class="mb-10 flex flex-col gap-3" aria-labelledby="invite-h">
                <h2 id="invite-h" class="text-lg font-semibold">
                    "Invite someone"
                </h2>
                <ActionForm
                    action=invite
                    attr:class="flex max-w-xl flex-col gap-3"
                    attr:data-testid="invite-form"
                >
                    <ActionError value=invite.value() />
                    {move || {
                        invite
                            .value()
                            .get()
                            .and_then(|r| r.ok())
                            .map(|_| view! { <Notice>"Invitation sent."</Notice> })
                    }}
                    <Field label="Email" name="email" kind="email" />
                    <fieldset class="flex flex-wrap gap-x-6 gap-y-2 text-sm">
                        <legend class="mb-1 font-medium">"Permissions"</legend>
                        {Permission::ALL
                            .iter()
                            .enumerate()
                            .map(|(i, p)| {
                                let value = p.as_str();
                                let (id, for_id) = (
                                    format!("invite-perm-{value}"),
                                    format!("invite-perm-{value}"),
                                );
                                view! {
                                    <label for=for_id class="flex items-center gap-2">
                                        <input
                                            id=id
                                            type="checkbox"
                                            name=format!("permissions[{i}]")
                                            value=value
                                        />
                                        {p.label()}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                    <Submit label="Send invitation" pending=invite.pending().into() />
                </ActionForm>
            </section>
            <section aria-labelledby="members-h">
                <h2 id="members-h" class="mb-3 text-lg font-semibold">
                    "Staff and admins"
                </h2>
                <ActionError value=access.value() />
                <Transition>
                    {move || Suspend::new(async move {
                        match members.await {
                            Err(e) => view! { <p role="alert">{error_text(&e)}</p> }.into_any(),
                            Ok(list) => {
                                view! {
                                    <table class="w-full text-sm" data-testid="staff-list">
                                        <thead class="text-left text-slate-500">
                                            <tr>
                                                <th>"Email"</th>
                                                <th>"2FA"</th>
                                                <th>"Access"</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {list
                                                .into_iter()
                                                .map(|m| {
                                                    view! {
                                                        <tr class="border-t border-slate-200 align-top">
                                                            <td class="py-2">{m.email.clone()}</td>
                                                            <td>{if m.two_factor_enabled { "On" } else { "Off" }}</td>
                                                            <td>
                                                                <AccessForm
                                                                    action=access
                                                                    user_id=m.id.clone()
                                                                    role=m.role
                                                                    permissions=m.permissions.clone()
                                                                />
                                                            </td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                }
                                    .into_any()
                            }
                        }
                    })}
                </Transition>
            </section>
        </AdminPage>
    }
}

/// Role and permissions of one account, saved together. Permissions go as
/// one comma-separated field, built from the checkboxes before submit.
#[component]
pub fn AccessForm(
    action: ServerAction<SetStaffAccess>,
    user_id: String,
    role: Role,
    permissions: Vec<Permission>,
) -> impl IntoView {
    let chosen = RwSignal::new(permissions);
    let role_now = RwSignal::new(role);
    let uid = StoredValue::new(user_id);
    view! {
        <form
            class="flex flex-wrap items-center gap-3"
            data-testid="access-form"
            on:submit=move |ev| {
                ev.prevent_default();
                action
                    .dispatch(SetStaffAccess {
                        user_id: uid.get_value(),
                        role: role_now.get_untracked(),
                        permissions: Permission::join(&chosen.get_untracked()),
                    });
            }
        >
            <select
                aria-label="Role"
                class="rounded border border-slate-300 px-2 py-1"
                on:change=move |ev| {
                    if let Some(r) = Role::parse(&event_target_value(&ev)) {
                        role_now.set(r)
                    }
                }
            >
                {Role::ALL
                    .iter()
                    .map(|&r| {
                        view! {
                            <option value=r.as_str() selected=r == role>
                                {r.as_str()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {Permission::ALL
                .iter()
                .map(|&value| {
                    let on = chosen.with_untracked(|c| c.contains(&value));
                    view! {
                        <label class="flex items-center gap-1">
                            <input
                                type="checkbox"
                                checked=on
                                on:change=move |ev| {
                                    let checked = event_target_checked(&ev);
                                    chosen
                                        .update(|c| {
                                            c.retain(|p| *p != value);
                                            if checked {
                                                c.push(value);
                                            }
                                        });
                                }
                            />
                            {value.label()}
                        </label>
                    }
                })
                .collect_view()}
            <button type="submit" class="rounded border border-slate-300 px-2 py-1">
                "Save access"
            </button>
        </form>
    }
}
