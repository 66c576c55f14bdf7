import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { UpdateContactRequest } from '@confer/identity/contracts';

export class ContactParams {
  @IsUUID() userId!: string;
}

/** Cursors of name-ordered lists carry a name, so they are longer than PageQuery allows. */
export class ContactsQuery {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class UpdateContactDto implements UpdateContactRequest {
  @ApiProperty() @IsBoolean() favourite!: boolean;
}
