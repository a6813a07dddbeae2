// Must NOT compile: offline is a boolean, and a report has no `valid` field.
import { verify } from "cler-verifier";

export async function wrong(): Promise<boolean> {
  const report = await verify("{}", { offline: "yes" });
  return report.valid;
}
