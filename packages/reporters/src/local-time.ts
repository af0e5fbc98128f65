/**
 * Timestamps for people: a report stores `generatedAt` as an ISO instant (often UTC); readers want
 * the wall-clock time where the report was made, with its offset so nobody has to guess the zone:
 * `2024-06-30 09:00:00 UTC+08:00`. Uses the process's time zone (`TZ`).
 */
const pad = (value: number) => String(value).padStart(2, '0');

/** The instant in local time, or the text unchanged when it is not a date. */
export function localTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const zone = `UTC${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return `${day} ${time} ${zone}`;
}
