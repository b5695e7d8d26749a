// Start-up warm-up texts. V8 compiles the `yaml` parser's functions with optimisation only once
// they are hot *and* have seen every branch they take: a parser warmed on one small sample is
// optimised for that sample's shapes, then deoptimised and recompiled on the user's first real file
// the moment it meets a flow collection, a quoted or block scalar, a comment or an anchor. So the
// warm-up parses a tour of the forms real infra files use, in each family, a few times over.
// Not user-facing: these texts are never shown, only parsed and validated at start-up.

const DOCKERFILE_TOUR = `# A multi-stage build with the instructions and forms real Dockerfiles use
ARG GO_VERSION=1.22
ARG BASE=alpine:3.20

FROM golang:\${GO_VERSION}-bookworm AS build
WORKDIR /src
ENV CGO_ENABLED=0 \\
    GOOS=linux GOFLAGS="-trimpath"
RUN apt-get update \\
    && apt-get install -y --no-install-recommends ca-certificates git make \\
    && rm -rf /var/lib/apt/lists/*
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \\
    --mount=type=cache,target=/root/.cache/go-build \\
    go mod download
COPY . .
RUN <<EOF
set -eu
go build -ldflags="-s -w -X main.version=\${VERSION:-dev}" -o /out/app ./cmd/app
EOF

FROM node:20-slim AS web
WORKDIR /web
COPY web/package*.json ./
RUN npm ci && npm cache clean --force
COPY web/ ./
RUN npm run build

FROM python:3.12-slim AS tools
RUN pip install --no-cache-dir 'requests==2.32.3' && \\
    python -c "import requests; print(requests.__version__)"

FROM \${BASE}
LABEL org.opencontainers.image.title="app" \\
      org.opencontainers.image.source="https://example.com/app"
RUN apk add --no-cache tini curl && addgroup -S app && adduser -S -G app app
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/file.tar.gz /tmp/
COPY --from=build --chown=app:app /out/app /usr/local/bin/app
COPY --from=web --chmod=0644 /web/dist /srv/www
VOLUME ["/data"]
EXPOSE 8080/tcp 9090
USER app
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
HEALTHCHECK --interval=30s --timeout=3s CMD curl -fsS http://localhost:8080/healthz || exit 1
STOPSIGNAL SIGTERM
ENTRYPOINT ["/sbin/tini", "--", "app"]
CMD ["serve", "--port=8080"]
`;

const KUBERNETES_TOUR = `# Kubernetes: the common kinds and every YAML form they use
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # trailing comment
  namespace: "prod"
  labels: {app: web, tier: 'front end', version: "1.2.3"}
  annotations:
    description: >-
      A folded description that
      spans several lines.
    quoted: 'it''s'
spec:
  replicas: 3
  selector:
    matchLabels: &labels
      app: web
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}
  template:
    metadata:
      labels: *labels
    spec:
      serviceAccountName: web
      containers:
        - name: web
          image: "registry.example.com:5000/team/web:1.2.3"
          imagePullPolicy: IfNotPresent
          args: ["--port", "8080", --verbose, 'quoted arg']
          command:
          - /bin/sh
          - -c
          - |
            set -eu
            echo "starting $HOSTNAME" \\
              && exec web
          env:
            - {name: MODE, value: production}
            - name: RATIO
              value: "0.5"
            - name: EMPTY
              value: ""
            - name: PASSWORD
              valueFrom:
                secretKeyRef: {name: web-secret, key: password}
            - name: MULTI
              value: "first line
                second line\\tescaped \\u00e9 \\"q\\""
          envFrom:
          - configMapRef:
              name: web-config
          ports: [{containerPort: 8080, name: http, protocol: TCP}, {containerPort: 9090}]
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits:
              cpu: 1.5
              memory: 1Gi
          livenessProbe:
            httpGet: {path: /healthz, port: http}
            initialDelaySeconds: 10
          readinessProbe:
            exec:
              command: [cat, /tmp/ready]
            periodSeconds: 5
          securityContext:
            runAsNonRoot: true
            runAsUser: 10001
            readOnlyRootFilesystem: yes
            allowPrivilegeEscalation: false
            capabilities: { drop: [ALL] }
          volumeMounts:
            - {name: data, mountPath: /data}
            - name: cfg
              mountPath: /etc/web
              readOnly: true
      volumes:
      - name: data
        emptyDir: {}
      - name: cfg
        configMap:
          name: web-config
          items: []
      nodeSelector: ~
      tolerations:
      -   key: dedicated
          operator: Equal
          effect: NoSchedule
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: prod}
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
  - name: http
    port: 80
    targetPort: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: prod
data:
  app.properties: |
    key=value
    # not a comment in YAML
    other.key = 42

  script.sh: |-
    #!/bin/sh
    for i in 1 2 3; do echo "$i"; done
  indented: |2
      two extra spaces
  folded: >
    folded text
    continues here

    new paragraph
  plain: this plain scalar
    continues on the next line
  number: "42"
  bool: "true"
  url: http://example.com/a?b=c#d
  "quoted.key": v
---
apiVersion: v1
kind: Secret
metadata:
  name: web-secret
  namespace: prod
type: Opaque
stringData:
  password: 'change me'
data:
  token: c2VjcmV0LXRva2Vu
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: prod
  annotations:
    nginx.ingress.kubernetes.io/rewrite-target: /$2
spec:
  ingressClassName: nginx
  tls:
    - hosts: [web.example.com]
      secretName: web-tls
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /api(/|$)(.*)
            pathType: ImplementationSpecific
            backend:
              service:
                name: web
                port: {number: 80}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: prod}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: standard
  resources:
    requests:
      storage: 10Gi
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "*/15 * * * *"
  concurrencyPolicy: Forbid
  jobTemplate:
    spec:
      backoffLimit: 2
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: report
            image: busybox:1.36
            args: [/bin/sh, -c, 'date; echo done']
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader, namespace: prod}
rules:
- apiGroups: [""]
  resources: ["pods", "pods/log"]
  verbs: ["get", "list", "watch"]
...
`;

const COMPOSE_TOUR = `# Compose: the forms a real project file uses
name: shop
x-common: &common
  restart: unless-stopped
  logging:
    driver: json-file
    options: {max-size: "10m", max-file: "3"}
services:
  db:
    <<: *common
    image: postgres:16-alpine
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
      POSTGRES_DB: shop
    secrets: [db_password]
    volumes:
      - pgdata:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U $\${POSTGRES_USER:-postgres}"]
      interval: 10s
      retries: 5
  cache:
    <<: [*common]
    image: 'redis:7'
    command: redis-server --save "" --appendonly no
  app:
    <<: *common
    build:
      context: .
      dockerfile: Dockerfile
      args: [VERSION=1.0, BUILD_DATE]
    image: shop/app:\${TAG:-latest}
    ports:
      - "8080:80"
      - 127.0.0.1:9000:9000/udp
      - target: 443
        published: "8443"
    environment:
      - DATABASE_URL=postgres://db/shop
      - DEBUG=false
    env_file: [.env]
    depends_on:
      db: {condition: service_healthy}
      cache:
        condition: service_started
    command: >
      sh -c "migrate && serve"
    deploy:
      resources:
        limits: {cpus: '0.5', memory: 512M}
    networks: [front, back]
volumes: {pgdata: {}, cache:}
networks:
  front:
  back:
    internal: true
secrets:
  db_password:
    file: ./secrets/db_password.txt
`;

const PLAYBOOK_TOUR = `# Ansible: the forms a real playbook uses
- name: Configure web servers
  hosts: webservers
  become: true
  gather_facts: yes
  vars:
    packages: [nginx, git]
    msg: "{{ greeting | default('hello') }} {{ inventory_hostname }}"
  pre_tasks:
    - ansible.builtin.apt: update_cache=yes cache_valid_time=3600
  tasks:
    - name: Install packages
      ansible.builtin.apt:
        name: "{{ packages }}"
        state: present
      when: ansible_os_family == "Debian"
      notify: restart nginx
    - name: Template config
      ansible.builtin.template: src=nginx.conf.j2 dest=/etc/nginx/nginx.conf mode='0644'
      loop: "{{ sites }}"
      loop_control: {label: "{{ item.name }}"}
      register: result
    - name: Run a script
      ansible.builtin.shell: |
        set -o pipefail
        ./deploy.sh | tee /var/log/deploy.log
      args:
        chdir: /opt/app
      changed_when: "'changed' in result.stdout"
    - block:
        - ansible.builtin.command: /usr/bin/true
          changed_when: false
      rescue:
        - ansible.builtin.debug: {msg: failed}
      always:
        - name: Note
          ansible.builtin.debug:
            var: result
  handlers:
    - name: restart nginx
      ansible.builtin.service: name=nginx state=restarted
`;

/**
 * Each sample's tour and how many copies of it make one warm-up stream: about the fewest that kept
 * the gain on the first real open in the measurements of BENCHMARKS.md (more only lengthen the
 * start).
 */
const TOURS: Record<string, { text: string; copies: number }> = {
  Dockerfile: { text: DOCKERFILE_TOUR, copies: 4 },
  'k8s/deployment.yaml': { text: KUBERNETES_TOUR, copies: 8 },
  'compose.yaml': { text: COMPOSE_TOUR, copies: 2 },
  'site.yml': { text: PLAYBOOK_TOUR, copies: 6 },
};

/**
 * The text the warm-up validates for one sample file: the sample itself first (so a hover on its
 * opening lines lands on real content), then copies of its family's tour. A sample with no tour is
 * returned as it is.
 */
export function warmUpText(samplePath: string, sample: string): string {
  const tour = TOURS[samplePath];
  if (!tour) return sample;
  const parts = [sample.trimEnd()];
  for (let i = 0; i < tour.copies; i++) parts.push(tour.text.trimEnd());
  // a playbook is one YAML list and a Dockerfile one instruction stream: their copies are appended,
  // not separated as more YAML documents
  return samplePath === 'site.yml' || samplePath === 'Dockerfile' ? parts.join('\n') + '\n' : parts.join('\n---\n') + '\n';
}
