import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { CHAT_FILES, type ChatDownload, type ChatFile, type ChatUpload, type ChatUploadRequest } from '@confer/chat/contracts';
import { apiBase, CommonErrorCode, type AuthUser } from '@confer/shared/contracts';
import { LOGGER, type Logger } from '@confer/shared/server/observability';
import { RateLimiter } from '@confer/shared/server/platform';
import { DomainError } from '@confer/shared/util';
import { liveRefusal, mayRead, writeRefusal } from '../access/chat-policy';
import { chatNotFound } from '../access/chat.errors';
import { MeetingAccessClient } from '../access/meeting-access.client';
import { CHAT_RATE_LIMITS, limitSubject, type ChatRateLimits } from '../messages/chat.limits';
import type { Speaker } from '../messages/speaker';
import { CheckedUpload } from './checked-upload';
import { DownloadGrants, hashToken, newToken } from './download-grants';
import { checkFileName } from './file-name';
import { fileNotFound, fileSizeMismatch, fileTooLarge, uploadNotFound } from './file.errors';
import { FileRepository, toChatFile, type FileRow } from './file.repository';
import { FileStorage } from './file-storage';

/** How long an aborted PUT is given to settle in S3 before its object is removed once more. */
const ABORTED_PUT_SETTLE_MS = 2000;

/** Someone who may look at a meeting's files: its id and their identity in it. */
export interface Viewer {
  meetingId: string;
  identity: string;
}

/**
 * Files shared in chat (docs/decisions.md, Chat files and export): upload URLs for live participants
 * who may write, uploads streamed into S3 through their content check, download URLs for those who
 * may see the message sharing a file, and the removal of files nobody may see any more.
 */
@Injectable()
export class FileService {
  constructor(
    private readonly files: FileRepository,
    private readonly storage: FileStorage,
    private readonly grants: DownloadGrants,
    private readonly access: MeetingAccessClient,
    private readonly limiter: RateLimiter,
    @Inject(CHAT_RATE_LIMITS) private readonly limits: ChatRateLimits,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** An upload URL, valid CHAT_FILES.uploadUrlTtlSeconds, for a file the name and size say may be shared. */
  async reserve(uploader: Speaker, request: ChatUploadRequest): Promise<ChatUpload> {
    const refusal = writeRefusal(uploader.allowChat, uploader.role);
    if (refusal) throw refusal;
    const contentType = checkFileName(request.name);
    if (request.size > CHAT_FILES.maxBytes) throw fileTooLarge();
    await this.limiter.enforce(this.limits.files, limitSubject(uploader));
    const id = randomUUID();
    const { token, hash } = newToken();
    const expiresAt = new Date(Date.now() + CHAT_FILES.uploadUrlTtlSeconds * 1000);
    await this.files.reserve(id, uploader, { name: request.name, size: request.size, contentType }, hash, expiresAt);
    return { fileId: id, uploadUrl: `${apiBase('chat')}/uploads/${token}`, expiresAt: expiresAt.toISOString(), contentType };
  }

  /**
   * Receives the bytes of an upload URL (once): exactly the size announced, judged by content as they
   * stream into S3. A refused upload is removed (row and object); one that failed on our side (S3) can
   * be tried again with the same URL until it expires.
   */
  async upload(token: string, source: AsyncIterable<Buffer>, contentLength: number | undefined): Promise<ChatFile> {
    const file = await this.files.startUpload(hashToken(token));
    if (!file) throw uploadNotFound();
    const size = Number(file.size);
    const upload = new CheckedUpload(source, size, file.content_type);
    if (contentLength !== size) {
      await this.files.release(file.id);
      if (contentLength !== undefined && contentLength <= CHAT_FILES.maxBytes) await upload.drain();
      throw fileSizeMismatch();
    }
    const key = FileStorage.key(file.meeting_id, file.id);
    try {
      if (!(await upload.head())) throw upload.refusal ?? fileSizeMismatch();
      await this.storage.put(key, upload.body(), size, file.content_type, upload.signal);
    } catch (error) {
      // An aborted PUT may still leave an object behind (versitygw keeps what it received), and may
      // finish writing it a moment after this delete: removed now, and once more when that has settled
      // (S3 itself keeps nothing of an aborted PUT).
      const removed = await this.removeObject(key);
      if (upload.refusal) {
        await (removed ? this.files.remove([file.id]) : this.files.markDeleted(file.id));
        setTimeout(() => void this.removeObject(key), ABORTED_PUT_SETTLE_MS).unref();
        await upload.drain();
        throw upload.refusal;
      }
      await this.files.release(file.id);
      throw error instanceof DomainError ? error : new DomainError(CommonErrorCode.Unavailable, 'unavailable', 'The file could not be stored; try again.');
    }
    await upload.drain();
    await this.files.stored(file.id);
    return toChatFile(file);
  }

  /** A download URL for a file the viewer may see; FILE_NOT_FOUND for any other, as for none. */
  async downloadUrl(viewer: Viewer, fileId: string): Promise<ChatDownload> {
    const file = await this.files.findVisible(viewer.meetingId, viewer.identity, fileId);
    if (!file) throw fileNotFound();
    const { token, expiresAt } = await this.grants.issue({ fileId: file.id, meetingId: viewer.meetingId, identity: viewer.identity });
    return { url: `${apiBase('chat')}/downloads/${token}`, expiresAt: expiresAt.toISOString() };
  }

  /** The file behind a download URL, if it is still one its viewer may see. */
  async open(token: string): Promise<{ file: ChatFile; body: Readable; length?: number }> {
    const grant = await this.grants.find(token);
    const file = grant && (await this.files.findVisible(grant.meetingId, grant.identity, grant.fileId));
    const object = file && (await this.storage.open(FileStorage.key(file.meeting_id, file.id)));
    if (!file || !object) throw fileNotFound();
    return { file: toChatFile(file), ...object };
  }

  /** Signed-in, over HTTP: an upload URL in a meeting the user is in now. */
  async reserveFor(user: AuthUser, code: string, request: ChatUploadRequest): Promise<ChatUpload> {
    const access = await this.access.get(code, { userId: user.id });
    const refusal = liveRefusal(access);
    if (refusal || !access) throw refusal ?? chatNotFound();
    const { meeting, participant } = access;
    return this.reserve(
      { meetingId: meeting.id, code: meeting.code, identity: participant.identity, userId: participant.userId, displayName: participant.displayName, role: participant.role, guest: false, allowChat: meeting.allowChat },
      request,
    );
  }

  /** Signed-in, over HTTP: a download URL in a meeting the user took part in, during or after it. */
  async downloadUrlFor(user: AuthUser, code: string, fileId: string): Promise<ChatDownload> {
    const access = await this.access.get(code, { userId: user.id });
    if (!mayRead(access)) throw chatNotFound();
    return this.downloadUrl({ meetingId: access.meeting.id, identity: access.participant.identity }, fileId);
  }

  /** Deletes a refused upload's object; false (logged) when S3 could not be reached. */
  private removeObject(key: string): Promise<boolean> {
    return this.storage.delete(key).then(
      () => true,
      (error: unknown) => {
        this.logger.warn({ err: error, key }, 'chat: could not remove a refused upload from S3');
        return false;
      },
    );
  }

  /** Removes the objects, then the rows; what fails is left for the next sweep. */
  async discard(files: readonly FileRow[], manager?: EntityManager): Promise<void> {
    const removed: string[] = [];
    for (const file of files) {
      try {
        await this.storage.delete(FileStorage.key(file.meeting_id, file.id));
        removed.push(file.id);
      } catch (error) {
        this.logger.warn({ err: error, fileId: file.id }, 'chat: could not remove a file from S3; the sweeper will try again');
      }
    }
    await this.files.remove(removed, manager);
  }
}
