package dev.almanac.bootstrap;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Hands log events to the appenders attached to it on a thread of its own, like logback's {@code AsyncAppender},
 * but that thread takes them in batches: while events keep coming it wakes every {@code batchMillis} (10 by
 * default) and writes everything that arrived, and only a thread that finds it asleep after a quiet spell wakes it.
 * A logging thread never waits: it adds the event to a lock-free queue, and drops it when {@code queueSize} events
 * are already waiting (never blocking a request on a slow stdout).
 *
 * <p>Why not {@code AsyncAppender}: its worker waits on the queue's condition, so under load nearly every access
 * line made the request thread wake it and the worker go back to sleep. In the benchmark's get-by-id scenario those
 * wake-ups were about a quarter of all the service's futex calls (docs/benchmarks.md).
 *
 * <pre>{@code
 * <appender name="ACCESS" class="dev.almanac.bootstrap.BatchingAsyncAppender">
 *   <queueSize>8192</queueSize>
 *   <appender-ref ref="STDOUT"/>
 * </appender>
 * }</pre>
 *
 * <p>Stopping it writes what is still waiting, for at most a second; the appenders attached to it keep running.
 * Its worker is a daemon thread and logback is not stopped at exit, so {@link Main}'s shutdown hook stops every
 * such appender once the service has closed ({@link #stopAll}): the lines of the last requests are written too.
 */
public final class BatchingAsyncAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {
    /** Quiet rounds after which the worker sleeps until an event wakes it. */
    private static final int QUIET_ROUNDS_BEFORE_SLEEP = 3;
    private static final long STOP_WAIT_MILLIS = 1_000;

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private final ConcurrentLinkedQueue<ILoggingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicBoolean asleep = new AtomicBoolean();
    private int queueSize = 8192;
    private long batchMillis = 10;
    private long sleepMillis = 1_000;
    private volatile Thread worker;

    /** How many events may wait before new ones are dropped; at least 1. */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** How often the worker writes while events keep coming, in milliseconds; at least 1. */
    public void setBatchMillis(long batchMillis) {
        this.batchMillis = batchMillis;
    }

    /**
     * How long the worker sleeps after a quiet spell when nothing wakes it, in milliseconds: only a safety net, as
     * the first event after the quiet wakes it at once.
     */
    public void setSleepMillis(long sleepMillis) {
        this.sleepMillis = sleepMillis;
    }

    /** Events dropped so far because {@code queueSize} were waiting. */
    public long droppedCount() {
        return dropped.get();
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (queueSize < 1 || batchMillis < 1 || sleepMillis < 1) {
            addError("queueSize, batchMillis and sleepMillis must be at least 1 for [" + name + "]");
            return;
        }
        if (!appenders.iteratorForAppenders().hasNext()) {
            addError("no appender attached to [" + name + "]: nothing to write to");
            return;
        }
        Thread previous = worker;
        if (previous != null && previous.isAlive()) {
            // Two workers would write the same queue out of order.
            addError("[" + name + "] is still writing what was waiting when it stopped; not started again");
            return;
        }
        Thread thread = new Thread(this::work, "logback-batching-" + name);
        thread.setDaemon(true);
        worker = thread;
        super.start();
        thread.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (waiting.incrementAndGet() > queueSize) {
            waiting.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        event.prepareForDeferredProcessing();
        queue.offer(event);
        if (asleep.get() && asleep.compareAndSet(true, false)) {
            LockSupport.unpark(worker);
        }
    }

    private void work() {
        int quietRounds = 0;
        while (isStarted()) {
            if (drain() > 0) {
                quietRounds = 0;
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(batchMillis));
            } else if (++quietRounds < QUIET_ROUNDS_BEFORE_SLEEP) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(batchMillis));
            } else {
                asleep.set(true);
                // An event that came after the last drain but before 'asleep' was set did not wake us: look again.
                if (queue.isEmpty()) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(sleepMillis));
                }
                asleep.set(false);
                // quietRounds stays where it is: when nothing came, the next round goes back to sleep at once.
            }
        }
        drain();
    }

    /** Writes every waiting event, in the order they came; how many there were. */
    private int drain() {
        int written = 0;
        ILoggingEvent event;
        while ((event = queue.poll()) != null) {
            waiting.decrementAndGet();
            written++;
            try {
                appenders.appendLoopOnAppenders(event);
            } catch (RuntimeException e) {
                addError("an appender of [" + name + "] failed", e);
            }
        }
        return written;
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        Thread thread = worker;
        LockSupport.unpark(thread);
        try {
            thread.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            addWarn("[" + name + "] could not write every waiting event within " + STOP_WAIT_MILLIS + " ms");
        }
        long lost = dropped.get();
        if (lost > 0) {
            addWarn("[" + name + "] dropped " + lost + " events because " + queueSize + " were waiting");
        }
        // The attached appenders are left running: they are shared (STDOUT serves the root logger too), and the
        // logger context stops them itself.
    }

    /**
     * Stops every {@code BatchingAsyncAppender} attached to a logger of {@code context}, writing what they hold; the
     * appenders they write to (stdout) keep running.
     */
    static void stopAll(LoggerContext context) {
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                if (it.next() instanceof BatchingAsyncAppender batching) {
                    batching.stop();
                }
            }
        }
    }

    /** Whether the worker sleeps until an event wakes it (for tests). */
    boolean asleep() {
        return asleep.get();
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String appenderName) {
        return appenders.getAppender(appenderName);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String appenderName) {
        return appenders.detachAppender(appenderName);
    }
}
