export {
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  CUSTOMER_DATA_PERMISSIONS,
  roleHas,
  type Permission,
  type Role,
} from './permissions';
