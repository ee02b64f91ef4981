// A basic, axe-like accessibility audit that runs inside the page (passed to page.evaluate).
// It returns a list of problems, empty when the page passes. Checks: document language and
// title, exactly one h1 and no skipped heading levels, landmarks (banner, navigation, main,
// contentinfo), a skip link to main as the first focusable element, unique ids, references of
// aria-labelledby/aria-describedby, a label for every form control, alt on images, a name for
// every link and button, and text contrast (WCAG AA: 4.5:1, 3:1 for large text).

export function auditPage() {
  const problems = [];
  const describe = (el) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}>`;
  const text = (el) => (el.textContent || '').replace(/\s+/g, ' ').trim();
  const nameOf = (el) => {
    const labelledby = el.getAttribute('aria-labelledby');
    if (labelledby) return labelledby.split(/\s+/).map((id) => text(document.getElementById(id) || document.createElement('i'))).join(' ').trim();
    return (el.getAttribute('aria-label') || '').trim() || text(el) ||
      [...el.querySelectorAll('img[alt]')].map((img) => img.alt).join(' ').trim();
  };

  const html = document.documentElement;
  if (!/^(id|en)$/.test(html.lang)) problems.push(`html lang is "${html.lang}"`);
  if (!document.title.trim()) problems.push('document has no title');

  const h1s = document.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements (want 1)`);
  let level = 0;
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const next = Number(heading.tagName[1]);
    if (level && next > level + 1) problems.push(`heading level skipped: h${level} → h${next} at "${text(heading)}"`);
    level = next;
    if (!text(heading)) problems.push(`empty heading ${describe(heading)}`);
  }

  const banner = [...document.querySelectorAll('header')].filter((el) => !el.closest('article, aside, main, nav, section'));
  if (banner.length !== 1) problems.push(`${banner.length} banner landmarks (want 1)`);
  if (document.querySelectorAll('main').length !== 1) problems.push('want exactly one <main>');
  if (!document.querySelector('nav')) problems.push('no navigation landmark');
  const footers = [...document.querySelectorAll('footer')].filter((el) => !el.closest('article, aside, main, nav, section'));
  if (footers.length !== 1) problems.push(`${footers.length} contentinfo landmarks (want 1)`);
  const navs = document.querySelectorAll('nav');
  if (navs.length > 1) {
    for (const nav of navs) if (!nav.getAttribute('aria-label') && !nav.getAttribute('aria-labelledby')) problems.push(`several <nav> and ${describe(nav)} has no label`);
  }

  const focusable = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])')]
    .filter((el) => !el.disabled);
  const skip = focusable[0];
  if (!skip || skip.getAttribute('href') !== '#main' || !document.getElementById('main')) problems.push('first focusable element is not a skip link to #main');

  const seen = new Map();
  for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) || 0) + 1);
  for (const [id, count] of seen) if (count > 1) problems.push(`duplicate id "${id}" (${count}×)`);

  for (const attr of ['aria-labelledby', 'aria-describedby']) {
    for (const el of document.querySelectorAll(`[${attr}]`)) {
      for (const id of el.getAttribute(attr).split(/\s+/)) if (!document.getElementById(id)) problems.push(`${describe(el)} ${attr} points to missing #${id}`);
    }
  }

  for (const control of document.querySelectorAll('input, select, textarea')) {
    const type = (control.getAttribute('type') || '').toLowerCase();
    if (['hidden', 'submit', 'button', 'reset', 'image'].includes(type)) continue;
    const labelled = [...(control.labels || [])].some((label) => text(label)) ||
      (control.getAttribute('aria-label') || '').trim() || control.getAttribute('aria-labelledby');
    if (!labelled) problems.push(`form control without a label: ${describe(control)}`);
  }

  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push(`image without alt: ${img.src}`);
  for (const svg of document.querySelectorAll('svg')) {
    if (svg.getAttribute('aria-hidden') !== 'true' && !(svg.getAttribute('role') === 'img' && nameOf(svg))) problems.push('svg neither hidden nor labelled');
  }
  for (const link of document.querySelectorAll('a[href]')) if (!nameOf(link)) problems.push(`link without a name: ${link.getAttribute('href')}`);
  for (const button of document.querySelectorAll('button')) if (!nameOf(button)) problems.push(`button without a name: ${describe(button)}`);

  // Contrast of every visible text node against the background behind it.
  const parse = (value) => {
    const m = /rgba?\(([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:[ ,/]+([\d.]+%?))?\)/.exec(value);
    if (!m) return null;
    let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [Number(m[1]), Number(m[2]), Number(m[3]), a];
  };
  const blend = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const backgroundOf = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg[3] > 0) {
        layers.push(bg);
        if (bg[3] >= 1) break;
      }
    }
    return layers.reverse().reduce((acc, layer) => blend(layer, acc), [255, 255, 255, 1]);
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const checked = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || checked.has(el) || !node.textContent.trim()) continue;
    checked.add(el);
    if (el.closest('[hidden], noscript, script, style, .visually-hidden, .skip-link')) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none' || !el.getClientRects().length) continue;
    const bg = backgroundOf(el);
    const fg = blend(parse(style.color) || [0, 0, 0, 1], bg);
    const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) problems.push(`contrast ${ratio.toFixed(2)}:1 for "${node.textContent.trim().slice(0, 40)}" ${describe(el)}`);
  }
  return problems;
}
