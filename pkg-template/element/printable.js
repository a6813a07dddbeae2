// Text written by a record's sender, made safe to lay out inside the
// page's own words. Records are attacker-controlled: a right-to-left
// override could turn the sentence around a name, and one huge unbroken
// word could hold the page's layout for minutes.

/**
 * The most characters of one value from a record that are shown: laying out
 * a huge unbroken word can hold a page for minutes.
 */
const MAX_SHOWN = 2000;
/** C0 and C1 controls and the bidi embeddings, overrides and isolates that reorder or hide text. */
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value written by a record's sender, ready to show: each control
 * character made visible as [U+XXXX] (a right-to-left override cannot turn
 * the page's words around), and cut after MAX_SHOWN characters with the
 * count of the rest.
 */
export function printable(value) {
  const visible = value.replace(HIDDEN, (c) => `[U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}]`);
  if (visible.length <= MAX_SHOWN) return visible;
  return `${visible.slice(0, MAX_SHOWN)}… [+${visible.length - MAX_SHOWN}]`;
}
