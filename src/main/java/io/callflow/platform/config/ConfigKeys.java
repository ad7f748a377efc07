package io.callflow.platform.config;

/**
 * Every MicroProfile Config key of the product, in one place. Defaults that make the embedded start
 * work live beside them in {@code META-INF/microprofile-config.properties}; production overrides
 * them with environment variables (MicroProfile's mapping: {@code callflow.db.url} ← {@code
 * CALLFLOW_DB_URL}).
 */
public final class ConfigKeys {

  /** JDBC URL of the PostgreSQL database. */
  public static final String DB_URL = "callflow.db.url";

  /** Database user. */
  public static final String DB_USER = "callflow.db.user";

  /** Database password. */
  public static final String DB_PASSWORD = "callflow.db.password";

  /**
   * Artemis connection parameters ({@code host=…;port=…}). Message-driven beans read it before the
   * application's own configuration is visible, so it must come from an environment variable or a
   * {@code -D} system property ({@code CALLFLOW_BROKER_CONNECTION_PARAMETERS}).
   */
  public static final String BROKER_CONNECTION_PARAMETERS = "callflow.broker.connection-parameters";

  /** Broker user; environment variable or system property, as the connection parameters. */
  public static final String BROKER_USER = "callflow.broker.user";

  /** Broker password; environment variable or system property, as the connection parameters. */
  public static final String BROKER_PASSWORD = "callflow.broker.password";

  /**
   * Path of the demo seed file (pools, numbers, queues) loaded when the database has no pools;
   * "none" disables seeding.
   */
  public static final String SEED_PATH = "callflow.seed.path";

  /**
   * ISO 3166 region ("US", "FR") assumed for phone numbers written without a country code, such as
   * an operator's "(800) 555-0100" or a switch's national ANI.
   */
  public static final String PHONE_DEFAULT_REGION = "callflow.phone.default-region";

  /** This node's access-code prefix: empty, digits ("9") or a digit range ("7-9"). */
  public static final String ACCESS_CODE_PREFIX = "callflow.access-code-prefix";

  /** Attempts of one push (the first included) before it is dead-lettered (5). */
  public static final String NOTIFICATION_MAX_ATTEMPTS = "callflow.notification.max-attempts";

  /** Delay before the first retry of a push, doubled each attempt up to a minute (1000 ms). */
  public static final String NOTIFICATION_RETRY_BASE_MS = "callflow.notification.retry-base-ms";

  /** Timeout of one httpcb POST, connect and answer each (5000 ms). */
  public static final String NOTIFICATION_HTTP_TIMEOUT_MS = "callflow.notification.http-timeout-ms";

  /**
   * Whether httpcb pushes may go to loopback, private, link-local or unique-local addresses (false:
   * a subscriber cannot make the server call into its own network; the embedded start sets true).
   */
  public static final String NOTIFICATION_HTTPCB_ALLOW_PRIVATE =
      "callflow.notification.httpcb.allow-private";

  /**
   * Comma-separated host names httpcb pushes may always reach, e.g. an internal webhook gateway.
   */
  public static final String NOTIFICATION_HTTPCB_ALLOWED_HOSTS =
      "callflow.notification.httpcb.allowed-hosts";

  /**
   * Access numbers one client (gms_user, else address) may ask one service for per minute, per
   * server instance (120; 0: unlimited); a service's {@code _allocations_per_client_per_minute}
   * overrides it.
   */
  public static final String ALLOCATIONS_PER_CLIENT_PER_MINUTE =
      "callflow.allocation.per-client-per-minute";

  /**
   * Days an ended booking is kept before {@code EndedBookingSweep} deletes it (7; at least 1): for
   * an operator's questions about past calls. Nothing in the product reads ended bookings older
   * than the console's last sampling interval.
   */
  public static final String ENDED_BOOKINGS_KEPT_DAYS =
      "callflow.allocation.ended-bookings-kept-days";

  /**
   * Days an ended service instance (completed, cancelled, expired or failed) is kept after its last
   * change before {@code EndedInstanceSweep} deletes it, with its call results, dial attempts and
   * queue wait (30; at least 1). Until then the Service API answers it by id and the console finds
   * it; afterwards it is unknown (404). Pushes' outcomes are kept as long ({@code DeliverySweep}).
   */
  public static final String ENDED_INSTANCES_KEPT_DAYS =
      "callflow.service.ended-instances-kept-days";

  /** The administrator's user name for the admin API's Basic authentication ("admin"). */
  public static final String ADMIN_USER = "callflow.admin.user";

  /**
   * The administrator's password; unset, the admin API refuses everyone (the embedded start sets
   * one).
   */
  public static final String ADMIN_PASSWORD = "callflow.admin.password";

  /**
   * How apps authenticate on the Service, Callback, Notification and Storage APIs ({@code
   * /genesys/*}): {@code none} (the default: GMS's {@code gms_user} header names the client),
   * {@code basic}, {@code bearer}, or {@code basic,bearer}. When set, the authenticated principal
   * is the client's {@code gms_user}, whatever the header says.
   */
  public static final String APP_AUTH = "callflow.app.auth";

  /** The apps' Basic credentials, {@code user:password[,user:password…]}. */
  public static final String APP_USERS = "callflow.app.users";

  /** The apps' bearer tokens, {@code token:principal[,token:principal…]}. */
  public static final String APP_TOKENS = "callflow.app.tokens";

  /** Base URL of Firebase Cloud Messaging; a stub's address in tests. */
  public static final String FCM_ENDPOINT = "callflow.fcm.endpoint";

  /** Firebase project id whose {@code messages:send} FCM pushes go through. */
  public static final String FCM_PROJECT_ID = "callflow.fcm.project-id";

  /** Path of the Google service-account JSON file that FCM pushes are authorised with. */
  public static final String FCM_CREDENTIALS_FILE = "callflow.fcm.credentials-file";

  /**
   * Base URL of the APNs provider API (https://api.sandbox.push.apple.com for development apps).
   */
  public static final String APNS_ENDPOINT = "callflow.apns.endpoint";

  /**
   * Path of the APNs authentication key, the .p8 file downloaded from the Apple developer account.
   */
  public static final String APNS_KEY_FILE = "callflow.apns.key-file";

  /** Key id of the APNs authentication key (10 characters, shown beside the key by Apple). */
  public static final String APNS_KEY_ID = "callflow.apns.key-id";

  /** Apple developer team id that owns the APNs authentication key. */
  public static final String APNS_TEAM_ID = "callflow.apns.team-id";

  /** Bundle id of the iOS app, sent as {@code apns-topic}. */
  public static final String APNS_TOPIC = "callflow.apns.topic";

  /**
   * Whether the customer demo page ({@code /demo/}) is served (false: production shows no demo; the
   * embedded start sets true).
   */
  public static final String DEMO_ENABLED = "callflow.demo.enabled";

  /**
   * The agents who may sign in on the desktop page ({@code /desktop/}), {@code
   * agentId:password[,agentId:password…]}; unset, nobody can (the embedded start sets demo
   * accounts).
   */
  public static final String DESKTOP_ACCOUNTS = "callflow.desktop.accounts";

  /**
   * Seconds between two samples of every pool for the operations console's utilisation chart and
   * sizing advice (60; at least 5).
   */
  public static final String CONSOLE_SAMPLE_SECONDS = "callflow.console.sample-seconds";

  /**
   * Seconds between two keep-alive comments on every open server-sent event stream of instances
   * (15): proxies keep a quiet stream open, and a stream whose client left is found and closed.
   */
  public static final String STREAM_KEEP_ALIVE_SECONDS = "callflow.streams.keep-alive-seconds";

  private ConfigKeys() {}
}
