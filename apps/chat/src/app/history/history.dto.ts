import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CHAT_EXPORT_FORMATS, CHAT_LIMITS, type ChatExportFormat } from '@confer/chat/contracts';
import { MEETING_CODE_PATTERN } from '@confer/meetings/contracts';

export class CodeParams {
  @Matches(MEETING_CODE_PATTERN, { message: 'A meeting code looks like abc-defg-hij.' }) code!: string;
}

const CURSOR = /^[A-Za-z0-9_-]{1,64}$/;

/** `limit` of a page, as history and search take it. */
class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: CHAT_LIMITS.pageMax, default: CHAT_LIMITS.pageDefault })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(CHAT_LIMITS.pageMax)
  limit?: number;
}

export class HistoryQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page: older messages' })
  @IsOptional()
  @Matches(CURSOR, { message: 'Not a page cursor.' })
  before?: string;
}

export class SearchQuery extends PageQuery {
  @ApiProperty({ description: 'Words, "a phrase", -excluded, or (web-search syntax)' })
  @IsString()
  @MinLength(1)
  @MaxLength(CHAT_LIMITS.searchQueryMaxLength)
  q!: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(CURSOR, { message: 'Not a page cursor.' })
  cursor?: string;
}

export class ExportQuery {
  @ApiProperty({ enum: CHAT_EXPORT_FORMATS })
  @IsIn(CHAT_EXPORT_FORMATS, { message: 'format is txt or json.' })
  format!: ChatExportFormat;
}
