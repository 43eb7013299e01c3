/** Where the end-to-end builds live (made once per run by tests/e2e/global-setup.ts). */
export const DIST = 'dist';
/** The same site built under a sub-path. */
export const DIST_BASE = 'dist-base';
/** The sub-path of DIST_BASE. */
export const BASE_PATH = '/reading-list/';
