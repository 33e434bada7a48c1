// Calls to the platform's API through the gateway session (cookie), with the CSRF header on writes.

export class ApiError extends Error {
  constructor(status, detail, body) {
    super(detail);
    this.status = status;
    this.body = body;
  }
}

export function cookie(name) {
  const match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
  return match ? decodeURIComponent(match[1]) : '';
}

const FALLBACK = {
  400: 'Проверьте введённые данные.',
  401: 'Сеанс завершён: войдите снова.',
  403: 'Недостаточно прав для этого действия.',
  404: 'Не найдено или недоступно вам.',
  409: 'Действие сейчас невозможно: данные изменились или статус не подходит.',
  412: 'Данные успели измениться: обновите страницу и повторите.',
  413: 'Файл слишком большой.',
  415: 'Этот тип файла не поддерживается.',
  422: 'Документ не удалось разобрать.',
  429: 'Слишком много запросов подряд: подождите несколько секунд.',
  503: 'Сервис временно недоступен. Повторите попытку через минуту.'
};

export function problemText(status, body) {
  if (body && typeof body.detail === 'string' && body.detail) {
    const fields = body.fields ? Object.values(body.fields).join('; ') : '';
    return fields && !body.detail.includes(fields) ? body.detail + ' ' + fields : body.detail;
  }
  return FALLBACK[status] || ('Ошибка сервера (' + status + '). Повторите попытку.');
}

export async function api(path, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
  const init = Object.assign({}, options, { headers, credentials: 'same-origin' });
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.json);
    delete init.json;
  }
  if (init.method && init.method !== 'GET') headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN');
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'Нет связи с сервером. Проверьте подключение и повторите попытку.');
  }
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  if (!response.ok) throw new ApiError(response.status, problemText(response.status, body), body);
  return { body, etag: response.headers.get('ETag'), status: response.status };
}

export async function get(path) {
  return (await api(path)).body;
}

/** The rows of a Spring page, whichever of its JSON shapes the service answers. */
export function rows(page) {
  return (page && (page.content || page.items)) || (Array.isArray(page) ? page : []);
}

export function total(page) {
  if (!page) return 0;
  if (page.page && typeof page.page.totalElements === 'number') return page.page.totalElements;
  return page.totalElements ?? rows(page).length;
}
