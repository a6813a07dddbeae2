// Node: the .wasm is read from disk next to this file.
import { readFile } from "node:fs/promises";
import { makeApi } from "./api.js";

const api = makeApi(() => readFile(new URL("./cler_verifier_bg.wasm", import.meta.url)));

export const init = api.init;
export const verify = api.verify;
