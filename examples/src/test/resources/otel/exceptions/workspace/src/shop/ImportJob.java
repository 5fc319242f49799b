package shop;

import java.util.ArrayList;
import java.util.List;

/** Imports stock records from a CSV export; a malformed record is skipped and reported. */
public class ImportJob {

    record StockRecord(int id, String sku, int quantity) {
    }

    static final List<String> LINES = List.of(
            "1,mug,3",
            "2,tee,5",
            "3,cap,x",
            "4,bag,1",
            "5,pen,10");

    private final List<StockRecord> imported = new ArrayList<>();

    void run() {
        for (String line : LINES) {
            try {
                importLine(line);
            } catch (NumberFormatException e) {
                System.out.println("skipped record " + line.split(",")[0] + ": " + e.getMessage());
            }
        }
        System.out.println("imported " + imported.size() + " of " + LINES.size() + " records");
    }

    private void importLine(String line) {
        String[] fields = line.split(",");
        imported.add(new StockRecord(Integer.parseInt(fields[0]), fields[1], Integer.parseInt(fields[2])));
    }

    public static void main(String[] args) {
        new ImportJob().run();
    }
}
