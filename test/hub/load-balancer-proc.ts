/**
 * The tests' TCP load balancer as its own process (LoadBalancerProcess): `load-balancer-proc.ts <node port>…`.
 * It says its port over the fork IPC channel and ends when its parent disconnects (or dies).
 */
import { LoadBalancer } from './load-balancer';

const lb = new LoadBalancer(process.argv.slice(2).map(Number));
await lb.start();
process.send!({ port: lb.port });
process.on('disconnect', () => void lb.close().then(() => process.exit(0)));
