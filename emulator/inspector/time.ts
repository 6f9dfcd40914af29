/** JSON 1.1 wire timestamps: epoch seconds as a number, fractional to the millisecond. */
export const epochSeconds = (d: Date): number => d.getTime() / 1000;

/** `d` plus `ms` milliseconds. */
export const addMs = (d: Date, ms: number): Date => new Date(d.getTime() + ms);
