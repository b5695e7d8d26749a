// Kubernetes resource quantities: `500m`, `0.5`, `512Mi`, `1G`, `1e3`. Never `512mb` or `1.5 cpu`.
const QUANTITY = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[KMGTPE]i|[numkMGTPE]|[eE][+-]?\d+)?$/;

const SUFFIX: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

export function isQuantity(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && QUANTITY.test(v.trim());
}

/** The value of a quantity as a number (cpu in cores, memory in bytes), or undefined. */
export function quantityValue(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || !isQuantity(v)) return undefined;
  const s = v.trim();
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))([eE][+-]?\d+|[KMGTPE]i|[numkMGTPE])?$/.exec(s);
  if (!m) return undefined;
  const n = Number(m[1]);
  const suf = m[2] ?? '';
  if (/^[eE]/.test(suf)) return n * 10 ** Number(suf.slice(1));
  return n * (SUFFIX[suf] ?? 1);
}

/** A likely intended spelling of a broken quantity (`512mb` → `512Mi`, `1.5 cpu` → `1.5`). */
export function suggestQuantity(v: string): string | undefined {
  const s = v.trim();
  const m = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]+)?$/.exec(s);
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  const map: Record<string, string> = {
    kb: 'Ki', kib: 'Ki', k: 'k', mb: 'Mi', mib: 'Mi', gb: 'Gi', gib: 'Gi', tb: 'Ti', tib: 'Ti', g: 'G', cpu: '', cpus: '', core: '', cores: '', millicores: 'm', mi: 'Mi', gi: 'Gi', ki: 'Ki',
  };
  if (!(unit in map)) return undefined;
  const out = `${m[1]}${map[unit]}`;
  return isQuantity(out) && out !== s ? out : undefined;
}
