import { api, query, totalOf } from './http';

/**
 * react-admin's data provider over the platform: catalogue writes and current state (with version) on the
 * command side, lists and search on the query side, identity under /auth. Versions go back as If-Match, so a
 * stale edit is refused with 409 instead of overwriting someone else's change.
 */
const QUERY = '/movies/api/v1';
const CATALOG = '/admin/api/v1';
const AUTH = '/auth/api/v1';
const MAX_PAGE = 100;

const ifMatch = (record) => (record?.version == null ? {} : { 'If-Match': `"${record.version}"` });

/** Lists the server has whole (genres, roles, permissions): filtered, sorted and paged here. */
function pageLocally(rows, { pagination, sort, filter }, searched) {
  const needle = (filter?.q ?? '').trim().toLowerCase();
  let result = needle ? rows.filter((row) => searched(row).toLowerCase().includes(needle)) : rows.slice();
  if (sort?.field) {
    const direction = sort.order === 'DESC' ? -1 : 1;
    result.sort((a, b) => direction * String(a[sort.field] ?? '').localeCompare(String(b[sort.field] ?? '')));
  }
  const { page = 1, perPage = result.length || 1 } = pagination ?? {};
  return { data: result.slice((page - 1) * perPage, page * perPage), total: result.length };
}

async function allPages(path, map) {
  const rows = [];
  for (let page = 1; ; page++) {
    const response = await api(`${path}${query({ page_number: page, page_size: MAX_PAGE })}`);
    rows.push(...response.json.map(map));
    if (rows.length >= totalOf(response) || response.json.length === 0) return rows;
  }
}

const filmSummary = (film) => ({ id: film.uuid, title: film.title, imdb_rating: film.imdb_rating });

const filmBody = (data) => ({
  title: data.title,
  description: data.description || null,
  creationDate: data.creationDate || null,
  rating: data.rating === '' || data.rating == null ? null : Number(data.rating),
  type: data.type || 'movie',
  genreIds: data.genreIds ?? [],
  credits: (data.credits ?? []).map(({ personId, role }) => ({ personId, role })),
});

/** The catalogue kinds: list on the query side, state and writes on the command side. */
const catalogue = {
  films: {
    async getList({ pagination, sort, filter }) {
      const paging = { page_number: pagination.page, page_size: Math.min(pagination.perPage, MAX_PAGE) };
      const response = filter?.q
        ? await api(`${QUERY}/films/search${query({ query: filter.q, genre: filter.genre, ...paging })}`)
        : await api(`${QUERY}/films${query({
          sort: `${sort?.order === 'ASC' ? '' : '-'}${sort?.field === 'title' ? 'title' : 'imdb_rating'}`,
          genre: filter?.genre,
          ...paging,
        })}`);
      return { data: response.json.map(filmSummary), total: totalOf(response) };
    },
    body: filmBody,
  },
  persons: {
    async getList({ pagination, filter }) {
      const paging = { page_number: pagination.page, page_size: Math.min(pagination.perPage, MAX_PAGE) };
      const response = filter?.q
        ? await api(`${QUERY}/persons/search${query({ query: filter.q, ...paging })}`)
        : await api(`${QUERY}/persons${query(paging)}`);
      return {
        data: response.json.map((p) => ({ id: p.uuid, fullName: p.full_name, films: p.films?.length ?? 0 })),
        total: totalOf(response),
      };
    },
    body: (data) => ({ fullName: data.fullName }),
    async getMany(ids) {
      // The command side knows a person the moment it is created, even before the search index does.
      return Promise.all(ids.map(async (id) => (await api(`${CATALOG}/persons/${id}`)).json));
    },
  },
  genres: {
    async getList(params) {
      const rows = await allPages(`${QUERY}/genres`, (g) => ({ id: g.uuid, name: g.name }));
      return pageLocally(rows, params, (g) => g.name);
    },
    body: (data) => ({ name: data.name, description: data.description || null }),
    async getMany(ids) {
      return Promise.all(ids.map(async (id) => (await api(`${CATALOG}/genres/${id}`)).json));
    },
  },
};

const catalogueProvider = (resource) => {
  const kind = catalogue[resource];
  return {
    getList: (params) => kind.getList(params),
    async getOne({ id }) {
      return { data: (await api(`${CATALOG}/${resource}/${id}`)).json };
    },
    async getMany({ ids }) {
      return { data: await kind.getMany(ids) };
    },
    async create({ data }) {
      const { json } = await api(`${CATALOG}/${resource}`, { method: 'POST', body: kind.body(data) });
      return { data: { ...data, id: json.id, version: json.version } };
    },
    async update({ id, data, previousData }) {
      // The form carries the version it was loaded (or reloaded after a conflict) at.
      const { json } = await api(`${CATALOG}/${resource}/${id}`, {
        method: 'PUT',
        body: kind.body(data),
        headers: ifMatch(data.version != null ? data : previousData),
      });
      return { data: { ...data, id, version: json.version } };
    },
    async delete({ id, previousData }) {
      await api(`${CATALOG}/${resource}/${id}`, { method: 'DELETE', headers: ifMatch(previousData) });
      return { data: previousData ?? { id } };
    },
  };
};

/** Applies a set difference as one call per added and per removed member. */
async function syncMembers(before = [], after = [], add, remove) {
  for (const member of after.filter((m) => !before.includes(m))) await add(member);
  for (const member of before.filter((m) => !after.includes(m))) await remove(member);
}

const userRow = (user, roleIdsByName) => ({
  ...user,
  roleIds: (user.roles ?? []).map((name) => roleIdsByName[name]).filter(Boolean),
});

async function roleIdsByName() {
  const { json } = await api(`${AUTH}/roles`);
  return Object.fromEntries(json.map((role) => [role.name, role.id]));
}

const users = {
  async getList({ pagination, filter }) {
    const [response, roles] = await Promise.all([
      api(`${AUTH}/users${query({ query: filter?.q, page_number: pagination.page, page_size: Math.min(pagination.perPage, MAX_PAGE) })}`),
      roleIdsByName(),
    ]);
    return { data: response.json.map((u) => userRow(u, roles)), total: totalOf(response) };
  },
  async getOne({ id }) {
    const [{ json }, roles] = await Promise.all([api(`${AUTH}/users/${id}`), roleIdsByName()]);
    return { data: userRow(json, roles) };
  },
  async update({ id, data, previousData }) {
    await syncMembers(previousData?.roleIds, data.roleIds ?? [],
      (role) => api(`${AUTH}/users/${id}/roles/${role}`, { method: 'PUT' }),
      (role) => api(`${AUTH}/users/${id}/roles/${role}`, { method: 'DELETE' }));
    return users.getOne({ id });
  },
  async delete({ id, previousData }) {
    await api(`${AUTH}/users/${id}`, { method: 'DELETE' });
    return { data: previousData ?? { id } };
  },
};

/** Roles and permissions: whole lists from the server, addressed by id. */
const accessProvider = (resource) => ({
  async getList(params) {
    const { json } = await api(`${AUTH}/${resource}`);
    return pageLocally(json, params, (entry) => `${entry.name} ${entry.description ?? ''}`);
  },
  async getOne({ id }) {
    const { json } = await api(`${AUTH}/${resource}/${id}`);
    return { data: resource === 'roles' ? { ...json, permissionIds: json.permissions.map((p) => p.id) } : json };
  },
  async getMany({ ids }) {
    const { json } = await api(`${AUTH}/${resource}`);
    return { data: json.filter((entry) => ids.includes(entry.id)) };
  },
  async create({ data }) {
    const { json } = await api(`${AUTH}/${resource}`, {
      method: 'POST',
      body: { name: data.name, description: data.description || null },
    });
    if (resource === 'roles') {
      await syncMembers([], data.permissionIds ?? [],
        (permission) => api(`${AUTH}/roles/${json.id}/permissions/${permission}`, { method: 'PUT' }));
    }
    return { data: { ...data, ...json } };
  },
  async update({ id, data, previousData }) {
    const { json } = await api(`${AUTH}/${resource}/${id}`, {
      method: 'PUT',
      body: { name: data.name, description: data.description || null },
    });
    if (resource === 'roles') {
      await syncMembers(previousData?.permissionIds, data.permissionIds ?? [],
        (permission) => api(`${AUTH}/roles/${id}/permissions/${permission}`, { method: 'PUT' }),
        (permission) => api(`${AUTH}/roles/${id}/permissions/${permission}`, { method: 'DELETE' }));
    }
    return { data: { ...data, ...json } };
  },
  async delete({ id, previousData }) {
    await api(`${AUTH}/${resource}/${id}`, { method: 'DELETE' });
    return { data: previousData ?? { id } };
  },
});

const providers = {
  films: catalogueProvider('films'),
  persons: catalogueProvider('persons'),
  genres: catalogueProvider('genres'),
  users,
  roles: accessProvider('roles'),
  permissions: accessProvider('permissions'),
};

const byResource = (method) => (resource, params) => {
  const provider = providers[resource];
  if (!provider?.[method]) return Promise.reject(new Error(`${method} is not supported for ${resource}`));
  return provider[method](params);
};

export const dataProvider = {
  getList: byResource('getList'),
  getOne: byResource('getOne'),
  getMany: byResource('getMany'),
  create: byResource('create'),
  update: byResource('update'),
  delete: byResource('delete'),
  /** An aggregate's stored events, oldest first. */
  async history(resource, id) {
    return (await api(`${CATALOG}/${resource}/${id}/history`)).json;
  },
  /** A user's successful logins, newest first. */
  async loginHistory(userId, page = 1, perPage = 25) {
    const response = await api(`${AUTH}/users/${userId}/login-history${query({ page_number: page, page_size: perPage })}`);
    return { data: response.json, total: totalOf(response) };
  },
};
