package io.coffer;

import io.coffer.common.Outcome;
import io.coffer.common.WorkspaceKind;
import io.coffer.config.ServerConfig;
import io.coffer.currency.Currency;
import io.coffer.currency.CurrencyCatalog;
import io.coffer.db.Database;
import io.coffer.http.Json;
import io.coffer.keys.KeyGenerator;
import io.coffer.keys.KeyVault;
import io.coffer.network.db.JdbcNetworks;
import io.coffer.user.IdentityCache;
import io.coffer.user.Secrets;
import io.coffer.user.UserService;
import io.coffer.user.db.JdbcApiUsers;
import io.coffer.workspace.WorkspaceService;
import io.coffer.workspace.db.JdbcWorkspaces;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code coffer workspace create}: a live workspace and its first admin, made on the database the
 * {@code COFFER_*} variables name. On the embedded database the server must be stopped (H2 lets one
 * process open the file); on PostgreSQL it may run.
 */
@Command(name = "workspace", mixinStandardHelpOptions = true, description = "Manage workspaces.",
        subcommands = WorkspaceCommand.Create.class)
final class WorkspaceCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        picocli.CommandLine.usage(this, System.out);
        return 0;
    }

    /** The same answer as {@code POST /sandbox/workspaces}. */
    record Created(String workspace, ApiUser apiUser) {
    }

    record ApiUser(long id, String username, String apiKeyId, String apiKeySecret) {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a LIVE workspace (no sandbox: it changes only through governed requests) and print its"
                    + " first admin's API key as JSON, once.")
    static final class Create extends DatabaseCommand {

        @Option(names = "--name", required = true, description = "the workspace name (X-Ledger-Workspace)")
        String name;

        @Option(names = "--username", defaultValue = "admin", description = "the first admin's username (default: admin)")
        String username;

        @Option(names = "--public-key", paramLabel = "HEX",
                description = "the first admin's approval key (04 + 128 hex digits, e.g. from coffer keygen); without it,"
                        + " the admin registers one later with a MIGRATE_ADMIN request it signs with the new key")
        Optional<String> publicKey;

        @Override
        int run(ServerConfig config, Database database, KeyVault vault, SecureRandom random) {
            InstantSource clock = InstantSource.system();
            IdentityCache cache = new IdentityCache(clock, 0);
            WorkspaceService workspaces = new WorkspaceService(database.unitOfWork(), new JdbcWorkspaces(vault),
                    new UserService(database.unitOfWork(), new JdbcApiUsers(), new Secrets(random), clock, cache),
                    new KeyGenerator(random), new JdbcNetworks(), CurrencyCatalog.standard().currencies().stream()
                    .filter(c -> !c.fiat()).map(Currency::name).toList(), cache, clock);
            return switch (workspaces.create(name, WorkspaceKind.LIVE, username, publicKey)) {
                case Outcome.Ok<WorkspaceService.CreatedWorkspace> ok -> {
                    var admin = ok.value().admin();
                    System.out.println(new String(Json.write(new Created(ok.value().name(), new ApiUser(admin.id(),
                            admin.username(), admin.apiKeyId(), admin.apiKeySecret()))), StandardCharsets.UTF_8));
                    yield 0;
                }
                case Outcome.Failed<WorkspaceService.CreatedWorkspace> failed -> {
                    System.err.println("coffer: " + failed.problem().message());
                    yield 1;
                }
            };
        }
    }
}
