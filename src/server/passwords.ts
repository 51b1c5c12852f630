/**
 * The password policy at registration and password change. The password also protects the
 * data key (a lost password is lost data), so it must be long rather than clever: a
 * minimum length, a maximum (argon2 on megabytes is a denial of service), and a check
 * against the most common passwords and their usual variations.
 */
import { readFileSync } from 'node:fs';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1024;

let common: Set<string> | undefined;

/** The list ships as a text file next to the source; the built server reads it from src/. */
function commonPasswords(): Set<string> {
  if (common) return common;
  const candidates = [
    new URL('./common-passwords.txt', import.meta.url),
    new URL('../../src/server/common-passwords.txt', import.meta.url),
  ];
  for (const url of candidates) {
    try {
      const text = readFileSync(url, 'utf8');
      common = new Set(
        text
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '' && !line.startsWith('#')),
      );
      return common;
    } catch {
      // try the next location
    }
  }
  throw new Error('common-passwords.txt is missing from this installation');
}

/**
 * Why a password is refused, in one sentence for the user, or null when it is acceptable.
 *
 * @example
 * passwordProblem('password123') // 'Use at least 10 characters …'
 * passwordProblem('olive trees by the harbour') // null
 */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words make a strong, memorable password.`;
  }
  if (length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password.trim() === '') return 'A password cannot be only spaces.';
  if (new Set(password.toLowerCase()).size < 4) {
    return 'This password repeats too few characters to be safe; try a few unrelated words.';
  }
  if (commonPasswords().has(password.trim().toLowerCase())) {
    return 'This is one of the most common passwords, which attackers try first. Choose another.';
  }
  return null;
}
