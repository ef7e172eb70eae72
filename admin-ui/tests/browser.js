import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Where the app runs (admin-ui.sh starts it) and who signs in. */
export const ADMIN_URL = process.env.ADMIN_URL ?? 'http://127.0.0.1:18100/admin/';
export const ADMIN_EMAIL = process.env.ADMIN_EMAIL;
export const ADMIN_PASSWORD = process.env.ADMIN_PASSWORD;
export const ORIGIN = new URL(ADMIN_URL).origin;
const RESULTS = new URL('../test-results/', import.meta.url).pathname;

/** Debian's Chromium, headless, with an empty profile that is removed afterwards. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'cinema-admin-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
  });
  context.setDefaultTimeout(20_000);
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The test's last screen, whatever its outcome. */
export async function screenshot(page, name) {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
}

/** Runs a test's steps and saves a screenshot of the page at the end, also when a step fails. */
export async function withScreenshot(page, name, steps) {
  try {
    await steps();
  } finally {
    await screenshot(page, name).catch(() => {});
  }
}

export async function signIn(page, email = ADMIN_EMAIL, password = ADMIN_PASSWORD) {
  await page.goto(ADMIN_URL);
  await page.getByLabel(/^E-mail/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * Types into a list's search box once the list has shown, and waits until the search is applied (it is
 * debounced: leaving the page before would bring the list back).
 */
export async function search(page, text) {
  await page.getByRole('row').nth(1).or(page.getByText('No results found')).first().waitFor();
  await page.getByPlaceholder('Search').fill(text);
  await page.waitForURL(/filter=/);
}

/** A unique suffix, so that runs and tests never see each other's data. */
export const unique = () => Math.random().toString(36).slice(2, 8);

/** An API call with the browser's cookies (the signed-in admin). */
export async function apiCall(context, method, path, data) {
  const response = await context.request.fetch(`${ORIGIN}${path}`, { method, data });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return { json: await response.json().catch(() => null), headers: response.headers() };
}

/** Waits until the query side has projected a write (its X-Consistency-Token), as the app's own reads do. */
export async function awaitReadModel(context, writeHeaders) {
  const token = writeHeaders['x-consistency-token'];
  for (let attempt = 0; attempt < 12; attempt++) {
    const response = await context.request.get(`${ORIGIN}/movies/api/v1/genres?page_size=1`, {
      headers: { 'X-Consistency-Token': token },
    });
    if (response.ok()) return;
    if (response.status() !== 503) throw new Error(`read model: ${response.status()} ${await response.text()}`);
  }
  throw new Error(`the read model did not reach position ${token}`);
}
