// Browsers and bundlers: the .wasm is fetched next to this file.
import { makeApi } from "./api.js";

const api = makeApi(() => new URL("./cler_verifier_bg.wasm", import.meta.url));

export const init = api.init;
export const verify = api.verify;
