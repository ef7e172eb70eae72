import { HttpError } from 'react-admin';

/**
 * Every call to the platform's APIs. Tokens travel as the HttpOnly cookies that login sets (never readable here);
 * a 401 triggers one quiet refresh and a retry. Writes answer with X-Consistency-Token; the next query-side read
 * sends it, so that a list shows the write at once.
 */

const CONSISTENCY_HEADER = 'X-Consistency-Token';
const REFRESHED_AT = 'cinema.refreshedAt';

/** The position of this tab's latest write that no query-side read has waited for yet. */
let pendingPosition = null;

function rememberWrite(headers) {
  const position = Number(headers.get(CONSISTENCY_HEADER));
  if (headers.has(CONSISTENCY_HEADER) && Number.isFinite(position)) {
    pendingPosition = Math.max(position, pendingPosition ?? 0);
  }
}

let refreshing = null;

/**
 * Trades the refresh cookie for a new pair. A refresh token works once and a reused one ends the session, so
 * refreshes are serialised across this tab (one promise) and across tabs (a Web Lock, where the browser has it).
 */
export function refreshTokens() {
  if (!refreshing) {
    const refresh = async () => {
      // Another tab may have refreshed a moment ago: the cookies it got are this tab's too.
      if (Date.now() - Number(localStorage.getItem(REFRESHED_AT) ?? 0) < 10_000) return true;
      const response = await fetch('/auth/api/v1/users/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
      if (response.ok) localStorage.setItem(REFRESHED_AT, String(Date.now()));
      return response.ok;
    };
    const locked = navigator.locks ? navigator.locks.request('cinema-token-refresh', refresh) : refresh();
    refreshing = locked.catch(() => false).finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** Problem details → the message react-admin shows, and `errors` keyed by field so that forms mark the fields. */
function toHttpError(status, body, statusText) {
  const message = (body && (body.detail || body.title)) || statusText || `HTTP ${status}`;
  if (body && Array.isArray(body.errors)) {
    const errors = Object.fromEntries(body.errors.filter((e) => e.field).map((e) => [e.field, e.message]));
    return new HttpError(message, status, { ...body, errors, problems: body.errors });
  }
  return new HttpError(message, status, body);
}

/**
 * fetch for the APIs: JSON in and out, cookies, quiet refresh on 401, consistency token.
 * Resolves to { status, headers, json }; rejects with react-admin's HttpError (status, problem body).
 */
export async function api(url, { method = 'GET', body, headers = {} } = {}) {
  const querySide = url.startsWith('/movies/');
  const waitFor = querySide ? pendingPosition : null;
  const send = (withToken) => {
    const h = new Headers(headers);
    h.set('Accept', 'application/json, application/problem+json');
    if (body !== undefined) h.set('Content-Type', 'application/json');
    if (withToken && waitFor != null) h.set(CONSISTENCY_HEADER, String(waitFor));
    return fetch(url, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  };
  let response = await send(true);
  if (response.status === 401 && !url.includes('/users/login') && (await refreshTokens())) {
    response = await send(true);
  }
  if (response.status === 503 && waitFor != null) {
    // The read model is still behind the write: show what it has rather than nothing.
    response = await send(false);
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
  }
  if (!response.ok) throw toHttpError(response.status, json, response.statusText);
  if (waitFor != null && pendingPosition === waitFor && response.status !== 503) pendingPosition = null;
  rememberWrite(response.headers);
  return { status: response.status, headers: response.headers, json };
}

/** X-Total-Count, or the length of the body when the endpoint has no total. */
export function totalOf({ headers, json }) {
  const total = headers.get('X-Total-Count');
  return total == null ? (Array.isArray(json) ? json.length : 0) : Number(total);
}

/** A query string from the defined, non-empty values. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([key, value]) => {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}
