import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { MEETING_CODE_PATTERN, type CreateMeetingRequest, type MeetingListScope } from '@confer/meetings/contracts';

export class CreateMeetingDto implements CreateMeetingRequest {
  @ApiProperty() @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString({ strict: true }) startsAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(5) @Max(1440) durationMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) timeZone?: string;
}

export class ListMeetingsQuery {
  @IsOptional() @IsIn(['upcoming', 'past']) scope?: MeetingListScope;
}

export class MeetingCodeParams {
  @Matches(MEETING_CODE_PATTERN, { message: 'A meeting code looks like abc-defg-hij.' }) code!: string;
}
