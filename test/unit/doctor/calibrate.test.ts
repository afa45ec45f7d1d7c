import { describe, expect, it } from 'vitest';
import { CALIBRATION_KNOTS, calibrated } from '../../../electron/services/doctor/calibrate';
import { decidingFact } from '../../../electron/services/doctor/deciding';
import { diagnose } from '../../../electron/services/doctor/diagnose';

describe('doctor confidence calibration', () => {
  it('is monotone and stays within the knots', () => {
    let previous = 0;
    for (let raw = 0; raw <= 1; raw += 0.01) {
      const value = calibrated(raw);
      expect(value).toBeGreaterThanOrEqual(previous - 1e-9);
      expect(value).toBeLessThanOrEqual(CALIBRATION_KNOTS[CALIBRATION_KNOTS.length - 1]![1]);
      previous = value;
    }
  });

  it('gives a weak-clue guess a low confidence and a specific AWS code a high one', async () => {
    const [weak] = (await diagnose([{ name: 'a', text: 'Our deploy fails, I think the firewall in our VPC is the problem.' }])).findings;
    const [strong] = (
      await diagnose([
        {
          name: 'b',
          text: 'An error occurred (RequestTimeTooSkewed): The difference between the request time and the current time is too large.',
        },
      ])
    ).findings;
    expect(weak?.class).toBe('network_unreachable');
    expect(weak!.confidence).toBeLessThan(0.6);
    expect(strong?.class).toBe('clock_skew');
    expect(strong!.confidence).toBeGreaterThan(0.85);
  });
});

describe('the fact that decides between the first two classes', () => {
  it('is named for a known pair in either order', () => {
    expect(decidingFact('missing_session_token', 'invalid_access_key_id')).toMatch(/ASIA/);
    expect(decidingFact('invalid_access_key_id', 'missing_session_token')).toMatch(/ASIA/);
    expect(decidingFact('throttling', 'tls_certificate_error')).toBeNull();
  });

  it('comes first in a finding whose runner-up is close', async () => {
    const [first] = (
      await diagnose([
        {
          name: 'c',
          text: 'An error occurred (AuthFailure) when calling the DescribeInstances operation: AWS was not able to validate the provided access credentials in region ap-east-1',
        },
      ])
    ).findings;
    expect(first?.decidingFacts[0]).toMatch(/opt-in region|enabled for the account/);
  });
});
