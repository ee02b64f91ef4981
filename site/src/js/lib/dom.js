// Small DOM helpers. Text from the API only ever goes in through textContent.

/**
 * Create an element. `attrs` values of false/null/undefined are skipped; children that are
 * strings or numbers become text nodes.
 * @param {string} tag
 * @param {Record<string, string|number|boolean|null|undefined>} [attrs]
 * @param {...(Node|string|number|null|undefined|false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
  return element;
}

/**
 * Put the labels of one language into the static page: `data-i18n="key"` sets the text,
 * `data-i18n-attr="attr:key,attr2:key2"` sets attributes.
 * @param {ParentNode} root @param {(key: string) => string} translate
 */
export function applyTranslations(root, translate) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.textContent = translate(element.getAttribute('data-i18n') ?? '');
  }
  for (const element of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of (element.getAttribute('data-i18n-attr') ?? '').split(',')) {
      const [attr, key] = pair.split(':').map((part) => part.trim());
      if (attr && key) element.setAttribute(attr, translate(key));
    }
  }
}
