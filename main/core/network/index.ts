export { pinnedFetch, type LookupFunction, type PinnedFetch, type PinnedRequest, type PinnedResponse } from './beacon-client';
export { loadOrCreateBeaconIdentity, type BeaconIdentity } from './beacon-identity';
export { BEACON_PATH, BEACON_SIGNATURE_DOMAIN, beaconMessage, spkiPin } from './beacon-protocol';
export { startBeacon, type BeaconServerOptions, type RunningBeacon } from './beacon-server';
export { parseResolvConf, parseWindowsRegistry, systemDnsSuffixes, type DnsSuffixPort } from './dns-suffix';
export { evaluateNetwork, systemRandom, type EvaluateDeps } from './evaluate';
export { NetworkGate, type GateTrigger, type NetworkGateOptions, type VerdictListener } from './gate';
export { findAddressInRanges, systemInterfaces, type InterfaceList, type InterfacesPort } from './interfaces';
export { isOpenState, type CheckResult, type NetworkState, type Verdict } from './verdict';
export { createPinnedServerCertificate } from './self-signed';
export {
  assembleSignals,
  describeSignalChange,
  normalizeMac,
  type DefaultRoute,
  type NetworkSignals,
  type NetworkSignalsPort,
} from './signals';
export {
  linuxNetworkSignals,
  parseArp,
  parseIpv4DefaultRoutes,
  parseIpv6DefaultRoutes,
  parseIwLink,
  parseNmcliWifi,
  wirelessInterfaces,
  type LinuxSignalOptions,
} from './signals-linux';
export { macosNetworkSignals, parseIfconfig, parseIpconfigSummary, parseMacArp, parseMacNetstat, type MacosSignalOptions } from './signals-macos';
export { parseNetshInterfaces, parseNetshRoutes, parseNetshWlan, parseWindowsArp, windowsNetworkSignals, type WindowsSignalOptions } from './signals-windows';
export { systemNetworkSignals } from './system-signals';
export { routeMonitor, type ChangeMonitor, type RouteMonitorOptions } from './route-monitor';
export { CommandFailure, runCommand, type CommandOutput, type RunCommand } from './run-command';
