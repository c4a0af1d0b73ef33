// An API error in words: the problem's title and detail, and each field message.
import { ApiError } from '../api.js';

export function ErrorAlert({ error, heading }: { error: Error | undefined; heading?: string }) {
  if (!error) return null;
  const p = error instanceof ApiError ? error.problem : undefined;
  return (
    <div class="usa-alert usa-alert--error usa-alert--slim" role="alert">
      <div class="usa-alert__body">
        <p class="usa-alert__text">
          <strong>{heading ?? p?.title ?? 'Something went wrong'}:</strong> {p?.detail ?? error.message}
        </p>
        {p?.errors?.length ? (
          <ul class="od-problem-fields">
            {p.errors.map((e) => (
              <li key={e.path}>
                {fieldName(e.path)} {e.message}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

/** "body.newPassword" -> "newPassword" (the name on the form). */
const fieldName = (path: string) => path.replace(/^(body|querystring|params)\./, '');

export function Loading({ what }: { what: string }) {
  return (
    <p class="od-muted" role="status">
      Loading {what}…
    </p>
  );
}
