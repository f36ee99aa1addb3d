/**
 * The prompts this CLI asks with, and no others: a dynamic import of '@inquirer/prompts' keeps the
 * whole namespace (its editor prompt brings an external editor and iconv-lite's code pages), a 770 kB
 * chunk; named re-exports let the bundle keep only these.
 */
export { confirm, input, password, search, select } from '@inquirer/prompts';
