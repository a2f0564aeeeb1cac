/** The sign-in page. The server's own messages (wrong password, rate limit) stay its words. */
export const auth = {
  title: 'Sign in',
  lede: 'Plan, balance and publish sales territories with your team.',
  trouble: 'Trouble signing in? Your Tessera admin can reset your password.',
  email: 'Work email',
  emailPlaceholder: 'you@company.com',
  password: 'Password',
  signingIn: 'Signing in…',
  submit: 'Sign in',
  errors: {
    unknown: 'Something went wrong. Please try again.',
    unreachable:
      'Can’t reach Tessera right now. Check your connection and try again.',
    invalid: 'Enter your email and password.',
    failed: 'Signing in failed. Please try again.',
    noEmail: 'Enter your email.',
    noPassword: 'Enter your password.',
  },
} as const
