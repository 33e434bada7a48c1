// The signed-in page: who is logged in, the views, and calls to the API through the gateway session.
(function () {
  const REGIONS = { '38': 'Иркутская область', '43': 'Кировская область' };
  const STATUSES = { DRAFT: 'Черновик', APPROVED: 'Утверждена', SUPERSEDED: 'Заменена новой версией' };
  const ROLES = {
    ROLE_FEDERAL_ANALYST: 'федеральный аналитик', ROLE_REGIONAL_OPERATOR: 'региональный оператор',
    ROLE_REGIONAL_MINISTRY: 'региональное министерство', ROLE_MUNICIPAL_COORDINATOR: 'муниципальный координатор',
    ROLE_CURATOR: 'куратор', ROLE_SCHOOL: 'школа'
  };

  function cookie(name) {
    const match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : '';
  }

  async function api(path, options = {}) {
    const headers = Object.assign({ Accept: 'application/json' }, options.headers || {});
    if (options.method && options.method !== 'GET') headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN');
    const response = await fetch(path, Object.assign({}, options, { headers, credentials: 'same-origin' }));
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      const error = new Error(body.detail || ('Ошибка ' + response.status));
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function show(view) {
    document.querySelectorAll('.view').forEach((section) => { section.hidden = section.id !== 'view-' + view; });
    document.querySelectorAll('#nav a').forEach((link) => link.classList.toggle('active', link.dataset.view === view));
    if (view === 'roadmaps') loadRoadmaps();
    if (view === 'comparison') loadPicker();
  }

  async function loadSession() {
    const session = await api('/session');
    if (!session.authenticated) { window.location = '/oauth2/authorization/keycloak'; return; }
    const roles = (session.roles || []).map((role) => ROLES[role]).filter(Boolean).join(', ');
    const region = REGIONS[session.region] || session.region || '';
    document.getElementById('user').textContent = [session.name || session.username, roles, region].filter(Boolean).join(' · ');
    document.getElementById('csrf').value = cookie('XSRF-TOKEN');
  }

  async function loadRoadmaps() {
    const status = document.getElementById('roadmaps-status');
    const table = document.getElementById('roadmaps-table');
    status.className = 'status';
    status.textContent = 'Загружаем…';
    try {
      const page = await api('/api/roadmaps?size=100');
      const rows = page.content || [];
      const tbody = table.querySelector('tbody');
      tbody.innerHTML = '';
      for (const roadmap of rows) {
        const tr = document.createElement('tr');
        for (const value of [REGIONS[roadmap.region] || roadmap.region, roadmap.year, roadmap.title, STATUSES[roadmap.status] || roadmap.status]) {
          const td = document.createElement('td');
          td.textContent = value == null ? '' : value;
          tr.append(td);
        }
        tbody.append(tr);
      }
      table.hidden = rows.length === 0;
      status.textContent = rows.length ? '' : 'Дорожных карт пока нет.';
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    }
  }

  function cellText(value) { return value == null ? '' : String(value); }

  function table(headers, rows) {
    const t = document.createElement('table');
    t.className = 'grid';
    const head = t.createTHead().insertRow();
    headers.forEach((h) => { const th = document.createElement('th'); th.textContent = h; head.append(th); });
    const body = t.createTBody();
    rows.forEach((row) => {
      const tr = body.insertRow();
      row.cells.forEach((value) => { tr.insertCell().textContent = cellText(value); });
      if (row.className) tr.className = row.className;
    });
    return t;
  }

  async function loadPicker() {
    const picker = document.getElementById('comparison-picker');
    if (picker.dataset.loaded) return;
    try {
      const page = await api('/api/roadmaps?size=100');
      picker.innerHTML = '';
      for (const roadmap of page.content || []) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = roadmap.id;
        box.checked = roadmap.status === 'APPROVED';
        label.append(box, ' ' + [REGIONS[roadmap.region] || roadmap.region, roadmap.year, STATUSES[roadmap.status] || roadmap.status].join(' · '));
        picker.append(label);
      }
      picker.dataset.loaded = 'yes';
      if (!picker.children.length) picker.textContent = 'Нет доступных дорожных карт.';
    } catch (e) {
      document.getElementById('comparison-status').textContent = e.message;
    }
  }

  async function compare(event) {
    event.preventDefault();
    const status = document.getElementById('comparison-status');
    const result = document.getElementById('comparison-result');
    const ids = [...document.querySelectorAll('#comparison-picker input:checked')].map((box) => box.value);
    result.innerHTML = '';
    if (!ids.length) { status.textContent = 'Отметьте хотя бы одну дорожную карту.'; return; }
    const params = new URLSearchParams();
    ids.forEach((id) => params.append('roadmap', id));
    const date = document.getElementById('comparison-date').value;
    if (date) params.set('date', date);
    status.className = 'status';
    status.textContent = 'Сравниваем…';
    try {
      const comparison = await api('/api/comparison?' + params);
      const names = {};
      comparison.roadmaps.forEach((r) => { names[r.id] = (r.regionName || r.region) + ' ' + cellText(r.year); });
      const heading = (text) => { const h = document.createElement('h2'); h.textContent = text; return h; };
      result.append(heading('Оценка полноты'), table(['Дорожная карта', 'Баллы', 'Зона', 'Обоснование'],
        comparison.coverage.map((score) => ({
          className: 'zone-' + score.zone,
          cells: [names[score.roadmapId], score.points + ' из ' + score.max, score.zone,
            score.reasons.map((reason) => (reason.met ? '✓ ' : '✗ ') + reason.text).join(' ')]
        }))));
      result.append(heading('Категории мероприятий'), table(['Категория'].concat(comparison.roadmaps.map((r) => names[r.id])),
        comparison.categories.rows.map((row) => ({
          cells: [row.title].concat(comparison.roadmaps.map((r) => {
            const cell = row.cells.find((c) => c.roadmapId === r.id) || { count: 0, itemNumbers: [] };
            return cell.count ? cell.count + ': ' + cell.itemNumbers.join(', ') : '—';
          }))
        }))));
      result.append(heading('Просроченные на ' + comparison.overdue.date), table(['Дорожная карта', 'Пункт', 'Срок', 'Мероприятие'],
        comparison.overdue.roadmaps.flatMap((r) => r.items.map((item) => ({
          cells: [names[r.roadmapId], item.number, item.deadlineText, item.task]
        })))));
      const link = document.getElementById('comparison-export');
      link.href = '/api/comparison/export?' + params;
      link.hidden = false;
      status.textContent = '';
    } catch (e) {
      status.className = 'status error';
      status.textContent = e.message;
    }
  }

  document.getElementById('comparison-form').addEventListener('submit', compare);
  document.querySelectorAll('#nav a').forEach((link) => link.addEventListener('click', () => show(link.dataset.view)));
  loadSession().then(() => show((location.hash || '#roadmaps').slice(1))).catch(() => {
    document.getElementById('user').textContent = 'Нет связи с сервером';
  });
})();
