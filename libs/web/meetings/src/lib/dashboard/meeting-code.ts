import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { MEETING_CODE_PATTERN } from '@confer/meetings/contracts';

/**
 * The meeting code in what someone typed or pasted: the code itself (`abc-defg-hij`) or a link whose
 * path ends in it (`https://confer.example/m/abc-defg-hij`, a trailing slash, query or fragment
 * allowed). Letters are taken in any case, since codes are read out loud. Null when there is none.
 */
export function meetingCodeIn(input: string): string | null {
  const withoutTail = input.trim().replace(/[?#].*$/, '').replace(/\/+$/, '');
  const candidate = withoutTail.slice(withoutTail.lastIndexOf('/') + 1).toLowerCase();
  return MEETING_CODE_PATTERN.test(candidate) ? candidate : null;
}

/** Form validator: an empty value is left to `required`. */
export function meetingCodeValidator(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' || meetingCodeIn(control.value) ? null : { meetingCode: true };
}
