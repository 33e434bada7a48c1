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

  document.querySelectorAll('#nav a').forEach((link) => link.addEventListener('click', () => show(link.dataset.view)));
  loadSession().then(() => show((location.hash || '#roadmaps').slice(1))).catch(() => {
    document.getElementById('user').textContent = 'Нет связи с сервером';
  });
})();
