/**
 * Whether `YYYY-MM-DD` names a day of the calendar. The format alone lets `2025-02-30` and
 * `2025-13-01` through, and the site cannot show them: a month 13 stops the build far from the
 * source line, a 30 February is listed as such but dated 2 March in the feeds.
 */
export function isCalendarDate(iso: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
	if (!m) return false;
	const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
