import { invitationMail, type InvitationMailInput } from './invitation-mail';

const input: InvitationMailInput = {
  kind: 'invite',
  to: 'bob@example.test',
  recipientName: 'Bob <b>',
  organizerName: 'Ada',
  title: 'Weekly sync',
  startsAt: '2026-03-02T08:00:00.000Z',
  timeZone: 'Europe/Paris',
  repeats: true,
  joinUrl: 'http://127.0.0.1:8080/m/abc-defg-hij',
  ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
};

describe('invitationMail', () => {
  it('invites with the join link, the local time and a REQUEST .ics', () => {
    const mail = invitationMail(input);
    expect(mail.subject).toBe('Invitation: Weekly sync');
    expect(mail.text).toContain('http://127.0.0.1:8080/m/abc-defg-hij');
    expect(mail.text).toMatch(/Monday,? 2 March 2026 at 09:00 CET \(Europe\/Paris\)/);
    expect(mail.html).toContain('Bob &lt;b&gt;');
    expect(mail.attachments).toEqual([
      { filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST; charset=UTF-8', content: Buffer.from(input.ics).toString('base64') },
    ]);
  });

  it('cancels one occurrence with a CANCEL .ics and no join link', () => {
    const mail = invitationMail({ ...input, kind: 'cancel-occurrence', occurrenceId: '2026-03-09T08:00:00.000Z' });
    expect(mail.subject).toMatch(/^Cancelled: Weekly sync on Monday,? 9 March 2026/);
    expect(mail.text).not.toContain('/m/abc-defg-hij');
    expect(mail.attachments?.[0]?.contentType).toBe('text/calendar; method=CANCEL; charset=UTF-8');
  });
});
