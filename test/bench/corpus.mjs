// Benchmark corpus: realistic, deterministic files of the sizes named in issue 8.
//   k8s-5k/deploy.yaml, k8s-50k/…     multi-document Deployments, Services, ConfigMaps, Secrets, Ingresses, PVCs
//   docker/Dockerfile                  ~300-line multi-stage Dockerfile
//   compose/compose.yaml               40 services
//   ansible/site.yml                   ~2 000-line playbook
// Usage: node test/bench/corpus.mjs <folder>   (run.mjs calls generate() itself)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['api', 'web', 'worker', 'billing', 'search', 'auth', 'orders', 'catalog', 'cart', 'mailer', 'reports', 'gateway'];

function k8sApp(i, r) {
  const name = `${APPS[i % APPS.length]}-${i}`;
  const ns = `team-${i % 7}`;
  const port = 8000 + (i % 50);
  const b64 = Buffer.from(`password-${i}-${Math.floor(r() * 1e9)}`).toString('base64');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
spec:
  replicas: ${1 + (i % 4)}
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      serviceAccountName: ${name}
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        fsGroup: 10001
      containers:
        - name: ${name}
          image: registry.example.com/shop/${name}:1.${i % 20}.${i % 7}
          imagePullPolicy: IfNotPresent
          args: ["--port=${port}", "--log-level=info"]
          ports:
            - name: http
              containerPort: ${port}
              protocol: TCP
          env:
            - name: APP_ENV
              value: production
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: ${name}-db
                  key: password
          envFrom:
            - configMapRef:
                name: ${name}-config
          resources:
            requests:
              cpu: ${50 + (i % 10) * 25}m
              memory: ${64 + (i % 8) * 32}Mi
            limits:
              cpu: "1"
              memory: 512Mi
          readinessProbe:
            httpGet:
              path: /ready
              port: http
            periodSeconds: 5
          livenessProbe:
            httpGet:
              path: /healthz
              port: http
            initialDelaySeconds: 10
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
          volumeMounts:
            - name: data
              mountPath: /var/lib/${name}
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: ${name}-data
        - name: tmp
          emptyDir: {}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  type: ClusterIP
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: 80
      targetPort: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}-config
  namespace: ${ns}
data:
  LOG_FORMAT: json
  CACHE_TTL: "${60 + i}"
  FEATURE_FLAGS: "search,recommendations"
  app.properties: |
    server.port=${port}
    cache.size=${100 + i}
---
apiVersion: v1
kind: Secret
metadata:
  name: ${name}-db
  namespace: ${ns}
type: Opaque
data:
  password: ${b64}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  ingressClassName: nginx
  tls:
    - hosts: [${name}.example.com]
      secretName: ${name}-tls
  rules:
    - host: ${name}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: ${name}
                port:
                  name: http
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}-data
  namespace: ${ns}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: standard
  resources:
    requests:
      storage: ${1 + (i % 10)}Gi
`;
}

export function kubernetes(lines) {
  const r = rng(lines);
  const parts = [];
  let n = 0;
  for (let i = 0; n < lines; i++) {
    const app = k8sApp(i, r);
    parts.push(app);
    n += app.split('\n').length;
  }
  return parts.join('---\n');
}

export function dockerfile() {
  const out = ['# syntax=docker/dockerfile:1.7', 'ARG NODE_VERSION=20.11', 'ARG GO_VERSION=1.22', ''];
  const stages = ['deps', 'build', 'test', 'assets', 'docs', 'tools'];
  for (const [k, stage] of stages.entries()) {
    out.push(`FROM node:\${NODE_VERSION}-bookworm-slim AS ${stage}`, 'WORKDIR /src', 'ENV NODE_ENV=production CI=true');
    out.push('RUN apt-get update \\', '    && apt-get install -y --no-install-recommends ca-certificates curl git \\', '    && rm -rf /var/lib/apt/lists/*');
    out.push('COPY package.json package-lock.json ./', 'RUN --mount=type=cache,target=/root/.npm npm ci');
    for (let j = 0; j < 14; j++) {
      out.push(`COPY packages/pkg-${k}-${j}/package.json packages/pkg-${k}-${j}/`);
      out.push(`RUN npm run build --workspace=packages/pkg-${k}-${j} \\`, `    && echo "built ${stage} ${j}"`);
    }
    out.push(`LABEL org.opencontainers.image.title="${stage}"`, '');
  }
  out.push('FROM golang:${GO_VERSION} AS gobuild', 'WORKDIR /go/src/app', 'COPY go.mod go.sum ./', 'RUN go mod download', 'COPY . .',
    'RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app', '');
  out.push('FROM gcr.io/distroless/nodejs20-debian12 AS runtime', 'WORKDIR /app',
    'COPY --from=build /src/dist ./dist', 'COPY --from=deps /src/node_modules ./node_modules', 'COPY --from=gobuild /out/app /usr/local/bin/app',
    'COPY --from=assets /src/public ./public', 'ADD app.tar.gz /opt/', 'EXPOSE 8080', 'USER 10001',
    'HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/local/bin/app", "health"]', 'ENTRYPOINT ["/nodejs/bin/node"]', 'CMD ["dist/server.js"]');
  return `${out.join('\n')}\n`;
}

export function compose(services = 40) {
  const out = ['name: shop', '', 'x-defaults: &defaults', '  restart: unless-stopped', '  logging:', '    driver: json-file', '    options:', '      max-size: "10m"', '', 'services:'];
  for (let i = 0; i < services; i++) {
    const name = `${APPS[i % APPS.length]}-${i}`;
    out.push(`  ${name}:`, '    <<: *defaults', `    image: registry.example.com/shop/${name}:1.${i % 9}.0`);
    if (i % 3 === 0) out.push('    build:', `      context: ./services/${name}`, '      args:', '        NODE_ENV: production');
    out.push('    environment:', `      SERVICE_NAME: ${name}`, '      DATABASE_URL: postgres://shop:${DB_PASSWORD:?}@db-0:5432/shop', '      LOG_LEVEL: info');
    out.push('    ports:', `      - "127.0.0.1:${9000 + i}:8080"`);
    if (i > 0) out.push('    depends_on:', `      ${APPS[(i - 1) % APPS.length]}-${i - 1}:`, '        condition: service_started');
    out.push('    healthcheck:', '      test: ["CMD", "wget", "-qO-", "http://localhost:8080/health"]', '      interval: 10s', '      timeout: 3s', '      retries: 5');
    out.push('    deploy:', '      resources:', '        limits:', '          cpus: "0.5"', '          memory: 256M');
    out.push('    networks: [back]', '    volumes:', `      - ${name}-data:/var/lib/app`);
  }
  out.push('', 'networks:', '  back:', '    driver: bridge', '', 'volumes:');
  for (let i = 0; i < services; i++) out.push(`  ${APPS[i % APPS.length]}-${i}-data: {}`);
  return `${out.join('\n')}\n`;
}

export function playbook(lines = 2000) {
  const out = ['---'];
  let play = 0;
  while (out.length < lines) {
    out.push(`- name: Configure group ${play}`, `  hosts: group_${play}`, '  become: true', '  vars:', `    app_port: ${8000 + play}`, '    packages: [nginx, git, curl]', '  tasks:');
    for (let t = 0; t < 25 && out.length < lines; t++) {
      const k = t % 5;
      if (k === 0) out.push(`    - name: Install packages ${t}`, '      ansible.builtin.apt:', '        name: "{{ packages }}"', '        state: present', '        update_cache: true');
      else if (k === 1) out.push(`    - name: Render config ${t}`, '      ansible.builtin.template:', `        src: templates/app-${t}.conf.j2`, `        dest: /etc/app/app-${t}.conf`, '        mode: "0644"', '      notify: Restart app');
      else if (k === 2) out.push(`    - name: Ensure directory ${t}`, '      ansible.builtin.file:', `        path: /srv/app/${t}`, '        state: directory', '        owner: app', '        mode: "0755"');
      else if (k === 3) out.push(`    - name: Create users ${t}`, '      ansible.builtin.user:', '        name: "{{ item }}"', '        shell: /bin/bash', '      loop: [alice, bob, carol]');
      else out.push(`    - name: Check service ${t}`, '      ansible.builtin.command: systemctl is-active app', '      register: app_state', '      changed_when: false', '      failed_when: app_state.rc not in [0, 3]');
    }
    out.push('  handlers:', '    - name: Restart app', '      ansible.builtin.service:', '        name: app', '        state: restarted');
    play++;
  }
  return `${out.join('\n')}\n`;
}

export const FILES = [
  { id: 'k8s-5k', path: 'k8s-5k/deploy.yaml', languageId: 'yaml', make: () => kubernetes(5000), yaml: true },
  { id: 'k8s-50k', path: 'k8s-50k/deploy.yaml', languageId: 'yaml', make: () => kubernetes(50000), yaml: true },
  { id: 'dockerfile', path: 'docker/Dockerfile', languageId: 'dockerfile', make: dockerfile, yaml: false },
  { id: 'compose', path: 'compose/compose.yaml', languageId: 'dockercompose', make: compose, yaml: true },
  { id: 'playbook', path: 'ansible/site.yml', languageId: 'ansible', make: playbook, yaml: true },
];

/** Writes the corpus under `root`; returns [{ ...file, abs, text, lines }]. */
export function generate(root) {
  return FILES.map((f) => {
    const text = f.make();
    const abs = join(root, f.path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return { ...f, abs, text, lines: text.split('\n').length - 1 };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2];
  if (!root) {
    console.error('usage: node test/bench/corpus.mjs <folder>');
    process.exit(2);
  }
  for (const f of generate(root)) console.log(`${f.path}: ${f.lines} lines, ${f.text.length} bytes`);
}
