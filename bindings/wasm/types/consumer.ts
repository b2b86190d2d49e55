// A typed consumer of the packed package, checked with `tsc --noEmit --strict` (CI stage 20-wasm).
// It must compile: the declarations are precise enough to use without casts.
import init, {
  call,
  evaluate,
  locate,
  operations,
  read,
  restorePlan,
  rules,
  validate,
  type CosmosBackupError,
  type Diagnostic,
  type Evaluation,
  type Operation,
  type RestorePlan,
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
  const monthly: string | undefined = e.results[0]?.cost?.monthlyTotal;
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
  console.log(first, severity, tier, monthly, valid, kinds, codes, where, ops, alsoValid, w, b, line, file, firstAz, armCount);
}

// @ts-expect-error: an unknown operation name is a type error
call("evalute", scenario);
// @ts-expect-error: a number is not an input
evaluate(42);
// @ts-expect-error: locate needs text and pointer
locate({ text: "{}" });
