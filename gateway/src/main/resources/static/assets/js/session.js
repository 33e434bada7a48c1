// Who is signed in (from the gateway's /session) and what their role lets them open.
import { cookie } from './api.js';
import { h, clear } from './dom.js';
import { ROLES, region } from './format.js';

export const LOGIN = '/oauth2/authorization/keycloak';

let current = null;

export async function loadSession() {
  if (current) return current;
  try {
    const response = await fetch('/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    current = response.ok ? await response.json() : { authenticated: false };
  } catch (e) {
    current = { authenticated: false, offline: true };
  }
  current.roles = current.roles || [];
  return current;
}

export function has(session, ...roles) {
  return roles.some((role) => session.roles.includes('ROLE_' + role));
}

export const may = {
  documents: (s) => has(s, 'SCHOOL', 'CURATOR', 'MUNICIPAL_COORDINATOR', 'REGIONAL_OPERATOR'),
  upload: (s) => has(s, 'SCHOOL'),
  practices: (s) => has(s, 'SCHOOL', 'CURATOR', 'MUNICIPAL_COORDINATOR', 'REGIONAL_OPERATOR'),
  createPractice: (s) => has(s, 'SCHOOL'),
  review: (s) => has(s, 'REGIONAL_OPERATOR'),
  importOrder: (s) => has(s, 'REGIONAL_OPERATOR'),
  approve: (s) => has(s, 'REGIONAL_MINISTRY'),
  compare: (s) => has(s, 'FEDERAL_ANALYST', 'REGIONAL_OPERATOR', 'REGIONAL_MINISTRY', 'MUNICIPAL_COORDINATOR'),
  reportProgress: (s) => has(s, 'REGIONAL_OPERATOR', 'MUNICIPAL_COORDINATOR'),
  readProgress: (s) => has(s, 'FEDERAL_ANALYST', 'REGIONAL_OPERATOR', 'REGIONAL_MINISTRY', 'MUNICIPAL_COORDINATOR')
};

function tabs(session) {
  if (!session.authenticated) {
    return [['/registry', 'Реестр практик'], ['/roadmaps', 'Дорожные карты']];
  }
  const list = [];
  if (may.documents(session)) list.push(['/documents', has(session, 'SCHOOL') ? 'Материалы школы' : 'Материалы школ']);
  if (may.practices(session)) list.push(['/practices', 'Практики']);
  list.push(['/roadmaps', 'Дорожные карты']);
  if (may.importOrder(session)) list.push(['/roadmaps/import', 'Импорт распоряжения']);
  if (may.compare(session)) list.push(['/comparison', 'Сравнение регионов']);
  list.push(['/search', 'Поиск']);
  list.push(['/registry', 'Реестр практик']);
  return list;
}

export function userLine(session) {
  const roles = session.roles.map((role) => ROLES[role]).filter(Boolean).join(', ');
  const where = session.roles.includes('ROLE_FEDERAL_ANALYST') ? 'все регионы' : region(session.region);
  return [session.name || session.username, roles, where].filter(Boolean).join(' · ');
}

/** Fills the header: tabs for the role, the user's name, role and region, and the login or logout control. */
export function renderHeader(session, path) {
  const nav = document.getElementById('nav');
  clear(nav);
  const list = tabs(session);
  const best = list.map(([href]) => href)
    .filter((href) => path === href || path.startsWith(href + '/'))
    .sort((a, b) => b.length - a.length)[0];
  for (const [href, title] of list) {
    const active = href === best;
    nav.append(h('a', { href, 'aria-current': active ? 'page' : null, class: active ? 'active' : null }, title));
  }
  const who = clear(document.getElementById('who'));
  if (session.authenticated) {
    who.append(h('span', { id: 'user' }, userLine(session)),
      h('form', { method: 'post', action: '/logout', class: 'logout' },
        h('input', { type: 'hidden', name: '_csrf', value: cookie('XSRF-TOKEN') }),
        h('button', { type: 'submit', class: 'secondary' }, 'Выйти')));
  } else {
    who.append(h('span', { id: 'user' }, session.offline ? 'Нет связи с сервером' : 'Гость'),
      h('a', { class: 'button', href: LOGIN }, 'Войти'));
  }
  const toggle = document.getElementById('menu-toggle');
  if (toggle && !toggle.dataset.bound) {
    toggle.dataset.bound = 'yes';
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      document.querySelector('.top').classList.toggle('open', open);
    });
  }
}
