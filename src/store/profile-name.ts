/** Profile names: safe in file names and keychain accounts on every OS. One rule, used by the CLI and the store. */
export const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
