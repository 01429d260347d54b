/**
 * Loads each ruleset of fixtures/kernel into a throwaway network namespace, sends real packets
 * through it and checks that `fwlint trace` reaches the kernel's verdict at the input hook, by
 * the same rules. The kernel is also checked against the prediction written beside each case,
 * which shows the lab itself works (a probe lost for another reason would look like a drop).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KERNEL_RULESETS, type Verdict } from './cases.js';
import { loadModel, modelPath, packetSpec, traceSpec, type LoadedModel } from './fwlint-side.js';
import { findOnPath, labUnavailableReason, NetnsLab, type KernelOutcome, type PacketAtServer, type ProbeResult } from './netns.js';
import { describePath, kernelPath, samePath } from './path.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixturesDir = path.join(repoRoot, 'fixtures/kernel');

const unavailable = labUnavailableReason();
if (unavailable !== undefined) console.warn(`kernel comparison skipped: ${unavailable}`);
const pingMissing = unavailable === undefined && findOnPath('ping') === undefined;
if (pingMissing) console.warn('ICMP cases skipped: `ping` is not installed (Debian package iputils-ping)');

function describePacket(packet: PacketAtServer): string {
  const ports = packet.proto === 'icmp' ? ' echo-request' : ` ${packet.sport} → ${packet.dport}`;
  return `${packet.proto} ${packet.saddr} → ${packet.daddr}${ports} (ct ${packet.ct})`;
}

/** A reject answers the sender, but for the packet itself it is a drop, as fwlint reports it. */
function kernelVerdict(outcome: KernelOutcome): Verdict | undefined {
  if (outcome === 'accepted') return 'accept';
  if (outcome === 'dropped' || outcome === 'rejected') return 'drop';
  return undefined;
}

interface Row {
  ruleset: string;
  packet: string;
  expected: string;
  kernel: string;
  fwlint: string;
  path: string;
}

const COLUMNS: Row = { ruleset: 'ruleset', packet: 'packet', expected: 'expected', kernel: 'kernel', fwlint: 'fwlint', path: 'path (kernel; fwlint when different)' };

function formatTable(rows: Row[]): string {
  const all = [COLUMNS, ...rows];
  const keys = Object.keys(COLUMNS) as (keyof Row)[];
  const width = (key: keyof Row): number => Math.max(...all.map((row) => row[key].length));
  return all.map((row) => keys.map((key, i) => (i === keys.length - 1 ? row[key] : row[key].padEnd(width(key)))).join(' | ')).join('\n');
}

/** What one comparison found wrong, with the spec that reproduces it in `fwlint trace`. */
interface Disagreement {
  packet: string;
  spec: string;
  problem: string;
}

interface Comparison {
  row: Row;
  agreed: boolean;
  /** The kernel did something the case does not predict, or left no trace: a lab or fixture problem. */
  surprises: string[];
  disagreement?: Disagreement;
}

function compare(
  rulesetFile: string,
  packet: PacketAtServer,
  expected: Verdict,
  kernelResult: ProbeResult,
  positions: ReadonlyMap<string, number>,
  fwlint: LoadedModel,
): Comparison {
  const described = describePacket(packet);
  const spec = packetSpec(packet);
  const traced = traceSpec(fwlint.model, spec);
  const kernel = kernelVerdict(kernelResult.outcome);
  const kernelSteps = kernelResult.trace && kernelPath(kernelResult.trace, positions);
  const fwlintSteps = 'error' in traced ? undefined : modelPath(traced, fwlint.ruleset);
  const verdict = 'error' in traced ? `error: ${traced.error}` : traced.verdict;
  const pathsDiffer = kernelSteps !== undefined && fwlintSteps !== undefined && !samePath(kernelSteps, fwlintSteps);
  const shownPath = kernelSteps === undefined ? '(the trace monitor missed it)' : describePath(kernelSteps);

  const surprises: string[] = [];
  if (kernel !== expected) surprises.push(`${described}: predicted ${expected}, kernel ${kernelResult.outcome}`);
  if (kernelSteps === undefined) surprises.push(`${described}: nft monitor trace did not report it`);
  const agreed = kernel !== undefined && verdict === kernel;
  let problem: string | undefined;
  if (kernel !== undefined && !agreed) problem = `kernel ${kernel}, fwlint ${verdict}`;
  else if (pathsDiffer) problem = `same verdict by another path: kernel ${describePath(kernelSteps)}, fwlint ${describePath(fwlintSteps)}`;

  return {
    row: {
      ruleset: rulesetFile,
      packet: described,
      expected,
      kernel: kernelResult.outcome,
      fwlint: verdict,
      path: pathsDiffer ? `${shownPath}; fwlint: ${describePath(fwlintSteps)}` : shownPath,
    },
    agreed,
    surprises,
    ...(problem === undefined ? {} : { disagreement: { packet: described, spec, problem } }),
  };
}

describe.skipIf(unavailable !== undefined)('fwlint trace agrees with the kernel', () => {
  let lab: NetnsLab | undefined;
  const rows: Row[] = [];
  let agreed = 0;

  beforeAll(async () => {
    lab = await NetnsLab.create();
  });

  afterAll(() => {
    lab?.destroy();
    if (rows.length === 0) return;
    console.log(`${formatTable(rows)}\n${rows.length} packet/ruleset pairs, fwlint's verdict agreed with the kernel on ${agreed}`);
  });

  for (const ruleset of KERNEL_RULESETS) {
    const knownBug = ruleset.knownFwlintBug;
    const title = knownBug === undefined ? "fwlint trace reaches the kernel's verdict by the kernel's path" : `known fwlint bug: ${knownBug}`;
    it(`${ruleset.file}: ${title}`, async () => {
      if (lab === undefined) throw new Error('the lab was not created');
      const file = path.join(fixturesDir, ruleset.file);
      const fwlint = loadModel(file, ruleset.loader);
      expect(fwlint.errors, 'fwlint cannot parse the fixture').toEqual([]);

      const cases = ruleset.cases.filter((entry) => !(pingMissing && entry.packet.proto === 'icmp'));
      lab.loadRuleset(file, ruleset.loader);
      const packets = lab.assignPorts(cases.map((entry) => entry.packet));
      const results = await lab.probe(packets);
      const positions = lab.rulePositions();

      const comparisons = packets.map((packet, i) =>
        compare(ruleset.file, packet, cases[i]!.expected, results[i]!, positions, fwlint),
      );
      rows.push(...comparisons.map((c) => c.row));
      agreed += comparisons.filter((c) => c.agreed).length;
      const surprises = comparisons.flatMap((c) => c.surprises);
      const disagreements = comparisons.flatMap((c) => (c.disagreement ? [c.disagreement] : []));
      expect(surprises, 'the kernel did not do what the case predicts (lab or fixture problem)').toEqual([]);
      if (knownBug === undefined) {
        expect(disagreements, 'fwlint trace disagrees with the kernel').toEqual([]);
      } else {
        console.warn(`${ruleset.file}: known fwlint bug (${knownBug}):\n${JSON.stringify(disagreements, null, 2)}`);
        expect(disagreements, 'fwlint now agrees with the kernel here: remove knownFwlintBug from the case').not.toEqual([]);
      }
    });
  }
});
