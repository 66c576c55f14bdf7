import type { Mail } from '@confer/shared/server/mail';

/** The mails identity sends. Text first; the HTML part escapes every value it includes. */
export const MailTemplates = {
  verifyEmail(to: string, name: string, link: string): Mail {
    return compose(to, 'Confirm your email address for Confer', name, [
      'Welcome to Confer. Confirm your email address to host meetings:',
      { link },
      'The link works for 24 hours. If you did not create an account, ignore this mail.',
    ]);
  },

  alreadyRegistered(to: string, name: string, signInLink: string, resetLink: string): Mail {
    return compose(to, 'Someone tried to register with your address', name, [
      'Somebody (perhaps you) tried to create a Confer account with this address, which already has one.',
      'Sign in here:',
      { link: signInLink },
      'Forgot your password? Reset it here:',
      { link: resetLink },
    ]);
  },

  resetPassword(to: string, name: string, link: string): Mail {
    return compose(to, 'Reset your Confer password', name, [
      'Use this link to choose a new password. It works once, for 30 minutes:',
      { link },
      'Resetting signs you out everywhere. If you did not ask for this, ignore this mail.',
    ]);
  },

  passwordChanged(to: string, name: string): Mail {
    return compose(to, 'Your Confer password was changed', name, [
      'Your password was just changed and your other sessions were signed out.',
      'If this was not you, reset your password at once.',
    ]);
  },

  confirmDeletion(to: string, name: string, link: string, minutes: number): Mail {
    return compose(to, 'Confirm the deletion of your Confer account', name, [
      'You asked us to delete your Confer account and everything it holds. To go ahead, open this link and confirm:',
      { link },
      `The link works for ${minutes} minutes. Once you confirm, the deletion cannot be undone.`,
      'If you did not ask for this, ignore this mail and change your password.',
    ]);
  },

  accountDeleted(to: string, name: string): Mail {
    return compose(to, 'Your Confer account was deleted', name, [
      'Your Confer account has been deleted, with your profile, contacts, sessions and what other services held about you.',
      'Upcoming meetings you hosted were cancelled. This is the last mail we send to this address.',
    ]);
  },

  exportReady(to: string, name: string, link: string, days: number): Mail {
    return compose(to, 'Your Confer data is ready to download', name, [
      'The copy of your data you asked for is ready. Download it from your privacy settings:',
      { link },
      `It stays available for ${days} days.`,
    ]);
  },
};

type Part = string | { link: string };

function compose(to: string, subject: string, name: string, parts: Part[]): Mail {
  const text = [`Hello ${name},`, '', ...parts.map((p) => (typeof p === 'string' ? p : p.link)), '', '— Confer'].join('\n');
  const html = [
    `<p>Hello ${escapeHtml(name)},</p>`,
    ...parts.map((p) =>
      typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.link)}</a></p>`,
    ),
    '<p>— Confer</p>',
  ].join('\n');
  return { to, subject, text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}
