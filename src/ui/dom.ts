// Small DOM helpers shared by the extension pages.

/** The page's element with this id; a missing one is a bug in the page's HTML, reported by name. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`${location.pathname} lacks #${id}`);
  return found as T;
}
