package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.report.Shard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which tasks this run owns when the suite is split across CI jobs: {@code evalunit.shard=I/N},
 * else Bazel's test-sharding variables. The assignment hashes the suite and task id, so it is
 * the same on every machine and every rerun.
 */
final class ShardPlan {

    private static final Pattern SHARD = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)");

    private final Optional<Shard> shard;

    private ShardPlan(Optional<Shard> shard) {
        this.shard = shard;
    }

    static ShardPlan none() {
        return new ShardPlan(Optional.empty());
    }

    /**
     * @throws IllegalArgumentException when {@code evalunit.shard} or the Bazel variables are malformed
     */
    static ShardPlan from(Settings settings, Function<String, String> environment) {
        Optional<String> configured = settings.get(Constants.SHARD_PROPERTY_NAME);
        if (configured.isPresent()) {
            Matcher matcher = SHARD.matcher(configured.get());
            if (matcher.matches()) {
                int index = Integer.parseInt(matcher.group(1));
                int total = Integer.parseInt(matcher.group(2));
                if (total >= 1 && index >= 1 && index <= total) {
                    return new ShardPlan(Optional.of(new Shard(index, total)));
                }
            }
            throw new IllegalArgumentException("Configuration " + Constants.SHARD_PROPERTY_NAME + "=" + configured.get()
                    + " is not a shard; write I/N with 1 <= I <= N, e.g. 2/4 for the second of four shards");
        }
        String total = environment.apply("TEST_TOTAL_SHARDS");
        String index = environment.apply("TEST_SHARD_INDEX");
        if (total == null || index == null || total.isBlank() || index.isBlank()) {
            return none();
        }
        try {
            int n = Integer.parseInt(total.trim());
            int i = Integer.parseInt(index.trim());
            if (n >= 1 && i >= 0 && i < n) {
                touchStatusFile(environment.apply("TEST_SHARD_STATUS_FILE"));
                return new ShardPlan(Optional.of(new Shard(i + 1, n)));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Bazel sharding variables TEST_TOTAL_SHARDS=" + total + " and TEST_SHARD_INDEX="
                + index + " do not name a shard (the index is 0-based and below the total)");
    }

    /** Tells Bazel that this test runner understands sharding. */
    private static void touchStatusFile(String statusFile) {
        if (statusFile == null || statusFile.isBlank()) {
            return;
        }
        try {
            Path path = Path.of(statusFile);
            if (!Files.exists(path)) {
                Files.createFile(path);
            }
            Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("cannot touch TEST_SHARD_STATUS_FILE " + statusFile + ": " + e, e);
        }
    }

    Optional<Shard> shard() {
        return shard;
    }

    /** @param key the suite and task, e.g. {@code com.acme.SreEvalTest/tools/oom} */
    boolean owns(String key) {
        if (shard.isEmpty()) {
            return true;
        }
        return shardOf(key, shard.get().total()) == shard.get().index();
    }

    /** @return the 1-based shard of {@code key} among {@code total} */
    static int shardOf(String key, int total) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8) | (hash[3] & 0xffL);
            return (int) (value % total) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
