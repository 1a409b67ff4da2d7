package io.coffer.nft;

import io.coffer.account.Account;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.common.Amount;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Problem;
import io.coffer.common.Role;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.common.WorkspaceKind;
import io.coffer.currency.Currency;
import io.coffer.currency.CurrencyCatalog;
import io.coffer.currency.Family;
import io.coffer.currency.address.EvmAddresses;
import io.coffer.keys.RandomChainData;
import io.coffer.workspace.Workspaces;
import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * NFTs of EVM accounts and SPL light token accounts of Solana accounts: the reads of the reference
 * API and the sandbox's ways to credit them. Nothing here is invented market data: a collection is
 * valued only at a floor price someone set, in wei of an ETH network.
 */
public final class NftService {

    /** Distinct NFTs one account may hold, so every read of an account's NFTs stays bounded. */
    public static final int MAX_HOLDINGS_PER_ACCOUNT = 10_000;
    /** Collections (contracts with a mint or a floor price) one workspace may know. */
    public static final int MAX_COLLECTIONS_PER_WORKSPACE = 10_000;
    /** Light token accounts (mints) one Solana account may hold. */
    public static final int MAX_LIGHT_TOKENS_PER_ACCOUNT = 1_000;
    public static final int MAX_COLLECTION_NAME = 128;
    public static final int MAX_TICKER = 16;
    public static final int MAX_ACCOUNT_NAME = 255;
    /** SPL token amounts are unsigned 64-bit integers on chain. */
    public static final BigInteger MAX_SPL_AMOUNT = BigInteger.TWO.pow(64).subtract(BigInteger.ONE);

    private final UnitOfWork unitOfWork;
    private final Nfts nfts;
    private final Accounts accounts;
    private final Workspaces workspaces;
    private final CurrencyCatalog catalog;
    private final RandomChainData chainData;
    private final InstantSource clock;

    public NftService(UnitOfWork unitOfWork, Nfts nfts, Accounts accounts, Workspaces workspaces, CurrencyCatalog catalog,
                      RandomChainData chainData, InstantSource clock) {
        this.unitOfWork = unitOfWork;
        this.nfts = nfts;
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.catalog = catalog;
        this.chainData = chainData;
        this.clock = clock;
    }

    public Outcome<Page<Nft>> nfts(Caller caller, long accountId, PageRequest page) {
        return unitOfWork.read(tx -> nftAccount(tx, caller, accountId).map(account -> nfts.nfts(tx, accountId, page)));
    }

    public Outcome<Page<NftCollection>> collections(Caller caller, long accountId, PageRequest page) {
        return unitOfWork.read(tx -> nftAccount(tx, caller, accountId)
                .map(account -> nfts.collections(tx, accountId, page)));
    }

    /** Units times floor price over the collections that have one; the others count in the quantity only. */
    public Outcome<NftPortfolio> portfolio(Caller caller, long accountId) {
        return unitOfWork.read(tx -> nftAccount(tx, caller, accountId).map(account -> {
            BigInteger value = BigInteger.ZERO;
            BigInteger quantity = BigInteger.ZERO;
            for (NftCollection collection : nfts.allCollections(tx, accountId)) {
                quantity = quantity.add(collection.tokenBalance());
                if (collection.floorPrice().isPresent()) {
                    value = value.add(collection.floorPrice().get().multiply(collection.tokenBalance()));
                }
            }
            return new NftPortfolio(value, quantity);
        }));
    }

    public Outcome<List<LightTokenAccount>> lightTokens(Caller caller, long accountId) {
        return unitOfWork.read(tx -> solanaAccount(tx, caller, accountId)
                .map(account -> nfts.lightTokens(tx, accountId)));
    }

    /** A sandbox mint: the token arrives in the account at once. */
    public Outcome<Nft> mint(Caller caller, long accountId, NftMint mint) {
        Optional<Problem> refused = sandboxAdmin(caller).or(() -> check(mint));
        if (refused.isPresent()) {
            return Outcome.failed(refused.get());
        }
        Instant now = caller.clock(clock).now();
        String contract = canonicalContract(mint.contractAddress());
        String tokenId = mint.tokenId().toString();
        return unitOfWork.write(tx -> {
            workspaces.lock(tx, caller.workspaceId());
            return nftAccount(tx, caller, accountId).flatMap(account -> active(account)).flatMap(account -> {
                Outcome<Nfts.CollectionRow> collection = collectionFor(tx, caller, account.currency(), contract,
                        Optional.of(mint.standard()), mint.collectionName(), now);
                return collection.flatMap(row -> tokenFor(tx, row, tokenId, mint.metadata()))
                        .flatMap(token -> hold(tx, account, token, mint, contract, now))
                        .map(holdingId -> nfts.nft(tx, holdingId).orElseThrow());
            });
        });
    }

    /** Sets (or, with an empty price, clears) a collection's floor price on an ETH network. */
    public Outcome<FloorPrice> setFloorPrice(Caller caller, String currencyName, String contractAddress,
                                             Optional<BigInteger> wei) {
        Optional<Problem> refused = sandboxAdmin(caller);
        if (refused.isPresent()) {
            return Outcome.failed(refused.get());
        }
        Optional<Currency> currency = catalog.currency(currencyName).filter(c -> !c.fiat());
        if (currency.isEmpty()) {
            return Outcome.invalid("currency '" + currencyName + "' is not a network Coffer knows");
        }
        if (!valuedInEth(currency.get())) {
            return Outcome.invalid("floor prices are in ETH (NFTPrice.ticker, NFTValuation.eth_value): " + currencyName
                    + "'s coin is " + currency.get().units().getLast().code() + ", and Coffer converts no currencies");
        }
        if (!currency.get().addresses().isValid(contractAddress)) {
            return Outcome.invalid("contract_address must be an EVM address (0x and 40 hex digits, EIP-55 if mixed case)");
        }
        String contract = canonicalContract(contractAddress);
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            workspaces.lock(tx, caller.workspaceId());
            return collectionFor(tx, caller, currencyName, contract, Optional.empty(), Optional.empty(), now).map(row -> {
                nfts.setFloorPrice(tx, row.id(), wei);
                return new FloorPrice(currencyName, contract, wei);
            });
        });
    }

    /** A sandbox credit of an SPL token to a Solana account: its token account is opened on the first one. */
    public Outcome<LightTokenAccount> creditLightToken(Caller caller, long accountId, String mint, BigInteger amount,
                                                       Optional<String> ticker, Optional<String> accountName) {
        Optional<Problem> refused = sandboxAdmin(caller);
        if (refused.isPresent()) {
            return Outcome.failed(refused.get());
        }
        if (AssociatedTokenAddress.key(mint).isEmpty()) {
            return Outcome.invalid("mint must be a Solana address (Base58 of 32 bytes)");
        }
        if (amount.signum() <= 0 || amount.compareTo(MAX_SPL_AMOUNT) > 0) {
            return Outcome.invalid("amount must be between 1 and 2^64-1 base units (SPL amounts are u64)");
        }
        if (ticker.isPresent() && !printable(ticker.get(), MAX_TICKER, false)) {
            return Outcome.invalid("ticker must be 1-" + MAX_TICKER + " printable characters without spaces");
        }
        if (accountName.isPresent() && !printable(accountName.get(), MAX_ACCOUNT_NAME, true)) {
            return Outcome.invalid("account_name must be 1-" + MAX_ACCOUNT_NAME + " printable characters");
        }
        Instant now = caller.clock(clock).now();
        return unitOfWork.write(tx -> {
            workspaces.lock(tx, caller.workspaceId());
            return solanaAccount(tx, caller, accountId).flatMap(account -> active(account)).flatMap(account -> {
                Optional<LightTokenAccount> existing = nfts.lightToken(tx, accountId, mint);
                if (existing.isPresent()) {
                    LightTokenAccount held = existing.get();
                    if (ticker.isPresent() && !ticker.get().equals(held.ticker())) {
                        return Outcome.invalid("mint " + mint + " is " + held.ticker() + " in this account, not " + ticker.get());
                    }
                    BigInteger total = held.available().add(amount);
                    if (total.compareTo(MAX_SPL_AMOUNT) > 0) {
                        return Outcome.invalid("the balance would exceed 2^64-1 base units (SPL amounts are u64)");
                    }
                    nfts.setLightTokenAvailable(tx, held.id(), total);
                    return Outcome.ok(nfts.lightToken(tx, accountId, mint).orElseThrow());
                }
                if (ticker.isEmpty()) {
                    return Outcome.invalid("field 'ticker' is required on the first credit of a mint");
                }
                if (nfts.lightTokens(tx, accountId).size() >= MAX_LIGHT_TOKENS_PER_ACCOUNT) {
                    return Outcome.invalid("account " + accountId + " already holds " + MAX_LIGHT_TOKENS_PER_ACCOUNT + " mints");
                }
                Currency currency = currencyOf(account);
                String name = accountName.orElseGet(() -> abbreviate(account.name() + " " + ticker.get(), MAX_ACCOUNT_NAME));
                nfts.createLightToken(tx, new LightTokenAccount(0, accountId, mint, ticker.get(), name,
                        AssociatedTokenAddress.of(account.address(), mint), chainData.transactionHash(currency), amount,
                        BigInteger.ZERO, "ACTIVE", now));
                return Outcome.ok(nfts.lightToken(tx, accountId, mint).orElseThrow());
            });
        });
    }

    private Outcome<Account> nftAccount(Tx tx, Caller caller, long accountId) {
        return visible(tx, caller, accountId, currency -> currency.evm(),
                "NFTs are held by EVM coin accounts (ethereum, polygon, ...)");
    }

    private Outcome<Account> solanaAccount(Tx tx, Caller caller, long accountId) {
        return visible(tx, caller, accountId, currency -> currency.family() == Family.SOLANA,
                "light token accounts belong to Solana accounts");
    }

    /**
     * The account, if the caller sees it and it is a coin account of a family that has the thing
     * asked for; the reference lists 404 only for these reads, so a family without them is a 404 too.
     */
    private Outcome<Account> visible(Tx tx, Caller caller, long accountId, java.util.function.Predicate<Currency> family,
                                     String rule) {
        Optional<Account> account = accounts.findVisible(tx, caller, accountId);
        if (account.isEmpty()) {
            return Outcome.notFound("account " + accountId + " not found");
        }
        Currency currency = currencyOf(account.get());
        if (account.get().isToken() || !family.test(currency)) {
            return Outcome.notFound("account " + accountId + " is a " + (account.get().isToken() ? "token" : currency.name())
                    + " account: " + rule);
        }
        return Outcome.ok(account.get());
    }

    private static Outcome<Account> active(Account account) {
        return account.status() == AccountStatus.ACTIVE ? Outcome.ok(account)
                : Outcome.invalid("account " + account.id() + " is " + account.status() + ": only active accounts receive");
    }

    private Outcome<Nfts.CollectionRow> collectionFor(Tx tx, Caller caller, String currency, String contract,
                                                      Optional<NftStandard> standard, Optional<String> name, Instant now) {
        Optional<Nfts.CollectionRow> found = nfts.collection(tx, caller.workspaceId(), currency, contract);
        if (found.isEmpty()) {
            if (nfts.collectionCount(tx, caller.workspaceId()) >= MAX_COLLECTIONS_PER_WORKSPACE) {
                return Outcome.invalid("the workspace already has " + MAX_COLLECTIONS_PER_WORKSPACE + " NFT collections");
            }
            nfts.createCollection(tx, caller.workspaceId(), currency, contract, standard, name, now);
            return Outcome.ok(nfts.collection(tx, caller.workspaceId(), currency, contract).orElseThrow());
        }
        Nfts.CollectionRow row = found.get();
        if (standard.isPresent() && row.standard().isPresent() && row.standard().get() != standard.get()) {
            return Outcome.invalid("contract " + contract + " on " + currency + " is an " + row.standard().get()
                    + " collection, not " + standard.get());
        }
        if (name.isPresent() && row.name().isPresent() && !row.name().get().equals(name.get())) {
            return Outcome.invalid("collection " + contract + " is already named '" + row.name().get() + "'");
        }
        if (standard.isPresent() && (row.standard().isEmpty() || (name.isPresent() && row.name().isEmpty()))) {
            nfts.describeCollection(tx, row.id(), standard.get(), name.or(row::name));
            return Outcome.ok(nfts.collection(tx, caller.workspaceId(), currency, contract).orElseThrow());
        }
        return Outcome.ok(row);
    }

    private Outcome<Nfts.TokenRow> tokenFor(Tx tx, Nfts.CollectionRow collection, String tokenId,
                                            Optional<NftMetadata> metadata) {
        Optional<Nfts.TokenRow> found = nfts.token(tx, collection.id(), tokenId);
        if (found.isEmpty()) {
            long id = nfts.createToken(tx, collection.id(), tokenId, metadata);
            return Outcome.ok(new Nfts.TokenRow(id, collection.id(), tokenId, metadata));
        }
        Nfts.TokenRow row = found.get();
        if (metadata.isPresent()) {
            if (row.metadata().isEmpty()) {
                nfts.describeToken(tx, row.id(), metadata.get());
            } else if (!row.metadata().equals(metadata)) {
                return Outcome.invalid("token " + tokenId + " of " + collection.contractAddress()
                        + " already has other metadata; a token's metadata is set by its first mint");
            }
        }
        return Outcome.ok(row);
    }

    private Outcome<Long> hold(Tx tx, Account account, Nfts.TokenRow token, NftMint mint, String contract, Instant now) {
        List<Nfts.HoldingRow> holders = nfts.holdings(tx, token.id());
        if (mint.standard() == NftStandard.ERC721) {
            if (!holders.isEmpty()) {
                return Outcome.invalid("ERC-721 token " + token.tokenId() + " of " + contract
                        + " is already held (account " + holders.getFirst().accountId() + "): a token id exists once");
            }
            return newHolding(tx, account, token, mint, now);
        }
        BigInteger supply = holders.stream().map(Nfts.HoldingRow::amount).reduce(BigInteger.ZERO, BigInteger::add);
        if (supply.add(mint.amount()).compareTo(Amount.MAX_VALUE) > 0) {
            return Outcome.invalid("the supply of token " + token.tokenId() + " would exceed 2^256-1 (uint256)");
        }
        for (Nfts.HoldingRow holding : holders) {
            if (holding.accountId() == account.id()) {
                nfts.setHoldingAmount(tx, holding.id(), holding.amount().add(mint.amount()), now);
                return Outcome.ok(holding.id());
            }
        }
        return newHolding(tx, account, token, mint, now);
    }

    private Outcome<Long> newHolding(Tx tx, Account account, Nfts.TokenRow token, NftMint mint, Instant now) {
        if (nfts.holdingCount(tx, account.id()) >= MAX_HOLDINGS_PER_ACCOUNT) {
            return Outcome.invalid("account " + account.id() + " already holds " + MAX_HOLDINGS_PER_ACCOUNT + " NFTs");
        }
        return Outcome.ok(nfts.createHolding(tx, account.id(), token.id(), mint.amount(),
                mint.standard() == NftStandard.ERC721, now));
    }

    /** The checks of a mint that need no database. */
    private static Optional<Problem> check(NftMint mint) {
        if (!new EvmAddresses().isValid(mint.contractAddress())) {
            return Optional.of(Problem.invalid("contract_address must be an EVM address (0x and 40 hex digits, EIP-55 if"
                    + " mixed case)"));
        }
        if (mint.tokenId().signum() < 0 || mint.tokenId().compareTo(Amount.MAX_VALUE) > 0) {
            return Optional.of(Problem.invalid("token_id must be a uint256: 0 to 2^256-1"));
        }
        if (mint.amount().signum() <= 0 || mint.amount().compareTo(Amount.MAX_VALUE) > 0) {
            return Optional.of(Problem.invalid("amount must be between 1 and 2^256-1"));
        }
        if (mint.standard() == NftStandard.ERC721 && !mint.amount().equals(BigInteger.ONE)) {
            return Optional.of(Problem.invalid("amount is for ERC1155 tokens: an ERC-721 token is held once"));
        }
        if (mint.collectionName().isPresent() && !printable(mint.collectionName().get(), MAX_COLLECTION_NAME, true)) {
            return Optional.of(Problem.invalid("collection_name must be 1-" + MAX_COLLECTION_NAME + " printable characters"));
        }
        return mint.metadata().flatMap(NftService::check);
    }

    private static Optional<Problem> check(NftMetadata metadata) {
        if (!printable(metadata.name(), NftMetadata.MAX_NAME, true)) {
            return Optional.of(Problem.invalid("metadata.name must be 1-" + NftMetadata.MAX_NAME + " printable characters"));
        }
        if (!printable(metadata.media(), NftMetadata.MAX_MEDIA, false)) {
            return Optional.of(Problem.invalid("metadata.media must be a URI of 1-" + NftMetadata.MAX_MEDIA
                    + " characters without spaces"));
        }
        if (metadata.mediaType().isPresent() && !printable(metadata.mediaType().get(), NftMetadata.MAX_MEDIA_TYPE, false)) {
            return Optional.of(Problem.invalid("metadata.media_type must be a MIME type of 1-" + NftMetadata.MAX_MEDIA_TYPE
                    + " characters"));
        }
        if (metadata.description().isPresent() && (metadata.description().get().length() > NftMetadata.MAX_DESCRIPTION)) {
            return Optional.of(Problem.invalid("metadata.description must be at most " + NftMetadata.MAX_DESCRIPTION
                    + " characters"));
        }
        if (metadata.properties().size() > NftMetadata.MAX_PROPERTIES) {
            return Optional.of(Problem.invalid("metadata.properties holds at most " + NftMetadata.MAX_PROPERTIES + " items"));
        }
        for (NftMetadata.Property property : metadata.properties()) {
            if (!printable(property.key(), NftMetadata.MAX_KEY, true)
                    || property.value().length() > NftMetadata.MAX_VALUE) {
                return Optional.of(Problem.invalid("metadata.properties: each key is 1-" + NftMetadata.MAX_KEY
                        + " printable characters and each value at most " + NftMetadata.MAX_VALUE));
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> sandboxAdmin(Caller caller) {
        if (caller.kind() != WorkspaceKind.SANDBOX) {
            return Optional.of(Problem.forbidden("workspace " + caller.workspaceName()
                    + " is a live workspace: NFTs and light tokens arrive only on chain there"));
        }
        if (caller.role() != Role.ADMIN) {
            return Optional.of(Problem.forbidden("sandbox credits are for admins; user " + caller.userId() + " is "
                    + caller.role()));
        }
        return Optional.empty();
    }

    /** NFT prices and valuations are in ETH: only networks whose coin is ETH have them. */
    public static boolean valuedInEth(Currency currency) {
        return currency.evm() && currency.units().getLast().code().equals("ETH");
    }

    private Currency currencyOf(Account account) {
        return catalog.currency(account.currency()).orElseThrow(
                () -> new IllegalStateException("account " + account.id() + " has unknown currency " + account.currency()));
    }

    private static String canonicalContract(String address) {
        return EvmAddresses.checksummed(address.substring(2));
    }

    private static boolean printable(String text, int max, boolean spaces) {
        if (text.isEmpty() || text.length() > max || text.isBlank()) {
            return false;
        }
        return text.chars().noneMatch(c -> Character.isISOControl(c) || (!spaces && Character.isWhitespace(c)));
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
