import { parseRoute, simulationsHref } from './route';

describe('parseRoute', () => {
  it('reads every page', () => {
    expect(parseRoute('')).toMatchObject({ page: 'simulations' });
    expect(parseRoute('#/')).toMatchObject({ page: 'simulations' });
    expect(parseRoute('#/simulations/42')).toEqual({ page: 'simulation', id: 42 });
    expect(parseRoute('#/machines')).toEqual({ page: 'machines' });
    expect(parseRoute('#/simulations/x')).toEqual({ page: 'not-found', path: '/simulations/x' });
  });

  it('keeps the list state in the query, and back again', () => {
    const href = simulationsHref({
      order_by: 'name',
      status: 'running',
      offset: 0,
      machine_id: '',
    });
    expect(href).toBe('#/simulations?order_by=name&status=running&offset=0');
    const route = parseRoute(href);
    expect(route.page === 'simulations' && route.query.get('status')).toBe('running');
  });
});
