import { hashRequest } from './request-hash';

describe('hashRequest', () => {
  it('hashes one body the same whatever its key order, and leaves out undefined fields', () => {
    expect(hashRequest({ name: 'a', machine: { name: 'm', machine_id: 1 } })).toBe(
      hashRequest({ machine: { machine_id: 1, name: 'm' }, name: 'a', seed: undefined }),
    );
  });

  it('tells different bodies apart, array order included', () => {
    expect(hashRequest({ name: 'a' })).not.toBe(hashRequest({ name: 'b' }));
    expect(hashRequest({ simulations: [1, 2] })).not.toBe(hashRequest({ simulations: [2, 1] }));
  });

  it('never changes: keys kept for 24 h carry hashes an earlier release computed', () => {
    // sha256 of {"machine_id":101,"name":"Quick run"}: keys sorted, no whitespace.
    expect(hashRequest({ name: 'Quick run', machine_id: 101 })).toBe(
      '08ed0f93de4b2bddb52af9ba35ba72b472c93e1c170755b9165c3cf3b58a1c1d',
    );
  });
});
