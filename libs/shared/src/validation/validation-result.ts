/** Outcome of a name/format rule: valid, or the first problem in words a user can act on. */
export type ValidationResult = { valid: true } | { valid: false; message: string };

export const VALID: ValidationResult = { valid: true };

/** Builds a failed {@link ValidationResult}. */
export function invalid(message: string): ValidationResult {
  return { valid: false, message };
}

/** Longest name a `str(255)`/`unicode(255)` column holds (data-model.md §3). */
export const NAME_MAX_LENGTH = 255;

// C0, DEL and C1 controls; NUL included (jsonrpc-api.md §10).
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/** `_<digits>` names are kept for permanent `/_<id>` URLs (jsonrpc-api.md §10, web-ui.md §0). */
export const PERMANENT_URL_NAME = /^_\d+$/;
