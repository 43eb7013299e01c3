/**
 * The inline script of a redirect page (RedirectPage.astro): it sends the reader on at once and
 * keeps the part of the address after `#`, which the page's meta refresh drops (a bookmark of
 * `/papers/codet5/#cite` landed at the top of the moved paper's page). It reads the target from
 * that meta refresh, so its text is the same on every page and one SHA-256 in the
 * Content-Security-Policy of `public/_headers` allows it (a test keeps them in step). Without
 * scripts the meta refresh still sends the reader on, without the fragment.
 */
export const REDIRECT_SCRIPT =
	"var r=document.querySelector('meta[http-equiv=refresh]');if(r)location.replace(r.content.replace(/^0; url=/,'')+location.hash)";
