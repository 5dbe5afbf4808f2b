/** "3 s ago", "5 min ago", "2 h ago", "4 d ago"; "in 3 min" for the future. */
export function relativeTime(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  const text = durationWords(Math.abs(seconds));
  return seconds >= 0 ? `${text} ago` : `in ${text}`;
}

export function durationWords(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86_400)} d`;
}

/** Local date and time, to the second, in a form every locale reads. */
export function dateTime(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}

/** The time between two instants, or from one until now. */
export function elapsed(from: string | null, to: string | null, now = Date.now()): string {
  if (!from) return '—';
  const end = to ? Date.parse(to) : now;
  const seconds = (end - Date.parse(from)) / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : durationWords(seconds);
}

/** Numbers for axes and tables: up to 4 significant digits, exponents when tiny or huge. */
export function compactNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-3) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}
