import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';

/**
 * Kumoji's outgoing e-mail over SMTP (nodemailer), or none when SMTP_URL is
 * not set: reminders are then shown in the app only. The URL is checked when
 * the configuration is read, so a malformed one stops the start.
 */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>): Mailer | null {
  if (!config.SMTP_URL) return null;
  const transport = nodemailer.createTransport(config.SMTP_URL);
  return {
    async send(mail) {
      await transport.sendMail({ from: config.MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
