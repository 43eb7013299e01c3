/** Pure wording of the offline and update notices (unit-tested). */

/** Text of the offline indicator, or `''` when online. */
export function offlineLabel(online: boolean, precached: boolean): string {
	if (online) return '';
	return precached
		? 'Offline — saved pages and search still work.'
		: 'Offline — only pages you have opened are available.';
}
