/**
 * What a staff member's own password must be (a bank's usual rule, kept simple enough to say in
 * one sentence on the page): at least 10 characters, letters and digits both, not the username.
 * One-time passwords are made to the same rule.
 */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = 'too_short' | 'needs_letter_and_digit' | 'same_as_username';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return 'needs_letter_and_digit';
  if (password.toLowerCase().includes(username.toLowerCase())) return 'same_as_username';
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
  needs_letter_and_digit: 'the password must contain letters and digits',
  same_as_username: 'the password must not contain the username',
};

/** Unambiguous characters (no 0/O, 1/l/I) for a password read off a screen and typed in. */
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const ALPHABET = LETTERS + DIGITS;

/** A one-time password of 12 characters from `bytes` (random, ≥ 12 of them), with a digit and a letter. */
export function oneTimePassword(bytes: Uint8Array): string {
  if (bytes.length < 12) throw new Error('oneTimePassword needs 12 random bytes');
  const chars = Array.from(bytes.slice(0, 12), (b) => ALPHABET[b % ALPHABET.length]!);
  // positions 0 and 1 are forced to a letter and a digit so the rule always holds
  chars[0] = LETTERS[bytes[0]! % LETTERS.length]!;
  chars[1] = DIGITS[bytes[1]! % DIGITS.length]!;
  return chars.join('');
}
