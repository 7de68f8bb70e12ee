/**
 * Text from articles (titles, outlets, sentences, file names) printed for a person to read. A
 * terminal acts on what it is sent: escape sequences set the window title, clear the screen, hide
 * a link behind other words or recolour the rest of the output, and a right-to-left override
 * shows the following text reversed. So readable output keeps only printable text, line breaks
 * and tabs. JSON output needs none of this: it escapes control characters itself, and a program
 * reading it wants the value as stored.
 */

/** CSI (colours, cursor, clearing) and OSC (window title, hyperlinks) sequences, 7-bit and 8-bit, whole: their parameters would be noise. */
const SEQUENCES = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?/g;
/** every other C0 and C1 control and DEL, tab and line feed excepted */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Unicode's bidirectional embeddings, overrides, isolates and marks */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with terminal escape sequences, control characters and bidi controls taken out.
 * @example forTerminal('Talks\u001b[2J \u202eend') // 'Talks end'
 */
export function forTerminal(s: string): string {
  return s.replace(SEQUENCES, '').replace(CONTROLS, '').replace(BIDI, '');
}
