import path from 'node:path';

export interface PathEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

/**
 * The per-user data directory, the same one Electron's `app.getPath('userData')` gives for productName "Diwan",
 * so the CLI and the console see one database. `DIWAN_DATA_DIR` overrides it.
 */
export function defaultDataDir({ platform, env, home }: PathEnv): string {
  if (env.DIWAN_DATA_DIR) return path.resolve(env.DIWAN_DATA_DIR);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Diwan');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Diwan');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Diwan');
}
