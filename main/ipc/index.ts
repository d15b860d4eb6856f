export * from './contract';
export * from './result';
export type { Bridge } from './bridge';
export { createDispatcher, type CallContext, type Dispatch, type Handlers, type Authorizer } from './dispatch';
export { createHandlers } from './handlers';
export { createMainDispatch, mainAuthorizer } from './main-dispatch';
