import { boundedReason, REASON_MAX_LENGTH } from './text-bounds';

describe('boundedReason', () => {
  it('keeps a reason up to the bound as it is, and cuts a longer one to the bound with an ellipsis', () => {
    expect(boundedReason(null)).toBeNull();
    const atBound = 'r'.repeat(REASON_MAX_LENGTH);
    expect(boundedReason(atBound)).toBe(atBound);
    const cut = boundedReason(`${atBound}more`);
    expect(cut).toHaveLength(REASON_MAX_LENGTH);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.slice(0, -1)).toBe(atBound.slice(0, REASON_MAX_LENGTH - 1));
  });
});
