package dev.evalunit.benchmarks;

import dev.evalunit.testing.FakeOpenAiServer.RecordedRequest;
import dev.evalunit.testing.FakeOpenAiServer.Reply;

import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's script for {@link dev.evalunit.testing.FakeOpenAiServer}: answers "The code word is
 * kiwi-N." to a prompt naming task N. With faults on, it answers about a third of the calls with 500
 * and about a tenth with 429 ({@code Retry-After: 1}), never failing the same task more than twice,
 * so three retries always reach an answer. It counts the answers each task got.
 */
final class CodeWords implements Function<RecordedRequest, Reply> {

    private static final Pattern TASK = Pattern.compile("task (\\d+)");
    private static final int MOST_FAULTS_PER_TASK = 2;

    private final boolean faults;
    private final Map<String, AtomicInteger> faultsByTask = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answersByTask = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger served500 = new AtomicInteger();
    private final AtomicInteger served429 = new AtomicInteger();

    private CodeWords(boolean faults) {
        this.faults = faults;
    }

    /** @return a script that answers every call */
    static CodeWords answering() {
        return new CodeWords(false);
    }

    /** @return a script that fails some calls first, as described above */
    static CodeWords faulty() {
        return new CodeWords(true);
    }

    @Override
    public Reply apply(RecordedRequest request) {
        int call = calls.incrementAndGet();
        Matcher matcher = TASK.matcher(request.prompt());
        String task = matcher.find() ? matcher.group(1) : "?";
        if (faults) {
            int fault = fault(task, call);
            if (fault == 429) {
                served429.incrementAndGet();
                return Reply.error(429, "Rate limit reached for requests").withHeader("Retry-After", "1");
            }
            if (fault == 500) {
                served500.incrementAndGet();
                return Reply.error(500, "The server had an error");
            }
        }
        answersByTask.computeIfAbsent(task, key -> new AtomicInteger()).incrementAndGet();
        return request.answer("The code word is kiwi-" + task + ".");
    }

    int served500() {
        return served500.get();
    }

    int served429() {
        return served429.get();
    }

    /** @return how many successful answers each task got */
    Map<String, AtomicInteger> answersByTask() {
        return answersByTask;
    }

    /** @return 500, 429 or 0 (answer): a third of the calls 500, a tenth 429, at most twice per task */
    private int fault(String task, int call) {
        AtomicInteger count = faultsByTask.computeIfAbsent(task, key -> new AtomicInteger());
        if (count.get() >= MOST_FAULTS_PER_TASK) {
            return 0;
        }
        Random random = new Random(31L * task.hashCode() + count.get() * 7919L + call);
        double draw = random.nextDouble();
        int fault = draw < 1.0 / 3 ? 500 : draw < 1.0 / 3 + 0.1 ? 429 : 0;
        if (fault != 0) {
            count.incrementAndGet();
        }
        return fault;
    }
}
