import { Slots } from './slots';

describe('Slots', () => {
  it('lets at most `size` holders in at once, and the next in line in when one leaves', async () => {
    const slots = new Slots(2);
    const first = await slots.acquire();
    await slots.acquire();
    let thirdIn = false;
    const third = slots.acquire().then((release) => {
      thirdIn = true;
      return release;
    });
    await Promise.resolve();
    expect(thirdIn).toBe(false);

    first();
    first(); // a second release of the same slot changes nothing
    await third;
    expect(thirdIn).toBe(true);

    let fourthIn = false;
    void slots.acquire().then(() => (fourthIn = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(fourthIn).toBe(false);
  });
});
