// Search box shared by the public registry and the signed-in page: results with highlights, facets that
// narrow the search, title suggestions and "show more" through the search_after cursor.
(function () {
  const form = document.getElementById('search-form');
  if (!form) return;
  const input = document.getElementById('q');
  const status = document.getElementById('search-status');
  const hits = document.getElementById('search-hits');
  const facetsBox = document.getElementById('search-facets');
  const more = document.getElementById('search-more');
  const suggestions = document.getElementById('search-suggestions');
  const TYPES = {
    PRACTICE: 'Лучшая практика', SCHOOL_MATERIAL: 'Материал школы', ORDER: 'Распоряжение',
    PRACTICE_FILE: 'Файл практики', ROADMAP: 'Дорожная карта', ROADMAP_ITEM: 'Мероприятие дорожной карты'
  };
  const FACETS = { type: 'Вид', region: 'Регион', year: 'Год', direction: 'Направление', level: 'Уровень', riskFactor: 'Риск' };
  const filters = {};
  let next = null;

  function text(value) { return value == null ? '' : String(value); }

  // Only <em> from the search highlighter survives; everything else is shown as text.
  function safeSnippet(html) {
    const escaped = text(html).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return escaped.replace(/&lt;em&gt;/g, '<em>').replace(/&lt;\/em&gt;/g, '</em>')
      .replace(/&amp;(amp|lt|gt|quot|#39);/g, '&$1;');
  }

  function url(after) {
    const params = new URLSearchParams({ q: input.value.trim(), size: '20' });
    for (const [name, value] of Object.entries(filters)) params.append(name, value);
    if (after) params.set('after', after);
    return '/api/search?' + params;
  }

  function renderHit(hit) {
    const li = document.createElement('li');
    const title = document.createElement('strong');
    title.textContent = text(hit.title);
    const meta = document.createElement('div');
    meta.className = 'hint';
    meta.textContent = [TYPES[hit.type] || hit.type, hit.regionName || hit.region, hit.year].filter(Boolean).join(' · ');
    const snippet = document.createElement('div');
    snippet.innerHTML = safeSnippet((hit.snippets && hit.snippets.length ? hit.snippets : [hit.snippet]).filter(Boolean).join(' … '));
    li.append(title, meta, snippet);
    hits.append(li);
  }

  function renderFacets(facets) {
    if (!facetsBox) return;
    facetsBox.innerHTML = '';
    for (const [name, label] of Object.entries(FACETS)) {
      const values = (facets && facets[name]) || [];
      if (!values.length && !filters[name]) continue;
      const group = document.createElement('div');
      group.className = 'facet';
      const heading = document.createElement('span');
      heading.className = 'hint';
      heading.textContent = label + ':';
      group.append(heading);
      if (filters[name]) {
        const clear = document.createElement('button');
        clear.type = 'button';
        clear.className = 'chip active';
        clear.textContent = (TYPES[filters[name]] || filters[name]) + ' ✕';
        clear.title = 'Снять фильтр';
        clear.addEventListener('click', () => { delete filters[name]; run(); });
        group.append(clear);
      } else {
        for (const value of values.slice(0, 12)) {
          const chip = document.createElement('button');
          chip.type = 'button';
          chip.className = 'chip';
          chip.textContent = (value.label || TYPES[value.value] || value.value) + ' (' + value.count + ')';
          chip.addEventListener('click', () => { filters[name] = value.value; run(); });
          group.append(chip);
        }
      }
      facetsBox.append(group);
    }
  }

  async function fetchPage(after) {
    const response = await fetch(url(after), { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.detail || ('Поиск недоступен (' + response.status + ').'));
    }
    return body;
  }

  async function run(after) {
    const q = input.value.trim();
    if (!after) { hits.innerHTML = ''; }
    if (more) more.hidden = true;
    if (!q) { status.textContent = 'Введите запрос.'; renderFacets(null); return; }
    status.className = 'status';
    status.textContent = 'Ищем…';
    try {
      const body = await fetchPage(after);
      const total = body.total || 0;
      status.textContent = total ? 'Найдено: ' + total : 'Ничего не найдено. Попробуйте другие слова или снимите фильтры.';
      (body.hits || []).forEach(renderHit);
      if (!after) renderFacets(body.facets);
      next = body.next || null;
      if (more) more.hidden = !next;
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message === 'Failed to fetch' ? 'Нет связи с сервером. Повторите попытку.' : e.message;
    }
  }

  let suggestTimer = null;
  input.addEventListener('input', () => {
    if (!suggestions) return;
    clearTimeout(suggestTimer);
    const q = input.value.trim();
    if (q.length < 3) { suggestions.innerHTML = ''; return; }
    suggestTimer = setTimeout(async () => {
      try {
        const response = await fetch('/api/search/suggest?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } });
        if (!response.ok) return;
        suggestions.innerHTML = '';
        for (const suggestion of await response.json()) {
          const option = document.createElement('option');
          option.value = suggestion.text;
          suggestions.append(option);
        }
      } catch (e) { /* suggestions are optional */ }
    }, 250);
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const name of Object.keys(filters)) delete filters[name];
    run();
  });
  if (more) more.addEventListener('click', () => run(next));

  // a search can be shared as a link: /registry?q=наставничество
  const shared = new URLSearchParams(location.search).get('q');
  if (shared) { input.value = shared; run(); }
})();
