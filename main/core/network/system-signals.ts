import { routeMonitor } from './route-monitor';
import { runCommand, type RunCommand } from './run-command';
import type { NetworkSignalsPort } from './signals';
import { linuxNetworkSignals } from './signals-linux';
import { macosNetworkSignals } from './signals-macos';
import { windowsNetworkSignals } from './signals-windows';

/**
 * The platform's reader. On any other OS every reading says it cannot be read, so the gate re-checks on its short
 * fallback interval instead of trusting a watch that does not exist (docs/SECURITY.md, "The office-network gate").
 */
export function systemNetworkSignals(platform: NodeJS.Platform = process.platform, run: RunCommand = runCommand): NetworkSignalsPort {
  switch (platform) {
    case 'linux':
      return linuxNetworkSignals({ run });
    case 'darwin':
      return macosNetworkSignals({ run, monitor: () => routeMonitor() });
    case 'win32':
      return windowsNetworkSignals({ run });
    default:
      return () => ({ defaultRoutes: [], gatewayMacs: {}, links: {}, unreadable: [`the network signals (not read on ${platform})`] });
  }
}
