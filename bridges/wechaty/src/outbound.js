import { createServer } from 'node:http'
import { createReadStream } from 'node:fs'
import { join, basename } from 'node:path'
import { refusal } from './signature.js'

const MAX_BODY_BYTES = 64 * 1024

/**
 * The endpoint the host posts its messages to (Gateway:OutboundUrl, path /send): checks the
 * signature, drops a repeated idempotency key, keeps each room's pace, and has the puppet say the
 * text in the room (with real @-mentions) or to the person. Also serves the images it forwarded.
 */
export function createOutboundServer ({ config, say, sentKeys, pace, mediaFolder, log = console }) {
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

      if (sentKeys.has(message.idempotencyKey)) {
        return answer(response, 200, { status: 'duplicate' })
      }

      const wait = pace.take(message.chatId ?? `user:${message.toUserId}`)
      if (wait > 0) {
        response.setHeader('retry-after', String(wait))
        return answer(response, 429, { title: 'Too many messages for this chat', detail: `Send again in ${wait} s.` })
      }

      await say(message)
      await sentKeys.add(message.idempotencyKey)
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
  if (typeof message.idempotencyKey !== 'string' || message.idempotencyKey.length === 0) {
    return "'idempotencyKey' is required."
  }
  if (!message.chatId === !message.toUserId) {
    return "Exactly one of 'chatId' and 'toUserId' is required."
  }
  if (message.mentions !== undefined && message.mentions !== null && !Array.isArray(message.mentions)) {
    return "'mentions' must be a list of user ids."
  }
  return null
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

function serveMedia (response, folder, name) {
  if (name !== basename(name) || !/^[\w-]+\.(jpe?g|png|gif|webp)$/i.test(name)) {
    return answer(response, 404, { title: 'Not found' })
  }
  const stream = createReadStream(join(folder, name))
  stream.on('error', () => answer(response, 404, { title: 'Not found' }))
  stream.on('open', () => {
    response.writeHead(200, { 'content-type': name.endsWith('png') ? 'image/png' : 'image/jpeg' })
    stream.pipe(response)
  })
}

function answer (response, status, body) {
  if (response.headersSent) {
    return
  }
  response.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' })
  response.end(JSON.stringify(status >= 400 ? { status, ...body } : body))
}
