import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const KEEP = 20_000

/**
 * The idempotency keys of what was already said, kept across restarts: the host sends a message
 * again when it did not hear our answer, and the room must not hear it twice.
 */
export class SentKeys {
  #file
  #keys = new Set()

  constructor (stateDir) {
    this.#file = join(stateDir, 'sent-keys.txt')
  }

  async load () {
    await mkdir(join(this.#file, '..'), { recursive: true })
    const text = await readFile(this.#file, 'utf8').catch(error => error.code === 'ENOENT' ? '' : Promise.reject(error))
    const keys = text.split('\n').filter(Boolean)
    this.#keys = new Set(keys.slice(-KEEP))
    if (keys.length > KEEP * 2) {
      await writeFile(this.#file, [...this.#keys].join('\n') + '\n')
    }
  }

  has (key) {
    return this.#keys.has(key)
  }

  async add (key) {
    this.#keys.add(key)
    if (this.#keys.size > KEEP * 2) {
      // A Set keeps insertion order: the oldest go first.
      this.#keys = new Set([...this.#keys].slice(-KEEP))
    }
    await appendFile(this.#file, `${key}\n`, { flush: true })
  }
}
