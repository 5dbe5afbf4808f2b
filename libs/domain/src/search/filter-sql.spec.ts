import { DomainError } from '../errors/domain-error';
import { creationOrderLead, filterCondition, SqlParameters } from './filter-sql';

describe('creationOrderLead: the equality a list in creation order walks', () => {
  const lead = (filter: string) => creationOrderLead(filter, new SqlParameters());

  it.each([
    ["params.dataset = 'd7'", 'run_params', false],
    ['params.seed = 3', 'run_params', false],
    ["tags.team = 'vision'", 'run_tags', false],
    ["params.lr < 0.01 AND params.dataset = 'd7' AND tags.team = 'a'", 'run_params', true],
  ])('%s is led through %s', (filter, table, withRest) => {
    const found = lead(filter)!;
    expect(found.join).toMatch(
      new RegExp(`^JOIN ${table} AS lead ON lead.simulation_id = run.simulation_id`),
    );
    expect(found.rest !== '').toBe(withRest);
  });

  it('leaves the other terms to the condition, the leading one out of it', () => {
    const parameters = new SqlParameters();
    const found = creationOrderLead("params.lr < 0.01 AND params.dataset = 'd7'", parameters)!;
    expect(found.rest).toContain('EXISTS (SELECT 1 FROM run_params p');
    expect(found.rest).not.toContain('p.text');
    expect(found.join).toContain('lead.text = ');
    expect(parameters.values).toContain('d7');
    expect(parameters.values).not.toContain("'d7'");
  });

  it.each([
    'params.augment = true',
    'params.lr < 0.01',
    "params.dataset != 'd7'",
    "params.dataset = 'd7' OR tags.team = 'a'",
    "NOT params.dataset = 'd7'",
    "params.dataset IN ('d7', 'd8')",
    "name = 'run 1'",
    'metrics.loss.min = 0.5',
  ])('%s has no term to lead', (filter) => {
    expect(lead(filter)).toBeNull();
  });

  it.each([
    "tags.team = 3 AND params.dataset = 'd7'",
    "tags.team = 3 AND nope = 1 AND params.dataset = 'd7'",
    "params.dataset = 'd7' AND params.`é` = 1",
  ])('refuses %s as the plain condition does, whichever term leads', (filter) => {
    let plain: unknown;
    try {
      filterCondition(filter, new SqlParameters());
    } catch (error) {
      plain = error;
    }
    expect(plain).toBeInstanceOf(DomainError);
    expect(() => lead(filter)).toThrow(plain as DomainError);
  });
});
