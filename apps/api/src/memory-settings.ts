// Imported first by main.ts, so the heap is shaped while the app's modules load.
import { capYoungGeneration, limitHeapGrowth } from './heap-growth';

/** The old generation grows by at most this much past the last full collection's survivors. */
const HEAP_GROWTH_PERCENT = 50;
/** The young generation (both semi-spaces) at most this large, in MB. */
const YOUNG_GENERATION_CAP_MB = 32;

limitHeapGrowth(HEAP_GROWTH_PERCENT);
capYoungGeneration(YOUNG_GENERATION_CAP_MB);
