import { open } from '../../helpers/service';
import { dockerfileInfo, dockerfileModel, shellCommands, variablesInScope } from '../../../server/src/service/languages/docker/model';
const block = `FROM debian:12 AS s{i}
ARG V{i}=1
ENV A{i}=$V{i} B=2
RUN set -ex \\
    && apt-get update \\
    && apt-get install -y --no-install-recommends curl \\
    && rm -rf /var/lib/apt/lists/*
COPY --from=s0 /a /b
`;
let text = '';
for (let i = 0; text.split('\n').length < 5000; i++) text += block.replace(/\{i\}/g, String(i));
for (let round = 0; round < 4; round++) {
const { doc } = open('Dockerfile', text);
let t = performance.now(); dockerfileModel(doc); const a = performance.now() - t;
t = performance.now(); const info = dockerfileInfo(doc); const b = performance.now() - t;
t = performance.now(); for (const i of info.instructions) if (i.getKeyword() === 'RUN') shellCommands(doc, i); const c = performance.now() - t;
t = performance.now(); variablesInScope(doc, { line: 4990, character: 0 }); const d = performance.now() - t;
console.log('parse', a.toFixed(1), 'info', b.toFixed(1), 'sh', c.toFixed(1), 'vars', d.toFixed(1));
}
