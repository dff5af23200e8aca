import { isRmRole } from '../../api/types';
import { useCurrentUser } from '../auth/session';
import ManagerHome from './ManagerHome';
import RmHome from './RmHome';

export default function HomePage() {
  const me = useCurrentUser();
  return isRmRole(me.role) ? <RmHome /> : <ManagerHome />;
}
