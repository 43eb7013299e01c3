/** Pure wording of the offline and update notices (unit-tested). */

/**
 * What the service worker in control keeps (its `GET_BUILD` answer): `full`, a copy of the whole
 * site; `core`, the shell plus whatever the reader opened; undefined, no worker answered.
 */
export type OfflineMode = 'full' | 'core' | undefined;

/** Text of the offline indicator, or `''` when online. */
export function offlineLabel(online: boolean, mode: OfflineMode): string {
	if (online) return '';
	if (mode === 'full') return 'Offline — saved pages and search still work.';
	if (mode === 'core')
		return 'Offline — pages you have opened and searches you have run still work.';
	return 'Offline — pages you have not opened before will not load.';
}
