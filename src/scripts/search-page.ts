/**
 * The search page: loads Pagefind on this page only, runs the query from `?q=`, keeps the URL
 * in step with the input and filters, renders results (title, authors, short name, topics,
 * highlighted excerpt) and moves through them with the arrow keys.
 */
import { formatShortDate, plural } from '../lib/format.ts';
import {
	abstractExcerpt,
	historyStep,
	IDLE_STATUS,
	keepCarrying,
	moveFocus,
	noPaperWith,
	offeredState,
	paperRef,
	parseSearchState,
	queryWords,
	readSearchTerms,
	RESULTS_PAGE,
	safeExcerpt,
	stateToFilters,
	stateToSearch,
	unmatchedNote,
	withoutQuotes,
	type SearchCause,
	type SearchState,
} from './search-state.ts';
import { authorsLine } from './search-authors.ts';
import { loadSortOrder, sortResults } from './search-sort.ts';
import { watchIndexFetches } from './index-fetch.ts';
import { initPagefind, loadPagefind, type Pagefind, type ResultData } from './pagefind-load.ts';
import { rememberSearch } from './saved-searches.ts';
import { workerBuild } from './worker-build.ts';
import { PAGEFIND_ENTRY_FILE } from '../lib/pagefind-entry.ts';
import { pagefindUrl } from '../lib/urls.ts';

const root = document.querySelector<HTMLElement>('[data-search]');
if (root) void start(root);

async function start(root: HTMLElement): Promise<void> {
	const form = root.querySelector<HTMLFormElement>('form')!;
	const input = root.querySelector<HTMLInputElement>('input[name="q"]')!;
	const status = root.querySelector<HTMLElement>('[data-status]')!;
	const list = root.querySelector<HTMLOListElement>('[data-results]')!;
	const more = root.querySelector<HTMLButtonElement>('[data-more]')!;
	// The filter choices and their counts are in the page (SearchPanel.astro).
	const topicBoxes = [...root.querySelectorAll<HTMLInputElement>('input[name="topic"]')];
	const codeBox = root.querySelector<HTMLInputElement>('input[name="code"]')!;
	const clear = root.querySelector<HTMLButtonElement>('[data-clear]')!;

	const filterPanel = root.querySelector<HTMLDetailsElement>('[data-filters]')!;
	const wide = matchMedia('(min-width: 48rem)');
	const offered = topicBoxes.map((b) => b.value);
	/** The state of the page's URL, without topics the page offers no box for (offeredState). */
	const urlState = (): SearchState => offeredState(parseSearchState(location.search), offered);
	const readForm = (): SearchState => ({
		q: input.value.trim(),
		topics: topicBoxes.filter((b) => b.checked).map((b) => b.value),
		code: codeBox.checked,
	});
	/** Sets the form to `state`. */
	const showState = (): void => {
		input.value = state.q;
		codeBox.checked = state.code;
		for (const box of topicBoxes) box.checked = state.topics.includes(box.value);
	};
	// The reader may type or tick a filter as soon as the form paints, before this script has
	// arrived on a slow line: what they changed stays, and only the controls they left as the
	// HTML has them show the address's search (it wrote over their first letters: "iffusion").
	const arrived = urlState();
	const typedFirst = input.value !== input.defaultValue;
	if (!typedFirst) input.value = arrived.q;
	if (codeBox.checked === codeBox.defaultChecked) codeBox.checked = arrived.code;
	for (const box of topicBoxes)
		if (box.checked === box.defaultChecked) box.checked = arrived.topics.includes(box.value);
	let state = readForm();
	// The address says what the page searches: what the reader typed or ticked first, and not a
	// topic of an older build (renamed or gone) in a shared or bookmarked URL, which found no
	// paper, with no box ticked to say why.
	if (stateToSearch(state) !== stateToSearch(parseSearchState(location.search)))
		history.replaceState(
			history.state,
			'',
			location.pathname + stateToSearch(state) + location.hash,
		);
	// Open on wide screens only (the HTML has it open): on a phone an open panel put the first
	// result some 1,250 px down; its summary says how many filters are set (showClear).
	filterPanel.open = wide.matches;
	// From here a phone shows the panel's list when the reader opens it (the stylesheet hid it).
	root.dataset.enhanced = '';
	// On wide screens the panel has no summary to open it with.
	wide.addEventListener('change', () => {
		if (wide.matches) filterPanel.open = true;
	});

	// Before Pagefind loads: it looks `fetch` up on each request, so it goes through the watch.
	const indexFetches = watchIndexFetches(window, pagefindUrl(), location.href);
	// Loaded beside everything below: the reader can type, tick and submit meanwhile, and the
	// search they asked for last runs once it has loaded (search waits for it).
	let pagefind: Pagefind;
	/** How far Pagefind has loaded; the root's `data-state` says it too (tests wait for `ready`). */
	let load: 'loading' | 'ready' | 'unavailable' = 'loading';
	/**
	 * Why search cannot run, worked out when Pagefind failed to load: offline then, a connection
	 * that failed, or no index on the site (whyNot). (Worked out again later, a reader back online
	 * was told the index was missing.)
	 */
	let whyNotLoaded = '';
	/** Tries to load Pagefind so far. */
	let attempts = 0;
	/** Loads Pagefind; whether it loaded. */
	const startLoading = (): Promise<boolean> =>
		loadPagefind(attempts++).then(
			(p) => {
				pagefind = p;
				root.dataset.state = load = 'ready';
				return true;
			},
			async () => {
				whyNotLoaded = await whyNot();
				root.dataset.state = load = 'unavailable';
				list.replaceChildren();
				more.hidden = true;
				status.textContent = whyNotLoaded;
				return false;
			},
		);
	let loading = startLoading();

	let results: Array<{ data(): Promise<ResultData> }> = [];
	let shown = 0;
	/** What the status line says of the last search (more results add how many are shown). */
	let statusText = '';
	let run = 0;
	/** The last search ran without part of its index: run it again once back online. */
	let incomplete = false;
	/** The query of the last search answered in full (or ''), as the reader typed it. */
	let answered = '';
	/**
	 * A search was answered on this page: index files gone after that mean a deploy replaced the
	 * index, before it that there is none.
	 */
	let searchedOnce = false;

	/**
	 * The index was replaced by a deploy since this page loaded it: its chunks answer 404. Pagefind
	 * is started afresh on the new index (its entry file is fetched anew); false when that fails.
	 */
	function reloadIndex(): Promise<boolean> {
		const done = pagefind
			.destroy()
			.then(() => initPagefind(pagefind))
			.then(
				() => true,
				() => false,
			);
		reloading = done;
		return done;
	}
	/** A reload in progress: searches wait for it (Pagefind has no options between the two). */
	let reloading: Promise<unknown> = Promise.resolve();
	const replaced =
		'The site was updated while this page was open: reload the page to search the new version.';

	const unavailable = (): string =>
		navigator.onLine
			? 'Search is not available right now: part of its index failed to load. Check your connection and try again.'
			: 'Search is not available offline for this query: it needs parts of the index that are not saved on this device. It runs again when you are back online.';

	/** The search run whose next results are loading: more clicks meanwhile would repeat them. */
	let loadingFor = -1;

	async function showMore(): Promise<void> {
		const mine = run;
		if (loadingFor === mine) return;
		loadingFor = mine;
		more.setAttribute('aria-busy', 'true');
		try {
			await appendNext(mine);
		} finally {
			if (loadingFor === mine) {
				loadingFor = -1;
				more.removeAttribute('aria-busy');
			}
		}
	}

	async function appendNext(mine: number): Promise<void> {
		const slice = results.slice(shown, shown + RESULTS_PAGE);
		const goneBefore = indexFetches.gone;
		// Every request settled before the failures are counted: a late 404 of this page's fragments
		// read as a second replaced index during the search run after the first.
		const settled = await Promise.allSettled(slice.map((r) => r.data()));
		const data = settled.every((r) => r.status === 'fulfilled')
			? settled.map((r) => (r as PromiseFulfilledResult<ResultData>).value)
			: null;
		if (mine !== run) return;
		if (!data && indexFetches.gone > goneBefore) {
			// The results' fragments went with a deploy: search the new index, and show as many
			// results as the reader asked for.
			if (await reloadIndex()) await search(true, shown + slice.length);
			else status.textContent = replaced;
			return;
		}
		if (!data) {
			status.textContent = navigator.onLine
				? 'Some results failed to load. Try again.'
				: 'Some results are not saved on this device. Connect to the internet to see them.';
			return;
		}
		const focused = document.activeElement === more;
		const added = data.map(renderResult);
		list.append(...added);
		const before = shown;
		shown += slice.length;
		more.hidden = shown >= results.length;
		// The button pressed from the keyboard moves down past the new results (or is hidden, and
		// focus falls to <body>): either way the reader would lose their place. Hand focus to the
		// first of the results it brought, and say how many are shown now.
		if (focused) added[0]?.querySelector<HTMLElement>('.search-result-link')?.focus();
		if (before > 0) status.textContent = `${statusText} Showing ${shown} of ${results.length}.`;
	}

	/**
	 * Runs the search of `state`. `afterReload`: Pagefind was started again on a new index (see
	 * reloadIndex). `keep`: show at least this many results ("Show more" pressed as the index was
	 * replaced), focus on the first of the last page.
	 */
	async function search(afterReload = false, keep = 0): Promise<void> {
		const mine = ++run;
		const filters = stateToFilters(state);
		const filtered = Object.keys(filters).length > 0;
		if (!state.q && !filtered) {
			list.replaceChildren();
			more.hidden = true;
			status.textContent = load === 'unavailable' ? whyNotLoaded : IDLE_STATUS;
			return;
		}
		if (load !== 'ready') {
			// Said at once, so that the reader knows their search is coming; a search asked for
			// meanwhile takes this one's place (`run`).
			if (load === 'loading') status.textContent = LOADING;
			const ok = await loading;
			if (mine !== run) return;
			if (!ok) {
				status.textContent = whyNotLoaded;
				return;
			}
		}
		let found: Awaited<ReturnType<Pagefind['search']>>['results'] | undefined;
		const failuresBefore = indexFetches.failures;
		const goneBefore = indexFetches.gone;
		incomplete = false;
		const terms = state.q ? await readSearchTerms(state.q) : null;
		await reloading;
		try {
			// Without a query the filters list papers newest first, from the build's date order
			// (fetched beside the search, and only for such a listing: see search-sort.ts).
			const [search, order] = await Promise.all([
				pagefind.search(terms, { filters }),
				state.q ? undefined : loadSortOrder(pagefindUrl(), 'date'),
			]);
			found = order ? sortResults(search.results, order, 'desc') : search.results;
		} catch {
			// Offline on a large site: this query needs index chunks never fetched before.
		}
		if (mine !== run) return;
		// Index files are gone: a deploy replaced the index. Once more on the new one, else say so
		// (not "check your connection"); gone before any search answered, the index is missing.
		const gone = indexFetches.gone > goneBefore;
		if (gone) {
			if (!afterReload && (await reloadIndex())) return search(true, keep);
			found = undefined;
		}
		if (!found) {
			list.replaceChildren();
			more.hidden = true;
			incomplete = true;
			status.textContent = !gone ? unavailable() : searchedOnce ? replaced : MISSING;
			return;
		}
		searchedOnce = true;
		// Pagefind searches on without an index chunk it failed to fetch (see index-fetch.ts):
		// without this an unreachable index would read as "No papers".
		incomplete = indexFetches.failures > failuresBefore;
		// A pasted arXiv id or DOI finds the paper that carries it, not those sharing part of it.
		const ref = state.q ? paperRef(state.q) : undefined;
		if (ref) found = await keepCarrying(found, ref);
		const unquoted = await unquotedCount(terms, filters, found.length);
		const unmatched = ref || found.length === 0 ? [] : await unmatchedWords(terms);
		if (mine !== run) return;
		results = found;
		shown = 0;
		list.replaceChildren();
		const n = results.length;
		const what = state.q
			? `for “${state.q}”${filtered ? ' with these filters' : ''}`
			: 'with these filters';
		// An index that failed to load says so rather than "No papers" (`incomplete` above);
		// offline, a complete answer still says it came from the copy saved on this device.
		statusText =
			n > 0
				? `${plural(n, 'paper')} ${what}.${unmatchedNote(unmatched)}${incomplete ? ' Part of the search index failed to load: there may be more.' : ''}${unquoted ? ` Without the quotes: ${plural(unquoted, 'paper')}.` : ''}`
				: incomplete
					? unavailable()
					: !navigator.onLine
						? `No papers ${what} in the part of the index saved on this device. Connect to the internet to search all papers.`
						: ref
							? noPaperWith(ref, filtered)
							: unquoted
								? `No papers ${what}. Without the quotes: ${plural(unquoted, 'paper')}.`
								: `No papers ${what}.${noResultsHint(state.q, filtered)}`;
		status.textContent = statusText;
		answered = incomplete ? '' : state.q;
		await showMore();
		while (keep > shown && shown < results.length && mine === run) await appendNext(mine);
		if (keep > RESULTS_PAGE && mine === run) {
			// Focus where "Show more" was pressed: the first of the results it brought.
			const links = list.querySelectorAll<HTMLElement>('.search-result-link');
			links[Math.min(keep, shown) - RESULTS_PAGE]?.focus();
		}
	}

	/**
	 * The words of the query (queryWords) that no paper has, each searched alone: their index
	 * chunks were loaded by the search itself. A word that fails to load counts as matching.
	 */
	async function unmatchedWords(terms: string | null): Promise<string[]> {
		const words = terms ? queryWords(terms) : [];
		const counts = await Promise.all(
			words.map((w) =>
				pagefind.search(w, {}).then(
					(r) => r.results.length,
					() => 1,
				),
			),
		);
		return words.filter((_, i) => counts[i] === 0);
	}

	/**
	 * How many papers a query with quotes finds without them, when that is more than the `n` it
	 * found (else `undefined`): Pagefind finds a quoted phrase only as written ("chain of thought"
	 * found 2 papers on the corpus build, its words 27). Asked only when the phrase found less than
	 * a page of results; the words' index chunks are loaded already.
	 */
	async function unquotedCount(
		terms: string | null,
		filters: Record<string, unknown>,
		n: number,
	): Promise<number | undefined> {
		if (!terms?.includes('"') || n >= RESULTS_PAGE || !withoutQuotes(terms)) return undefined;
		try {
			const { results } = await pagefind.search(withoutQuotes(terms), { filters });
			return results.length > n ? results.length : undefined;
		} catch {
			return undefined;
		}
	}

	/**
	 * What to try when nothing matched: Pagefind neither corrects spelling ("difusion") nor
	 * suggests anything, silently. (A quoted phrase that matched nothing says what its words find
	 * without the quotes: unquotedCount.)
	 */
	function noResultsHint(q: string, filtered: boolean): string {
		if (!q) return filtered ? ' Clear some filters.' : '';
		const tips = ['check the spelling', 'try other words'];
		if (filtered) tips.push('clear the filters');
		const list = `${tips.slice(0, -1).join(', ')} or ${tips.at(-1)!}`;
		return ` ${list.charAt(0).toUpperCase()}${list.slice(1)}.`;
	}

	const summary = filterPanel.querySelector('summary')!;
	/** The "Clear filters" button shows while a filter is set, and the panel's summary counts them. */
	const showClear = (): void => {
		const set = Number(state.code) + state.topics.length;
		clear.hidden = set === 0;
		summary.textContent = set > 0 ? `Filters (${set} set)` : 'Filters';
	};
	showClear();
	clear.addEventListener('click', () => {
		for (const box of [codeBox, ...topicBoxes]) box.checked = false;
		update('filtered');
		// The button hides: focus goes where the next search starts.
		input.focus();
	});

	/** The current history entry was made by typing: later keystrokes replace it. */
	let typed = typedFirst;

	/** Searches for what the form says and keeps the URL and the history in step (historyStep). */
	function update(cause: SearchCause): void {
		state = readForm();
		showClear();
		const to = stateToSearch(state);
		const url = location.pathname + to;
		if (historyStep(cause, typed, location.search, to) === 'push') history.pushState(null, '', url);
		else history.replaceState(null, '', url);
		typed = cause === 'typed';
		void search();
	}

	let timer: ReturnType<typeof setTimeout> | undefined;
	input.addEventListener('input', () => {
		clearTimeout(timer);
		timer = setTimeout(() => update('typed'), 150);
	});
	form.addEventListener('submit', (e) => {
		e.preventDefault();
		clearTimeout(timer);
		update('submitted');
	});
	root.addEventListener('change', (e) => {
		if ((e.target as HTMLElement).matches('input[type="checkbox"]')) update('filtered');
	});
	// Back and Forward between searches: the form and results follow the URL. (A move that keeps
	// the search, to the skip link's #search-results and back, keeps the results shown.)
	addEventListener('popstate', () => {
		const next = urlState();
		if (stateToSearch(next) === stateToSearch(state)) return;
		clearTimeout(timer);
		typed = false;
		state = next;
		showState();
		showClear();
		void search();
	});
	more.addEventListener('click', () => void showMore());
	// Back online: Pagefind itself is loaded again if it failed to load (offline, or a dropped
	// connection), and the search runs once it has; Pagefind forgets a chunk that failed to
	// load, so the same search fetches it again.
	addEventListener('online', () => {
		if (load === 'unavailable') {
			root.dataset.state = load = 'loading';
			loading = startLoading();
			void search();
		} else if (incomplete) void search();
	});

	// Arrows move between the input and the result links; Enter follows the focused link.
	document.addEventListener('keydown', (e) => {
		if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Escape') return;
		const links = [...list.querySelectorAll<HTMLAnchorElement>('a.search-result-link')];
		const active = document.activeElement;
		const current = links.indexOf(active as HTMLAnchorElement);
		// Arriving with a query (from the header's box), nothing has focus yet: ↓ starts here, while
		// the first result is in view. Further down ↓ scrolls as usual: a reader at the 8th result
		// was thrown back to the first.
		const nowhere = active === null || active === document.body;
		if (nowhere && e.key === 'ArrowDown' && links.length > 0 && inView(links[0]!)) {
			e.preventDefault();
			return links[0]!.focus();
		}
		if (active !== input && current === -1) return;
		// In the box, Escape clears it, as the header's box does (the browser's own).
		if (active === input && e.key === 'Escape') return;
		e.preventDefault();
		if (e.key === 'Escape') return input.focus();
		const next = moveFocus(current, e.key === 'ArrowDown' ? 1 : -1, links.length);
		(links[next] ?? input).focus();
	});

	// Back from a result, the reader is returned to the result they opened, with as many results
	// shown as then, not to the top of the page (history.state of this entry remembers it).
	list.addEventListener('click', (e) => {
		const a = (e.target as HTMLElement).closest<HTMLAnchorElement>('a.search-result-link');
		if (!a) return;
		history.replaceState({ opened: a.getAttribute('href'), shown } satisfies Opened, '');
		remember();
	});
	// On a site kept offline only in part (core), the searches the reader ran are saved, so that
	// the site runs them again on the next build's index (saved-searches.ts): the query a result
	// was opened from, and the one on screen when the page is left (not every keystroke's).
	let coreBuild: string | undefined;
	void workerBuild(navigator.serviceWorker?.controller).then((b) => {
		coreBuild = b?.mode === 'core' ? b.id : undefined;
	});
	function remember(): void {
		try {
			if (coreBuild && answered) rememberSearch(localStorage, answered, coreBuild);
		} catch {
			// No storage (private mode): nothing is kept.
		}
	}
	addEventListener('pagehide', remember);

	// Every listener is attached: what the reader does from here is searched once Pagefind has
	// loaded (`ready`), or said to be unavailable. (Pagefind's promise settles after this.)
	root.dataset.state = load;
	// Where the search starts, unless the reader is already somewhere (typing in the box, or in
	// the header's).
	const active = document.activeElement;
	if (!state.q && (active === null || active === document.body)) input.focus();
	await search();
	const back = history.state as Opened | null;
	if (back?.opened) {
		const mine = run;
		while (mine === run && shown < Math.min(back.shown, results.length)) await showMore();
		const links = list.querySelectorAll<HTMLAnchorElement>('a.search-result-link');
		[...links].find((a) => a.getAttribute('href') === back.opened)?.focus();
	}
}

/** What the search page's history entry remembers of the result the reader opened. */
interface Opened {
	opened: string | null;
	shown: number;
}

function renderResult(d: ResultData): HTMLLIElement {
	const li = document.createElement('li');
	li.className = 'search-result';
	const a = document.createElement('a');
	a.className = 'search-result-link';
	a.href = d.url;
	a.textContent = d.meta.title ?? d.url;
	// Each text takes its own direction (an Arabic title reads right to left) and keeps it to
	// itself: an unclosed U+202E in a title reversed the excerpt under it.
	a.dir = 'auto';
	const h = document.createElement('h2');
	h.append(a);
	li.append(h);
	// Who wrote it, a matched name marked: names are text (nodes and <mark>s), never HTML.
	const authors = authorsLine(d, d.meta.authors);
	if (authors.length) {
		const by = document.createElement('p');
		by.className = 'search-authors';
		by.dir = 'auto';
		for (const part of authors) {
			if (!part.mark) {
				by.append(part.text);
				continue;
			}
			const m = document.createElement('mark');
			m.textContent = part.text;
			by.append(m);
		}
		li.append(by);
	}
	const info = document.createElement('p');
	info.className = 'search-result-meta';
	for (const [cls, text] of [
		['search-short', d.meta.shortName],
		['search-topics', d.meta.topics],
		[
			'search-date',
			d.meta.date && /^\d{4}-\d{2}-\d{2}$/.test(d.meta.date)
				? formatShortDate(d.meta.date)
				: d.meta.date,
		],
	] as const) {
		if (!text) continue;
		const s = document.createElement('span');
		s.className = cls;
		s.textContent = text;
		info.append(s);
	}
	if (info.childElementCount) li.append(info);
	const ex = document.createElement('p');
	ex.className = 'search-excerpt';
	ex.dir = 'auto';
	ex.innerHTML = safeExcerpt(abstractExcerpt(d) ?? d.excerpt);
	li.append(ex);
	return li;
}

/** While Pagefind loads, for a search asked for before it has. */
const LOADING = 'Loading search…';

/**
 * Why Pagefind did not load: offline; or, asked again, the site answers that it has no script
 * or entry file (built or uploaded without its index); or the request failed (a dropped connection,
 * which the browser need not see as offline: readers were told to build the site).
 */
async function whyNot(): Promise<string> {
	if (!navigator.onLine) return OFFLINE_FIRST;
	try {
		const answers = await Promise.all(
			['pagefind.js', PAGEFIND_ENTRY_FILE].map((file) =>
				fetch(pagefindUrl() + file, { method: 'HEAD', cache: 'no-store' }),
			),
		);
		return answers.some((a) => a.status === 404) ? MISSING : NOT_STARTED;
	} catch {
		return NO_CONNECTION;
	}
}

/** Online, but Pagefind's script could not be fetched. */
const NO_CONNECTION =
	'Search could not load: check your connection. It loads by itself once you are back online.';

/** Pagefind's script is there but did not start. */
const NOT_STARTED = 'Search could not start. Reload the page to try again.';

/** Offline, with no copy of the index saved yet. */
const OFFLINE_FIRST =
	'Search is not available offline yet: open this page once while online to save it.';

/** Online, with no index to load: the site was built or uploaded without it. */
const MISSING =
	'Search is not available: the search index is missing. Build the site (npm run build) to create it.';

/** Whether some of an element is inside the viewport. */
function inView(el: Element): boolean {
	const box = el.getBoundingClientRect();
	return box.bottom > 0 && box.top < innerHeight;
}
