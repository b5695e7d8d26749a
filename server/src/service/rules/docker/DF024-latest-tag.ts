// DF024 — FROM an image pinned to `latest`: it moves under you (hadolint DL3007).
import { safe } from '../../languages/docker/model';
import type { Rule } from '../types';
import { facts, splitImage } from './lib/model';

export const rule: Rule = {
  id: 'DF024',
  kinds: ['dockerfile'],
  check({ doc, report }) {
    for (const stage of facts(doc).stages) {
      const { tag, digest } = splitImage(stage.image);
      if (tag !== 'latest' || digest) continue;
      const range = safe(() => stage.from.getImageTagRange(), null);
      if (range) report({ range, args: { image: stage.image } });
    }
  },
};
