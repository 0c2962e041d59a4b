import { calendarRulesOf, ConfigError, loadConfig, loadWorkerConfig, smtpServerLabel, workerMetricsAddress } from './config';

const BASE = { DATABASE_URL: 'postgresql://localhost/jalin' };
const SECRET = 'k'.repeat(32);

describe('loadConfig (API)', () => {
  it('requires JWT_SECRET, naming it', () => {
    expect(() => loadConfig(BASE)).toThrow(ConfigError);
    expect(() => loadConfig(BASE)).toThrow(/JWT_SECRET/);
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => loadConfig({ ...BASE, JWT_SECRET: 'k'.repeat(31) })).toThrow(/JWT_SECRET: must be at least 32 characters/);
  });

  it('lets tokens live 8 hours unless JWT_TTL_SECONDS says otherwise, within a minute and a week', () => {
    expect(loadConfig({ ...BASE, JWT_SECRET: SECRET })).toMatchObject({ JWT_SECRET: SECRET, JWT_TTL_SECONDS: 28_800 });
    expect(loadConfig({ ...BASE, JWT_SECRET: SECRET, JWT_TTL_SECONDS: '900' }).JWT_TTL_SECONDS).toBe(900);
    for (const bad of ['30', '604801', 'lama', '1.5']) {
      expect(() => loadConfig({ ...BASE, JWT_SECRET: SECRET, JWT_TTL_SECONDS: bad })).toThrow(/JWT_TTL_SECONDS/);
    }
  });
});

describe('loadWorkerConfig', () => {
  it('needs no JWT_SECRET: the worker never sees a token', () => {
    expect(loadWorkerConfig(BASE)).not.toHaveProperty('JWT_SECRET');
  });

  it('runs 8 workflow tasks at once unless WORKER_MAX_CONCURRENT_WORKFLOW_TASKS says otherwise, at least 2 (the SDK’s floor with a cache)', () => {
    expect(loadWorkerConfig(BASE).WORKER_MAX_CONCURRENT_WORKFLOW_TASKS).toBe(8);
    expect(loadWorkerConfig({ ...BASE, WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '40' }).WORKER_MAX_CONCURRENT_WORKFLOW_TASKS).toBe(40);
    for (const bad of ['1', '0', 'banyak']) {
      expect(() => loadWorkerConfig({ ...BASE, WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: bad })).toThrow(/WORKER_MAX_CONCURRENT_WORKFLOW_TASKS/);
    }
  });
});

describe('metrics settings', () => {
  it('serves the API’s /metrics unless API_METRICS is false, and the worker’s SDK metrics only at WORKER_METRICS_ADDRESS', () => {
    expect(loadConfig({ ...BASE, JWT_SECRET: SECRET }).API_METRICS).toBe(true);
    expect(loadConfig({ ...BASE, JWT_SECRET: SECRET, API_METRICS: 'false' }).API_METRICS).toBe(false);
    expect(loadWorkerConfig(BASE).WORKER_METRICS_ADDRESS).toBeUndefined();
    expect(workerMetricsAddress({ WORKER_METRICS_ADDRESS: '' })).toBeUndefined();
    expect(workerMetricsAddress({ WORKER_METRICS_ADDRESS: '0.0.0.0:9464' })).toBe('0.0.0.0:9464');
    for (const bad of ['9464', 'localhost', 'host: 1']) {
      expect(() => workerMetricsAddress({ WORKER_METRICS_ADDRESS: bad })).toThrow(/WORKER_METRICS_ADDRESS: must be host:port/);
    }
  });
});

describe('mail settings', () => {
  it('sends no e-mail unless SMTP_URL is set, and retries a failed send 10 times from 30 seconds', () => {
    const config = loadWorkerConfig(BASE);
    expect(config).toMatchObject({ MAIL_FROM: 'Jalin <no-reply@jalin.local>', MAIL_RETRY_INITIAL_MS: 30_000, MAIL_RETRY_MAX_ATTEMPTS: 10 });
    expect(config.SMTP_URL).toBeUndefined();
    expect(loadWorkerConfig({ ...BASE, SMTP_URL: '' }).SMTP_URL).toBeUndefined();
    expect(smtpServerLabel(config)).toBeUndefined();
  });

  it('takes an smtp:// or smtps:// URL and never shows its credentials', () => {
    const config = loadWorkerConfig({ ...BASE, SMTP_URL: 'smtps://jalin:rahasia@mail.kotabogor.go.id:465' });
    expect(config.SMTP_URL).toBe('smtps://jalin:rahasia@mail.kotabogor.go.id:465');
    expect(smtpServerLabel(config)).toBe('smtps://mail.kotabogor.go.id:465');
    for (const bad of ['mail.kotabogor.go.id', 'http://mail.example', 'smtp://']) {
      expect(() => loadWorkerConfig({ ...BASE, SMTP_URL: bad })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    }
  });

  it('checks the sender address and the retry settings', () => {
    expect(loadWorkerConfig({ ...BASE, MAIL_FROM: 'no-reply@kotabogor.go.id' }).MAIL_FROM).toBe('no-reply@kotabogor.go.id');
    expect(() => loadWorkerConfig({ ...BASE, MAIL_FROM: 'Jalin' })).toThrow(/MAIL_FROM/);
    expect(loadWorkerConfig({ ...BASE, MAIL_RETRY_INITIAL_MS: '200', MAIL_RETRY_MAX_ATTEMPTS: '3' })).toMatchObject({
      MAIL_RETRY_INITIAL_MS: 200,
      MAIL_RETRY_MAX_ATTEMPTS: 3,
    });
    for (const [name, bad] of [
      ['MAIL_RETRY_INITIAL_MS', '0'],
      ['MAIL_RETRY_MAX_ATTEMPTS', '0'],
      ['MAIL_RETRY_MAX_ATTEMPTS', '101'],
    ]) {
      expect(() => loadWorkerConfig({ ...BASE, [name]: bad })).toThrow(new RegExp(name));
    }
  });
});

describe('the document webhook settings', () => {
  it('is off without WEBHOOK_URL, and retries every 5 s up to an hour, without limit, by default', () => {
    expect(loadWorkerConfig(BASE)).toMatchObject({ WEBHOOK_RETRY_INITIAL_MS: 5_000, WEBHOOK_RETRY_MAX_MS: 3_600_000, WEBHOOK_MAX_ATTEMPTS: 0 });
    expect(loadWorkerConfig(BASE).WEBHOOK_URL).toBeUndefined();
  });

  it('needs a secret of 16 characters or more with a URL, and an http(s) URL', () => {
    expect(() => loadWorkerConfig({ ...BASE, WEBHOOK_URL: 'https://sipd-bridge.example/hook' })).toThrow(/WEBHOOK_SECRET: is required when WEBHOOK_URL is set/);
    expect(() => loadWorkerConfig({ ...BASE, WEBHOOK_URL: 'https://x.example/h', WEBHOOK_SECRET: 'short' })).toThrow(/WEBHOOK_SECRET/);
    expect(() => loadWorkerConfig({ ...BASE, WEBHOOK_URL: 'ftp://x.example/h', WEBHOOK_SECRET: 'k'.repeat(16) })).toThrow(/WEBHOOK_URL/);
    expect(loadWorkerConfig({ ...BASE, WEBHOOK_URL: 'https://x.example/h', WEBHOOK_SECRET: 'k'.repeat(16), WEBHOOK_RETRY_INITIAL_MS: '100' })).toMatchObject({
      WEBHOOK_URL: 'https://x.example/h',
      WEBHOOK_RETRY_INITIAL_MS: 100,
    });
  });
});

describe('calendar readings', () => {
  it('take the stricter readings by default, and refuse an unknown one, naming it', () => {
    expect(calendarRulesOf(loadWorkerConfig(BASE))).toEqual({ secondWeek: 'CALENDAR_WEEK', apbdDayCount: 'WORKING_DAYS' });
    expect(calendarRulesOf(loadWorkerConfig({ ...BASE, SECOND_WEEK_RULE: 'DAYS_8_TO_14', APBD_DAY_COUNT: 'CALENDAR_DAYS' }))).toEqual({
      secondWeek: 'DAYS_8_TO_14',
      apbdDayCount: 'CALENDAR_DAYS',
    });
    expect(() => loadWorkerConfig({ ...BASE, SECOND_WEEK_RULE: 'MINGGU_KEDUA' })).toThrow(/SECOND_WEEK_RULE/);
    expect(() => loadWorkerConfig({ ...BASE, APBD_DAY_COUNT: 'hari' })).toThrow(/APBD_DAY_COUNT/);
  });
});
