import { ConfigError } from './config-error';
import type { ConfigOf, EnvSchema } from './env';

/**
 * Reads every variable of the schema from the environment, once. Collects all problems and throws a
 * ConfigError whose one-line message names each bad variable (never its value).
 */
export function loadConfig<S extends EnvSchema>(
  schema: S,
  source: Readonly<Record<string, string | undefined>> = process.env,
): ConfigOf<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(schema)) {
    const result = variable.read(source[name]);
    if (result.ok) values[name] = result.value;
    else problems.push(`${name} ${result.problem}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(values) as ConfigOf<S>;
}

/** The names of the schema's secret variables, for redaction. */
export function secretNames(schema: EnvSchema): string[] {
  return Object.entries(schema)
    .filter(([, variable]) => variable.secret)
    .map(([name]) => name);
}

/** A URL with its user info removed, safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = parsed.username ? '***' : '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '<unparseable url>';
  }
}
