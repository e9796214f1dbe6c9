/**
 * The offline form's own script (`/_app/formulir/formulir.js`, built on its own: vite.config.ts), loaded
 * only by /formulir/<slug> (a prerendered page with `csr = false`). It wakes up, with Svelte's `hydrate`,
 * the three parts of the page that need it: the form, and the page's frame (menu and foot) so a page written
 * in Indonesian at build time reads in the reader's language. SvelteKit's client is never loaded here.
 *
 * Each part sits alone in its box (`#kepala`, `#formulir`, `#kaki`). The server wrote each component inside
 * its parent's markup, which Svelte marks differently from a component rendered on its own: the parent puts
 * an empty comment after it, and `hydrate` looks for the opening and closing comments of a render of its own.
 * `asOwnRender` turns the first into the second; should the markup ever differ, `hydrate` draws the part
 * afresh instead (what was typed before the script ran is then read back by the form from the screen).
 */
import { hydrate, type Component } from 'svelte';
// the shell (service worker, prompts, account menu, read-aloud, language link) is part of this script here,
// not a second one beside it (hooks.server.ts leaves its tag out): one copy of what the two share
import './shell';
import OfflineForm, { type OfflineFormData } from '$lib/components/offline-form/OfflineForm.svelte';
import SiteFooter from '$lib/components/site/SiteFooter.svelte';
import SiteHeader from '$lib/components/site/SiteHeader.svelte';
import { getLocale } from '$lib/paraglide/runtime';

function asOwnRender(box: Element) {
	const last = box.lastChild;
	if (last?.nodeType === Node.COMMENT_NODE && (last as Comment).data === '') last.remove();
	box.prepend(document.createComment('['));
	box.append(document.createComment(']'));
}

function wake<Props extends Record<string, unknown>>(id: string, component: Component<Props>, props: (box: HTMLElement) => Props) {
	const box = document.getElementById(id);
	if (!box) return;
	const given = props(box);
	asOwnRender(box);
	hydrate(component, { target: box, props: given });
}

document.documentElement.lang = getLocale();
wake('kepala', SiteHeader, () => ({ user: null }));
wake('formulir', OfflineForm, (box) => ({ data: JSON.parse(box.dataset.formulir ?? '{}') as OfflineFormData }));
wake('kaki', SiteFooter, () => ({ path: location.pathname + location.search }));
