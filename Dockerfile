# syntax=docker/dockerfile:1
FROM node:24-bookworm-slim AS ui
WORKDIR /app
COPY package.json package-lock.json ./
# The dashboard is bundled with the dev dependencies (esbuild, Preact, uPlot); only dist/ui ships.
RUN npm ci --ignore-scripts
COPY scripts ./scripts
COPY src ./src
RUN node scripts/build-ui.ts

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# The image already has Node 24: drop the pinned `node` package that laptops use. (`prepare`
# finds no bundler here and leaves the dashboard to the ui stage.)
RUN npm ci --omit=dev && rm -rf node_modules/node node_modules/.bin/node && npm cache clean --force

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    PORT=8080 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY --from=ui /app/dist/ui ./dist/ui
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 8080
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "src/main.ts"]
