# syntax=docker/dockerfile:1
# The Banli worker: the Temporal worker (proposal workflows and their activities), the
# notification relay, the daily digest schedule. Runs the pre-built workflow bundle.
#   docker build -f docker/worker.Dockerfile -t banli-worker .  (from the repository root)
# Base image: the official Node.js image, Debian 12 "bookworm" slim, Node.js 24 LTS (the version the
# project supports: package.json "engines"). Pinned to a patch release; bump it on purpose.
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

# ---- build: every dependency (dev ones too), the same build as `npm start` ----
FROM ${NODE_IMAGE} AS build
# Compilers, only for a native module that has no prebuilt binary for the platform
# (better-sqlite3 then falls back to node-gyp). They stay in this stage.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build bundle-workflows -p web api worker --outputStyle=static
# Production dependencies only, for the runtime stage.
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime: production dependencies and build output only, as a non-root user ----
FROM ${NODE_IMAGE} AS runtime
# fonts-noto-cjk: the serif (小标宋, 仿宋) and sans (黑体) faces embedded in the reply letters'
# PDFs; fonts-wqy-microhei: the fallback CJK font (the worker refuses to start without one).
# A bureau's licensed fonts replace them through BANLI_FONT_TITLE/BODY/HEADING (mount the files).
# tini as PID 1 forwards SIGTERM, so `docker stop` drains the worker.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk fonts-wqy-microhei tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    BANLI_CJK_FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc \
    BANLI_FONT_TITLE=/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc \
    BANLI_FONT_BODY=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc \
    BANLI_FONT_HEADING=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \
    BANLI_DATA_DIR=/app/data
COPY --from=build /app/package.json /app/tsconfig.base.json ./
# The launcher (node scripts/run-app.js <app>), its table of the built apps' paths, and the
# @banli/* alias resolution it loads.
COPY --from=build /app/scripts/run-app.js /app/scripts/built-apps.json /app/scripts/register-paths.js ./scripts/
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/out-tsc ./dist/out-tsc
COPY --from=build /app/dist/workflow-bundle.js ./dist/workflow-bundle.js
# The code belongs to root and is read-only for the process; only data/ is writable.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "scripts/run-app.js", "worker"]
