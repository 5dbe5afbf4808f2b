/** The dashboard's pages, addressed by the URL fragment so the server serves one page. */
export type Route =
  | { page: 'simulations'; query: URLSearchParams }
  | { page: 'simulation'; id: number }
  | { page: 'machines' }
  | { page: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?', 2);
  if (path === '' || path === '/' || path === '/simulations') {
    return { page: 'simulations', query: new URLSearchParams(search) };
  }
  const simulation = /^\/simulations\/(\d{1,10})$/.exec(path);
  if (simulation) return { page: 'simulation', id: Number(simulation[1]) };
  if (path === '/machines') return { page: 'machines' };
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
