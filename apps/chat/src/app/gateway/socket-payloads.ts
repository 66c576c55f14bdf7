import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, validate, type ValidationError } from 'class-validator';
import {
  CHAT_EXPORT_FORMATS,
  CHAT_FILES,
  CHAT_LIMITS,
  type ChatExportFormat,
  type DeleteMessageRequest,
  type DownloadRequest,
  type ExportRequest,
  type EditMessageRequest,
  type FloatRequest,
  type HistoryRequest,
  type ReactRequest,
  type SendMessageRequest,
  type SyncRequest,
  type TokenRequest,
  type UploadRequest,
} from '@confer/chat/contracts';
import { invalid } from '../access/chat.errors';

/** A user id (uuid) or a guest's `guest-<uuid>`. */
const IDENTITY = /^(guest-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Longer than any body the limit allows, even in UTF-16: the real limit (code points) is checked after. */
const BODY_MAX_UTF16 = CHAT_LIMITS.messageMaxLength * 2;

export class SendMessageDto implements SendMessageRequest {
  @IsUUID() clientId!: string;
  // Required unless the message shares a file.
  @ValidateIf((o: SendMessageDto) => o.fileId === undefined || o.body !== undefined)
  @IsString()
  @MaxLength(BODY_MAX_UTF16, { message: `A message has at most ${CHAT_LIMITS.messageMaxLength} characters.` })
  body?: string;
  @IsOptional() @Matches(IDENTITY, { message: 'to must be a participant identity.' }) to?: string;
  @IsOptional() @IsUUID() fileId?: string;
}

export class EditMessageDto implements EditMessageRequest {
  @IsUUID() id!: string;
  @IsString() @MaxLength(BODY_MAX_UTF16, { message: `A message has at most ${CHAT_LIMITS.messageMaxLength} characters.` }) body!: string;
}

export class DeleteMessageDto implements DeleteMessageRequest {
  @IsUUID() id!: string;
}

export class ReactDto implements ReactRequest {
  @IsUUID() messageId!: string;
  @IsString() @MaxLength(CHAT_LIMITS.emojiMaxLength) emoji!: string;
}

export class FloatDto implements FloatRequest {
  @IsString() @MaxLength(CHAT_LIMITS.emojiMaxLength) emoji!: string;
}

export class SyncDto implements SyncRequest {
  @IsInt() @Min(0) after!: number;
  @IsOptional() @IsInt() @Min(1) @Max(CHAT_LIMITS.pageMax) limit?: number;
}

export class HistoryDto implements HistoryRequest {
  @IsOptional() @IsInt() @Min(1) before?: number;
  @IsOptional() @IsInt() @Min(1) @Max(CHAT_LIMITS.pageMax) limit?: number;
}

export class TokenDto implements TokenRequest {
  @IsString() @MaxLength(8192) token!: string;
}

export class UploadDto implements UploadRequest {
  // UTF-16 units, generous: the real limit (code points) is checked after.
  @IsString() @MaxLength(CHAT_FILES.nameMaxLength * 2) name!: string;
  @IsInt() @Min(1, { message: 'The file is empty.' }) @Max(Number.MAX_SAFE_INTEGER) size!: number;
}

export class DownloadDto implements DownloadRequest {
  @IsUUID() fileId!: string;
}

export class ExportDto implements ExportRequest {
  @IsIn(CHAT_EXPORT_FORMATS, { message: 'format is txt or json.' }) format!: ChatExportFormat;
}

/**
 * A socket payload as a checked DTO, with the HTTP API's rules: an object, every field valid, no
 * unknown field. Anything else is VALIDATION_FAILED with the problems field by field.
 */
export async function validatePayload<T extends object>(dto: new () => T, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw invalid('The payload must be an object.');
  const instance = plainToInstance(dto, payload);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: false });
  if (errors.length > 0) throw invalid('The payload is not valid.', { fields: flatten(errors) });
  return instance;
}

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
