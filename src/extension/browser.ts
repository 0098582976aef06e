/**
 * The one seam to the browser: every extension API call goes through this module. It re-exports
 * `webextension-polyfill`, whose README says it gets no further updates now that Chrome has the promise-based
 * `browser` namespace; swapping it for `globalThis.browser ?? globalThis.chrome` is a change to this file only.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs } from 'webextension-polyfill';
export default browser;
