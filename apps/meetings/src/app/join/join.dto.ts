import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { JOIN_LIMITS, MEETING_CODE_PATTERN, type HandRequest, type JoinMeetingRequest, type TicketRequest } from '@confer/meetings/contracts';

export class JoinMeetingDto implements JoinMeetingRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) passcode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(JOIN_LIMITS.displayNameMaxLength) displayName?: string;
}

export class GuestJoinDto implements JoinMeetingRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) passcode?: string;
  @ApiProperty() @IsString() @Length(1, JOIN_LIMITS.displayNameMaxLength) displayName!: string;
}

/** Tickets are 32 random bytes, base64url. */
const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export class TicketDto implements TicketRequest {
  @ApiProperty() @Matches(TICKET_PATTERN, { message: 'Not a ticket.' }) ticket!: string;
}

export class HandDto extends TicketDto implements HandRequest {
  @ApiProperty() @IsBoolean() raised!: boolean;
}

export class CodeParams {
  @Matches(MEETING_CODE_PATTERN, { message: 'A meeting code looks like abc-defg-hij.' }) code!: string;
}

export class CodeTicketParams extends CodeParams {
  @Matches(TICKET_PATTERN, { message: 'Not a ticket.' }) ticket!: string;
}
