import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';
import type { DeletionTokenRequest, RequestDeletionRequest } from '@confer/identity/contracts';

export class RequestDeletionDto implements RequestDeletionRequest {
  @ApiProperty() @IsString() @MaxLength(1024) password!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(6, 32) code?: string;
}

export class DeletionTokenDto implements DeletionTokenRequest {
  @ApiProperty() @IsString() @Length(20, 200) token!: string;
}
