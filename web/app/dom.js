// Looking up the page's fixed nodes by id, failing loudly if the HTML and the code disagree.

/** The element with `id`; throws if the page does not have it. */
export function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html has no element #${id}`);
  return node;
}
