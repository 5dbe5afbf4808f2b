import { isValidRequestId, loggableUrl } from './logging';

describe('what reaches the request log', () => {
  it.each([
    ['/simulations', '/simulations'],
    ['/simulations?limit=5&order_by=name', '/simulations?limit=5&order_by=name'],
    ['/simulations?access_token=eyJabc&limit=5', '/simulations?access_token=[redacted]&limit=5'],
    [
      '/x?API_KEY=1&client_secret=2&password=3',
      '/x?API_KEY=[redacted]&client_secret=[redacted]&password=[redacted]',
    ],
    ['/x?a=1?token=abc', '/x?a=1?token=abc'],
    ['/x?%74oken=abc', '/x?%74oken=[redacted]'],
    ['/x?%E0%A4%A=1', '/x?%E0%A4%A=1'],
  ])('masks secret-looking query values: %s', (url, logged) => {
    expect(loggableUrl(url)).toBe(logged);
  });

  it.each([
    ['trace-4f1c2a', true],
    ['0b6c5b8e-1f7e-4c39-9a0f-0f7a7a0b6d51', true],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
    ['', false],
    ['has space', false],
    ['line\nbreak', false],
    [42, false],
  ])('accepts %p as a request id: %p', (candidate, valid) => {
    expect(isValidRequestId(candidate)).toBe(valid);
  });
});
