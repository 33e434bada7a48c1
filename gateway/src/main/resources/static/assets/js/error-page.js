// The static 404/403/500/503 pages still show who is signed in and the tabs of their role.
import { loadSession, renderHeader } from './session.js';

loadSession().then((session) => renderHeader(session, location.pathname));

// The page that says the platform is briefly unavailable (503) tries again by itself after the server's
// Retry-After, unless the reader stops it: a stall of a few seconds then costs 5 s, not a dead end.
const autoRetry = document.getElementById('auto-retry');
if (autoRetry) {
  const timer = setTimeout(() => location.reload(), (Number(autoRetry.dataset.seconds) || 5) * 1000);
  document.getElementById('stop-retry').addEventListener('click', () => {
    clearTimeout(timer);
    autoRetry.textContent = 'Автоматическое обновление остановлено.';
  });
}
