/**
 * `<html data-prerendered="fi">`: the hint script chose to show a view drawn at build time in that
 * language (first-view-hints.ts); on `#app`, the markup in it is that view, for the app to hydrate,
 * drawn for the route in `data-prerendered-route` (the location's hash then).
 */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';
export const PRERENDERED_ROUTE_ATTRIBUTE = 'data-prerendered-route';
/**
 * `window[EARLY_PRESSES]`: the buttons of a drawn view pressed before the app had taken it over
 * (the course page list's toggle on a phone, say), kept by the hint script; the app presses them
 * again once it has hydrated the view, so no press is lost.
 */
export const EARLY_PRESSES = 'kohtaamoEarlyPresses';
