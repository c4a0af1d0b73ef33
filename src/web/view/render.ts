// Pages are Preact components rendered to a string on the server: Preact escapes every text
// child and attribute value, so a page cannot inject markup by forgetting to escape.
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document; the doctype is not an element, so it is prepended here. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}`;
}
