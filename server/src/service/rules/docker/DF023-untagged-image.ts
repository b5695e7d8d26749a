// DF023 — FROM an image without a tag or digest: it silently means `latest` (hadolint DL3006).
import { safe } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts, splitImage } from './lib/model';

export const rule: Rule = {
  id: 'DF023',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    const f = facts(doc);
    const names = new Set<string>();
    for (const stage of f.stages) {
      const image = stage.image;
      const known = names.has(image.toLowerCase());
      if (stage.name) names.add(stage.name);
      if (!image || known || image.includes('$') || image.toLowerCase() === 'scratch') continue;
      const { tag, digest } = splitImage(image);
      if (tag || digest) continue;
      const range = safe(() => stage.from.getImageRange(), null);
      if (range) report({ range, args: { image } });
    }
  },
};
