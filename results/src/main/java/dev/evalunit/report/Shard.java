package dev.evalunit.report;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Which part of a suite a run scored, when the suite was split across machines.
 *
 * @param index this shard, from 1
 * @param total how many shards the suite was split into, at least 1
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record Shard(int index, int total) {

    public Shard {
        if (total < 1 || index < 1 || index > total) {
            throw new IllegalArgumentException("need 1 <= index <= total: " + index + "/" + total);
        }
    }

    /** @return {@code index/total}, e.g. {@code 2/4} */
    @Override
    public String toString() {
        return index + "/" + total;
    }
}
