/**
 * The compiled CLI's entry (scripts/build-cli.cjs bundles it to
 * lib/cli/tradebook.mjs, which bin/tradebook.cjs runs): this process is
 * `tradebook`.
 */
import { start } from "./main";

start();
