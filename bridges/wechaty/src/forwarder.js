import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { signedHeaders } from './signature.js'

const PAUSES = { firstMs: 500, longestMs: 30_000 }
const ANSWER_TIMEOUT_MS = 10_000

/**
 * Carries heard messages to the gateway webhook, in the order heard. Each message is written to
 * disk before it is sent and removed once the host answered 2xx (stored) or 4xx (refused for good:
 * sending it again would not help), so a bridge that stops with messages in hand sends them after
 * its restart. A 5xx or no answer is tried again with growing pauses; the ones behind it wait.
 */
export class Forwarder {
  #folder
  #url
  #secret
  #log
  #sequence = 0
  #queue = []
  #running = null
  #stopped = false
  #wakeIdle = null
  #wakeStop = null
  #pauses

  constructor ({ stateDir, gatewayUrl, gatewaySecret, log = console, pauses = PAUSES }) {
    this.#pauses = pauses
    this.#folder = join(stateDir, 'pending')
    this.#url = new URL('/webhooks/gateway', gatewayUrl).toString()
    this.#secret = gatewaySecret
    this.#log = log
  }

  /** Reads what an earlier run left unsent and starts sending. */
  async start () {
    await mkdir(this.#folder, { recursive: true })
    const names = (await readdir(this.#folder)).filter(n => n.endsWith('.json')).sort()
    for (const name of names) {
      this.#queue.push(name)
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
    this.#wakeIdle?.()
    this.#wakeStop?.()
    await this.#running
  }

  /** Keeps the message on disk, then queues it. */
  async enqueue (body) {
    const name = `${String(++this.#sequence).padStart(12, '0')}.json`
    const temporary = join(this.#folder, `${name}.tmp`)
    await writeFile(temporary, JSON.stringify(body), { flush: true })
    await rename(temporary, join(this.#folder, name))
    this.#queue.push(name)
    // Wakes an idle loop only: a pause after a failure is kept, however much is said meanwhile.
    this.#wakeIdle?.()
  }

  get pending () {
    return this.#queue.length
  }

  async #run () {
    let pause = this.#pauses.firstMs
    while (!this.#stopped) {
      const name = this.#queue[0]
      if (!name) {
        await new Promise(resolve => { this.#wakeIdle = resolve })
        this.#wakeIdle = null
        continue
      }

      const outcome = await this.#send(name)
      if (outcome === 'done') {
        await unlink(join(this.#folder, name)).catch(() => {})
        this.#queue.shift()
        pause = this.#pauses.firstMs
      } else {
        await new Promise(resolve => {
          const timer = setTimeout(resolve, pause)
          this.#wakeStop = () => { clearTimeout(timer); resolve() }
        })
        this.#wakeStop = null
        pause = Math.min(pause * 2, this.#pauses.longestMs)
      }
    }
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
