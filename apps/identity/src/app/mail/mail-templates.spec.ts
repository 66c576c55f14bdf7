import { MailTemplates } from './mail-templates';

describe('MailTemplates', () => {
  it('puts the link in both parts and escapes names in HTML', () => {
    const mail = MailTemplates.verifyEmail('a@example.test', '<script>alert(1)</script>', 'http://127.0.0.1:8080/verify-email#token=abc');
    expect(mail.text).toContain('http://127.0.0.1:8080/verify-email#token=abc');
    expect(mail.html).toContain('href="http://127.0.0.1:8080/verify-email#token=abc"');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});
