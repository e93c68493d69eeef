// Where the CLI writes: injected, so tests capture output without touching the process streams.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

// A reader piping into `head` closes the pipe early: that ends the output, it is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};
