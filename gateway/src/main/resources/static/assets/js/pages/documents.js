// School materials: the list (with upload for the school), and one document with its versions, comments,
// new version, download, delete and restore.
import { api, get, rows, total } from '../api.js';
import { h, append, clear, field, filePicker, select, setStatus, statusLine } from '../dom.js';
import { MATERIAL_KINDS, EXTRACTION, bytes, dateTime, plural } from '../format.js';
import { uploadProgress, send, checkSize, MAX_FILE_SIZE } from '../upload.js';

const KIND_OPTIONS = Object.entries(MATERIAL_KINDS);

export async function documentsPage(ctx) {
  const { main, params, session } = ctx;
  const school = ctx.has('SCHOOL');
  const deleted = params.get('deleted') === 'true';
  const kind = params.get('kind') || '';
  append(main, h('h1', {}, school ? 'Материалы школы' : 'Материалы школ'),
    h('p', { class: 'hint' }, school
      ? 'Концепция и программа развития, антирисковые программы, отчёты. Их видят куратор школы, муниципальный координатор и региональный оператор.'
      : 'Материалы школ, доступные вам по роли: куратору — курируемых школ, координатору — школ муниципалитета, оператору — школ региона.'));
  if (school && !deleted) append(main, uploadForm(ctx));

  const filters = h('form', { class: 'filters', id: 'documents-filter' },
    field('Вид материала', select('kind', [['', 'Все виды'], ...KIND_OPTIONS], kind)),
    h('div', { class: 'field checkbox' }, h('input', { type: 'checkbox', id: 'show-deleted', name: 'deleted', value: 'true', checked: deleted }),
      h('label', { for: 'show-deleted' }, 'Удалённые (можно восстановить)')),
    h('button', { type: 'submit', class: 'secondary' }, 'Показать'));
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams(new FormData(filters));
    for (const [key, value] of [...next]) if (!value) next.delete(key);
    ctx.navigate('/documents' + (next.toString() ? '?' + next : ''));
  });
  const status = h('p', { class: 'status', role: 'status', id: 'documents-status' }, 'Загружаем…');
  const list = h('ul', { class: 'cards', id: 'documents-list' });
  append(main, h('h2', {}, deleted ? 'Удалённые материалы' : 'Загруженные материалы'), filters, status, list);
  await loadList(ctx, { deleted, kind }, status, list);
}

async function loadList(ctx, filter, status, list) {
  const query = new URLSearchParams({ type: 'SCHOOL_MATERIAL', size: '100' });
  if (filter.deleted) query.set('deleted', 'true');
  if (filter.kind) query.set('kind', filter.kind);
  const page = await get('/api/documents?' + query);
  if (!ctx.isCurrent()) return;
  const documents = rows(page);
  clear(list);
  setStatus(status, documents.length
    ? 'Показано: ' + plural(total(page), 'материал', 'материала', 'материалов')
    : (filter.deleted ? 'Удалённых материалов нет.' : 'Материалов пока нет.'));
  for (const doc of documents) list.append(documentCard(doc, !ctx.has('SCHOOL')));
}

function documentCard(doc, showSchool) {
  return h('li', { class: 'card', dataset: { documentId: doc.id } },
    h('h3', {}, h('a', { href: '/documents/' + doc.id }, doc.title || doc.fileName)),
    h('p', { class: 'meta' }, [MATERIAL_KINDS[doc.kind] || 'Материал', 'версия ' + doc.version, bytes(doc.size),
      showSchool ? 'школа ' + doc.school : null, doc.deleted ? 'удалён ' + dateTime(doc.deletedAt) : null].filter(Boolean).join(' · ')),
    h('p', { class: 'meta' }, 'Загрузил(а) ', doc.uploadedBy || '—', ' ', dateTime(doc.uploadedAt), ' · ',
      h('span', { class: 'extraction extraction-' + doc.extractionStatus }, EXTRACTION[doc.extractionStatus] || doc.extractionStatus || '')),
    h('p', { class: 'checksum' }, h('span', { class: 'hint' }, 'SHA-256: '), h('code', { class: 'sha' }, doc.sha256 || '')));
}

function uploadForm(ctx) {
  const file = h('input', { type: 'file', name: 'file', id: 'upload-file', required: true });
  const title = h('input', { type: 'text', name: 'title', id: 'upload-title', maxlength: '1000', required: true, autocomplete: 'off' });
  const kind = select('kind', KIND_OPTIONS, 'DEVELOPMENT_PROGRAM');
  kind.id = 'upload-kind';
  const progress = uploadProgress();
  const submit = h('button', { type: 'submit', id: 'upload-submit' }, 'Загрузить');
  const form = h('form', { class: 'panel', id: 'upload-form' },
    h('h2', {}, 'Загрузить материал'),
    filePicker('Файл', file, 'PDF, DOCX, DOC, ODT, XLSX, PPTX, TXT, JPEG или PNG, до ' + bytes(MAX_FILE_SIZE) + '.'),
    field('Название', title), field('Вид материала', kind), submit, progress.node);
  file.addEventListener('change', () => {
    if (file.files[0] && !title.value) title.value = file.files[0].name.replace(/\.[^.]+$/, '');
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    const problem = checkSize(chosen) || (title.value.trim() ? null : 'Укажите название.');
    if (problem) { setStatus(progress.status, problem, 'error'); return; }
    const data = new FormData();
    data.append('type', 'SCHOOL_MATERIAL');
    data.append('title', title.value.trim());
    data.append('kind', kind.value);
    data.append('file', chosen, chosen.name);
    submit.disabled = true;
    try {
      const doc = await send('/api/documents', data, chosen, progress);
      setStatus(progress.status, 'Загружено: «' + (doc.title || chosen.name) + '», версия ' + doc.version
        + ', SHA-256 ' + doc.sha256, 'ok');
      form.reset();
      file.dispatchEvent(new Event('change'));
      const list = document.getElementById('documents-list');
      if (list) {
        list.prepend(documentCard(doc, false));
        setStatus(document.getElementById('documents-status'), '');
      }
    } catch (e) {
      setStatus(progress.status, e.message, e.cancelled ? '' : 'error');
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

export async function documentPage(ctx) {
  const { main, id, session } = ctx;
  const doc = await get('/api/documents/' + id);
  if (!ctx.isCurrent()) return;
  const owner = ctx.has('SCHOOL') && [].concat(session.school).includes(doc.school);
  const canRestore = doc.deleted && (owner || ctx.has('REGIONAL_OPERATOR'));
  const canComment = !doc.deleted && (owner || ctx.has('CURATOR', 'REGIONAL_OPERATOR'));
  const status = h('p', { class: 'status', role: 'status', id: 'document-status' });

  append(main, h('p', { class: 'crumbs' }, h('a', { href: '/documents' }, '← Все материалы')),
    h('h1', {}, doc.title || doc.fileName),
    doc.deleted ? statusLine('Материал удалён ' + dateTime(doc.deletedAt) + '.', 'error') : null,
    h('dl', { class: 'props' },
      prop('Вид', MATERIAL_KINDS[doc.kind] || '—'), prop('Школа', doc.school), prop('Версия', String(doc.version)),
      prop('Файл', doc.fileName + ' (' + bytes(doc.size) + ')'), prop('SHA-256', h('code', { class: 'sha' }, doc.sha256)),
      prop('Текст', EXTRACTION[doc.extractionStatus] || doc.extractionStatus || '—'),
      prop('Загрузил(а)', (doc.uploadedBy || '—') + ', ' + dateTime(doc.uploadedAt))),
    h('p', { class: 'actions' },
      doc.deleted ? null : h('a', { class: 'button', href: '/api/documents/' + id + '/content', download: '' }, 'Скачать'),
      owner && !doc.deleted ? h('button', { type: 'button', class: 'danger', id: 'delete-document', onclick: async () => {
        if (!window.confirm('Удалить материал «' + doc.title + '»? Его можно будет восстановить.')) return;
        try { await api('/api/documents/' + id, { method: 'DELETE' }); ctx.navigate('/documents'); } catch (e) { setStatus(status, e.message, 'error'); }
      } }, 'Удалить') : null,
      canRestore ? h('button', { type: 'button', id: 'restore-document', onclick: async () => {
        try { await api('/api/documents/' + id + '/restore', { method: 'POST' }); ctx.navigate('/documents/' + id, true); } catch (e) { setStatus(status, e.message, 'error'); }
      } }, 'Восстановить') : null),
    status);

  if (owner && !doc.deleted) append(main, newVersionForm(ctx, doc));

  const versions = await get('/api/documents/' + id + '/versions');
  append(main, h('h2', {}, 'Версии'), h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': 'Версии' },
    h('table', { class: 'grid items' },
      h('thead', {}, h('tr', {}, ['Версия', 'Файл', 'Размер', 'SHA-256', 'Загрузил(а)'].map((t) => h('th', { scope: 'col' }, t)),
        h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Скачать')))),
      h('tbody', {}, (versions || []).map((v) => h('tr', {},
        h('td', { dataset: { label: 'Версия' } }, String(v.version)), h('td', { dataset: { label: 'Файл' } }, v.fileName),
        h('td', { dataset: { label: 'Размер' } }, bytes(v.size)),
        h('td', { dataset: { label: 'SHA-256' } }, h('code', { class: 'sha' }, v.sha256)),
        h('td', { dataset: { label: 'Загрузил(а)' } }, (v.uploadedBy || '') + ', ' + dateTime(v.uploadedAt)),
        h('td', {}, doc.deleted ? '' : h('a', { href: '/api/documents/' + id + '/versions/' + v.version + '/content', download: '' },
          'Скачать', h('span', { class: 'visually-hidden' }, ' версию ' + v.version)))))))));

  const comments = h('ul', { class: 'comments', id: 'comments' });
  append(main, h('h2', {}, 'Комментарии куратора и региона'), comments);
  const renderComments = (list) => {
    clear(comments);
    if (!list.length) comments.append(h('li', { class: 'hint' }, 'Комментариев пока нет.'));
    for (const c of list) {
      comments.append(h('li', {}, h('p', { class: 'meta' }, (c.author || '') + (c.authorRole ? ' (' + roleName(c.authorRole) + ')' : '') + ', ' + dateTime(c.createdAt)),
        h('p', { class: 'comment-text' }, c.text)));
    }
  };
  renderComments(await get('/api/documents/' + id + '/comments') || []);
  if (canComment) {
    const text = h('textarea', { name: 'text', id: 'comment-text', maxlength: '4000', rows: '4', required: true });
    const commentStatus = h('p', { class: 'status', role: 'status' });
    const form = h('form', { class: 'panel', id: 'comment-form' }, field('Новый комментарий', text),
      h('button', { type: 'submit' }, 'Отправить комментарий'), commentStatus);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!text.value.trim()) { setStatus(commentStatus, 'Напишите текст комментария.', 'error'); return; }
      try {
        await api('/api/documents/' + id + '/comments', { method: 'POST', json: { text: text.value.trim() } });
        text.value = '';
        renderComments(await get('/api/documents/' + id + '/comments') || []);
        setStatus(commentStatus, 'Комментарий добавлен.', 'ok');
      } catch (e) { setStatus(commentStatus, e.message, 'error'); }
    });
    append(main, form);
  }
}

const ROLE_NAMES = {
  curator: 'куратор', school: 'школа', 'regional-operator': 'региональный оператор', 'regional-ministry': 'региональное министерство',
  'municipal-coordinator': 'муниципальный координатор', 'federal-analyst': 'федеральный аналитик'
};

function roleName(roles) {
  return String(roles).split(',').map((r) => ROLE_NAMES[r.trim()] || r.trim()).join(', ');
}

function prop(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function newVersionForm(ctx, doc) {
  const file = h('input', { type: 'file', name: 'file', id: 'version-file', required: true });
  const progress = uploadProgress();
  const submit = h('button', { type: 'submit', id: 'version-submit' }, 'Загрузить новую версию');
  const form = h('form', { class: 'panel', id: 'version-form' }, h('h2', {}, 'Новая версия'),
    filePicker('Файл новой версии', file, 'Прежние версии сохраняются и остаются доступными.'), submit, progress.node);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    const problem = checkSize(chosen);
    if (problem) { setStatus(progress.status, problem, 'error'); return; }
    const data = new FormData();
    data.append('type', 'SCHOOL_MATERIAL');
    data.append('documentId', doc.id);
    data.append('file', chosen, chosen.name);
    submit.disabled = true;
    try {
      await send('/api/documents', data, chosen, progress);
      ctx.navigate('/documents/' + doc.id, true);
    } catch (e) {
      setStatus(progress.status, e.message, e.cancelled ? '' : 'error');
      submit.disabled = false;
    }
  });
  return form;
}
