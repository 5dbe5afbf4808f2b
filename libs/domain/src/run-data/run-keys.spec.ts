import { RUN_KEY_PATTERN } from './run-keys';

describe('RUN_KEY_PATTERN', () => {
  it.each(['loss', 'val_loss', 'train/loss', 'a.b', '...', '.hidden', '..x', 'x'.repeat(250)])(
    'takes %s',
    (key) => expect(RUN_KEY_PATTERN.test(key)).toBe(true),
  );

  it.each(['', '.', '..', 'x'.repeat(251), `.${'x'.repeat(250)}`, 'é', 'a\nb'])(
    'refuses %j (. and .. alone are path segments no URL carries)',
    (key) => expect(RUN_KEY_PATTERN.test(key)).toBe(false),
  );
});
