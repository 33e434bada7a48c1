// The import wizard: upload a signed order → preview of every section and item with each warning beside the
// row it concerns → save the draft → the roadmap page, where the ministry approves it.
import { cookie, problemText } from '../api.js';
import { h, append, clear, field, filePicker, setStatus, statusLine } from '../dom.js';
import { ORGANISATION_TYPES, date, plural } from '../format.js';

const WARNING_TITLES = {
  ORDER_CONTRADICTION: 'Противоречие в реквизитах', MISSING_HEADER_FIELD: 'Нет реквизита', NUMBERING_GAP: 'Пропуск в нумерации',
  DUPLICATE_NUMBER: 'Повтор номера', NUMBERING_MISMATCH: 'Номер не из своего раздела', UNPARSED_DEADLINE: 'Срок не разобран',
  EMPTY_FIELD: 'Пустая ячейка', DEADLINE_BEFORE_ORDER: 'Срок раньше распоряжения', UNKNOWN_COLUMN: 'Столбец не распознан',
  UNPLACED_ROW: 'Строка без пункта', PAGE_BREAK_REPAIRED: 'Исправлен разрыв страницы', ALIAS_MISMATCH: 'Сокращение не определено',
  NAME_VARIANT: 'Разные написания организации'
};
const MAX_IMPORT_SIZE = 50 * 1024 * 1024;

async function postOrder(file, dryRun) {
  const form = new FormData();
  form.append('file', file, file.name);
  let response;
  try {
    response = await fetch('/api/roadmaps/import' + (dryRun ? '?dryRun=true' : ''), {
      method: 'POST', body: form, credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') }
    });
  } catch (e) {
    throw new Error('Нет связи с сервером. Повторите попытку.');
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new Error(problemText(response.status, body));
  return body;
}

export async function importPage(ctx) {
  const { main } = ctx;
  const file = h('input', { type: 'file', id: 'import-file', name: 'file', required: true, accept: '.docx,.pdf,.odt,.doc,.txt' });
  const status = h('p', { class: 'status', role: 'status', id: 'import-status' });
  const preview = h('div', { id: 'import-preview' });
  const steps = h('ol', { class: 'steps', 'aria-label': 'Шаги импорта' },
    h('li', { class: 'current', id: 'step-1' }, 'Файл распоряжения'), h('li', { id: 'step-2' }, 'Проверка разбора'),
    h('li', { id: 'step-3' }, 'Черновик'), h('li', { id: 'step-4' }, 'Утверждение министерством'));
  const form = h('form', { class: 'panel', id: 'import-form' },
    filePicker('Подписанное распоряжение', file, 'DOCX, PDF с текстовым слоем, ODT, DOC или TXT, до 50 МБ. Ничего не сохраняется, пока вы не нажмёте «Сохранить черновик».'),
    h('button', { type: 'submit', id: 'import-preview-button' }, 'Разобрать'), status);
  append(main, h('h1', {}, 'Импорт дорожной карты из распоряжения'), steps, form, preview);

  const mark = (n) => steps.querySelectorAll('li').forEach((li, i) => {
    li.className = i + 1 < n ? 'done' : (i + 1 === n ? 'current' : '');
    if (i + 1 === n) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) { setStatus(status, 'Выберите файл распоряжения.', 'error'); return; }
    if (chosen.size > MAX_IMPORT_SIZE) { setStatus(status, 'Файл больше 50 МБ.', 'error'); return; }
    setStatus(status, 'Разбираем «' + chosen.name + '»…');
    clear(preview);
    try {
      const result = await postOrder(chosen, true);
      setStatus(status, 'Разобрано: ' + plural(result.itemCount, 'мероприятие', 'мероприятия', 'мероприятий') + ', '
        + plural((result.warnings || []).length, 'предупреждение', 'предупреждения', 'предупреждений') + '.', 'ok');
      mark(2);
      renderPreview(preview, result, async (button, saveStatus) => {
        button.disabled = true;
        setStatus(saveStatus, 'Сохраняем черновик и исходный файл…');
        try {
          const saved = await postOrder(chosen, false);
          mark(3);
          ctx.navigate('/roadmaps/' + saved.roadmap.id + '?imported=' + (saved.warnings || []).length);
        } catch (e) {
          setStatus(saveStatus, e.message, 'error');
          button.disabled = false;
        }
      });
      preview.querySelector('h2')?.focus();
    } catch (e) {
      setStatus(status, e.message, 'error');
    }
  });
}

function renderPreview(box, result, save) {
  const order = result.order || {};
  const warnings = result.warnings || [];
  const byItem = new Map();
  const general = [];
  for (const w of warnings) {
    const key = w.location && w.location.item;
    if (key) { if (!byItem.has(key)) byItem.set(key, []); byItem.get(key).push(w); } else general.push(w);
  }
  const organisations = Object.fromEntries((result.organisations || []).map((o) => [o.id, o]));
  const saveStatus = h('p', { class: 'status', role: 'status', id: 'import-save-status' });
  const saveButton = h('button', { type: 'button', id: 'import-save' }, 'Сохранить черновик');
  saveButton.addEventListener('click', () => save(saveButton, saveStatus));

  append(box, h('h2', { tabindex: '-1' }, 'Проверьте разбор'),
    h('dl', { class: 'props' },
      prop('Распоряжение', [order.documentType, order.number ? '№ ' + order.number : null, order.date ? 'от ' + date(order.date) : null].filter(Boolean).join(' ') || '—'),
      prop('Орган', order.authority || '—'), prop('Название', order.title || '—'),
      prop('Подписал(а)', order.signatory ? [order.signatory.name, order.signatory.position].filter(Boolean).join(', ') : '—'),
      prop('Дорожная карта', (result.title || '—') + (result.year ? ' (' + result.year + ' год)' : '')),
      (order.repeals || []).length ? prop('Признаёт утратившими силу', order.repeals.map((r) => '№ ' + r.number + (r.date ? ' от ' + date(r.date) : '')).join('; ')) : null),
    general.length ? [h('h3', {}, 'Предупреждения по документу'), h('ul', { class: 'warnings', id: 'general-warnings' }, general.map(warningItem))] : null);

  for (const section of result.sections || []) {
    append(box, h('h3', { class: 'section-title' }, [section.number, section.title].filter(Boolean).join('. ') || 'Раздел без заголовка'));
    if (!(section.items || []).length) continue;
    append(box, h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Пункты раздела ' + (section.number || '') },
      h('table', { class: 'grid items' },
        h('thead', {}, h('tr', {}, ['№', 'Мероприятие', 'Срок', 'Исполнители', 'Показатель'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, section.items.flatMap((item) => {
          const own = byItem.get(item.number) || [];
          const td = (label, ...children) => h('td', { dataset: { label } }, children);
          const row = h('tr', { class: own.length ? 'has-warning' : null, dataset: { number: item.number } },
            td('№', item.number), td('Мероприятие', item.text),
            td('Срок', h('p', {}, (item.deadline && item.deadline.raw) || '—'),
              item.deadline && item.deadline.periods && item.deadline.periods.length
                ? h('p', { class: 'hint' }, item.deadline.periods.map((p) => (p.start === p.end ? '' : (p.start ? date(p.start) + '–' : 'до ')) + date(p.end)).join('; ')) : null),
            td('Исполнители', (item.executors || []).map((e) => {
              const org = organisations[e.organisation];
              const full = org && org.name !== e.name && e.name.length < 30 ? org.name + ', ' : '';
              return h('p', {}, e.name, org ? h('span', { class: 'hint' }, ' (' + full + (ORGANISATION_TYPES[org.type] || org.type) + ')') : null);
            })),
            td('Показатель', item.indicator || '—'));
          const warningRow = own.length ? h('tr', { class: 'warning-row' }, h('td', { colspan: '5' },
            h('ul', { class: 'warnings' }, own.map(warningItem)))) : null;
          return [row, warningRow].filter(Boolean);
        })))));
  }
  append(box, h('div', { class: 'panel sticky-save' },
    h('p', {}, 'Черновик увидят только сотрудники вашего региона. Утверждает дорожную карту региональное министерство.'),
    saveButton, saveStatus));
}

function warningItem(w) {
  const where = w.location ? [w.location.item ? 'пункт ' + w.location.item : null, w.location.line ? 'строка ' + w.location.line : null,
    w.location.column ? 'столбец «' + w.location.column + '»' : null].filter(Boolean).join(', ') : '';
  return h('li', { class: 'warning' }, h('strong', {}, '⚠ ' + (WARNING_TITLES[w.code] || w.code) + ': '), w.message,
    where ? h('span', { class: 'hint' }, ' (' + where + ')') : null);
}

function prop(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}
