import { compareHref, parseRoute, simulationsHref } from './route';

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

  it('reads a comparison from its link: ids once each, at most 100, and the metric', () => {
    expect(parseRoute(compareHref([3, 1, 2], 'val loss'))).toEqual({
      page: 'compare',
      ids: [3, 1, 2],
      metric: 'val loss',
    });
    expect(compareHref([1, 2])).toBe('#/compare?ids=1%2C2');
    expect(parseRoute('#/compare?ids=1,x,1,2')).toEqual({
      page: 'compare',
      ids: [1, 2],
      metric: 'loss',
    });
    const many = Array.from({ length: 150 }, (_, k) => k + 1).join(',');
    const route = parseRoute(`#/compare?ids=${many}`);
    expect(route.page === 'compare' && route.ids).toHaveLength(100);
  });
});
