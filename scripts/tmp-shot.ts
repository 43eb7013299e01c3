import { serveSite } from '../tests/e2e/support/server.ts';
import { launchBrowser } from '../tests/e2e/support/browser.ts';
const server = await serveSite('dist', '/');
const browser = await launchBrowser();
const shots: Array<[string, string, number, 'light' | 'dark']> = [
	['home', '', 1280, 'light'],
	['paper-math-dark-phone', 'papers/lifegpt/', 375, 'dark'],
	['paper', 'papers/speecht5/', 1280, 'light'],
	['topics', 'topics/', 1280, 'dark'],
	['search', 'search/?q=speech', 1280, 'light'],
];
for (const [name, path, width, scheme] of shots) {
	const ctx = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
	const page = await ctx.newPage();
	await page.goto(server.url + path);
	await page.waitForTimeout(1500);
	await page.screenshot({ path: `screenshots/${name}.png`, fullPage: false });
	await ctx.close();
}
await browser.close();
await server.close();
