import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { DIRECTORY_QUERY } from '@confer/identity/contracts';

/** Trimmed, with runs of white space made one space (names are typed with one). */
const tidy = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value);

export class DirectorySearchQuery {
  @ApiProperty({ description: 'The start of a name (any case), or an exact email address.' })
  @Transform(tidy)
  @IsString()
  @Length(DIRECTORY_QUERY.minLength, DIRECTORY_QUERY.maxLength, {
    message: `Type ${DIRECTORY_QUERY.minLength} to ${DIRECTORY_QUERY.maxLength} characters.`,
  })
  q!: string;

  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(50) limit?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) cursor?: string;
}
