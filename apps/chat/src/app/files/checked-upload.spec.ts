import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { CheckedUpload } from './checked-upload';

async function* chunks(...parts: Buffer[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield part;
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('CheckedUpload', () => {
  it('passes the whole body on once its first bytes show the claimed type', async () => {
    const rest = Buffer.alloc(10_000, 7);
    const upload = new CheckedUpload(chunks(PNG, rest.subarray(0, 5000), rest.subarray(5000)), PNG.length + rest.length, 'image/png');
    expect(await upload.head()).toBe(true);
    expect((await buffer(upload.body())).equals(Buffer.concat([PNG, rest]))).toBe(true);
    expect(upload.refusal).toBeUndefined();
    expect(upload.signal.aborted).toBe(false);
  });

  it('refuses disguised content from its first bytes, before any byte is passed on', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const upload = new CheckedUpload(chunks(html), html.length, 'image/png');
    expect(await upload.head()).toBe(false);
    expect(upload.refusal?.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(upload.signal.aborted).toBe(true);
  });

  it('stops text that turns binary on its way, aborting the signal, so the object is never completed', async () => {
    const text = Buffer.alloc(8192, 'a');
    const upload = new CheckedUpload(chunks(text, Buffer.from([0x41, 0x00]), Buffer.alloc(100, 'b')), text.length + 102, 'text/plain');
    expect(await upload.head()).toBe(true);
    const passed = await buffer(upload.body());
    expect(passed.length).toBe(text.length);
    expect(upload.refusal?.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(upload.signal.aborted).toBe(true);
  });

  it('refuses a body shorter than announced', async () => {
    const upload = new CheckedUpload(chunks(Buffer.from('abc')), 10, 'text/plain');
    expect(await upload.head()).toBe(false);
    expect(upload.refusal?.code).toBe('FILE_SIZE_MISMATCH');
  });

  it('drains what is left without failing when the sender is gone', async () => {
    const broken = new Readable({ read() { this.destroy(new Error('aborted')); } });
    await expect(new CheckedUpload(broken, 10, 'text/plain').drain()).resolves.toBeUndefined();
  });
});
