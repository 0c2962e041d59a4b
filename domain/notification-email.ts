// The e-mail of a notification: the same title and body as in the app, addressed to
// the person, with a footer saying where it comes from and that replies go nowhere.
import type { RenderedNotification } from './notification-templates';

export interface NotificationEmail {
  subject: string;
  text: string;
}

export function renderNotificationEmail(notification: RenderedNotification, recipientName: string): NotificationEmail {
  const name = recipientName.trim();
  return {
    subject: notification.title,
    text: [
      name ? `Yth. ${name},` : 'Yth. Bapak/Ibu,',
      '',
      notification.body,
      '',
      '-- ',
      'Pesan ini dikirim otomatis oleh Jalin, sistem perencanaan kerja sama daerah; pemberitahuan yang sama ada di Jalin.',
      'Mohon tidak membalas surel ini.',
    ].join('\n'),
  };
}
