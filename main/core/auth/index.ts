export { PERMISSIONS, type Permission } from './permissions';
