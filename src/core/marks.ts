// The attributes Tidings marks the blocks it hid or the reader showed again with: the content script sets them, the
// scan skips what they mark (when Tidings' own), the picker reads them. One spelling, and one string in the bundle.

export const COLLAPSED_MARK = 'data-tidings-collapsed';
export const REVEALED_MARK = 'data-tidings-revealed';
/** The id of the block's entry, on the block. */
export const ID_MARK = 'data-tidings-id';
/** The id of the overlay's entry, on a backdrop hidden with it. */
export const BACKDROP_MARK = 'data-tidings-backdrop';
/** Blocks Tidings collapsed or the reader showed again (whose marks they are is checked apart: a page may forge them). */
export const BLOCK_MARKS = `[${COLLAPSED_MARK}], [${REVEALED_MARK}]`;
