// The HTTP API: the CLI reaches it only to start it (`shakeout serve`).
export { createApp, DEFAULT_BODY_LIMIT, CONTENT_SECURITY_POLICY } from './app.js';
export type { AppOptions } from './app.js';
export { RunBoard, DEFAULT_RUN_LIMITS } from './run-board.js';
export type { RunLimits, RunState, RunEvent, RunStatus, RunError } from './run-board.js';
export { startServer, isLoopback, defaultWebRoot, DEFAULT_PORT, DEFAULT_HOST } from './serve.js';
export type { ServeOptions, RunningServer } from './serve.js';
