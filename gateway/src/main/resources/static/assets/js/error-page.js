// The static 404/403/500 pages still show who is signed in and the tabs of their role.
import { loadSession, renderHeader } from './session.js';

loadSession().then((session) => renderHeader(session, location.pathname));
