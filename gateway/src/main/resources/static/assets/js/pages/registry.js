// The registry of best practices and the search: query, filters and page live in the address.
import { get } from '../api.js';
import { h, append, clear, setStatus, highlighted } from '../dom.js';
import { SEARCH_TYPES, PRACTICE_STATUS, ROADMAP_STATUS, plural } from '../format.js';
import { pageOf } from './links.js';

const FACETS = { type: 'Вид', region: 'Регион', year: 'Год', direction: 'Направление', level: 'Уровень', riskFactor: 'Рисковый профиль' };
const SIZE = 20;

export async function registryPage(ctx, publicRegistry) {
  const { main, params } = ctx;
  const q = params.get('q') || '';
  const input = h('input', {
    type: 'search', id: 'q', name: 'q', maxlength: '500', value: q, list: 'search-suggestions', autocomplete: 'off',
    placeholder: 'Например: наставничество молодых педагогов'
  });
  const suggestions = h('datalist', { id: 'search-suggestions' });
  const form = h('form', { class: 'search', role: 'search', id: 'search-form' },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Поисковый запрос'), input, suggestions,
    h('button', { type: 'submit' }, 'Найти'));
  const status = h('p', { class: 'status', id: 'search-status', role: 'status' });
  const facets = h('div', { class: 'facets', id: 'search-facets' });
  const hits = h('ol', { class: 'hits', id: 'search-hits' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Страницы результатов' });
  append(main, 
    h('h1', {}, publicRegistry ? 'Реестр лучших практик' : 'Поиск'),
    h('p', { class: 'hint' }, publicRegistry
      ? 'Опубликованные лучшие практики школ всех регионов и утверждённые дорожные карты.'
      : 'Практики, материалы школ, распоряжения и мероприятия дорожных карт, доступные вам.'),
    form,
    h('p', { class: 'hint' }, 'Можно писать «фразу в кавычках», исключать слова минусом (-вебинар) и искать любое из слов через OR.'),
    status, h('div', { class: 'results' }, facets, h('div', {}, hits, pager)));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    ctx.navigate(location.pathname + (next.toString() ? '?' + next : ''));
  });
  bindSuggestions(input, suggestions);

  if (!q) { setStatus(status, 'Введите запрос: например, «наставничество» или «школьная медиация».'); return; }
  const page = Math.max(0, parseInt(params.get('page') || '0', 10) || 0);
  const query = new URLSearchParams({ q, size: String(SIZE), page: String(page) });
  for (const name of Object.keys(FACETS)) if (params.get(name)) query.set(name, params.get(name));
  setStatus(status, 'Ищем…');
  let body;
  try {
    body = await get('/api/search?' + query);
  } catch (e) {
    setStatus(status, e.message, 'error');
    return;
  }
  if (!ctx.isCurrent()) return;
  const found = body.total || 0;
  setStatus(status, found ? 'Найдено: ' + plural(found, 'результат', 'результата', 'результатов')
    : 'Ничего не найдено. Попробуйте другие слова или снимите фильтры.');
  renderFacets(facets, body.facets, params);
  for (const hit of body.hits || []) hits.append(renderHit(hit, ctx.session));
  renderPager(pager, page, found, params);
}

function renderHit(hit, session) {
  const target = pageOf(hit.link, hit.type);
  const title = hit.title || 'Без названия';
  const meta = [SEARCH_TYPES[hit.type] || hit.type, hit.regionName || hit.region, hit.year].filter(Boolean).join(' · ');
  const badge = session.authenticated && hit.status && !['PUBLISHED', 'APPROVED'].includes(hit.status)
    ? h('span', { class: 'badge badge-' + hit.status }, PRACTICE_STATUS[hit.status] || ROADMAP_STATUS[hit.status] || hit.status)
    : null;
  const fragments = (hit.snippets && hit.snippets.length ? hit.snippets : [hit.snippet]).filter(Boolean);
  const snippet = h('p', { class: 'snippet' });
  fragments.forEach((fragment, index) => {
    if (index) snippet.append(' … ');
    snippet.append(highlighted(fragment));
  });
  return h('li', {},
    h('h2', { class: 'hit-title' }, target ? h('a', { href: target }, title) : title, badge ? ' ' : null, badge),
    h('p', { class: 'hint' }, meta), fragments.length ? snippet : null);
}

function renderFacets(box, facets, params) {
  clear(box);
  for (const [name, label] of Object.entries(FACETS)) {
    const values = (facets && facets[name]) || [];
    const chosen = params.get(name);
    if (!values.length && !chosen) continue;
    const group = h('div', { class: 'facet', role: 'group', 'aria-label': label }, h('span', { class: 'facet-title' }, label));
    if (chosen) {
      const rest = new URLSearchParams(params);
      rest.delete(name);
      rest.delete('page');
      const value = values.find((v) => String(v.value) === chosen);
      group.append(h('a', { class: 'chip active', href: location.pathname + '?' + rest, title: 'Снять фильтр' },
        (value && value.label) || SEARCH_TYPES[chosen] || chosen, ' ✕'));
    } else {
      for (const value of values.slice(0, 12)) {
        const next = new URLSearchParams(params);
        next.set(name, value.value);
        next.delete('page');
        group.append(h('a', { class: 'chip', href: location.pathname + '?' + next },
          (value.label || SEARCH_TYPES[value.value] || value.value) + ' (' + value.count + ')'));
      }
    }
    append(box, group);
  }
}

function renderPager(pager, page, found, params) {
  const pages = Math.ceil(found / SIZE);
  if (pages <= 1) return;
  const link = (n, text) => {
    const next = new URLSearchParams(params);
    if (n) next.set('page', String(n)); else next.delete('page');
    return h('a', { class: 'button secondary', href: location.pathname + '?' + next }, text);
  };
  if (page > 0) pager.append(link(page - 1, '← Предыдущая'));
  pager.append(h('span', { class: 'hint' }, 'Страница ' + (page + 1) + ' из ' + pages));
  if (page + 1 < pages && (page + 1) * SIZE < 10000) pager.append(link(page + 1, 'Следующая →'));
}

function bindSuggestions(input, list) {
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 3) { clear(list); return; }
    timer = setTimeout(async () => {
      try {
        const items = await get('/api/search/suggest?q=' + encodeURIComponent(q));
        clear(list);
        for (const item of items || []) {
          list.append(h('option', { value: item.text }, SEARCH_TYPES[item.type] || ''));
        }
      } catch (e) { /* suggestions are optional */ }
    }, 250);
  });
}
