/**
 * For tests that import the app without a site: any product or KVS call fails loudly, so a test
 * that claims "no I/O happens" is proven right, and a test that needs I/O uses the local site instead.
 */
export function installTestPlatform(): void {
  const g = globalThis as Record<string, unknown>;
  g.__forge_fetch__ = (opts: { type?: string; remote?: string }, path: string) => {
    throw new Error(
      `A test reached the platform (${opts.type ?? '?'} ${opts.remote ?? ''} ${path}) without a local site.`,
    );
  };
}
