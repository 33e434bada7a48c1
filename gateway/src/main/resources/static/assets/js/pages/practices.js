// Best practices: the caller's list, one practice with the school's and the regional operator's actions,
// and the form to create or edit one.
import { api, get, rows } from '../api.js';
import { h, append, clear, field, filePicker, select, setStatus } from '../dom.js';
import { PRACTICE_STATUS, EDUCATION_LEVELS, region, bytes, date, dateTime, plural } from '../format.js';
import { uploadProgress, send, checkSize } from '../upload.js';

let references = null;

async function referenceLists() {
  if (!references) {
    const [directions, risks] = await Promise.all([get('/api/documents/practices/directions'), get('/api/documents/practices/risk-factors')]);
    references = {
      directions: Object.fromEntries((directions.items || []).map((i) => [i.code, i.title])),
      risks: Object.fromEntries((risks.items || []).map((i) => [i.code, i.title]))
    };
  }
  return references;
}

function statusBadge(status) {
  return h('span', { class: 'badge badge-' + status }, PRACTICE_STATUS[status] || status);
}

export async function practicesPage(ctx) {
  const { main, params } = ctx;
  const refs = await referenceLists();
  const chosen = params.has('status') ? params.get('status') : (ctx.has('REGIONAL_OPERATOR') ? 'SUBMITTED' : '');
  append(main, h('h1', {}, ctx.has('SCHOOL') ? 'Практики школы' : 'Практики на рассмотрении'),
    h('p', { class: 'hint' }, ctx.has('SCHOOL')
      ? 'Опишите практику, приложите файлы и подайте её на рассмотрение регионального оператора.'
      : 'Практики школ вашего региона по статусам. Опубликованные видны всем в реестре.'));
  if (ctx.has('SCHOOL')) append(main, h('p', {}, h('a', { class: 'button', href: '/practices/new', id: 'new-practice' }, 'Новая практика')));
  const tabs = h('nav', { class: 'subtabs', 'aria-label': 'Статус' });
  for (const [code, title] of [['', 'Все'], ...Object.entries(PRACTICE_STATUS)]) {
    tabs.append(h('a', { href: '/practices' + (code ? '?status=' + code : '?status='), 'aria-current': code === chosen ? 'page' : null, class: code === chosen ? 'active' : null }, title));
  }
  const status = h('p', { class: 'status', role: 'status' }, 'Загружаем…');
  const list = h('ul', { class: 'cards', id: 'practices-list' });
  append(main, tabs, status, list);
  const query = new URLSearchParams({ size: '100' });
  if (chosen) query.set('status', chosen);
  if (!ctx.has('FEDERAL_ANALYST') && ctx.session.region) query.set('region', ctx.session.region);
  const page = await get('/api/documents/practices?' + query);
  if (!ctx.isCurrent()) return;
  // a school lists its own practices; the published ones of others are in the registry
  const practices = rows(page).filter((p) => !ctx.has('SCHOOL') || [].concat(ctx.session.school).includes(p.school));
  setStatus(status, practices.length ? 'Показано: ' + plural(practices.length, 'практика', 'практики', 'практик') : 'Практик с таким статусом нет.');
  for (const p of practices) {
    list.append(h('li', { class: 'card' }, h('h3', {}, h('a', { href: '/practices/' + p.id }, p.title), ' ', statusBadge(p.status)),
      h('p', { class: 'meta' }, [refs.directions[p.direction] || p.direction, 'школа ' + p.school, region(p.region),
        p.submittedAt ? 'подана ' + date(p.submittedAt) : null].filter(Boolean).join(' · '))));
  }
}

export async function practicePage(ctx) {
  const { main, id, session } = ctx;
  const [practice, refs] = await Promise.all([get('/api/documents/practices/' + id), referenceLists()]);
  if (!ctx.isCurrent()) return;
  const author = ctx.has('SCHOOL') && [].concat(session.school).includes(practice.school);
  const editable = author && ['DRAFT', 'RETURNED'].includes(practice.status);
  const reviewer = ctx.has('REGIONAL_OPERATOR') && session.region === practice.region;
  const status = h('p', { class: 'status', role: 'status', id: 'practice-status' });
  const act = async (path, body, done) => {
    try {
      await api('/api/documents/practices/' + id + '/' + path, { method: 'POST', json: body || {} });
      ctx.navigate('/practices/' + id + (done ? '?done=' + done : ''), true);
    } catch (e) { setStatus(status, e.message, 'error'); }
  };
  const done = { submit: 'Практика подана на рассмотрение.', review: 'Практика взята на экспертизу.',
    publish: 'Практика опубликована в реестре.', return: 'Практика возвращена на доработку.', reject: 'Практика отклонена.' }[ctx.params.get('done')];

  append(main, h('p', { class: 'crumbs' }, h('a', { href: session.authenticated && !ctx.has('FEDERAL_ANALYST', 'REGIONAL_MINISTRY') ? '/practices' : '/registry' }, '← К списку практик')),
    h('h1', {}, practice.title), h('p', {}, statusBadge(practice.status)),
    done ? h('p', { class: 'status ok', role: 'status' }, done) : null, status,
    h('dl', { class: 'props' },
      prop('Авторы', (practice.authors || []).join(', ')), prop('Школа', practice.school), prop('Регион', region(practice.region)),
      prop('Направление', refs.directions[practice.direction] || practice.direction),
      prop('Уровень образования', EDUCATION_LEVELS[practice.educationLevel] || practice.educationLevel),
      prop('Рисковые профили', (practice.riskFactors || []).map((r) => refs.risks[r] || r).join('; ') || '—'),
      practice.submittedAt ? prop('Подана', date(practice.submittedAt)) : null,
      practice.publishedAt ? prop('Опубликована', date(practice.publishedAt)) : null,
      practice.score != null ? prop('Оценка эксперта', practice.score + ' из 100') : null),
    h('h2', {}, 'Описание'), paragraphs(practice.description),
    practice.results ? [h('h2', {}, 'Результаты'), paragraphs(practice.results)] : null,
    practice.expertConclusion ? [h('h2', {}, 'Заключение эксперта'), paragraphs(practice.expertConclusion)] : null);

  const files = practice.files || [];
  append(main, h('h2', {}, 'Файлы'), files.length ? h('ul', { class: 'files' }, files.map((f) => h('li', {},
    h('a', { href: '/api/documents/practices/' + id + '/files/' + f.id + '/content', download: '' }, f.title || f.fileName),
    ' ', h('span', { class: 'hint' }, f.fileName + ', ' + bytes(f.size))))) : h('p', { class: 'hint' }, 'Файлов нет.'));

  if (editable) {
    append(main, h('p', { class: 'actions' },
      h('a', { class: 'button secondary', href: '/practices/' + id + '/edit' }, 'Редактировать'),
      h('button', { type: 'button', id: 'submit-practice', onclick: () => act('submit', null, 'submit') }, 'Подать на рассмотрение')),
    attachForm(ctx, practice));
  }
  if ((practice.comments || []).length) {
    append(main, h('h2', {}, 'Замечания экспертизы'), h('ul', { class: 'comments' }, practice.comments.map((c) =>
      h('li', {}, h('p', { class: 'meta' }, (c.author || '') + ', ' + dateTime(c.createdAt) + (c.status ? ' · ' + (PRACTICE_STATUS[c.status] || c.status) : '')),
        h('p', { class: 'comment-text' }, c.text)))));
  }
  if (reviewer && practice.status === 'SUBMITTED') {
    append(main, h('p', { class: 'actions' }, h('button', { type: 'button', id: 'take-review', onclick: () => act('review', null, 'review') }, 'Взять на экспертизу')));
  }
  if (reviewer && practice.status === 'IN_REVIEW') append(main, reviewForm(act));
}

function reviewForm(act) {
  const conclusion = h('textarea', { id: 'review-conclusion', name: 'conclusion', rows: '5', maxlength: '20000' });
  const score = h('input', { type: 'number', id: 'review-score', name: 'score', min: '0', max: '100', step: '1', inputmode: 'numeric' });
  const comment = h('textarea', { id: 'review-comment', name: 'comment', rows: '3', maxlength: '4000' });
  const status = h('p', { class: 'status', role: 'status' });
  const value = () => ({ conclusion: conclusion.value.trim() || null, score: score.value === '' ? null : Number(score.value), comment: comment.value.trim() || null });
  const need = (ok, message) => { if (!ok) setStatus(status, message, 'error'); return ok; };
  return h('form', { class: 'panel', id: 'review-form', onsubmit: (e) => e.preventDefault() },
    h('h2', {}, 'Решение эксперта'),
    field('Заключение', conclusion, 'Обязательно для публикации и отклонения.'),
    field('Оценка, баллов из 100', score, 'Обязательна для публикации.'),
    field('Замечания для школы', comment, 'Обязательны при возврате на доработку.'),
    h('p', { class: 'actions' },
      h('button', { type: 'button', id: 'publish-practice', onclick: () => {
        const v = value();
        if (need(v.conclusion && v.score != null, 'Для публикации нужны заключение и оценка.')) act('publish', v, 'publish');
      } }, 'Опубликовать'),
      h('button', { type: 'button', class: 'secondary', id: 'return-practice', onclick: () => {
        const v = value();
        if (need(v.comment, 'Напишите замечания для школы.')) act('return', v, 'return');
      } }, 'Вернуть на доработку'),
      h('button', { type: 'button', class: 'danger', id: 'reject-practice', onclick: () => {
        const v = value();
        if (need(v.conclusion, 'Для отклонения нужно заключение.')) act('reject', v, 'reject');
      } }, 'Отклонить')),
    status);
}

function attachForm(ctx, practice) {
  const file = h('input', { type: 'file', id: 'practice-file', name: 'file', required: true });
  const title = h('input', { type: 'text', id: 'practice-file-title', name: 'title', maxlength: '1000' });
  const progress = uploadProgress();
  const form = h('form', { class: 'panel', id: 'attach-form' }, h('h2', {}, 'Приложить файл'),
    filePicker('Файл', file), field('Название файла', title, 'Например: «Положение о наставничестве».'),
    h('button', { type: 'submit' }, 'Приложить'), progress.node);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    const problem = checkSize(chosen);
    if (problem) { setStatus(progress.status, problem, 'error'); return; }
    const data = new FormData();
    data.append('type', 'PRACTICE_FILE');
    data.append('practiceId', practice.id);
    data.append('title', title.value.trim() || chosen.name);
    data.append('file', chosen, chosen.name);
    try {
      await send('/api/documents', data, chosen, progress);
      ctx.navigate('/practices/' + practice.id, true);
    } catch (e) { setStatus(progress.status, e.message, e.cancelled ? '' : 'error'); }
  });
  return form;
}

export async function practiceFormPage(ctx) {
  const { main, id } = ctx;
  const refs = await referenceLists();
  const practice = id ? await get('/api/documents/practices/' + id) : {};
  if (!ctx.isCurrent()) return;
  const title = h('input', { type: 'text', id: 'practice-title', name: 'title', maxlength: '1000', required: true, value: practice.title || '' });
  const authors = h('input', { type: 'text', id: 'practice-authors', name: 'authors', maxlength: '2000', required: true, value: (practice.authors || []).join(', ') });
  const direction = select('direction', Object.entries(refs.directions), practice.direction);
  direction.id = 'practice-direction';
  const level = select('educationLevel', Object.entries(EDUCATION_LEVELS), practice.educationLevel || 'BASIC_GENERAL');
  level.id = 'practice-level';
  const risks = h('fieldset', { class: 'checks' }, h('legend', {}, 'Рисковые профили, на которые направлена практика'),
    Object.entries(refs.risks).map(([code, text]) => h('label', {}, h('input', { type: 'checkbox', name: 'riskFactors', value: code, checked: (practice.riskFactors || []).includes(code) }), ' ', text)));
  const description = h('textarea', { id: 'practice-description', name: 'description', rows: '8', maxlength: '100000', required: true }, practice.description || '');
  const results = h('textarea', { id: 'practice-results', name: 'results', rows: '5', maxlength: '100000' }, practice.results || '');
  const status = h('p', { class: 'status', role: 'status' });
  const form = h('form', { class: 'panel', id: 'practice-form' },
    field('Название практики', title), field('Авторы', authors, 'Через запятую: фамилия и инициалы.'),
    field('Направление', direction), field('Уровень образования', level), risks,
    field('Описание', description, 'Цель, содержание, этапы, ресурсы.'), field('Результаты', results),
    h('button', { type: 'submit', id: 'practice-save' }, id ? 'Сохранить изменения' : 'Сохранить черновик'), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {
      title: title.value.trim(), authors: authors.value.split(',').map((a) => a.trim()).filter(Boolean),
      direction: direction.value, educationLevel: level.value,
      riskFactors: [...form.querySelectorAll('input[name=riskFactors]:checked')].map((c) => c.value),
      description: description.value.trim(), results: results.value.trim() || null
    };
    if (!body.title || !body.authors.length || !body.description) { setStatus(status, 'Заполните название, авторов и описание.', 'error'); return; }
    try {
      const saved = await api('/api/documents/practices' + (id ? '/' + id : ''), { method: id ? 'PUT' : 'POST', json: body });
      ctx.navigate('/practices/' + saved.body.id);
    } catch (e) { setStatus(status, e.message, 'error'); }
  });
  append(main, h('p', { class: 'crumbs' }, h('a', { href: id ? '/practices/' + id : '/practices' }, '← Назад')),
    h('h1', {}, id ? 'Редактирование практики' : 'Новая практика'), form);
}

function paragraphs(text) {
  return String(text || '').split(/\n{2,}|\r\n\r\n/).filter((p) => p.trim()).map((p) => h('p', { class: 'prose' }, p));
}

function prop(term, value) {
  return [h('dt', {}, term), h('dd', {}, value)];
}
