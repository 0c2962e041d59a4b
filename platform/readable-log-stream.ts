// On a terminal a person reads the logs: one short line per entry (time, level, message,
// then the entry's own fields) instead of JSON. Nest's module and route-mapping lines are
// left out: they would scroll the start-up banner away. Anything not JSON passes through.
const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const OMITTED = new Set(['level', 'time', 'pid', 'hostname', 'name', 'msg', 'context']);
const START_UP_NOISE = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

function field(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  if (value && typeof value === 'object' && 'message' in value && typeof value.message === 'string') return JSON.stringify(value.message);
  return JSON.stringify(value);
}

export function readableLine(json: string): string | undefined {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  if (START_UP_NOISE.has(String(entry.context))) return undefined;
  const time = new Date(Number(entry.time)).toTimeString().slice(0, 8);
  const level = LEVELS[Number(entry.level)] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key, value]) => !OMITTED.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${field(value)}`);
  return `${time} ${level} ${String(entry.msg ?? '')}${fields.length ? `  ${fields.join(' ')}` : ''}`;
}

/** A pino destination that writes readable lines to `out` (stdout by default). */
export function readableLogStream(out: NodeJS.WritableStream = process.stdout): { write(chunk: string): boolean } {
  return {
    write(chunk: string): boolean {
      for (const line of chunk.split('\n')) {
        if (!line) continue;
        const readable = readableLine(line);
        if (readable !== undefined) out.write(`${readable}\n`);
      }
      return true;
    },
  };
}
