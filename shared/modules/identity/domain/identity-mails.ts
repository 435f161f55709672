import type { MailTemplates } from '../../../platform/mail/mail-template';

/** The account mails (confirm an address, reset a password, accept an invitation), in English and Indonesian; the outbox sends them by these names. */
export const IDENTITY_MAILS = {
  verify_email: {
    copy: {
      en: {
        subject: () => 'Confirm your e-mail address',
        lines: () => ['Please confirm your e-mail address to finish setting up your Relasi account.'],
        action: 'Confirm e-mail address',
        footer: 'If you did not create an account, you can ignore this e-mail.',
      },
      id: {
        subject: () => 'Konfirmasi alamat e-mail Anda',
        lines: () => ['Silakan konfirmasi alamat e-mail Anda untuk menyelesaikan pendaftaran akun Relasi.'],
        action: 'Konfirmasi alamat e-mail',
        footer: 'Jika Anda tidak membuat akun, abaikan e-mail ini.',
      },
    },
  },
  password_reset: {
    copy: {
      en: {
        subject: () => 'Reset your password',
        lines: () => ['We received a request to reset the password of your Relasi account.'],
        action: 'Choose a new password',
        footer: 'If you did not ask for this, you can ignore this e-mail; your password stays the same.',
      },
      id: {
        subject: () => 'Atur ulang kata sandi Anda',
        lines: () => ['Kami menerima permintaan untuk mengatur ulang kata sandi akun Relasi Anda.'],
        action: 'Buat kata sandi baru',
        footer: 'Jika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.',
      },
    },
  },
  portal_invite: {
    copy: {
      en: {
        subject: (p) => `You are invited to the ${p.company} customer portal`,
        lines: (p) => [`${p.company} has invited you to its customer portal, where you can follow your quotes, orders, invoices and tickets.`],
        action: 'Accept the invitation',
        footer: 'If you were not expecting this invitation, you can ignore this e-mail.',
      },
      id: {
        subject: (p) => `Anda diundang ke portal pelanggan ${p.company}`,
        lines: (p) => [`${p.company} mengundang Anda ke portal pelanggannya untuk memantau penawaran, pesanan, faktur, dan tiket Anda.`],
        action: 'Terima undangan',
        footer: 'Jika Anda tidak mengharapkan undangan ini, abaikan e-mail ini.',
      },
    },
  },
  staff_invite: {
    copy: {
      en: {
        subject: (p) => `Your staff account at ${p.company}`,
        lines: (p) => [`You have been given a staff account for ${p.company} on Relasi.`],
        action: 'Set your password',
        footer: 'If you were not expecting this invitation, you can ignore this e-mail.',
      },
      id: {
        subject: (p) => `Akun staf Anda di ${p.company}`,
        lines: (p) => [`Anda telah mendapatkan akun staf untuk ${p.company} di Relasi.`],
        action: 'Buat kata sandi',
        footer: 'Jika Anda tidak mengharapkan undangan ini, abaikan e-mail ini.',
      },
    },
  },
} satisfies MailTemplates;

/** The name of an account mail, as the outbox stores it. */
export type IdentityMail = keyof typeof IDENTITY_MAILS;
