import { HttpContextToken } from '@angular/common/http';

/**
 * Set on a request whose caller shows failures itself, so no error toast appears:
 * `http.get(url, { context: new HttpContext().set(SILENT_ERRORS, true) })`.
 */
export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);
