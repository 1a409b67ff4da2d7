package io.coffer.signing;

import io.coffer.account.Account;
import io.coffer.account.AccountService;
import io.coffer.account.AccountStatus;
import io.coffer.account.Accounts;
import io.coffer.common.Caller;
import io.coffer.common.Outcome;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import io.coffer.common.UnitOfWork;
import io.coffer.currency.Currency;
import io.coffer.currency.address.KeyCurve;
import io.coffer.keys.AccountKeys;
import io.coffer.keys.HdPath;
import io.coffer.workspace.WorkspaceService;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.web3j.crypto.Sign;

/**
 * Messages and digests signed with account keys: reads for the API, and the steps the request
 * pipeline runs inside its transactions (create pending, sign on the last approval, abort).
 */
public final class SigningService {

    /** The largest EIP-191 message, in UTF-8 bytes. */
    public static final int MAX_MESSAGE_BYTES = 65_536;

    private final UnitOfWork unitOfWork;
    private final Messages messages;
    private final DigestBatches digests;
    private final Accounts accounts;
    private final AccountService accountService;
    private final WorkspaceService workspaces;

    public SigningService(UnitOfWork unitOfWork, Messages messages, DigestBatches digests, Accounts accounts,
                          AccountService accountService, WorkspaceService workspaces) {
        this.unitOfWork = unitOfWork;
        this.messages = messages;
        this.digests = digests;
        this.accounts = accounts;
        this.accountService = accountService;
        this.workspaces = workspaces;
    }

    public Outcome<Message> message(Caller caller, long messageId) {
        return unitOfWork.read(tx -> messages.findVisible(tx, caller, messageId).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("message " + messageId + " not found")));
    }

    public Page<Message> messages(Caller caller, MessageFilter filter, PageRequest page) {
        return unitOfWork.read(tx -> messages.search(tx, caller, filter, page));
    }

    public Outcome<DigestBatch> digests(Caller caller, long batchId) {
        return unitOfWork.read(tx -> digests.findVisible(tx, caller, batchId).map(Outcome::ok)
                .orElseGet(() -> Outcome.notFound("digests " + batchId + " not found")));
    }

    public Page<DigestBatch> digests(Caller caller, DigestFilter filter, PageRequest page) {
        return unitOfWork.read(tx -> digests.search(tx, caller, filter, page));
    }

    /** The account a request names, if the caller may see it, it is active and it is a coin account. */
    public Outcome<Account> account(Tx tx, Caller caller, long accountId) {
        Optional<Account> account = accounts.findVisible(tx, caller, accountId);
        if (account.isEmpty()) {
            return Outcome.invalid("account " + accountId + " not found");
        }
        if (account.get().status() != AccountStatus.ACTIVE) {
            return Outcome.invalid("account " + accountId + " is " + account.get().status() + " and signs nothing");
        }
        if (account.get().isToken()) {
            // The token's rules govern its tokens only; its key is the parent's, which holds the parent's coins.
            return Outcome.invalid("field 'data.account_id': account " + accountId + " is a token account whose key is account "
                    + account.get().parentId().orElseThrow() + "'s; a signature under the token's rules would be account "
                    + account.get().parentId().orElseThrow() + "'s, so messages and digests are asked on that account");
        }
        return Outcome.ok(account.get());
    }

    /**
     * At the last approval: the account still signs, and its key is
     * still its own for an EIP-191 message; typed data checked without a chain id is refused if an
     * account sharing its key appeared since.
     */
    public Outcome<Void> messageStillSigns(Tx tx, Message message) {
        return stillSigns(tx, message.workspaceId(), message.accountId()).flatMap(owner -> {
            List<Account> sharing = sharingKey(tx, owner);
            if (message.type() == MessageType.EIP_191 && !sharing.isEmpty()) {
                return Outcome.invalid(sharedKey(owner, sharing) + " since this message was asked: an EIP-191 message names no"
                        + " chain, so its signature would be theirs too");
            }
            List<Account> newer = sharing.stream().filter(other -> !other.createdOn().isBefore(message.createdOn())).toList();
            if (message.type() == MessageType.EIP_712 && !newer.isEmpty()) {
                return Outcome.invalid(sharedKey(owner, newer) + " since this typed data was asked; ask again so that its"
                        + " domain.chainId is checked");
            }
            return Outcome.ok(null);
        });
    }

    /** At the last approval: the account still signs, and its key is still its own. */
    public Outcome<Void> digestsStillSign(Tx tx, DigestBatch batch) {
        return stillSigns(tx, batch.workspaceId(), batch.accountId()).flatMap(owner -> {
            List<Account> sharing = sharingKey(tx, owner);
            return sharing.isEmpty() ? Outcome.ok(null) : Outcome.invalid(sharedKey(owner, sharing)
                    + " since these digests were asked: a raw signature would be theirs too");
        });
    }

    /** The account still signs (token accounts never sign: {@link #account} refuses them); the account. */
    private Outcome<Account> stillSigns(Tx tx, long workspaceId, long accountId) {
        Account account = accounts.find(tx, workspaceId, accountId).orElseThrow();
        if (account.status() != AccountStatus.ACTIVE) {
            return Outcome.invalid("account " + account.id() + " is " + account.status() + " and signs nothing");
        }
        return Outcome.ok(account);
    }

    /**
     * The other coin accounts holding this key owner's keys (an EVM account number n shares its key
     * with every EVM network's account number n); whatever it signs without naming a chain is
     * theirs too, under their own rules.
     */
    private List<Account> sharingKey(Tx tx, Account keyOwner) {
        return accounts.coinAccountsAt(tx, keyOwner.workspaceId(), keyOwner.derivationPath()).stream()
                .filter(other -> other.id() != keyOwner.id()).toList();
    }

    private static String sharedKey(Account keyOwner, List<Account> sharing) {
        List<String> others = sharing.stream().map(other -> "account " + other.id() + " (" + other.currency() + ")").toList();
        return "the keys of account " + keyOwner.id() + " (" + keyOwner.derivationPath() + ") are also those of "
                + String.join(", ", others) + ", under their own rules";
    }

    /** An account of the workspace, known to exist (a pending message's or batch's). */
    public Account accountOf(Tx tx, long workspaceId, long accountId) {
        return accounts.find(tx, workspaceId, accountId).orElseThrow();
    }

    /** Checks a message against its account and writes it, pending approval. */
    public Outcome<Message> createMessage(Tx tx, Caller caller, Account account, MessageIntent intent, Instant now) {
        Currency currency = accountService.currencyOf(account);
        if (!currency.evm()) {
            return Outcome.invalid("field 'data.account_id': account " + account.id() + " is a " + currency.name()
                    + " account; messages (EIP-191, EIP-712) are signed by EVM accounts only");
        }
        if (!intent.accountName().equals(account.name())) {
            return Outcome.invalid("field 'data.message_data.account_name' is '" + intent.accountName()
                    + "' but account " + account.id() + " is named '" + account.name() + "'");
        }
        if (intent.address().isPresent() && !intent.address().get().equalsIgnoreCase(account.address())) {
            return Outcome.invalid("field 'data.message_data.address': " + intent.address().get()
                    + " is not the address of account " + account.id() + " (" + account.address() + ")");
        }
        List<Account> sharing = sharingKey(tx, account);
        if (intent.type() == MessageType.EIP_191 && !sharing.isEmpty()) {
            return Outcome.invalid("field 'data.message_type': " + sharedKey(account, sharing)
                    + "; an EIP-191 message names no chain, so its signature would be theirs too. Sign EIP-712 typed"
                    + " data whose domain.chainId is this account's chain instead");
        }
        Outcome<byte[]> hash = switch (intent.type()) {
            case EIP_191 -> {
                byte[] bytes = intent.rawMessage().getBytes(StandardCharsets.UTF_8);
                yield bytes.length > MAX_MESSAGE_BYTES
                        ? Outcome.invalid("field '" + intent.fieldPrefix() + "' is longer than " + MAX_MESSAGE_BYTES + " bytes")
                        : Outcome.ok(Sign.getEthereumMessageHash(bytes));
            }
            case EIP_712 -> intent.typedData().map(tree -> Eip712.hash(tree, intent.fieldPrefix()))
                    .orElseGet(() -> Outcome.invalid("field '" + intent.fieldPrefix() + "' must be typed data JSON"))
                    .flatMap(hashed -> {
                        long chain = currency.chainId().orElseThrow();
                        if (hashed.chainId().isPresent() && !hashed.chainId().get().equals(BigInteger.valueOf(chain))) {
                            return Outcome.invalid("field '" + intent.fieldPrefix() + ".domain.chainId' is "
                                    + hashed.chainId().get() + " but account " + account.id() + " is on chain " + chain);
                        }
                        if (hashed.chainId().isEmpty() && !sharing.isEmpty()) {
                            return Outcome.invalid("field '" + intent.fieldPrefix() + ".domain.chainId' is required: "
                                    + sharedKey(account, sharing) + ", and typed data naming no chain"
                                    + " would be signed for them too");
                        }
                        return Outcome.ok(hashed.hash());
                    });
        };
        return hash.map(bytes -> {
            Message draft = new Message(0, account.workspaceId(), account.id(), account.address(), intent.type(),
                    intent.rawMessage(), HexFormat.of().formatHex(bytes), SigningStatus.PENDING_APPROVAL, Optional.empty(),
                    0, caller.userId(), now, intent.note());
            long id = messages.create(tx, draft);
            return messages.find(tx, account.workspaceId(), id).orElseThrow();
        });
    }

    public void messageRequested(Tx tx, long messageId, long requestId) {
        messages.setRequest(tx, messageId, requestId);
    }

    public Optional<Message> findMessage(Tx tx, long workspaceId, long messageId) {
        return messages.find(tx, workspaceId, messageId);
    }

    /** The request is approved: the account's key signs the message's hash. */
    public Message signMessage(Tx tx, Message pending) {
        Account account = accounts.find(tx, pending.workspaceId(), pending.accountId()).orElseThrow();
        Currency currency = accountService.currencyOf(account);
        byte[] seed = workspaces.keys(account.workspaceId()).seed();
        byte[] key = AccountKeys.secp256k1PrivateKeyAt(seed, AccountKeys.keyPath(currency, account.index()));
        Message signed = pending.withSignature(SigningStatus.SIGNED,
                Optional.of(Signatures.ethereum(key, HexFormat.of().parseHex(pending.signHash()))));
        messages.update(tx, signed);
        return signed;
    }

    /** A rejected or expired request: a message still pending is aborted. */
    public void abortMessage(Tx tx, long workspaceId, long messageId) {
        messages.find(tx, workspaceId, messageId).filter(message -> message.status() == SigningStatus.PENDING_APPROVAL)
                .ifPresent(message -> messages.update(tx, message.withSignature(SigningStatus.ABORTED, Optional.empty())));
    }

    /** Checks a batch of digests against its account (curve, paths) and writes it, pending approval. */
    public Outcome<DigestBatch> createDigests(Tx tx, Caller caller, Account account, DigestIntent intent, Instant now) {
        Currency currency = accountService.currencyOf(account);
        KeyCurve curve = currency.addresses().curve();
        if (curve == KeyCurve.NONE) {
            return Outcome.invalid("field 'data.account_id': account " + account.id() + " has no signing key");
        }
        List<Account> sharing = sharingKey(tx, account);
        if (!sharing.isEmpty()) {
            return Outcome.invalid("field 'data.account_id': " + sharedKey(account, sharing) + ". A raw digest names no"
                    + " chain (it may be another network's transaction hash), so Coffer signs digests only with a key no"
                    + " other account holds");
        }
        HdPath subtree = AccountKeys.accountPath(currency, account.index());
        HdPath own = AccountKeys.keyPath(currency, account.index());
        List<DigestBatch.Item> items = new ArrayList<>();
        for (int i = 0; i < intent.digests().size(); i++) {
            DigestIntent.Entry entry = intent.digests().get(i);
            String field = "data.digests[" + i + "].derivation_path";
            HdPath path = own;
            if (entry.path().isPresent()) {
                Optional<HdPath> parsed = HdPath.parse(entry.path().get());
                if (parsed.isEmpty()) {
                    return Outcome.invalid("field '" + field + "' is not a derivation path (e.g. m/" + own
                            + ", at most " + HdPath.MAX_DEPTH + " steps)");
                }
                if (!parsed.get().within(subtree)) {
                    return Outcome.invalid("field '" + field + "': " + entry.path().get() + " is outside the keys of account "
                            + account.id() + ", which start with " + subtree);
                }
                if (curve == KeyCurve.ED25519 && parsed.get().hardened().contains(false)) {
                    return Outcome.invalid("field '" + field + "': Ed25519 keys are derived by hardened steps only");
                }
                path = parsed.get();
            }
            items.add(new DigestBatch.Item(entry.digest(), path.toString(), Optional.empty()));
        }
        DigestBatch draft = new DigestBatch(0, account.workspaceId(), account.id(), SigningStatus.PENDING_APPROVAL, items, 0,
                caller.userId(), now, intent.note());
        long id = digests.create(tx, draft);
        return Outcome.ok(digests.find(tx, account.workspaceId(), id).orElseThrow());
    }

    public void digestsRequested(Tx tx, long batchId, long requestId) {
        digests.setRequest(tx, batchId, requestId);
    }

    public Optional<DigestBatch> findDigests(Tx tx, long workspaceId, long batchId) {
        return digests.find(tx, workspaceId, batchId);
    }

    /** The request is approved: each digest is signed with the key at its path. */
    public DigestBatch signDigests(Tx tx, DigestBatch pending) {
        Account account = accounts.find(tx, pending.workspaceId(), pending.accountId()).orElseThrow();
        Currency currency = accountService.currencyOf(account);
        byte[] seed = workspaces.keys(account.workspaceId()).seed();
        List<DigestBatch.Item> signed = new ArrayList<>();
        for (DigestBatch.Item item : pending.items()) {
            HdPath path = HdPath.parse(item.path()).orElseThrow();
            byte[] digest = HexFormat.of().parseHex(item.digest());
            DigestBatch.Signed signature = currency.addresses().curve() == KeyCurve.ED25519
                    ? Signatures.ed25519(AccountKeys.ed25519PrivateKeyAt(seed, path), digest)
                    : Signatures.secp256k1(AccountKeys.secp256k1PrivateKeyAt(seed, path), digest);
            signed.add(new DigestBatch.Item(item.digest(), item.path(), Optional.of(signature)));
        }
        DigestBatch done = pending.withItems(SigningStatus.SIGNED, signed);
        digests.update(tx, done);
        return done;
    }

    /** A rejected or expired request: a batch still pending is aborted. */
    public void abortDigests(Tx tx, long workspaceId, long batchId) {
        digests.find(tx, workspaceId, batchId).filter(batch -> batch.status() == SigningStatus.PENDING_APPROVAL)
                .ifPresent(batch -> digests.update(tx, batch.withItems(SigningStatus.ABORTED, batch.items())));
    }
}
