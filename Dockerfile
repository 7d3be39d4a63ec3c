# Briefbot production image.
#   docker build -t briefbot .
#   docker run --env-file .env -v briefbot-corpus:/app/corpus -v briefbot-data:/app/data -p 8080:8080 briefbot
# Stages: deps (production node_modules, native modules compiled) -> build (tsc) -> runtime (small, non-root).

ARG NODE_VERSION=20

# --- production dependencies ------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS deps
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary matches the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# `prepare` runs scripts/build-if-possible.mjs, which skips the build without TypeScript.
COPY scripts/build-if-possible.mjs scripts/
RUN npm ci --omit=dev && npm cache clean --force

# --- compile TypeScript -----------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: the sources are not here yet, and the compiler needs no native modules.
RUN npm ci --ignore-scripts
COPY tsconfig.json ./
COPY src ./src
COPY commands ./commands
COPY scripts ./scripts
COPY bench ./bench
RUN npx tsc -p .

# --- runtime ----------------------------------------------------------------------
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    CORPUS_DIR=/app/corpus \
    DATA_DIR=/app/data \
    HEALTH_PORT=8080 \
    PORT=3000
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY package.json ./
COPY bin ./bin
# The seed articles pre-fill the corpus volume on first use; mount your own folder instead.
COPY --chown=node:node seeds ./corpus
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/corpus", "/app/data"]
# The official image's unprivileged user (uid 1000).
USER node
# /health (Docker, orchestrators); 3000 only for the Slack HTTP receiver (no SLACK_APP_TOKEN).
EXPOSE 8080 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HEALTH_PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# docker stop sends SIGTERM to node itself (exec form: node is PID 1, no shell between).
# main.ts then stops taking commands (new ones hear "restarting"), delivers the answers
# in flight, checkpoints and closes the database and exits 0, inside Docker's 10 s.
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
