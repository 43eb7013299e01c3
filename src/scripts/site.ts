/**
 * Runs on every page and stays tiny (no search code): the `/` shortcut to search (and its off
 * switch on the search page), the service worker registration, the "new version" notice and the
 * offline indicator.
 */
import { rootUrl, searchUrl, serviceWorkerUrl } from '../lib/urls.ts';
import { offlineLabel, type OfflineMode } from './offline-state.ts';
import { markSearches, staleSearches } from './saved-searches.ts';
import { workerBuild } from './worker-build.ts';

/** localStorage key of the reader's choice to turn the `/` shortcut off ('off'). */
const SHORTCUT_KEY = 'search-shortcut';

function shortcutOn(): boolean {
	try {
		return localStorage.getItem(SHORTCUT_KEY) !== 'off';
	} catch {
		return true;
	}
}

// `/` focuses search from any page, unless the reader is typing somewhere or turned it off.
document.addEventListener('keydown', (e) => {
	if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || !shortcutOn()) return;
	const t = e.target as HTMLElement | null;
	if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
	const box =
		document.querySelector<HTMLInputElement>('[data-search] input[name="q"]') ??
		document.querySelector<HTMLInputElement>('form[role="search"] input[name="q"]');
	e.preventDefault();
	if (box) {
		box.focus();
		box.select();
	} else location.href = searchUrl();
});

// The search page's hint says whether the shortcut is on and offers to switch it.
const toggle = document.querySelector<HTMLButtonElement>('[data-shortcut-toggle]');
if (toggle) {
	const show = (): void => {
		const on = shortcutOn();
		for (const el of document.querySelectorAll<HTMLElement>('[data-shortcut]'))
			el.hidden = el.dataset.shortcut !== (on ? 'on' : 'off');
		toggle.textContent = on ? '(turn off)' : '(turn on)';
		toggle.setAttribute('aria-label', `Turn ${on ? 'off' : 'on'} the / shortcut`);
	};
	toggle.addEventListener('click', () => {
		try {
			if (shortcutOn()) localStorage.setItem(SHORTCUT_KEY, 'off');
			else localStorage.removeItem(SHORTCUT_KEY);
		} catch {
			return; // Storage is blocked: the choice could not last, so nothing changes.
		}
		show();
	});
	show();
	toggle.hidden = false;
}

/**
 * Marks a long formula by which of its ends are scrolled out of view (`data-clip`: start, end,
 * both), for the stylesheet to fade them; none when it fits.
 */
function markClip(el: HTMLElement): void {
	const hidden = el.scrollWidth - el.clientWidth;
	const start = el.scrollLeft > 1;
	const end = el.scrollLeft < hidden - 1;
	const clip = start && end ? 'both' : start ? 'start' : end ? 'end' : undefined;
	if (clip === undefined) delete el.dataset.clip;
	else if (el.dataset.clip !== clip) el.dataset.clip = clip;
}

// A long formula (render-abstract.ts marks it) or a chart (ChartFigure.astro) is a tab stop so
// that a keyboard can scroll it; where it fits the column it scrolls nothing, and the stop is
// only in the way.
const scrollers = document.querySelectorAll<HTMLElement>('.katex--wide, [data-scroll-x]');
if (scrollers.length > 0 && 'ResizeObserver' in window) {
	const fit = new ResizeObserver((entries) => {
		for (const { target } of entries) {
			const el = target as HTMLElement;
			if (el.scrollWidth > el.clientWidth + 1) el.tabIndex = 0;
			else el.removeAttribute('tabindex');
			if (el.classList.contains('katex--wide')) markClip(el);
		}
	});
	for (const el of scrollers) {
		fit.observe(el);
		if (el.classList.contains('katex--wide'))
			el.addEventListener('scroll', () => markClip(el), { passive: true });
	}
}

// A paper's side column taller than the window (many code links, long comments) is pinned by its
// bottom edge: pinned by its top inside a window-high scroller, the Cite panel sat below the
// window's edge, reachable only by scrolling inside the column, which nothing hinted at.
const aside = document.querySelector<HTMLElement>('.paper__aside');
if (aside && 'ResizeObserver' in window) {
	const pin = (): void => {
		// The room the stylesheet gives a pinned column: calc(100vh - 2.5rem).
		const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
		const tall = aside.scrollHeight > window.innerHeight - 2.5 * rem;
		aside.classList.toggle('paper__aside--tall', tall);
		// Pinned by its bottom edge, 1.25rem above the window's.
		if (tall)
			aside.style.setProperty(
				'--aside-top',
				`${window.innerHeight - aside.scrollHeight - 1.25 * rem}px`,
			);
	};
	new ResizeObserver(pin).observe(aside);
	window.addEventListener('resize', pin, { passive: true });
}

/** A small status line at the bottom of the viewport (offline, update available). */
function notice(id: string): HTMLElement {
	let el = document.getElementById(id);
	if (!el) {
		el = document.createElement('div');
		el.id = id;
		el.className = 'site-notice';
		el.setAttribute('role', 'status');
		document.body.append(el);
	}
	return el;
}

/** What the worker in control keeps offline (see worker-build.ts). */
const workerMode = async (worker: ServiceWorker | null | undefined): Promise<OfflineMode> =>
	(await workerBuild(worker))?.mode;

/**
 * The reader's saved searches (saved-searches.ts) run again on the index of a new build that
 * keeps only part of the site (core), while online, so that they still work offline: its index
 * chunks have new names the worker could not carry over. Not on the search page, whose own
 * searches run on the new index.
 */
async function refreshSavedSearches(): Promise<void> {
	if (!navigator.onLine || document.querySelector('[data-search]')) return;
	const build = await workerBuild(navigator.serviceWorker?.controller);
	if (build?.mode !== 'core') return;
	try {
		const stale = staleSearches(localStorage, build.id);
		if (stale.length === 0) return;
		const { carrySearches } = await import('./search-carry.ts');
		markSearches(localStorage, await carrySearches(stale), build.id);
	} catch {
		// No storage, or the index could not load: tried again on the next page.
	}
}

async function showOffline(): Promise<void> {
	const mode = await workerMode(navigator.serviceWorker?.controller);
	const text = offlineLabel(navigator.onLine, mode);
	const el = notice('offline-indicator');
	el.textContent = text;
	el.hidden = !text;
	document.documentElement.toggleAttribute('data-offline', !navigator.onLine);
}
addEventListener('online', () => void showOffline());
addEventListener('offline', () => void showOffline());
if (!navigator.onLine) void showOffline();

/** The update notice: `text`, then a Reload button that does `reload`. */
function showUpdate(text: string, reload: () => void): void {
	const el = notice('update-notice');
	el.replaceChildren(text);
	const button = document.createElement('button');
	button.type = 'button';
	button.textContent = 'Reload';
	button.addEventListener('click', reload);
	el.append(button);
	el.hidden = false;
}

function offerUpdate(waiting: ServiceWorker): void {
	showUpdate('A newer version of this site is available. ', () =>
		waiting.postMessage({ type: 'SKIP_WAITING' }),
	);
}

/**
 * A reader who asked to save data (Save-Data, data saver) and has no service worker yet: the
 * first visit would download the whole site in the background (785 KB more after an 18 KB paper
 * page of the bundled site), so offline reading is not set up for them. A worker installed
 * before goes on being updated.
 */
function savingData(): boolean {
	const connection = (navigator as { connection?: { saveData?: boolean } }).connection;
	return navigator.serviceWorker.controller == null && connection?.saveData === true;
}

// `import.meta.hot` exists only under `astro dev` (import.meta.env.PROD is unreliable: a build
// run with NODE_ENV=test, as the e2e setup does, reports false). In dev, a worker left by
// `astro preview` on the same origin would serve stale pages, so it is removed.
if (import.meta.hot && 'serviceWorker' in navigator) {
	void navigator.serviceWorker
		.getRegistrations()
		.then((regs) => Promise.all(regs.map((r) => r.unregister())));
} else if ('serviceWorker' in navigator && !savingData()) {
	// The first install takes control silently (clientsClaim). A later full copy of the site
	// took over after the reader chose to reload (here or in another tab): show it, so builds are
	// never mixed on a page. A large site's worker (core) takes over by itself and keeps no copy
	// of the old build to mix: the page stays as the reader has it, with a notice to reload.
	let controlled = navigator.serviceWorker.controller != null;
	let reloading = false;
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		const was = controlled;
		controlled = true;
		void workerMode(navigator.serviceWorker.controller).then((mode) => {
			if (was && mode !== 'core' && !reloading) {
				reloading = true;
				location.reload();
			}
			// The page stays, but says that it is an older build's: a reader kept an open home page
			// listing yesterday's papers, with nothing to tell them (and search by the old index).
			if (was && mode === 'core') {
				showUpdate('This site has been updated. ', () => location.reload());
				void refreshSavedSearches();
			}
		});
	});
	/** Offers a waiting full copy of a newer build (a core one does not wait). */
	const offer = (worker: ServiceWorker): void => {
		if (!navigator.serviceWorker.controller) return;
		void workerMode(worker).then((mode) => {
			if (mode !== 'core' && worker.state === 'installed') offerUpdate(worker);
		});
	};
	// A build that took over while no page was open, or a carry that failed: on each page.
	if (navigator.serviceWorker.controller)
		addEventListener('load', () => void refreshSavedSearches(), { once: true });
	void navigator.serviceWorker
		.register(serviceWorkerUrl(), { scope: rootUrl() })
		.then((reg) => {
			if (reg.waiting) offer(reg.waiting);
			reg.addEventListener('updatefound', () => {
				const next = reg.installing;
				next?.addEventListener('statechange', () => {
					if (next.state === 'installed') offer(next);
				});
			});
		})
		.catch(() => {
			// No service worker (file://, private mode): the site still works online.
		});
}
