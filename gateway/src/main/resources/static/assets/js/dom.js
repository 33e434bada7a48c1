// Builds DOM nodes without HTML strings: every text given here ends up as a text node, never as markup.

export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      node.className = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name in node && typeof value !== 'string') {
      node[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

/** Appends nodes, texts and (nested) arrays of them; null and false are skipped (Element.append would print them). */
export function append(node, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** A status line that screen readers announce; `kind` is '', 'error' or 'ok'. */
export function statusLine(text, kind = '') {
  return h('p', { class: 'status ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function setStatus(node, text, kind = '') {
  node.className = 'status ' + kind;
  node.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  node.textContent = text;
}

/** A labelled form field; `control` is an input, select or textarea node. */
export function field(label, control, hint) {
  if (!control.id) control.id = 'f-' + Math.random().toString(36).slice(2, 9);
  const hintNode = hint ? h('span', { class: 'hint', id: control.id + '-hint' }, hint) : null;
  if (hintNode) control.setAttribute('aria-describedby', hintNode.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintNode);
}

/**
 * A file input with Russian texts whatever the browser's language: the native control stays (keyboard,
 * screen readers, drag and drop) but is drawn as a «Выбрать файл» button and the chosen file's name.
 */
export function filePicker(label, input, hint) {
  if (!input.id) input.id = 'f-' + Math.random().toString(36).slice(2, 9);
  input.classList.add('file-input');
  const name = h('span', { class: 'file-name', 'aria-hidden': 'true' }, 'Файл не выбран');
  input.addEventListener('change', () => {
    name.textContent = input.files && input.files[0] ? input.files[0].name : 'Файл не выбран';
  });
  const hintNode = hint ? h('span', { class: 'hint', id: input.id + '-hint' }, hint) : null;
  if (hintNode) input.setAttribute('aria-describedby', hintNode.id);
  const box = h('div', { class: 'field' }, h('span', { class: 'label', id: input.id + '-label' }, label),
    h('div', { class: 'file-picker' }, input, h('label', { for: input.id, class: 'button secondary' }, 'Выбрать файл'), name), hintNode);
  input.setAttribute('aria-labelledby', input.id + '-label');
  return box;
}

export function select(name, options, value) {
  return h('select', { name }, options.map(([code, title]) =>
    h('option', { value: code, selected: String(code) === String(value ?? '') }, title)));
}

/**
 * A search-highlighter fragment: the text is HTML-escaped by Elasticsearch and marked with <em>. Only the
 * marks become elements; every other character (entities decoded) is text.
 */
export function highlighted(fragment) {
  const out = document.createDocumentFragment();
  const parts = String(fragment ?? '').split(/(<\/?em>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<em>') { marked = true; continue; }
    if (part === '</em>') { marked = false; continue; }
    const text = decodeEntities(part);
    out.append(marked ? h('em', {}, text) : document.createTextNode(text));
  }
  return out;
}

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, code) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : whole;
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}
