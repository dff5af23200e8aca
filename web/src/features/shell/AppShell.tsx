import { EllipsisOutlined, KeyOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Dropdown, Layout, Menu, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { Suspense, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../../api/hooks';
import type { Me } from '../../api/types';
import { useIsMobile } from '../../lib/useIsMobile';
import { CHANGE_PASSWORD_PATH, useCurrentUser } from '../auth/session';
import { pages } from '../../modules';
import LangSwitch from './LangSwitch';
import NotificationBell from '../notifications/NotificationBell';
import { Loading } from './states';

interface NavItem {
  key: string;
  path: string;
  icon: ReactNode;
  label: string;
}

/**
 * Below antd's `lg` (992 px: a PAD in portrait, a narrow window) a 200 px side menu would squeeze
 * the tables and a 64 px one shows icons nobody can read, so the menu, with its labels, opens in a
 * drawer from the header instead.
 */
const NARROW = '(max-width: 991.98px)';
function useNarrow(): boolean {
  return useSyncExternalStore(
    (cb) => {
      const mql = window.matchMedia(NARROW);
      mql.addEventListener('change', cb);
      return () => mql.removeEventListener('change', cb);
    },
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}

/** A phone tab bar holds this many entries; beyond it the rest go under "more". */
const MAX_TABS = 5;

/** The menu: every page with a menu entry that this user may open, in module order (web/src/modules.ts). */
function useNavItems(me: Me): NavItem[] {
  const { t } = useTranslation();
  return pages
    .filter((p) => p.nav && (!p.allow || p.allow(me)))
    .map((p) => ({ key: p.nav!.key, path: `/${p.path}`, icon: p.nav!.icon, label: p.nav!.label(t, me) }));
}

/** The entry whose path is the longest prefix of the current one ('/' only for the home page). */
function selectedKey(pathname: string, items: NavItem[]): string {
  const hits = items.filter((it) =>
    it.path === '/' ? pathname === '/' : pathname === it.path || pathname.startsWith(`${it.path}/`),
  );
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.key ?? '';
}

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className="gh-brand" aria-label={t('app.fullName')}>
      <span className="gh-logo" aria-hidden>
        管
      </span>
      {!compact && <span className="gh-brand-text">{t('app.fullName')}</span>}
    </Link>
  );
}

export default function AppShell() {
  const me = useCurrentUser();
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const narrow = useNarrow();
  const location = useLocation();
  // The drawer belongs to the page it was opened on: following a menu entry closes it.
  const [drawerOn, setDrawerOn] = useState<string | null>(null);
  const drawerOpen = drawerOn === location.pathname;
  const setDrawerOpen = (open: boolean) => setDrawerOn(open ? location.pathname : null);
  const navigate = useNavigate();
  const logout = useLogout();
  const items = useNavItems(me);
  const current = selectedKey(location.pathname, items);
  const pageTitle = items.find((it) => it.key === current)?.label;
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${t('app.name')}` : t('app.fullName');
  }, [pageTitle, t]);

  // Head office's org is called what its role is (总行): the org is shown once, not twice.
  const roleLabel = t(`role.${me.role}`);
  const showOrg = !isMobile && me.orgName.trim() !== roleLabel;

  const onLogout = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  const userBlock = (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          {
            key: 'password',
            icon: <KeyOutlined />,
            label: (
              <Link to={CHANGE_PASSWORD_PATH} data-testid="user-menu-password">
                {t('password.menu')}
              </Link>
            ),
          },
        ],
      }}
    >
      <div
        className="gh-user"
        data-testid="current-user"
        role="button"
        tabIndex={0}
        style={{ cursor: 'pointer' }}
        title={
          me.orgName.trim() !== roleLabel ? `${me.name} · ${roleLabel} · ${me.orgName}` : `${me.name} · ${roleLabel}`
        }
      >
        <span className="gh-user-name">{me.name}</span>
        <span className="gh-user-sep" aria-hidden>
          {' · '}
        </span>
        <span className="gh-user-role">{roleLabel}</span>
      </div>
    </Dropdown>
  );

  const headerRight = (
    <div className="gh-header-right">
      {showOrg && (
        <span className="gh-org-name" data-testid="header-org">
          {me.orgName}
        </span>
      )}
      <NotificationBell />
      {userBlock}
      <LangSwitch dark />
      <Tooltip title={t('header.logout')}>
        <Button
          data-testid="logout"
          type="text"
          size="small"
          icon={<LogoutOutlined />}
          aria-label={t('header.logout')}
          loading={logout.isPending}
          onClick={onLogout}
          style={{ color: 'rgba(255,255,255,0.88)' }}
        >
          {!isMobile && t('header.logout')}
        </Button>
      </Tooltip>
    </div>
  );

  const content = (
    <Layout.Content className="gh-content">
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </Layout.Content>
  );

  if (isMobile) {
    const tabs = items.length > MAX_TABS ? items.slice(0, MAX_TABS - 1) : items;
    const more = items.slice(tabs.length);
    return (
      <Layout className="gh-app gh-app-mobile">
        <Layout.Header className="gh-header">
          <Brand compact />
          {headerRight}
        </Layout.Header>
        {content}
        <nav className="gh-tabbar" aria-label={t('nav.menu')}>
          {tabs.map((it) => (
            <Link
              key={it.key}
              to={it.path}
              className={it.key === current ? 'gh-tab gh-tab-active' : 'gh-tab'}
              aria-current={it.key === current ? 'page' : undefined}
            >
              <span className="gh-tab-icon">{it.icon}</span>
              <span className="gh-tab-label">{it.label}</span>
            </Link>
          ))}
          {more.length > 0 && (
            <Dropdown
              trigger={['click']}
              placement="topRight"
              menu={{
                selectedKeys: [current],
                items: more.map((it) => ({ key: it.key, icon: it.icon, label: <Link to={it.path}>{it.label}</Link> })),
              }}
            >
              <button
                type="button"
                className={
                  more.some((it) => it.key === current) ? 'gh-tab gh-tab-btn gh-tab-active' : 'gh-tab gh-tab-btn'
                }
                data-testid="tab-more"
              >
                <span className="gh-tab-icon">
                  <EllipsisOutlined />
                </span>
                <span className="gh-tab-label">{t('nav.more')}</span>
              </button>
            </Dropdown>
          )}
        </nav>
      </Layout>
    );
  }

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[current]}
      items={items.map((it) => ({ key: it.key, icon: it.icon, label: <Link to={it.path}>{it.label}</Link> }))}
    />
  );

  if (narrow) {
    return (
      <Layout className="gh-app gh-app-narrow">
        <Layout.Header className="gh-header">
          <div className="gh-header-left">
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('nav.menu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
              data-testid="nav-drawer-open"
              style={{ color: 'rgba(255,255,255,0.88)' }}
            />
            <Brand compact />
          </div>
          {headerRight}
        </Layout.Header>
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          className="gh-nav-drawer"
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
        >
          <div className="gh-sider-brand">
            <Brand />
          </div>
          {menu}
        </Drawer>
        {content}
      </Layout>
    );
  }

  return (
    <Layout className="gh-app">
      <Layout.Sider collapsible collapsedWidth={64} width={200} theme="dark" className="gh-sider">
        <div className="gh-sider-brand">
          <Brand />
        </div>
        {menu}
      </Layout.Sider>
      <Layout className="gh-main">
        <Layout.Header className="gh-header">
          <div />
          {headerRight}
        </Layout.Header>
        {content}
      </Layout>
    </Layout>
  );
}
