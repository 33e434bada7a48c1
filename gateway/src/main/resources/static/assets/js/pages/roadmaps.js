// Roadmaps: the list with filters in the address, and one roadmap with its sections and items, order and
// signature, progress per monitoring stage, overdue items, approval, new edition and export.
import { api, get, rows, total } from '../api.js';
import { h, append, clear, field, select, setStatus, statusLine } from '../dom.js';
import {
  ROADMAP_STATUS, LEVELS, REGIONS, ORGANISATION_TYPES, PROGRESS_STATUS, SIGNATURE_STATUS,
  region, date, dateTime, isoToday, plural
} from '../format.js';
import { may } from '../session.js';

export async function roadmapsPage(ctx) {
  const { main, params } = ctx;
  const chosen = Object.fromEntries(['region', 'year', 'level', 'status'].map((k) => [k, params.get(k) || '']));
  const years = [];
  for (let y = new Date().getFullYear() + 1; y >= 2020; y -= 1) years.push([String(y), String(y)]);
  const form = h('form', { class: 'filters', id: 'roadmaps-filter' },
    field('Регион', select('region', [['', 'Все регионы'], ...Object.entries(REGIONS)], chosen.region)),
    field('Год', select('year', [['', 'Все годы'], ...years], chosen.year)),
    field('Уровень', select('level', [['', 'Все уровни'], ...Object.entries(LEVELS)], chosen.level)),
    field('Статус', select('status', [['', 'Все статусы'], ...Object.entries(ROADMAP_STATUS)], chosen.status)),
    h('button', { type: 'submit', class: 'secondary' }, 'Показать'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams(new FormData(form));
    for (const [key, value] of [...next]) if (!value) next.delete(key);
    ctx.navigate('/roadmaps' + (next.toString() ? '?' + next : ''));
  });
  const status = h('p', { class: 'status', role: 'status', id: 'roadmaps-status' }, 'Загружаем…');
  const list = h('ul', { class: 'cards', id: 'roadmaps-list' });
  append(main, h('h1', {}, 'Дорожные карты регионов'),
    h('p', { class: 'hint' }, 'Региональные и муниципальные дорожные карты проекта «500+», утверждённые распоряжениями.'),
    may.importOrder(ctx.session) ? h('p', {}, h('a', { class: 'button', href: '/roadmaps/import' }, 'Импортировать распоряжение')) : null,
    form, status, list);
  const query = new URLSearchParams({ size: '100' });
  for (const [key, value] of Object.entries(chosen)) if (value) query.set(key, value);
  try {
    const page = await get('/api/roadmaps?' + query);
    if (!ctx.isCurrent()) return;
    const roadmaps = rows(page);
    setStatus(status, roadmaps.length ? 'Найдено: ' + plural(total(page), 'дорожная карта', 'дорожные карты', 'дорожных карт') : 'Дорожных карт с такими условиями нет.');
    for (const r of roadmaps) {
      list.append(h('li', { class: 'card' },
        h('h3', {}, h('a', { href: '/roadmaps/' + r.id }, r.title || 'Дорожная карта'), ' ',
          h('span', { class: 'badge badge-' + r.status }, ROADMAP_STATUS[r.status] || r.status)),
        h('p', { class: 'meta' }, [region(r.region), r.year ? r.year + ' год' : null, LEVELS[r.level], 'редакция ' + r.edition,
          r.approvingOrderNumber ? 'распоряжение № ' + r.approvingOrderNumber + (r.approvingOrderDate ? ' от ' + date(r.approvingOrderDate) : '') : null]
          .filter(Boolean).join(' · '))));
    }
  } catch (e) {
    setStatus(status, e.message, 'error');
  }
}

function periodsText(deadline) {
  const periods = (deadline && deadline.periods) || [];
  return periods.map((p) => (p.start && p.start !== p.end ? date(p.start) + '–' : (p.start ? '' : 'до ')) + date(p.end)).join('; ');
}

export async function roadmapPage(ctx) {
  const { main, id, session } = ctx;
  const { body: roadmap, etag } = await api('/api/roadmaps/' + id);
  if (!ctx.isCurrent()) return;
  const own = session.region === roadmap.region;
  const status = h('p', { class: 'status', role: 'status', id: 'roadmap-status' });
  const order = roadmap.approvingOrder || {};
  const write = async (path, options, after) => {
    try {
      const result = await api('/api/roadmaps/' + id + path, Object.assign({ method: 'POST', headers: { 'If-Match': etag } }, options));
      after(result);
    } catch (e) { setStatus(status, e.message, 'error'); }
  };
  const imported = ctx.params.get('imported');
  const done = imported != null
    ? 'Черновик сохранён вместе с исходным файлом распоряжения' + (Number(imported) ? ' (' + plural(Number(imported), 'предупреждение', 'предупреждения', 'предупреждений') + ' разбора)' : '') + '. Утверждает его региональное министерство.'
    : { approved: 'Дорожная карта утверждена.', edition: 'Создан черновик новой редакции.' }[ctx.params.get('done')];

  append(main, h('p', { class: 'crumbs' }, h('a', { href: '/roadmaps' }, '← Все дорожные карты')),
    h('h1', {}, roadmap.title || 'Дорожная карта'),
    h('p', {}, h('span', { class: 'badge badge-' + roadmap.status }, ROADMAP_STATUS[roadmap.status] || roadmap.status), ' ',
      [region(roadmap.region), roadmap.year ? roadmap.year + ' год' : null, LEVELS[roadmap.level], 'редакция ' + roadmap.edition].filter(Boolean).join(' · ')),
    done ? statusLine(done, 'ok') : null, status);

  const signature = h('dd', { id: 'signature-status' }, order.documentId ? 'проверяем…' : 'файл распоряжения не загружен');
  append(main, h('h2', {}, 'Распоряжение'), h('dl', { class: 'props' },
    prop('Документ', [order.kind || 'распоряжение', order.number ? '№ ' + order.number : null, order.date ? 'от ' + date(order.date) : null].filter(Boolean).join(' ')),
    order.authority ? prop('Орган', order.authority) : null, order.title ? prop('Название', order.title) : null,
    order.signatory ? prop('Подписал(а)', order.signatory + (order.signatoryPosition ? ', ' + order.signatoryPosition : '')) : null,
    order.annexCitation ? prop('Гриф приложения', order.annexCitation) : null,
    (roadmap.repealedOrders || []).length ? prop('Признаны утратившими силу', roadmap.repealedOrders.map((r) => '№ ' + r.number + (r.date ? ' от ' + date(r.date) : '')).join('; ')) : null,
    roadmap.approvedAt ? prop('Утверждена в системе', dateTime(roadmap.approvedAt) + (roadmap.approvedBy ? ', ' + roadmap.approvedBy : '')) : null,
    [h('dt', {}, 'Подпись'), signature]));
  if (order.documentId) {
    get('/api/documents/' + order.documentId + '/signatures').then((state) => {
      const signer = ((state.signatures || [])[0] || {}).signer;
      signature.textContent = (SIGNATURE_STATUS[state.status] || state.status)
        + (signer && signer.name ? ': ' + [signer.name, signer.position, signer.organisation].filter(Boolean).join(', ') : '');
    }).catch(() => { signature.textContent = 'сведения о подписи доступны сотрудникам региона'; });
  }

  const actions = h('p', { class: 'actions' },
    h('a', { class: 'button secondary', href: '/api/roadmaps/' + id + '/export.xlsx', download: '' }, 'Скачать XLSX'),
    h('a', { class: 'button secondary', href: '/api/roadmaps/' + id + '/export.csv', download: '' }, 'Скачать CSV'),
    order.documentId && session.authenticated ? h('a', { class: 'button secondary', href: '/api/documents/' + order.documentId + '/content', download: '' }, 'Файл распоряжения') : null,
    roadmap.status === 'DRAFT' && own && may.approve(session) ? h('button', { type: 'button', id: 'approve-roadmap', onclick: () =>
      write('/approve', {}, () => ctx.navigate('/roadmaps/' + id + '?done=approved', true)) }, 'Утвердить') : null,
    roadmap.status === 'APPROVED' && own && may.importOrder(session) ? h('button', { type: 'button', id: 'new-edition', onclick: () =>
      write('/new-version', {}, (r) => ctx.navigate('/roadmaps/' + r.body.id + '?done=edition')) }, 'Новая редакция') : null,
    roadmap.previousId ? h('a', { href: '/roadmaps/' + roadmap.previousId }, 'Предыдущая редакция') : null,
    roadmap.supersededById ? h('a', { href: '/roadmaps/' + roadmap.supersededById }, 'Действующая редакция') : null);
  append(main, actions);

  // overdue on a date, for those who may read the monitoring
  let overdue = new Set();
  const overdueBox = h('div', { id: 'overdue' });
  if (may.readProgress(session) && (own || session.roles.includes('ROLE_FEDERAL_ANALYST'))) {
    const end = roadmap.periodEnd || (roadmap.year ? roadmap.year + '-12-31' : isoToday());
    const dateInput = h('input', { type: 'date', id: 'overdue-date', value: end < isoToday() ? end : isoToday() });
    const loadOverdue = async () => {
      try {
        const report = await get('/api/roadmaps/' + id + '/overdue?date=' + dateInput.value);
        overdue = new Set((report.items || []).map((i) => i.itemId));
        append(clear(overdueBox), statusLine('Просрочено на ' + date(report.date) + ': ' + plural((report.items || []).length, 'мероприятие', 'мероприятия', 'мероприятий')));
        main.querySelectorAll('tr[data-item-id]').forEach((tr) => tr.classList.toggle('overdue', overdue.has(tr.dataset.itemId)));
      } catch (e) { append(clear(overdueBox), statusLine(e.message, 'error')); }
    };
    append(main, h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); loadOverdue(); } },
      field('Просрочено на дату', dateInput), h('button', { type: 'submit', class: 'secondary' }, 'Проверить')), overdueBox);
    loadOverdue();
  }

  const canReport = roadmap.status === 'APPROVED' && own && may.reportProgress(session);
  for (const section of roadmap.sections || []) {
    append(main, h('h2', { class: 'section-title' }, [section.number, section.title].filter(Boolean).join('. ')));
    if (!(section.items || []).length) continue;
    append(main, h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Мероприятия раздела ' + (section.number || '') },
      h('table', { class: 'grid items' },
        h('thead', {}, h('tr', {}, ['№', 'Мероприятие', 'Срок', 'Исполнители', 'Показатель', 'Мониторинг'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, section.items.map((item) => itemRow(item, canReport, (stage, data) => reportProgress(id, item, stage, data, status, ctx)))))));
  }
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

function itemRow(item, canReport, report) {
  const deadline = item.deadline || {};
  const periods = periodsText(deadline);
  const progress = (item.progress || []).map((p) => h('li', {}, date(p.stage) + ': ' + (PROGRESS_STATUS[p.status] || p.status)));
  const td = (label, ...children) => h('td', { dataset: { label } }, children);
  return h('tr', { id: 'item-' + item.id, dataset: { itemId: item.id } },
    td('№', item.number),
    td('Мероприятие', h('p', {}, item.task), item.links && item.links.length ? h('ul', { class: 'links' }, item.links.map((l) =>
      /^https?:\/\//.test(l) ? h('li', {}, h('a', { href: l, rel: 'noopener noreferrer', target: '_blank' }, l)) : h('li', {}, l))) : null,
      item.notes ? h('p', { class: 'hint' }, item.notes) : null),
    td('Срок', h('p', {}, deadline.text || '—'), periods ? h('p', { class: 'hint' }, periods) : null),
    td('Исполнители', (item.executors || []).length
      ? h('ul', { class: 'plain' }, item.executors.map((e) => h('li', {}, e.fullName || e.shortName,
        h('span', { class: 'hint' }, ' (' + [e.shortName && e.shortName !== e.fullName ? e.shortName : null, ORGANISATION_TYPES[e.type] || e.type].filter(Boolean).join(', ') + ')'))))
      : (item.executorsText || '—')),
    td('Показатель', item.indicatorText || '—'),
    td('Мониторинг', progress.length ? h('ul', { class: 'plain' }, progress) : h('span', { class: 'hint' }, 'нет отчётов'),
      canReport ? progressForm(item, report) : null));
}

function progressForm(item, report) {
  const stage = h('input', { type: 'date', name: 'stage', required: true, value: isoToday() });
  const state = h('select', { name: 'status' }, Object.entries(PROGRESS_STATUS).map(([c, t]) => h('option', { value: c }, t)));
  const comment = h('input', { type: 'text', name: 'comment', maxlength: '4000' });
  const form = h('form', { class: 'progress-form' }, field('Этап', stage), field('Статус', state), field('Комментарий', comment),
    h('button', { type: 'submit', class: 'secondary' }, 'Сохранить', h('span', { class: 'visually-hidden' }, ' отчёт по пункту ' + item.number)));
  form.addEventListener('submit', (e) => { e.preventDefault(); report(stage.value, { status: state.value, comment: comment.value.trim() || null, evidence: [] }); });
  return h('details', {}, h('summary', {}, 'Отчитаться', h('span', { class: 'visually-hidden' }, ' по пункту ' + item.number)), form);
}

async function reportProgress(roadmapId, item, stage, data, status, ctx) {
  const path = '/api/roadmaps/' + roadmapId + '/items/' + item.id + '/progress/' + stage;
  try {
    await api(path, { method: 'PUT', json: data });
  } catch (e) {
    if (e.status !== 428) { setStatus(status, e.message, 'error'); return; }
    try {
      const existing = (await get('/api/roadmaps/' + roadmapId + '/progress?stage=' + stage)).find((r) => r.itemId === item.id);
      await api(path, { method: 'PUT', json: data, headers: { 'If-Match': '"' + existing.version + '"' } });
    } catch (e2) { setStatus(status, e2.message, 'error'); return; }
  }
  ctx.navigate(location.pathname + '#item-' + item.id, true);
}

function prop(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}
