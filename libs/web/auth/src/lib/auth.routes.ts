import type { Routes } from '@angular/router';

/**
 * The signed-out pages, mounted by the shell at the root: /sign-in, /register, /verify-email,
 * /forgot-password, /reset-password, and /account/delete (the mailed link that confirms deleting an
 * account; it works signed out). Each page is its own lazy chunk.
 */
export const authRoutes: Routes = [
  {
    path: 'sign-in',
    title: 'Sign in · Confer',
    loadComponent: () => import('./sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    path: 'register',
    title: 'Create your account · Confer',
    loadComponent: () => import('./register/register-page').then((m) => m.RegisterPage),
  },
  {
    path: 'verify-email',
    title: 'Confirm your email address · Confer',
    loadComponent: () => import('./verify-email/verify-email-page').then((m) => m.VerifyEmailPage),
  },
  {
    path: 'forgot-password',
    title: 'Forgot your password · Confer',
    loadComponent: () => import('./forgot-password/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password · Confer',
    loadComponent: () => import('./reset-password/reset-password-page').then((m) => m.ResetPasswordPage),
  },
  {
    // DELETION_CONFIRM_PAGE of the identity contracts, without its leading slash.
    path: 'account/delete',
    title: 'Delete your account · Confer',
    loadComponent: () => import('./delete-account/delete-account-page').then((m) => m.DeleteAccountPage),
  },
];
