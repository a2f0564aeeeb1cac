import { QueryObserver } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { createQueryClient, resetSessionCache } from './trpc'

describe('resetSessionCache', () => {
  it('drops other queries but tells the session watcher about the new user', async () => {
    const client = createQueryClient(() => undefined)
    const sessionKey = [['auth', 'me'], { type: 'query' }]
    const seen: unknown[] = []
    const observer = new QueryObserver(client, {
      queryKey: sessionKey,
      queryFn: () => null,
      staleTime: Infinity,
    })
    const unsubscribe = observer.subscribe((result) => seen.push(result.data))
    await client.fetchQuery({ queryKey: sessionKey, queryFn: () => null })
    client.setQueryData(
      [['plans', 'list'], { type: 'query' }],
      ['a plan of the previous user'],
    )

    resetSessionCache(client, sessionKey, { id: 'usr_1' })

    expect(seen.at(-1)).toEqual({ id: 'usr_1' })
    expect(
      client.getQueryData([['plans', 'list'], { type: 'query' }]),
    ).toBeUndefined()
    unsubscribe()
    client.clear()
  })
})
