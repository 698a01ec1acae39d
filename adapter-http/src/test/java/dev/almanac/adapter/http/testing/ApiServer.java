package dev.almanac.adapter.http.testing;

import dev.almanac.adapter.http.HttpApi;
import dev.almanac.adapter.http.HttpSettings;
import dev.almanac.adapter.http.RateLimit;
import dev.almanac.adapter.http.RateLimits;
import dev.almanac.adapter.http.security.JwtAccessTokens;
import dev.almanac.adapter.http.security.KeyWrap;
import dev.almanac.adapter.http.security.RandomSecrets;
import dev.almanac.adapter.http.security.SigningKeyRing;
import dev.almanac.application.account.AccountPorts;
import dev.almanac.application.account.AccountUseCases;
import dev.almanac.application.audit.AuditUseCases;
import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.event.EventUseCases;
import dev.almanac.application.fakes.FakeFeedTokens;
import dev.almanac.application.fakes.FakePasswordBlocklist;
import dev.almanac.application.fakes.FakePasswordHasher;
import dev.almanac.application.fakes.InMemoryAuditTrail;
import dev.almanac.application.fakes.InMemoryLoginThrottles;
import dev.almanac.application.fakes.InMemorySigningKeys;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.application.feed.FeedUseCases;
import dev.almanac.application.port.OutgoingMail;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@link HttpApi} on a random port, wired to the in-memory repositories, a fast fake password hasher,
 * the real JWT tokens and a clock the test moves. Close it after the test (it is {@link AutoCloseable}).
 */
public final class ApiServer implements AutoCloseable {
    public static final String VERSION = "1.2.3-test";
    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]{43})");

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");
    /** Where the test service says it is reached (feed URLs are built on it, not on the request's Host). */
    public static final URI PUBLIC_URL = URI.create("https://almanac.test");
    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final HttpApi api;
    private final JsonHttp client;
    private final InMemoryStore store = new InMemoryStore();
    private final AccountUseCases accounts;

    private ApiServer(RateLimits limits, List<String> trustedProxies) {
        var ids = new SequentialIds();
        var ring = new SigningKeyRing(new InMemorySigningKeys(), new KeyWrap(
                "a test-only key-encryption secret of 32+ bytes".getBytes(StandardCharsets.UTF_8),
                new SecureRandom()), new SecureRandom());
        var tokens = new JwtAccessTokens(ring);
        this.accounts = AccountUseCases.wire(new AccountPorts(store.accounts(), store.sessions(), store.apiKeys(),
                new InMemoryLoginThrottles(),
                new FakePasswordHasher(), new FakePasswordBlocklist(), tokens, new RandomSecrets(new SecureRandom()), ids, clock,
                audit), store.lifecycle().ports());
        var calendars = CalendarUseCases.wire(store.calendars(), ids, clock);
        var events = EventUseCases.wire(store.calendars(), store.events(), ids, clock);
        var settings = new HttpSettings("127.0.0.1", 0, VERSION, HttpSettings.DEFAULT_MAX_BODY_BYTES, false,
                PUBLIC_URL, trustedProxies, limits);
        var feeds = FeedUseCases.wire(store.accounts(), store.calendars(), store.feeds(), new FakeFeedTokens(), ids, clock,
                events.export());
        this.api = HttpApi.create(settings, accounts, calendars, events, feeds,
                AuditUseCases.wire(audit, ids, clock), databaseUp::get, () -> tokens.jwks(clock.instant()), clock)
                .start();
        this.client = new JsonHttp(URI.create("http://127.0.0.1:" + api.port()));
    }

    /** Limits far above what any test sends, so only tests of the limits meet them. */
    public static final RateLimits GENEROUS = new RateLimits(new RateLimit("sign_in", 10_000, Duration.ofMinutes(1)),
            new RateLimit("sign_up", 10_000, Duration.ofMinutes(1)),
            new RateLimit("resend", 10_000, Duration.ofMinutes(1)));

    public static ApiServer start() {
        return new ApiServer(GENEROUS, List.of());
    }

    /** With these rate limits, and these proxies' {@code X-Forwarded-For} believed. */
    public static ApiServer start(RateLimits limits, List<String> trustedProxies) {
        return new ApiServer(limits, trustedProxies);
    }

    /** Everything the audit trail holds. */
    public InMemoryAuditTrail audit() {
        return audit;
    }

    /** A client without credentials. */
    public JsonHttp client() {
        return client;
    }

    /** Signs up a fresh account, verifies its address, and returns a client that sends its token. */
    public JsonHttp signedUp(String email) {
        JsonHttp pending = signedUpUnverified(email);
        client.post("/v1/accounts/verify", Json.object("token", lastTokenMailedTo(email))).expect(200);
        return pending;
    }

    /** Signs up a fresh account, leaves it waiting for verification, and returns a client that sends its token. */
    public JsonHttp signedUpUnverified(String email) {
        client.post("/v1/accounts", Json.object("email", email, "password", "correct horse battery",
                "displayName", "Test " + email)).expect(201);
        String token = client.post("/v1/auth/token", Json.object("email", email, "password",
                "correct horse battery")).expect(200).json().get("accessToken").asText();
        return client.withToken(token);
    }

    /** The mails queued and not yet relayed (no relay runs here), oldest first. */
    public List<OutgoingMail> mails() {
        return store.outbox().pending();
    }

    /** The verification token in the newest mail to {@code address}. */
    public String lastTokenMailedTo(String address) {
        List<OutgoingMail> to = mails().stream().filter(m -> m.to().value().equalsIgnoreCase(address)).toList();
        if (to.isEmpty()) {
            throw new AssertionError("no mail to " + address);
        }
        Matcher token = TOKEN.matcher(to.get(to.size() - 1).body());
        if (!token.find()) {
            throw new AssertionError("no token in the mail to " + address);
        }
        return token.group(1);
    }

    /** The account use cases behind the server, for what has no route (an operator disabling an account). */
    public AccountUseCases accounts() {
        return accounts;
    }

    public MutableClock clock() {
        return clock;
    }

    public void databaseUp(boolean up) {
        databaseUp.set(up);
    }

    public HttpApi api() {
        return api;
    }

    public int port() {
        return api.port();
    }

    @Override
    public void close() {
        api.close();
    }
}
