package io.coffer;

import io.coffer.account.AccountService;
import io.coffer.account.db.JdbcAccounts;
import io.coffer.account.http.AccountRoutes;
import io.coffer.common.UnitOfWork;
import io.coffer.config.ServerConfig;
import io.coffer.currency.Currency;
import io.coffer.currency.CurrencyCatalog;
import io.coffer.currency.http.CurrencyRoutes;
import io.coffer.db.Database;
import io.coffer.http.AccessLog;
import io.coffer.http.Api;
import io.coffer.keys.KeyVault;
import io.coffer.user.ApiAccessService;
import io.coffer.http.Bodies;
import io.coffer.http.BodyBudget;
import io.coffer.http.ErrorHandlers;
import io.coffer.keys.KeyGenerator;
import io.coffer.keys.RandomChainData;
import io.coffer.ledger.LedgerService;
import io.coffer.limits.IdempotencyService;
import io.coffer.limits.RateLimitPolicy;
import io.coffer.limits.RateLimiter;
import io.coffer.limits.ReadLimiter;
import io.coffer.limits.db.JdbcIdempotency;
import io.coffer.limits.db.JdbcRateLimits;
import io.coffer.limits.http.LimitedPosts;
import io.coffer.limits.http.LimitedReads;
import io.coffer.ledger.db.JdbcLedgerStore;
import io.coffer.network.db.JdbcNetworks;
import io.coffer.sandbox.http.SandboxRoutes;
import io.coffer.system.http.DocsRoutes;
import io.coffer.system.http.SystemRoutes;
import io.coffer.transaction.BalanceService;
import io.coffer.transaction.TransactionService;
import io.coffer.transaction.db.JdbcTransactions;
import io.coffer.transaction.db.JdbcUtxos;
import io.coffer.transaction.SendService;
import io.coffer.request.RequestService;
import io.coffer.request.db.JdbcRequests;
import io.coffer.request.http.RequestRoutes;
import io.coffer.request.http.TargetRoutes;
import io.coffer.transaction.http.BalanceRoutes;
import io.coffer.transaction.http.TransactionRoutes;
import io.coffer.user.ApiUserAuthenticator;
import io.coffer.user.AuthService;
import io.coffer.user.IdentityCache;
import io.coffer.user.Secrets;
import io.coffer.user.UserService;
import io.coffer.user.db.JdbcApiUsers;
import io.coffer.user.db.JdbcIdentities;
import io.coffer.user.db.JdbcRefreshTokens;
import io.coffer.user.http.AuthRoutes;
import io.coffer.workspace.WorkspaceService;
import io.coffer.workspace.db.JdbcWorkspaces;
import io.coffer.workspace.http.CertificateRoutes;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every adapter and service by hand, registers the routes and starts
 * the web server. Nothing else in Coffer creates collaborators.
 */
public final class CofferServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CofferServer.class);
    /** The name of the management listener, beside the API's default one. */
    private static final String METRICS_SOCKET = "metrics";

    private final Database database;
    private final WebServer webServer;
    private final Background background;
    /** Present when {@code COFFER_METRICS} is on: served on the management port (docs/metrics.md). */
    private final Optional<io.coffer.metrics.Metrics> metrics;

    private CofferServer(Database database, WebServer webServer, Background background,
                         Optional<io.coffer.metrics.Metrics> metrics) {
        this.database = database;
        this.webServer = webServer;
        this.background = background;
        this.metrics = metrics;
    }

    /**
     * Opens storage and the key vault, wires the application and starts listening.
     *
     * @throws IllegalStateException with a sentence for the operator when the port is taken, the
     *     database is held by another process, or the master key is missing or wrong
     */
    public static CofferServer start(ServerConfig config) {
        refuseIfPortTaken(config);
        if (!config.usesPostgres() && Database.openToOthers(config.dataDir())) {
            LOG.warn("the data directory {} can be read by other users of this machine; it holds balances and"
                    + " hashed secrets: chmod 700 it", config.dataDir().toAbsolutePath().normalize());
        }
        Database database = Database.open(config);
        Optional<io.coffer.metrics.Metrics> metrics = config.metrics().enabled()
                ? Optional.of(new io.coffer.metrics.Metrics()) : Optional.empty();
        try {
            SecureRandom random = new SecureRandom();
            KeyVault vault = MasterKey.open(config, database, random);
            HttpRouting.Builder routing = HttpRouting.builder();
            // First, so that it times the other filters too.
            metrics.ifPresent(m -> routing.addFilter(new io.coffer.metrics.http.RequestMetricsFilter(m.requests())));
            if (config.accessLog()) {
                routing.addFilter(new AccessLog());
            }
            Background background = wire(config, database, vault, InstantSource.system(), random, routing);
            metrics.ifPresent(m -> {
                io.coffer.metrics.db.StorageMeters.bind(m.registry(), database);
                m.webhookPosts(background.dispatcher()::postsInFlight, background.dispatcher().concurrency());
            });
            Duration headTimeout = Duration.ofSeconds(config.headTimeoutSeconds());
            var builder = WebServer.builder()
                    .host(config.httpHost())
                    .port(config.httpPort())
                    .maxPayloadSize(config.maxBodyBytes())
                    // Each connection holds a virtual thread and its buffers: past this, new ones wait in
                    // the kernel's accept backlog until one closes (config.Bounds).
                    .maxTcpConnections(config.maxConnections())
                    // Answer "Expect: 100-continue" at once, so the body always follows and is read or
                    // drained: otherwise a body no handler read is parsed as the next request.
                    .addProtocol(Http1Config.builder().continueImmediately(true)
                            // A request line must be followed by its headers in time (slowloris).
                            .addReceiveListener(new io.coffer.http.HeadDeadline(headTimeout))
                            .build())
                    // A connection that sends no request line in time is closed: idle ones cannot hold the bound.
                    .idleConnectionTimeout(headTimeout)
                    .idleConnectionPeriod(Duration.ofSeconds(Math.max(1, config.headTimeoutSeconds() / 6)))
                    .directHandlers(ErrorHandlers.direct())
                    // Without TCP_NODELAY, multi-segment answers on kept-alive connections stall on
                    // delayed ACKs (about 40 ms each).
                    .connectionOptions(options -> options.tcpNoDelay(true))
                    .shutdownHook(false)
                    .routing(routing);
            metrics.ifPresent(m -> builder.putSocket(METRICS_SOCKET, socket -> socket
                    .host(config.metrics().host())
                    .port(config.metrics().port())
                    .maxPayloadSize(1024)
                    .maxTcpConnections(16)
                    // The same deadlines as the API's: a local client cannot hold the 16 connections.
                    .addProtocol(Http1Config.builder().addReceiveListener(new io.coffer.http.HeadDeadline(headTimeout)).build())
                    .idleConnectionTimeout(headTimeout)
                    .idleConnectionPeriod(Duration.ofSeconds(Math.max(1, config.headTimeoutSeconds() / 6)))
                    .routing(management -> new io.coffer.metrics.http.MetricsRoutes(m).register(management))));
            WebServer server = builder.build().start();
            if (!server.isRunning()) {
                background.close();
                throw new IllegalStateException("cannot listen on " + config.httpHost() + ":" + config.httpPort()
                        + " (see the web server's message above); set COFFER_HTTP_HOST or COFFER_HTTP_PORT");
            }
            LOG.info("Coffer listening on http://{}:{} ({}, sandbox {})", config.httpHost(), server.port(),
                    config.usesPostgres() ? "PostgreSQL" : "H2 in " + config.dataDir().toAbsolutePath().normalize(),
                    config.sandbox() ? "on" : "off");
            metrics.ifPresent(m -> {
                String where = config.metrics().host() + ":" + server.port(METRICS_SOCKET);
                if (config.metrics().loopbackOnly()) {
                    LOG.info("metrics on http://{}/metrics", where);
                } else {
                    LOG.warn("metrics on http://{}/metrics, which asks for no credentials: make sure only your"
                            + " monitoring can reach it", where);
                }
            });
            return new CofferServer(database, server, background, metrics);
        } catch (RuntimeException e) {
            metrics.ifPresent(io.coffer.metrics.Metrics::close);
            database.close();
            throw e;
        }
    }

    /** One sentence when the port is taken, rather than the web server's stack trace and a process that stays. */
    private static void refuseIfPortTaken(ServerConfig config) {
        refuseIfPortTaken(config.httpHost(), config.httpPort(), "COFFER_HTTP_PORT");
        if (config.metrics().enabled()) {
            refuseIfPortTaken(config.metrics().host(), config.metrics().port(), "COFFER_METRICS_PORT");
        }
    }

    private static void refuseIfPortTaken(String host, int port, String setting) {
        if (port == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(host, port));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("port " + port + " on " + host
                    + " is already in use (another Coffer?): stop it, or set " + setting);
        }
    }

    static Background wire(ServerConfig config, Database database, KeyVault vault, InstantSource clock,
                           SecureRandom random, HttpRouting.Builder routing) {
        UnitOfWork unitOfWork = database.unitOfWork();
        CurrencyCatalog catalog = CurrencyCatalog.standard();
        Secrets secrets = new Secrets(random);

        var apiUsers = new JdbcApiUsers();
        var identities = new JdbcIdentities(vault);
        var accountsStore = new JdbcAccounts();
        var workspaceStore = new JdbcWorkspaces(vault);
        var networks = new JdbcNetworks();
        var transactionStore = new JdbcTransactions();
        var utxos = new JdbcUtxos();
        var groupStore = new io.coffer.group.db.JdbcGroups();
        var entityStore = new io.coffer.entity.db.JdbcEntities();
        var whitelistStore = new io.coffer.whitelist.db.JdbcWhitelists();
        var labelStore = new io.coffer.label.db.JdbcLabels();
        var memberships = new io.coffer.account.db.JdbcMemberships();
        ServerConfig.EventSettings eventSettings = config.events();
        // Over PostgreSQL events are numbered after their commit, so one workspace's writers do not commit in single file.
        java.util.Optional<io.coffer.event.db.EventNumbering> numbering = config.usesPostgres()
                ? java.util.Optional.of(new io.coffer.event.db.EventNumbering(unitOfWork)) : java.util.Optional.empty();
        io.coffer.event.Outbox outbox = eventSettings.outbox() ? new io.coffer.event.db.JdbcOutbox(clock, numbering)
                : io.coffer.event.Outbox.NONE;
        var deliveryStore = new io.coffer.event.db.JdbcDeliveries(config.usesPostgres(), 4);
        var webhookAddresses = new io.coffer.event.WebhookAddresses(eventSettings.allowPrivateWebhooks(),
                io.coffer.event.WebhookAddresses.systemResolver());

        IdentityCache identityCache = new IdentityCache(clock, config.authCacheMillis());
        UserService users = new UserService(unitOfWork, apiUsers, secrets, clock, identityCache, outbox);
        AuthService auth = new AuthService(unitOfWork, identities, new JdbcRefreshTokens(), apiUsers, identityCache, secrets, clock,
                Duration.ofSeconds(config.refreshTokenSeconds()));

        WorkspaceService workspaces = new WorkspaceService(unitOfWork, workspaceStore, users, new KeyGenerator(random),
                networks, catalog.currencies().stream().filter(c -> !c.fiat()).map(Currency::name).toList(),
                identityCache, clock);
        var stakeStore = new io.coffer.staking.db.JdbcStakes();
        // Only a process that is its database's sole writer can keep balances in memory without going stale.
        var balanceCache = database.embedded() ? io.coffer.transaction.BalanceCache.forSoleWriter()
                : io.coffer.transaction.BalanceCache.OFF;
        LedgerService ledger = new LedgerService(new JdbcLedgerStore(), stakeStore::heldOutside, balanceCache);
        AccountService accounts = new AccountService(unitOfWork, accountsStore, apiUsers, workspaceStore, workspaces,
                ledger, catalog, clock, memberships, groupStore, whitelistStore, labelStore, outbox);
        var groups = new io.coffer.group.GroupService(unitOfWork, groupStore);
        var entities = new io.coffer.entity.EntityService(unitOfWork, entityStore, apiUsers);
        var whitelists = new io.coffer.whitelist.WhitelistService(unitOfWork, whitelistStore, catalog);
        var labels = new io.coffer.label.LabelService(unitOfWork, labelStore, clock);
        var reportingKeys = new io.coffer.reporting.ReportingKeyService(unitOfWork, apiUsers, entityStore, memberships,
                secrets, clock, outbox);
        SendService sends = new SendService(accountsStore, accounts, transactionStore, utxos, networks, ledger, workspaces,
                random, outbox);
        var compliance = compliance(config.compliance(), catalog);
        var rewardAccrual = new io.coffer.staking.RewardAccrual(unitOfWork, stakeStore, accountsStore, ledger, clock);
        var stakeLifecycle = new io.coffer.staking.StakeLifecycle(accountsStore, accounts, transactionStore, ledger,
                stakeStore, new RandomChainData(random), outbox, rewardAccrual);
        var staking = new io.coffer.staking.StakingService(unitOfWork, accountsStore, stakeStore, rewardAccrual, clock);
        TransactionService transactions = new TransactionService(unitOfWork, accountsStore, accounts, transactionStore,
                networks, ledger, catalog, workspaces, new RandomChainData(random), utxos, sends, clock, outbox, compliance,
                new io.coffer.compliance.db.JdbcTransactionScreenings(), stakeLifecycle);
        var requestStore = new JdbcRequests();
        var signing = new io.coffer.signing.SigningService(unitOfWork, new io.coffer.signing.db.JdbcMessages(),
                new io.coffer.signing.db.JdbcDigestBatches(), accountsStore, accounts, workspaces);
        var tradeLinkStore = new io.coffer.tradelink.db.JdbcTradeLink();
        var pledgeChanges = new io.coffer.tradelink.PledgeChanges(tradeLinkStore, accountsStore, ledger);
        var handlers = new io.coffer.request.RequestHandlers(requestStore, accountsStore, accounts, apiUsers, users,
                groupStore, entityStore, whitelistStore, whitelists, workspaceStore, memberships, sends, transactionStore,
                compliance, signing, pledgeChanges, Optional.of(stakeLifecycle));
        var tradeLink = new io.coffer.tradelink.TradeLinkService(unitOfWork, tradeLinkStore, accountsStore, groupStore,
                whitelistStore, ledger, clock);
        var settlements = new io.coffer.tradelink.SettlementService(unitOfWork, tradeLinkStore, accountsStore, groupStore,
                new io.coffer.request.SettlementSends(requestStore, sends, transactionStore, transactions, accounts), ledger,
                clock);
        RateLimiter limits = new RateLimiter(unitOfWork, new JdbcRateLimits(), new RateLimitPolicy(true,
                config.rateLimitTransactionRequestsPerHour(), config.rateLimitOtherPostsPerHour(),
                config.rateLimitPendingRequests()), clock);
        IdempotencyService idempotency = new IdempotencyService(unitOfWork, new JdbcIdempotency(), clock, random);
        RequestService requests = new RequestService(unitOfWork, requestStore, handlers, apiUsers, transactionStore, random,
                clock, identityCache, limits, outbox);
        var notifications = new io.coffer.event.NotificationService(unitOfWork,
                new io.coffer.event.db.JdbcNotificationConfigs(), webhookAddresses, vault, clock);
        var feed = new io.coffer.event.EventFeed(unitOfWork, new io.coffer.event.db.JdbcEventLog(), deliveryStore, clock);
        var dispatcher = new io.coffer.event.Dispatcher(unitOfWork, deliveryStore,
                new io.coffer.event.http.JdkWebhookSender(Duration.ofSeconds(eventSettings.webhookTimeoutSeconds())),
                webhookAddresses, vault, clock, Duration.ofSeconds(eventSettings.webhookTimeoutSeconds()),
                eventSettings.webhookConcurrency(), Duration.ofMillis(eventSettings.webhookFirstRetryMillis()));
        BalanceService balances = new BalanceService(unitOfWork, accountsStore, accounts, transactionStore, ledger, clock,
                staking, balanceCache);
        var nfts = new io.coffer.nft.NftService(unitOfWork, new io.coffer.nft.db.JdbcNfts(), accountsStore, workspaceStore,
                catalog, new RandomChainData(random), clock);

        BodyBudget budget = new BodyBudget(config.bodyBudgetBytes());
        routing.addFilter(budget);
        Bodies bodies = new Bodies(config.maxBodyBytes(), budget, java.time.Duration.ofSeconds(config.bodyTimeoutSeconds()));
        ErrorHandlers.register(routing);
        Api api = new Api(routing, new ApiUserAuthenticator(unitOfWork, identities, clock, identityCache))
                .filtered(new LimitedReads(new ReadLimiter(config.rateLimitReadsPerMinute(), clock)),
                        new LimitedPosts(limits, idempotency, bodies));
        new SystemRoutes().register(api);
        new DocsRoutes().register(api);
        new AuthRoutes(auth, new ApiAccessService(unitOfWork, identities, apiUsers, secrets, clock, random, identityCache),
                bodies).register(api);
        new CurrencyRoutes(catalog).register(api);
        new BalanceRoutes(balances).register(api);
        new AccountRoutes(accounts).register(api);
        new TransactionRoutes(transactions, labels).register(api);
        new RequestRoutes(requests, bodies).register(api);
        new TargetRoutes(requests, transactions, accounts, bodies, java.util.Map.of(
                io.coffer.request.TargetType.MESSAGE, signing::message,
                io.coffer.request.TargetType.DIGESTS, signing::digests,
                io.coffer.request.TargetType.USER, users::get,
                io.coffer.request.TargetType.GROUP, groups::get,
                io.coffer.request.TargetType.ENTITY, entities::get,
                io.coffer.request.TargetType.WHITELIST, whitelists::get)).register(api);
        new CertificateRoutes(workspaces).register(api);
        new io.coffer.user.http.UserRoutes(users).register(api);
        new io.coffer.group.http.GroupRoutes(groups).register(api);
        new io.coffer.entity.http.EntityRoutes(entities).register(api);
        new io.coffer.whitelist.http.WhitelistRoutes(whitelists).register(api);
        new io.coffer.label.http.LabelRoutes(labels).register(api);
        new io.coffer.signing.http.SigningRoutes(signing).register(api);
        new io.coffer.workspace.http.OrganizationRoutes(workspaces).register(api);
        new io.coffer.reporting.http.ReportingKeyRoutes(reportingKeys, bodies).register(api);
        new io.coffer.event.http.NotificationRoutes(notifications, feed, bodies).register(api);
        new io.coffer.event.http.EventRoutes(feed).register(api);
        new io.coffer.compliance.http.ComplianceRoutes(compliance).register(api);
        new io.coffer.nft.http.NftRoutes(nfts).register(api);
        new io.coffer.tradelink.http.TradeLinkRoutes(tradeLink, settlements, bodies).register(api);
        new io.coffer.staking.http.StakingRoutes(staking).register(api);
        if (config.sandbox()) {
            Optional<String> token = config.loopbackOnly() ? Optional.empty() : config.sandboxToken();
            SandboxRoutes sandbox = new SandboxRoutes(workspaces, users, accounts, transactions, requests, limits, bodies,
                    token);
            sandbox.onClockMoved(rewardAccrual::accrueDue).register(api);
            new io.coffer.staking.http.StakingSandboxRoutes(staking, bodies, sandbox::guardedWrite).register(api);
            new io.coffer.sandbox.http.SandboxDirectoryRoutes(requests, groups, entities, whitelists, labels, accounts,
                    transactions, users, bodies, sandbox::guardedWrite).register(api);
            new io.coffer.sandbox.http.SandboxNftRoutes(nfts, bodies, sandbox::guardedWrite).register(api);
            new io.coffer.sandbox.http.SandboxTradeLinkRoutes(tradeLink, bodies, sandbox::guardedWrite).register(api);
        }
        api.finish();
        return new Background(requests, transactions, limits, idempotency, dispatcher, rewardAccrual::accrueAllDue,
                auth::purgeExpiredRefreshTokens, () -> numbering.map(io.coffer.event.db.EventNumbering::sweep).orElse(0));
    }

    /** The compliance lists: the shipped OFAC snapshot or the configured file, and the high-risk list. */
    private static io.coffer.compliance.ComplianceService compliance(ServerConfig.ComplianceSettings settings,
                                                                     CurrencyCatalog catalog) {
        var sanctions = settings.sanctionsFile()
                .map(file -> io.coffer.compliance.ComplianceLists.sanctionsFile("COFFER_SANCTIONS_FILE", file))
                .orElseGet(io.coffer.compliance.ComplianceLists::shipped);
        var highRisk = settings.highRiskFile()
                .map(file -> io.coffer.compliance.ComplianceLists.highRiskFile("COFFER_HIGH_RISK_ADDRESSES_FILE", file))
                .orElse(io.coffer.compliance.HighRiskList.NONE);
        LOG.info("sanctions list: {} addresses from {}; high-risk list: {} addresses", sanctions.addresses(),
                sanctions.source(), highRisk.size());
        return new io.coffer.compliance.ComplianceService(sanctions, highRisk, catalog);
    }

    /** The port the server listens on (useful when configured with port 0). */
    /** The database this server runs on: tests hold its writer or its pool to see the server's back-pressure. */
    public Database database() {
        return database;
    }

    public int port() {
        return webServer.port();
    }

    /** The management port serving {@code GET /metrics}, when metrics are on. */
    public java.util.OptionalInt metricsPort() {
        return metrics.isPresent() ? java.util.OptionalInt.of(webServer.port(METRICS_SOCKET))
                : java.util.OptionalInt.empty();
    }

    @Override
    public void close() {
        background.close();
        webServer.stop();
        metrics.ifPresent(io.coffer.metrics.Metrics::close);
        database.close();
    }
}
