/**
 * The tests in test/cli start the CLI as a real process, several times a test. A cold Node start with the CLI
 * loaded takes about half a second on a loaded CI machine, so vitest's 5 s default fails a test of eight such
 * steps that has nothing wrong with it (one took 5.2 s in CI). A hung process still fails, within a minute.
 * How fast the CLI is gets measured in the benchmark, never by a test's timeout.
 */
export const SPAWNS = { timeout: 60_000 };
