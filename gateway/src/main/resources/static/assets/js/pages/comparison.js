// Cross-region comparison: pick roadmaps (kept in the address), then the category × region heatmap with
// drill-down to the items and the evidence of each classification, executor-type and timeline charts
// (Chart.js), overdue items on a date, similar items side by side, the coverage score and the XLSX export.
// The views come without the items' texts (details=false: 85 regions stay a small answer); a cell's items and a
// roadmap's overdue items are fetched when opened, from /api/comparison/items.
import { get, rows } from '../api.js';
import { h, append, clear, field, setStatus, statusLine } from '../dom.js';
import { ROADMAP_STATUS, ZONES, region, date, month, plural } from '../format.js';

const COLORS = ['#1f5fbf', '#c2410c', '#047857', '#7c3aed', '#b91c1c', '#0e7490'];

export async function comparisonPage(ctx) {
  const { main, params } = ctx;
  const chosen = params.getAll('roadmap');
  append(main, h('h1', {}, 'Сравнение регионов'),
    h('p', { class: 'hint' }, 'Отметьте дорожные карты и нажмите «Сравнить»: какие виды мероприятий есть в каждой, кто их исполняет, как они распределены по году, что просрочено, какие пункты похожи и как оценена полнота.'));
  const page = await get('/api/roadmaps?size=100&status=APPROVED');
  const drafts = ctx.has('FEDERAL_ANALYST', 'REGIONAL_OPERATOR', 'REGIONAL_MINISTRY', 'MUNICIPAL_COORDINATOR')
    ? rows(await get('/api/roadmaps?size=100&status=DRAFT')) : [];
  if (!ctx.isCurrent()) return;
  const available = [...rows(page), ...drafts];
  const picker = h('fieldset', { class: 'checks picker', id: 'comparison-picker' }, h('legend', {}, 'Дорожные карты'),
    available.map((r) => h('label', {}, h('input', { type: 'checkbox', name: 'roadmap', value: r.id, checked: chosen.includes(r.id) }), ' ',
      [region(r.region), r.year, ROADMAP_STATUS[r.status]].filter(Boolean).join(' · '))));
  if (!available.length) picker.append(h('p', { class: 'hint' }, 'Нет доступных дорожных карт.'));
  const dateInput = h('input', { type: 'date', name: 'date', id: 'comparison-date', value: params.get('date') || '' });
  const form = h('form', { id: 'comparison-form', class: 'panel' }, picker,
    field('Просрочено на дату', dateInput, 'Если не указать — на конец периода выбранных дорожных карт.'),
    h('button', { type: 'submit', id: 'compare' }, 'Сравнить'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    form.querySelectorAll('input[name=roadmap]:checked').forEach((box) => next.append('roadmap', box.value));
    if (dateInput.value) next.set('date', dateInput.value);
    ctx.navigate('/comparison?' + next);
  });
  const status = h('p', { class: 'status', role: 'status', id: 'comparison-status' });
  const result = h('div', { id: 'comparison-result' });
  append(main, form, status, result);
  if (!chosen.length) { setStatus(status, 'Отметьте хотя бы одну дорожную карту.'); return; }

  // without a chosen date the service checks each roadmap on the end of its own period
  const query = new URLSearchParams();
  chosen.forEach((id) => query.append('roadmap', id));
  if (params.get('date')) query.set('date', params.get('date'));
  setStatus(status, 'Сравниваем…');
  let comparison;
  try {
    comparison = await get('/api/comparison?' + query + '&details=false');
  } catch (e) {
    if (!ctx.isCurrent()) return;
    setStatus(status, e.message, 'error');
    append(result, h('button', { type: 'button', class: 'secondary', id: 'comparison-retry', onclick: () => ctx.navigate(location.pathname + location.search, true) }, 'Повторить'));
    return;
  }
  if (!ctx.isCurrent()) return;
  setStatus(status, 'Сравнено: ' + plural(comparison.roadmaps.length, 'дорожная карта', 'дорожные карты', 'дорожных карт')
    + ', ' + plural(comparison.categories.totals.reduce((sum, cell) => sum + cell.count, 0), 'мероприятие', 'мероприятия', 'мероприятий') + '.');
  const names = Object.fromEntries(comparison.roadmaps.map((r) => [r.id, (r.regionName || region(r.region)) + ' ' + (r.year || '')]));
  const items = drillDown(ctx);
  const rules = Object.fromEntries((comparison.categoryRules || []).map((c) => [c.code, c]));

  append(result, h('p', { class: 'actions' }, h('a', { class: 'button', id: 'comparison-export', href: '/api/comparison/export?' + query, download: '' }, 'Скачать XLSX')));
  append(result, coverage(comparison, names));
  append(result, heatmap(comparison, names, items, rules));
  append(result, executorChart(comparison, names));
  append(result, timelineChart(comparison, names));
  append(result, overdue(comparison, names, items));
  append(result, similar(comparison, names));
}

/** The items of a roadmap (or of one of its matrix cells) with texts and evidence, each fetched once. */
function drillDown(ctx) {
  const loaded = new Map();
  return (roadmapId, category) => {
    const key = roadmapId + '/' + (category || '');
    if (!loaded.has(key)) {
      const query = new URLSearchParams({ roadmap: roadmapId });
      if (category) query.set('category', category);
      const request = get('/api/comparison/items?' + query).then((answer) => answer.items || []);
      request.catch(() => loaded.delete(key));
      loaded.set(key, request);
    }
    return loaded.get(key);
  };
}

function section(title, ...children) {
  return h('section', { class: 'view-part' }, h('h2', {}, title), children);
}

function coverage(comparison, names) {
  return section('Оценка полноты', h('div', { class: 'scores' }, comparison.coverage.map((score) =>
    h('article', { class: 'score zone-' + score.zone },
      h('h3', {}, names[score.roadmapId]),
      h('p', { class: 'points' }, plural(score.points, 'балл', 'балла', 'баллов') + ' из ' + score.max + ' · ' + (ZONES[score.zone] || score.zone)),
      h('ul', { class: 'reasons' }, score.reasons.map((r) => h('li', { class: r.met ? 'met' : 'unmet' },
        h('span', { 'aria-hidden': 'true' }, r.met ? '✓ ' : '✗ '), h('span', { class: 'visually-hidden' }, r.met ? 'выполнено: ' : 'не выполнено: '),
        h('strong', {}, r.title), ' — ', r.text, ' (' + r.points + ' из ' + r.max + ')')))))));
}

function heatmap(comparison, names, items, rules) {
  const max = Math.max(1, ...comparison.categories.rows.flatMap((row) => row.cells.map((c) => c.count)));
  const detail = h('div', { id: 'heatmap-detail', class: 'drill', 'aria-live': 'polite' });
  const table = h('table', { class: 'grid heatmap', id: 'heatmap' },
    h('caption', { class: 'visually-hidden' }, 'Число мероприятий каждой категории по дорожным картам'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Категория'), comparison.roadmaps.map((r) => h('th', { scope: 'col' }, names[r.id])))),
    h('tbody', {}, comparison.categories.rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.title),
      comparison.roadmaps.map((r) => {
        const cell = row.cells.find((c) => c.roadmapId === r.id) || { count: 0, itemNumbers: [] };
        const level = cell.count === 0 ? 0 : Math.min(4, Math.ceil((cell.count / max) * 4));
        return h('td', { class: 'heat heat-' + level }, cell.count
          ? h('button', { type: 'button', class: 'heat-cell', dataset: { category: row.code, roadmap: r.id },
            'aria-label': row.title + ', ' + names[r.id] + ': ' + plural(cell.count, 'мероприятие', 'мероприятия', 'мероприятий'),
            onclick: () => drill(detail, row, r, cell, names, items, rules) }, String(cell.count))
          : h('span', { class: 'hint', 'aria-label': 'нет' }, '—'));
      })))));
  return section('Категории мероприятий', h('p', { class: 'hint' }, 'Нажмите на число, чтобы увидеть пункты и почему они отнесены к категории.'),
    h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Категории по регионам' }, table), detail);
}

async function drill(detail, row, roadmap, cell, names, items, rules) {
  const category = rules[row.code];
  const loading = h('p', { class: 'status', role: 'status' });
  const list = h('ul', { class: 'cards' });
  append(clear(detail), h('h3', { tabindex: '-1' }, row.title + ' — ' + names[roadmap.id]),
    category && category.description ? h('p', { class: 'hint' }, category.description) : null, loading, list);
  detail.dataset.cell = row.code + '/' + roadmap.id;
  detail.querySelector('h3').focus();
  setStatus(loading, 'Загружаем ' + plural(cell.count, 'пункт', 'пункта', 'пунктов') + '…');
  let found;
  try {
    found = await items(roadmap.id, row.code);
  } catch (e) {
    if (detail.dataset.cell === row.code + '/' + roadmap.id) setStatus(loading, 'Пункты не загрузились: ' + e.message, 'error');
    return;
  }
  // another cell opened meanwhile: its answer is the one to show
  if (detail.dataset.cell !== row.code + '/' + roadmap.id) return;
  const byNumber = new Map(found.map((item) => [item.number, item]));
  loading.remove();
  append(list, cell.itemNumbers.map((number) => {
    const item = byNumber.get(number);
    const evidence = item ? (item.evidence || []).filter((e) => e.category === row.code) : [];
    return h('li', { class: 'card' }, h('h4', {}, h('a', { href: '/roadmaps/' + roadmap.id + (item ? '#item-' + item.id : '') }, 'Пункт ' + number)),
      item ? h('p', {}, item.task) : h('p', { class: 'hint' }, 'Пункт изменился после сравнения: обновите страницу.'),
      item && item.deadlineText ? h('p', { class: 'hint' }, 'Срок: ' + item.deadlineText) : null,
      evidence.length ? h('p', { class: 'evidence' }, 'Основание: ', evidence.map((e) => evidenceReason(e, rules, row.code, item)).join('; ')) : null);
  }));
}

function evidenceReason(e, rules, category, item) {
  if (e.source === 'override') return 'классификация вручную (' + (e.rule || 'аналитик') + ')';
  if (e.source === 'model') {
    return 'модель по размеченным мероприятиям: слова «' + (e.terms || []).join('», «') + '»'
      + (e.probability != null ? ' (вероятность ' + String(Math.round(e.probability * 100)) + ' %)' : '');
  }
  return ruleReason(rules, category, e.rule, item.task);
}

/** Which words of the category's rule the item's text contains, by a common stem (the index matched lemmas). */
function ruleReason(rules, category, ruleId, text) {
  const rule = ((rules[category] || {}).rules || []).find((r) => r.id === ruleId);
  if (!rule) return 'правило таксономии «' + ruleId + '»';
  const words = String(text || '').toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const stem = (w) => w.toLowerCase().replace(/ё/g, 'е').slice(0, Math.max(4, Math.min(w.length - 2, 7)));
  const found = [...(rule.anyOf || []), ...(rule.phrases || [])].filter((term) =>
    term.split(/\s+/).every((part) => words.some((w) => w.startsWith(stem(part)))));
  return found.length ? 'в тексте есть «' + found.slice(0, 5).join('», «') + '»'
    : 'правило таксономии «' + ruleId + '»';
}

function chartBox(id, label, table) {
  const canvas = h('canvas', { id, role: 'img', 'aria-label': label });
  return [h('div', { class: 'chart' }, canvas), h('details', {}, h('summary', {}, 'Данные графика таблицей'), table), canvas];
}

function executorChart(comparison, names) {
  const types = [];
  for (const r of comparison.executors.roadmaps) for (const t of r.types) if (!types.some((x) => x.type === t.type)) types.push(t);
  const count = (r, type) => (r.types.find((t) => t.type === type) || { count: 0 }).count;
  const table = h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Тип исполнителя'),
    comparison.executors.roadmaps.map((r) => h('th', { scope: 'col' }, names[r.roadmapId])))),
  h('tbody', {}, types.map((t) => h('tr', {}, h('th', { scope: 'row' }, t.title), comparison.executors.roadmaps.map((r) => h('td', {}, String(count(r, t.type))))))));
  const [box, details, canvas] = chartBox('executors-chart', 'Мероприятия по типам исполнителей в каждой дорожной карте', table);
  draw(canvas, {
    type: 'bar',
    data: {
      labels: types.map((t) => t.title),
      datasets: comparison.executors.roadmaps.map((r, i) => ({ label: names[r.roadmapId], data: types.map((t) => count(r, t.type)), backgroundColor: COLORS[i % COLORS.length] }))
    },
    options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } }
  });
  return section('Кто исполняет', box, details);
}

function timelineChart(comparison, names) {
  const months = comparison.timeline.months || [];
  const value = (r, m) => ((r.months || []).find((x) => x.month === m) || { count: 0 }).count;
  const table = h('table', { class: 'grid' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Месяц'),
    comparison.timeline.roadmaps.map((r) => h('th', { scope: 'col' }, names[r.roadmapId])))),
  h('tbody', {}, months.map((m) => h('tr', {}, h('th', { scope: 'row' }, month(m)), comparison.timeline.roadmaps.map((r) => h('td', {}, String(value(r, m))))))));
  const [box, details, canvas] = chartBox('timeline-chart', 'Число мероприятий со сроком в каждом месяце', table);
  draw(canvas, {
    type: 'bar',
    data: {
      labels: months.map(month),
      datasets: comparison.timeline.roadmaps.map((r, i) => ({ label: names[r.roadmapId], data: months.map((m) => value(r, m)), backgroundColor: COLORS[i % COLORS.length] }))
    },
    options: { responsive: true, maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
  const undated = comparison.timeline.roadmaps.filter((r) => (r.undated || []).length);
  return section('Распределение по году', box, details,
    undated.map((r) => h('p', { class: 'hint' }, names[r.roadmapId] + ': без дат — ' + plural(r.undated.length, 'пункт', 'пункта', 'пунктов') + ' (' + r.undated.join(', ') + ')')));
}

function draw(canvas, config) {
  // the canvas must be in the document before Chart.js measures it
  requestAnimationFrame(() => {
    if (!window.Chart) { canvas.replaceWith(statusLine('Графики не загрузились: данные доступны таблицей ниже.', 'error')); return; }
    window.Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    new window.Chart(canvas, config);
  });
}

function overdue(comparison, names, items) {
  const own = comparison.overdue.basis === 'ROADMAP_PERIOD_END';
  return section(own ? 'Просрочено на конец периода каждой дорожной карты' : 'Просрочено на ' + date(comparison.overdue.date),
    comparison.overdue.explanation ? h('p', { class: 'hint' }, comparison.overdue.explanation) : null,
    comparison.overdue.roadmaps.map((r) => {
      const line = names[r.roadmapId] + (own && r.date ? ' (на ' + date(r.date) + ')' : '') + ': '
        + plural(r.items.length, 'пункт просрочен', 'пункта просрочено', 'пунктов просрочено') + ' из ' + r.dated + ' с датами';
      if (!r.items.length) return h('p', {}, line);
      // the texts of the roadmap's items are loaded the first time its list is opened
      const body = h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Просроченные мероприятия: ' + names[r.roadmapId] });
      const box = h('details', { class: 'overdue', dataset: { roadmap: r.roadmapId } }, h('summary', {}, line), body);
      box.addEventListener('toggle', () => { if (box.open && !body.childElementCount) overdueTable(body, r, items); });
      return box;
    }));
}

async function overdueTable(body, roadmap, items) {
  const loading = h('p', { class: 'status', role: 'status' });
  append(body, loading);
  setStatus(loading, 'Загружаем пункты…');
  let texts;
  try {
    texts = new Map((await items(roadmap.roadmapId)).map((item) => [item.id, item]));
  } catch (e) {
    setStatus(loading, 'Пункты не загрузились: ' + e.message, 'error');
    loading.after(h('button', { type: 'button', class: 'secondary', onclick: () => { clear(body); overdueTable(body, roadmap, items); } }, 'Повторить'));
    return;
  }
  append(clear(body), h('table', { class: 'grid' },
    h('thead', {}, h('tr', {}, ['Пункт', 'Срок', 'Мероприятие', 'Исполнители'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, roadmap.items.map((item) => {
      const full = texts.get(item.itemId);
      return h('tr', {}, h('td', {}, item.number),
        h('td', {}, [full ? full.deadlineText : '', item.deadline ? '(' + date(item.deadline) + ')' : ''].filter(Boolean).join(' ')),
        h('td', {}, full ? full.task : ''), h('td', {}, full ? executorNames(full) : ''));
    }))));
}

function executorNames(item) {
  return [...new Set((item.executors || []).map((e) => e.shortName || e.fullName).filter(Boolean))].join(', ');
}

function similar(comparison, names) {
  const pairs = (comparison.similar || []).slice(0, 30);
  return section('Похожие мероприятия разных регионов', pairs.length ? h('ul', { class: 'pairs' }, pairs.map((p) => h('li', { class: 'pair' },
    h('div', {}, h('p', { class: 'meta' }, names[p.leftRoadmapId] + ', пункт ' + p.leftNumber), h('p', {}, p.leftTask)),
    h('div', {}, h('p', { class: 'meta' }, names[p.rightRoadmapId] + ', пункт ' + p.rightNumber), h('p', {}, p.rightTask)),
    p.explanation ? h('p', { class: 'hint pair-why' }, p.explanation) : null)))
    : h('p', { class: 'hint' }, 'Похожих пунктов не найдено.'));
}
