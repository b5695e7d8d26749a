// K8S033 — an image with `:latest` or no tag (and no digest): nodes may run different versions (DOCKER-11).
// Not when a kustomization near the file pins that image (`images:` with `newTag` or `digest`), or
// rewrites the object's container image with `replacements:` (the tag taken from a ConfigMap).
import { containers, getPair, objects, scalarString } from '../../languages/kubernetes/model';
import { parseImage, type ImageRef } from '../../languages/kubernetes/image';
import { kustomizeImageReplacementTargets, kustomizePinnedImages } from '../../languages/kubernetes/workspace';
import type { Rule } from '../types';
import { valueRangeOf } from './util';

export const rule: Rule = {
  id: 'K8S033',
  kinds: ['kubernetes'],
  check(ctx) {
    const { doc, report } = ctx;
    let pinned: ImageRef[] | undefined;
    for (const o of objects(doc)) {
      const cs = containers(o);
      if (cs.length && kustomizeImageReplacementTargets(doc, ctx).some((t) => (!t.kind || t.kind === o.kind) && (!t.name || t.name === o.name))) continue;
      for (const c of cs) {
        const pair = getPair(c.node, 'image');
        const v = scalarString(pair?.value);
        const img = v ? parseImage(v) : undefined;
        if (!pair || !img || img.digest || (img.tag && img.tag !== 'latest')) continue;
        pinned ??= [...kustomizePinnedImages(doc, ctx)].map(parseImage).filter((p): p is ImageRef => !!p);
        if (pinned.some((p) => p.registry === img.registry && p.repository === img.repository)) continue;
        report({ range: valueRangeOf(doc, pair)!, args: { image: v! } });
      }
    }
  },
};
