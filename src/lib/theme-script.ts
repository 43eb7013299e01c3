/**
 * The inline script of every page: it runs in `<head>` before first paint and applies the
 * theme the reader chose earlier, so a dark-theme reader never sees a light flash. Its SHA-256
 * is listed in the Content-Security-Policy of `public/_headers` (a test keeps them in step).
 * Without a stored choice nothing happens and CSS follows `prefers-color-scheme`. The theme
 * toggle (SiteScripts.astro) stores the choice under the same key, `theme`.
 */
export const THEME_SCRIPT =
	"try{var t=localStorage.getItem('theme');if(t==='dark'||t==='light')document.documentElement.dataset.theme=t}catch(e){}";
