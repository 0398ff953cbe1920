# syntax=docker/dockerfile:1
# The Banli API (NestJS) with the built web UI, which it serves at /.
#   docker build -f docker/api.Dockerfile -t banli-api .        (from the repository root)
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
# tini as PID 1 forwards SIGTERM to Node, so `docker stop` shuts the API down at once.
# The letters' fonts, as in the worker image: the API renders the supervision documents
# (催办单, 督办通知单, 督办通报) as PDF on download; without a CJK font it answers 503 for them.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-cjk fonts-wqy-microhei tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    BANLI_CJK_FONT=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc \
    BANLI_FONT_TITLE=/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc \
    BANLI_FONT_BODY=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc \
    BANLI_FONT_HEADING=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \
    HOST=0.0.0.0 \
    PORT=3000 \
    BANLI_WEB_DIR=/app/dist/apps/web \
    BANLI_DATA_DIR=/app/data
COPY --from=build /app/package.json /app/tsconfig.base.json ./
# The launcher (node scripts/run-app.js <app>), its table of the built apps' paths, and the
# @banli/* alias resolution it loads.
COPY --from=build /app/scripts/run-app.js /app/scripts/built-apps.json /app/scripts/register-paths.js ./scripts/
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/out-tsc ./dist/out-tsc
COPY --from=build /app/dist/apps/web ./dist/apps/web
# The code belongs to root and is read-only for the process; only data/ is writable.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# Ready = the database and Temporal answer (GET /api/health/ready; 503 otherwise).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "scripts/run-app.js", "api"]
