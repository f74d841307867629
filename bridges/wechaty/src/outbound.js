import { createServer } from 'node:http'
import { createReadStream } from 'node:fs'
import { join, basename, extname } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { refusal } from './signature.js'

const MAX_BODY_BYTES = 64 * 1024
const SAY_TIMEOUT_MS = 30_000
const IMAGE_TYPES = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif', '.webp': 'image/webp' }

/**
 * The endpoint the host posts its messages to (Gateway:OutboundUrl, path /send): checks the
 * signature, drops a repeated idempotency key, keeps each room's pace, and has the puppet say the
 * text in the room (with real @-mentions) or to the person. Also serves the images it forwarded.
 */
export function createOutboundServer ({ config, say, sentKeys, pace, mediaFolder, log = console }) {
  // Keys being said right now: a repeat that arrives meanwhile (the host gave up waiting) waits.
  const saying = new Set()
  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url, 'http://bridge')
      if (request.method === 'GET' && url.pathname === '/healthz') {
        return answer(response, 200, { status: 'ok' })
      }
      if (request.method === 'GET' && url.pathname.startsWith('/media/')) {
        return serveMedia(response, mediaFolder, url.pathname.slice('/media/'.length))
      }
      if (request.method !== 'POST' || url.pathname !== '/send') {
        return answer(response, 404, { title: 'Not found' })
      }

      const body = await readBody(request)
      if (body === null) {
        return answer(response, 413, { title: 'Body too large', detail: `at most ${MAX_BODY_BYTES} bytes` })
      }
      const refused = refusal(config.gatewaySecret, request.headers, body)
      if (refused) {
        log.warn(`refused a post to /send: ${refused}`)
        return answer(response, 401, { title: 'Signature refused', detail: refused })
      }

      let message
      try {
        message = JSON.parse(body.toString('utf8'))
      } catch {
        return answer(response, 400, { title: 'Not JSON', detail: 'The body is not valid JSON.' })
      }
      const invalid = check(message)
      if (invalid) {
        return answer(response, 400, { title: 'Invalid message', detail: invalid })
      }

      const key = message.idempotencyKey
      if (sentKeys.has(key)) {
        return answer(response, 200, { status: 'duplicate' })
      }
      if (saying.has(key)) {
        response.setHeader('retry-after', '2')
        return answer(response, 429, { title: 'Being said', detail: 'This message is being said right now; send again to hear how it went.' })
      }

      const target = message.chatId ?? `user:${message.toUserId}`
      const wait = pace.take(target)
      if (wait > 0) {
        response.setHeader('retry-after', String(wait))
        return answer(response, 429, { title: 'Too many messages for this chat', detail: `Send again in ${wait} s.` })
      }

      saying.add(key)
      try {
        await withTimeout(say(message), SAY_TIMEOUT_MS)
        await sentKeys.add(key)
      } catch (error) {
        pace.release(target)
        throw error
      } finally {
        saying.delete(key)
      }
      return answer(response, 200, { status: 'sent' })
    } catch (error) {
      // The puppet could not say it (logged out, room gone): the host keeps it and tries again.
      log.error(`could not deliver a message: ${error.message}`)
      return answer(response, 503, { title: 'Not delivered', detail: 'The WeChat side could not take the message just now.' })
    }
  })
}

function check (message) {
  if (typeof message !== 'object' || message === null) {
    return 'The body must be a JSON object.'
  }
  if (typeof message.text !== 'string' || message.text.length === 0) {
    return "'text' is required."
  }
  if (!isId(message.idempotencyKey)) {
    return "'idempotencyKey' is required: one line of text."
  }
  if (!message.chatId === !message.toUserId || !isId(message.chatId ?? message.toUserId)) {
    return "Exactly one of 'chatId' and 'toUserId' is required, as text."
  }
  if (message.mentions !== undefined && message.mentions !== null && (!Array.isArray(message.mentions) || !message.mentions.every(isId))) {
    return "'mentions' must be a list of user ids."
  }
  return null
}

// Ids and keys are one line of text (a key is kept one per line across restarts).
function isId (value) {
  return typeof value === 'string' && value.length > 0 && value.length <= 256 && !/[\u0000-\u001f]/.test(value)
}

function withTimeout (promise, ms) {
  let timer
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer from the puppet in ${ms / 1000} s`)), ms) })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function readBody (request) {
  const chunks = []
  let size = 0
  for await (const chunk of request) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) {
      return null
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

async function serveMedia (response, folder, name) {
  if (name !== basename(name) || !/^[\w-]+\.(jpe?g|png|gif|webp)$/i.test(name)) {
    return answer(response, 404, { title: 'Not found' })
  }
  const stream = createReadStream(join(folder, name))
  stream.once('open', () => response.writeHead(200, { 'content-type': IMAGE_TYPES[extname(name).toLowerCase()] }))
  try {
    await pipeline(stream, response)
  } catch {
    answer(response, 404, { title: 'Not found' })
  }
}

function answer (response, status, body) {
  if (response.headersSent) {
    return
  }
  response.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' })
  response.end(JSON.stringify(status >= 400 ? { status, ...body } : body))
}
