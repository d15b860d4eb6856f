import crypto from 'node:crypto';
import { publicKeyFromBase64, verifyWithDomain, type Policy, type PolicyResult, type Site } from '../policy';
import type { Clock, Random } from '../shared/ports';
import type { LookupFunction, PinnedFetch } from './beacon-client';
import { BEACON_SIGNATURE_DOMAIN, BeaconAnswerSchema, beaconMessage } from './beacon-protocol';
import { suffixMatches, type DnsSuffixPort } from './dns-suffix';
import { countExternalAddresses, findAddressInRanges, type InterfacesPort } from './interfaces';
import type { CheckResult, Verdict } from './verdict';

export interface EvaluateDeps {
  interfaces: InterfacesPort;
  dnsSuffixes: DnsSuffixPort;
  fetch: PinnedFetch;
  clock: Clock;
  random: Random;
  lookup?: LookupFunction;
}

export const systemRandom: Random = { bytes: (n) => crypto.randomBytes(n) };

/** The verdict the policy alone decides (unmanaged, or refused), or null when the network must be checked. */
export function policyOnlyVerdict(result: PolicyResult, at: number): Verdict | null {
  if (result.kind === 'unmanaged') {
    return { state: 'unmanaged', checks: [{ name: 'policy', ok: true, code: 'unmanaged', reason: result.reason }], at, reason: result.reason };
  }
  if (result.kind === 'rejected') {
    return { state: 'off-network', checks: [{ name: 'policy', ok: false, code: result.code, reason: result.reason }], at, reason: result.reason };
  }
  return null;
}

/**
 * One full evaluation. Cheap pre-checks first (an interface address inside a site's ranges, the DNS suffix where
 * the site names one); then, for every site whose pre-checks pass, the deciding check: the pinned beacon must sign
 * our fresh challenge with the site's key. Office = pre-checks pass and the beacon proves itself.
 */
export async function evaluateNetwork(result: PolicyResult, deps: EvaluateDeps): Promise<Verdict> {
  const early = policyOnlyVerdict(result, deps.clock.now());
  if (early || result.kind !== 'accepted') return early!;
  const { policy } = result;
  const checks: CheckResult[] = [
    {
      name: 'policy',
      ok: true,
      code: 'policy_ok',
      reason: `policy version ${policy.version} signed by ${result.signer}, valid until ${policy.expiresAt}`,
    },
  ];
  const list = deps.interfaces();
  const needDns = policy.sites.some((s) => s.dnsSuffixes);
  const suffixes = needDns ? await deps.dnsSuffixes().catch(() => [] as string[]) : [];

  const candidates: Site[] = [];
  for (const site of policy.sites) {
    const match = findAddressInRanges(list, site.ranges);
    checks.push(
      match
        ? { name: `${site.id}:address`, ok: true, code: 'address_in_range', reason: `${match.address} on ${match.interfaceName} is inside ${match.range}` }
        : {
            name: `${site.id}:address`,
            ok: false,
            code: 'address_not_in_range',
            reason: `none of this computer's ${countExternalAddresses(list)} network addresses is inside ${site.ranges.join(', ')}`,
          },
    );
    let dnsOk = true;
    if (site.dnsSuffixes) {
      const hit = suffixMatches(suffixes, site.dnsSuffixes);
      dnsOk = hit !== null;
      checks.push(
        hit
          ? { name: `${site.id}:dns`, ok: true, code: 'dns_suffix_match', reason: `DNS suffix ${hit} matches ${site.dnsSuffixes.join(', ')}` }
          : {
              name: `${site.id}:dns`,
              ok: false,
              code: 'dns_suffix_mismatch',
              reason: `this computer's DNS suffixes (${suffixes.join(', ') || 'none'}) do not include ${site.dnsSuffixes.join(', ')}`,
            },
      );
    }
    if (match && dnsOk) candidates.push(site);
  }

  const proofs = await Promise.all(candidates.map((site) => proveBeacon(site, policy, deps)));
  for (const site of policy.sites) {
    const i = candidates.indexOf(site);
    checks.push(
      i >= 0 ? proofs[i]! : { name: `${site.id}:beacon`, ok: false, code: 'beacon_skipped', reason: 'not asked: the network pre-checks for this site failed' },
    );
  }
  const at = deps.clock.now();
  const proven = candidates.find((_, i) => proofs[i]!.ok);
  if (proven) {
    return { state: 'office', siteId: proven.id, policyVersion: policy.version, checks, at, reason: `on the office network of site ${proven.id}` };
  }
  const firstFailure = candidates.length ? proofs.find((p) => !p.ok)! : checks.find((c) => !c.ok)!;
  return {
    state: 'off-network',
    policyVersion: policy.version,
    checks,
    at,
    reason: candidates.length
      ? `no site's beacon proved itself (${firstFailure.name}: ${firstFailure.reason})`
      : `this computer is not on any office network named in the policy (${firstFailure.name}: ${firstFailure.reason})`,
  };
}

async function proveBeacon(site: Site, policy: Policy, deps: EvaluateDeps): Promise<CheckResult> {
  const name = `${site.id}:beacon`;
  const fail = (code: string, reason: string): CheckResult => ({ name, ok: false, code, reason });
  const challenge = deps.random.bytes(32).toString('base64url');
  const sentAt = deps.clock.now();
  const res = await deps.fetch({
    url: site.beacon.url,
    pins: site.beacon.pins,
    challenge,
    timeoutMs: policy.checks.graceSeconds * 1000,
    lookup: deps.lookup,
  });
  const receivedAt = deps.clock.now();
  if (!res.ok) return fail(res.code, res.reason);
  if (res.status !== 200) return fail('beacon_http_status', `the beacon answered HTTP ${res.status} instead of a signed answer (a proxy or captive portal in the way?)`);
  if (!/^application\/json\b/i.test(res.contentType)) {
    return fail('beacon_not_json', `the beacon answered with ${res.contentType || 'no content type'} instead of a signed answer (a captive portal's login page?)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch {
    return fail('beacon_not_json', 'the beacon\'s answer is not valid JSON');
  }
  const parsed = BeaconAnswerSchema.safeParse(json);
  if (!parsed.success) return fail('beacon_malformed', 'the beacon\'s answer does not have the fields a Diwan beacon sends');
  const answer = parsed.data;
  if (answer.siteId !== site.id) return fail('beacon_wrong_site', `the beacon answered for site "${answer.siteId}", not "${site.id}"`);
  if (answer.challenge !== challenge) return fail('beacon_challenge_mismatch', 'the answer is for another challenge than the one just sent (a replayed answer)');
  const message = beaconMessage(answer.siteId, answer.challenge, answer.time);
  if (!verifyWithDomain(BEACON_SIGNATURE_DOMAIN, message, answer.signature, publicKeyFromBase64(site.beacon.publicKey))) {
    return fail('beacon_bad_signature', 'the answer is not signed by this site\'s beacon key');
  }
  const skewMs = Math.abs(receivedAt - answer.time);
  if (skewMs > policy.checks.maxClockSkewSeconds * 1000) {
    return fail(
      'beacon_clock_skew',
      `the beacon's clock and this computer's differ by ${Math.round(skewMs / 1000)} s (at most ${policy.checks.maxClockSkewSeconds} s allowed); fix the clock`,
    );
  }
  if (receivedAt - sentAt > policy.checks.freshnessSeconds * 1000) {
    return fail('beacon_stale', `the answer took ${((receivedAt - sentAt) / 1000).toFixed(1)} s (at most ${policy.checks.freshnessSeconds} s allowed)`);
  }
  return { name, ok: true, code: 'beacon_ok', reason: `the beacon at ${new URL(site.beacon.url).host} proved site ${site.id} with a pinned certificate and a fresh signature` };
}
