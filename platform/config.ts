// Configuration, read from the environment once at boot and validated into a typed
// object: a bad setting stops the process with a message naming the variable.
import path from 'node:path';
import { z } from 'zod';
import {
  DAY_COUNT_RULES,
  DEFAULT_CALENDAR_RULES,
  SECOND_WEEK_RULES,
  type CalendarRules,
  type DayCountRule,
  type SecondWeekRule,
} from '../domain/fiscal-calendar';
import { REVIEW_STAGES, type ReviewStage } from '../domain/plan-stage';
import { AGREEMENT_TASK_STAGES, DEFAULT_AGREEMENT_SERVICE_WORKING_DAYS } from '../domain/agreement-deadline';
import type { AgreementStage } from '../domain/agreement-stage';
import { DEFAULT_REPORT_EVERY_MONTHS } from '../domain/reporting-period';
import { DEFAULT_TIMELINE_POLICY, type TimelinePolicy } from '../domain/timeline-policy';

/** The task queue every Jalin workflow and activity runs on unless TEMPORAL_TASK_QUEUE says otherwise. */
export const DEFAULT_TASK_QUEUE = 'cooperation-plans';

const port = z.coerce.number().int().min(0).max(65535);
const MIB = 1024 * 1024;
const days = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be whole numbers of days separated by commas, e.g. 14,7,3,1,0')
  .transform((list) => [...new Set(list.split(',').map(Number))].sort((a, b) => b - a));
const wholeDays = z.coerce.number().int().min(1).max(366);
const serviceDays = z.string().transform((list, ctx) => {
  const entries: Partial<Record<ReviewStage, number>> = {};
  for (const part of list.split(',').filter((p) => p.trim())) {
    const [stage, count] = part.split('=').map((p) => p.trim());
    if (!(REVIEW_STAGES as readonly string[]).includes(stage) || !/^\d+$/.test(count ?? '')) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not STAGE=working days with STAGE one of ${REVIEW_STAGES.join(', ')}` });
      return z.NEVER;
    }
    entries[stage as ReviewStage] = Number(count);
  }
  return { ...DEFAULT_TIMELINE_POLICY.serviceWorkingDays, ...entries };
});
const agreementServiceDays = z.string().transform((list, ctx) => {
  const entries: Partial<Record<AgreementStage, number>> = {};
  for (const part of list.split(',').filter((p) => p.trim())) {
    const [stage, count] = part.split('=').map((p) => p.trim());
    if (!(AGREEMENT_TASK_STAGES as readonly string[]).includes(stage) || !/^\d+$/.test(count ?? '')) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not STAGE=working days with STAGE one of ${AGREEMENT_TASK_STAGES.join(', ')}` });
      return z.NEVER;
    }
    entries[stage as AgreementStage] = Number(count);
  }
  return { ...DEFAULT_AGREEMENT_SERVICE_WORKING_DAYS, ...entries };
});
// Credentials, when the server needs them, go in the URL (smtp://user:password@host:587).
const smtpUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be an smtp:// or smtps:// URL, e.g. smtp://mail.example.go.id:587');
// `Name <address>` or a bare address: what the From header shows.
const mailFrom = z.string().regex(/^(?:[^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, 'must be an address, e.g. Jalin <no-reply@pemda.go.id>');
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

// host:port for a Prometheus scrape; empty (as an env file writes an unset one) means off.
const bindAddress = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .string()
    .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 0.0.0.0:9464')
    .optional(),
);

const workerSchema = z.object({
  // The Temporal SDK's own metrics (workflow and activity task latencies, schedule-to-start, slots), for Prometheus.
  WORKER_METRICS_ADDRESS: bindAddress,
  // Workflow tasks a worker runs at once. The SDK's default (40) lets a CPU-starved worker
  // accept more tasks than it can finish in the server's 10 s workflow-task timeout (two
  // timed out under the lifecycle bench on 2 shared cores); fewer keeps the backlog
  // waiting on the server, where no timeout runs, and the next worker picks it up.
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(500).default(8),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  TEMPORAL_ADDRESS: z.string().min(1).default('localhost:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  // Put before the workflow ids made from names (a region's mapping report of a year, a year's
  // deadline check), so that deployments (or test stacks) sharing one namespace do not share
  // those workflows. Empty where a deployment has its namespace to itself, as it should.
  TEMPORAL_WORKFLOW_ID_SCOPE: z
    .string()
    .regex(/^[A-Za-z0-9._:-]*$/, 'letters, digits and . _ : - only')
    .default(''),
  TEMPORAL_TLS: flag.default(false),
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TKKSD_CLOSING_RULE: z.enum(['MAJORITY', 'ALL']).default('MAJORITY'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Resolved once here, so a later chdir cannot move the store under the API's feet.
  ATTACHMENTS_DIR: z
    .string()
    .min(1)
    .default('data/attachments')
    .transform((dir) => path.resolve(dir)),
  // An upload is held in memory until it has been checked, so this also bounds the
  // memory one request can take.
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(256 * MIB)
    .default(20 * MIB),
  // The timeline (see domain/timeline-policy.ts). TIMELINE_DAY_MS exists for tests and demos.
  TIMELINE_DAY_MS: z.coerce.number().int().min(1).default(DEFAULT_TIMELINE_POLICY.dayMs),
  REMINDER_OFFSETS_DAYS: days.default(DEFAULT_TIMELINE_POLICY.reminderOffsetsDays),
  OVERDUE_REMINDER_EVERY_DAYS: wholeDays.default(DEFAULT_TIMELINE_POLICY.overdueEveryDays),
  ESCALATE_AFTER_OVERDUE_DAYS: z.coerce.number().int().min(0).max(366).default(DEFAULT_TIMELINE_POLICY.escalateAfterOverdueDays),
  SERVICE_WORKING_DAYS: serviceDays.default(DEFAULT_TIMELINE_POLICY.serviceWorkingDays),
  DIGEST_EVERY_DAYS: wholeDays.default(DEFAULT_TIMELINE_POLICY.digestEveryDays),
  SEASON_REMINDER_OFFSETS_DAYS: days.default(DEFAULT_TIMELINE_POLICY.seasonReminderOffsetsDays),
  // Days before an agreement's end date on which the secretariat and the owning agency are reminded (07:00 region time).
  AGREEMENT_EXPIRY_REMINDER_DAYS: days.default([90, 60, 30, 7, 0]),
  // Days before an obligation's due date (written in the PKS) on which the secretariat and the owning agency are reminded.
  AGREEMENT_OBLIGATION_REMINDER_DAYS: days.default([14, 7, 1, 0]),
  // The longest each agreement step may take, in working days (practice; DPRD 45 as for plans); list only the steps to change.
  AGREEMENT_SERVICE_WORKING_DAYS: agreementServiceDays.default(DEFAULT_AGREEMENT_SERVICE_WORKING_DAYS),
  // Months per monev reporting period of an agreement in force (a semester by default).
  AGREEMENT_REPORT_EVERY_MONTHS: z.coerce.number().int().min(1).max(60).default(DEFAULT_REPORT_EVERY_MONTHS),
  // An agreement's run continues as new at each reporting period, or sooner once its history holds this many events.
  AGREEMENT_CONTINUE_AS_NEW_AFTER_EVENTS: z.coerce.number().int().min(100).max(50_000).default(2000),
  // The readings of PP 12/2019's open terms (domain/fiscal-calendar.ts); the defaults are the stricter ones.
  SECOND_WEEK_RULE: z.enum(SECOND_WEEK_RULES as [SecondWeekRule, ...SecondWeekRule[]]).default(DEFAULT_CALENDAR_RULES.secondWeek),
  APBD_DAY_COUNT: z.enum(DAY_COUNT_RULES as [DayCountRule, ...DayCountRule[]]).default(DEFAULT_CALENDAR_RULES.apbdDayCount),
  // E-mail of notifications. Without SMTP_URL they are in-app only; an empty value (as an
  // env file writes an unset one) means the same.
  SMTP_URL: z.preprocess((value) => (value === '' ? undefined : value), smtpUrl.optional()),
  MAIL_FROM: mailFrom.default('Jalin <no-reply@jalin.local>'),
  // A failed send is retried with doubling waits from MAIL_RETRY_INITIAL_MS, MAIL_RETRY_MAX_ATTEMPTS tries in all.
  MAIL_RETRY_INITIAL_MS: z.coerce.number().int().min(1).max(86_400_000).default(30_000),
  MAIL_RETRY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  // The outbound document webhook: off unless a URL is set, and then a secret is required.
  WEBHOOK_URL: z
    .string()
    .url('must be an http(s) URL')
    .regex(/^https?:\/\//, 'must be an http(s) URL')
    .optional(),
  WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  WEBHOOK_RETRY_INITIAL_MS: z.coerce.number().int().min(1).default(5_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).default(3_600_000),
  // 0 keeps retrying until the receiver accepts.
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(0).default(0),
  // Reporting upward (domain/mapping-report.ts): no regulation fixes the date, so the
  // kabupaten/kota deadline is MM-DD of the year before the budget year (stricter default
  // 02-15), a province's PROVINCE_REPORTING_AFTER_DAYS later; the keeper may set a year's date.
  REPORTING_DEADLINE: z
    .string()
    .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be MM-DD, e.g. 02-15')
    .default('02-15'),
  PROVINCE_REPORTING_AFTER_DAYS: z.coerce.number().int().min(0).max(366).default(30),
  // The deadline check: reminders this many days before the deadline (and on it), then every
  // OVERDUE_REMINDER_EVERY_DAYS; the Sekda hears of it ESCALATE_AFTER_OVERDUE_DAYS after.
  REPORTING_REMINDER_OFFSETS_DAYS: days.default([14, 7, 1, 0]),
  // OpenTelemetry traces (platform/tracing.ts) to an OTLP/HTTP collector, e.g. http://otel-collector:4318;
  // unset (or empty) means off. OTEL_SERVICE_NAME names the process in the traces.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .regex(/^https?:\/\/[^\s]+$/, 'must be an http(s) URL, e.g. http://otel-collector:4318')
      .optional(),
  ),
  OTEL_SERVICE_NAME: z.string().min(1).optional(),
});

/** What only the API signs and checks: access tokens. Every API process of one deployment shares the secret. */
const apiSchema = workerSchema.extend({
  // HS256 keys shorter than the hash (32 bytes) weaken it; there is no default, so no two
  // deployments can share one by accident.
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters, e.g. from `openssl rand -base64 48`'),
  JWT_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(8 * 3600),
  // Login throttling (OWASP ASVS 2.2.1). Per minute, counted in each API process.
  LOGIN_RATE_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(60),
  LOGIN_RATE_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(10),
  // Wrong passwords in a row that lock an account, and for how long; shared by all API processes.
  LOGIN_LOCKOUT_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  // GET /metrics for Prometheus (request latency by route, outcomes); `false` leaves it out.
  API_METRICS: flag.default(true),
  // Express's `trust proxy`: behind a TLS-terminating proxy the client address comes from X-Forwarded-For.
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value): boolean | number | string => (value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value)),
});

export type AppConfig = z.infer<typeof apiSchema>;
/** The worker never sees a token, so it needs no JWT_SECRET. */
export type WorkerConfig = z.infer<typeof workerSchema>;

export class ConfigError extends Error {}

function parse<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  // A webhook without a secret would send unsigned changes: refuse to start instead.
  if ((parsed.data as WorkerConfig).WEBHOOK_URL && !(parsed.data as WorkerConfig).WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration:\n  WEBHOOK_SECRET: is required when WEBHOOK_URL is set');
  }
  return parsed.data;
}

/** The API's (and the all-in-one launcher's) configuration. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return parse(apiSchema, env);
}

export function timelinePolicyOf(config: WorkerConfig): TimelinePolicy {
  return {
    dayMs: config.TIMELINE_DAY_MS,
    reminderOffsetsDays: config.REMINDER_OFFSETS_DAYS,
    overdueEveryDays: config.OVERDUE_REMINDER_EVERY_DAYS,
    escalateAfterOverdueDays: config.ESCALATE_AFTER_OVERDUE_DAYS,
    serviceWorkingDays: config.SERVICE_WORKING_DAYS,
    digestEveryDays: config.DIGEST_EVERY_DAYS,
    seasonReminderOffsetsDays: config.SEASON_REMINDER_OFFSETS_DAYS,
  };
}

/** How the calendar reads the regulation's open terms; API and worker must agree. */
export function calendarRulesOf(config: WorkerConfig): CalendarRules {
  return { secondWeek: config.SECOND_WEEK_RULE, apbdDayCount: config.APBD_DAY_COUNT };
}

/** The SMTP server for logs and start-up messages: scheme, host and port, never the credentials. */
export function smtpServerLabel(config: Pick<WorkerConfig, 'SMTP_URL'>): string | undefined {
  if (!config.SMTP_URL) return undefined;
  const url = new URL(config.SMTP_URL);
  return `${url.protocol}//${url.host}`;
}

/** WORKER_METRICS_ADDRESS alone: the Temporal runtime is installed before the rest is read. */
export function workerMetricsAddress(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return parse(z.object({ WORKER_METRICS_ADDRESS: bindAddress }), env).WORKER_METRICS_ADDRESS;
}

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  return parse(workerSchema, env);
}
