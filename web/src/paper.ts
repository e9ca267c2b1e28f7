/** The build-time data (web/data/paper-data.ts through the Vite plugin), typed. */
import raw from 'virtual:paper';
import type { paperData } from '../data/paper-data.ts';

/** What the page knows about the paper: claims, derivations, errata, cross-checks, rates. */
export type PaperData = Awaited<ReturnType<typeof paperData>>;

/** The data of this build. */
export const paper = raw as PaperData;
