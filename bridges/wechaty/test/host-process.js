import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** The host as built by `dotnet build` (or GROUPBUY_HOST_DLL), started as an operator would. */
export function hostDll () {
  const dll = process.env.GROUPBUY_HOST_DLL || resolve(here, '../../../src/BotHost/bin/Debug/net10.0/GroupBuy.BotHost.dll')
  if (!existsSync(dll)) {
    throw new Error(`The host is not built: no ${dll}. Run 'dotnet build src/BotHost' first (or set GROUPBUY_HOST_DLL).`)
  }
  return dll
}

export async function freePort () {
  const server = createServer()
  await new Promise(done => server.listen(0, '127.0.0.1', done))
  const { port } = server.address()
  await new Promise(done => server.close(done))
  return port
}

export class HostProcess {
  #child = null
  #output = []

  constructor ({ port, workFolder, settings }) {
    this.port = port
    this.url = `http://127.0.0.1:${port}`
    this.workFolder = workFolder
    this.settings = settings
  }

  get output () {
    return this.#output.join('')
  }

  async start () {
    const dll = hostDll()
    const env = { ...process.env, Logging__Console__FormatterName: 'simple' }
    delete env.ASPNETCORE_ENVIRONMENT
    delete env.DOTNET_ENVIRONMENT
    const args = [dll, '--contentRoot', dirname(dll), '--urls', this.url]
    for (const [key, value] of Object.entries(this.settings)) {
      args.push(`--${key}=${value}`)
    }
    this.#child = spawn('dotnet', args, { cwd: this.workFolder, env, stdio: ['ignore', 'pipe', 'pipe'] })
    this.#child.stdout.on('data', chunk => this.#output.push(chunk.toString()))
    this.#child.stderr.on('data', chunk => this.#output.push(chunk.toString()))

    const deadline = Date.now() + 90_000
    while (Date.now() < deadline) {
      if (this.#child.exitCode !== null) {
        throw new Error(`The host exited with ${this.#child.exitCode}:\n${this.output}`)
      }
      try {
        const response = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2000) })
        if (response.ok) {
          return
        }
      } catch {
        // not listening yet
      }
      await new Promise(done => setTimeout(done, 250))
    }
    throw new Error(`The host never became healthy:\n${this.output}`)
  }

  /** SIGKILL: no shutdown, as a crash. */
  async kill () {
    if (this.#child && this.#child.exitCode === null) {
      const exited = new Promise(done => this.#child.once('exit', done))
      this.#child.kill('SIGKILL')
      await exited
    }
  }

  async admin (method, path, body) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.settings['Admin:ApiKey']}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
    }
    return text ? JSON.parse(text) : null
  }
}
