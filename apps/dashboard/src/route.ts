/** The dashboard's pages, addressed by the URL fragment so the server serves one page. */
export type Route =
  | { page: 'simulations'; query: URLSearchParams }
  | { page: 'simulation'; id: number }
  | { page: 'machines' }
  | { page: 'compare'; ids: number[]; metric: string }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?', 2);
  if (path === '' || path === '/' || path === '/simulations') {
    return { page: 'simulations', query: new URLSearchParams(search) };
  }
  const simulation = /^\/simulations\/(\d{1,10})$/.exec(path);
  if (simulation) return { page: 'simulation', id: Number(simulation[1]) };
  if (path === '/machines') return { page: 'machines' };
  if (path === '/compare') {
    const query = new URLSearchParams(search);
    const ids = (query.get('ids') ?? '')
      .split(',')
      .filter((id) => /^\d{1,10}$/.test(id))
      .map(Number)
      .slice(0, MAX_COMPARED);
    return { page: 'compare', ids: [...new Set(ids)], metric: query.get('metric') || 'loss' };
  }
  return { page: 'not-found', path };
}

export function simulationsHref(query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `#/simulations?${text}` : '#/simulations';
}

export const simulationHref = (id: number) => `#/simulations/${id}`;

/** Runs one comparison shows at most (the API's bound). */
export const MAX_COMPARED = 100;

export const compareHref = (ids: readonly number[], metric = 'loss') =>
  `#/compare?${new URLSearchParams({ ids: ids.join(','), ...(metric !== 'loss' && { metric }) })}`;
