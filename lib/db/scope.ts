// Who a data-access call acts for. Every lib/db read a route can reach takes one and only returns
// rows of that user; "not yours" and "does not exist" look the same (null → 404). It lives in lib/db,
// the lowest layer that needs it, so lib/db imports nothing from lib/auth (which imports lib/db).

export interface Scope {
  userId: string;
}

/** The signed-in account as routes and pages see it. */
export interface AuthUser {
  id: string;
  email: string;
  isAdmin: boolean;
}

export function scopeOf(user: AuthUser): Scope {
  return { userId: user.id };
}
