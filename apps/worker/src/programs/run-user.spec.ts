import { resolveRunUser } from './run-user';

const passwd = [
  { name: 'root', uid: 0, gid: 0 },
  { name: 'nobody', uid: 65534, gid: 65534 },
  { name: 'trainer', uid: 1001, gid: 1001 },
];

describe('resolveRunUser', () => {
  const asUid = (uid: number, run: () => unknown) => {
    const original = process.getuid;
    process.getuid = () => uid;
    try {
      return run();
    } finally {
      process.getuid = original;
    }
  };

  it('runs programs as nobody when the worker is root, or as RUN_USER', () => {
    expect(asUid(0, () => resolveRunUser(undefined, passwd))).toEqual(passwd[1]);
    expect(asUid(0, () => resolveRunUser('trainer', passwd))).toEqual(passwd[2]);
  });

  it('never as root, nor as a user that does not exist', () => {
    expect(() => asUid(0, () => resolveRunUser('root', passwd))).toThrow(
      'RUN_USER root is root: programs never run as root',
    );
    expect(() => asUid(0, () => resolveRunUser('ghost', passwd))).toThrow(
      'RUN_USER ghost is not a user of this system (/etc/passwd)',
    );
  });

  it('runs them as the worker itself when it is not root', () => {
    expect(asUid(1001, () => resolveRunUser(undefined, passwd))).toBeUndefined();
    expect(asUid(1001, () => resolveRunUser('trainer', passwd))).toEqual(passwd[2]);
    expect(() => asUid(1001, () => resolveRunUser('nobody', passwd))).toThrow(
      'RUN_USER nobody: a worker not running as root runs programs as itself only',
    );
  });
});
