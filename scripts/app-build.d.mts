export declare const BUILD_SOURCES: readonly string[];
export declare function newestSourceMtime(path: string): number;
export declare function buildReason(
  root: string,
  distDir: string,
  env: Record<string, string>,
  options?: { stampFile: string; unstampedEnv?: Record<string, string> },
): string | null;
export declare function portFree(port: number, host: string): Promise<boolean>;
