import * as path from 'node:path';

/** The repository root: the Docker build context of every service image. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Where `nx build web` writes the Angular app. */
export const WEB_DIST = path.join(REPO_ROOT, 'dist', 'apps', 'web', 'browser');
