/**
 * What the e2e build is made with (playwright.config.ts), so that it can also run as several
 * instances (tests/e2e/scale-out.spec.ts): with REDIS_URL set, `next start` needs the key and the
 * deployment id the build was made with. Test values, not secrets.
 */
export const E2E_BUILD_ENV = {
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: 'IULTaT1DWGT8cya69Tp69jpVE9oOBVzq2BalTamooj8=',
  NEXT_DEPLOYMENT_ID: 'e2e',
} as const;
