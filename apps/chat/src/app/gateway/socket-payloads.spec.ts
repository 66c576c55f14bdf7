import { HistoryDto, SendMessageDto, SyncDto, validatePayload } from './socket-payloads';

const CLIENT_ID = '3f0c8a52-6d3c-4f0e-9a51-2f1b3c4d5e6f';

describe('socket payloads', () => {
  it('accepts a valid payload as its DTO', async () => {
    const send = await validatePayload(SendMessageDto, { clientId: CLIENT_ID, body: '<script>alert(1)</script>' });
    expect(send).toBeInstanceOf(SendMessageDto);
    expect(send.body).toBe('<script>alert(1)</script>');
    await expect(validatePayload(SyncDto, { after: 0, limit: 10 })).resolves.toMatchObject({ after: 0, limit: 10 });
    await expect(validatePayload(HistoryDto, {})).resolves.toBeInstanceOf(HistoryDto);
  });

  it('takes a message sharing a file without text, and refuses a message with neither', async () => {
    const fileId = '0b7e2a4c-1d2e-4f3a-8b9c-0d1e2f3a4b5c';
    await expect(validatePayload(SendMessageDto, { clientId: CLIENT_ID, fileId })).resolves.toMatchObject({ fileId });
    await expect(validatePayload(SendMessageDto, { clientId: CLIENT_ID, fileId, body: 'see attached' })).resolves.toMatchObject({ body: 'see attached' });
    await expect(validatePayload(SendMessageDto, { clientId: CLIENT_ID, fileId, body: 7 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(validatePayload(SendMessageDto, { clientId: CLIENT_ID })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(validatePayload(SendMessageDto, { clientId: CLIENT_ID, fileId: 'x' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses unknown fields, wrong types and non-objects, naming the fields', async () => {
    await expect(validatePayload(SendMessageDto, { clientId: CLIENT_ID, body: 'hi', admin: true })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'admin', problems: ['property admin should not exist'] }] },
    });
    await expect(validatePayload(SendMessageDto, { clientId: 'nope', body: 42 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(validatePayload(SendMessageDto, { clientId: CLIENT_ID, body: 'hi', to: 'everyone' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(validatePayload(SyncDto, { after: '3' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(validatePayload(SyncDto, { after: -1 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    for (const payload of [undefined, null, 'hi', 42, [{ after: 0 }]]) {
      await expect(validatePayload(SyncDto, payload)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
