export type { Db } from '../shared/db';
