// Calls to the platform's API through the gateway session (cookie), with the CSRF header on writes.

export class ApiError extends Error {
  constructor(status, detail, body, retryAfter = null) {
    super(detail);
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

/** No connection, or the gateway could not get an answer from the service in time: worth one more try. */
const TRANSIENT = new Set([0, 502, 503, 504]);
const MAX_RETRY_PAUSE_MS = 3000;

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

/**
 * One call; a reading (GET, HEAD) that meets a transient failure is repeated once after the pause the
 * answer asks for (Retry-After, at most 3 s), so a moment of overload does not become an error page.
 */
export async function api(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  try {
    return await send(path, options);
  } catch (e) {
    if (!(method === 'GET' || method === 'HEAD') || !(e instanceof ApiError) || !TRANSIENT.has(e.status)) throw e;
    const seconds = Number(e.retryAfter);
    await new Promise((resolve) => setTimeout(resolve,
      Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, MAX_RETRY_PAUSE_MS) : 1000));
    return send(path, options);
  }
}

async function send(path, options) {
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
  if (!response.ok) {
    throw new ApiError(response.status, problemText(response.status, body), body, response.headers.get('Retry-After'));
  }
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
