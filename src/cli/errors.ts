// Errors the CLI reports as a one-line message and a non-zero exit code, without a stack trace.

/** Bad input: a missing file or directory, malformed labels.json. */
export class InputError extends Error {}

/** A command line the CLI does not understand; the usage text follows the message. */
export class UsageError extends InputError {}
