// Search box shared by the public registry and the signed-in page.
(function () {
  const form = document.getElementById('search-form');
  if (!form) return;
  const status = document.getElementById('search-status');
  const hits = document.getElementById('search-hits');

  function text(value) { return value == null ? '' : String(value); }

  // Only <em> from the search highlighter survives; everything else is shown as text.
  function safeSnippet(html) {
    const escaped = text(html).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return escaped.replace(/&lt;em&gt;/g, '<em>').replace(/&lt;\/em&gt;/g, '</em>');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = document.getElementById('q').value.trim();
    hits.innerHTML = '';
    if (!q) { status.textContent = 'Введите запрос.'; return; }
    status.className = 'status';
    status.textContent = 'Ищем…';
    try {
      const response = await fetch('/api/search?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        status.className = 'status error';
        status.textContent = body.detail || ('Поиск недоступен (' + response.status + ').');
        return;
      }
      const total = body.total || 0;
      status.textContent = total ? 'Найдено: ' + total : 'Ничего не найдено. Попробуйте другие слова.';
      for (const hit of body.hits || []) {
        const li = document.createElement('li');
        const title = document.createElement('strong');
        title.textContent = text(hit.title);
        const meta = document.createElement('div');
        meta.className = 'hint';
        meta.textContent = [hit.type, hit.regionName || hit.region, hit.year].filter(Boolean).join(' · ');
        const snippet = document.createElement('div');
        snippet.innerHTML = safeSnippet((hit.snippets || [hit.snippet]).filter(Boolean).join(' … '));
        li.append(title, meta, snippet);
        hits.append(li);
      }
    } catch (e) {
      status.className = 'status error';
      status.textContent = 'Нет связи с сервером. Повторите попытку.';
    }
  });
})();
