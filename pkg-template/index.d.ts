/**
 * Verifies Open Badges 3.0 and Comprehensive Learner Record 2.0 credentials
 * (W3C Verifiable Credentials) inside the browser or Node, with WebAssembly.
 *
 * ```js
 * import { verify } from "cler-verifier";
 * const report = await verify(fileOrText, { offline: true });
 * console.log(report.verdict, report.headline);
 * ```
 */

/**
 * Verifies one credential (or presentation) and resolves to its report.
 *
 * A record that fails verification resolves normally with an `invalid` or
 * `incomplete` report. The promise rejects with a `TypeError` only when
 * `input` or `options` is of a kind the API does not take, and with an
 * `Error` when the WebAssembly module cannot be started.
 *
 * @param input The credential: text (JSON, a compact JWT, an http(s) link
 *   to a record, which is fetched through `options.fetch` and listed in the
 *   lookups, or any text decoded from a QR code), bytes (a file's contents as
 *   `Uint8Array`, `ArrayBuffer` or `Blob`: JSON, JWT, baked PNG or SVG), or
 *   an already parsed JSON object.
 * @param options How to verify; every field is optional.
 */
export function verify(input: Input, options?: VerifyOptions): Promise<Report>;

/**
 * Starts the WebAssembly module. Optional: `verify` starts it on first use.
 * Calling it more than once is harmless; it resolves when the module is
 * ready. A failed start may be retried.
 *
 * @param source Where to load the `.wasm` from, when not next to the
 *   package's JavaScript: a URL, a `Response`, bytes or a compiled
 *   `WebAssembly.Module`.
 */
export function init(source?: WasmSource): Promise<void>;

/** What `init` accepts as the WebAssembly module. */
export type WasmSource =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response | BufferSource>;

/** A credential as text, bytes or parsed JSON. */
export type Input = string | Uint8Array | ArrayBuffer | ArrayBufferView | Blob | object;

/** Options for one verification. Unknown keys are rejected, not ignored. */
export interface VerifyOptions {
  /**
   * The instant to check validity dates against: a `Date`, an ISO 8601
   * string or milliseconds since the Unix epoch. Default: the current time.
   */
  now?: Date | string | number;
  /**
   * When `true`, nothing is fetched: keys and status lists that are not
   * built in are reported as `unknown` (verdict `incomplete`). Default:
   * `false`.
   */
  offline?: boolean;
  /**
   * The function used to fetch DID documents, keys and status lists.
   * Default: `globalThis.fetch`. It is called as `fetch(url)` and may
   * resolve to a `Response`, or to `null` when it knows no document at that
   * address. Rejections and error statuses become readable lookup failures
   * in the report (network or CORS, 404, ...).
   */
  fetch?: FetchLike;
  /**
   * How long one lookup may take, in milliseconds, before it counts as
   * unreachable (`unknown`). Default 15 000. A lookup's body is also capped
   * at 16 MiB, and documents fetched successfully are reused for 10 minutes
   * (per fetch function), so many records from one issuer fetch its DID
   * document once.
   */
  lookupTimeoutMs?: number;
  /**
   * Extra JSON-LD contexts the caller vouches for: URL → context document
   * (parsed, or as JSON text). Contexts not built in and not given here are
   * an error that names them; they are never fetched.
   */
  contexts?: Record<string, object | string>;
  /** Limits on the work one input may cause; absent keys keep defaults. */
  limits?: Limits;
  /**
   * The holder you expect (OB 3.0 §9.3): an email address, URL, phone
   * number or DID as a string (its kind inferred), or `{identity, type}` with
   * an OB `identityType` such as `"sourcedId"`. Adds the `recipient` check,
   * which compares it with the subject's `id` and every `identifier`,
   * hashed or plain.
   */
  expectedRecipient?: string | ExpectedRecipient;
  /**
   * Issuers you trust; adds the `trust` check, which never makes a genuine
   * record invalid. See {@link TrustedIssuers}.
   */
  trustedIssuers?: TrustedIssuers;
}

/** The holder you expect, with its OB `identityType`. */
export interface ExpectedRecipient {
  /** The value: an email address, URL, phone number, DID or other identifier. */
  identity: string;
  /** The OB `identityType` (`emailAddress`, `url`, `phoneNumber`, `sourcedId`, ...); inferred when absent. */
  type?: string;
}

/**
 * A trusted-issuer list: an array of ids (a trailing `*` makes a prefix) or
 * `{id}` / `{prefix}` objects, `{name?, issuers: [...]}`, a Digital
 * Credentials Consortium registry `{registry: {id: {name}}}`, or any of
 * these as JSON text. A malformed list rejects with a `TypeError`.
 */
export type TrustedIssuers =
  | Array<string | TrustedIssuer>
  | { name?: string; issuers: Array<string | TrustedIssuer> }
  | { registry: Record<string, { name?: string }> }
  | string;

/** One rule of a trusted-issuer list: exactly one of `id` or `prefix`. */
export interface TrustedIssuer {
  /** An issuer id, matched exactly. */
  id?: string;
  /** The start of issuer ids, for example `https://example.edu/issuers/`. */
  prefix?: string;
  /** A display name shown in the `trust` check. */
  name?: string;
}

/** A function shaped like `fetch`, called with the URL only. */
export type FetchLike = (url: string) => Promise<ResponseLike | null | undefined>;

/** The parts of a `Response` the verifier reads. */
export interface ResponseLike {
  /** The HTTP status; 200–299 counts as success. */
  status: number;
  /** The headers; only `content-type` is read. */
  headers?: { get(name: string): string | null };
  /** The body. */
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Limits that keep hostile input from exhausting memory or time. */
export interface Limits {
  /** Largest input accepted, in bytes. Default 8 MiB. */
  maxInputBytes?: number;
  /** Deepest JSON nesting accepted. Default 64. */
  maxDepth?: number;
  /** Most credentials verified from one input, nested ones included. Default 250. */
  maxCredentials?: number;
  /** Most RDF quads one document may expand to. Default 200 000. */
  maxQuads?: number;
  /** Most "hash N-degree quads" calls canonicalisation may make per document. Default 4000. */
  maxCanonCalls?: number;
  /** Most proofs one document may carry. Default 8. */
  maxProofs?: number;
  /** Most entries one `@context` array may have. Default 32. */
  maxContexts?: number;
}

/** The overall answer for one credential. */
export type Verdict =
  /** Every required check passed; warnings are allowed. */
  | "verified"
  /** At least one check found the record is not genuine or not valid. */
  | "invalid"
  /** Nothing failed, but something required could not be checked. */
  | "incomplete";

/** The outcome of one check. */
export type Outcome =
  /** The check ran and found nothing wrong. */
  | "pass"
  /** The check found the record is not genuine or not valid. */
  | "fail"
  /** The check passed with a reservation the reader should know about. */
  | "warn"
  /** The check could not be completed (for example offline). */
  | "unknown"
  /** The check does not apply to this record. */
  | "skip";

/** The stable check identifiers; new ones may be added, none renamed. */
export type CheckId =
  | "parse"
  | "context"
  | "type"
  | "proof"
  | "issuer_key"
  | "validity"
  | "status"
  | "schema"
  | "nested"
  | "endorsements"
  | "recipient"
  | "trust"
  | "refresh";

/** The verification report for one credential or presentation. */
export interface Report {
  /** The overall answer. */
  verdict: Verdict;
  /** One sentence that sums up the verdict for a non-technical reader. */
  headline: string;
  /**
   * The form the record came in: `json`, `jwt`, `png`, `svg`; `embedded`
   * for a record inside another; `link` when a link could not be opened.
   */
  source: string;
  /** The address the record was fetched from, when the input was a link. */
  url?: string;
  /** What the credential says, when it could be read. Untrusted unless verified. */
  credential?: Summary;
  /** Every check that ran, in order. */
  checks: Check[];
  /** Credentials inside this one, each with its own report. */
  children?: Child[];
  /** Every URL this verification needed (top-level report only). */
  lookups?: Lookup[];
}

/** One check with its outcome and a plain-language sentence. */
export interface Check {
  /** Which check this is. */
  id: CheckId;
  /** What it found. */
  outcome: Outcome;
  /** One sentence a non-technical reader understands. */
  message: string;
  /** The part of the credential this entry is about, when a check runs more than once (for example `proof[1]`). */
  target?: string;
  /** Present whenever the outcome is not `pass`. */
  problem?: Problem;
}

/** A machine-readable description of what went wrong. */
export interface Problem {
  /** Stable snake_case code of this project, for example `undefined_term`. */
  code: string;
  /** The W3C problem type it maps to, for example `CRYPTOGRAPHIC_SECURITY_ERROR`. */
  w3c?: string;
  /** Technical detail for developers. */
  detail: string;
}

/** What a credential says, for display. */
export interface Summary {
  /** The credential's `id`, when present. */
  id?: string;
  /** The credential's `type` values. */
  types: string[];
  /** `OpenBadgeCredential`, `ClrCredential`, `EndorsementCredential`, `VerifiablePresentation` or `VerifiableCredential`. */
  family: string;
  /** The credential's own name, when present. */
  name?: string;
  /** Who issued it. */
  issuer: Party;
  /** Who it was issued to. */
  subject: Party;
  /** The achievement it records (Open Badges 3.0), when present. */
  achievement?: AchievementSummary;
  /** `validFrom` or `issuanceDate`, as written. */
  validFrom?: string;
  /** `validUntil` or `expirationDate`, as written. */
  validUntil?: string;
}

/** A person or organisation named in a credential. */
export interface Party {
  /** The identifier (a DID or URL), when given. */
  id?: string;
  /** The display name, when given. */
  name?: string;
}

/** The achievement of an Open Badges 3.0 credential. */
export interface AchievementSummary {
  /** The achievement's `id`, when present. */
  id?: string;
  /** Its name. */
  name?: string;
  /** Its description. */
  description?: string;
  /** Its criteria narrative, when present. */
  criteria?: string;
  /** Its `achievementType`, when present. */
  achievementType?: string;
}

/** A credential found inside another, with its own report. */
export interface Child {
  /** JSON pointer (RFC 6901) to the child inside its parent. */
  pointer: string;
  /** How it relates to the parent. */
  relation: "nested" | "endorsement" | "presented" | "refreshed";
  /** Its own full report. */
  report: Report;
}

/** One URL the verifier needed. */
export interface Lookup {
  /** The URL. */
  url: string;
  /** Why it was needed, for example `did document` or `status list`. */
  purpose: string;
  /** What happened: fetched, failed, or not attempted because offline. */
  outcome: "fetched" | "failed" | "offline";
  /** The reason, when the lookup failed. */
  detail?: string;
}
