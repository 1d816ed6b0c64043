package cn.juece.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit: many request threads hand one writer thread their rows; the writer writes whatever has queued
 * since its last commit in one transaction and commits once for the lot (one chunk write on H2, one fsync
 * on PostgreSQL, instead of one per row). A caller is answered only after the commit that holds its row, so a
 * receipt still promises a stored row. Under no load a batch is one row and adds no wait; under load the
 * batches grow by themselves. If a batch fails, each of its rows is retried in a transaction of its own, so
 * one bad row costs no one else their write; its caller gets its own exception.
 *
 * <p>Stops after the web server (a lower lifecycle phase): the requests still in flight are written before
 * the database closes. A full queue refuses at once with {@code INTAKE_BUSY} (nothing is taken, the
 * caller is told to retry) instead of letting requests pile up without bound.
 */
public final class GroupCommit<T, R> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final String name;
    private final TransactionTemplate transactions;
    private final Function<T, R> write;
    private final int maxBatch;
    private final BlockingQueue<Pending<T, R>> queue;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private volatile IntConsumer committed = rows -> { };
    private volatile boolean running;
    private volatile int inFlight;
    private Thread writer;

    private record Pending<T, R>(T item, CompletableFuture<Done<R>> done) {
    }

    /** What the writer returned for the row, and whether the commit holding it is already on the disk. */
    private record Done<R>(R value, boolean durable) {
    }

    /** Runs after each commit, before its callers are answered (e.g. H2's CHECKPOINT SYNC); true when it made it durable. */
    private volatile java.util.function.BooleanSupplier durable = () -> false;

    /**
     * @param write runs inside the batch's transaction, once per row, in the order the rows arrived; it sees
     *              the rows written before it in the same batch
     */
    public GroupCommit(String name, TransactionTemplate transactions, int maxBatch, int capacity, Function<T, R> write) {
        this.name = name;
        this.transactions = transactions;
        this.write = write;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /** Writes the item with the next batch and returns what the write returned, once it is committed. */
    public R submit(T item) {
        if (!running) {
            throw new RuleViolation(HttpStatus.SERVICE_UNAVAILABLE, "INTAKE_UNAVAILABLE", "系统正在维护，暂不能接收提交，请稍后再试。本次提交未被接收。");
        }
        var pending = new Pending<T, R>(item, new CompletableFuture<Done<R>>());
        if (!queue.offer(pending)) {
            throw new RuleViolation(HttpStatus.SERVICE_UNAVAILABLE, "INTAKE_BUSY", "当前提交的人数较多，本次提交未被接收，请稍后再试。");
        }
        try {
            Done<R> done = pending.done().get();
            if (done.durable()) {
                DurableCommits.markDurable();   // the request's own checkpoint (H2WriteCheckpoint) has been done for it
            }
            return done.value();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the " + name + " commit", e);
        }
    }

    /**
     * Tells {@code listener} the number of rows of each commit, after the commit (a metrics counter: the intake rate).
     * Runs on the writer's thread: it must be quick and must not throw.
     */
    public GroupCommit<T, R> onCommitted(IntConsumer listener) {
        this.committed = listener;
        return this;
    }

    /**
     * Makes each commit durable before its callers are answered (on the embedded H2 file database: one shared
     * {@code CHECKPOINT SYNC} per batch, instead of one per waiting request after it). Runs on the writer's thread;
     * answers whether the commit is now on the disk; must not throw.
     */
    public GroupCommit<T, R> durable(java.util.function.BooleanSupplier makeDurable) {
        this.durable = makeDurable;
        return this;
    }

    /** Batches committed and rows written since start (for the benchmark and the log). */
    public long batches() {
        return batches.get();
    }

    public long rows() {
        return rows.get();
    }

    /** Rows waiting for the writer. */
    public int queued() {
        return queue.size();
    }

    /** Rows of the batch being written now. */
    public int inFlight() {
        return inFlight;
    }

    private void run() {
        List<Pending<T, R>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                inFlight = batch.size();
                try {
                    writeBatch(batch);
                } finally {
                    inFlight = 0;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // never let the writer die: each caller of the batch has already been answered
                log.error("{}: unexpected failure of the writer", name, e);
            }
        }
    }

    private void writeBatch(List<Pending<T, R>> batch) {
        List<R> results;
        try {
            results = transactions.execute(status -> batch.stream().map(p -> write.apply(p.item())).toList());
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            for (Pending<T, R> p : batch) {
                writeAlone(p);
            }
            return;
        }
        batches.incrementAndGet();
        rows.addAndGet(batch.size());
        counted(batch.size());
        boolean onDisk = makeDurable();
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(new Done<>(results.get(i), onDisk));
        }
    }

    private void writeAlone(Pending<T, R> p) {
        try {
            R result = transactions.execute(status -> write.apply(p.item()));
            batches.incrementAndGet();
            rows.incrementAndGet();
            counted(1);
            p.done().complete(new Done<>(result, makeDurable()));
        } catch (RuntimeException | Error e) {
            p.done().completeExceptionally(e);
        }
    }

    private boolean makeDurable() {
        try {
            return durable.getAsBoolean();
        } catch (RuntimeException e) {
            log.warn("{}: making the commit durable failed (each request checkpoints by itself): {}", name, e.toString());
            return false;
        }
    }

    private void counted(int n) {
        try {
            committed.accept(n);
        } catch (RuntimeException e) {
            log.warn("{}: commit listener failed: {}", name, e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        writer = new Thread(this::run, name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // anything still queued (the writer was stuck): tell its callers it was not taken
        Pending<T, R> left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new RuleViolation(HttpStatus.SERVICE_UNAVAILABLE, "INTAKE_UNAVAILABLE",
                    "系统正在维护，暂不能接收提交，请稍后再试。本次提交未被接收。"));
        }
        log.info("{}: stopped after {} rows in {} commits", name, rows.get(), batches.get());
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before and stops after the web server (phase DEFAULT - 2048), so no accepted request is cut. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 4096;
    }
}
