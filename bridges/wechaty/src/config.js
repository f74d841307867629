// Every setting comes from the environment; a missing or wrong one stops the start with its name.
export function readConfig (env = process.env) {
  const problems = []
  const required = (name) => {
    const value = env[name]
    if (!value) {
      problems.push(`${name} is required`)
    }
    return value ?? ''
  }
  const integer = (name, fallback, min, max) => {
    if (env[name] === undefined || env[name] === '') {
      return fallback
    }
    const value = Number(env[name])
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, not '${env[name]}'`)
    }
    return value
  }

  const config = {
    puppet: env.WECHATY_PUPPET || 'wechaty-puppet-service',
    puppetToken: env.WECHATY_PUPPET_SERVICE_TOKEN || '',
    gatewayUrl: required('GROUPBUY_GATEWAY_URL'),
    gatewaySecret: required('GROUPBUY_GATEWAY_SECRET'),
    port: integer('BRIDGE_PORT', 8088, 1, 65535),
    host: env.BRIDGE_HOST || '127.0.0.1',
    publicUrl: env.BRIDGE_PUBLIC_URL || '',
    stateDir: env.BRIDGE_STATE_DIR || 'state',
    roomMessagesPerMinute: integer('BRIDGE_ROOM_MESSAGES_PER_MINUTE', 20, 1, 600),
  }

  if (config.gatewayUrl && !/^https?:\/\//.test(config.gatewayUrl)) {
    problems.push(`GROUPBUY_GATEWAY_URL must be an http(s) URL of the host, not '${config.gatewayUrl}'`)
  }
  if (problems.length > 0) {
    throw new Error(`The bridge cannot start: ${problems.join('; ')}.`)
  }

  config.publicUrl ||= `http://${config.host}:${config.port}`
  return config
}
