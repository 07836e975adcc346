import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LATENCY_MS, type ScenarioResult } from './harness';
import { rolesPanelCold } from './scenarios/roles-panel-cold';
import { bulkApply1000 } from './scenarios/bulk-apply';
import { overview50x2000 } from './scenarios/overview';
import { escalationSweep10k, escalationTriggerMix } from './scenarios/escalation-sweep';

/** `npm run bench`: every scenario, Accord beside its naive baseline, into bench/results.json. */
const scenarios: Array<() => Promise<ScenarioResult>> = [
  rolesPanelCold,
  bulkApply1000,
  overview50x2000,
  escalationSweep10k,
  escalationTriggerMix,
];

async function main(): Promise<void> {
  const results: ScenarioResult[] = [];
  for (const run of scenarios) {
    const r = await run();
    results.push(r);
    const row = (who: string, m: ScenarioResult['accord']) =>
      `  ${who.padEnd(9)} product calls ${String(m.productCalls).padStart(6)} · KVS r/w ${m.kvsReads}/${m.kvsWrites} · ` +
      `invocations ${m.invocations} · simulated ${m.simulatedMs} ms · compute ${m.computeMs} ms · peak heap ${m.peakHeapMiB} MiB`;
    console.log(
      `${r.scenario}: ${r.description}\n${row('accord', r.accord)}\n${row('baseline', r.baseline)}`,
    );
  }
  const out = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    latencyMsPerCall: LATENCY_MS,
    results,
  };
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(out, null, 2) + '\n');
  console.log(`Wrote bench/results.json (${results.length} scenario${results.length === 1 ? '' : 's'}).`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
