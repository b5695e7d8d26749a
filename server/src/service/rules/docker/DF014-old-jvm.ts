// DF014 — a JVM that does not see the container's CPU and memory limits: Java 6/7, Java 8 before
// 8u191, and the retired `java` image (DOCKER-26).
import type { From } from 'dockerfile-ast';
import { safe } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts, splitImage } from './lib/model';

const JDK_REPOS = /^(java|openjdk|adoptopenjdk(\/openjdk8)?|adoptopenjdk\/openjdk[678]|azul\/zulu-openjdk(-alpine)?|ibmjava|amazoncorretto|eclipse-temurin|sapmachine)$/;

export function oldJvm(repo: string, tag: string): boolean {
  if (!JDK_REPOS.test(repo)) return false;
  // the `java` image is retired; its newest build is 8u111
  if (repo === 'java') return true;
  if (/^[67]($|u|-|\.)/.test(tag) || /^1\.[67]/.test(tag)) return true;
  const m = /^(?:8u|1\.8\.0_|8\.0\.)(\d+)/.exec(tag);
  return !!m && Number(m[1]) < 191;
}

export const rule: Rule = {
  id: 'DF014',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    for (const stage of f.stages) {
      const from = stage.from as From;
      if (stage.parent || stage.image.includes('$')) continue;
      const { repo, tag } = splitImage(stage.image);
      if (!oldJvm(repo, tag)) continue;
      const range = safe(() => from.getImageTagRange(), null) ?? safe(() => from.getImageRange(), null);
      if (range) report({ range, args: { image: stage.image } });
    }
  },
};
