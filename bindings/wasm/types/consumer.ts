// A typed consumer of the packed package, checked with `tsc --noEmit --strict` (CI stage 20-wasm).
// It must compile: the declarations are precise enough to use without casts.
import init, {
  call,
  evaluate,
  priceFleet,
  priceSheet,
  project,
  whatIf,
  locate,
  operations,
  read,
  restorePlan,
  rules,
  validate,
  type Cost,
  type CosmosBackupError,
  type Diagnostic,
  type Evaluation,
  type Operation,
  type RestorePlan,
  type Price,
  type Scenario,
  type Severity,
} from "cosmos-backup";
import * as bundler from "cosmos-backup/bundler";
import * as web from "cosmos-backup/web";

const scenario: Scenario = {
  now: "2026-11-21T00:00:00Z",
  account: { properties: { backupPolicy: { type: "Periodic" } } },
};

export async function main(): Promise<void> {
  await init();
  const e: Evaluation = evaluate(scenario);
  const first: Diagnostic | undefined = e.results[0]?.diagnostics[0];
  const severity: Severity | undefined = first?.severity;
  const tier: "Continuous7Days" | "Continuous30Days" | "Continuous35Days" | undefined = e.results[0]?.effectivePolicy?.tier;
  // `null` where the engine writes `null` (an `Option` without usage), never `undefined`-only.
  const monthly: string | null | undefined = e.results[0]?.cost?.monthlyTotal;
  const cost = e.results[0]?.cost;
  if (cost !== undefined) {
    const c: Cost | null = cost;
    // @ts-expect-error: `cost` is `null` without usage, so it is not `Cost | undefined`
    const wrong: Cost | undefined = cost;
    console.log(c, wrong);
  }
  const name: string | null = e.results[0]?.name ?? null;
  const byKind: Record<string, string> = priceFleet({ scenarios: [] }).totals[0]?.byKind ?? {};
  const prices: Price[] = priceSheet().prices;
  const valid: boolean = validate(JSON.stringify(scenario)).valid;
  const kinds: string[] = read(scenario).map((f) => f.kind);
  const codes: string[] = rules().map((r) => r.code);
  const where: { line: number; column: number } | null = locate({ text: "{}", pointer: "" });
  const ops: Operation[] = operations();
  const plan: RestorePlan = restorePlan({ ...scenario, plan: { incidentTime: "2026-11-20T09:00:00Z", restore: { databases: [{ name: "db1", containers: ["c1"] }] }, target: { accountName: "copy", resourceGroup: "rg" } } });
  const firstAz: string | undefined = plan.steps[0]?.az;
  const armCount: number = plan.arm.length;
  const fromText: Evaluation = evaluate({ now: "2026-11-21T00:00:00Z", account: { format: "jsonc", file: "a.jsonc", text: "{} // empty" } });
  const line: number | undefined = fromText.results[0]?.diagnostics[0]?.location?.line;
  const file: string | undefined = fromText.diagnostics[0]?.location?.file;
  const v = call("validate", scenario);
  const alsoValid: boolean = v.valid;
  const w: Evaluation = web.evaluate(scenario);
  const b: Evaluation = bundler.evaluate("{}");
  try {
    evaluate("{");
  } catch (err) {
    const e2 = err as CosmosBackupError;
    const code: string = e2.code;
    const path: string | undefined = e2.diagnostics[0]?.path;
    console.log(code, path);
  }
  console.log(name, byKind, prices, first, severity, tier, monthly, valid, kinds, codes, where, ops, alsoValid, w, b, line, file, firstAz, armCount);
}

// @ts-expect-error: an unknown operation name is a type error
call("evalute", scenario);
// @ts-expect-error: a number is not an input
evaluate(42);
// @ts-expect-error: locate needs text and pointer
locate({ text: "{}" });

// Precise inputs: the pricing operations take the scenario and plan shapes, so a misspelled key
// or a wrong enum value fails to compile.
const withUsage: Scenario = { ...scenario, usage: { dataSizeGb: 1000, restoresPerMonth: "1" } };
const projection = project({ scenario: withUsage, months: 24, growth: { type: "compound", percentPerMonth: 5 }, regionsAdded: [{ month: 4, region: "westeurope" }] });
const growthTotal: string = projection.months[0]?.monthlyTotal ?? "";
const options = whatIf({ scenario: withUsage, requiredWindowDays: 14, options: [{ type: "Continuous", continuousModeProperties: { tier: "Continuous7Days" } }, { backupPolicy: { type: "Periodic", periodicModeProperties: { backupStorageRedundancy: "Zone" } } }] });
const cheapest: string | null = options.cheapest;
const fleet = priceFleet([withUsage]);
const fleetRows: number = priceFleet({ scenarios: [withUsage], rows: false }).accounts.length + fleet.accounts.length;
console.log(growthTotal, cheapest, fleetRows);
// @ts-expect-error: misspelled usage key (`dataSizeGB`)
project({ scenario: { ...scenario, usage: { dataSizeGB: 1000 } } });
// @ts-expect-error: misspelled plan key (`month` for `months`)
project({ scenario: withUsage, month: 24 });
// @ts-expect-error: growth of an unknown type
project({ scenario: withUsage, growth: { type: "exponential", percentPerMonth: 5 } });
// @ts-expect-error: misspelled what-if key (`requiredWindowDay`)
whatIf({ scenario: withUsage, requiredWindowDay: 14 });
// @ts-expect-error: a tier the engine does not know
whatIf({ scenario: withUsage, options: [{ type: "Continuous", continuousModeProperties: { tier: "Continuous14Days" } }] });
// @ts-expect-error: misspelled fleet key (`scenario` for `scenarios`)
priceFleet({ scenario: [withUsage] });
// @ts-expect-error: misspelled scenario key inside a fleet (`usgae`)
priceFleet({ scenarios: [{ now: "2026-11-21T00:00:00Z", usgae: { dataSizeGb: 1 } }] });
// @ts-expect-error: a nullable answer field is not `undefined`-only
const noName: string | undefined = options.name;
console.log(noName);
