package io.coffer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes log records to standard error from one background thread, so that a request pays for
 * queueing its log line, not for formatting and a flushed write (with the JDK's console handler, one
 * line per request halved the server's throughput). The queue holds at most {@link #MAX_QUEUED}
 * records; when it is full a record is dropped and counted, and the count is written when there is
 * room again, so logging never blocks a request nor grows memory without bound. Lines are flushed
 * whenever the queue is empty, and on close.
 */
final class BackgroundLogHandler extends Handler {

    /** Records waiting to be written at most: about a second of requests at full speed. */
    static final int MAX_QUEUED = 65_536;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final BlockingQueue<LogRecord> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final AtomicLong dropped = new AtomicLong();
    private final Writer out;
    private final Thread writer;
    private volatile boolean open = true;

    BackgroundLogHandler() {
        this.out = new BufferedWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), 64 * 1024);
        this.writer = Thread.ofPlatform().daemon(true).name("coffer-log").start(this::loop);
    }

    @Override
    public void publish(LogRecord record) {
        if (!open || !isLoggable(record)) {
            return;
        }
        if (!queue.offer(record)) {
            dropped.incrementAndGet();
        }
    }

    private void loop() {
        while (open || !queue.isEmpty()) {
            try {
                LogRecord record = queue.poll(100, TimeUnit.MILLISECONDS);
                if (record != null) {
                    write(record);
                }
                if (queue.isEmpty()) {
                    out.flush();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                // standard error is gone: nothing better to do with a log line
            }
        }
    }

    private void write(LogRecord record) throws IOException {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            out.write(TIME.format(record.getInstant()) + " WARNING io.coffer: " + lost
                    + " log lines dropped (the log queue was full)\n");
        }
        StringBuilder line = new StringBuilder(160);
        appendTime(line, record.getMillis());
        line.append(' ').append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName()).append(": ").append(message(record)).append('\n');
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        out.write(line.toString());
    }

    private long second = Long.MIN_VALUE;
    private String secondText = "";

    /** {@code 2026-12-02T06:05:55.123Z}, the second's text kept from one line to the next (the writer thread's alone). */
    private void appendTime(StringBuilder line, long millis) {
        long now = Math.floorDiv(millis, 1000);
        if (now != second) {
            second = now;
            String full = TIME.format(java.time.Instant.ofEpochSecond(now));
            secondText = full.substring(0, full.length() - 1) + ".";
        }
        long fraction = Math.floorMod(millis, 1000);
        line.append(secondText).append(fraction < 100 ? "0" : "").append(fraction < 10 ? "0" : "").append(fraction).append('Z');
    }

    private static String message(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters == null || parameters.length == 0) {
            return record.getMessage();
        }
        return java.text.MessageFormat.format(record.getMessage(), parameters);
    }

    @Override
    public void flush() {
        // the writer flushes whenever it has caught up
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(2000);
            out.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // standard error is gone
        }
    }
}
