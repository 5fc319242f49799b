package shop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Builds the daily report from three sections fetched in parallel. */
public class ReportGenerator {

    private static final List<String> SECTIONS = List.of("sales", "stock", "returns");

    private final ExecutorService pool = Executors.newFixedThreadPool(3);

    String generate() throws Exception {
        Map<String, Future<Integer>> futures = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            futures.put(section, pool.submit(() -> fetchSection(section)));
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Future<Integer>> future : futures.entrySet()) {
            parts.add(future.getKey() + "=" + future.getValue().get());
        }
        return "report: " + String.join(", ", parts);
    }

    private int fetchSection(String section) throws InterruptedException {
        Thread.sleep(20); // the warehouse database, stubbed
        return section.length() * 100;
    }

    public static void main(String[] args) throws Exception {
        ReportGenerator generator = new ReportGenerator();
        try {
            System.out.println(generator.generate());
        } finally {
            generator.pool.shutdown();
        }
    }
}
