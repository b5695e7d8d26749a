// What the Dockerfile rules read, as a thin view over the Dockerfile model of the language side
// (languages/docker/model.ts: one parse, one stage split, one shell splitter per document version):
// stages with their parent stage and the instructions after FROM, the stages that end up in the
// final image, the base image and distribution of a stage, COPY/ADD sources.
import type { Argument, Dockerfile, From, Instruction, JSONArgument } from 'dockerfile-ast';
import type { InfraDocument } from '../../../documents/document';
import {
  dockerfileInfo, escapeChar, flagsOf, jsonArgs, parseImageRef, runCommands, safe, type Stage as ModelStage, type ShellCommand,
} from '../../../languages/docker/model';

export interface Stage {
  index: number;
  from: From;
  /** the `AS name` in lower case */
  name?: string;
  /** the image as written (`node:20-alpine`, `builder`, `$BASE`) */
  image: string;
  /** the earlier stage this one builds on (FROM builder) */
  parent?: Stage;
  /** instructions after FROM up to the next FROM */
  instructions: Instruction[];
  /** the stage of the shared model */
  model: ModelStage;
}

export interface DockerFacts {
  df: Dockerfile;
  escape: string;
  /** ARG instructions before the first FROM */
  globalArgs: Instruction[];
  stages: Stage[];
  /** stages whose files end up in the final image: the last stage and the stages it is FROM */
  shipped: Set<Stage>;
  stageOf(instr: Instruction): Stage | undefined;
  /** the shell commands of a RUN/CMD/ENTRYPOINT/HEALTHCHECK in shell form (or its `sh -c` string) */
  commands(instr: Instruction): ShellCommand[];
}

export function facts(doc: InfraDocument): DockerFacts {
  return doc.cached('docker-rules-facts', () => build(doc));
}

function build(doc: InfraDocument): DockerFacts {
  const info = dockerfileInfo(doc);
  const stages: Stage[] = [];
  const stageByInstr = new Map<Instruction, Stage>();
  for (const m of info.stages) {
    const stage: Stage = {
      index: m.index,
      from: m.from,
      name: m.name?.toLowerCase(),
      image: m.image,
      parent: m.parent === undefined ? undefined : stages[m.parent],
      instructions: m.instructions.slice(1),
      model: m,
    };
    stages.push(stage);
    for (const instr of m.instructions) stageByInstr.set(instr, stage);
  }
  const shipped = new Set<Stage>();
  for (let s: Stage | undefined = stages[stages.length - 1]; s && !shipped.has(s); s = s.parent) shipped.add(s);
  return {
    df: info.ast,
    escape: escapeChar(doc),
    globalArgs: info.globalArgs,
    stages,
    shipped,
    stageOf: (i) => stageByInstr.get(i),
    commands: (i) => runCommands(doc, i),
  };
}

/** RUN --mount=type=cache,target=/var/cache/apt … : the cache targets of a RUN. */
export function cacheMounts(instr: Instruction): string[] {
  const out: string[] = [];
  for (const f of flagsOf(instr)) {
    if (f.getName() !== 'mount') continue;
    const v = f.getValue() ?? '';
    if (!/(^|,)type=cache(,|$)/.test(v)) continue;
    const m = /(?:^|,)(?:target|dst|destination)=([^,]+)/.exec(v);
    if (m) out.push(m[1].replace(/^["']|["']$/g, ''));
  }
  return out;
}

/** The base image of a stage after following stage parents (`FROM builder` → builder's image). */
export function baseImage(stage: Stage): string {
  let s = stage;
  const seen = new Set<Stage>();
  while (s.parent && !seen.has(s)) {
    seen.add(s);
    s = s.parent;
  }
  return s.image.toLowerCase();
}

/** repository (without registry and `library/`, lower case), tag (lower case) and digest of an image reference. */
export function splitImage(image: string): { repo: string; tag: string; digest: string } {
  const ref = parseImageRef(image);
  return { repo: ref.repository.replace(/^library\//, '').toLowerCase(), tag: (ref.tag ?? '').toLowerCase(), digest: ref.digest ?? '' };
}

export type Distro = 'alpine' | 'debian' | 'rhel' | 'unknown';

/** A guess at the distribution of a stage from its image reference. */
export function distroOf(stage: Stage): Distro {
  const { repo, tag } = splitImage(baseImage(stage));
  const last = repo.split('/').pop() ?? repo;
  if (last === 'alpine' || /(^|[-.])alpine/.test(tag)) return 'alpine';
  if (['debian', 'ubuntu', 'buildpack-deps'].includes(last) || /(bookworm|bullseye|buster|stretch|trixie|jammy|focal|noble|bionic|slim)/.test(tag)) return 'debian';
  if (/^(ubi\d*|ubi\d+-\w+|centos|fedora|rockylinux|almalinux|oraclelinux|amazonlinux)/.test(last) || /(^|\/)ubi\d/.test(repo)) return 'rhel';
  return 'unknown';
}

/** Whole-context sources: `.`, `./`. */
export function isWholeContext(src: string): boolean {
  return src === '.' || src === './' || src === '*' || src === './*';
}

/** COPY/ADD sources and destination (JSON strings decoded, with the ranges of their quoted form); none for heredocs. */
export function copyArgs(instr: Instruction): { sources: Argument[]; dest?: Argument } {
  const decoded = jsonArgs(instr);
  if (decoded) {
    const json = safe(() => (instr as unknown as { getJSONStrings(): JSONArgument[] }).getJSONStrings(), []);
    const args = json.map((j, k) => {
      const value = decoded[k];
      return { getValue: () => value, getRange: () => j.getRange() } as unknown as Argument;
    });
    return args.length < 2 ? { sources: [] } : { sources: args.slice(0, -1), dest: args[args.length - 1] };
  }
  const args = instr.getArguments();
  // COPY <<EOF /path: the source is inline text, not a file of the context
  if (args.length < 2 || args.some((a) => a.getValue().startsWith('<<'))) return { sources: [] };
  return { sources: args.slice(0, -1), dest: args[args.length - 1] };
}
