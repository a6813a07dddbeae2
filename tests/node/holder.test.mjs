// The expectedRecipient and trustedIssuers options through the JavaScript
// API: the same checks as the native tests/holder.rs, and misuse errors.
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import assert from "node:assert/strict";

import { verify } from "../../pkg/node.js";
import { NOW, fixtures } from "./fixtures.mjs";

// 1EdTech validator sample with plain emailAddress identifiers; issuer https://1edtech.edu/issuers/565049.
const EMAILS = "credentials/1edtech-validator/ob30/complete.json";
const read = (path) => readFile(new URL(path, fixtures));
const check = (report, id) => report.checks.find((c) => c.id === id);
const offline = { now: NOW, offline: true };

test("a matching email passes, another fails and is named", async () => {
  const bytes = await read(EMAILS);
  const matched = await verify(bytes, { ...offline, expectedRecipient: "student@1edtech.edu" });
  assert.equal(check(matched, "recipient").outcome, "pass");
  const other = await verify(bytes, { ...offline, expectedRecipient: { identity: "x@example.com", type: "emailAddress" } });
  assert.equal(check(other, "recipient").outcome, "fail");
  assert.equal(other.verdict, "invalid");
  assert.match(check(other, "recipient").message, /x@example\.com/);
});

test("a trusted prefix passes and an unknown issuer is only a note", async () => {
  const bytes = await read(EMAILS);
  const trusted = await verify(bytes, { ...offline, trustedIssuers: ["https://1edtech.edu/*"] });
  assert.equal(check(trusted, "trust").outcome, "pass");
  const untrusted = await verify(bytes, { ...offline, trustedIssuers: { issuers: [{ id: "did:web:other.example" }] } });
  assert.equal(check(untrusted, "trust").outcome, "warn");
  const plain = await verify(bytes, offline);
  assert.equal(untrusted.verdict, plain.verdict);
});

test("a malformed trust list or recipient is misuse", async () => {
  const bytes = await read(EMAILS);
  await assert.rejects(verify(bytes, { ...offline, trustedIssuers: [{ name: "no id" }] }), TypeError);
  await assert.rejects(verify(bytes, { ...offline, trustedIssuers: 42 }), TypeError);
  await assert.rejects(verify(bytes, { ...offline, expectedRecipient: 7 }), TypeError);
});
