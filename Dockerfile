# syntax=docker/dockerfile:1
# The base is pinned by digest (node:24-bookworm-slim, Node 24.18.0; Renovate or Dependabot
# bump it). Where no registry is reachable, scripts/image-base.sh makes an equivalent base
# locally and the build takes it with --build-arg NODE_IMAGE=… (see docs/deploy.md).
ARG NODE_IMAGE=node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The build's tools are dev dependencies (esbuild; Preact and uPlot for the dashboard).
# --ignore-scripts: the `node` package's install script would download a whole Node binary.
# A registry behind a TLS-intercepting proxy: pass its CA bundle as the build secret npm_ca.
RUN --mount=type=secret,id=npm_ca --mount=type=cache,target=/root/.npm \
    if [ -f /run/secrets/npm_ca ]; then export npm_config_cafile=/run/secrets/npm_ca; fi \
 && npm ci --ignore-scripts --no-audit --no-fund
COPY scripts/build-ui.ts scripts/build-server.ts ./scripts/
COPY src ./src
# dist/ui: the dashboard. dist/server: the server in one bundle (its dynamic imports as chunks,
# so each provider's SDK still loads only when configured) with PGlite's wasm and data beside it.
RUN node scripts/build-ui.ts && node scripts/build-server.ts

# What the process needs of an operating system, and nothing else (no shell, no package
# manager): the Node binary, the shared libraries it links (ldd), and passwd/group naming
# uid 1000. Node carries its own CA certificates and time zone data (ICU).
FROM ${NODE_IMAGE} AS runtime
RUN set -eu; r=/runtime; \
    mkdir -p $r/usr/local/bin $r/etc $r/tmp $r/data $r/app; \
    cp /usr/local/bin/node $r/usr/local/bin/; \
    for lib in $(ldd /usr/local/bin/node | grep -o '/[^ ]*'); do cp --parents -L "$lib" $r; done; \
    printf 'root:x:0:0:root:/root:/sbin/nologin\nnode:x:1000:1000:node:/tmp:/sbin/nologin\n' > $r/etc/passwd; \
    printf 'root:x:0:\nnode:x:1000:\n' > $r/etc/group; \
    printf 'hosts: files dns\n' > $r/etc/nsswitch.conf; \
    chmod 1777 $r/tmp; chown 1000:1000 $r/data

FROM scratch
COPY --from=runtime /runtime /
# glibc's allocator: allocations of 16 KiB and more are mmapped and returned on free, and
# freed heap is trimmed, instead of the garbage of PGlite's first start (initdb, migrations,
# compiling its WebAssembly) staying resident between live blocks: idle RSS with PGlite
# ~250 -> ~195 MB, no measurable CPU cost per request (docs/deploy.md); two arenas for a
# process whose JavaScript runs on one thread (and PGlite's on a second).
ENV PATH=/usr/local/bin \
    NODE_ENV=production \
    PORT=8080 \
    DATA_DIR=/data \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=16384 \
    MALLOC_TRIM_THRESHOLD_=131072
WORKDIR /app
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/dist/ui ./dist/ui
# GraphiQL is a dev dependency (it declares monaco, React and graphiql, ~180 MB, though the
# server only serves its prebuilt bundle): just the files served at /graphiql/<version>/.
COPY --from=build /app/node_modules/@graphql-yoga/graphiql/package.json ./node_modules/@graphql-yoga/graphiql/
COPY --from=build /app/node_modules/@graphql-yoga/graphiql/dist/graphiql.css /app/node_modules/@graphql-yoga/graphiql/dist/yoga-graphiql.umd.js ./node_modules/@graphql-yoga/graphiql/dist/
COPY --from=build /app/node_modules/@graphql-yoga/graphiql/dist/monacoeditorwork ./node_modules/@graphql-yoga/graphiql/dist/monacoeditorwork
# Numeric, so Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
USER 1000:1000
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/server/main.js"]
