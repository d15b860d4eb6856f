import { describe, expect, it } from 'vitest';
import { identityPolicyFrom } from '../../main/core/app/identity-policy';
import { PolicySchema } from '../../main/core/policy';
import { policyBody } from '../helpers/network';

const SITE = {
  id: 'hq',
  ranges: ['10.20.0.0/16'],
  beacon: { url: 'https://beacon.hq.example:8443', pins: ['A'.repeat(43) + '='], publicKey: 'B'.repeat(43) + '=' },
};

describe('the identity part of a signed IT policy', () => {
  it('maps per-type reveal rules to roles, approvals and the shortest grant', () => {
    const policy = PolicySchema.parse({
      ...(policyBody([SITE]) as object),
      requireTwoFactor: false,
      enrolledDevices: ['AB12:CD34:EF56:7890'],
      privilegedUsers: [{ username: 'lina', role: 'lead' }],
      reveal: {
        PHONE: { roles: ['agent', 'lead'], durationSeconds: 300, requiresApproval: false },
        NATIONAL_ID: { roles: ['lead', 'not-a-role'], durationSeconds: 120, requiresApproval: true },
      },
    });
    expect(identityPolicyFrom(policy)).toEqual({
      requireTwoFactor: false,
      enrolledDevices: ['AB12:CD34:EF56:7890'],
      privilegedUsers: [{ username: 'lina', role: 'lead' }],
      reveal: {
        allowedTypes: { agent: ['PHONE'], lead: ['PHONE', 'NATIONAL_ID'] },
        approvalRequired: ['NATIONAL_ID'],
        grantMinutes: 2,
      },
    });
  });

  it('never grants longer than the policy allows, even under a minute', () => {
    const policy = PolicySchema.parse({
      ...(policyBody([SITE]) as object),
      reveal: { OTP: { roles: ['lead'], durationSeconds: 30, requiresApproval: true } },
    });
    expect(identityPolicyFrom(policy).reveal?.grantMinutes).toBe(0.5);
  });

  it('keeps Diwan’s reveal defaults when the policy names no reveal rules', () => {
    const policy = PolicySchema.parse(policyBody([SITE]));
    expect(identityPolicyFrom(policy)).toEqual({ privilegedUsers: [], requireTwoFactor: true, enrolledDevices: undefined });
  });
});
