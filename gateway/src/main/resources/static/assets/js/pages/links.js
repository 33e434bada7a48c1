// The page of a thing the API names by its API path (search hits carry API links).

export function pageOf(apiLink, type) {
  const link = String(apiLink || '');
  let m = link.match(/^\/api\/documents\/practices\/([0-9a-f-]{36})/);
  if (m) return '/practices/' + m[1];
  m = link.match(/^\/api\/roadmaps\/([0-9a-f-]{36})\/items\/([0-9a-f-]{36})/);
  if (m) return '/roadmaps/' + m[1] + '#item-' + m[2];
  m = link.match(/^\/api\/roadmaps\/([0-9a-f-]{36})/);
  if (m) return '/roadmaps/' + m[1];
  m = link.match(/^\/api\/documents\/([0-9a-f-]{36})/);
  if (m) return '/documents/' + m[1];
  return type === 'PRACTICE' ? '/registry' : null;
}
