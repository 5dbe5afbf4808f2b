import { compareHref, machinesHref, parseRoute, simulationHref, simulationsHref } from './route';

describe('parseRoute', () => {
  it('reads every page', () => {
    expect(parseRoute('')).toMatchObject({ page: 'simulations' });
    expect(parseRoute('#/')).toMatchObject({ page: 'simulations' });
    expect(parseRoute('#/simulations/42')).toEqual({ page: 'simulation', id: 42, project: '' });
    expect(parseRoute('#/machines')).toEqual({ page: 'machines', project: '' });
    expect(parseRoute('#/simulations/x')).toEqual({
      page: 'not-found',
      path: '/simulations/x',
      project: '',
    });
  });

  it('carries the project in every page’s link, and reads no project from a bad name', () => {
    expect(simulationHref(42, 'vision')).toBe('#/simulations/42?project=vision');
    expect(parseRoute(simulationHref(42, 'vision'))).toEqual({
      page: 'simulation',
      id: 42,
      project: 'vision',
    });
    expect(parseRoute(machinesHref('nlp'))).toEqual({ page: 'machines', project: 'nlp' });
    expect(parseRoute(simulationsHref({ project: 'nlp' }))).toMatchObject({ project: 'nlp' });
    expect(parseRoute(compareHref([1, 2], 'loss', 'nlp'))).toMatchObject({
      ids: [1, 2],
      project: 'nlp',
    });
    expect(simulationHref(42)).toBe('#/simulations/42');
    expect(parseRoute('#/machines?project=Not%20A%20Name')).toEqual({
      page: 'machines',
      project: '',
    });
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
      project: '',
    });
    expect(compareHref([1, 2])).toBe('#/compare?ids=1%2C2');
    expect(parseRoute('#/compare?ids=1,x,1,2')).toEqual({
      page: 'compare',
      ids: [1, 2],
      metric: 'loss',
      project: '',
    });
    const many = Array.from({ length: 150 }, (_, k) => k + 1).join(',');
    const route = parseRoute(`#/compare?ids=${many}`);
    expect(route.page === 'compare' && route.ids).toHaveLength(100);
  });
});
