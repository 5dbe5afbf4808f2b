/**
 * The dashboard's pages, addressed by the URL fragment so the server serves
 * one page. Every page's link carries the project it is looked at in
 * (`project`, '' for every project the caller sees), so a link shared shows
 * the same view and the navigation stays in that project.
 */
export type Route = (
  | { page: 'simulations'; query: URLSearchParams }
  | { page: 'simulation'; id: number }
  | { page: 'machines' }
  | { page: 'compare'; ids: number[]; metric: string }
  | { page: 'not-found'; path: string }
) & { project: string };

/** The API's rule for a project's name: anything else in a link is no project. */
const PROJECT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function parseRoute(hash: string): Route {
  const [path, search = ''] = hash.replace(/^#/, '').split('?', 2);
  const query = new URLSearchParams(search);
  const named = query.get('project') ?? '';
  const project = PROJECT_NAME.test(named) ? named : '';
  if (path === '' || path === '/' || path === '/simulations') {
    return { page: 'simulations', query, project };
  }
  const simulation = /^\/simulations\/(\d{1,10})$/.exec(path);
  if (simulation) return { page: 'simulation', id: Number(simulation[1]), project };
  if (path === '/machines') return { page: 'machines', project };
  if (path === '/compare') {
    const ids = (query.get('ids') ?? '')
      .split(',')
      .filter((id) => /^\d{1,10}$/.test(id))
      .map(Number)
      .slice(0, MAX_COMPARED);
    return {
      page: 'compare',
      ids: [...new Set(ids)],
      metric: query.get('metric') || 'loss',
      project,
    };
  }
  return { page: 'not-found', path, project };
}

/** `path` in `project` ('' for none). */
const inProject = (path: string, project: string, query: Record<string, string> = {}) => {
  const search = new URLSearchParams({ ...query, ...(project && { project }) }).toString();
  return search ? `${path}?${search}` : path;
};

export function simulationsHref(query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `#/simulations?${text}` : '#/simulations';
}

export const simulationHref = (id: number, project = '') =>
  inProject(`#/simulations/${id}`, project);

export const machinesHref = (project = '') => inProject('#/machines', project);

/** Runs one comparison shows at most (the API's bound). */
export const MAX_COMPARED = 100;

export const compareHref = (ids: readonly number[], metric = 'loss', project = '') =>
  inProject('#/compare', project, { ids: ids.join(','), ...(metric !== 'loss' && { metric }) });
