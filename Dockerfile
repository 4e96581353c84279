# syntax=docker/dockerfile:1
# One image for both processes of raci-engine, chosen by its command (see docs/deployment.md):
#   docker run … raci-engine                                                    the API (the default)
#   docker run … raci-engine node --max-old-space-size=256 dist/apps/worker/src/main.js   the worker
# The build runs the very commands CI runs (`npm ci`, `npm run build`), and the two commands are
# package.json's `start:api` and `start:worker` without their build: test/deployment checks all three.

# ---- build: every dependency, the server (swc) and the console (Vite) into dist/
FROM node:20.20.2-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build
# The runtime needs only the production dependencies (better-sqlite3's addon is built above, for
# the same Debian and Node as the runtime stage).
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime: Node, the production dependencies, dist/ and the default matrix; no compiler, no npm run
FROM node:20.20.2-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/config ./config
# var/: the SQLite file and the mail folder when DATABASE_URL or SMTP_URL is unset; owned by the user
# the engine runs as, like everything it may write.
RUN mkdir -p var && chown node:node var
USER node
EXPOSE 3000
# The API's /health (database and Redis); the worker has no HTTP listener, so its services disable
# this check (docker-compose.yml, docs/deployment.md).
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--max-old-space-size=256", "dist/apps/api/src/main.js"]
