import { lazyPage, type WebModule } from './module.ts';
import { MFA_SETUP_PATH, NO_ORGANISATION_PATH } from './shell/route-guards.tsx';

/** What every organisation has: set-up and sign-in, home, members, the audit trail, settings, and the user's own account. */
export const platformModule: WebModule = {
  name: 'platform',
  routes: [
    { path: '/setup', guard: 'public', page: lazyPage(() => import('./auth/setup.page.tsx'), 'SetupPage') },
    { path: '/sign-in', guard: 'public', page: lazyPage(() => import('./auth/sign-in.page.tsx'), 'SignInPage') },
    { path: '/invitations/:token', guard: 'public', page: lazyPage(() => import('./auth/invitation-accept.page.tsx'), 'InvitationAcceptPage') },
    { path: '/account', guard: 'session', page: lazyPage(() => import('./account/account.page.tsx'), 'AccountPage') },
    { path: MFA_SETUP_PATH, guard: 'session', page: lazyPage(() => import('./account/mfa-setup.page.tsx'), 'MfaSetupPage') },
    { path: NO_ORGANISATION_PATH, guard: 'session', page: lazyPage(() => import('./organisation/no-organisation.page.tsx'), 'NoOrganisationPage') },
    { path: 'index', guard: 'organisation', page: lazyPage(() => import('./home/home.page.tsx'), 'HomePage') },
    { path: '/members', guard: 'organisation', page: lazyPage(() => import('./members/members.page.tsx'), 'MembersPage') },
    { path: '/audit', guard: 'organisation', page: lazyPage(() => import('./audit/audit.page.tsx'), 'AuditPage') },
    { path: '/organisation', guard: 'organisation', page: lazyPage(() => import('./organisation/organisation-settings.page.tsx'), 'OrganisationSettingsPage') },
  ],
  nav: [
    { path: '/', labelKey: 'nav.home', section: 'start' },
    { path: '/members', labelKey: 'nav.members', section: 'administration' },
    { path: '/audit', labelKey: 'nav.audit', section: 'administration', permission: 'audit.read' },
    { path: '/organisation', labelKey: 'nav.organisation', section: 'administration', permission: 'organisation.update' },
    { path: '/account', labelKey: 'nav.account', section: 'personal', withoutOrganisation: true },
  ],
};
