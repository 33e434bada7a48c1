// The web UI's router: every page has its own address (History API), links and Back/Forward work, a reload
// renders the same page. The gateway serves this shell for each page path (gateway ui.PagesConfig).
import { ApiError } from './api.js';
import { h, append, clear } from './dom.js';
import { loadSession, renderHeader, may, has, LOGIN } from './session.js';
import { registryPage } from './pages/registry.js';
import { documentsPage, documentPage } from './pages/documents.js';
import { practicesPage, practicePage, practiceFormPage } from './pages/practices.js';
import { roadmapsPage, roadmapPage } from './pages/roadmaps.js';
import { importPage } from './pages/import.js';
import { comparisonPage } from './pages/comparison.js';

const ROUTES = [
  { path: /^\/$/, page: homePage },
  { path: /^\/registry$/, page: (ctx) => registryPage(ctx, true) },
  { path: /^\/search$/, page: (ctx) => registryPage(ctx, false) },
  { path: /^\/documents$/, page: documentsPage, allowed: may.documents },
  { path: /^\/documents\/([0-9a-f-]{36})$/, page: documentPage, allowed: (s) => s.authenticated },
  { path: /^\/practices$/, page: practicesPage, allowed: may.practices },
  { path: /^\/practices\/new$/, page: practiceFormPage, allowed: may.createPractice },
  { path: /^\/practices\/([0-9a-f-]{36})\/edit$/, page: practiceFormPage, allowed: may.createPractice },
  { path: /^\/practices\/([0-9a-f-]{36})$/, page: practicePage },
  { path: /^\/roadmaps$/, page: roadmapsPage },
  { path: /^\/roadmaps\/import$/, page: importPage, allowed: may.importOrder },
  { path: /^\/roadmaps\/([0-9a-f-]{36})$/, page: roadmapPage },
  { path: /^\/comparison$/, page: comparisonPage, allowed: may.compare }
];

let session = null;
let generation = 0;

function homePage(ctx) {
  navigate(may.upload(ctx.session) ? '/documents' : '/roadmaps', true);
}

export function navigate(url, replace = false) {
  if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
  render();
}

/** Replaces the query of the current address without a new history entry per keystroke. */
export function setQuery(params, push = true) {
  const query = params.toString();
  const url = location.pathname + (query ? '?' + query : '');
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
}

const ERROR_TEXTS = {
  0: ['Нет связи с сервером', 'Проверьте подключение к интернету и повторите попытку.'],
  403: ['Доступ запрещён', 'У вашей роли нет доступа к этой странице.'],
  404: ['Страница не найдена', 'Такой страницы нет, или она вам недоступна.'],
  429: ['Слишком много запросов', 'Подождите несколько секунд и повторите попытку.'],
  500: ['Ошибка на сервере', 'Что-то пошло не так. Повторите попытку через минуту.'],
  503: ['Сервис временно недоступен', 'Сервис не ответил вовремя. Повторите попытку через несколько секунд.']
};
// a gateway that got no answer in time and a service that is down look the same to the person waiting
const ERROR_ALIASES = { 502: 503, 504: 503 };

export function errorView(main, status, message) {
  const known = ERROR_TEXTS[status] ? status : (ERROR_ALIASES[status] || 500);
  const [title, text] = ERROR_TEXTS[known];
  const transient = known === 0 || known === 429 || known === 503;
  append(clear(main), h('section', { class: 'error-page' },
    h('p', { class: 'error-code' }, known === 0 ? 'Нет ответа' : 'Ошибка ' + (ERROR_TEXTS[status] ? status : known)),
    h('h1', {}, title), h('p', {}, message && status !== 404 ? message : text),
    h('p', {}, transient ? h('button', { type: 'button', id: 'error-retry', onclick: () => render().then(focusHeading) }, 'Повторить') : null,
      transient ? ' ' : null,
      h('a', { class: transient ? 'button secondary' : 'button', href: '/' }, 'На главную'), ' ',
      h('a', { class: 'button secondary', href: '/registry' }, 'Реестр лучших практик'))));
  document.title = title + ' — Платформа 500+';
}

async function render() {
  const mine = ++generation;
  const main = document.getElementById('main');
  const path = location.pathname.replace(/\/+$/, '') || '/';
  session = await loadSession();
  renderHeader(session, path);
  document.querySelector('.top').classList.remove('open');
  document.getElementById('menu-toggle')?.setAttribute('aria-expanded', 'false');
  const route = ROUTES.find((r) => r.path.test(path));
  clear(main);
  if (!route) { errorView(main, 404); return; }
  if (route.allowed && !session.authenticated) { location.assign(LOGIN); return; }
  if (route.allowed && !route.allowed(session)) { errorView(main, 403); return; }
  const match = path.match(route.path);
  const ctx = {
    session, main, params: new URLSearchParams(location.search), id: match[1],
    isCurrent: () => mine === generation, navigate, setQuery, has: (...roles) => has(session, ...roles)
  };
  try {
    await route.page(ctx);
  } catch (e) {
    if (mine !== generation) return;
    if (e instanceof ApiError && e.status === 401) location.assign(LOGIN);
    else if (e instanceof ApiError) errorView(main, e.status, e.message);
    else errorView(main, 500, e.message);
    return;
  }
  if (mine !== generation) return;
  const heading = main.querySelector('h1');
  if (heading) document.title = heading.textContent + ' — Платформа 500+';
}

/** Focus moves to the new page's heading after a navigation, as a screen reader user expects. */
function focusHeading() {
  const heading = document.querySelector('#main h1');
  if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: false }); }
}

document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/oauth2/')
      || url.pathname === '/logout' || url.pathname.startsWith('/swagger')) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  if (!ROUTES.some((r) => r.path.test(url.pathname.replace(/\/+$/, '') || '/'))) return;
  event.preventDefault();
  history.pushState(null, '', url.pathname + url.search + url.hash);
  render().then(focusHeading);
});

window.addEventListener('popstate', () => render());
render();
