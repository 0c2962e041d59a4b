// Sends one queued e-mail over SMTP. Temporal retries it, so every attempt is counted
// and its error kept on the row; a message already SENT is never sent again, and the
// Message-ID is the same on every attempt, so the rare resend (a crash between the
// server's acceptance and our update) can be recognised by mail clients as one message.
import { ApplicationFailure } from '@temporalio/activity';
import { createTransport, type NodemailerError } from 'nodemailer';
import type { WorkerConfig } from '../platform/config';
import type { EmailDeliveryRepository } from '../persistence/email-delivery.repository';
import { SMTP_PERMANENT_FAILURE_TYPE, type EmailSendOutcome } from '../workflows/notification/definitions';
import { SMTP_NOT_CONFIGURED } from './notification-record';
import { heartbeating } from './heartbeat';

const ERROR_MAX_LENGTH = 1000;

type MailConfig = Pick<WorkerConfig, 'SMTP_URL' | 'MAIL_FROM'>;

/** `<delivery id@sender's domain>`: stable across attempts, unique per e-mail. */
export function emailMessageId(deliveryId: string, mailFrom: string): string {
  const domain = /@([^<>@\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'jalin.local';
  return `<${deliveryId}@${domain}>`;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > ERROR_MAX_LENGTH ? `${text.slice(0, ERROR_MAX_LENGTH)}…` : text;
}

export function createEmailSender(deliveries: EmailDeliveryRepository, config: MailConfig) {
  // Waits shorter than nodemailer's (2 and 10 minutes), so a hung server fails the
  // attempt and the retry policy takes over.
  const transport = config.SMTP_URL
    ? createTransport({ url: config.SMTP_URL, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 })
    : undefined;

  async function sendEmail(deliveryId: string): Promise<EmailSendOutcome> {
    const delivery = await deliveries.forSending(deliveryId);
    if (delivery?.status === 'SENT') return 'ALREADY_SENT';
    if (delivery?.status !== 'PENDING') return 'NOT_PENDING';
    if (!transport) {
      // SMTP was switched off after the e-mail was queued.
      await deliveries.markSkipped(deliveryId, SMTP_NOT_CONFIGURED);
      return 'NOT_PENDING';
    }
    await deliveries.countAttempt(deliveryId);
    try {
      await heartbeating(() =>
        transport.sendMail({
          from: config.MAIL_FROM,
          to: delivery.toAddress,
          subject: delivery.subject,
          text: delivery.text,
          messageId: emailMessageId(deliveryId, config.MAIL_FROM),
        }),
      );
    } catch (error) {
      const message = describe(error);
      await deliveries.recordError(deliveryId, message);
      if ((error as NodemailerError).permanent === true) {
        throw ApplicationFailure.nonRetryable(message, SMTP_PERMANENT_FAILURE_TYPE);
      }
      throw error;
    }
    await deliveries.markSent(deliveryId);
    return 'SENT';
  }

  return { sendEmail };
}
