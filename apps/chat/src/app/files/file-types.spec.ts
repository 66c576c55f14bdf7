import { claimedType, contentCheck, hasMagic, SNIFF_BYTES } from './file-types';
import { checkFileName, contentDisposition } from './file-name';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR');
const EXE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode');
const HTML = Buffer.from('<!doctype html><script>alert(document.cookie)</script>');

/** A ZIP local file header for one entry, then its data. */
function zipEntry(name: string, data = '', method = 0): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, Buffer.from(name), Buffer.from(data)]);
}

/** Feeds a file to the check in chunks of `size` bytes, as a request body arrives. */
function judge(contentType: string, file: Buffer, size = 7): boolean {
  const check = contentCheck(contentType);
  for (let at = 0; at < file.length; at += size) if (!check.push(file.subarray(at, at + size))) return false;
  return check.end();
}

describe('shared file types', () => {
  it('decides the claimed type by the extension alone, case-insensitively, on the allow-list only', () => {
    expect(claimedType('Holiday.PNG')).toBe('image/png');
    expect(claimedType('scan.jpeg')).toBe('image/jpeg');
    expect(claimedType('notes.tar.txt')).toBe('text/plain');
    expect(claimedType('report.docx')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    for (const name of ['page.html', 'image.svg', 'setup.exe', 'archive.zip', 'macro.docm', 'README', 'png']) expect(claimedType(name)).toBeUndefined();
  });

  it('knows images and PDFs by their first bytes, whatever the chunking', () => {
    expect(judge('image/png', Buffer.concat([PNG, Buffer.alloc(SNIFF_BYTES)]), 3)).toBe(true);
    expect(judge('image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe(true);
    expect(judge('image/gif', bytes('GIF89a', [1, 0, 1, 0]))).toBe(true);
    expect(judge('image/webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe(true);
    expect(judge('application/pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'))).toBe(true);
  });

  it('refuses content disguised under an allowed name: HTML or an executable as a PNG, one image as another', () => {
    expect(judge('image/png', HTML)).toBe(false);
    expect(judge('image/png', EXE)).toBe(false);
    expect(judge('image/jpeg', PNG)).toBe(false);
    expect(judge('application/pdf', bytes('  %PDF-1.7'))).toBe(false);
    expect(judge('image/webp', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBe(false);
    expect(judge('image/png', Buffer.alloc(0))).toBe(false);
    // A refusal comes as soon as the first SNIFF_BYTES are in, before the rest is read.
    const check = contentCheck('image/png');
    expect(check.push(Buffer.concat([HTML, Buffer.alloc(SNIFF_BYTES)]))).toBe(false);
  });

  it('takes text as UTF-8 without NUL from end to end, with sequences split across chunks', () => {
    expect(judge('text/plain', Buffer.from('Grüße, 日本語 and 🎉\r\n\tdone'), 1)).toBe(true);
    expect(judge('text/plain', HTML)).toBe(true); // served as text/plain, as an attachment: harmless
    expect(judge('text/csv', Buffer.from('a,b\n1,2\n'))).toBe(true);
    expect(judge('text/plain', EXE)).toBe(false);
    expect(judge('text/plain', bytes('fine so far', [0xc3, 0x28]))).toBe(false);
    expect(judge('text/plain', bytes('cut in the middle of ', [0xe6, 0x97]))).toBe(false);
    expect(judge('text/plain', Buffer.concat([Buffer.from('a'.repeat(SNIFF_BYTES * 3)), Buffer.from([0])]), 1024)).toBe(false);
  });

  it('knows OOXML and ODF packages by their first entry, and refuses a plain ZIP or another kind of document', () => {
    const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const odt = 'application/vnd.oasis.opendocument.text';
    expect(hasMagic(docx, zipEntry('[Content_Types].xml', '<Types/>', 8))).toBe(true);
    expect(hasMagic(docx, zipEntry('word/document.xml'))).toBe(true);
    expect(hasMagic(docx, zipEntry('xl/workbook.xml'))).toBe(false);
    expect(hasMagic(xlsx, zipEntry('_rels/.rels'))).toBe(true);
    expect(hasMagic(docx, zipEntry('payload.exe'))).toBe(false);
    expect(hasMagic(odt, zipEntry('mimetype', odt))).toBe(true);
    expect(hasMagic(odt, zipEntry('mimetype', 'application/vnd.oasis.opendocument.spreadsheet'))).toBe(false);
    expect(hasMagic(odt, zipEntry('mimetype', odt, 8))).toBe(false);
    expect(hasMagic(docx, bytes('PK', [3, 4]))).toBe(false);
  });

  it('checks names: the extension decides, separators and control characters are refused', () => {
    expect(checkFileName('Q3 numbers (final).xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(() => checkFileName('invoice.pdf.exe')).toThrow(expect.objectContaining({ code: 'FILE_TYPE_NOT_ALLOWED' }));
    for (const bad of ['', '  ', '..', '../etc/passwd.txt', 'a\\b.txt', 'line\nbreak.txt', `${'x'.repeat(252)}.txt`, 'lone \ud83d.txt']) {
      expect(() => checkFileName(bad)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    }
  });

  it('names the download in Content-Disposition as an attachment, exactly and with an ASCII fallback that cannot break the header', () => {
    expect(contentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('Grüße "v2"; x=1 (draft)*.txt')).toBe(
      `attachment; filename="Gr__e _v2_; x=1 (draft)*.txt"; filename*=UTF-8''Gr%C3%BC%C3%9Fe%20%22v2%22%3B%20x%3D1%20%28draft%29%2A.txt`,
    );
  });
});
