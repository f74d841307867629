import { createHmac, timingSafeEqual } from 'node:crypto'

// The gateway contract's signature, both ways: hex HMAC-SHA256 of "{timestamp}.{body}" with the
// shared secret, sent as "sha256=<hex>" beside the Unix timestamp in seconds.
export const TIMESTAMP_HEADER = 'x-groupbuy-timestamp'
export const SIGNATURE_HEADER = 'x-groupbuy-signature'
export const MAX_SKEW_SECONDS = 300

export function sign (secret, timestamp, body) {
  const mac = createHmac('sha256', secret)
  mac.update(`${timestamp}.`)
  mac.update(body)
  return `sha256=${mac.digest('hex')}`
}

/** Headers for a signed POST of these bytes. */
export function signedHeaders (secret, body, now = Date.now()) {
  const timestamp = String(Math.floor(now / 1000))
  return {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: sign(secret, timestamp, body),
  }
}

/** Null when the request is signed with the secret and fresh; otherwise why not. */
export function refusal (secret, headers, body, now = Date.now()) {
  const timestamp = headers[TIMESTAMP_HEADER]
  const given = headers[SIGNATURE_HEADER]
  if (!timestamp || !given) {
    return 'missing signature headers'
  }

  const seconds = Number(timestamp)
  if (!Number.isInteger(seconds) || Math.abs(now / 1000 - seconds) > MAX_SKEW_SECONDS) {
    return `timestamp is more than ${MAX_SKEW_SECONDS} s from now`
  }

  const expected = Buffer.from(sign(secret, timestamp, body))
  const actual = Buffer.from(String(given))
  // Compared in constant time; lengths differ only for a malformed header.
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? null : 'signature does not match'
}
