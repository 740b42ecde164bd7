// `npm start`: compiles the server when server/dist is missing or older than server/src, then runs the
// compiled server (server/dist/main.js), which builds the console in turn when dist/ is stale. An
// install of the built output alone (no sources: the container image, `npm ci --omit=dev`) just runs it.
import { buildServer, serverBuildIsStale } from './build-server.mjs';

if (serverBuildIsStale()) {
  process.stdout.write('Building the server (scripts/build-server.mjs)…\n');
  try {
    await buildServer();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
await import('../server/dist/main.js');
