// What a field component (TextField, ChoiceField, FieldMessage) needs from the form it stands in:
// the message to show by a field, and where to say the dean changed it. An `Autosave` is one;
// a form saved with a button (the new plan) makes its own.
export interface FieldHost {
  messageFor(key: string): string | undefined;
  /** Text changed in `key`. */
  typed(key: string): void;
  /** A choice was made in `key`. */
  chose(key: string): unknown;
  /** The dean left the box of `key`. */
  flush(key: string): unknown;
}

/** The id of a field's box; `prefix` keeps ids unique when two forms are on screen. */
export const fieldId = (key: string, prefix = 'rollout') => `${prefix}-${key.replaceAll('.', '-')}`;
export const errorId = (key: string, prefix = 'rollout') => `${fieldId(key, prefix)}-error`;

/** What a box's `aria-describedby` names: its hint, then its message, when it has them. */
export function describedBy(
  key: string,
  { hint, message, prefix }: { hint?: string; message?: string; prefix?: string },
): string | undefined {
  const ids = [hint ? `${fieldId(key, prefix)}-hint` : '', message ? errorId(key, prefix) : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}
