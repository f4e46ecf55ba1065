// From the checked config to working sinks: each secret read from its environment variable (the one
// the sink names, else TIDEMARK_SINK_<NAME>_<URL|TOKEN|SECRET|PASSWORD>). A missing secret is a
// configuration error at start-up naming the sink and the variable — never the value.
import { ConfigError } from '../config/config-error.js';
import type { SinkSettings } from '../config/config-schema.js';
import { sinkSecretEnv, type NamedSink } from '../config/load-config.js';
import type { Secrets } from '../config/secrets.js';
import { discordSink } from './discord-sink.js';
import { emailSink } from './email-sink.js';
import { jsonlSink } from './jsonl-sink.js';
import type { AlertSink } from './sink.js';
import { slackSink } from './slack-sink.js';
import { stdoutSink } from './stdout-sink.js';
import { telegramSink } from './telegram-sink.js';
import { webhookSink } from './webhook-sink.js';

export interface BuildSinkOptions {
  readonly secrets: Secrets;
  readonly timeoutMs: number;
  /** Where the stdout sink writes (default process.stdout). */
  readonly stdout?: (text: string) => void;
  /** The config file, for messages. */
  readonly file: string | null;
}

/** Builds every sink; throws ConfigError listing each missing secret. */
export function buildSinks(sinks: readonly NamedSink[], options: BuildSinkOptions): AlertSink[] {
  const problems: string[] = [];
  const need = (name: string, variable: string | undefined, suffix: string, what: string): string => {
    const env = variable ?? sinkSecretEnv(name, suffix);
    const value = options.secrets.read(env);
    if (value === undefined) problems.push(`sinks.${name}: ${what} is missing: set the environment variable ${env}`);
    return value ?? '';
  };
  const built = sinks.flatMap(({ name, settings }): AlertSink[] => {
    try {
      return [build(name, settings)];
    } catch (error) {
      problems.push(`sinks.${name}: ${(error as Error).message}`);
      return [];
    }
  });
  function build(name: string, s: SinkSettings): AlertSink {
    const timeoutMs = options.timeoutMs;
    switch (s.type) {
      case 'stdout':
        return stdoutSink(name, options.stdout);
      case 'jsonl':
        return jsonlSink(name, s.path);
      case 'webhook':
        return webhookSink(name, {
          url: s.url ?? need(name, s.urlEnv, 'URL', 'the webhook URL'),
          secret: need(name, s.secretEnv, 'SECRET', 'the signing secret'),
          timeoutMs,
        });
      case 'slack':
        return slackSink(name, { url: need(name, s.urlEnv, 'URL', 'the Slack webhook URL'), timeoutMs });
      case 'discord':
        return discordSink(name, { url: need(name, s.urlEnv, 'URL', 'the Discord webhook URL'), timeoutMs });
      case 'telegram':
        return telegramSink(name, {
          token: need(name, s.tokenEnv, 'TOKEN', 'the bot token'),
          chatId: s.chatId,
          ...(s.apiUrl !== undefined ? { apiUrl: s.apiUrl } : {}),
          timeoutMs,
        });
      case 'email': {
        const user = s.user ?? (s.userEnv !== undefined ? options.secrets.read(s.userEnv) : undefined);
        const password = user !== undefined ? need(name, s.passwordEnv, 'PASSWORD', 'the SMTP password') : undefined;
        return emailSink(name, {
          host: s.host,
          port: s.port ?? (s.tls === 'implicit' ? 465 : 587),
          tls: s.tls ?? 'starttls',
          ...(user !== undefined ? { user } : {}),
          ...(password !== undefined ? { password } : {}),
          from: s.from,
          to: typeof s.to === 'string' ? [s.to] : s.to,
          ...(s.caFile !== undefined ? { caFile: s.caFile } : {}),
          timeoutMs,
        });
      }
    }
  }
  if (problems.length > 0)
    throw new ConfigError(problems.map((p) => (options.file !== null ? `${options.file}: ${p}` : p)));
  return built;
}
