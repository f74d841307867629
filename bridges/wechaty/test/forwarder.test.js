import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Forwarder } from '../src/forwarder.js'
import { refusal } from '../src/signature.js'

const SECRET = 'forwarder-test-secret'
const quiet = { info () {}, warn () {}, error () {} }
// The same doubling pauses, from 20 ms instead of half a second.
const pauses = { firstMs: 20, longestMs: 1000 }

/** A gateway that answers each POST with the next of `answers` (then 200), or as `answers(body)` says, recording what came. */
async function gateway (answers) {
  const received = []
  const server = createServer(async (request, response) => {
    const chunks = []
    for await (const chunk of request) chunks.push(chunk)
    const body = Buffer.concat(chunks)
    received.push({ body: JSON.parse(body), refused: refusal(SECRET, request.headers, body) })
    const next = typeof answers === 'function' ? answers(received.at(-1).body) : answers.shift() ?? 200
    if (next === 'hang up') {
      request.socket.destroy()
      return
    }
    if (next === 'cut off') {
      response.writeHead(200, { 'content-length': '100' })
      response.write('{"sta')
      request.socket.destroy()
      return
    }
    response.writeHead(next).end('{}')
  })
  await new Promise(done => server.listen(0, '127.0.0.1', done))
  return { url: `http://127.0.0.1:${server.address().port}`, received, close: () => new Promise(done => { server.closeAllConnections(); server.close(done) }) }
}

async function until (condition) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise(done => setTimeout(done, 50))
  assert.ok(condition(), 'condition never held')
}

test('5xx, no answer and a cut-off answer are sent again in order, signed each time; a 4xx is not sent again', async () => {
  const stateDir = await mkdtemp(join(tmpdir(), 'forwarder-'))
  const host = await gateway([503, 'hang up', 'cut off', 500, 400])
  const forwarder = new Forwarder({ stateDir, gatewayUrl: host.url, gatewaySecret: SECRET, log: quiet, pauses })
  try {
    await forwarder.start()
    await forwarder.enqueue({ messageId: 'm-1', chatId: 'room-1', text: '苹果+1' })
    await forwarder.enqueue({ messageId: 'm-2', chatId: 'room-1', text: '香蕉+1' })
    await until(() => forwarder.pending === 0)

    // m-1: 503, hang-up, an answer cut off half way, 500, then 400 (refused for good: dropped); m-2 once, after it.
    assert.deepEqual(host.received.map(r => r.body.messageId), ['m-1', 'm-1', 'm-1', 'm-1', 'm-1', 'm-2'])
    assert.ok(host.received.every(r => r.refused === null), 'every attempt is signed')
    assert.deepEqual(await readdir(join(stateDir, 'pending')), [])
  } finally {
    await forwarder.stop()
    await host.close()
    await rm(stateDir, { recursive: true, force: true })
  }
})

test('messages still unsent when the bridge stops are sent after its restart, once', async () => {
  const stateDir = await mkdtemp(join(tmpdir(), 'forwarder-'))
  const first = new Forwarder({ stateDir, gatewayUrl: 'http://127.0.0.1:9', gatewaySecret: SECRET, log: quiet, pauses })
  await first.start()
  await first.enqueue({ messageId: 'm-kept', chatId: 'room-1', text: '截单' })
  await first.stop()

  const host = await gateway([])
  const second = new Forwarder({ stateDir, gatewayUrl: host.url, gatewaySecret: SECRET, log: quiet, pauses })
  try {
    await second.start()
    await until(() => second.pending === 0)
    assert.deepEqual(host.received.map(r => r.body.messageId), ['m-kept'])
  } finally {
    await second.stop()
    await host.close()
    await rm(stateDir, { recursive: true, force: true })
  }
})

test('a room whose message the host keeps refusing with 5xx does not hold up the other rooms', async () => {
  const stateDir = await mkdtemp(join(tmpdir(), 'forwarder-'))
  let refusals = 3
  const host = await gateway(body => body.messageId === 'a-1' && refusals-- > 0 ? 500 : 200)
  const forwarder = new Forwarder({ stateDir, gatewayUrl: host.url, gatewaySecret: SECRET, log: quiet, pauses: { firstMs: 300, longestMs: 1000 } })
  try {
    await forwarder.start()
    await forwarder.enqueue({ messageId: 'a-1', chatId: 'room-a', text: '苹果+1' })
    await forwarder.enqueue({ messageId: 'b-1', chatId: 'room-b', text: '香蕉+1' })
    await forwarder.enqueue({ messageId: 'a-2', chatId: 'room-a', text: '苹果+2' })
    await until(() => forwarder.pending === 0)

    const order = host.received.map(r => r.body.messageId)
    // room-b went while room-a waited; room-a's messages kept their order.
    assert.ok(order.indexOf('b-1') < order.lastIndexOf('a-1'), order.join(' '))
    assert.ok(order.lastIndexOf('a-1') < order.indexOf('a-2'), order.join(' '))
    assert.equal(order.filter(id => id === 'b-1').length, 1)
  } finally {
    await forwarder.stop()
    await host.close()
    await rm(stateDir, { recursive: true, force: true })
  }
})
