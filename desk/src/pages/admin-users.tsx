// /desk/admin/users — staff accounts: add one (its one-time password is shown once), change a
// role, disable or enable. The server checks that the caller is an admin.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { When } from '../components/incident-cells.js';
import { ErrorAlert, Loading } from '../components/problem.js';
import { ROLE_WORDS } from '../names.js';
import type { Me, NewStaffUser, Role, StaffUser, StaffUserList } from '../types.js';
import { useApi } from '../use-api.js';
import { useAction } from '../use-action.js';

const ROLES: Role[] = ['analyst', 'investigator', 'admin'];

export function UsersPage({ me }: { me: Me }) {
  const users = useApi<StaffUserList>('/api/v1/users');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('analyst');
  const [added, setAdded] = useState<NewStaffUser>();
  const { error, act } = useAction(users.reload);
  const add = (e: Event) => {
    e.preventDefault();
    void act(async () => {
      setAdded(await api.post<NewStaffUser>('/api/v1/users', { email: email.trim(), role }));
      setEmail('');
    });
  };
  const patch = (u: StaffUser, change: { role?: Role; disabled?: boolean }) => act(() => api.patch<StaffUser>(`/api/v1/users/${encodeURIComponent(u.id)}`, change).then(() => undefined));
  return (
    <>
      <h1 tabIndex={-1}>Staff accounts</h1>
      <ErrorAlert error={error} heading="Not done" />
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add a person</h2>
        {added ? (
          <div class="usa-alert usa-alert--info" role="status">
            <div class="usa-alert__body">
              <h3 class="usa-alert__heading">{added.user.email} can sign in now</h3>
              <p class="usa-alert__text">
                Give them this one-time password by a separate channel; it is shown only this once, and they choose their own at first sign-in:
              </p>
              <p class="od-secret">
                <code>{added.password}</code>
              </p>
            </div>
          </div>
        ) : null}
        <form class="od-inline-form" onSubmit={add}>
          <div>
            <label class="usa-label" for="user-email">
              Email
            </label>
            <input class="usa-input" id="user-email" type="email" required autocomplete="off" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          </div>
          <div>
            <label class="usa-label" for="user-role">
              Role
            </label>
            <select class="usa-select" id="user-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_WORDS[r]}
                </option>
              ))}
            </select>
          </div>
          <button class="usa-button" type="submit">
            Add
          </button>
        </form>
        <p class="od-muted">Analysts see counts and reports without contact details; investigators also see contact details; admins also manage accounts and read the audit log.</p>
      </section>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">Everyone</h2>
        <ErrorAlert error={users.error} heading="The accounts did not load" />
        {users.loading && !users.data ? <Loading what="accounts" /> : null}
        <div class="od-table-scroll" tabIndex={0} role="region" aria-label="Staff accounts">
          <table class="usa-table usa-table--compact usa-table--striped">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">State</th>
                <th scope="col">Added</th>
                <th scope="col">Last sign-in</th>
                <th scope="col">
                  <span class="usa-sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(users.data?.items ?? []).map((u) => {
                const self = u.id === me.id || u.email === me.email;
                return (
                  <tr key={u.id}>
                    <th scope="row">{u.email}</th>
                    <td>
                      <label class="usa-sr-only" for={`role-${u.id}`}>
                        Role of {u.email}
                      </label>
                      <select class="usa-select od-select--compact" id={`role-${u.id}`} value={u.role} disabled={self} onChange={(e) => void patch(u, { role: e.currentTarget.value as Role })}>
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {ROLE_WORDS[r]}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{u.disabled ? 'Disabled' : u.mustChangePassword ? 'Must choose a password' : 'Active'}</td>
                    <td>
                      <When iso={u.createdAt} />
                    </td>
                    <td>{u.lastSignInAt ? <When iso={u.lastSignInAt} /> : 'never'}</td>
                    <td>
                      {self ? (
                        <span class="od-muted">you</span>
                      ) : (
                        <button type="button" class="usa-button usa-button--unstyled" onClick={() => void patch(u, { disabled: !u.disabled })}>
                          {u.disabled ? 'Enable' : 'Disable'}
                          <span class="usa-sr-only"> {u.email}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
