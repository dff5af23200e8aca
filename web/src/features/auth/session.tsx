import { createContext, useContext } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../../api/hooks';
import type { Me } from '../../api/types';
import { ErrorState, Loading } from '../shell/states';

/** where a user changes their password (web/src/features/users/pages.tsx) */
export const CHANGE_PASSWORD_PATH = '/account/password';

const MeContext = createContext<Me | null>(null);

/** The signed-in user; only usable under <RequireAuth>. */
export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside RequireAuth');
  return me;
}

/** Renders its child routes only with a session; otherwise sends the user to /login. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  // a one-time password opens nothing but changing it (the server refuses the rest too)
  if (me.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH)
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  return (
    <MeContext.Provider value={me.data}>
      <Outlet />
    </MeContext.Provider>
  );
}
