import { readableLine } from './readable-log-stream';

describe('readableLine', () => {
  it('shows time, level, message and the entry’s own fields', () => {
    const time = new Date(2026, 11, 2, 9, 5, 7).getTime();
    const line = readableLine(JSON.stringify({ level: 30, time, pid: 1, name: 'jalin', msg: 'Reference data is up to date', written: 3 }));
    expect(line).toBe('09:05:07 INFO  Reference data is up to date  written=3');
  });

  it('leaves out Nest’s route mapping and passes anything else through', () => {
    expect(readableLine(JSON.stringify({ level: 30, time: 0, context: 'RouterExplorer', msg: 'Mapped {/plans, GET} route' }))).toBeUndefined();
    expect(readableLine('not json')).toBe('not json');
  });
});
