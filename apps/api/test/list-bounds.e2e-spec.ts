import { Role } from '@app/auth';
import { E2eStack } from '../../../test/e2e-stack';

// Lists without paging stop at a bound the document states (maxItems), so no
// answer grows with the table behind it.
describe('lists without paging are bounded', () => {
  let stack: E2eStack;

  beforeAll(async () => {
    stack = await E2eStack.start();
  });
  beforeEach(() => stack.reset());
  afterAll(() => stack.close());

  it('GET /machines answers the first 10,000 machines by id, of 10,001', async () => {
    await stack.db.query(
      `INSERT INTO machines (machine_id, name) SELECT id, 'm' || id FROM generate_series(1, 10001) id`,
    );
    const { body } = await stack.as(Role.Viewer).get('/machines').expect(200);
    expect(body).toHaveLength(10_000);
    expect(body[0].machine_id).toBe(1);
    expect(body.at(-1).machine_id).toBe(10_000);
  });

  it('GET /auth/clients answers the oldest 1,000 clients, of 1,001', async () => {
    await stack.db.query(
      `INSERT INTO api_clients (client_id, name, role, secret_hash, created_at)
       SELECT 'cl_' || id, 'client ' || id, 'viewer', 'x', now() - make_interval(secs => 2000 - id)
       FROM generate_series(1, 1001) id`,
    );
    const { body } = await stack.as(Role.Admin).get('/auth/clients').expect(200);
    expect(body).toHaveLength(1_000);
    expect(body[0].client_id).toBe('cl_1');
    expect(body.at(-1).client_id).toBe('cl_1000');
  });
});
