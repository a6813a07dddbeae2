// A TypeScript consumer that uses every type and function the package
// exports. `tsc --strict` must accept it; each `@ts-expect-error` line is a
// misuse the types must refuse (an unused directive is itself an error).
import { init, verify } from "cler-verifier";
import type {
  AchievementSummary,
  Check,
  CheckId,
  Child,
  ExpectedRecipient,
  FetchLike,
  Input,
  IssuerRegistry,
  Limits,
  Lookup,
  Outcome,
  Party,
  Problem,
  RegistryEntry,
  Report,
  ResponseLike,
  Summary,
  TrustedIssuer,
  TrustedIssuerList,
  TrustedIssuers,
  Verdict,
  VerifyOptions,
  WasmSource,
} from "cler-verifier";
import type {
  CleVerifierElement,
  CleVerifierElementEventMap,
  CleVerifierErrorDetail,
  CleVerifierErrorEvent,
  CleVerifierVerifiedEvent,
} from "cler-verifier/element";

const source: WasmSource = new URL("https://example.org/cler_verifier_bg.wasm");
const limits: Limits = { maxInputBytes: 1 << 20, maxDepth: 32, maxCredentials: 10, maxQuads: 1000, maxCanonCalls: 100, maxProofs: 2, maxContexts: 8 };
const recipient: ExpectedRecipient = { identity: "Sam Learner", type: "name" };
const rule: TrustedIssuer = { prefix: "did:web:example.edu", name: "Example University" };
const list: TrustedIssuerList = { name: "Registrars", issuers: ["did:key:z6Mk", rule] };
const entry: RegistryEntry = { name: "Example University" };
const registry: IssuerRegistry = { registry: { "did:web:example.edu": entry } };
const trusted: TrustedIssuers = Math.random() < 0.5 ? list : registry;
const response: ResponseLike = { status: 404, arrayBuffer: async () => new ArrayBuffer(0) };
const lookup: FetchLike = async (url) => (url.startsWith("https://") ? response : null);
const options: VerifyOptions = {
  now: new Date(0),
  offline: false,
  fetch: lookup,
  lookupTimeoutMs: 5000,
  contexts: { "https://example.org/context.json": { "@context": {} } },
  limits,
  expectedRecipient: recipient,
  trustedIssuers: trusted,
};

/** One line per check, with its problem code when it did not pass. */
function describe(check: Check): string {
  const id: CheckId = check.id;
  const outcome: Outcome = check.outcome;
  const problem: Problem | undefined = check.problem;
  return `${id} ${outcome} ${check.target ?? ""} ${check.message} ${problem?.code ?? ""} ${problem?.w3c ?? ""} ${problem?.detail ?? ""}`;
}

/** Who issued what to whom, as the record says. */
function says(summary: Summary): string {
  const issuer: Party = summary.issuer;
  const achievement: AchievementSummary | undefined = summary.achievement;
  return [summary.id, summary.family, summary.name, ...summary.types, issuer.id, issuer.name, summary.subject.name,
    achievement?.id, achievement?.name, achievement?.description, achievement?.criteria, achievement?.achievementType,
    summary.validFrom, summary.validUntil].join(" ");
}

/** Every line of a report and of the reports inside it. */
function lines(report: Report): string[] {
  const verdict: Verdict = report.verdict;
  const children: Child[] = report.children ?? [];
  const lookups: Lookup[] = report.lookups ?? [];
  return [
    `${verdict} ${report.headline} ${report.source}`,
    report.credential ? says(report.credential) : "",
    ...report.checks.map(describe),
    ...lookups.map((l) => `${l.url} ${l.purpose} ${l.outcome} ${l.detail ?? ""}`),
    ...children.flatMap((child) => [`${child.relation} ${child.pointer}`, ...lines(child.report)]),
  ];
}

/** The element's report, events and method, typed. */
function watch(element: CleVerifierElement): void {
  element.addEventListener("verified", (event: CleVerifierVerifiedEvent) => lines(event.detail));
  element.addEventListener("error", (event: CleVerifierErrorEvent) => {
    const detail: CleVerifierErrorDetail = event.detail;
    return detail.message.length;
  });
  const kinds: Array<keyof CleVerifierElementEventMap> = ["verified", "error", "click"];
  element.options = { offline: true };
  element.verify("{}").then((report) => report.verdict === "verified" || kinds.length);
  const last: Report | null = element.report;
  // @ts-expect-error the last report is read-only
  element.report = last;
  // @ts-expect-error the detail of `verified` is a report, not a message
  element.addEventListener("verified", (event) => event.detail.message);
}

export async function run(input: Input): Promise<string[]> {
  await init(source);
  const report = await verify(input, options);
  watch(document.createElement("cler-verifier"));
  // @ts-expect-error a number is not an input
  await verify(42);
  // @ts-expect-error an unknown option name is refused
  await verify(input, { ofline: true });
  // @ts-expect-error "valid" is not a verdict
  if (report.verdict === "valid") return [];
  // @ts-expect-error check ids are a closed list
  const bad: CheckId = "signature";
  return [...lines(report), bad];
}
