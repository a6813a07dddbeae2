// The JavaScript API of the optimised build: every input kind, the options,
// the fetch door and its failures, and misuse errors.
import { readFile } from "node:fs/promises";
import { describe, test } from "node:test";
import assert from "node:assert/strict";

import { init, verify } from "../../pkg/node.js";
import { NOW, fixtures } from "./fixtures.mjs";

const read = (path) => readFile(new URL(path, fixtures));
const CLR = "../bench/vectors/clr-n1-eddsa-rdfc-2022.json";
// Its key sits on the issuer's server (https URL): verifying it online needs a lookup.
const HTTPS_ISSUER = "credentials/1edtech-validator/ob30/simple.json";
// Valid from 2010-01-01 until 2011-01-01.
const EXPIRED =
  "credentials/dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-expired.json";

/** A fetch function that records its calls and answers with `answer(url)`. */
function recorder(answer) {
  const calls = [];
  const fetch = async (url) => {
    calls.push(url);
    return answer(url);
  };
  return { calls, fetch };
}

const offline = { now: NOW, offline: true };

describe("input kinds", () => {
  test("text, bytes, ArrayBuffer, Blob, DataView and a parsed object give the same report", async () => {
    const bytes = await read(CLR);
    const text = bytes.toString("utf8");
    const reference = await verify(text, offline);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);

    assert.deepStrictEqual(await verify(new Uint8Array(bytes), offline), reference);
    assert.deepStrictEqual(await verify(buffer, offline), reference);
    assert.deepStrictEqual(await verify(new Blob([bytes]), offline), reference);
    assert.deepStrictEqual(await verify(new DataView(buffer), offline), reference);
    assert.deepStrictEqual(await verify(JSON.parse(text), offline), reference);
  });

  test("a typed array over part of a buffer reads only its part", async () => {
    const bytes = await read(CLR);
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    const view = new Uint8Array(padded.buffer, 4, bytes.length);
    assert.deepStrictEqual(await verify(view, offline), await verify(bytes, offline));
  });

  test("a bad record resolves to an invalid report, never a rejection", async () => {
    for (const input of ["", "not json at all", "{", new Uint8Array([0xff, 0x00, 0x89]), {}, []]) {
      const report = await verify(input, offline);
      assert.equal(report.verdict, "invalid", `input ${JSON.stringify(input)}`);
      assert.ok(report.checks.some((check) => check.outcome === "fail"));
    }
  });

  test("the report is plain JSON data", async () => {
    const report = await verify(await read(CLR), offline);
    assert.deepStrictEqual(JSON.parse(JSON.stringify(report)), report);
    assert.equal(Object.getPrototypeOf(report), Object.prototype);
  });
});

describe("options", () => {
  test("now as a Date, an ISO string and epoch milliseconds are the same instant", async () => {
    const bytes = await read(CLR);
    const instant = new Date(NOW);
    const reference = await verify(bytes, { now: NOW, offline: true });
    assert.deepStrictEqual(await verify(bytes, { now: instant, offline: true }), reference);
    assert.deepStrictEqual(await verify(bytes, { now: instant.getTime(), offline: true }), reference);
  });

  test("without now, dates are checked against the current clock", async () => {
    const expired = await read(EXPIRED);
    const validity = (report) => report.checks.find((check) => check.id === "validity").outcome;
    assert.equal(validity(await verify(expired, { offline: true })), "fail");
    assert.equal(validity(await verify(expired, { offline: true, now: "2010-06-01T00:00:00Z" })), "pass");
  });

  test("offline: the fetch function is never called and every lookup says offline", async () => {
    const { calls, fetch } = recorder(() => null);
    const report = await verify(await read(HTTPS_ISSUER), { now: NOW, offline: true, fetch });
    assert.deepStrictEqual(calls, []);
    assert.ok(report.lookups.length > 0, "the https key should be listed");
    assert.ok(report.lookups.every((lookup) => lookup.outcome === "offline"));
    assert.equal(report.verdict, "incomplete");
  });

  test("undefined options and undefined values mean the defaults", async () => {
    const { fetch } = recorder(() => null);
    const bytes = await read(CLR);
    const report = await verify(bytes, { now: NOW, offline: undefined, fetch, limits: undefined });
    assert.deepStrictEqual(report, await verify(bytes, { now: NOW, fetch }));
  });

  test("contexts: an unknown context is named, and a given one is used (object or text)", async () => {
    const url = "https://example.org/extra-context.jsonld";
    const credential = JSON.parse(await read(CLR));
    credential["@context"].push(url);
    const names = (report) => JSON.stringify(report.checks).includes(url);

    assert.ok(names(await verify(credential, offline)), "the unknown context should be named");
    const context = { "@context": { extraTerm: "https://example.org/vocab#extraTerm" } };
    for (const document of [context, JSON.stringify(context)]) {
      const report = await verify(credential, { ...offline, contexts: { [url]: document } });
      assert.ok(!names(report), `a given context should be used: ${JSON.stringify(report.checks)}`);
    }
  });

  test("limits: a tiny input limit turns a big record away with a report", async () => {
    const report = await verify(await read(CLR), { ...offline, limits: { maxInputBytes: 100 } });
    assert.equal(report.verdict, "invalid");
  });

  test("challenge and domain: a presentation that does not answer them fails", async () => {
    const credential = JSON.parse(await read(CLR));
    const presentation = {
      "@context": ["https://www.w3.org/ns/credentials/v2"],
      type: ["VerifiablePresentation"],
      verifiableCredential: [credential],
    };
    const asked = { ...offline, challenge: "c-1", domain: "https://jobs.example" };
    const report = await verify(presentation, asked);
    assert.equal(report.verdict, "invalid");
    const codes = report.checks.map((check) => check.problem?.code);
    assert.ok(codes.includes("challenge_missing") && codes.includes("domain_missing"), `${codes}`);
    const unasked = await verify(presentation, offline);
    assert.ok(!unasked.checks.some((check) => check.target === "challenge"));
  });

  const misuse = [
    ["a number as input", 42, {}],
    ["null as input", null, {}],
    ["options that are text", "{}", "offline"],
    ["an unknown option", "{}", { ofline: true }],
    ["a date that is not one", "{}", { now: "yesterday-ish" }],
    ["offline as text", "{}", { offline: "yes" }],
    ["fetch that is not a function", "{}", { fetch: "https://example.org" }],
    ["contexts that are a number", "{}", { contexts: 3 }],
    ["an unknown limit", "{}", { limits: { maxQuad: 3 } }],
    ["a zero limit", "{}", { limits: { maxQuads: 0 } }],
    ["a fractional limit", "{}", { limits: { maxDepth: 1.5 } }],
    ["a challenge that is not text", "{}", { challenge: 42 }],
    ["a domain that is not text", "{}", { domain: ["https://jobs.example"] }],
  ];
  for (const [name, input, options] of misuse) {
    test(`misuse rejects with a TypeError: ${name}`, async () => {
      await assert.rejects(verify(input, options), (error) => {
        assert.ok(error instanceof TypeError, `${error}`);
        assert.match(error.message, /^cler-verifier: /);
        return true;
      });
    });
  }
});

describe("fetch", () => {
  async function lookupsWith(fetch) {
    const report = await verify(await read(HTTPS_ISSUER), { now: NOW, fetch });
    assert.ok(report.lookups.length > 0, "the https key should be looked up");
    return report.lookups;
  }

  test("each URL is fetched once and listed", async () => {
    const { calls, fetch } = recorder(() => null);
    const lookups = await lookupsWith(fetch);
    assert.deepStrictEqual(lookups.map((lookup) => lookup.url), [...new Set(calls)]);
    assert.equal(calls.length, new Set(calls).size);
  });

  test("null: no document is known at that address", async () => {
    const lookups = await lookupsWith(recorder(() => null).fetch);
    for (const lookup of lookups) {
      assert.equal(lookup.outcome, "failed");
      assert.match(lookup.detail, /no document is known/);
    }
  });

  test("a rejected fetch reads as a network or CORS failure, with the cause", async () => {
    const failing = () => {
      throw new TypeError("Failed to fetch", { cause: new Error("getaddrinfo ENOTFOUND") });
    };
    for (const lookup of await lookupsWith(recorder(failing).fetch)) {
      assert.equal(lookup.outcome, "failed");
      assert.match(lookup.detail, /could not be reached.*CORS.*Failed to fetch: getaddrinfo ENOTFOUND/);
    }
  });

  test("a fetch function that throws before returning a promise is a failure too", async () => {
    const throwing = () => {
      throw new Error("refused by policy");
    };
    for (const lookup of await lookupsWith(throwing)) {
      assert.match(lookup.detail, /refused by policy/);
    }
  });

  test("404 and 500 answers say so", async () => {
    for (const [status, pattern] of [[404, /does not exist \(404\)/], [500, /error 500/]]) {
      const answer = () => new Response("no", { status });
      for (const lookup of await lookupsWith(recorder(answer).fetch)) {
        assert.match(lookup.detail, pattern);
      }
    }
  });

  test("an answer that is not a response is a readable failure", async () => {
    for (const lookup of await lookupsWith(recorder(() => ({ hello: 1 })).fetch)) {
      assert.match(lookup.detail, /did not return a response/);
    }
  });

  test("the default is globalThis.fetch, called with globalThis as this", async () => {
    const original = globalThis.fetch;
    const seen = [];
    globalThis.fetch = function (url) {
      seen.push({ url, self: this });
      return Promise.resolve(new Response("gone", { status: 404 }));
    };
    try {
      const report = await verify(await read(HTTPS_ISSUER), { now: NOW });
      assert.ok(seen.length > 0);
      assert.ok(seen.every(({ self }) => self === globalThis));
      assert.deepStrictEqual(report.lookups.map((lookup) => lookup.url), seen.map(({ url }) => url));
    } finally {
      globalThis.fetch = original;
    }
  });
});

describe("links", () => {
  const LINK = "https://wallet.example/records/clr.json";

  test("a link is fetched through the caller's fetch and verified like its record", async () => {
    const bytes = await read(CLR);
    const { calls, fetch } = recorder((url) =>
      url === LINK ? new Response(bytes, { headers: { "content-type": "application/json" } }) : null,
    );
    const linked = await verify(`  ${LINK}\n`, { now: NOW, fetch });
    const direct = await verify(bytes, { now: NOW, fetch });

    assert.equal(calls[0], LINK);
    assert.equal(linked.url, LINK);
    assert.equal(linked.verdict, direct.verdict);
    assert.deepStrictEqual(linked.checks, direct.checks);
    assert.deepStrictEqual(linked.lookups[0], {
      url: LINK,
      purpose: "the record the link points to",
      outcome: "fetched",
    });
  });

  test("a web page, a CORS refusal and offline mode each say what happened", async () => {
    const page = () => new Response("<p>Your badge</p>", { headers: { "content-type": "text/html" } });
    const htmlReport = await verify(LINK, { now: NOW, fetch: recorder(page).fetch });
    assert.match(htmlReport.checks[0].message, /web page.*download the credential file/);

    const refused = () => {
      throw new TypeError("Failed to fetch");
    };
    const corsReport = await verify(LINK, { now: NOW, fetch: recorder(refused).fetch });
    assert.equal(corsReport.verdict, "incomplete");
    assert.match(corsReport.checks[0].message, /could not be fetched.*CORS/);

    const plain = await verify("http://records.example/clr.json", { now: NOW, fetch: recorder(refused).fetch });
    assert.match(plain.checks[0].message, /plain http address.*ask for an https link/);
    assert.doesNotMatch(corsReport.checks[0].message, /plain http/);

    const offlineReport = await verify(LINK, offline);
    assert.equal(offlineReport.checks[0].problem.code, "link_not_opened");
  });
});

describe("init", () => {
  test("init is idempotent and may run concurrently with verify", async () => {
    const [first, second, report] = await Promise.all([init(), init(), verify("not json", offline)]);
    assert.equal(first, undefined);
    assert.equal(second, undefined);
    assert.equal(report.verdict, "invalid");
    await init();
  });
});

describe("guarded lookups", () => {
  test("a lookup that never answers times out as unreachable", async () => {
    const never = () => new Promise(() => {});
    const started = Date.now();
    const report = await verify(await read(HTTPS_ISSUER), { now: NOW, fetch: never, lookupTimeoutMs: 200 });
    assert.ok(Date.now() - started < 5_000, "verify waited for the hanging lookup");
    const lookup = report.lookups.find((entry) => entry.outcome === "failed");
    assert.match(lookup.detail, /no answer within/);
    assert.notEqual(report.verdict, "verified");
  });

  test("a huge document is refused without reading it all", async () => {
    const huge = async () => new Response(new Uint8Array(17 * 1024 * 1024));
    const report = await verify(await read(HTTPS_ISSUER), { now: NOW, fetch: huge });
    assert.ok(report.lookups.some((entry) => /larger than 16 MiB/.test(entry.detail ?? "")));
  });
});

describe("documents are kept for the page's life", () => {
  test("a second verification of the same issuer fetches nothing again", async () => {
    const body = JSON.stringify({ id: "https://example.edu/issuers/565049" });
    const { calls, fetch } = recorder(() => new Response(body, { status: 200 }));
    const bytes = await read(HTTPS_ISSUER);
    await verify(bytes, { now: NOW, fetch });
    const first = calls.length;
    await verify(bytes, { now: NOW, fetch });
    assert.ok(first > 0, "the first verification looked the key up");
    assert.equal(calls.length, first, "the second one reused the document");
  });

  test("failed lookups are not kept", async () => {
    const { calls, fetch } = recorder(() => new Response("no", { status: 503 }));
    const bytes = await read(HTTPS_ISSUER);
    await verify(bytes, { now: NOW, fetch });
    const first = calls.length;
    await verify(bytes, { now: NOW, fetch });
    assert.equal(calls.length, 2 * first);
  });
});
