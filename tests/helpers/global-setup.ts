// Runs once before all test files. Nothing is shared between tests: each creates its own
// database file or server. This only makes the session secret predictable for the run.
export default function setup() {
  process.env.SESSION_SECRET ??= "test-session-secret";
}
