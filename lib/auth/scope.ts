// Scope and AuthUser live in lib/db/scope.ts (the layer that enforces them); re-exported here for
// the auth, permission and domain modules that always imported them from lib/auth.
export { scopeOf, type AuthUser, type Scope } from '@/lib/db/scope';
