import { compactNumber, dateTime, durationWords, elapsed, relativeTime } from './format';

describe('format', () => {
  const now = Date.parse('2026-11-28T12:00:00Z');

  it('says how long ago, or how long until', () => {
    expect(relativeTime('2026-11-28T11:59:57Z', now)).toBe('3 s ago');
    expect(relativeTime('2026-11-28T11:55:00Z', now)).toBe('5 min ago');
    expect(relativeTime('2026-11-28T09:00:00Z', now)).toBe('3 h ago');
    expect(relativeTime('2026-11-24T12:00:00Z', now)).toBe('4 d ago');
    expect(relativeTime('2026-11-28T12:10:00Z', now)).toBe('in 10 min');
    expect(relativeTime(null, now)).toBe('never');
  });

  it('words a duration', () => {
    expect(durationWords(59.4)).toBe('59 s');
    expect(durationWords(3599)).toBe('59 min');
  });

  it('writes a local date and time, or a dash', () => {
    expect(dateTime('2026-11-28T12:00:00Z')).toMatch(/^2026-11-2\d \d\d:\d\d:00$/);
    expect(dateTime(null)).toBe('—');
  });

  it('measures a run so far or in full', () => {
    expect(elapsed('2026-11-28T11:59:50Z', null, now)).toBe('10.0 s');
    expect(elapsed('2026-11-28T11:00:00Z', '2026-11-28T11:30:00Z', now)).toBe('30 min');
    expect(elapsed(null, null, now)).toBe('—');
  });

  it('keeps numbers short', () => {
    expect(compactNumber(0.0421234)).toBe('0.04212');
    expect(compactNumber(0.0000123)).toBe('1.23e-5');
    expect(compactNumber(12_345_678)).toBe('1.23e+7');
    expect(compactNumber(1000)).toBe('1000');
    expect(compactNumber(0)).toBe('0');
    expect(compactNumber(null)).toBe('—');
  });
});
