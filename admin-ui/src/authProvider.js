import { api, refreshTokens } from './http';

/** Only this role may use the admin app (the APIs check it too). */
export const ADMIN_ROLE = 'admin';
const IDENTITY = 'cinema.identity';

let refreshTimer = null;

/** Refreshes a minute before the access token expires (the 401 path covers a sleeping laptop). */
function scheduleRefresh(seconds) {
  clearTimeout(refreshTimer);
  const delay = Math.max(30, seconds - 60) * 1000;
  refreshTimer = setTimeout(async () => {
    if (await refreshTokens()) scheduleRefresh(seconds);
  }, delay);
}

async function loadIdentity() {
  const { json: me } = await api('/auth/api/v1/users/me');
  if (!me.roles?.includes(ADMIN_ROLE)) {
    await api('/auth/api/v1/users/logout', { method: 'POST' }).catch(() => {});
    localStorage.removeItem(IDENTITY);
    throw new Error('cinema.auth.not_admin');
  }
  const name = [me.first_name, me.last_name].filter(Boolean).join(' ');
  const identity = { id: me.id, fullName: name || me.email, email: me.email, roles: me.roles };
  localStorage.setItem(IDENTITY, JSON.stringify(identity));
  return identity;
}

function storedIdentity() {
  try {
    return JSON.parse(localStorage.getItem(IDENTITY));
  } catch {
    return null;
  }
}

export const authProvider = {
  async login({ username, password }) {
    let tokens;
    try {
      tokens = (await api('/auth/api/v1/users/login', { method: 'POST', body: { email: username, password } })).json;
    } catch (error) {
      throw new Error(error.status === 401 ? 'cinema.auth.bad_credentials' : error.message);
    }
    await loadIdentity();
    scheduleRefresh(tokens.expires_in ?? 900);
  },

  async logout() {
    clearTimeout(refreshTimer);
    if (storedIdentity()) {
      await api('/auth/api/v1/users/logout', { method: 'POST' }).catch(() => {});
    }
    localStorage.removeItem(IDENTITY);
  },

  async checkAuth() {
    if (storedIdentity()) {
      // A reloaded page: the token's age is unknown, so refresh within its lifetime (a 401 refreshes earlier).
      if (!refreshTimer) scheduleRefresh(600);
      return;
    }
    // No identity in this browser yet, but maybe cookies (the Yandex sign-in comes back with them).
    try {
      await loadIdentity();
      scheduleRefresh(900);
    } catch {
      throw new Error('ra.auth.auth_check_error');
    }
  },

  async checkError(error) {
    if (error?.status === 401) {
      localStorage.removeItem(IDENTITY);
      throw new Error('ra.auth.auth_check_error');
    }
  },

  async getIdentity() {
    const identity = storedIdentity();
    if (!identity) throw new Error('ra.auth.auth_check_error');
    return identity;
  },

  async getPermissions() {
    return storedIdentity()?.roles ?? [];
  },
};

/** Where "Sign in with Yandex" goes; command-side redirects to Yandex and, after the callback, back here. */
export const YANDEX_SIGN_IN = `/auth/api/v1/oauth/yandex/authorize-url?return_to=${encodeURIComponent('/admin/')}`;
