// Variable names the build defines without an ARG/ENV in the file.
export const BUILTIN_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy', 'ftp_proxy', 'no_proxy', 'all_proxy',
  'BUILDKIT_SYNTAX', 'BUILDKIT_INLINE_CACHE', 'BUILDKIT_MULTI_PLATFORM', 'BUILDKIT_SANDBOX_HOSTNAME', 'BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'SOURCE_DATE_EPOCH', 'TARGETSTAGE',
]);

/** Names declared by an ARG or ENV instruction's text (`ARG A=1 B`, `ENV A=1 B=2`, `ENV A 1`). */
export function declaredNames(instr: import('dockerfile-ast').Instruction): { name: string; range: import('vscode-languageserver-types').Range }[] {
  const props = (instr as unknown as { getProperties?(): import('dockerfile-ast').Property[] }).getProperties?.() ?? [];
  return props.filter((p) => p.getName()).map((p) => ({ name: p.getName(), range: p.getNameRange() }));
}

export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
