// The elements Tidings puts into a page (see placeholder.ts); the picker, a bundle of its own, knows them by these names.

/** A collapsed block's bar. */
export const PLACEHOLDER_TAG = 'tidings-placeholder';
/** A note over a block the reader brought back. */
export const NOTE_TAG = 'tidings-note';
