/**
 * `<html data-prerendered="fi">`: the hint script chose to show the catalogue prerendered in that
 * language (first-view-hints.ts); on `#app`, the markup in it is that catalogue, for the app to hydrate.
 */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';
