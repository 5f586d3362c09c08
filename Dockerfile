# syntax=docker/dockerfile:1
# The bot in a container: docs/deploy.md. Build: docker build -t thidua-bot .

# Build stage: every dependency (TypeScript is a dev dependency), then the compiled dist/.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` builds, and the sources are not copied yet (the dependencies' layer stays cached).
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

# Runtime stage: production dependencies only, the compiled code, the translations and the demo catalogue.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    LOG_FORMAT=json \
    PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build, which needs the dev dependencies; dist/ comes from the build stage.
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY locales ./locales
COPY seed ./seed
# The embedded database (PGlite) and its lock live in /data; `npm run db:backup` writes to /app/backups by default.
RUN mkdir -p /data /app/backups && chown node:node /data /app/backups
USER node
VOLUME ["/data"]
EXPOSE 8080
# Webhook mode serves GET /healthz (200 while the database answers); in polling mode there is no port and the
# check passes while the process runs (dist/src/healthcheck.js).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "dist/src/healthcheck.js"]
# The README's `npm start`, run directly so that node is PID 1 and receives docker stop's SIGTERM (it shuts down
# cleanly: the updates in hand finish and PGlite is flushed), with its V8 memory settings (docs/benchmarks.md).
# test/deploy/start-command.test.ts keeps them equal.
CMD ["node", "--max-semi-space-size=8", "--no-wasm-dynamic-tiering", "--no-wasm-tier-up", "--enable-source-maps", "dist/src/main.js"]
