import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { CHAT_FILES, type ChatUploadRequest } from '@confer/chat/contracts';
import { CodeParams } from '../history/history.dto';

export class UploadRequestDto implements ChatUploadRequest {
  @ApiProperty({ description: 'The file name; its extension must be on the allow-list and match the content' })
  @IsString()
  // UTF-16 units, generous: the real limit (code points) is checked after.
  @MaxLength(CHAT_FILES.nameMaxLength * 2)
  name!: string;

  @ApiProperty({ description: `Bytes; more than ${CHAT_FILES.maxBytes} is FILE_TOO_LARGE`, minimum: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1, { message: 'The file is empty.' })
  @Max(Number.MAX_SAFE_INTEGER)
  size!: number;
}

export class FileParams extends CodeParams {
  @IsUUID() fileId!: string;
}

/** The tokens of upload and download URLs: 32 random bytes, base64url. */
export class TokenParams {
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'Not a file link.' }) token!: string;
}
