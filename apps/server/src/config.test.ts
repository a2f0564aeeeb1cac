import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.js'

describe('loadConfig', () => {
  it('fills defaults for an empty environment', () => {
    const r = loadConfig({})
    expect(r).toEqual({
      ok: true,
      config: expect.objectContaining({
        PORT: 4000,
        DATA_DIR: './.data',
        LOG_LEVEL: 'info',
        DEMO_REGION: 'us',
      }),
    })
    expect(r.ok && r.config.DATABASE_URL).toBeUndefined()
  })

  it('treats blank values as unset', () => {
    const r = loadConfig({ PORT: ' ', DATABASE_URL: '' })
    expect(r.ok && r.config.PORT).toBe(4000)
  })

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a number (got "abc")'],
    [{ PORT: '70000' }, 'PORT must be between 1 and 65535 (got "70000")'],
    [{ PORT: '80.5' }, 'PORT must be a whole number'],
    [
      { DATABASE_URL: 'mysql://x@h/db' },
      'DATABASE_URL must start with postgres:// or postgresql://',
    ],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a URL'],
    [
      { REDIS_URL: 'http://h' },
      'REDIS_URL must start with redis:// or rediss://',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    [{ DEMO_REGION: 'asia' }, 'DEMO_REGION must be us or europe (got "asia")'],
    [
      { SESSION_SECRET: 'short' },
      'SESSION_SECRET must be at least 32 characters',
    ],
  ])('names the bad variable: %o', (env, message) => {
    const r = loadConfig(env)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.message).toContain(message)
  })

  it('never echoes a secret or a database password', () => {
    const a = loadConfig({ SESSION_SECRET: 'hunter2' })
    expect(!a.ok && a.message).not.toContain('hunter2')
    const b = loadConfig({ DATABASE_URL: 'mysql://bob:pw123@h/db' })
    expect(!b.ok && b.message).toContain('mysql://bob:***@h/db')
    expect(!b.ok && b.message).not.toContain('pw123')
  })
})
