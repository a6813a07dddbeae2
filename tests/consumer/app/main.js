// The Vite app: the package imported by its name, as a bundler resolves it.
import { verify } from "cler-verifier";
import "cler-verifier/element";
import { verifyListedRecords } from "./run.js";

verifyListedRecords(verify);
