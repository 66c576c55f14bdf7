import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { CommonErrorCode } from '@confer/shared/contracts';
import { DomainError } from '@confer/shared/util';

/** DTOs reject unknown fields and report every problem beside the field it concerns. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors: ValidationError[]) =>
      new DomainError(CommonErrorCode.ValidationFailed, 'invalid', 'The request is not valid.', {
        fields: flatten(errors),
      }),
  });
}

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
