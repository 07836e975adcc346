import { createSite } from './site';

/** `npm start` (and `npm start -- --reset`): runs the local Accord site until interrupted. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const reset = args.includes('--reset');
  const exitAfter = args.includes('--exit');
  const port = Number(process.env.PORT ?? 8787);
  const dataDir = process.env.ACCORD_DATA_DIR ?? '.accord';
  const site = await createSite({ dataDir, port: exitAfter ? 0 : port, reset });
  if (exitAfter) {
    await site.close();
    console.log(reset ? `Reset ${dataDir} to the demo seed.` : 'Done.');
    return;
  }
  console.log(`Accord local site on ${site.url.replace('127.0.0.1', 'localhost')} (data in ${dataDir})`);
  console.log(`  Jira issue:       ${site.url}/jira/browse/LAUNCH-2`);
  console.log(`  Confluence brief: ${site.url}/wiki/spaces/LAUNCH`);
  const stop = () => void site.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
