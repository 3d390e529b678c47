# Grove server image: Node 20 with git and Mercurial. Build: docker build -t grove .
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ git \
 && rm -rf /var/lib/apt/lists/*
RUN npm install --global pnpm@10.34.8
WORKDIR /src
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm exec nx run-many -t build --projects cli,web --output-style=static \
 && pnpm deploy --filter @grove/cli --prod --legacy /app \
 && cp -r apps/web/dist /app/web

FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends git mercurial ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --create-home --home-dir /home/grove grove \
 && mkdir -p /data && chown grove /data
COPY --from=build /app /app
USER grove
ENV GROVE_HOST=0.0.0.0 \
    GROVE_PORT=5000 \
    GROVE_DATA_DIR=/data \
    GROVE_WEB_DIR=/app/web \
    NODE_ENV=production
EXPOSE 5000 2222
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.GROVE_PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "/app/dist/main.js", "serve"]
