import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Installed tools checked and the compiled CLI brought up to date, once.
    globalSetup: ["./tests/setup/global.ts"],
    reporters: ["default", "./tests/summary-reporter.ts"],
  },
});
