/** Kept equal to package.json's version by test/shared/version.test.ts. */
export const APP_NAME = 'CareCover';
export const APP_VERSION = '0.1.0';
