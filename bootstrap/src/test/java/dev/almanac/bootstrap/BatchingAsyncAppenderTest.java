package dev.almanac.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The access log's appender: every line written, in order, off the request thread, which never waits for it. */
class BatchingAsyncAppenderTest {
    private final LoggerContext context = context();
    private final Logger logger = context.getLogger("dev.almanac.http.access");
    private final BatchingAsyncAppender batching = new BatchingAsyncAppender();

    /** A logger context of the test's own (SLF4J gives the one it makes itself an MDC adapter; this one needs it). */
    private static LoggerContext context() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    @AfterEach
    void stop() {
        batching.stop();
        context.stop();
    }

    @Test
    void every_line_arrives_in_the_order_it_was_logged_also_from_many_threads() throws Exception {
        ListAppender<ILoggingEvent> written = started(new ListAppender<>());
        batching.setQueueSize(100_000);
        start(written);

        IntStream.range(0, 1_000).forEach(i -> logger.info("line {}", i));
        await(() -> written.list.size() == 1_000);
        assertThat(written.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactlyElementsOf(IntStream.range(0, 1_000).mapToObj(i -> "line " + i).toList());

        List<Thread> threads = IntStream.range(0, 8).mapToObj(t -> new Thread(() -> {
            for (int i = 0; i < 2_000; i++) {
                logger.info("thread {} line {}", t, i);
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        await(() -> written.list.size() == 17_000);
        for (int t = 0; t < 8; t++) {
            String prefix = "thread " + t + " ";
            assertThat(written.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith(prefix)))
                    .as("thread %d's lines, in its order", t)
                    .containsExactlyElementsOf(IntStream.range(0, 2_000).mapToObj(i -> prefix + "line " + i).toList());
        }
        assertThat(batching.droppedCount()).isZero();
    }

    @Test
    void a_logging_thread_never_waits_for_a_stuck_output_it_drops_what_does_not_fit() throws Exception {
        var stuck = started(new Stuck());
        batching.setQueueSize(100);
        start(stuck);

        logger.info("first");
        assertThat(stuck.entered.await(5, TimeUnit.SECONDS)).as("the worker is writing the first line").isTrue();
        // The output is stuck on "first": 100 lines may wait, the other 400 are dropped, and nobody blocks.
        Thread caller = new Thread(() -> IntStream.range(0, 500).forEach(i -> logger.info("line {}", i)));
        caller.start();
        caller.join(Duration.ofSeconds(10).toMillis());
        assertThat(caller.isAlive()).as("the logging thread is blocked").isFalse();
        assertThat(batching.droppedCount()).isEqualTo(400);

        stuck.release.countDown();
        await(() -> stuck.written.size() == 101);
        assertThat(stuck.written).startsWith("first", "line 0", "line 1").endsWith("line 99");
    }

    @Test
    void a_worker_asleep_after_a_quiet_spell_is_woken_by_the_next_line() throws Exception {
        ListAppender<ILoggingEvent> written = started(new ListAppender<>());
        batching.setSleepMillis(Duration.ofMinutes(5).toMillis());
        start(written);

        logger.info("before the quiet");
        await(() -> written.list.size() == 1);
        await(batching::asleep);
        Thread.sleep(200); // past its last look at the queue: parked for the five minutes
        logger.info("after the quiet");
        // Asleep for five minutes unless the line wakes it.
        await(() -> written.list.size() == 2);
    }

    @Test
    void stopping_writes_every_line_still_waiting_and_leaves_the_output_running() {
        ListAppender<ILoggingEvent> written = holding(50);
        batching.stop();

        assertThat(written.list).hasSize(50);
        assertThat(written.isStarted()).isTrue();
        logger.info("after the stop");
        assertThat(written.list).hasSize(50);
    }

    @Test
    void it_starts_again_after_a_stop_but_not_while_its_old_worker_is_still_writing() throws Exception {
        var stuck = started(new Stuck());
        start(stuck);
        logger.info("first");
        assertThat(stuck.entered.await(5, TimeUnit.SECONDS)).isTrue();

        batching.stop(); // gives up after a second: the output is stuck
        batching.start();
        assertThat(batching.isStarted()).as("started beside a worker still writing").isFalse();

        stuck.release.countDown();
        await(() -> stuck.written.size() == 1);
        await(() -> {
            batching.start();
            return batching.isStarted();
        });
        logger.info("second");
        await(() -> stuck.written.size() == 2);
        assertThat(stuck.written).containsExactly("first", "second");
    }

    @Test
    void the_shutdown_hook_writes_what_every_batching_appender_of_the_context_still_holds() {
        ListAppender<ILoggingEvent> written = holding(20);
        BatchingAsyncAppender.stopAll(context);

        assertThat(batching.isStarted()).isFalse();
        assertThat(written.list).hasSize(20);
        assertThat(written.isStarted()).isTrue();
    }

    @Test
    void it_does_not_start_without_an_output_or_with_a_queue_of_nothing() {
        batching.setContext(context);
        batching.start();
        assertThat(batching.isStarted()).isFalse();

        BatchingAsyncAppender empty = new BatchingAsyncAppender();
        empty.setContext(context);
        empty.addAppender(started(new ListAppender<>()));
        empty.setQueueSize(0);
        empty.start();
        assertThat(empty.isStarted()).isFalse();
    }

    /** The appender started with a five-minute batch, holding {@code lines} lines it has most likely not written. */
    private ListAppender<ILoggingEvent> holding(int lines) {
        ListAppender<ILoggingEvent> written = started(new ListAppender<>());
        batching.setBatchMillis(Duration.ofMinutes(5).toMillis());
        start(written);
        IntStream.range(0, lines).forEach(i -> logger.info("line {}", i));
        return written;
    }

    private <A extends AppenderBase<ILoggingEvent>> A started(A appender) {
        appender.setContext(context);
        appender.start();
        return appender;
    }

    private void start(AppenderBase<ILoggingEvent> output) {
        batching.setContext(context);
        batching.setName("ACCESS");
        batching.addAppender(output);
        batching.start();
        assertThat(batching.isStarted()).isTrue();
        logger.setAdditive(false);
        logger.addAppender(batching);
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s in vain").isLessThan(deadline);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** An output that hangs on its first line until released, as a blocked stdout would. */
    private static final class Stuck extends AppenderBase<ILoggingEvent> {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(event.getFormattedMessage());
        }
    }
}
