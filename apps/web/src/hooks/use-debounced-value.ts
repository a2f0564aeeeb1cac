import { useEffect, useState } from 'react'

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebouncedValue<T>(
  value: T,
  delayMs: number,
  equals: (a: T, b: T) => boolean = Object.is,
): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    if (equals(value, settled)) return
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, settled, delayMs, equals])
  return settled
}
