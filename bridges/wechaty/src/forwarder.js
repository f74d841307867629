import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { signedHeaders } from './signature.js'

const PAUSES = { firstMs: 500, longestMs: 30_000 }
const ANSWER_TIMEOUT_MS = 10_000

/**
 * Carries heard messages to the gateway webhook, each room's in the order heard. Each message is
 * written to disk before it is sent and removed once the host answered 2xx (stored) or 4xx
 * (refused for good: sending it again would not help), so a bridge that stops with messages in
 * hand sends them after its restart. A 5xx or no answer is tried again with growing pauses; that
 * room's later messages wait behind it, other rooms' go on.
 */
export class Forwarder {
  #folder
  #url
  #secret
  #log
  #pauses
  #sequence = 0
  #queue = [] // { name, chatId }, oldest first
  #rooms = new Map() // chatId → { pause, retryAt } while its first message is being retried
  #running = null
  #stopped = false
  #wake = null

  constructor ({ stateDir, gatewayUrl, gatewaySecret, log = console, pauses = PAUSES }) {
    this.#folder = join(stateDir, 'pending')
    this.#url = new URL('/webhooks/gateway', gatewayUrl).toString()
    this.#secret = gatewaySecret
    this.#log = log
    this.#pauses = pauses
  }

  /** Reads what an earlier run left unsent and starts sending. */
  async start () {
    await mkdir(this.#folder, { recursive: true })
    const names = (await readdir(this.#folder)).filter(n => n.endsWith('.json')).sort()
    for (const name of names) {
      const body = JSON.parse(await readFile(join(this.#folder, name), 'utf8'))
      this.#queue.push({ name, chatId: body.chatId })
      this.#sequence = Math.max(this.#sequence, Number.parseInt(name, 10) || 0)
    }
    if (names.length > 0) {
      this.#log.info(`forwarding ${names.length} message(s) left from the last run`)
    }
    this.#stopped = false
    this.#running = this.#run().catch(error => this.#log.error(`forwarding stopped: ${error.message}`))
  }

  async stop () {
    this.#stopped = true
    this.#wake?.()
    await this.#running
  }

  /** Keeps the message on disk, then queues it. */
  async enqueue (body) {
    const name = `${String(++this.#sequence).padStart(12, '0')}.json`
    const temporary = join(this.#folder, `${name}.tmp`)
    await writeFile(temporary, JSON.stringify(body), { flush: true })
    await rename(temporary, join(this.#folder, name))
    this.#queue.push({ name, chatId: body.chatId })
    this.#wake?.()
  }

  get pending () {
    return this.#queue.length
  }

  async #run () {
    while (!this.#stopped) {
      const next = this.#next()
      if (!next) {
        // Until a message comes, or the earliest room waiting for its retry may try again.
        const retryAts = [...this.#rooms.values()].map(room => room.retryAt)
        const sleep = retryAts.length > 0 ? Math.max(0, Math.min(...retryAts) - Date.now()) : null
        await new Promise(resolve => {
          const timer = sleep === null ? null : setTimeout(resolve, sleep)
          this.#wake = () => { clearTimeout(timer); resolve() }
        })
        this.#wake = null
        continue
      }

      if (await this.#send(next.name) === 'done') {
        await unlink(join(this.#folder, next.name)).catch(() => {})
        this.#queue.splice(this.#queue.indexOf(next), 1)
        this.#rooms.delete(next.chatId)
      } else {
        const pause = Math.min((this.#rooms.get(next.chatId)?.pause ?? this.#pauses.firstMs / 2) * 2, this.#pauses.longestMs)
        this.#rooms.set(next.chatId, { pause, retryAt: Date.now() + pause })
      }
    }
  }

  /** The oldest message that is first in its room, of a room not waiting for a retry. */
  #next () {
    const heads = new Set()
    for (const entry of this.#queue) {
      if (heads.has(entry.chatId)) {
        continue
      }
      heads.add(entry.chatId)
      const room = this.#rooms.get(entry.chatId)
      if (!room || room.retryAt <= Date.now()) {
        return entry
      }
    }
    return null
  }

  async #send (name) {
    const body = await readFile(join(this.#folder, name))
    let response
    let answer
    try {
      response = await fetch(this.#url, {
        method: 'POST',
        headers: signedHeaders(this.#secret, body),
        body,
        signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
      })
      answer = await response.text()
    } catch (error) {
      // No answer, or one cut off half way: the host may or may not have it, and takes a repeat once.
      this.#log.warn(`the host did not answer (${error.cause?.code ?? error.name}); trying again`)
      return 'again'
    }

    if (response.ok) {
      return 'done'
    }
    if (response.status >= 400 && response.status < 500) {
      // The host refused it for good (a field, the signature, the size): logged, not repeated.
      this.#log.error(`the host refused message ${JSON.parse(body).messageId} with ${response.status}: ${answer.slice(0, 300)}`)
      return 'done'
    }
    this.#log.warn(`the host answered ${response.status}; trying again`)
    return 'again'
  }
}
