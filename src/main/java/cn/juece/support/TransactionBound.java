package cn.juece.support;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State one transaction gathers and acts on when it ends (audit chain heads written before the commit, decisions to
 * count): bound to the transaction under its owner's key, set aside while an inner transaction runs and dropped when
 * it ends.
 */
public abstract class TransactionBound implements TransactionSynchronization {

    private final Object owner;

    protected TransactionBound(Object owner) {
        this.owner = owner;
    }

    /** The state of this owner in the current transaction, bound and registered by {@code create} on first use. */
    public static <T extends TransactionBound> T of(Object owner, Class<T> type, java.util.function.Supplier<T> create) {
        Object bound = TransactionSynchronizationManager.getResource(owner);
        if (type.isInstance(bound)) {
            return type.cast(bound);
        }
        T state = create.get();
        TransactionSynchronizationManager.bindResource(owner, state);
        TransactionSynchronizationManager.registerSynchronization(state);
        return state;
    }

    /** This owner's state in the current transaction, if it has any. */
    public static <T extends TransactionBound> java.util.Optional<T> find(Object owner, Class<T> type) {
        Object bound = TransactionSynchronizationManager.getResource(owner);
        return type.isInstance(bound) ? java.util.Optional.of(type.cast(bound)) : java.util.Optional.empty();
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResourceIfPossible(owner);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(owner, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(owner);
    }
}
