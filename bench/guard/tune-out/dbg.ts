import { findSecretRequests } from '/work/wt-outbound29/main/core/guard/outbound/classify';
import { clauses, normalizeText } from '/work/wt-outbound29/main/core/guard/text/clauses';
for (const t of process.argv.slice(2)) {
  console.log('---', t);
  console.log(clauses(normalizeText(t, { markQuotes: true })).map((c) => c.text).join(' | '));
  console.log(JSON.stringify(findSecretRequests(t, { phoneAndActivationOnly: true })));
}
