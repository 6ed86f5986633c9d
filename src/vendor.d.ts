// Type declarations for the two geometry packages that ship none. Only what this project calls.

declare module 'polylabel' {
  /**
   * The pole of inaccessibility of a polygon (rings of [x, y], outer first): the inside point
   * farthest from every edge, found to within `precision`; `distance` is that farthest distance.
   */
  export default function polylabel(polygon: number[][][], precision?: number, debug?: boolean): number[] & { distance: number };
}

declare module 'mapshaper' {
  /**
   * Runs mapshaper commands (the command-line syntax) on in-memory files and resolves with the
   * output files by name.
   */
  export function applyCommands(commands: string, input?: Record<string, string | Uint8Array>): Promise<Record<string, string | Uint8Array>>;
  const mapshaper: { applyCommands: typeof applyCommands };
  export default mapshaper;
}
