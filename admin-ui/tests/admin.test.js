import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  ADMIN_EMAIL, ADMIN_URL, ORIGIN, apiCall, awaitReadModel, launch, screenshot, search, signIn, unique, withScreenshot,
} from './browser.js';

/**
 * The admin app in a real browser against the real apps: one admin session through the catalogue, the conflict
 * between two tabs, a reindex, and sign-out. The tests run in order and share the browser.
 */
describe('admin app', { concurrency: false }, () => {
  let browser;
  let page;
  const tag = unique();
  const title = `Browser test film ${tag}`;
  let filmId;

  before(async () => {
    browser = await launch();
    page = browser.context.pages()[0] ?? await browser.context.newPage();
  });

  after(async () => {
    await browser?.close();
  });

  test('signs in with e-mail and password and switches language', async () => {
    await withScreenshot(page, '01-sign-in', async () => {
      await signIn(page);
      await page.getByRole('menuitem', { name: 'Films' }).waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: 'Русский' }).click();
      await page.getByRole('menuitem', { name: 'Фильмы' }).waitFor();
      await page.getByRole('button', { name: 'Русский' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByRole('menuitem', { name: 'Films' }).waitFor();
    });
  });

  test('creates a film with two genres and three credits and finds it by search', async () => {
    const { context } = browser;
    const genres = [];
    for (const name of [`Noir ${tag}`, `Satire ${tag}`]) {
      genres.push((await apiCall(context, 'POST', '/admin/api/v1/genres', { name })).json.id);
    }
    const persons = [`Anna Actress ${tag}`, `Boris Writer ${tag}`, `Vera Director ${tag}`];
    let last;
    for (const fullName of persons) last = await apiCall(context, 'POST', '/admin/api/v1/persons', { fullName });
    await awaitReadModel(context, last.headers);

    await withScreenshot(page, '02-film-created-and-found', async () => {
      await page.goto(`${ADMIN_URL}#/films/create`);
      await page.getByLabel(/^Title/).fill(title);
      await page.getByLabel('Description').fill('Made by the browser test');
      await page.getByLabel(/^Rating/).fill('7.5');
      for (const genre of [`Noir ${tag}`, `Satire ${tag}`]) {
        await page.getByLabel('Genres').fill(genre);
        await page.getByRole('option', { name: genre }).click();
      }
      const roles = ['Actor', 'Writer', 'Director'];
      for (let i = 0; i < persons.length; i++) {
        await page.getByRole('button', { name: 'Add' }).click();
        const person = page.getByLabel(/^Person/).nth(i);
        await person.fill(persons[i]);
        await page.getByRole('option', { name: persons[i] }).click();
        await page.getByLabel(/^Role/).nth(i).click();
        await page.getByRole('option', { name: roles[i] }).click();
      }
      await page.getByRole('button', { name: 'Save' }).click();
      // Back on the list, which read with the write's consistency token.
      await page.waitForURL(/#\/films(\?|$)/);
      await search(page, title);
      const row = page.getByRole('row').filter({ hasText: title });
      await row.waitFor();
      filmId = (await row.getByRole('link', { name: 'Edit' }).getAttribute('href')).split('/').pop();
    });

    const { json: film } = await apiCall(context, 'GET', `/admin/api/v1/films/${filmId}`);
    assert.deepEqual(new Set(film.genreIds), new Set(genres));
    assert.deepEqual(film.credits.map((c) => c.role).sort(), ['actor', 'director', 'writer']);
  });

  test('an edit in a second tab after a save in the first shows the conflict and reloads', async () => {
    assert.ok(filmId, 'the film of the previous test');
    const second = await browser.context.newPage();
    try {
      await withScreenshot(page, '03-conflict-first-tab', async () => {
        await page.goto(`${ADMIN_URL}#/films/${filmId}`);
        await second.goto(`${ADMIN_URL}#/films/${filmId}`);
        await second.getByLabel(/^Title/).waitFor();
        // Chromium pauses animation frames in a tab in the background, and Playwright's checks wait for them.
        await page.bringToFront();
        await page.getByLabel(/^Title/).waitFor();

        await page.getByLabel(/^Title/).fill(`${title} (first tab)`);
        await page.getByRole('button', { name: 'Save' }).click();
        await page.waitForURL(/#\/films(\?|$)/);
      });

      await withScreenshot(second, '03-conflict', async () => {
        await second.bringToFront();
        await second.getByLabel('Description').fill('Changed in the second tab');
        await second.getByRole('button', { name: 'Save' }).click();
        const dialog = second.getByRole('dialog', { name: 'Someone else changed this in the meantime' });
        await dialog.waitFor();
        const changes = dialog.getByTestId('conflict-changes');
        await changes.getByRole('row').filter({ hasText: `${title} (first tab)` }).waitFor();
        await screenshot(second, '03-conflict-dialog');
        await dialog.getByRole('button', { name: /Reload/ }).click();
        await dialog.waitFor({ state: 'detached' });
        assert.equal(await second.getByLabel(/^Title/).inputValue(), `${title} (first tab)`);
        // After the reload the form holds the current version: saving works.
        await second.getByLabel('Description').fill('Changed in the second tab after reloading');
        await second.getByRole('button', { name: 'Save' }).click();
        await second.waitForURL(/#\/films(\?|$)/);
      });
    } finally {
      await second.close();
      await page.bringToFront();
    }
    const { json: film } = await apiCall(browser.context, 'GET', `/admin/api/v1/films/${filmId}`);
    assert.equal(film.title, `${title} (first tab)`);
    assert.equal(film.description, 'Changed in the second tab after reloading');
  });

  test('refreshes an expired access token quietly, then finds a user and the login history', async () => {
    // As if the 15-minute access token had expired: only the refresh cookie is left.
    await browser.context.clearCookies({ name: 'access_token' });
    await withScreenshot(page, '04-user-login-history', async () => {
      await page.goto(`${ADMIN_URL}#/users`);
      // The first list read is refused (401), the tokens refreshed, the read repeated: the list shows.
      const email = ADMIN_EMAIL;
      await search(page, email.slice(0, 12).toUpperCase());
      const row = page.getByRole('row').filter({ hasText: email });
      await row.getByText('admin', { exact: true }).waitFor();
      await row.getByRole('link', { name: 'Edit' }).click();
      await page.getByRole('tab', { name: 'Login history' }).click();
      await page.getByTestId('login-history').getByRole('cell', { name: 'password' }).first().waitFor();
    });
    const cookies = await browser.context.cookies();
    assert.ok(cookies.some((c) => c.name === 'access_token' && c.value), 'a new access token cookie');
  });

  test('creates a permission and a role with it, and grants the role to a user', async () => {
    const permission = `films.edit.${tag}`;
    const role = `editor-${tag}`;
    const email = `editor-${tag}@example.com`;
    const registered = await browser.context.request.post(`${ORIGIN}/auth/api/v1/users/register`, {
      data: { email, password: `an editor ${tag}` },
    });
    assert.equal(registered.status(), 201);
    const userId = (await registered.json()).id;

    await withScreenshot(page, '05-role-granted', async () => {
      await page.goto(`${ADMIN_URL}#/permissions/create`);
      await page.getByLabel(/^Name/).fill(permission);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('row').filter({ hasText: permission }).waitFor();

      await page.goto(`${ADMIN_URL}#/roles/create`);
      await page.getByLabel(/^Name/).fill(role);
      await page.getByLabel('Permissions').fill(permission);
      await page.getByRole('option', { name: permission }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('row').filter({ hasText: role }).waitFor();

      await page.goto(`${ADMIN_URL}#/users/${userId}`);
      await page.getByLabel('Roles').fill(role);
      await page.getByRole('option', { name: role }).click();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/#\/users(\?|$)/);
      await search(page, email);
      await page.getByRole('row').filter({ hasText: email }).getByText(role, { exact: true }).waitFor();
    });
    const { json: user } = await apiCall(browser.context, 'GET', `/auth/api/v1/users/${userId}`);
    assert.deepEqual(user.roles, [role]);
    const { json: granted } = await apiCall(browser.context, 'GET', `/auth/api/v1/roles/${role}`);
    assert.deepEqual(granted.permissions.map((p) => p.name), [permission]);
  });

  test('charts the top films and a film\'s audience', async () => {
    const now = new Date().toISOString();
    await apiCall(browser.context, 'POST', '/ugc/api/v1/events', [
      { type: 'view_progress', film_id: filmId, position_s: 5000, duration_s: 5400, occurred_at: now },
      { type: 'rating', film_id: filmId, score: 9, occurred_at: now },
      { type: 'bookmark_added', film_id: filmId, occurred_at: now },
    ]);
    const filmTitle = `${title} (first tab)`;
    await withScreenshot(page, '06-analytics', async () => {
      await page.goto(`${ADMIN_URL}#/analytics`);
      await page.getByLabel('Film').fill(filmTitle);
      await page.getByRole('option', { name: filmTitle }).click();
      // The projection writes to ClickHouse in batches: reload the page's data until the events are in.
      const stats = page.getByTestId('film-stats');
      const top = page.getByTestId('top-films');
      for (let attempt = 0; ; attempt++) {
        await stats.waitFor();
        // The top ten may be other films (ties, other tests' activity): the chart only has to show bars.
        if (await stats.getByText('Average rating: 9').count() && await top.locator('.recharts-bar-rectangle').count()) {
          break;
        }
        assert.ok(attempt < 30, 'the film\'s events reached the analytics');
        await page.waitForTimeout(1000);
        await page.getByRole('button', { name: 'Refresh' }).click();
      }
    });
  });

  test('shows the film\'s history and deletes it after confirming', async () => {
    await withScreenshot(page, '07-history-and-delete', async () => {
      await page.goto(`${ADMIN_URL}#/films/${filmId}/history`);
      const history = page.getByTestId('history');
      // Created, then the first tab's title, then the second tab's description (its stale save wrote nothing).
      await history.getByRole('cell', { name: 'FilmDescriptionChanged' }).waitFor();
      assert.deepEqual(await history.locator('tbody tr td:nth-child(2)').allTextContents(),
        ['FilmCreated', 'FilmRetitled', 'FilmDescriptionChanged']);

      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Confirm' }).click();
      await page.waitForURL(/#\/films(\?|$)/);
      // The list read after the delete (with its consistency token) has it no more, nor has a search.
      await search(page, `${title} (first tab)`);
      await page.getByRole('row').nth(1).or(page.getByText('No results found')).first().waitFor();
      assert.equal(await page.getByRole('row').filter({ hasText: `${title} (first tab)` }).count(), 0);
    });
    assert.equal((await browser.context.request.get(`${ORIGIN}/admin/api/v1/films/${filmId}`)).status(), 404);
  });

  test('starts a reindex and watches its progress reach 100%', async () => {
    await withScreenshot(page, '08-reindex', async () => {
      await page.goto(`${ADMIN_URL}#/operations`);
      await page.getByRole('button', { name: 'Reindex' }).click();
      await page.getByTestId('reindex-progress').waitFor();
      await page.getByTestId('reindex-percent').filter({ hasText: '100%' }).waitFor({ timeout: 180_000 });
      // Then the aliases are swapped and the job is over.
      await page.getByTestId('reindex-state').filter({ hasText: 'completed' }).waitFor({ timeout: 60_000 });
    });
  });

  test('refuses a user without the admin role', async () => {
    const email = `plain-user-${tag}@example.com`;
    const password = `not an admin ${tag}`;
    const response = await browser.context.request.post(`${ORIGIN}/auth/api/v1/users/register`, {
      data: { email, password },
    });
    assert.equal(response.status(), 201);
    const other = await launch();
    const otherPage = other.context.pages()[0] ?? await other.context.newPage();
    try {
      await withScreenshot(otherPage, '09-not-admin-refused', async () => {
        await signIn(otherPage, email, password);
        await otherPage.getByText('Only administrators may use this app').waitFor();
        await otherPage.getByRole('button', { name: 'Sign in' }).waitFor();
        assert.equal(await otherPage.getByRole('menuitem', { name: 'Films' }).count(), 0);
      });
    } finally {
      await other.close();
    }
  });

  test('signs out', async () => {
    await withScreenshot(page, '10-signed-out', async () => {
      await page.goto(`${ADMIN_URL}#/films`);
      await page.getByRole('button', { name: 'Profile' }).click();
      await page.getByRole('menuitem', { name: 'Logout' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      // The session is over on the server too: the app asks to sign in again after a reload.
      await page.reload();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    });
  });
});
